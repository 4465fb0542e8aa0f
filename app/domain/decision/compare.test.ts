import { describe, expect, it } from "vitest";
import type { AttemptRecord } from "#app/domain/attempts/rules";
import { addDays, addWeeks, type IsoDate } from "#app/domain/dates";
import { passingStandardOn } from "#app/domain/reference";
import { DEFAULT_SCHOOL_SETTINGS } from "#app/domain/settings/settings";
import type { PracticeExamEntry } from "#app/domain/trajectory/practice";
import { DEFAULT_READINESS_GATE } from "#app/domain/trajectory/readiness";
import {
  candidateDates,
  compareDates,
  type DecisionInput,
  evaluateDate,
  intervalPosition,
  POSTPONE_OPTION_WEEKS,
  studentWords,
} from "./compare";

const fail = (takenOn: IsoDate, exam: AttemptRecord["exam"] = "STEP2_CK"): AttemptRecord => ({ exam, takenOn, outcome: "FAIL" });
let seq = 0;
const nextId = () => {
  seq += 1;
  return `p${seq.toString().padStart(4, "0")}`;
};
const score = (takenOn: IsoDate, value: number, instrumentId: PracticeExamEntry["instrumentId"] = "NBME_CCSSA"): PracticeExamEntry => ({
  id: nextId(),
  instrumentId,
  form: null,
  takenOn,
  score: value,
});

/** A Step 2 CK case with no practice scores: each test adds what it is about. */
function input(over: Partial<DecisionInput> = {}): DecisionInput {
  return {
    exam: "STEP2_CK",
    today: "2026-03-02",
    plannedDate: "2026-04-20",
    attempts: [fail("2025-11-10")],
    practiceExams: [],
    milestones: [],
    settings: {
      readinessGate: DEFAULT_READINESS_GATE,
      schoolAttemptLimit: null,
      policyLadder: [...DEFAULT_SCHOOL_SETTINGS.policyLadder],
    },
    ...over,
  };
}

describe("the dates compared", () => {
  it("are the planned date and postponements after it, in order, when the planned date is allowed", () => {
    const dates = candidateDates(input());
    expect(dates).toEqual([
      { date: "2026-04-20", kind: "PLANNED" },
      ...POSTPONE_OPTION_WEEKS.map((w) => ({ date: addWeeks("2026-04-20", w), kind: "POSTPONE" })),
    ]);
  });

  it("add the earliest allowed date when the planned one breaks the spacing rules, and postpone from that", () => {
    // Three failures: a 4th attempt must wait 12 months after the first and 6 after the latest.
    const attempts = [fail("2025-06-02"), fail("2025-09-01"), fail("2026-01-05")];
    const dates = candidateDates(input({ attempts, plannedDate: "2026-04-20" }));
    expect(dates[0]).toEqual({ date: "2026-04-20", kind: "PLANNED" });
    expect(dates[1]).toEqual({ date: "2026-07-05", kind: "EARLIEST" });
    expect(dates.slice(2).map((d) => d.date)).toEqual(POSTPONE_OPTION_WEEKS.map((w) => addWeeks("2026-07-05", w)));
    const planned = evaluateDate(input({ attempts }), "2026-04-20", "PLANNED");
    expect(planned.attempts.allowed).toBe(false);
    expect(planned.summary).toBe("The rules do not allow this date.");
  });

  it("leave out a planned date in the past and add a date the tutor chose", () => {
    const dates = candidateDates(input({ plannedDate: "2026-02-01" }), "2026-05-11");
    expect(dates.map((d) => d.kind)).toEqual(["EARLIEST", "POSTPONE", "POSTPONE", "CHOSEN"]);
    expect(dates[0].date).toBe("2026-03-03");
  });

  it("are none when no attempt is allowed at all, and the comparison says why", () => {
    const attempts = ["2024-01-08", "2024-05-06", "2024-09-02", "2025-03-03"].map((d) => fail(d));
    const comparison = compareDates(input({ attempts }));
    expect(comparison.options.filter((o) => o.attempts.allowed)).toEqual([]);
    expect(comparison.blocked).toBeNull(); // the planned date is still shown, with why it is not allowed
    const none = compareDates(input({ attempts, plannedDate: null }));
    expect(none.options).toEqual([]);
    expect(none.blocked).toMatch(/no longer|every Step/);
  });
});

