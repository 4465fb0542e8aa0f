import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "#app/domain/dates";
import { type ExamId, instrument, RETAKE_GUIDANCE } from "#app/domain/reference";
import { DEFAULT_POLICY_LADDER, type PolicyRung } from "#app/domain/settings/settings";
import type { TrajectoryRisk } from "#app/domain/trajectory/risks";
import { type AttemptOutcome, RISK_LEVELS, type RiskLevel } from "#app/domain/vocabulary";
import {
  assessRisk,
  attemptLimitRule,
  type CaseFacts,
  compareFlags,
  failureCountLevel,
  fromTrajectoryRisk,
  LEVEL_FLOORS,
  lastAttemptRule,
  persistingWeaknessRule,
  RISK_RANK,
  type RiskFlag,
  riskLevel,
  riskSummary,
  rushedRetakeRule,
  schoolPolicyRule,
  secondFailureRule,
  targetDateSpacingRule,
  thirdFailureRule,
} from "./engine";

const attempt = (takenOn: string, outcome: AttemptOutcome = "FAIL", exam: ExamId = "STEP1") => ({ exam, takenOn, outcome });
const fails = (...dates: string[]) => dates.map((d) => attempt(d));

const base: CaseFacts = {
  status: "ACTIVE",
  exam: "STEP1",
  attempts: [],
  schoolAttemptLimit: null,
  targetExamDate: null,
  today: "2026-01-20",
  trajectoryFlags: [],
  persistingWeakAreas: [],
  policyLadder: [...DEFAULT_POLICY_LADDER],
  studentIneligible: false,
};
const facts = (over: Partial<CaseFacts>): CaseFacts => ({ ...base, ...over });
const flag = (code: RiskFlag["code"], severity: RiskFlag["severity"]): RiskFlag => ({
  code,
  severity,
  reason: "r",
  source: "school-policy",
});

describe("SECOND_FAILURE", () => {
  it("is not raised by a first failure", () => {
    expect(secondFailureRule(facts({ attempts: fails("2025-06-01") }))).toEqual([]);
  });

  it("flags exactly two failures of the case's exam with severity 3, naming the dates", () => {
    const [f] = secondFailureRule(facts({ attempts: fails("2025-06-01", "2025-10-15") }));
    expect(f).toMatchObject({ code: "SECOND_FAILURE", severity: 3, source: "schoolPolicies" });
    expect(f.reason).toContain("2nd failure of Step 1 (failed 1 Jun 2025 and 15 Oct 2025)");
  });

  it("hands over to THIRD_FAILURE at three failures", () => {
    expect(secondFailureRule(facts({ attempts: fails("2025-01-10", "2025-05-10", "2025-09-10") }))).toEqual([]);
  });

  it("counts failures per exam, and an incomplete attempt is not a failure", () => {
    expect(secondFailureRule(facts({ attempts: [attempt("2025-06-01"), attempt("2025-10-15", "FAIL", "STEP2_CK")] }))).toEqual([]);
    expect(secondFailureRule(facts({ attempts: [attempt("2025-06-01"), attempt("2025-10-15", "INCOMPLETE")] }))).toEqual([]);
  });

  it("makes the case at least HIGH", () => {
    const result = assessRisk(facts({ attempts: fails("2025-06-01", "2025-10-15") }));
    expect(result.level).toBe("HIGH");
    expect(result.flags.map((f) => f.code)).toEqual(["SECOND_FAILURE", "SCHOOL_POLICY"]);
  });
});

