/**
 * Throttles kept in the database (ADR 0019, after ADR 0003), so there is one
 * limit however many app processes serve: a sliding window of failures per
 * account, and a refilling token bucket per client address. Every check and
 * every take is one SQL statement, so two processes cannot both spend the
 * last token. Rows that no longer limit anything are swept out as the tables
 * are written, so they hold the keys of the last window, not every key ever seen.
 */
import { prisma } from "./db.server";

/** A process sweeps a throttle's expired rows once in this many writes to it. */
const SWEEP_EVERY = 200;

export class FailureWindow {
  private writes = 0;

  constructor(
    readonly scope: string,
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until another attempt is allowed; 0 when allowed now. */
  async retryAfter(key: string, now = Date.now()): Promise<number> {
    // The maxFailures-th most recent failure inside the window: while it is there, the key waits until it leaves.
    const rows = await prisma.$queryRaw<Array<{ at: number }>>`
      SELECT "at" FROM "ThrottleFailure"
      WHERE "scope" = ${this.scope} AND "key" = ${key} AND "at" > ${now - this.windowMs}
      ORDER BY "at" DESC LIMIT 1 OFFSET ${this.maxFailures - 1}`;
    const at = rows[0]?.at;
    return at === undefined ? 0 : Math.max(0, this.windowMs - (now - Number(at)));
  }

  async fail(key: string, now = Date.now()): Promise<void> {
    await prisma.$executeRaw`INSERT INTO "ThrottleFailure" ("scope", "key", "at") VALUES (${this.scope}, ${key}, ${now})`;
    this.writes += 1;
    if (this.writes % SWEEP_EVERY === 0) await this.sweep(now);
  }

  async reset(key: string): Promise<void> {
    await prisma.$executeRaw`DELETE FROM "ThrottleFailure" WHERE "scope" = ${this.scope} AND "key" = ${key}`;
  }

  /** Drops the failures that have left the window. */
  async sweep(now = Date.now()): Promise<void> {
    await prisma.$executeRaw`DELETE FROM "ThrottleFailure" WHERE "scope" = ${this.scope} AND "at" <= ${now - this.windowMs}`;
  }

  /** How many keys have failures kept (tests). */
  async size(): Promise<number> {
    const rows = await prisma.$queryRaw<Array<{ n: number | bigint }>>`
      SELECT COUNT(DISTINCT "key") AS n FROM "ThrottleFailure" WHERE "scope" = ${this.scope}`;
    return Number(rows[0]?.n ?? 0);
  }
}

export class TokenBucket {
  private writes = 0;

  constructor(
    readonly scope: string,
    private readonly capacity: number,
    private readonly refillPerSecond: number,
  ) {}

  /** Takes one token; false when the bucket is empty. One statement: refill, take and answer. */
  async consume(key: string, now = Date.now()): Promise<boolean> {
    const { capacity, refillPerSecond: rate } = this;
    // SQLite evaluates every SET expression on the row as it was, so `refilled` is the same in each.
    // A clock behind the last take (another machine's) refills nothing rather than draining.
    const rows = await prisma.$queryRaw<Array<{ allowed: number | bigint }>>`
      INSERT INTO "ThrottleBucket" ("scope", "key", "tokens", "at", "allowed")
      VALUES (${this.scope}, ${key}, ${capacity - 1}, ${now}, 1)
      ON CONFLICT ("scope", "key") DO UPDATE SET
        "tokens" = CASE
          WHEN min(${capacity}, "tokens" + max(0, ${now} - "at") / 1000.0 * ${rate}) >= 1
          THEN min(${capacity}, "tokens" + max(0, ${now} - "at") / 1000.0 * ${rate}) - 1
          ELSE min(${capacity}, "tokens" + max(0, ${now} - "at") / 1000.0 * ${rate}) END,
        "allowed" = CASE
          WHEN min(${capacity}, "tokens" + max(0, ${now} - "at") / 1000.0 * ${rate}) >= 1 THEN 1 ELSE 0 END,
        "at" = max("at", ${now})
      RETURNING "allowed"`;
    this.writes += 1;
    if (this.writes % SWEEP_EVERY === 0) await this.sweep(now);
    return Number(rows[0]?.allowed) === 1;
  }

  /** Drops the buckets that have filled up again: they are the same as no bucket. */
  async sweep(now = Date.now()): Promise<void> {
    const fullAfterMs = (this.capacity / this.refillPerSecond) * 1000;
    await prisma.$executeRaw`DELETE FROM "ThrottleBucket" WHERE "scope" = ${this.scope} AND "at" <= ${now - fullAfterMs}`;
  }

  /** How many addresses have a bucket kept (tests). */
  async size(): Promise<number> {
    const rows = await prisma.$queryRaw<Array<{ n: number | bigint }>>`
      SELECT COUNT(*) AS n FROM "ThrottleBucket" WHERE "scope" = ${this.scope}`;
    return Number(rows[0]?.n ?? 0);
  }
}

/** Five wrong passwords per account per minute; the sixth attempt waits. */
export const loginFailures = new FailureWindow("login", 5, 60_000);
/** Twenty sign-in attempts per address, refilling one a second. */
export const loginBuckets = new TokenBucket("login", 20, 1);

/**
 * The client's address as stamped by server/index.ts, which overwrites whatever
 * the client sent (and honours X-Forwarded-For only when TRUST_PROXY is set).
 */
export function clientAddress(request: Request): string {
  return request.headers.get("x-retake-desk-client") || "local";
}

/** Password reset links: at most three mails per address (e-mail) in a quarter of an hour, whoever asks. */
export const resetRequestsPerEmail = new FailureWindow("reset-email", 3, 15 * 60_000);
/** Ten reset requests per client address, refilling one a minute. */
export const resetRequestsPerClient = new TokenBucket("reset-client", 10, 1 / 60);

/** Wrong second-factor codes (ADR 0017): five per account in a quarter of an hour, then the account waits. */
export const twoFactorFailures = new FailureWindow("two-factor", 5, 15 * 60_000);
