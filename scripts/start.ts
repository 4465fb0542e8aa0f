/**
 * `npm start`: applies pending migrations, loads the demo data into an empty
 * database, and serves the production build on PORT (default 3000).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RequestHandler } from "express";

process.env.NODE_ENV ??= "production";
process.env.DATABASE_URL ??= "file:./prisma/dev.db";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
process.env.APP_ORIGIN ??= `http://localhost:${port}`;

function migrate() {
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/**
 * Migrates, seeds an empty database and serves the build. `before` handles
 * requests ahead of the app (the end-to-end server mounts its test-data
 * endpoint there: scripts/e2e-server.ts); the app never has it.
 */
export async function main(options: { before?: RequestHandler } = {}) {
  if (!existsSync(path.join(root, "build", "server", "index.js"))) {
    console.error("No production build found: run `npm run build` first.");
    process.exit(1);
  }
  migrate();
  const { seedIfEmpty, DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("../prisma/seed.ts");
  const seeded = await seedIfEmpty();
  const { createApp } = await import("../server/index.ts");
  const { scheduleDailyRefresh } = await import("../app/domain/cases/derive.server.ts");
  const { scheduleMailDelivery } = await import("../app/domain/mail/worker.server.ts");
  const { scheduleMailJobs } = await import("../app/domain/mail/jobs.server.ts");
  const app = await createApp(path.join(root, "build"));
  scheduleDailyRefresh();
  // Mail (ADR 0013): the outbox worker, and the overdue-escalation and weekly-digest jobs.
  scheduleMailDelivery();
  scheduleMailJobs();
  let served = app;
  if (options.before) {
    const { default: express } = await import("express");
    served = express().disable("x-powered-by").use(options.before, app);
  }
  served.listen(port, () => {
    console.log(`Retake Desk is running at ${process.env.APP_ORIGIN}`);
    if (seeded !== "absent") {
      console.log(`\nDemo accounts (password "${DEMO_PASSWORD}"):`);
      for (const account of DEMO_ACCOUNTS) console.log(`  ${account.school.padEnd(11)} ${account.role.padEnd(8)} ${account.email}`);
    }
    if (!process.env.SMTP_URL) {
      console.log("\nNo SMTP_URL is set: e-mail stays in the outbox and is printed to this log.");
    }
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