describe("THIRD_FAILURE vs the fourth", () => {
  const three = fails("2025-01-10", "2025-05-10", "2025-09-10");
  const four = [...three, attempt("2026-03-10")];

  it("flags a third failure as critical: one USMLE attempt left, and failing it ends eligibility for every Step", () => {
    const [f] = thirdFailureRule(facts({ attempts: three }));
    expect(f).toMatchObject({ code: "THIRD_FAILURE", severity: 4, source: "ecfmgReexamination" });
    expect(f.reason).toContain("3rd failure of Step 1");
    expect(f.reason).toContain("One USMLE attempt is left, and failing it ends eligibility for every Step.");
    const result = assessRisk(facts({ attempts: three }));
    expect(result.level).toBe("CRITICAL");
    expect(result.flags.map((x) => x.code)).toEqual(["THIRD_FAILURE", "SCHOOL_POLICY"]);
  });

  it("a fourth failure is no longer a third failure: the limit is reached and eligibility for every Step ends", () => {
    expect(thirdFailureRule(facts({ attempts: four }))).toEqual([]);
    const [f] = attemptLimitRule(facts({ attempts: four }));
    expect(f).toMatchObject({ code: "ATTEMPT_LIMIT_REACHED", severity: 4, source: "ecfmgReexamination" });
    expect(f.reason).toContain("can no longer sit any Step");
    const result = assessRisk(facts({ attempts: four, today: "2026-03-20" }));
    expect(result.level).toBe("CRITICAL");
    expect(result.flags.map((x) => x.code)).toEqual(["ATTEMPT_LIMIT_REACHED", "SCHOOL_POLICY"]);
  });

  it("under the 2012 six-attempt rules a third failure leaves three attempts and no all-Step stake", () => {
    const [f] = thirdFailureRule(facts({ attempts: three, today: "2020-01-01" }));
    expect(f.reason).toContain("3 USMLE attempts left.");
    expect(f.source).toBe("usmleAttemptLimit2012");
  });

  it("does not promise an attempt left when another Step already ended eligibility", () => {
    const otherLimit = ["2024-01-10", "2024-04-10", "2024-07-10", "2025-01-10"].map((d) => attempt(d, "FAIL", "STEP2_CK"));
    expect(thirdFailureRule(facts({ attempts: [...three, ...otherLimit] }))).toEqual([]);
  });
});

describe("LAST_ATTEMPT", () => {
  it("flags one USMLE attempt left when incomplete attempts used some, as critical", () => {
    const [f] = lastAttemptRule(facts({ attempts: [attempt("2025-01-10"), attempt("2025-05-10", "INCOMPLETE"), attempt("2025-09-10")] }));
    expect(f).toMatchObject({ code: "LAST_ATTEMPT", severity: 4, source: "ecfmgReexamination" });
    expect(f.reason).toContain("(2 failures, 1 incomplete attempt; incomplete attempts count)");
    expect(f.reason).toContain("failing it ends eligibility for every Step");
  });

  it("flags the last attempt a stricter school allows", () => {
    const [f] = lastAttemptRule(facts({ attempts: fails("2025-06-01", "2025-10-15"), schoolAttemptLimit: 3 }));
    expect(f).toMatchObject({ code: "LAST_ATTEMPT", severity: 3, source: "school-policy" });
    expect(f.reason).toContain("The school allows 3 attempts at Step 1 and the student has used 2");
  });

  it("is silent with more than one attempt left, and leaves a third failure to THIRD_FAILURE", () => {
    expect(lastAttemptRule(facts({ attempts: fails("2025-06-01"), schoolAttemptLimit: 3 }))).toEqual([]);
    expect(lastAttemptRule(facts({ attempts: fails("2025-06-01", "2025-10-15") }))).toEqual([]);
    expect(lastAttemptRule(facts({ attempts: fails("2025-01-10", "2025-05-10", "2025-09-10") }))).toEqual([]);
  });
});