describe("if the sitting fails", () => {
  it("a last attempt leaves no allowed attempt in the next 12 months (nor ever), and says so", () => {
    const attempts = [fail("2025-01-06"), fail("2025-04-07"), fail("2025-08-04")];
    const option = evaluateDate(input({ attempts, today: "2026-03-02" }), "2026-04-20");
    expect(option.attempts.allowed).toBe(true);
    expect(option.attempts.attemptNumber).toBe(4);
    expect(option.attempts.lastChance).toBe(true);
    expect(option.attempts.attemptsLeftAfterFailure).toBe(0);
    expect(option.attempts.nextAllowedAfterFailure).toBeNull();
    expect(option.attempts.noAttemptWithinWindow).toBe(true);
    expect(option.reasons).toContainEqual({ leaning: "POSTPONE", text: expect.stringMatching(/4th and last allowed attempt/) });
  });

  it("a school limit reached by this sitting leaves no further attempt, though the USMLE would allow one", () => {
    const settings = { ...input().settings, schoolAttemptLimit: 2 };
    const option = evaluateDate(input({ settings }), "2026-04-20");
    expect(option.attempts.allowed).toBe(true);
    expect(option.attempts.lastChance).toBe(false);
    expect(option.attempts.nextAllowedAfterFailure).toBeNull();
    expect(option.attempts.noAttemptWithinWindow).toBe(true);
    expect(option.reasons.find((r) => r.text.startsWith("If this attempt failed"))?.leaning).toBe("POSTPONE");
  });

  it("a third attempt still leaves one within 12 months: the 4th from 12 months after the 1st and 6 after this one", () => {
    const attempts = [fail("2025-11-10"), fail("2026-01-12")];
    const option = evaluateDate(input({ attempts }), "2026-04-20");
    expect(option.attempts.attemptNumber).toBe(3);
    expect(option.attempts.attemptsLeftAfterFailure).toBe(1);
    expect(option.attempts.nextAllowedAfterFailure).toBe("2026-11-10");
    expect(option.attempts.noAttemptWithinWindow).toBe(false);
    expect(option.policy).toMatchObject({ failureNumber: 3, consequence: "Dismissal review" });
  });
});

describe("the projection against the standard", () => {
  it("places an interval by its ends: the low end exactly at the standard clears it, the high end exactly at it straddles", () => {
    expect(intervalPosition(218, 230, 218, 218)).toBe("CLEARS");
    expect(intervalPosition(217.9, 230, 218, 218)).toBe("STRADDLES");
    expect(intervalPosition(200, 218, 218, 218)).toBe("STRADDLES");
    expect(intervalPosition(200, 217.9, 218, 218)).toBe("BELOW");
    // A band: clear of its top, or below its bottom.
    expect(intervalPosition(68, 80, 62, 68)).toBe("CLEARS");
    expect(intervalPosition(50, 62, 62, 68)).toBe("STRADDLES");
  });

  it("an interval straddling the standard is said to be inconclusive, not read as a pass or a fail", () => {
    const practiceExams = [
      score("2026-01-05", 205),
      score("2026-01-19", 219),
      score("2026-02-02", 208),
      score("2026-02-16", 224),
      score("2026-03-01", 212),
    ];
    const option = evaluateDate(input({ practiceExams }), "2026-04-20");
    const [projection] = option.projections;
    expect(projection.position).toBe("STRADDLES");
    expect(Number(projection.low)).toBeLessThan(218);
    expect(Number(projection.high)).toBeGreaterThanOrEqual(218);
    expect(option.reasons).toContainEqual({ leaning: "NEUTRAL", text: expect.stringMatching(/straddles the passing standard 218/) });
    expect(option.reasons.some((r) => r.leaning === "SIT" && r.text.includes("CCSSA"))).toBe(false);
  });

  it("a steady rise well above the standard clears it; a flat line well below is below", () => {
    const rising = [200, 212, 224, 236].map((v, i) => score(addDays("2026-01-05", i * 14), v + (i % 2)));
    expect(evaluateDate(input({ practiceExams: rising }), "2026-04-20").projections[0].position).toBe("CLEARS");
    const flat = [190, 192, 189, 191].map((v, i) => score(addDays("2026-01-05", i * 14), v));
    expect(evaluateDate(input({ practiceExams: flat }), "2026-04-20").projections[0].position).toBe("BELOW");
  });
});

const margin = DEFAULT_READINESS_GATE.threeDigit.margin;

