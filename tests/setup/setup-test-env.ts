/**
 * Runs before each integration test file: a fresh copy of the migrated
 * template database, selected through DATABASE_URL before any app module
 * creates the client. A file named `*.demo.test.ts` gets a copy of the demo
 * database instead (the migrations and the demo seed, built once).
 *
 * The files one worker runs share the app's modules and its one Prisma client
 * (`isolate: false`, ADR 0007): the worker keeps one database path, and each
 * file replaces what is there with a fresh copy while the client is
 * disconnected; the client reconnects on its next query.
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
