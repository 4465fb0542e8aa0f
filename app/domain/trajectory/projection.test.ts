import { describe, expect, it } from "vitest";
import { addDays } from "#app/domain/dates";
import { RETAKE_GUIDANCE } from "#app/domain/reference";
import { leastSquares, projectSeries, regularizedIncompleteBeta, studentTCdf, studentTQuantile } from "./projection";

const PERCENT = { scaleMin: 0, scaleMax: 100 };

describe("Student's t quantile", () => {
  it.each([
    [1, 3.0777],
    [2, 1.8856],
    [5, 1.4759],
    [10, 1.3722],
    [30, 1.3104],
  ])("t(0.9, %i) matches the table value %f", (df, expected) => {
    expect(studentTQuantile(0.9, df)).toBeCloseTo(expected, 4);
  });

  it("matches other table values and the closed forms", () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.2281, 4);
    expect(studentTQuantile(0.95, 3)).toBeCloseTo(2.3534, 4);
    // df = 1 is the Cauchy distribution: tan(π(p − ½)).
    expect(studentTQuantile(0.9, 1)).toBeCloseTo(Math.tan(Math.PI * 0.4), 9);
    // df = 2 has q = (2p − 1) / sqrt(2p(1 − p)).
    expect(studentTQuantile(0.9, 2)).toBeCloseTo(0.8 / Math.sqrt(2 * 0.9 * 0.1), 9);
  });

  it("is symmetric around zero and inverts the CDF", () => {
    expect(studentTQuantile(0.5, 4)).toBe(0);
    expect(studentTQuantile(0.1, 5)).toBeCloseTo(-1.4759, 4);
    for (const df of [1, 2, 3, 7, 25]) {
      expect(studentTCdf(studentTQuantile(0.9, df), df)).toBeCloseTo(0.9, 10);
    }
  });

  it("refuses probabilities outside (0, 1) and non-positive degrees of freedom", () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });

  it("computes the regularized incomplete beta at known points", () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_½(a, a) = ½.
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedIncompleteBeta(0.6, 3, 1)).toBeCloseTo(0.216, 12);
    expect(regularizedIncompleteBeta(0.5, 4.5, 4.5)).toBeCloseTo(0.5, 12);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe("least squares", () => {
  it("returns null when x has no spread", () => {
    expect(
      leastSquares([
        { x: 3, y: 1 },
        { x: 3, y: 2 },
      ]),
    ).toBeNull();
    expect(leastSquares([])).toBeNull();
  });
});

