import { describe, expect, it } from "vitest";
import { compareAttemptReports } from "#app/domain/diagnostics/analysis";
import { DEFAULT_SCHOOL_SETTINGS } from "#app/domain/settings/settings";
import type { PracticeExamEntry } from "#app/domain/trajectory/practice";
import type { Band } from "#app/domain/vocabulary";
import { assessCase, type CaseAssessmentInput, latestPractice, trendPerWeek } from "./assessment";

const entry = (id: string, instrumentId: PracticeExamEntry["instrumentId"], takenOn: string, score: number): PracticeExamEntry => ({
  id,
  instrumentId,
  form: null,
  takenOn,
  score,
});

const base: CaseAssessmentInput = {
  status: "ACTIVE",
  exam: "STEP1",
  targetExamDate: "2027-03-01",
  today: "2027-02-01",
  attempts: [{ exam: "STEP1", takenOn: "2026-10-01", outcome: "FAIL" }],
  practiceExams: [],
  milestones: [],
  activeSince: "2026-12-01",
  settings: DEFAULT_SCHOOL_SETTINGS,
  reports: [],
  studentIneligible: false,
};

describe("trendPerWeek", () => {
  it("is null below two points and when every point is on one date", () => {
    expect(trendPerWeek([])).toBeNull();
    expect(trendPerWeek([{ takenOn: "2027-01-01", score: 60 }])).toBeNull();
    expect(
      trendPerWeek([
        { takenOn: "2027-01-01", score: 60 },
        { takenOn: "2027-01-01", score: 64 },
      ]),
    ).toBeNull();
  });

  it("gives the least-squares slope in points per week", () => {
    expect(
      trendPerWeek([
        { takenOn: "2027-01-01", score: 60 },
        { takenOn: "2027-01-15", score: 64 },
      ]),
    ).toBeCloseTo(2);
    // Through (0, 60), (7, 63), (14, 63): slope 3/14 per day, 1.5 per week.
    expect(
      trendPerWeek([
        { takenOn: "2027-01-01", score: 60 },
        { takenOn: "2027-01-08", score: 63 },
        { takenOn: "2027-01-15", score: 63 },
      ]),
    ).toBeCloseTo(1.5);
  });
});

describe("latestPractice", () => {
  it("prefers predictive instruments that inform the exam", () => {
    const latest = latestPractice("STEP1", [
      entry("p1", "NBME_CBSSA", "2027-01-10", 62),
      entry("p2", "FREE_120", "2027-01-20", 70),
      entry("p3", "NBME_CCSSA", "2027-01-25", 230),
    ]);
    expect(latest).toMatchObject({ instrumentId: "NBME_CBSSA", score: 62, on: "2027-01-10", trendPerWeek: null });
    expect(latestPractice("STEP1", [entry("p3", "NBME_CCSSA", "2027-01-25", 230)])).toBeNull();
  });

  it("breaks a same-day tie as the chart and the readiness gate do (by id), whatever the input order", () => {
    const sameDay = [entry("b", "NBME_CBSSA", "2027-01-20", 71), entry("a", "NBME_CBSSA", "2027-01-20", 66)];
    for (const practiceExams of [sameDay, [...sameDay].reverse()]) {
      const assessment = assessCase({ ...base, practiceExams });
      const chartPoints = assessment.charts[0].series[0].points;
      expect(assessment.latestPractice).toMatchObject({ score: 71, on: "2027-01-20" });
      expect(chartPoints.at(-1)).toMatchObject({ id: "b", score: 71 });
      expect(assessment.readiness.rules[0].detail).toContain(
        "the latest, 71% on 20 Jan 2027, is 1 point below 72%, the score its likely range (now 67–75%)",
      );
    }
  });
});

describe("assessCase: report comparison", () => {
  const report = (band: Band) => ({ areas: [{ areaId: "step1.discipline.pathology", band, referenceGroup: "LOW_PASS" as const }] });

  it("compares only when there are two reports, the latest against the one before", () => {
    expect(assessCase({ ...base, reports: [] }).comparison).toBeNull();
    expect(assessCase({ ...base, reports: [report("LOWER")] }).comparison).toBeNull();
    const three = [report("HIGHER"), report("LOWER"), report("LOWER")];
    const assessment = assessCase({ ...base, reports: three });
    expect(assessment.comparison).toEqual(compareAttemptReports("STEP1", three[2].areas, three[1].areas));
    expect(assessment.comparison?.persistingWeakAreas.map((a) => a.name)).toEqual(["Pathology"]);
    expect(assessment.risk.flags.map((f) => f.code)).toContain("PERSISTING_WEAKNESS");
  });
});
