import { describe, expect, it } from "vitest";
import { addDays } from "#app/domain/dates";
import { type InstrumentId, RETAKE_GUIDANCE } from "#app/domain/reference";
import type { MilestoneEntry, PracticeExamEntry } from "./practice";
import { evaluateReadiness, readinessGateSchema } from "./readiness";
import { type TrajectoryRiskInput, trajectoryRisks } from "./risks";

let nextId = 0;
function entry(instrumentId: InstrumentId, takenOn: string, score: number, extra: Partial<PracticeExamEntry> = {}): PracticeExamEntry {
  nextId += 1;
  return { id: `pe${String(nextId).padStart(3, "0")}`, instrumentId, form: null, takenOn, score, ...extra };
}

const weekly = (instrumentId: InstrumentId, start: string, scores: number[]) =>
  scores.map((score, i) => entry(instrumentId, addDays(start, 7 * i), score));

const base: TrajectoryRiskInput = {
  status: "ACTIVE",
  exam: "STEP1",
  examDate: null,
  today: "2026-03-01",
  practiceExams: [],
  milestones: [],
};

const codes = (input: Partial<TrajectoryRiskInput>) => trajectoryRisks({ ...base, ...input }).map((r) => r.code);
const only = (input: Partial<TrajectoryRiskInput>, code: string) => trajectoryRisks({ ...base, ...input }).filter((r) => r.code === code);

describe("PROJECTION_BELOW_PASSING", () => {
  const start = "2026-01-05";
  const examDay35 = addDays(start, 35); // 9 Feb 2026
  const today = addDays(start, 21);

  it("flags a three-digit projection whose whole interval is below the standard with severity 3", () => {
    /*
     * UWSA 215, 213, 212, 210 weekly: slope −56/245 per day; projected at day 35 = 212.5 − 5.6 = 206.9;
     * SSE = 0.2, s² = 0.1; half-width = 1.8856 · sqrt(0.1 · 3.7) = 1.147 → 205.75–208.05, all below 218.
     */
    const risks = only(
      { exam: "STEP2_CK", examDate: examDay35, today, practiceExams: weekly("UWSA", start, [215, 213, 212, 210]) },
      "PROJECTION_BELOW_PASSING",
    );
    expect(risks).toEqual([
      {
        code: "PROJECTION_BELOW_PASSING",
        severity: 3,
        reason: "UWSA projected 207 on 9 Feb 2026 (80% range 206–208): 11 points below passing 218; even the top of the range is below it",
        source: "projection:UWSA",
      },
    ]);
  });

  it("flags a projection below the standard with an interval reaching it with severity 2", () => {
    // The hand series + 143: projected 216.8, 80% range 212.5–221.1.
    const risks = only(
      { exam: "STEP2_CK", examDate: examDay35, today, practiceExams: weekly("NBME_CCSSA", start, [203, 206, 207, 212]) },
      "PROJECTION_BELOW_PASSING",
    );
    expect(risks).toHaveLength(1);
    expect(risks[0]).toMatchObject({ severity: 2, source: "projection:NBME_CCSSA" });
    expect(risks[0].reason).toBe("CCSSA projected 217 on 9 Feb 2026 (80% range 213–221): 1 point below passing 218");
  });

  it("does not flag a projection that rounds to the standard", () => {
    // The hand series + 144: projected 217.8, shown as 218.
    expect(
      codes({ exam: "STEP2_CK", examDate: examDay35, today, practiceExams: weekly("UWSA", start, [204, 207, 208, 213]) }),
    ).not.toContain("PROJECTION_BELOW_PASSING");
  });

  it.each([
    // scores, exam date, expected severity (projected → likely range vs the band 62–68)
    [[60, 63, 64, 69], examDay35, null], // 73.8 → 74 → 70–78: entirely above
    [[60, 63, 64, 69], addDays(start, 28), 1], // 71 → 67–75: within or just above
    [[50, 53, 54, 59], examDay35, 2], // 63.8 → 64 → 60–68: partly below
    [[40, 43, 44, 49], examDay35, 3], // 53.8 → 54 → 50–58: below
  ] as const)("judges a CBSSA projection %j to %s by NBME's scenarios (severity %s)", (scores, examDate, severity) => {
    const risks = only(
      { exam: "STEP1", examDate, today, practiceExams: weekly("NBME_CBSSA", start, [...scores]) },
      "PROJECTION_BELOW_PASSING",
    );
    expect(risks.map((r) => r.severity)).toEqual(severity === null ? [] : [severity]);
  });

  it("explains a CBSSA flag with numbers", () => {
    const [risk] = only(
      { exam: "STEP1", examDate: examDay35, today, practiceExams: weekly("NBME_CBSSA", start, [50, 53, 54, 59]) },
      "PROJECTION_BELOW_PASSING",
    );
    expect(risk.reason).toBe(
      "CBSSA projected 64% on 9 Feb 2026 (80% range 60–68%): the projected likely range 60–68% is partly below the low-pass band 62–68% (typical band). " +
        "Likely range partly below the low-pass band: may still be at risk; more preparation strongly recommended.",
    );
  });

  it("does not judge other percent instruments against the CBSSA band", () => {
    const practiceExams = [...weekly("FREE_120", start, [40, 41, 42]), entry("NBME_CBSSA", start, 75)];
    expect(codes({ exam: "STEP1", examDate: examDay35, today, practiceExams })).not.toContain("PROJECTION_BELOW_PASSING");
  });

  it("needs enough points, an exam date, and an exam still ahead", () => {
    const falling = weekly("UWSA", start, [215, 213, 212, 210]);
    expect(codes({ exam: "STEP2_CK", examDate: examDay35, today, practiceExams: falling.slice(0, 2) })).not.toContain(
      "PROJECTION_BELOW_PASSING",
    );
    expect(codes({ exam: "STEP2_CK", examDate: null, today, practiceExams: falling })).not.toContain("PROJECTION_BELOW_PASSING");
    expect(codes({ exam: "STEP2_CK", examDate: examDay35, today: addDays(examDay35, 1), practiceExams: falling })).not.toContain(
      "PROJECTION_BELOW_PASSING",
    );
  });
});

