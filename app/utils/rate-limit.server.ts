/**
 * In-memory limits for one app instance (ADR 0003): a sliding window of failed
 * sign-ins per account, and a refilling token bucket per client address.
 */

export class FailureWindow {
  private readonly failures = new Map<string, number[]>();

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
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}

export class TokenBucket {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
  ) {}

  /** Takes one token; false when the bucket is empty. */
  consume(key: string, now = Date.now()): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    const refilled = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.refillPerSecond);
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, at: now });
      return false;
    }
    this.buckets.set(key, { tokens: refilled - 1, at: now });
    return true;
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
