/**
 * `npm start` on a fresh machine needs no configuration: `scripts/start.ts`
 * runs as its own process with none of the optional settings (no SMTP_URL, no
 * DATA_ENCRYPTION_KEY, no APP_ORIGIN, no single sign-on variables) on a
 * database file that does not exist yet. It migrates, loads the demo data,
 * serves the production build, signs a demo account in, prints mail to its
 * log instead of sending it (keeping no link in the database), and stops
 * cleanly on SIGTERM.
 *
 * It serves build/, so it needs `npm run build` first. scripts/test-all.sh
 * runs this file after its build (and leaves it out of the Vitest passes that
 * run beside the build); run alone without a build, it is skipped and says why.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const built = existsSync(path.join(root, "build", "server", "index.js"));
const file = path.join(root, "tests", ".db", `start-${process.pid}-${Date.now()}.db`);

/** Settings a fresh machine does not have: the app must run without every one of them. */
const OPTIONAL =
  /^(SMTP_URL|MAIL_FROM|DATA_ENCRYPTION_KEY|DATA_ENCRYPTION_KEY_PREVIOUS|APP_ORIGIN|TRUST_PROXY|SSO_.*|OIDC_.*|VITEST.*|NODE_ENV|DATABASE_DRIVER|LOG_LEVEL|WEB_CONCURRENCY|PORT)$/;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let child: ChildProcess | undefined;
let output = "";

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill("SIGKILL");
    await new Promise((resolve) => child?.once("exit", resolve));
  }
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child?.exitCode !== null) throw new Error(`npm start exited (${child?.exitCode}) while waiting for ${what}:\n${output}`);
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}:\n${output}`);
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

// Without a build the test is skipped, and its name says why.
const needsBuild = built ? "" : " (skipped: no production build; run `npm run build` first)";

describe(`npm start with no configuration${needsBuild}`, () => {
  it.skipIf(!built)(
    "migrates and seeds a new database, serves the demo, signs a demo account in, prints mail instead of sending it, stops on SIGTERM",
    async () => {
      const started = Date.now();
      const port = await freePort();
      const origin = `http://localhost:${port}`;
      const env: NodeJS.ProcessEnv = {};
      for (const [key, value] of Object.entries(process.env)) if (!OPTIONAL.test(key)) env[key] = value;
      mkdirSync(path.dirname(file), { recursive: true });
      Object.assign(env, { DATABASE_URL: `file:${file}`, PORT: String(port), WEB_CONCURRENCY: "1" });
      child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
        cwd: root,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout?.on("data", (chunk) => {
        output += chunk;
      });
      child.stderr?.on("data", (chunk) => {
        output += chunk;
      });
      const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));

      // Up: the health check answers once migrations and the demo data are in (about 20 s of seeding on a quiet machine).
      await waitFor("the health check", async () => ((await fetch(`${origin}/healthz`)).ok ? true : undefined), 200_000);
      await waitFor("the banner", async () => (output.includes("Demo accounts") ? true : undefined), 10_000);
      expect(output).toContain(`Retake Desk is running at ${origin} (1 process)`);
      expect(output).toContain("tutor@northfield.edu");
      expect(output).toContain("No SMTP_URL is set: e-mail is printed to this log instead of sent.");

      const login = await fetch(`${origin}/login`);
      expect(login.status).toBe(200);
      expect(await login.text()).toContain("Sign in");

      // A demo tutor signs in with the demo password; the request comes from the page's own origin (APP_ORIGIN's default).
      const signedIn = await fetch(`${origin}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
        body: form({ email: "tutor@northfield.edu", password: "retake-desk-demo" }),
      });
      expect(signedIn.status).toBe(302);
      const session = signedIn.headers
        .getSetCookie()
        .find((c) => c.startsWith("rd_session="))
        ?.split(";")[0];
      expect(session).toBeTruthy();
      // Her caseload, from the demo data: the demo student is on it.
      const cases = await fetch(`${origin}/cases`, { headers: { Cookie: session as string } });
      expect(cases.status).toBe(200);
      const caseload = await cases.text();
      expect(caseload).toMatch(/<table/);
      expect(caseload).toContain("Jordan Lee");
      // Without the session, the same page sends to the sign-in.
      expect((await fetch(`${origin}/cases`, { redirect: "manual" })).status).toBe(302);
      // Another origin's form post is refused.
      const forged = await fetch(`${origin}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://evil.example" },
        body: form({ email: "tutor@northfield.edu", password: "retake-desk-demo" }),
      });
      expect(forged.status).toBe(403);

      // Mail without SMTP: a reset link is printed to the log, and the database keeps only the envelope.
      const reset = await fetch(`${origin}/forgot-password`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
        body: form({ email: "student@northfield.edu" }),
      });
      expect(reset.status).toBe(200);
      const printed = await waitFor(
        "the reset mail in the log",
        async () =>
          output.split("\n").find((line) => line.includes("not sent (no SMTP_URL is set)") && line.includes("student@northfield.edu")),
        15_000,
      );
      expect(printed).toMatch(new RegExp(`${origin}/reset-password/[a-z2-7]+`));
      const db = new Database(file, { readonly: true });
      try {
        expect(
          db
            .prepare("SELECT status, text, html FROM OutboxMessage WHERE toAddress = ? AND kind = 'PASSWORD_RESET'")
            .all("student@northfield.edu"),
        ).toEqual([{ status: "LOGGED", text: "", html: "" }]);
      } finally {
        db.close();
      }

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      console.info(`npm start with no configuration: up, checked and stopped in ${Date.now() - started} ms`);
    },
    240_000,
  );
});
