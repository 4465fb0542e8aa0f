import { describe, expect, it } from "vitest";
import { FailureWindow, TokenBucket } from "./rate-limit.server";

describe("FailureWindow", () => {
  it("makes the next attempt wait once the failures fill the window, and forgets them after it", () => {
    const window = new FailureWindow(3, 60_000);
    for (const t of [0, 1_000, 2_000]) window.fail("a@x.edu", t);
    expect(window.retryAfter("a@x.edu", 3_000)).toBe(57_000);
    expect(window.retryAfter("a@x.edu", 60_000)).toBe(0);
    expect(window.retryAfter("b@x.edu", 3_000)).toBe(0);
  });

  it("keeps only accounts with failures inside the window, however many were tried", () => {
    const window = new FailureWindow(5, 60_000);
    // One new account every 100 ms: 600 inside any 60-second window, and at most twice that kept.
    for (let i = 0; i < 5_000; i += 1) window.fail(`user${i}@x.edu`, i * 100);
    expect(window.size).toBeLessThanOrEqual(1_200);
    expect(window.retryAfter("user4999@x.edu", 500_000)).toBe(0);
    window.sweep(10_000_000);
    expect(window.size).toBe(0);
  });
});

describe("TokenBucket", () => {
  it("refuses once empty and refills over time", () => {
    const bucket = new TokenBucket(2, 1);
    expect(bucket.consume("1.2.3.4", 0)).toBe(true);
    expect(bucket.consume("1.2.3.4", 0)).toBe(true);
    expect(bucket.consume("1.2.3.4", 0)).toBe(false);
    expect(bucket.consume("1.2.3.4", 1_000)).toBe(true);
  });

  it("forgets addresses whose bucket is full again, so memory stays bounded", () => {
    const bucket = new TokenBucket(20, 1);
    for (let i = 0; i < 5_000; i += 1) bucket.consume(`10.0.${Math.floor(i / 256)}.${i % 256}`, i * 100);
    // Each bucket refills in 1 s; addresses seen more than a second ago are swept on later writes.
    expect(bucket.size).toBeLessThanOrEqual(1_000);
    const emptied = new TokenBucket(1, 1);
    emptied.consume("x", 0);
    emptied.sweep(500);
    expect(emptied.size).toBe(1);
    emptied.sweep(1_000);
    expect(emptied.size).toBe(0);
  });
});
