/**
 * Runs before each test file: a private copy of the migrated template database,
 * selected through DATABASE_URL before any app module creates the client.
 */
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const dir = path.join(root, "tests", ".db");
const file = path.join(dir, `test-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
copyFileSync(path.join(dir, "template.db"), file);

process.env.NODE_ENV = "test";
process.env.DATABASE_URL = `file:${file}`;
process.env.APP_ORIGIN ??= "http://localhost:3000";

afterAll(async () => {
  // Only files that used the database created a client; pure unit tests never import it.
  if ((globalThis as { __retakeDeskDb?: unknown }).__retakeDeskDb) {
    const { disconnectDb } = await import("../../app/utils/db.server");
    await disconnectDb();
  }
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
});
