/**
 * The app's background work, each job in one process at a time across every
 * process and machine serving the same database (ADR 0019): the daily refresh
 * of derived case figures (ADR 0008), the mail worker and the time-driven mail
 * jobs (ADR 0013). Every app process starts them; only the lease holder runs
 * each, and another takes over within a lease's life if the holder dies.
 */

import { refreshStaleCases } from "#app/domain/cases/derive.server.ts";
import { fromDate } from "#app/domain/dates.ts";
import { runMailJobs } from "#app/domain/mail/jobs.server.ts";
import { deliverDue } from "#app/domain/mail/worker.server.ts";
import { env } from "#app/utils/env.server.ts";
import { LeasedJob } from "#app/utils/lease.server.ts";
import { logger } from "#app/utils/logger.server.ts";

const HOUR_MS = 60 * 60 * 1000;
/** A dead holder's jobs resume in another process within this long. */
export const LEASE_TTL_MS = 30_000;

export function backgroundJobs(): LeasedJob[] {
  return [
    new LeasedJob({
      name: "daily-refresh",
      // Hourly: it does nothing once the day's refresh is done, and catches the new day soon after midnight.
      everyMs: HOUR_MS,
      ttlMs: LEASE_TTL_MS,
      run: async () => {
        const n = await refreshStaleCases();
        if (n > 0) logger.info({ cases: n, on: fromDate(new Date()) }, "refreshed derived case figures");
      },
    }),
    new LeasedJob({
      name: "mail-worker",
      everyMs: env().MAIL_POLL_MS,
      ttlMs: LEASE_TTL_MS,
      run: async () => {
        const report = await deliverDue();
        if (report.sent || report.failed || report.retrying || report.expired) logger.info(report, "mail delivery");
      },
    }),
    new LeasedJob({ name: "mail-jobs", everyMs: HOUR_MS, ttlMs: LEASE_TTL_MS, run: () => runMailJobs() }),
  ];
}

/** Starts every background job; the returned function stops them and gives their leases up. */
export function startBackgroundJobs(): () => Promise<void> {
  const jobs = backgroundJobs().map((job) => job.start());
  return async () => {
    await Promise.all(jobs.map((job) => job.stop()));
  };
}
