import { defineConfig } from "vitest/config";

/**
 * Two projects (ADR 0007): `unit` runs the tests beside the code in app/, which
 * have no database; `integration` runs tests/, each file on a fresh copy of the
 * migrated database (tests/setup/setup-test-env.ts). The libSQL pass runs
 * `--project integration` only. Neither isolates files from each other's
 * modules: loading the app's module graph once per worker instead of once per
 * file is most of the suite's time.
 */
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    restoreMocks: true,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}"],
          setupFiles: ["./tests/setup/unit-env.ts", "./tests/setup/console.ts"],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.{ts,tsx}"],
          globalSetup: ["./tests/setup/global-setup.ts"],
          setupFiles: ["./tests/setup/setup-test-env.ts", "./tests/setup/console.ts"],
          isolate: false,
        },
      },
    ],
  },
});