describe("ATTEMPT_LIMIT_REACHED", () => {
  it("counts incomplete attempts toward the USMLE limit", () => {
    const attempts = [...fails("2025-01-10", "2025-05-10", "2025-09-10"), attempt("2026-03-10", "INCOMPLETE")];
    expect(attemptLimitRule(facts({ attempts }))).toHaveLength(1);
  });

  it("flags a limit reached on another Step: the student can sit none", () => {
    const otherLimit = ["2024-01-10", "2024-04-10", "2024-07-10", "2025-01-10"].map((d) => attempt(d, "FAIL", "STEP2_CK"));
    const [f] = attemptLimitRule(facts({ attempts: [attempt("2025-06-01"), ...otherLimit] }));
    expect(f.reason).toContain("Step 2 CK has been attempted 4 times without a pass");
  });

  it("flags a student recorded as ineligible", () => {
    const [f] = attemptLimitRule(facts({ attempts: fails("2025-06-01"), studentIneligible: true }));
    expect(f.reason).toContain("recorded as ineligible");
  });

  it("applies a stricter school limit: 3 at this school reached at the 3rd failure, with USMLE attempts left", () => {
    const three = fails("2025-01-10", "2025-05-10", "2025-09-10");
    const [f] = attemptLimitRule(facts({ attempts: three, schoolAttemptLimit: 3 }));
    expect(f).toMatchObject({ code: "ATTEMPT_LIMIT_REACHED", severity: 4, source: "school-policy" });
    expect(f.reason).toContain("The school allows 3 attempts at Step 1, and the student has used 3");
    expect(f.reason).toContain("The USMLE would allow 1 more attempt, but not at this school.");
    expect(attemptLimitRule(facts({ attempts: three }))).toEqual([]);
  });

  it("a school limit of 2 makes a second failure critical", () => {
    const result = assessRisk(facts({ attempts: fails("2025-06-01", "2025-10-15"), schoolAttemptLimit: 2 }));
    expect(result.flags.map((f) => f.code)).toEqual(["ATTEMPT_LIMIT_REACHED", "SECOND_FAILURE", "SCHOOL_POLICY"]);
    expect(result.level).toBe("CRITICAL");
  });

  it("one below the school limit is not reached", () => {
    expect(attemptLimitRule(facts({ attempts: fails("2025-06-01", "2025-10-15"), schoolAttemptLimit: 3 }))).toEqual([]);
  });
});

describe("TARGET_DATE_SPACING (4th attempt)", () => {
  it("6-month edge: exactly 6 months after the latest attempt is allowed, a day earlier is not", () => {
    const attempts = fails("2025-01-10", "2025-05-10", "2025-09-10");
    expect(targetDateSpacingRule(facts({ attempts, targetExamDate: "2026-03-10" }))).toEqual([]);
    const [f] = targetDateSpacingRule(facts({ attempts, targetExamDate: "2026-03-09" }));
    expect(f).toMatchObject({ code: "TARGET_DATE_SPACING", severity: 3, source: "ecfmgReexamination" });
    expect(f.reason).toContain("not allowed for a 4th attempt");
    expect(f.reason).toContain("at least 6 months after the most recent attempt");
    expect(f.reason).not.toContain("12 months after the first attempt");
    expect(f.reason).toContain("The earliest date every rule allows is 10 Mar 2026.");
  });

  it("12-month edge: exactly 12 months after the first attempt is allowed, a day earlier is not", () => {
    const attempts = fails("2025-01-10", "2025-03-10", "2025-06-10");
    expect(targetDateSpacingRule(facts({ attempts, targetExamDate: "2026-01-10" }))).toEqual([]);
    const [f] = targetDateSpacingRule(facts({ attempts, targetExamDate: "2026-01-09" }));
    expect(f.reason).toContain("at least 12 months after the first attempt");
    expect(f.reason).not.toContain("after the most recent attempt");
    expect(f.reason).toContain("The earliest date every rule allows is 10 Jan 2026.");
  });

  it("flags a target date on or before the latest attempt", () => {
    const [f] = targetDateSpacingRule(facts({ attempts: fails("2025-10-15"), targetExamDate: "2025-10-15" }));
    expect(f.reason).toContain("is not after the latest Step 1 attempt");
  });

  it("is silent without a target date, for an early retake, and when no date would do (the limit flag says it)", () => {
    expect(targetDateSpacingRule(facts({ attempts: fails("2025-10-15") }))).toEqual([]);
    expect(targetDateSpacingRule(facts({ attempts: fails("2025-10-15"), targetExamDate: "2025-10-16" }))).toEqual([]);
    const four = fails("2025-01-10", "2025-05-10", "2025-09-10", "2026-03-10");
    expect(targetDateSpacingRule(facts({ attempts: four, targetExamDate: "2026-04-01" }))).toEqual([]);
  });
});