describe("the readiness gate", () => {
  const target = 218 + margin;

  it("met only by the margin (the latest score exactly at standard + margin) is said to have nothing to spare", () => {
    const option = evaluateDate(input({ today: "2026-04-10", practiceExams: [score("2026-04-06", target)] }), "2026-04-20");
    expect(option.gate.met).toBe(true);
    expect(option.gate.metOnlyByMargin).toBe(true);
    expect(option.reasons).toContainEqual({ leaning: "NEUTRAL", text: expect.stringMatching(/met only by the margin/) });
    expect(option.reasons.some((r) => r.text === "The readiness gate is met.")).toBe(false);
  });

  it("one point above the line is met plainly; one point below is not met, with how far", () => {
    const above = evaluateDate(input({ today: "2026-04-10", practiceExams: [score("2026-04-06", target + 1)] }), "2026-04-20");
    expect(above.gate).toMatchObject({ met: true, metOnlyByMargin: false });
    expect(above.reasons).toContainEqual({ leaning: "SIT", text: "The readiness gate is met." });
    const below = evaluateDate(input({ today: "2026-04-10", practiceExams: [score("2026-04-06", target - 1)] }), "2026-04-20");
    expect(below.gate.met).toBe(false);
    expect(below.reasons).toContainEqual({ leaning: "POSTPONE", text: expect.stringMatching(/not met: 1 point below/) });
  });

  it("for a date whose gate window has not opened yet, there is time to meet it", () => {
    const option = evaluateDate(input({ practiceExams: [score("2026-03-01", target - 10)] }), "2026-06-15");
    expect(option.gate.windowNotYetOpen).toBe(true);
    expect(option.reasons).toContainEqual({ leaning: "NEUTRAL", text: expect.stringMatching(/there is time to meet it/) });
  });
});

describe("a passing standard that changes between the two dates compared", () => {
  // Step 2 CK: 214 until 30 June 2025, 218 from 1 July 2025.
  const base = input({ today: "2025-05-26", plannedDate: "2025-06-23", attempts: [fail("2025-02-03")] });

  it("compares each date with the standard in force on it, and says the later one differs", () => {
    expect(passingStandardOn("STEP2_CK", "2025-06-23")?.minScore).toBe(214);
    expect(passingStandardOn("STEP2_CK", addWeeks("2025-06-23", 4))?.minScore).toBe(218);
    const [planned, later] = compareDates(base).options;
    expect(planned.standard).toMatchObject({ minScore: 214, changedFromFirst: false });
    expect(later.standard).toMatchObject({ minScore: 218, effectiveFrom: "2025-07-01", changedFromFirst: true });
    expect(later.reasons).toContainEqual({
      leaning: "NEUTRAL",
      text: expect.stringMatching(/different passing standard applies on this date: 218/),
    });
  });

  it("each projection is read against its own date's standard, and the gate's line moves with it", () => {
    const practiceExams = [210, 213, 215, 218].map((v, i) => score(addDays("2025-05-05", i * 7), v));
    const comparison = compareDates({ ...base, practiceExams });
    const [planned, later] = comparison.options;
    expect(planned.projections[0].line).toBe("passing standard 214");
    expect(later.projections[0].line).toBe("passing standard 218");
    // The gate judges the latest score (218) against standard + margin on each date.
    expect(planned.gate.summary).toContain(String(214 + margin));
    expect(later.gate.summary).toContain(String(218 + margin));
  });
});

describe("milestones", () => {
  it("lists those due before the date with no practice exam near them; a linked or nearby exam counts as done", () => {
    const milestones = [
      { uid: "baseline", kind: "BASELINE", dueOn: "2026-02-02", label: "Baseline: CCSSA", instrumentId: "NBME_CCSSA" as const },
      { uid: "midpoint", kind: "MIDPOINT", dueOn: "2026-02-23", label: "Midpoint: CCSSA", instrumentId: "NBME_CCSSA" as const },
      { uid: "final", kind: "FINAL", dueOn: "2026-04-06", label: "Final: UWSA", instrumentId: "UWSA" as const },
    ];
    const practiceExams = [{ ...score("2026-02-04", 205), milestoneUid: null }];
    const option = evaluateDate(input({ milestones, practiceExams }), "2026-04-20");
    expect(option.milestonesOpen).toEqual([
      { label: "Midpoint: CCSSA", dueOn: "2026-02-23" },
      { label: "Final: UWSA", dueOn: "2026-04-06" },
    ]);
    expect(evaluateDate(input({ milestones, practiceExams }), "2026-03-30").milestonesOpen).toHaveLength(1);
  });
});

describe("what the evidence says", () => {
  it("never a bare verdict: every summary comes with its reasons", () => {
    for (const option of compareDates(input({ practiceExams: [score("2026-02-02", 220)] })).options) {
      expect(option.reasons.length).toBeGreaterThan(0);
      expect(option.summary).toMatch(/evidence|rules/);
    }
  });
});

describe("the student's words", () => {
  it("say where the scores stand and what is left, without the policy ladder or attempt counts", () => {
    const milestones = [{ uid: "final", kind: "FINAL", dueOn: "2026-04-06", label: "Final: UWSA", instrumentId: "UWSA" as const }];
    const attempts = [fail("2025-01-06"), fail("2025-04-07"), fail("2025-08-04")];
    const option = evaluateDate(input({ attempts, milestones }), "2026-04-20");
    const words = studentWords(option).join(" ");
    expect(words).toMatch(/not enough practice scores/);
    expect(words).toMatch(/Still to do before this date: Final: UWSA/);
    expect(words).not.toMatch(/Dismissal|last allowed|eligibility|failure/i);
  });
});
