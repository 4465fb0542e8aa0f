/**
 * Runs before each integration test file: a fresh copy of the migrated
 * template database, selected through DATABASE_URL before any app module
 * creates the client. A file named `*.demo.test.ts` gets a copy of the demo
 * database instead (the migrations and the demo seed, built once).
 *
 * The files one worker runs share one process (`isolate: false`, ADR 0007):
 * packages stay loaded and the Prisma client stays open, which is most of the
 * time a test file took. Everything else starts afresh for each file: the
 * project's modules are loaded again (`vi.resetModules`), the environment is
 * the worker's, and the worker's one database path gets a fresh copy while the
 * client is disconnected (it reconnects on its next query).
 */
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { afterAll, expect, vi } from "vitest";
import { ensureDemoDatabase } from "./demo-database";

const root = path.resolve(import.meta.dirname, "..", "..");
const dir = path.join(root, "tests", ".db");
const file = path.join(dir, `test-${process.pid}-${threadId}.db`);

type Client = { $disconnect(): Promise<void> };
const client = () => (globalThis as { __retakeDeskDb?: { client: Client } }).__retakeDeskDb?.client;

function remove() {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}

// The environment the worker started with: what a file set does not reach the next.
const ENV_KEY = Symbol.for("retake-desk.worker-env");
const holder = globalThis as { [ENV_KEY]?: Record<string, string | undefined> };
holder[ENV_KEY] ??= { ...process.env };
const workerEnv = holder[ENV_KEY];
for (const key of Object.keys(process.env)) if (!(key in workerEnv) && !key.startsWith("VITEST")) delete process.env[key];
for (const [key, value] of Object.entries(workerEnv)) if (!key.startsWith("VITEST")) process.env[key] = value;
// The project's modules (the app's, with their in-memory state) load afresh for this file; packages stay loaded.
vi.resetModules();

const demo = /\.demo\.test\.tsx?$/.test(expect.getState().testPath ?? "");
const source = demo ? await ensureDemoDatabase() : path.join(dir, "template.db");
await client()?.$disconnect();
remove();
copyFileSync(source, file);

process.env.NODE_ENV = "test";
process.env.DATABASE_URL = `file:${file}`;
process.env.APP_ORIGIN ??= "http://localhost:3000";

afterAll(async () => {
  // What one file changed in the test environment does not reach the next.
  vi.useRealTimers();
  // Only files that used the database created a client; it stays for the worker's next file, disconnected.
  await client()?.$disconnect();
  remove();
});
