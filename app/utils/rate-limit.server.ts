/**
 * In-memory limits for one app instance (ADR 0003): a sliding window of failed
 * sign-ins per account, and a refilling token bucket per client address. Both
 * forget a key once it no longer limits anything, so memory stays bounded by
 * the keys seen in the last window, not by every key ever seen.
 */

/**
 * Past this many keys, a write first sweeps out the keys that limit nothing any
 * more; the next sweep waits until the map has doubled, so sweeping stays cheap.
 */
const SWEEP_ABOVE = 1_000;
const nextSweepAt = (size: number) => Math.max(SWEEP_ABOVE, size * 2);

export class FailureWindow {
  private readonly failures = new Map<string, number[]>();
  private sweepAt = SWEEP_ABOVE;

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Milliseconds until another attempt is allowed; 0 when allowed now. */
  retryAfter(key: string, now = Date.now()): number {
    const list = this.recent(key, now);
    if (list.length < this.maxFailures) return 0;
    return this.windowMs - (now - list[list.length - this.maxFailures]);
  }

  fail(key: string, now = Date.now()): void {
    if (this.failures.size >= this.sweepAt) this.sweep(now);
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  /** Drops the accounts whose failures have all left the window. */
  sweep(now = Date.now()): void {
    for (const key of [...this.failures.keys()]) this.recent(key, now);
    this.sweepAt = nextSweepAt(this.failures.size);
  }

  get size(): number {
    return this.failures.size;
  }
}

export class TokenBucket {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private sweepAt = SWEEP_ABOVE;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
  ) {}

  private refilled(bucket: { tokens: number; at: number }, now: number): number {
    return Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.refillPerSecond);
  }

  /** Takes one token; false when the bucket is empty. */
  consume(key: string, now = Date.now()): boolean {
    if (this.buckets.size >= this.sweepAt) this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    const refilled = this.refilled(bucket, now);
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, at: now });
      return false;
    }
    this.buckets.set(key, { tokens: refilled - 1, at: now });
    return true;
  }

  /** Drops the buckets that have filled up again: they are the same as no bucket. */
  sweep(now = Date.now()): void {
    for (const [key, bucket] of this.buckets) if (this.refilled(bucket, now) >= this.capacity) this.buckets.delete(key);
    this.sweepAt = nextSweepAt(this.buckets.size);
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** Five wrong passwords per account per minute; the sixth attempt waits. */
export const loginFailures = new FailureWindow(5, 60_000);
/** Twenty sign-in attempts per address, refilling one a second. */
export const loginBuckets = new TokenBucket(20, 1);

/**
 * The client's address as stamped by server/index.ts, which overwrites whatever
 * the client sent (and honours X-Forwarded-For only when TRUST_PROXY is set).
 */
export function clientAddress(request: Request): string {
  return request.headers.get("x-retake-desk-client") || "local";
}

/** Password reset links: at most three mails per address (e-mail) in a quarter of an hour, whoever asks. */
export const resetRequestsPerEmail = new FailureWindow(3, 15 * 60_000);
/** Ten reset requests per client address, refilling one a minute. */
export const resetRequestsPerClient = new TokenBucket(10, 1 / 60);

/** Wrong second-factor codes (ADR 0017): five per account in a quarter of an hour, then the account waits. */
export const twoFactorFailures = new FailureWindow(5, 15 * 60_000);
