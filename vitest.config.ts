import { configDefaults, defineConfig } from "vitest/config";

/**
 * Two projects (ADR 0007): `unit` runs the tests beside the code in app/, which
 * have no database; `integration` runs tests/, each file on a fresh copy of the
 * migrated database (tests/setup/setup-test-env.ts). The libSQL pass runs
 * `--project integration` only. Neither runs each file in a process of its
 * own (`isolate: false`): keeping the packages and the Prisma client loaded in
 * a worker saves most of the time a file took, while each file still loads the
 * project's modules afresh (tests/setup/*-env.ts).
 */
/**
 * Integration files whose subject is not the database driver: static checks of
 * the code, the test harness itself, and the request layer that refuses a body
 * before any query runs. The libSQL pass leaves them out (ADR 0007); every
 * other integration file runs on both drivers.
 */
const DRIVER_INDEPENDENT = [
  "tests/infrastructure/**",
  "tests/integration/hostile-input.test.ts",
  "tests/integration/security-headers.test.ts",
  "tests/integration/security-middleware.test.ts",
];

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
          exclude: [...configDefaults.exclude, ...(process.env.DATABASE_DRIVER === "libsql" ? DRIVER_INDEPENDENT : [])],
          globalSetup: ["./tests/setup/global-setup.ts"],
          setupFiles: ["./tests/setup/setup-test-env.ts", "./tests/setup/console.ts"],
          isolate: false,
        },
      },
    ],
  },
});
