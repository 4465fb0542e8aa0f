import { defineConfig } from "vitest/config";

/**
 * Two projects (ADR 0007): `unit` runs the tests beside the code in app/, which
 * have no database; `integration` runs tests/, each file on a fresh copy of the
 * migrated database (tests/setup/setup-test-env.ts). The libSQL pass runs
 * `--project integration` only. Neither runs each file in a process of its
 * own (`isolate: false`): keeping the packages and the Prisma client loaded in
 * a worker saves most of the time a file took, while each file still loads the
 * project's modules afresh (tests/setup/*-env.ts).
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
