import { describe, expect, it } from "vitest";
import { afterFailure, describeFailure, isPermanentFailure, MAX_ATTEMPTS, RETRY_DELAYS_MS, retryDelayMs } from "./retry";

describe("mail retries", () => {
  it("waits longer after each failure, and about a day in all", () => {
    for (let i = 1; i < RETRY_DELAYS_MS.length; i++) expect(RETRY_DELAYS_MS[i]).toBeGreaterThan(RETRY_DELAYS_MS[i - 1]);
    expect(retryDelayMs(1)).toBe(60_000);
    expect(retryDelayMs(99)).toBe(RETRY_DELAYS_MS.at(-1));
    const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(20 * 3600_000);
    expect(total).toBeLessThan(36 * 3600_000);
  });

  it("retries temporary failures and gives up on permanent ones or after the last attempt", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(afterFailure(1, { responseCode: 451 }, now)).toEqual({ status: "PENDING", nextAttemptAt: new Date(now.getTime() + 60_000) });
    expect(afterFailure(1, new Error("connect ECONNREFUSED"), now).status).toBe("PENDING");
    expect(afterFailure(1, { responseCode: 550 }, now)).toEqual({ status: "FAILED" });
    expect(afterFailure(MAX_ATTEMPTS, { responseCode: 421 }, now)).toEqual({ status: "FAILED" });
    expect(isPermanentFailure({ responseCode: 554 })).toBe(true);
    expect(isPermanentFailure({ responseCode: 421 })).toBe(false);
    expect(isPermanentFailure(null)).toBe(false);
  });

  it("describes a failure on one short line", () => {
    expect(describeFailure(Object.assign(new Error("Mailbox\nunavailable"), { responseCode: 550, code: "EENVELOPE" }))).toBe(
      "550 EENVELOPE Mailbox unavailable",
    );
    expect(describeFailure("x".repeat(500))).toHaveLength(300);
  });
});
