import { describe, expect, it } from "vitest";
import { decideAttempt, type StudentState } from "./decide";
import { summarizeAttempts } from "./rules";

const student = (overrides: Partial<StudentState> = {}): StudentState => ({
  studentId: "s1",
  schoolId: "school",
  name: "Ada Student",
  ineligibleSince: null,
  attempts: [],
  openCases: [],
  ...overrides,
});

const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

const context = { today: "2026-12-02", schoolAttemptLimit: null, newId: ids() };

describe("an attempt at a discontinued exam", () => {
  it("is recorded as history: a Step 2 CS failure opens no case, joins none and escalates nothing", () => {
    const decision = decideAttempt(
      student({ openCases: [{ id: "ck-case", exam: "STEP2_CK", status: "ACTIVE", tutorId: "t1" }] }),
      { exam: "STEP2_CS", takenOn: "2019-05-01", outcome: "FAIL" },
      { ...context, newId: ids() },
    );
    if (decision.kind !== "RECORD") throw new Error(`expected a record, got ${decision.kind}`);
    expect(decision.effects.openedCase).toBeNull();
    expect(decision.effects.attempt.caseId).toBeNull();
    expect(decision.effects.escalation).toBeNull();
    expect(decision.effects.statusChanges).toEqual([]);
    expect(decision.effects.summary).toBe(
      "Recorded Step 2 CS attempt 1 on 1 May 2019: fail (history only: the exam was discontinued, so no retake case)",
    );
    expect(decision.next.openCases.map((c) => c.id)).toEqual(["ck-case"]);
  });

  it("escalates nothing on a second Step 2 CS failure either", () => {
    const first = { id: "a1", exam: "STEP2_CS" as const, takenOn: "2019-05-01", outcome: "FAIL" as const, score: null, caseId: null };
    const decision = decideAttempt(
      student({ attempts: [first] }),
      { exam: "STEP2_CS", takenOn: "2019-11-01", outcome: "FAIL" },
      { ...context, newId: ids() },
    );
    if (decision.kind !== "RECORD") throw new Error("expected a record");
    expect(decision.effects.openedCase).toBeNull();
    expect(decision.effects.escalation).toBeNull();
  });

  it("still opens a case for a Step 1 failure", () => {
    const decision = decideAttempt(student(), { exam: "STEP1", takenOn: "2026-10-01", outcome: "FAIL" }, { ...context, newId: ids() });
    if (decision.kind !== "RECORD") throw new Error("expected a record");
    expect(decision.effects.openedCase).toEqual({ id: "id-2", exam: "STEP1" });
  });

  it("counts toward the limit but never leaves attempts to use", () => {
    const summary = summarizeAttempts([{ exam: "STEP2_CS", takenOn: "2019-05-01", outcome: "FAIL" }], { schoolAttemptLimit: 3 });
    const cs = summary.byExam.STEP2_CS;
    expect(cs).toMatchObject({ attemptsUsed: 1, failures: 1, retakeable: false, usmleAttemptsLeft: 0, schoolAttemptsLeft: 0 });
    expect(cs.attemptsLeft).toBe(0);
    expect(cs.nextIsLastChance).toBe(false);
    expect(summary.byExam.STEP1).toMatchObject({ retakeable: true, attemptsLeft: 3 });

    // Four Step 2 CS failures end eligibility for every Step (docs/domain.md §3.1).
    const four = ["2018-01-10", "2018-06-10", "2019-01-10", "2019-08-10"].map((takenOn) => ({
      exam: "STEP2_CS" as const,
      takenOn,
      outcome: "FAIL" as const,
    }));
    const limited = summarizeAttempts(four);
    expect(limited.ineligibleForAllExams).toBe(true);
    expect(limited.ineligibleBecauseOf).toBe("STEP2_CS");
  });
});