describe("PRACTICE_GAP (21 days while ACTIVE or READY)", () => {
  const today = base.today;

  it("flags a gap of exactly 21 days, not 20", () => {
    expect(only({ practiceExams: [entry("UWSA", addDays(today, -21), 210)] }, "PRACTICE_GAP")).toEqual([
      {
        code: "PRACTICE_GAP",
        severity: 2,
        reason: "No practice exam for 21 days (the last: UWSA on 8 Feb 2026); the plan expects one at least every 21 days",
        source: "practice-exams",
      },
    ]);
    expect(only({ practiceExams: [entry("UWSA", addDays(today, -20), 210)] }, "PRACTICE_GAP")).toEqual([]);
  });

  it("raises the severity at twice the gap", () => {
    expect(only({ practiceExams: [entry("UWSA", addDays(today, -42), 210)] }, "PRACTICE_GAP")[0].severity).toBe(3);
    expect(only({ practiceExams: [entry("UWSA", addDays(today, -41), 210)] }, "PRACTICE_GAP")[0].severity).toBe(2);
  });

  it("measures from the latest exam, ignoring future-dated ones", () => {
    const practiceExams = [
      entry("UWSA", addDays(today, -30), 210),
      entry("FREE_120", addDays(today, -5), 70),
      entry("UWSA", addDays(today, 3), 220),
    ];
    expect(only({ practiceExams }, "PRACTICE_GAP")).toEqual([]);
    expect(
      only({ practiceExams: [entry("UWSA", addDays(today, -30), 210), entry("UWSA", addDays(today, 3), 220)] }, "PRACTICE_GAP"),
    ).toHaveLength(1);
  });

  it("applies only while the plan is running", () => {
    const practiceExams = [entry("UWSA", addDays(today, -30), 210)];
    expect(only({ status: "READY", practiceExams }, "PRACTICE_GAP")).toHaveLength(1);
    expect(only({ status: "PLANNING", practiceExams }, "PRACTICE_GAP")).toEqual([]);
    expect(trajectoryRisks({ ...base, status: "CLOSED", practiceExams })).toEqual([]);
  });

  it("measures from the plan's start when nothing is logged", () => {
    expect(only({ activeSince: addDays(today, -21) }, "PRACTICE_GAP")[0].reason).toBe(
      "No practice exam logged in the 21 days since the plan started on 8 Feb 2026; the plan expects one at least every 21 days",
    );
    expect(only({ activeSince: addDays(today, -20) }, "PRACTICE_GAP")).toEqual([]);
    expect(only({}, "PRACTICE_GAP")).toEqual([]);
  });

  it("reads the school's threshold", () => {
    const thresholds = { ...RETAKE_GUIDANCE, practiceGapDays: 14 };
    expect(only({ thresholds, practiceExams: [entry("UWSA", addDays(today, -14), 210)] }, "PRACTICE_GAP")).toHaveLength(1);
  });
});

