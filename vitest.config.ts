import { configDefaults, defineConfig } from "vitest/config";

/**
 * Three projects (ADR 0007): `unit` runs the tests beside the code in app/,
 * which have no database; `integration` runs tests/, each file on a fresh copy
 * of the migrated database (tests/setup/setup-test-env.ts); `start` runs
 * `npm start` with no configuration as its own process, which serves the
 * production build, so `npm test` runs it after the build. The libSQL pass runs
 * `--project integration` only. No project runs each file in a process of its
 * own (`isolate: false`): keeping the packages and the Prisma client loaded in
 * a worker saves most of the time a file took, while each file still loads the
 * project's modules afresh (tests/setup/*-env.ts).
 */

/**
 * Integration files whose subject is not the database driver: static checks of
 * the code, the test harness itself, the request layer that refuses a body
 * before any query runs, and the access log's walk of every route (it counts
 * rows the request layer writes; the leak test's walk reads every route on
 * libSQL too). The libSQL pass leaves them out; every other integration file
 * runs on both drivers.
 */
const DRIVER_INDEPENDENT = [
  "tests/infrastructure/**",
  "tests/integration/access-audit.test.ts",
  "tests/integration/hostile-input.test.ts",
  "tests/integration/security-headers.test.ts",
  "tests/integration/security-middleware.test.ts",
];
const START_TEST = "tests/integration/start.test.ts";

const databaseTests = {
  globalSetup: ["./tests/setup/global-setup.ts"],
  setupFiles: ["./tests/setup/setup-test-env.ts", "./tests/setup/console.ts"],
  isolate: false,
};

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
          exclude: [...configDefaults.exclude, START_TEST, ...(process.env.DATABASE_DRIVER === "libsql" ? DRIVER_INDEPENDENT : [])],
          ...databaseTests,
        },
      },
      {
        extends: true,
        test: { name: "start", include: [START_TEST], ...databaseTests },
      },
    ],
  },
});
