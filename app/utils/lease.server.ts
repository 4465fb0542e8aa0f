/**
 * Leases (ADR 0019): background work that must run in one process at a time,
 * however many processes or machines serve the app. A lease is a row with a
 * holder and an expiry; taking it is one statement that succeeds when the row
 * is free, expired, or already ours (a renewal). The holder renews it well
 * before it expires; a holder that dies stops renewing, and once the lease has
 * expired the next process to ask takes it over.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { prisma } from "./db.server";
import { logger } from "./logger.server";

/** This process, as a lease holder: readable in the table, unique across restarts. */
const PROCESS_HOLDER = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Takes or renews `name` for `ttlMs`; true when `holder` holds it now. */
export async function acquireLease(name: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  const rows = await prisma.$queryRaw<Array<{ holder: string }>>`
    INSERT INTO "Lease" ("name", "holder", "expiresAt", "acquiredAt") VALUES (${name}, ${holder}, ${now + ttlMs}, ${now})
    ON CONFLICT ("name") DO UPDATE SET
      "holder" = excluded."holder",
      "expiresAt" = excluded."expiresAt",
      "acquiredAt" = CASE WHEN "Lease"."holder" = excluded."holder" THEN "Lease"."acquiredAt" ELSE excluded."acquiredAt" END
    WHERE "Lease"."holder" = excluded."holder" OR "Lease"."expiresAt" <= ${now}
    RETURNING "holder"`;
  return rows.length === 1;
}

/** Gives `name` up if `holder` has it, so another process need not wait for it to expire. */
export async function releaseLease(name: string, holder: string): Promise<void> {
  await prisma.$executeRaw`DELETE FROM "Lease" WHERE "name" = ${name} AND "holder" = ${holder}`;
}

interface LeasedJobOptions {
  /** The lease's name: one job of that name runs across all processes. */
  name: string;
  /** Run this often while the lease is held (and at once when it is taken). */
  everyMs: number;
  /** The lease lasts this long unless renewed; a dead holder's job resumes elsewhere within it. */
  ttlMs: number;
  run: () => Promise<void>;
  holder?: string;
}

/**
 * A job that runs only in the process holding its lease. Every process ticks
 * (a third of the lease's life, or the job's own interval if shorter): once a
 * third of the lease's life the tick takes or renews the lease, and it runs
 * the job when it is due. A run in progress keeps the lease renewed by the
 * ticks around it, and is never started twice.
 */
export class LeasedJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private nextRunAt = 0;
  private askedAt = Number.NEGATIVE_INFINITY;
  private stopped = false;
  held = false;
  readonly holder: string;

  constructor(private readonly options: LeasedJobOptions) {
    this.holder = options.holder ?? PROCESS_HOLDER;
  }

  start(): this {
    const tickMs = Math.min(this.options.everyMs, Math.floor(this.options.ttlMs / 3));
    void this.tick();
    this.timer = setInterval(() => void this.tick(), tickMs);
    this.timer.unref();
    return this;
  }

  /** One tick: take or renew the lease, and run the job if it is due. */
  async tick(now = Date.now()): Promise<void> {
    if (this.stopped) return;
    const { name, ttlMs, everyMs } = this.options;
    // The lease is asked for (taken or renewed) once a third of its life: a job that runs more often than
    // that does not write the lease row at every run.
    if (now - this.askedAt >= ttlMs / 3) {
      this.askedAt = now;
      try {
        const held = await acquireLease(name, this.holder, ttlMs, now);
        if (held && !this.held) logger.info({ lease: name, holder: this.holder }, "took lease");
        this.held = held;
      } catch (error) {
        // Unable to renew: act as if the lease were lost, so no run starts on a lease that may have expired.
        this.held = false;
        logger.warn({ err: error, lease: name }, "lease renewal failed");
      }
    }
    if (!this.held) {
      this.nextRunAt = 0; // whoever takes it over runs the job at once
      return;
    }
    if (this.running || this.stopped || now < this.nextRunAt) return;
    this.nextRunAt = now + everyMs;
    this.running = this.options
      .run()
      .catch((error) => logger.error({ err: error, lease: name }, "leased job failed"))
      .finally(() => {
        this.running = undefined;
      });
    await this.running;
  }

  /** Stops ticking, waits for a run in progress, and gives the lease up. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    if (this.held) await releaseLease(this.options.name, this.holder).catch(() => undefined);
    this.held = false;
  }
}