describe("RUSHED_RETAKE", () => {
  const failedOn = "2026-01-15";
  const sixWeeks = addDays(failedOn, RETAKE_GUIDANCE.rushedRetakeDays);

  it("exactly six weeks after the failure is not rushed", () => {
    expect(daysBetween(failedOn, sixWeeks)).toBe(42);
    expect(rushedRetakeRule(facts({ attempts: fails(failedOn), targetExamDate: sixWeeks }))).toEqual([]);
  });

  it("one day less is rushed (severity 2 after a first failure)", () => {
    const [f] = rushedRetakeRule(facts({ attempts: fails(failedOn), targetExamDate: addDays(sixWeeks, -1) }));
    expect(f).toMatchObject({ code: "RUSHED_RETAKE", severity: 2, source: "retakeTimelines" });
    expect(f.reason).toContain("only 41 days after the 1st failure on 15 Jan 2026, less than the 42 days (6 weeks) a retake needs");
    expect(f.reason).not.toContain("After a second failure");
  });

  it("is severity 3 after a second failure and cites the longer guidance", () => {
    const [f] = rushedRetakeRule(facts({ attempts: fails("2025-06-01", failedOn), targetExamDate: addDays(failedOn, 30) }));
    expect(f.severity).toBe(3);
    expect(f.reason).toContain("After a second failure the guidance is 13–26 weeks of preparation.");
  });

  it("flags a date six weeks after a second failure: the line is then 13 weeks", () => {
    const [f] = rushedRetakeRule(facts({ attempts: fails("2025-06-01", failedOn), targetExamDate: sixWeeks }));
    expect(f).toMatchObject({ code: "RUSHED_RETAKE", severity: 3 });
    expect(f.reason).toBe(
      "The target date, 26 Feb 2026, is only 42 days after the 2nd failure on 15 Jan 2026, less than the 91 days (13 weeks) " +
        "a retake after a second failure needs. Rushing the retake is the biggest factor behind another failure. " +
        "After a second failure the guidance is 13–26 weeks of preparation.",
    );
    const thirteenWeeks = addDays(failedOn, 91);
    expect(rushedRetakeRule(facts({ attempts: fails("2025-06-01", failedOn), targetExamDate: thirteenWeeks }))).toEqual([]);
    expect(rushedRetakeRule(facts({ attempts: fails("2025-06-01", failedOn), targetExamDate: addDays(thirteenWeeks, -1) }))).toHaveLength(
      1,
    );
  });

  it("measures from the latest failure of the case's exam, in any input order", () => {
    expect(rushedRetakeRule(facts({ attempts: fails("2025-06-01", failedOn), targetExamDate: addDays(failedOn, 10) }))).toHaveLength(1);
    const [f] = rushedRetakeRule(facts({ attempts: fails(failedOn, "2025-06-01"), targetExamDate: addDays(failedOn, 10) }));
    expect(f.reason).toContain("only 10 days after the 2nd failure on 15 Jan 2026");
    // A later failure of another exam, or a later incomplete sitting, is not this exam's failure.
    const other = [attempt(failedOn), attempt(addDays(failedOn, 5), "FAIL", "STEP2_CK"), attempt(addDays(failedOn, 6), "INCOMPLETE")];
    expect(rushedRetakeRule(facts({ attempts: other, targetExamDate: addDays(failedOn, 10) }))[0].reason).toContain("only 10 days after");
    expect(rushedRetakeRule(facts({ attempts: [], targetExamDate: addDays(failedOn, 10) }))).toEqual([]);
  });

  it("ignores a target on or before the failure and a missing target", () => {
    expect(rushedRetakeRule(facts({ attempts: fails(failedOn), targetExamDate: failedOn }))).toEqual([]);
    expect(rushedRetakeRule(facts({ attempts: fails(failedOn) }))).toEqual([]);
  });

  it("takes the threshold as a parameter", () => {
    const over = { attempts: fails(failedOn), targetExamDate: addDays(failedOn, 50) };
    expect(rushedRetakeRule(facts(over))).toEqual([]);
    expect(rushedRetakeRule(facts({ ...over, thresholds: { rushedRetakeDays: 56 } }))[0].reason).toContain("56 days (8 weeks)");
  });
});

describe("PERSISTING_WEAKNESS", () => {
  it("flags an area Lower on both reports", () => {
    const [f] = persistingWeaknessRule(facts({ persistingWeakAreas: ["Pathology", "Cardiovascular system"] }));
    expect(f).toMatchObject({ code: "PERSISTING_WEAKNESS", severity: 2, source: "usmleScoreReports" });
    expect(f.reason).toContain("Pathology and Cardiovascular system were Lower on both score reports");
  });

  it("is silent when the weak areas improved (none persisting), ignoring blanks and duplicates", () => {
    expect(persistingWeaknessRule(facts({ persistingWeakAreas: [] }))).toEqual([]);
    expect(persistingWeaknessRule(facts({ persistingWeakAreas: [" "] }))).toEqual([]);
    expect(persistingWeaknessRule(facts({ persistingWeakAreas: ["Renal", "Renal "] }))[0].reason).toContain("Renal was Lower");
  });
});

