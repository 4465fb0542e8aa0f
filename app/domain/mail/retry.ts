/**
 * When the mail worker tries a message again (ADR 0013): pure rules, so the
 * schedule is unit-tested without a clock or a server.
 */

/** Delays after the 1st, 2nd, … failed attempt: about a day of trying in all. */
export const RETRY_DELAYS_MS = [60_000, 2 * 60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 3600_000, 6 * 3600_000, 12 * 3600_000];

/** After this many failed attempts a message is given up (FAILED) and shown to the school's admins. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** A claim older than this belongs to a process that died mid-send: the message may be claimed again. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** Mail that could not leave within three days is not sent any more (its links would be stale). */
export const MAX_AGE_MS = 72 * 3600_000;

export function retryDelayMs(failedAttempts: number): number {
  const index = Math.min(Math.max(failedAttempts, 1), RETRY_DELAYS_MS.length) - 1;
  return RETRY_DELAYS_MS[index];
}

/** SMTP 5xx replies (a refused recipient, a message the server will never take) are not retried. */
export function isPermanentFailure(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { responseCode?: unknown }).responseCode : undefined;
  return typeof code === "number" && code >= 500 && code < 600;
}

type AttemptOutcome = { status: "FAILED" } | { status: "PENDING"; nextAttemptAt: Date };

/** What a failed attempt leaves: another try later, or a failure for the admins to see. */
export function afterFailure(failedAttempts: number, error: unknown, now: Date): AttemptOutcome {
  if (isPermanentFailure(error) || failedAttempts >= MAX_ATTEMPTS) return { status: "FAILED" };
  return { status: "PENDING", nextAttemptAt: new Date(now.getTime() + retryDelayMs(failedAttempts)) };
}

/** A short, single-line reason for the admins' list (no message content). */
export function describeFailure(error: unknown): string {
  const e = error as { responseCode?: number; code?: string; message?: string } | null;
  const text = [e?.responseCode, e?.code, e?.message ?? String(error)].filter((part) => part !== undefined && part !== "").join(" ");
  return text.replace(/\s+/g, " ").slice(0, 300);
}
