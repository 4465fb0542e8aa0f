import { randomBytes, randomUUID } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
/** The test mail server (scripts/e2e-mail.ts): the app sends to its SMTP port; specs read its mailbox. */
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? PORT + 2000);
const MAILBOX_PORT = Number(process.env.E2E_MAILBOX_PORT ?? PORT + 2001);
process.env.E2E_MAILBOX_URL = `http://127.0.0.1:${MAILBOX_PORT}`;
/** The schools' identity provider (scripts/e2e-oidc.ts): a real OpenID Connect provider; specs configure a school to use it. */
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? PORT + 2002);
process.env.E2E_OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
process.env.E2E_OIDC_CLIENT_ID ??= "retake-desk-e2e";
process.env.E2E_OIDC_CLIENT_SECRET ??= randomBytes(18).toString("base64url");
/** A fresh key per run for the app's sealed secrets (SSO client secrets, authenticator keys). */
const DATA_ENCRYPTION_KEY = process.env.E2E_DATA_ENCRYPTION_KEY ?? randomBytes(32).toString("base64");
process.env.E2E_DATA_ENCRYPTION_KEY = DATA_ENCRYPTION_KEY;

// Guards the server's test-data endpoint (e2e/data-server.ts); the workers inherit it from the runner.
process.env.E2E_DATA_TOKEN ??= randomUUID();

/**
 * End-to-end tests run against the production build on a fresh copy of the
 * demo database, two at a time: each test that changes data creates its own
 * (e2e/data.ts), so no test depends on another or on their order. Chromium comes from the machine (Debian's package) unless
 * CHROMIUM_PATH points elsewhere; set PLAYWRIGHT_USE_BUNDLED=1 to use
 * Playwright's own browser instead.
 */
const executablePath = process.env.PLAYWRIGHT_USE_BUNDLED ? undefined : (process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    // Recording a trace costs every test CPU (a snapshot at each action); only a retried test records one
    // (with CI set, a failed test is retried once). To trace a local run: npx playwright test --trace on.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: [
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: "npm run e2e:mail",
      url: `${process.env.E2E_MAILBOX_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { E2E_SMTP_PORT: String(SMTP_PORT), E2E_MAILBOX_PORT: String(MAILBOX_PORT) },
    },
    {
      command: "npm run e2e:oidc",
      url: `${process.env.E2E_OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        E2E_OIDC_PORT: String(OIDC_PORT),
        APP_ORIGIN: baseURL,
        E2E_OIDC_CLIENT_ID: process.env.E2E_OIDC_CLIENT_ID,
        E2E_OIDC_CLIENT_SECRET: process.env.E2E_OIDC_CLIENT_SECRET,
      },
    },
    {
      command: "npm run e2e:server",
      url: `${baseURL}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(PORT),
        APP_ORIGIN: baseURL,
        // One app process unless asked (E2E_WEB_CONCURRENCY): several start slower on a busy machine. The
        // multi-process mode is tested by tests/integration/processes.test.ts (ADR 0019).
        WEB_CONCURRENCY: process.env.E2E_WEB_CONCURRENCY ?? "1",
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        MAIL_POLL_MS: "250",
        E2E_DATA_TOKEN: process.env.E2E_DATA_TOKEN,
        DATA_ENCRYPTION_KEY,
        // The test provider speaks plain http on 127.0.0.1; nowhere else is http accepted.
        SSO_ALLOW_HTTP_LOOPBACK_ISSUER: "1",
      },
    },
  ],
});
