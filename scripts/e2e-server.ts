/**
 * Serves the production build for end-to-end tests on a fresh copy of the demo
 * database (built once: tests/setup/demo-database.ts), so every run starts
 * from the same state without seeding again. In front of the app it mounts
 * the test-data endpoint the tests create their records with
 * (e2e/data-server.ts), guarded by the run's E2E_DATA_TOKEN.
 */
import cluster from "node:cluster";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureDemoDatabase } from "../tests/setup/demo-database.ts";

const root = path.resolve(import.meta.dirname, "..");
// The primary prepares the database; worker processes (scripts/start.ts) run this file again and inherit its environment.
if (cluster.isPrimary) {
  const dir = path.join(root, "e2e", ".db");
  mkdirSync(dir, { recursive: true });
  // One database per port, so separate end-to-end runs never share state.
  const file = path.join(dir, `e2e-${process.env.PORT ?? "3100"}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  copyFileSync(await ensureDemoDatabase(), file);
  process.env.DATABASE_URL = `file:${file}`;
  process.env.NODE_ENV = "production";
}

const { main } = await import("./start.ts");
const { dataEndpoint } = await import("../e2e/data-server.ts");
await main({ before: dataEndpoint(process.env.E2E_DATA_TOKEN ?? "") });
