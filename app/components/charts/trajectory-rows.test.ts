import { describe, expect, it } from "vitest";
import { buildTrajectoryCharts } from "#app/domain/trajectory/chart-data";
import type { PracticeExamEntry } from "#app/domain/trajectory/practice";
import { DAY_MS, scoreRows, shortDate, toX, trendRows, xDomain, xTicks } from "./trajectory-rows";

const cbssa = (id: string, takenOn: string, score: number): PracticeExamEntry => ({
  id,
  instrumentId: "NBME_CBSSA",
  form: "Form 30",
  takenOn,
  score,
});
const uwsa = (id: string, takenOn: string, score: number): PracticeExamEntry => ({
  id,
  instrumentId: "UWSA",
  form: "UWSA 1",
  takenOn,
  score,
});

const charts = buildTrajectoryCharts({
  exam: "STEP1",
  examDate: "2026-04-01",
  today: "2026-03-01",
  practiceExams: [cbssa("a", "2026-02-01", 60), cbssa("b", "2026-02-08", 62), cbssa("c", "2026-02-15", 64), uwsa("u", "2026-02-08", 205)],
  milestones: [{ uid: "baseline", kind: "BASELINE", dueOn: "2026-01-30", label: "Baseline: CBSSA", instrumentId: "NBME_CBSSA" }],
});
const percent = charts.find((c) => c.scaleFamily === "PERCENT");
const threeDigit = charts.find((c) => c.scaleFamily === "THREE_DIGIT");

describe("trajectory rows", () => {
  it("keeps the CBSSA off the three-digit chart and the UWSA off the percent chart", () => {
    expect(percent?.series.map((s) => s.instrumentId)).toEqual(["NBME_CBSSA"]);
    expect(threeDigit?.series.map((s) => s.instrumentId)).toEqual(["UWSA"]);
    if (!threeDigit) throw new Error("no three-digit chart");
    expect(scoreRows(threeDigit).every((row) => !("s1" in row))).toBe(true);
  });

  it("puts each score on the time axis with its likely range as an error bar", () => {
    if (!percent) throw new Error("no percent chart");
    expect(scoreRows(percent)).toEqual([
      { x: toX("2026-02-01"), s0: 60, e0: [4, 4] },
      { x: toX("2026-02-08"), s0: 62, e0: [4, 4] },
      { x: toX("2026-02-15"), s0: 64, e0: [4, 4] },
    ]);
  });

  it("gives two rows to two scores of one instrument on the same day", () => {
    const [chart] = buildTrajectoryCharts({
      exam: "STEP1",
      examDate: null,
      today: "2026-03-01",
      practiceExams: [cbssa("a", "2026-02-01", 60), { ...cbssa("b", "2026-02-01", 66), form: "Form 31" }],
      milestones: [],
    });
    expect(scoreRows(chart).map((r) => r.s0)).toEqual([60, 66]);
  });

  it("draws the trend from the fitted value at the last score to the projection and its interval", () => {
    if (!percent) throw new Error("no percent chart");
    const projection = percent.series[0].projection;
    if (projection?.kind !== "PROJECTED") throw new Error("expected a projection");
    // A perfect line of 2 points a week: fitted 64 on 15 Feb, 70 on 1 Apr (6.43 weeks later).
    const rows = trendRows(percent, 0);
    expect(rows).toHaveLength(2);
    expect(rows[0].x).toBe(toX("2026-02-15"));
    expect(rows[0].trend).toBeCloseTo(64, 6);
    expect(rows[0].interval[0]).toBeCloseTo(64, 6);
    expect(rows[1]).toEqual({ x: toX("2026-04-01"), trend: projection.projected, interval: [projection.low, projection.high] });
    expect(projection.projected).toBeCloseTo(64 + (2 / 7) * 45, 6);
  });

  it("draws no trend without enough data", () => {
    if (!threeDigit) throw new Error("no three-digit chart");
    expect(trendRows(threeDigit, 0)).toEqual([]);
  });

  it("spans every score, milestone and the exam date with three days of room, with weekly ticks", () => {
    if (!percent) throw new Error("no percent chart");
    const domain = xDomain(percent);
    expect(domain).toEqual([toX("2026-01-27"), toX("2026-04-04")]);
    const ticks = xTicks(domain);
    expect(ticks[0]).toBe(toX("2026-01-30"));
    expect(ticks[1] - ticks[0]).toBe(7 * DAY_MS);
    expect(shortDate(toX("2026-03-14"))).toBe("14 Mar");
  });
});