describe("SCHOOL_POLICY", () => {
  it("gives the rung for the current failure number", () => {
    const [first] = schoolPolicyRule(facts({ attempts: fails("2025-06-01") }));
    expect(first).toMatchObject({ code: "SCHOOL_POLICY", severity: 1, source: "school-policy" });
    expect(first.reason).toMatch(/^1st failure: academic warning at this school\. /);
    const [second] = schoolPolicyRule(facts({ attempts: fails("2025-06-01", "2025-10-15") }));
    expect(second.severity).toBe(2);
    expect(second.reason).toContain("2nd failure: committee review at this school. The promotions committee reviews the case");
  });

  it("keeps the top rung's meaning past the end of the ladder, and says so", () => {
    const [f] = schoolPolicyRule(facts({ attempts: fails("2025-01-10", "2025-05-10", "2025-09-10", "2026-03-10") }));
    expect(f.reason).toMatch(/^4th failure \(the school's policy stops at the 3rd\): dismissal review at this school\./);
    expect(f.severity).toBe(4);
  });

  it("raises nothing without failures, without a rung, or for 'no formal action'", () => {
    expect(schoolPolicyRule(facts({}))).toEqual([]);
    expect(schoolPolicyRule(facts({ attempts: fails("2025-06-01"), policyLadder: [] }))).toEqual([]);
    const none: PolicyRung[] = [{ failureNumber: 1, consequence: "NONE", description: "Nothing formal." }];
    expect(schoolPolicyRule(facts({ attempts: fails("2025-06-01"), policyLadder: none }))).toEqual([]);
  });

  it("a school that reviews for dismissal at the 2nd failure makes it critical", () => {
    const ladder: PolicyRung[] = [{ failureNumber: 2, consequence: "DISMISSAL_REVIEW", description: "Dismissal review." }];
    expect(assessRisk(facts({ attempts: fails("2025-06-01", "2025-10-15"), policyLadder: ladder })).level).toBe("CRITICAL");
  });
});

describe("trajectory flags", () => {
  const risks: TrajectoryRisk[] = [
    { code: "PRACTICE_GAP", severity: 2, reason: "No practice exam for 24 days", source: "practice-exams" },
    { code: "PROJECTION_BELOW_PASSING", severity: 3, reason: "UWSA projected 206", source: "projection:UWSA" },
    { code: "GATE_UNMET_NEAR_EXAM", severity: 3, reason: "Gate unmet", source: "readiness-gate" },
    { code: "MILESTONE_MISSED", severity: 2, reason: "Midpoint missed", source: "milestone:m1" },
  ];

  it("pass through with their code, severity and reason, a reference source, and their origin", () => {
    expect(risks.map(fromTrajectoryRisk)).toEqual([
      { code: "PRACTICE_GAP", severity: 2, reason: "No practice exam for 24 days", source: "retakeTimelines", origin: "practice-exams" },
      {
        code: "PROJECTION_BELOW_PASSING",
        severity: 3,
        reason: "UWSA projected 206",
        source: instrument("UWSA").source,
        origin: "projection:UWSA",
      },
      { code: "GATE_UNMET_NEAR_EXAM", severity: 3, reason: "Gate unmet", source: "nbmeCbssaGuidance", origin: "readiness-gate" },
      { code: "MILESTONE_MISSED", severity: 2, reason: "Midpoint missed", source: "retakeTimelines", origin: "milestone:m1" },
    ]);
  });

  it("set the level by their severity when nothing else is flagged", () => {
    const result = assessRisk(facts({ trajectoryFlags: risks }));
    expect(result.level).toBe("HIGH");
    expect(result.flags.map((f) => f.code)).toEqual([
      "PROJECTION_BELOW_PASSING",
      "GATE_UNMET_NEAR_EXAM",
      "PRACTICE_GAP",
      "MILESTONE_MISSED",
    ]);
  });
});

describe("risk level", () => {
  it("no flags is LOW; by the highest severity otherwise", () => {
    expect(riskLevel([])).toBe("LOW");
    expect(riskLevel([flag("SCHOOL_POLICY", 1)])).toBe("LOW");
    expect(riskLevel([flag("SCHOOL_POLICY", 1), flag("RUSHED_RETAKE", 2)])).toBe("MODERATE");
    expect(riskLevel([flag("TARGET_DATE_SPACING", 3)])).toBe("HIGH");
    expect(riskLevel([flag("SCHOOL_POLICY", 4)])).toBe("CRITICAL");
  });

  it("a second failure is at least HIGH, a third failure or a reached limit CRITICAL, whatever their severity", () => {
    expect(riskLevel([flag("SECOND_FAILURE", 1)])).toBe("HIGH");
    expect(riskLevel([flag("THIRD_FAILURE", 1)])).toBe("CRITICAL");
    expect(riskLevel([flag("ATTEMPT_LIMIT_REACHED", 2)])).toBe("CRITICAL");
  });

  it("a first failure with nothing else is LOW (a warning to watch)", () => {
    expect(assessRisk(facts({ attempts: fails("2025-06-01") })).level).toBe("LOW");
  });

  it("a closed case has no level and no flags", () => {
    const result = assessRisk(facts({ status: "CLOSED", attempts: fails("2025-01-10", "2025-05-10", "2025-09-10") }));
    expect(result).toEqual({ flags: [], level: null, summary: "Closed case: risk is no longer assessed." });
  });

  it("RISK_RANK sorts LOW < MODERATE < HIGH < CRITICAL", () => {
    const levels: RiskLevel[] = ["CRITICAL", "LOW", "HIGH", "MODERATE"];
    expect(levels.sort((a, b) => RISK_RANK[a] - RISK_RANK[b])).toEqual(["LOW", "MODERATE", "HIGH", "CRITICAL"]);
    // Every level ranks above the 0 the database stores for "not assessed", rising in RISK_LEVELS order.
    const ranks = RISK_LEVELS.map((level) => RISK_RANK[level]);
    expect(ranks.every((rank, i) => rank > (i === 0 ? 0 : ranks[i - 1]))).toBe(true);
  });
});

describe("assessment", () => {
  it("orders flags by severity, then by rule", () => {
    const sorted = [flag("SCHOOL_POLICY", 2), flag("RUSHED_RETAKE", 2), flag("PRACTICE_GAP", 3)].sort(compareFlags);
    expect(sorted.map((f) => f.code)).toEqual(["PRACTICE_GAP", "RUSHED_RETAKE", "SCHOOL_POLICY"]);
  });

  it("summarises the level and the flags in one line", () => {
    expect(riskSummary("LOW", [])).toBe("Low risk: no risk flags.");
    const result = assessRisk(
      facts({
        attempts: fails("2025-06-01", "2026-01-15"),
        targetExamDate: "2026-02-01",
        persistingWeakAreas: ["Pathology"],
      }),
    );
    expect(result.flags.map((f) => f.code)).toEqual(["SECOND_FAILURE", "RUSHED_RETAKE", "PERSISTING_WEAKNESS", "SCHOOL_POLICY"]);
    expect(result.summary).toBe("High risk: Second failure, Rushed retake, Weak area persisting and 1 more.");
    expect(riskSummary("MODERATE", [flag("MILESTONE_MISSED", 2), flag("MILESTONE_MISSED", 2)])).toBe("Moderate risk: Milestone missed.");
  });
});

describe("failureCountLevel", () => {
  it("is the one rule for the level failures imply: the case's floors and the escalation's severity", () => {
    expect(failureCountLevel(1)).toBeNull();
    expect(failureCountLevel(2)).toBe("HIGH");
    expect(failureCountLevel(3)).toBe("CRITICAL");
    expect(failureCountLevel(4)).toBe("CRITICAL");
    expect(LEVEL_FLOORS.SECOND_FAILURE).toBe(failureCountLevel(2));
    expect(LEVEL_FLOORS.THIRD_FAILURE).toBe(failureCountLevel(3));
  });
});