describe("MILESTONE_MISSED (more than 3 days past, no practice exam within ±3 days)", () => {
  const today = base.today;
  const milestone = (dueOn: string, instrumentId: InstrumentId | null = "NBME_CBSSA"): MilestoneEntry => ({
    uid: "ms-1",
    kind: "MIDPOINT",
    dueOn,
    label: "Midpoint CBSSA",
    instrumentId,
  });

  it("waits until more than 3 days have passed", () => {
    expect(only({ milestones: [milestone(addDays(today, -3))] }, "MILESTONE_MISSED")).toEqual([]);
    expect(only({ milestones: [milestone(addDays(today, -4))] }, "MILESTONE_MISSED")).toEqual([
      {
        code: "MILESTONE_MISSED",
        severity: 2,
        reason: 'Milestone "Midpoint CBSSA" was due on 25 Feb 2026 (4 days ago) and no CBSSA was logged within 3 days of it',
        source: "milestone:ms-1",
      },
    ]);
  });

  it("counts a practice exam exactly 3 days either side, but not 4", () => {
    const due = addDays(today, -10);
    const withExamOn = (takenOn: string) =>
      only({ milestones: [milestone(due)], practiceExams: [entry("NBME_CBSSA", takenOn, 70)] }, "MILESTONE_MISSED");
    expect(withExamOn(addDays(due, 3))).toEqual([]);
    expect(withExamOn(addDays(due, -3))).toEqual([]);
    expect(withExamOn(addDays(due, 4))).toHaveLength(1);
    expect(withExamOn(addDays(due, -4))).toHaveLength(1);
  });

  it("needs the milestone's instrument when it names one; any exam otherwise", () => {
    const due = addDays(today, -10);
    const practiceExams = [entry("FREE_120", due, 70)];
    expect(only({ milestones: [milestone(due)], practiceExams }, "MILESTONE_MISSED")).toHaveLength(1);
    const [anyExam] = [milestone(due, null)];
    expect(only({ milestones: [anyExam], practiceExams }, "MILESTONE_MISSED")).toEqual([]);
    expect(only({ milestones: [anyExam] }, "MILESTONE_MISSED")[0].reason).toContain("no practice exam was logged");
  });

  it("accepts an exam linked to the milestone whatever its date", () => {
    const due = addDays(today, -20);
    const practiceExams = [entry("NBME_CBSSA", addDays(due, 8), 70, { milestoneUid: "ms-1" })];
    expect(only({ milestones: [milestone(due)], practiceExams }, "MILESTONE_MISSED")).toEqual([]);
  });

  it("applies only while the plan is running", () => {
    expect(only({ status: "DIAGNOSING", milestones: [milestone(addDays(today, -10))] }, "MILESTONE_MISSED")).toEqual([]);
  });
});

describe("GATE_UNMET_NEAR_EXAM (gate unmet within 14 days of the exam)", () => {
  const today = base.today;

  it("starts exactly 14 days before the exam, not 15", () => {
    expect(only({ examDate: addDays(today, 14) }, "GATE_UNMET_NEAR_EXAM")).toEqual([
      {
        code: "GATE_UNMET_NEAR_EXAM",
        severity: 3,
        reason:
          "The readiness gate is not met 14 days before the exam on 15 Mar 2026: 0 of 2 CBSSAs in the last 21 days with the likely range entirely above the low-pass band; no CBSSA logged yet",
        source: "readiness-gate",
      },
    ]);
    expect(only({ examDate: addDays(today, 15) }, "GATE_UNMET_NEAR_EXAM")).toEqual([]);
  });

  it("holds on the exam day and stops after it", () => {
    expect(only({ examDate: today }, "GATE_UNMET_NEAR_EXAM")[0].reason).toMatch(/^The readiness gate is not met on the exam day: /);
    expect(only({ examDate: addDays(today, -1) }, "GATE_UNMET_NEAR_EXAM")).toEqual([]);
  });

  it("is silent when the gate is met or does not apply", () => {
    const practiceExams = [entry("NBME_CBSSA", addDays(today, -7), 74), entry("NBME_CBSSA", addDays(today, -1), 75)];
    expect(only({ examDate: addDays(today, 10), practiceExams }, "GATE_UNMET_NEAR_EXAM")).toEqual([]);
    expect(only({ exam: "STEP3", examDate: addDays(today, 10) }, "GATE_UNMET_NEAR_EXAM")).toEqual([]);
  });

  it("uses the school's gate or a precomputed result", () => {
    const practiceExams = [entry("NBME_CBSSA", addDays(today, -1), 75)];
    const lenient = readinessGateSchema.parse({ cbssa: { minCount: 1 } });
    expect(only({ examDate: addDays(today, 10), practiceExams }, "GATE_UNMET_NEAR_EXAM")).toHaveLength(1);
    expect(only({ examDate: addDays(today, 10), practiceExams, gate: lenient }, "GATE_UNMET_NEAR_EXAM")).toEqual([]);
    const readiness = evaluateReadiness({ exam: "STEP1", examDate: addDays(today, 10), today, practiceExams, gate: lenient });
    expect(only({ examDate: addDays(today, 10), practiceExams, readiness }, "GATE_UNMET_NEAR_EXAM")).toEqual([]);
  });

  it("reads the school's deadline", () => {
    const thresholds = { ...RETAKE_GUIDANCE, gateDeadlineDaysBeforeExam: 21 };
    expect(only({ examDate: addDays(today, 21), thresholds }, "GATE_UNMET_NEAR_EXAM")).toHaveLength(1);
  });
});

