import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportion } from "./shares";

describe("apportion", () => {
  it("splits by weight with largest-remainder rounding", () => {
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(100, [2, 1])).toEqual([67, 33]);
    expect(apportion(90, [3, 2, 2], 5)).toEqual([37, 27, 26]);
  });

  it("splits evenly when no weight is usable", () => {
    expect(apportion(10, [0, -1, Number.NaN, Number.POSITIVE_INFINITY])).toEqual([3, 3, 2, 2]);
  });

  it("copes with weights whose sum would overflow", () => {
    expect(apportion(3, [1e293, Number.MAX_VALUE])).toEqual([0, 3]);
    expect(apportion(4, [Number.MAX_VALUE, Number.MAX_VALUE])).toEqual([2, 2]);
  });

  it("lowers the minimum when the minimums alone would exceed the total", () => {
    expect(apportion(10, [1, 1, 1, 1], 5)).toEqual([3, 3, 2, 2]);
  });

  it("handles nothing to split and refuses a bad total", () => {
    expect(apportion(100, [])).toEqual([]);
    expect(() => apportion(99.5, [1])).toThrow(RangeError);
  });

  it("always adds up to the total, each part at least the minimum", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.double(), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 20 }),
        (total, weights, minEach) => {
          const parts = apportion(total, weights, minEach);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const floor = Math.min(minEach, Math.floor(total / weights.length));
          for (const p of parts) {
            expect(Number.isInteger(p)).toBe(true);
            expect(p).toBeGreaterThanOrEqual(floor);
          }
        },
      ),
    );
  });
});
