/**
 * Serves the production build for end-to-end tests on a fresh database with
 * the demo data, so every run starts from the same state.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dir = path.join(root, "e2e", ".db");
mkdirSync(dir, { recursive: true });
// One database per port, so separate end-to-end runs never share state.
const file = path.join(dir, `e2e-${process.env.PORT ?? "3100"}.db`);
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "production";
await import("./start.ts");
