/**
 * `npm start`: applies pending migrations, loads the demo data into an empty
 * database, and serves the production build on PORT (default 3000) from one
 * process per core (WEB_CONCURRENCY to choose another number), all on the same
 * database (ADR 0019). The processes keep nothing between requests that
 * matters: sessions, throttles and the leases of the background jobs are rows.
 *
 * On SIGTERM (or SIGINT) each process stops accepting connections, finishes
 * the requests in flight, stops its background jobs and gives their leases up,
 * then exits; the primary process waits for all of them.
 */
import { execFileSync } from "node:child_process";
import cluster from "node:cluster";
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RequestHandler } from "express";

process.env.NODE_ENV ??= "production";
process.env.DATABASE_URL ??= "file:./prisma/dev.db";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
process.env.APP_ORIGIN ??= `http://localhost:${port}`;

/** A process still busy this long after SIGTERM has its connections cut. */
const SHUTDOWN_GRACE_MS = 10_000;

function migrate() {
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** WEB_CONCURRENCY, or one process per core. */
export function processCount(value = process.env.WEB_CONCURRENCY): number {
  if (value === undefined || value.trim() === "") return Math.max(1, availableParallelism());
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`WEB_CONCURRENCY must be a whole number from 1 (got "${value}")`);
  return n;
}

/**
 * Migrates, seeds an empty database and serves the build. `before` handles
 * requests ahead of the app (the end-to-end server mounts its test-data
 * endpoint there: scripts/e2e-server.ts); the app never has it. With more than
 * one process, the worker processes run the calling script again and reach
 * here with `cluster.isPrimary` false: they only serve.
 */
export async function main(options: { before?: RequestHandler } = {}) {
  if (cluster.isWorker) {
    await serve(options);
    return;
  }
  if (!existsSync(path.join(root, "build", "server", "index.js"))) {
    console.error("No production build found: run `npm run build` first.");
    process.exit(1);
  }
  const count = processCount();
  migrate();
  const { seedIfEmpty } = await import("../prisma/seed.ts");
  const seeded = await seedIfEmpty();
  const banner = () => printBanner(seeded !== "absent", count);
  if (count === 1) {
    await serve(options, banner);
    return;
  }
  // The primary only forks and watches; it closes its own connection so the workers own the database.
  const { disconnectDb } = await import("#app/utils/db.server.ts");
  await disconnectDb();
  superviseWorkers(count, banner);
}

function printBanner(seeded: boolean, count: number) {
  console.log(`Retake Desk is running at ${process.env.APP_ORIGIN} (${count} process${count === 1 ? "" : "es"})`);
  if (seeded) {
    // Imported lazily: the seed module is only needed for the banner's account list.
    void import("../prisma/seed.ts").then(({ DEMO_ACCOUNTS, DEMO_PASSWORD }) => {
      console.log(`\nDemo accounts (password "${DEMO_PASSWORD}"):`);
      for (const account of DEMO_ACCOUNTS) console.log(`  ${account.school.padEnd(11)} ${account.role.padEnd(8)} ${account.email}`);
    });
  }
  if (!process.env.SMTP_URL) {
    console.log("\nNo SMTP_URL is set: e-mail is printed to this log instead of sent.");
  }
}

/** Forks `count` workers, replaces one that dies, and on SIGTERM/SIGINT stops them all and waits. */
function superviseWorkers(count: number, onListening: () => void) {
  let stopping = false;
  let listening = 0;
  cluster.on("listening", () => {
    listening += 1;
    if (listening === count) onListening();
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
    cluster.fork();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) if (worker?.process.pid) process.kill(worker.process.pid, "SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  for (let i = 0; i < count; i += 1) cluster.fork();
}

/** One serving process: the app, its background jobs, and a graceful stop. */
async function serve(options: { before?: RequestHandler }, onListening?: () => void) {
  if (process.env.NODE_ENV === "production") {
    const { resolveReactRouterProductionBuild } = await import("../server/react-router-production.ts");
    resolveReactRouterProductionBuild();
  }
  const { createApp } = await import("../server/index.ts");
  const { startBackgroundJobs } = await import("../server/background.ts");
  const { dbReady, disconnectDb } = await import("#app/utils/db.server.ts");
  await dbReady();
  const app = await createApp(path.join(root, "build"));
  let served = app;
  if (options.before) {
    const { default: express } = await import("express");
    served = express().disable("x-powered-by").use(options.before, app);
  }
  const stopJobs = startBackgroundJobs();
  const server: Server = served.listen(port, () => onListening?.());
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    force.unref();
    // close() stops accepting and waits for the requests in flight; idle keep-alive connections close now.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    void Promise.all([closed, stopJobs()])
      .then(() => disconnectDb())
      .catch((error) => console.error(error))
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