describe("trajectoryRisks", () => {
  it("orders flags by severity", () => {
    const today = base.today;
    const risks = trajectoryRisks({
      ...base,
      examDate: addDays(today, 10),
      practiceExams: [entry("FREE_120", addDays(today, -25), 70)],
      milestones: [{ uid: "b", kind: "BASELINE", dueOn: addDays(today, -20), label: "Baseline", instrumentId: "NBME_CBSSA" }],
    });
    expect(risks.map((r) => [r.code, r.severity])).toEqual([
      ["GATE_UNMET_NEAR_EXAM", 3],
      ["PRACTICE_GAP", 2],
      ["MILESTONE_MISSED", 2],
    ]);
  });
});

describe("LATEST_BELOW_PASSING", () => {
  const band = { lowPassLow: 62, lowPassHigh: 68 };

  it("says what is known when there are too few scores for a trend: 53% and falling under a 62–68% band", () => {
    const practiceExams = [entry("NBME_CBSSA", "2026-02-01", 58, band), entry("NBME_CBSSA", "2026-02-15", 53, band)];
    const risks = trajectoryRisks({ ...base, examDate: "2026-04-20", practiceExams });
    expect(risks.map((r) => r.code)).toEqual(["LATEST_BELOW_PASSING"]);
    expect(risks[0]).toEqual({
      code: "LATEST_BELOW_PASSING",
      severity: 3,
      reason:
        "Too few CBSSA scores for a trend (2 of the 3 a projection needs): the latest, 53% on 15 Feb 2026, down from 58% on 1 Feb 2026, " +
        "has its likely range 49–57%, which lies below the low-pass band 62–68%. " +
        "Likely range entirely below the low-pass band: at risk of failing; more preparation strongly recommended.",
      source: "latest:NBME_CBSSA",
    });
  });

  it("judges the latest score without an exam date too, and a three-digit one against the standard", () => {
    expect(codes({ practiceExams: [entry("NBME_CBSSA", "2026-02-15", 53, band)] })).toEqual(["LATEST_BELOW_PASSING"]);
    const uwsa = only({ exam: "STEP2_CK", practiceExams: [entry("UWSA", "2026-02-15", 205)] }, "LATEST_BELOW_PASSING");
    expect(uwsa).toHaveLength(1);
    expect(uwsa[0]).toMatchObject({ severity: 2, source: "latest:UWSA" });
    expect(uwsa[0].reason).toBe(
      "Too few UWSA scores for a trend (1 of the 3 a projection needs): the latest, 205 on 15 Feb 2026, is 13 points below passing 218",
    );
  });

  it("raises nothing when the latest likely range is above the band, or when a projection judges the series", () => {
    expect(codes({ examDate: "2026-04-20", practiceExams: [entry("NBME_CBSSA", "2026-02-15", 75, band)] })).toEqual([]);
    const projected = codes({
      today: "2026-01-26",
      examDate: "2026-02-09",
      practiceExams: weekly("NBME_CBSSA", "2026-01-05", [40, 43, 44, 49]).map((e) => ({ ...e, ...band })),
    });
    expect(projected).not.toContain("LATEST_BELOW_PASSING");
    expect(projected).toContain("PROJECTION_BELOW_PASSING");
  });
});
