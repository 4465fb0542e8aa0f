import { describe, expect, it } from "vitest";
import { addDays } from "#app/domain/dates";
import type { InstrumentId } from "#app/domain/reference";
import { buildTrajectoryCharts, yDomain } from "./chart-data";
import type { MilestoneEntry, PracticeExamEntry } from "./practice";

let nextId = 0;
function exam(instrumentId: InstrumentId, takenOn: string, score: number, extra: Partial<PracticeExamEntry> = {}): PracticeExamEntry {
  nextId += 1;
  return { id: `pe${String(nextId).padStart(3, "0")}`, instrumentId, form: null, takenOn, score, ...extra };
}

// The hand-computed series of projection.test.ts: projected 73.8, 80% range 69.51–78.09 at day 35.
const start = "2026-01-05";
const cbssas = [60, 63, 64, 69].map((score, i) => exam("NBME_CBSSA", addDays(start, 7 * i), score, { form: `Form ${26 + i}` }));
const examDate = addDays(start, 35); // 2026-02-09

const milestones: MilestoneEntry[] = [
  { uid: "m1", kind: "PRACTICE_EXAM", dueOn: "2026-01-19", label: "CBSSA 2", instrumentId: "NBME_CBSSA" },
  { uid: "m2", kind: "PRACTICE_EXAM", dueOn: "2026-01-26", label: "UWSA 1", instrumentId: "UWSA" },
  { uid: "m3", kind: "FINAL_CHECK", dueOn: "2026-02-02", label: "Final check", instrumentId: null },
];