describe("projectSeries", () => {
  /*
   * Hand computation. Four CBSSAs a week apart, x = days since the first:
   *   x = 0, 7, 14, 21        y = 60, 63, 64, 69
   *   x̄ = 10.5, ȳ = 64
   *   Sxx = 10.5² + 3.5² + 3.5² + 10.5² = 245
   *   Sxy = (−10.5)(−4) + (−3.5)(−1) + (3.5)(0) + (10.5)(5) = 42 + 3.5 + 0 + 52.5 = 98
   *   slope b = 98 / 245 = 0.4 per day (2.8 per week); intercept a = 64 − 0.4·10.5 = 59.8
   *   fitted 59.8, 62.6, 65.4, 68.2 → residuals 0.2, 0.4, −1.4, 0.8
   *   SSE = 0.04 + 0.16 + 1.96 + 0.64 = 2.8; s² = 2.8 / (4 − 2) = 1.4; s = 1.183216
   * Target: the exam 35 days after the first point, x0 = 35:
   *   ŷ = 59.8 + 0.4·35 = 73.8
   *   (x0 − x̄)² / Sxx = 24.5² / 245 = 600.25 / 245 = 2.45
   *   s · sqrt(1 + 1/4 + 2.45) = sqrt(1.4 · 3.7) = sqrt(5.18) = 2.275961
   *   t(0.9, 2) = 0.8 / sqrt(0.18) = 1.885618
   *   half-width = 1.885618 · 2.275961 = 4.291594 → 80% range 69.508406 – 78.091594
   */
  const start = "2026-01-05";
  const series = [60, 63, 64, 69].map((score, i) => ({ takenOn: addDays(start, 7 * i), score }));

  it("gives the hand-computed slope and prediction interval", () => {
    const result = projectSeries(series, { targetDate: addDays(start, 35), ...PERCENT });
    expect(result.kind).toBe("PROJECTED");
    if (result.kind !== "PROJECTED") return;
    expect(result.slopePerDay).toBeCloseTo(0.4, 12);
    expect(result.slopePerWeek).toBeCloseTo(2.8, 12);
    expect(result.intercept).toBeCloseTo(59.8, 12);
    expect(result.originDate).toBe(start);
    expect(result.targetX).toBe(35);
    expect(result.n).toBe(4);
    expect(result.residualSd).toBeCloseTo(Math.sqrt(1.4), 12);
    expect(result.projected).toBeCloseTo(73.8, 12);
    expect(result.low).toBeCloseTo(69.508406, 5);
    expect(result.high).toBeCloseTo(78.091594, 5);
    expect(result.confidence).toBe(RETAKE_GUIDANCE.projectionConfidence);
    expect(result.clamped).toBe(false);
  });

  it("does not depend on the order the points arrive in", () => {
    const shuffled = [series[2], series[0], series[3], series[1]];
    const a = projectSeries(series, { targetDate: addDays(start, 35), ...PERCENT });
    const b = projectSeries(shuffled, { targetDate: addDays(start, 35), ...PERCENT });
    expect(b).toEqual(a);
  });

  it("widens the interval for a higher confidence", () => {
    const r80 = projectSeries(series, { targetDate: addDays(start, 35), ...PERCENT });
    const r95 = projectSeries(series, { targetDate: addDays(start, 35), ...PERCENT, confidence: 0.95 });
    if (r80.kind !== "PROJECTED" || r95.kind !== "PROJECTED") throw new Error("expected projections");
    expect(r95.high - r95.low).toBeGreaterThan(r80.high - r80.low);
    // t(0.975, 2) = 4.302653 → half-width 9.792686
    expect(r95.high - r95.projected).toBeCloseTo(4.302653 * Math.sqrt(5.18), 4);
  });

  it("reports not enough data below three points", () => {
    expect(projectSeries([], { targetDate: start, ...PERCENT })).toEqual({
      kind: "NOT_ENOUGH_DATA",
      points: 0,
      reason: "TOO_FEW_POINTS",
    });
    expect(projectSeries(series.slice(0, 2), { targetDate: addDays(start, 35), ...PERCENT })).toEqual({
      kind: "NOT_ENOUGH_DATA",
      points: 2,
      reason: "TOO_FEW_POINTS",
    });
    expect(projectSeries(series.slice(0, 3), { targetDate: addDays(start, 35), ...PERCENT }).kind).toBe("PROJECTED");
  });

  it("honours a school's higher minimum but never goes below three", () => {
    expect(projectSeries(series, { targetDate: addDays(start, 35), ...PERCENT, minPoints: 5 }).kind).toBe("NOT_ENOUGH_DATA");
    expect(projectSeries(series.slice(0, 2), { targetDate: addDays(start, 35), ...PERCENT, minPoints: 2 }).kind).toBe("NOT_ENOUGH_DATA");
  });

  it("reports not enough data when every point is on the same date", () => {
    const sameDay = [61, 64, 66].map((score) => ({ takenOn: start, score }));
    expect(projectSeries(sameDay, { targetDate: addDays(start, 30), ...PERCENT })).toEqual({
      kind: "NOT_ENOUGH_DATA",
      points: 3,
      reason: "SAME_DATE",
    });
  });

  it("fits points that share some but not all dates", () => {
    const points = [
      { takenOn: start, score: 60 },
      { takenOn: start, score: 62 },
      { takenOn: addDays(start, 10), score: 66 },
    ];
    const result = projectSeries(points, { targetDate: addDays(start, 20), ...PERCENT });
    if (result.kind !== "PROJECTED") throw new Error("expected a projection");
    // x̄ = 10/3, ȳ = 188/3; Sxx = 600/9; Sxy = (80 + 20 + 200)/9 = 300/9 → slope 0.5; intercept 61.
    expect(result.slopePerDay).toBeCloseTo(0.5, 12);
    expect(result.intercept).toBeCloseTo(61, 12);
    expect(result.projected).toBeCloseTo(71, 12);
  });

  it("gives slope 0 and a zero-width interval when every score is equal", () => {
    const flat = [0, 7, 14, 21].map((d) => ({ takenOn: addDays(start, d), score: 212 }));
    const result = projectSeries(flat, { targetDate: addDays(start, 60), scaleMin: 1, scaleMax: 300 });
    expect(result).toMatchObject({
      kind: "PROJECTED",
      slopePerDay: 0,
      slopePerWeek: 0,
      projected: 212,
      low: 212,
      high: 212,
      residualSd: 0,
    });
  });

  it("gives a zero-width interval for perfectly collinear points", () => {
    const line = [0, 7, 14].map((d) => ({ takenOn: addDays(start, d), score: 200 + d }));
    const result = projectSeries(line, { targetDate: addDays(start, 28), scaleMin: 1, scaleMax: 300 });
    if (result.kind !== "PROJECTED") throw new Error("expected a projection");
    expect(result.projected).toBeCloseTo(228, 9);
    expect(result.high - result.low).toBeCloseTo(0, 9);
  });

  it("clamps the projection and interval to the instrument's scale", () => {
    const steep = [80, 90, 99].map((score, i) => ({ takenOn: addDays(start, 7 * i), score }));
    const result = projectSeries(steep, { targetDate: addDays(start, 70), ...PERCENT });
    if (result.kind !== "PROJECTED") throw new Error("expected a projection");
    expect(result.projected).toBe(100);
    expect(result.high).toBe(100);
    expect(result.low).toBeLessThanOrEqual(100);
    expect(result.clamped).toBe(true);

    const falling = [20, 10, 2].map((score, i) => ({ takenOn: addDays(start, 7 * i), score }));
    const down = projectSeries(falling, { targetDate: addDays(start, 70), ...PERCENT });
    if (down.kind !== "PROJECTED") throw new Error("expected a projection");
    expect(down.projected).toBe(0);
    expect(down.low).toBe(0);
  });
});