describe("buildTrajectoryCharts", () => {
  it("returns no charts without practice exams", () => {
    expect(buildTrajectoryCharts({ exam: "STEP1", examDate, today: start, practiceExams: [], milestones })).toEqual([]);
  });

  it("keeps percent and three-digit scales on separate charts; a CBSSA never lands on the three-digit chart", () => {
    const practiceExams = [
      ...cbssas,
      exam("UWSA", "2026-01-10", 201, { form: "UWSA 1" }),
      exam("FREE_120", "2026-01-12", 66, { form: "2024 update" }),
    ];
    const charts = buildTrajectoryCharts({ exam: "STEP1", examDate, today: "2026-01-27", practiceExams, milestones });
    expect(charts.map((c) => c.scaleFamily)).toEqual(["PERCENT", "THREE_DIGIT"]);

    const [percent, threeDigit] = charts;
    expect(percent.series.map((s) => s.instrumentId)).toEqual(["NBME_CBSSA", "FREE_120"]);
    expect(threeDigit.series.map((s) => s.instrumentId)).toEqual(["UWSA"]);
    expect(threeDigit.table.rows.map((r) => r.instrumentId)).toEqual(["UWSA"]);
    expect(threeDigit.summary).not.toContain("CBSSA");
    expect(threeDigit.passingReference?.kind).toBe("PASSING_STANDARD");
    expect(percent.passingReference?.kind).toBe("LOW_PASS_BAND");
    expect(percent.unit).toBe("%");
    expect(threeDigit.unit).toBe("");
    expect([threeDigit.scaleMin, threeDigit.scaleMax]).toEqual([1, 300]);
  });

  it("even a CBSSA alone with a three-digit-looking score stays on the percent chart", () => {
    const charts = buildTrajectoryCharts({
      exam: "STEP1",
      examDate,
      today: start,
      practiceExams: [exam("NBME_CBSSA", start, 99)],
      milestones: [],
    });
    expect(charts).toHaveLength(1);
    expect(charts[0].scaleFamily).toBe("PERCENT");
  });

  it("builds the CBSSA series with likely ranges, projection, band and summary", () => {
    const withBands = [
      { ...cbssas[0], lowPassLow: 61, lowPassHigh: 67 },
      cbssas[1],
      { ...cbssas[2], lowPassLow: 62, lowPassHigh: 68 },
      cbssas[3],
    ];
    const [chart] = buildTrajectoryCharts({ exam: "STEP1", examDate, today: "2026-02-02", practiceExams: withBands, milestones });
    const [series] = chart.series;
    expect(series.points.map((p) => [p.takenOn, p.score, p.likelyRange])).toEqual([
      ["2026-01-05", 60, { low: 56, high: 64 }],
      ["2026-01-12", 63, { low: 59, high: 67 }],
      ["2026-01-19", 64, { low: 60, high: 68 }],
      ["2026-01-26", 69, { low: 65, high: 73 }],
    ]);
    expect(series.projection).toMatchObject({ kind: "PROJECTED", n: 4 });
    if (series.projection?.kind !== "PROJECTED") throw new Error("expected a projection");
    expect(series.projection.projected).toBeCloseTo(73.8, 9);

    // The latest recorded band (62–68, from the third report) wins over the older one.
    expect(chart.passingReference).toMatchObject({
      kind: "LOW_PASS_BAND",
      low: 62,
      high: 68,
      isDefault: false,
      fromPracticeExamId: withBands[2].id,
    });
    expect(chart.summary).toBe("CBSSA: projected 74%, 80% range 70–78%, on 9 Feb 2026; low-pass band 62–68%");
    expect(chart.examDate).toBe(examDate);
    // The UWSA milestone belongs to the three-digit chart.
    expect(chart.milestones.map((m) => m.uid)).toEqual(["m1", "m3"]);
  });

  it("falls back to the instrument's default band, flagged as default", () => {
    const [chart] = buildTrajectoryCharts({ exam: "STEP1", examDate, today: start, practiceExams: cbssas, milestones: [] });
    expect(chart.passingReference).toMatchObject({ kind: "LOW_PASS_BAND", low: 62, high: 68, isDefault: true, fromPracticeExamId: null });
    expect(chart.summary).toContain("low-pass band 62–68% (typical band; none recorded from a report)");
  });

  it("ignores a half-entered band and uses the default", () => {
    const practiceExams = [{ ...cbssas[0], lowPassLow: 60, lowPassHigh: null }];
    const [chart] = buildTrajectoryCharts({ exam: "STEP1", examDate, today: start, practiceExams, milestones: [] });
    expect(chart.passingReference).toMatchObject({ isDefault: true });
  });

  it("has no passing reference on a percent chart without a CBSSA", () => {
    const practiceExams = [exam("FREE_120", start, 62), exam("AMBOSS_SA", addDays(start, 3), 58)];
    const [chart] = buildTrajectoryCharts({ exam: "STEP2_CK", examDate, today: start, practiceExams, milestones: [] });
    expect(chart.passingReference).toBeNull();
    expect(chart.summary).toBe("Free 120: not enough data to project (1 score); AMBOSS SA: not enough data to project (1 score)");
  });

  it("clamps CBSSA likely ranges to 0–100", () => {
    const practiceExams = [exam("NBME_CBSSA", start, 98), exam("NBME_CBSSA", addDays(start, 1), 2)];
    const [chart] = buildTrajectoryCharts({ exam: "STEP1", examDate, today: start, practiceExams, milestones: [] });
    expect(chart.series[0].points.map((p) => p.likelyRange)).toEqual([
      { low: 94, high: 100 },
      { low: 0, high: 6 },
    ]);
    expect(chart.table.rows.map((r) => r.likelyRangeLabel)).toEqual(["94–100%", "0–6%"]);
  });

  it("says there is not enough data with fewer than three scores", () => {
    const practiceExams = [exam("UWSA", "2026-01-10", 205), exam("UWSA", "2026-01-20", 209)];
    const [chart] = buildTrajectoryCharts({ exam: "STEP2_CK", examDate, today: "2026-01-21", practiceExams, milestones: [] });
    expect(chart.series[0].projection).toEqual({ kind: "NOT_ENOUGH_DATA", points: 2, reason: "TOO_FEW_POINTS" });
    expect(chart.summary).toBe("UWSA: not enough data to project (2 scores); passing 218");
  });

  it("names the date when every score is on one day", () => {
    const practiceExams = [205, 207, 209].map((s) => exam("UWSA", "2026-01-10", s));
    const [chart] = buildTrajectoryCharts({ exam: "STEP2_CK", examDate, today: "2026-01-21", practiceExams, milestones: [] });
    expect(chart.series[0].summary).toBe("UWSA: not enough data to project (3 scores, all on 10 Jan 2026)");
  });

  describe("points spanning a passing-standard change (Step 2 CK: 214 → 218 on 1 Jul 2025)", () => {
    // Same shape as the hand-computed series, shifted by +150: projected 223.8, 80% range 219.51–228.09.
    const uwsas = [210, 213, 214, 219].map((score, i) => exam("UWSA", addDays("2025-06-16", 7 * i), score));

    it("uses the standard in force on the target exam date, not on the points' dates", () => {
      const target = addDays("2025-06-16", 35); // 2025-07-21
      const [chart] = buildTrajectoryCharts({
        exam: "STEP2_CK",
        examDate: target,
        today: "2025-07-08",
        practiceExams: uwsas,
        milestones: [],
      });
      expect(chart.passingReference).toEqual({
        kind: "PASSING_STANDARD",
        exam: "STEP2_CK",
        score: 218,
        effectiveFrom: "2025-07-01",
        onDate: target,
        passFailOnly: false,
      });
      expect(chart.summary).toBe("UWSA: projected 224, 80% range 220–228, on 21 Jul 2025; passing 218");
    });

    it("uses the old standard when the exam falls before the change", () => {
      const [chart] = buildTrajectoryCharts({
        exam: "STEP2_CK",
        examDate: "2025-06-30",
        today: "2025-06-20",
        practiceExams: uwsas,
        milestones: [],
      });
      expect(chart.passingReference).toMatchObject({ score: 214, effectiveFrom: "2022-07-01" });
      expect(chart.summary).toMatch(/; passing 214$/);
    });
  });

  it("uses today's standard and skips projections when no exam date is set", () => {
    const practiceExams = [200, 204, 207].map((s, i) => exam("NBME_CCSSA", addDays("2026-01-01", 7 * i), s));
    const [chart] = buildTrajectoryCharts({ exam: "STEP2_CK", examDate: null, today: "2026-01-20", practiceExams, milestones: [] });
    expect(chart.series[0].projection).toBeNull();
    expect(chart.passingReference).toMatchObject({ score: 218, onDate: "2026-01-20" });
    expect(chart.summary).toBe("CCSSA: 3 scores; no exam date to project to; passing 218");
    // CCSSA scores carry ± one SEE.
    expect(chart.series[0].points[0].likelyRange).toEqual({ low: 191, high: 209 });
  });

  it("caveats a three-digit reference for a pass/fail exam", () => {
    const practiceExams = [exam("UWSA", "2026-01-10", 201)];
    const [chart] = buildTrajectoryCharts({ exam: "STEP1", examDate, today: start, practiceExams, milestones: [] });
    expect(chart.passingReference).toMatchObject({ score: 196, passFailOnly: true });
    expect(chart.summary).toBe("UWSA: not enough data to project (1 score); passing 196 (the exam reports pass/fail only)");
  });

  it("gives a table alternative sorted by date", () => {
    const practiceExams = [
      exam("NBME_CBSSA", "2026-01-20", 66, { form: "Form 30" }),
      exam("FREE_120", "2026-01-03", 70),
      exam("NBME_CBSSA", "2026-01-06", 61, { form: "Form 29" }),
    ];
    const [chart] = buildTrajectoryCharts({ exam: "STEP1", examDate, today: start, practiceExams, milestones: [] });
    expect(chart.table.columns).toEqual(["Date", "Instrument", "Form", "Score", "Likely range"]);
    expect(chart.table.rows.map((r) => [r.date, r.instrument, r.form, r.scoreLabel, r.likelyRangeLabel])).toEqual([
      ["3 Jan 2026", "Free 120", "", "70%", ""],
      ["6 Jan 2026", "CBSSA", "Form 29", "61%", "57–65%"],
      ["20 Jan 2026", "CBSSA", "Form 30", "66%", "62–70%"],
    ]);
  });

  it("puts every value inside a y-domain snapped to the grid and kept on the scale", () => {
    const [chart] = buildTrajectoryCharts({ exam: "STEP1", examDate, today: start, practiceExams: cbssas, milestones: [] });
    // Values run from 56 (likely low) to 78.09 (interval high): one step of room, snapped to 5.
    expect(chart.yDomain).toEqual([50, 85]);
    expect(yDomain([], null, 1, 300)).toEqual([1, 300]);
    const [high] = buildTrajectoryCharts({
      exam: "STEP1",
      examDate,
      today: start,
      practiceExams: [exam("NBME_CBSSA", start, 97)],
      milestones: [],
    });
    expect(high.yDomain[1]).toBe(100);
  });
});
