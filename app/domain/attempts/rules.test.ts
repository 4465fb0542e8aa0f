import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, type IsoDate } from "#app/domain/dates";
import { ATTEMPT_RULE_SETS, type AttemptRuleSet, type ExamId, passingStandardOn, RETAKE_EXAM_IDS } from "#app/domain/reference";
import type { AttemptOutcome } from "#app/domain/vocabulary";
import {
  type AttemptRecord,
  type AttemptViolationCode,
  checkProposedAttempt,
  failureDates,
  summarizeAttempts,
  validateAttemptInput,
} from "./rules";

function ruleSet(id: string): AttemptRuleSet {
  const found = ATTEMPT_RULE_SETS.find((r) => r.id === id);
  if (!found) throw new Error(`No rule set ${id}`);
  return found;
}
/** Pinned so that a future rule set does not silently change these scenarios. */
const RULES_2021 = ruleSet("usmle-2021");
const RULES_2012 = ruleSet("usmle-2012");

const attempt = (
  takenOn: IsoDate,
  outcome: AttemptOutcome = "FAIL",
  exam: ExamId = "STEP1",
  score: number | null = null,
): AttemptRecord => ({
  exam,
  takenOn,
  outcome,
  score,
});
const fails = (...dates: IsoDate[]) => dates.map((d) => attempt(d));
const codes = (result: { violations: { code: AttemptViolationCode }[] }) => result.violations.map((v) => v.code).sort();

describe("the pinned rule set is the one the scenarios assume", () => {
  it("allows 4 attempts, 3 in 12 months, a 4th 12 months after the 1st and 6 after the latest", () => {
    expect(RULES_2021).toMatchObject({
      maxAttemptsPerExam: 4,
      maxAttemptsInWindow: 3,
      windowMonths: 12,
      lateAttemptNumber: 4,
      lateAttemptMinMonthsAfterFirst: 12,
      lateAttemptMinMonthsAfterLatest: 6,
      limitEndsAllExams: true,
      passedExamRetakeAllowed: false,
    });
  });
});

describe("failureDates", () => {
  it("lists an exam's failures oldest first, leaving out passes and incomplete sittings", () => {
    const summary = summarizeAttempts([
      attempt("2025-09-10"),
      attempt("2025-01-10"),
      attempt("2025-05-10", "INCOMPLETE"),
      attempt("2025-03-01", "FAIL", "STEP2_CK"),
      attempt("2026-01-10", "PASS"),
    ]);
    expect(failureDates(summary.byExam.STEP1)).toEqual(["2025-01-10", "2025-09-10"]);
    expect(failureDates(summary.byExam.STEP3)).toEqual([]);
  });
});

describe("summarizeAttempts", () => {
  it("numbers each exam's attempts in date order, whatever the input order, counting incomplete ones", () => {
    const summary = summarizeAttempts(
      [
        attempt("2024-09-01", "FAIL"),
        attempt("2025-03-01", "FAIL", "STEP2_CK", 205),
        attempt("2024-01-15", "INCOMPLETE"),
        attempt("2024-05-20", "FAIL"),
      ],
      { rules: RULES_2021 },
    );
    const step1 = summary.byExam.STEP1;
    expect(step1.attempts.map((a) => [a.number, a.takenOn, a.outcome])).toEqual([
      [1, "2024-01-15", "INCOMPLETE"],
      [2, "2024-05-20", "FAIL"],
      [3, "2024-09-01", "FAIL"],
    ]);
    expect(step1).toMatchObject({
      attemptsUsed: 3,
      failures: 2,
      incompletes: 1,
      passed: false,
      firstAttemptOn: "2024-01-15",
      latestAttemptOn: "2024-09-01",
    });
    expect(summary.byExam.STEP2_CK.attempts).toEqual([
      {
        exam: "STEP2_CK",
        takenOn: "2025-03-01",
        outcome: "FAIL",
        score: 205,
        number: 1,
      },
    ]);
    expect(summary.attempted.map((s) => s.exam)).toEqual(["STEP1", "STEP2_CK"]);
    expect(summary.byExam.STEP3).toMatchObject({
      attemptsUsed: 0,
      attemptsLeft: 4,
      firstAttemptOn: null,
      latestAttemptOn: null,
    });
  });

  it("keeps extra fields (such as ids) on the numbered attempts", () => {
    const summary = summarizeAttempts([{ ...attempt("2024-01-01"), id: "a1" }], { rules: RULES_2021 });
    expect(summary.byExam.STEP1.attempts[0].id).toBe("a1");
  });

  it("shows one attempt left after a 3rd Step 1 failure, and that it is the last chance", () => {
    const summary = summarizeAttempts(fails("2024-01-10", "2024-04-10", "2024-08-10"), { rules: RULES_2021 });
    expect(summary.byExam.STEP1).toMatchObject({
      attemptsUsed: 3,
      failures: 3,
      usmleAttemptsLeft: 1,
      attemptsLeft: 1,
      limitReached: false,
      nextIsLastChance: true,
    });
    expect(summary.ineligibleForAllExams).toBe(false);
    expect(summary.ineligibleReason).toBeNull();
  });

  it("makes a 4th failure end eligibility for every Step", () => {
    const summary = summarizeAttempts(
      [...fails("2024-01-10", "2024-04-10", "2024-08-10", "2025-02-10"), attempt("2023-06-01", "PASS", "STEP2_CK", 230)],
      { rules: RULES_2021 },
    );
    expect(summary.byExam.STEP1).toMatchObject({
      limitReached: true,
      usmleAttemptsLeft: 0,
      attemptsLeft: 0,
      nextIsLastChance: false,
    });
    expect(summary.ineligibleForAllExams).toBe(true);
    expect(summary.ineligibleBecauseOf).toBe("STEP1");
    expect(summary.ineligibleSince).toBe("2025-02-10");
    expect(summary.ineligibleReason).toBe(
      "Step 1 has been attempted 4 times without a pass (the 4th attempt was on 10 Feb 2025). " +
        "Under the USMLE rules in force since 1 Jul 2021, that ends eligibility for every Step.",
    );
    // Other Steps, attempted or not, have nothing left either.
    expect(summary.byExam.STEP3).toMatchObject({
      usmleAttemptsLeft: 4,
      attemptsLeft: 0,
    });
  });

  it("counts incomplete attempts toward the limit", () => {
    const summary = summarizeAttempts([...fails("2024-01-10", "2024-04-10", "2024-08-10"), attempt("2025-02-10", "INCOMPLETE")], {
      rules: RULES_2021,
    });
    expect(summary.byExam.STEP1).toMatchObject({
      attemptsUsed: 4,
      failures: 3,
      incompletes: 1,
      limitReached: true,
    });
    expect(summary.ineligibleForAllExams).toBe(true);
  });

  it("does not end eligibility when the 4th attempt is a pass", () => {
    const summary = summarizeAttempts([...fails("2024-01-10", "2024-04-10", "2024-08-10"), attempt("2025-02-10", "PASS")], {
      rules: RULES_2021,
    });
    expect(summary.byExam.STEP1).toMatchObject({
      passed: true,
      passedOn: "2025-02-10",
      limitReached: false,
      attemptsLeft: 0,
    });
    expect(summary.ineligibleForAllExams).toBe(false);
    expect(summary.byExam.STEP2_CK.attemptsLeft).toBe(4);
  });

  it("names the exam that used up its attempts first when several did", () => {
    const summary = summarizeAttempts(
      [
        ...fails("2022-01-10", "2022-04-10", "2022-08-10", "2023-02-10"),
        ...["2021-09-01", "2021-12-01", "2022-03-01", "2022-10-01"].map((d) => attempt(d, "FAIL", "STEP2_CK", 200)),
      ],
      { rules: RULES_2021 },
    );
    expect(summary.ineligibleBecauseOf).toBe("STEP2_CK");
    expect(summary.ineligibleSince).toBe("2022-10-01");
  });

  it("applies a school's stricter limit of 3 as the effective one", () => {
    const twoFails = summarizeAttempts(fails("2024-01-10", "2024-04-10"), {
      rules: RULES_2021,
      schoolAttemptLimit: 3,
    });
    expect(twoFails.byExam.STEP1).toMatchObject({
      usmleAttemptsLeft: 2,
      schoolAttemptsLeft: 1,
      attemptsLeft: 1,
      schoolLimitReached: false,
    });

    const threeFails = summarizeAttempts(fails("2024-01-10", "2024-04-10", "2024-08-10"), {
      rules: RULES_2021,
      schoolAttemptLimit: 3,
    });
    expect(threeFails.byExam.STEP1).toMatchObject({
      usmleAttemptsLeft: 1,
      schoolAttemptsLeft: 0,
      attemptsLeft: 0,
      schoolLimitReached: true,
      limitReached: false,
    });
    // A school's limit is its own policy; it does not end USMLE eligibility.
    expect(threeFails.ineligibleForAllExams).toBe(false);
    expect(threeFails.byExam.STEP2_CK).toMatchObject({
      schoolAttemptsLeft: 3,
      attemptsLeft: 3,
    });
  });

  it("ignores a school limit looser than the USMLE's", () => {
    const summary = summarizeAttempts(fails("2024-01-10"), {
      rules: RULES_2021,
      schoolAttemptLimit: 6,
    });
    expect(summary.byExam.STEP1).toMatchObject({
      usmleAttemptsLeft: 3,
      schoolAttemptsLeft: 5,
      attemptsLeft: 3,
    });
  });

  it("refuses a school limit that is not a positive whole number", () => {
    expect(() => summarizeAttempts([], { schoolAttemptLimit: 0 })).toThrow(RangeError);
    expect(() => summarizeAttempts([], { schoolAttemptLimit: 2.5 })).toThrow(RangeError);
    expect(summarizeAttempts([], { schoolAttemptLimit: null }).schoolAttemptLimit).toBeNull();
  });

  it("under the 2012 rules, a 4th failure leaves 2 attempts and other Steps open", () => {
    const summary = summarizeAttempts(fails("2014-01-10", "2014-04-10", "2014-08-10", "2015-02-10"), { rules: RULES_2012 });
    expect(summary.byExam.STEP1).toMatchObject({
      attemptsLeft: 2,
      limitReached: false,
      nextIsLastChance: false,
    });
    expect(summary.ineligibleForAllExams).toBe(false);
  });

  it("under the 2012 rules, the 6th failure closes that Step only", () => {
    const summary = summarizeAttempts(fails("2012-01-10", "2012-04-10", "2012-08-10", "2013-02-10", "2013-09-10", "2014-03-10"), {
      rules: RULES_2012,
    });
    expect(summary.byExam.STEP1).toMatchObject({
      limitReached: true,
      attemptsLeft: 0,
    });
    expect(summary.ineligibleForAllExams).toBe(false);
    expect(summary.byExam.STEP2_CK.attemptsLeft).toBe(6);
  });

  it("uses the current rule set by default", () => {
    expect(summarizeAttempts([]).rules.id).toBe("usmle-2021");
  });
});

describe("checkProposedAttempt", () => {
  // Three Step 1 failures; the 1st on 10 Jan 2024 and the latest on 10 Aug 2024.
  const threeFailures = fails("2024-01-10", "2024-04-10", "2024-08-10");
  const opts = { rules: RULES_2021 };

  it("accepts a first attempt on any date, with no earliest date", () => {
    const result = checkProposedAttempt([], "STEP1", "2026-06-01", opts);
    expect(result).toMatchObject({
      ok: true,
      violations: [],
      blocked: false,
      earliestAllowedDate: null,
      attemptNumber: 1,
      isLastChance: false,
    });
  });

  it("flags a 4th attempt 5 months after the 3rd as breaking the 6-month spacing", () => {
    const result = checkProposedAttempt(threeFailures, "STEP1", "2025-01-10", opts);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(["LATE_AFTER_LATEST"]);
    expect(result.violations[0]).toEqual({
      code: "LATE_AFTER_LATEST",
      message: "A 4th attempt must be at least 6 months after the most recent attempt (10 Aug 2024), so not before 10 Feb 2025.",
      earliestAllowed: "2025-02-10",
    });
    expect(result).toMatchObject({
      attemptNumber: 4,
      blocked: false,
      earliestAllowedDate: "2025-02-10",
      isLastChance: true,
    });
  });

  it("accepts a 4th attempt exactly 6 months after the latest, and refuses one a day earlier", () => {
    expect(checkProposedAttempt(threeFailures, "STEP1", "2025-02-10", opts)).toMatchObject({
      ok: true,
      earliestAllowedDate: "2025-02-10",
    });
    expect(codes(checkProposedAttempt(threeFailures, "STEP1", "2025-02-09", opts))).toEqual(["LATE_AFTER_LATEST"]);
  });

  describe("12 months after the first attempt", () => {
    // Three failures inside 12 months; 6 months after the latest (30 Mar) is 30 Sep 2024, long past.
    const early = fails("2024-01-10", "2024-02-20", "2024-03-30");

    it("accepts a 4th attempt exactly 12 months after the first", () => {
      expect(checkProposedAttempt(early, "STEP1", "2025-01-10", opts)).toMatchObject({
        ok: true,
        earliestAllowedDate: "2025-01-10",
      });
    });

    it("refuses one a day under 12 months, which also puts 4 attempts in one 12-month window", () => {
      const result = checkProposedAttempt(early, "STEP1", "2025-01-09", opts);
      expect(codes(result)).toEqual(["LATE_AFTER_FIRST", "WINDOW_LIMIT"]);
      expect(result.violations.find((v) => v.code === "LATE_AFTER_FIRST")).toEqual({
        code: "LATE_AFTER_FIRST",
        message: "A 4th attempt must be at least 12 months after the first attempt (10 Jan 2024), so not before 10 Jan 2025.",
        earliestAllowed: "2025-01-10",
      });
      expect(result.violations.every((v) => v.earliestAllowed === "2025-01-10")).toBe(true);
      expect(result.earliestAllowedDate).toBe("2025-01-10");
    });

    it("clamps month arithmetic: 12 months after 29 Feb is 28 Feb", () => {
      const leap = fails("2024-02-29", "2024-03-15", "2024-04-01");
      expect(checkProposedAttempt(leap, "STEP1", "2025-02-28", opts).ok).toBe(true);
      expect(codes(checkProposedAttempt(leap, "STEP1", "2025-02-27", opts))).toEqual(["LATE_AFTER_FIRST", "WINDOW_LIMIT"]);
    });
  });

  it("flags a 4th attempt proposed inside the 12-month window of 3 earlier attempts", () => {
    const result = checkProposedAttempt(fails("2024-01-10", "2024-03-10", "2024-05-10"), "STEP1", "2024-10-01", opts);
    expect(codes(result)).toEqual(["LATE_AFTER_FIRST", "LATE_AFTER_LATEST", "WINDOW_LIMIT"]);
    const window = result.violations.find((v) => v.code === "WINDOW_LIMIT");
    expect(window?.message).toBe(
      "At most 3 attempts at the same Step are allowed in any 12-month period. " +
        "The student already has 3 Step 1 attempts in the 12 months before 1 Oct 2024 (10 Jan 2024, 10 Mar 2024, 10 May 2024). " +
        "The next one can be taken from 10 Jan 2025, 12 months after the attempt on 10 Jan 2024.",
    );
    expect(result.earliestAllowedDate).toBe("2025-01-10");
  });

  describe("the rolling window on its own (spacing rules for late attempts switched off)", () => {
    const windowOnly: AttemptRuleSet = {
      ...RULES_2021,
      maxAttemptsPerExam: 10,
      lateAttemptNumber: 99,
    };
    const three = fails("2024-01-10", "2024-03-10", "2024-05-10");

    it("counts an attempt exactly 12 months before the proposed date as outside the window", () => {
      expect(
        checkProposedAttempt(three, "STEP1", "2025-01-10", {
          rules: windowOnly,
        }),
      ).toMatchObject({ ok: true, earliestAllowedDate: "2025-01-10" });
    });

    it("counts one a day later as inside", () => {
      expect(
        codes(
          checkProposedAttempt(three, "STEP1", "2025-01-09", {
            rules: windowOnly,
          }),
        ),
      ).toEqual(["WINDOW_LIMIT"]);
    });

    it("allows a 3rd attempt inside the window (only a 4th is one too many)", () => {
      expect(checkProposedAttempt(fails("2024-01-10", "2024-03-10"), "STEP1", "2024-05-10", { rules: windowOnly }).ok).toBe(true);
    });

    it("slides: after 5 attempts, the window is measured from the 3rd most recent", () => {
      const five = fails("2024-01-10", "2024-03-10", "2025-01-20", "2025-03-01", "2025-06-01");
      const result = checkProposedAttempt(five, "STEP1", "2025-12-01", {
        rules: windowOnly,
      });
      expect(codes(result)).toEqual(["WINDOW_LIMIT"]);
      expect(result.earliestAllowedDate).toBe("2026-01-20");
      expect(checkProposedAttempt(five, "STEP1", "2026-01-20", { rules: windowOnly }).ok).toBe(true);
    });
  });

  it("refuses a date on or before the latest attempt", () => {
    const onLatest = checkProposedAttempt(fails("2024-01-10"), "STEP1", "2024-01-10", opts);
    expect(codes(onLatest)).toEqual(["NOT_AFTER_LATEST"]);
    expect(onLatest.violations[0].message).toBe(
      "The proposed date, 10 Jan 2024, is not after the latest Step 1 attempt on 10 Jan 2024. A new attempt has to come after it.",
    );
    expect(onLatest.earliestAllowedDate).toBe("2024-01-11");
    expect(codes(checkProposedAttempt(fails("2024-01-10"), "STEP1", "2023-12-01", opts))).toEqual(["NOT_AFTER_LATEST"]);
    expect(checkProposedAttempt(fails("2024-01-10"), "STEP1", "2024-01-11", opts).ok).toBe(true);
  });

  it("counts incomplete attempts: two failures and an incomplete make the next one a 4th", () => {
    const history = [attempt("2024-01-10"), attempt("2024-04-10", "INCOMPLETE"), attempt("2024-08-10")];
    const result = checkProposedAttempt(history, "STEP1", "2025-01-10", opts);
    expect(result.attemptNumber).toBe(4);
    expect(codes(result)).toEqual(["LATE_AFTER_LATEST"]);
  });

  it("refuses a passed Step, with no date to offer", () => {
    const result = checkProposedAttempt([attempt("2024-01-10"), attempt("2024-06-10", "PASS")], "STEP1", "2025-06-01", opts);
    expect(codes(result)).toEqual(["ALREADY_PASSED"]);
    expect(result.violations[0].message).toBe("Step 1 was passed on 10 Jun 2024. A passed Step cannot be taken again.");
    expect(result).toMatchObject({ blocked: true, earliestAllowedDate: null });
  });

  it("refuses a 5th attempt after 4 failures: the limit is reached and the student is ineligible", () => {
    const result = checkProposedAttempt(fails("2024-01-10", "2024-04-10", "2024-08-10", "2025-02-10"), "STEP1", "2026-01-10", opts);
    expect(codes(result)).toEqual(["INELIGIBLE", "LIMIT_REACHED"]);
    expect(result.violations.find((v) => v.code === "LIMIT_REACHED")?.message).toBe(
      "Step 1 has already been attempted 4 times. The USMLE allows 4 attempts per Step, incomplete attempts included.",
    );
    expect(result).toMatchObject({
      blocked: true,
      earliestAllowedDate: null,
      attemptNumber: 5,
    });
  });

  it("refuses every other Step once the student is ineligible", () => {
    const result = checkProposedAttempt(fails("2024-01-10", "2024-04-10", "2024-08-10", "2025-02-10"), "STEP2_CK", "2026-01-10", opts);
    expect(codes(result)).toEqual(["INELIGIBLE"]);
    expect(result.violations[0].message).toMatch(
      /^The student can no longer sit any Step\. Step 1 has been attempted 4 times without a pass/,
    );
    expect(result.blocked).toBe(true);
  });

  it("refuses a 4th attempt under a school limit of 3 even when the USMLE would allow it", () => {
    const result = checkProposedAttempt(threeFailures, "STEP1", "2025-06-01", {
      ...opts,
      schoolAttemptLimit: 3,
    });
    expect(codes(result)).toEqual(["SCHOOL_LIMIT_REACHED"]);
    expect(result.violations[0].message).toBe("The school allows 3 attempts at Step 1, and the student has used 3.");
    expect(result).toMatchObject({
      blocked: true,
      earliestAllowedDate: null,
      isLastChance: false,
    });
    expect(checkProposedAttempt(threeFailures, "STEP1", "2025-06-01", opts).ok).toBe(true);
  });

  it("refuses a discontinued exam", () => {
    const result = checkProposedAttempt([], "STEP2_CS", "2026-01-10", opts);
    expect(codes(result)).toEqual(["EXAM_DISCONTINUED"]);
    expect(result.violations[0].message).toBe("Step 2 CS was discontinued; it was last given on 16 Mar 2020.");
  });

  it("defaults to the rules in force on the proposed date", () => {
    const fourFailures = fails("2014-01-10", "2014-04-10", "2014-08-10", "2015-02-10");
    const in2016 = checkProposedAttempt(fourFailures, "STEP1", "2016-01-10");
    expect(in2016.rules.id).toBe("usmle-2012");
    expect(in2016.ok).toBe(true);
    expect(in2016.attemptNumber).toBe(5);
    expect(checkProposedAttempt(fourFailures, "STEP1", "2022-01-10").rules.id).toBe("usmle-2021");
    expect(codes(checkProposedAttempt(fourFailures, "STEP1", "2022-01-10"))).toEqual(["INELIGIBLE", "LIMIT_REACHED"]);
  });

  it("looks only at the proposed exam's attempts for spacing", () => {
    const otherExam = ["2024-01-10", "2024-03-10", "2024-05-10"].map((d) => attempt(d, "FAIL", "STEP2_CK", 200));
    expect(checkProposedAttempt(otherExam, "STEP1", "2024-06-01", opts)).toMatchObject({ ok: true, attemptNumber: 1 });
  });

  it("refuses a malformed date", () => {
    expect(() => checkProposedAttempt([], "STEP1", "2025-02-30", opts)).toThrow(RangeError);
  });
});

describe("validateAttemptInput", () => {
  const today = "2026-03-14";
  const ctx = { today, previousAttempts: [] as AttemptRecord[] };
  const ck2025 = passingStandardOn("STEP2_CK", "2025-07-01")?.minScore ?? Number.NaN;
  const ckBefore = passingStandardOn("STEP2_CK", "2025-06-30")?.minScore ?? Number.NaN;

  it("accepts a well-formed attempt and returns it typed", () => {
    const result = validateAttemptInput(
      {
        exam: "STEP2_CK",
        takenOn: "2025-08-01",
        outcome: "FAIL",
        score: ck2025 - 5,
      },
      ctx,
    );
    expect(result).toEqual({
      ok: true,
      attempt: {
        exam: "STEP2_CK",
        takenOn: "2025-08-01",
        outcome: "FAIL",
        score: ck2025 - 5,
      },
      errors: {},
    });
  });

  it("accepts a missing score as null", () => {
    const result = validateAttemptInput({ exam: "STEP1", takenOn: "2025-08-01", outcome: "FAIL" }, ctx);
    expect(result.ok && result.attempt.score).toBeNull();
  });

  it("refuses unknown exams and outcomes and malformed dates", () => {
    const result = validateAttemptInput({ exam: "STEP4", takenOn: "2025-13-01", outcome: "MAYBE", score: null }, ctx);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual({
      exam: "Choose the exam that was taken.",
      outcome: "Choose the result: Pass, Fail, Incomplete (no result).",
      takenOn: "Enter the date the exam was taken.",
    });
  });

  it("refuses a date in the future but accepts today", () => {
    expect(validateAttemptInput({ exam: "STEP1", takenOn: "2026-03-15", outcome: "FAIL" }, ctx).errors).toEqual({
      takenOn: "15 Mar 2026 is in the future. Record an attempt once it has been taken.",
    });
    expect(validateAttemptInput({ exam: "STEP1", takenOn: today, outcome: "FAIL" }, ctx).ok).toBe(true);
  });

  it("refuses a score outside the exam's scale or not a whole number", () => {
    for (const score of [0, 301]) {
      expect(validateAttemptInput({ exam: "STEP3", takenOn: "2025-08-01", outcome: "FAIL", score }, ctx).errors).toEqual({
        score: "Step 3 scores run from 1 to 300.",
      });
    }
    expect(validateAttemptInput({ exam: "STEP3", takenOn: "2025-08-01", outcome: "FAIL", score: 190.5 }, ctx).errors.score).toBe(
      "Enter the score as a whole number, or leave it empty.",
    );
    expect(
      validateAttemptInput(
        {
          exam: "STEP3",
          takenOn: "2025-08-01",
          outcome: "FAIL",
          score: Number.NaN,
        },
        ctx,
      ).ok,
    ).toBe(false);
  });

  it("refuses a score on a Step 1 taken on or after the pass/fail date and explains what to record instead", () => {
    const result = validateAttemptInput({ exam: "STEP1", takenOn: "2022-01-26", outcome: "FAIL", score: 185 }, ctx);
    expect(result.errors).toEqual({
      score:
        "Step 1 exams taken on or after 26 Jan 2022 are reported as pass or fail only, so there is no score to record. " +
        "Leave the score empty and note how far from passing the score report puts the student instead.",
    });
    expect(validateAttemptInput({ exam: "STEP1", takenOn: "2023-05-02", outcome: "PASS", score: 230 }, ctx).errors.score).toBe(
      "Step 1 exams taken on or after 26 Jan 2022 are reported as pass or fail only, so there is no score to record. Leave the score empty.",
    );
  });

  it("accepts a score on a Step 1 taken the day before the pass/fail date, checked against that day's standard", () => {
    const standard = passingStandardOn("STEP1", "2022-01-25")?.minScore ?? Number.NaN;
    expect(
      validateAttemptInput(
        {
          exam: "STEP1",
          takenOn: "2022-01-25",
          outcome: "FAIL",
          score: standard - 1,
        },
        ctx,
      ).ok,
    ).toBe(true);
    expect(
      validateAttemptInput(
        {
          exam: "STEP1",
          takenOn: "2022-01-25",
          outcome: "PASS",
          score: standard - 1,
        },
        ctx,
      ).errors.score,
    ).toBe(`On 25 Jan 2022 the Step 1 passing score was ${standard}, so ${standard - 1} is a fail. Check the score or the result.`);
  });

  it("says an exam that never had scores is pass/fail only, without a cut-over date", () => {
    expect(
      validateAttemptInput(
        {
          exam: "STEP2_CS",
          takenOn: "2019-05-01",
          outcome: "FAIL",
          score: 150,
        },
        ctx,
      ).errors.score,
    ).toBe(
      "Step 2 CS is reported as pass or fail only, so there is no score to record. " +
        "Leave the score empty and note how far from passing the score report puts the student instead.",
    );
  });

  it("checks a score against the passing standard in force on the test date", () => {
    const check = (takenOn: IsoDate, outcome: AttemptOutcome, score: number) =>
      validateAttemptInput({ exam: "STEP2_CK", takenOn, outcome, score }, ctx);
    // The day the standard changed.
    expect(check("2025-07-01", "PASS", ck2025).ok).toBe(true);
    expect(check("2025-07-01", "PASS", ck2025 - 1).errors.score).toBe(
      `On 1 Jul 2025 the Step 2 CK passing score was ${ck2025}, so ${ck2025 - 1} is a fail. Check the score or the result.`,
    );
    expect(check("2025-07-01", "FAIL", ck2025).errors.score).toBe(
      `On 1 Jul 2025 the Step 2 CK passing score was ${ck2025}, so ${ck2025} is a pass. Check the score or the result.`,
    );
    expect(check("2025-07-01", "FAIL", ck2025 - 1).ok).toBe(true);
    // The day before, the older standard applied.
    expect(ckBefore).toBeLessThan(ck2025);
    expect(check("2025-06-30", "PASS", ckBefore).ok).toBe(true);
    expect(check("2025-06-30", "FAIL", ckBefore).ok).toBe(false);
  });

  it("refuses a score on an incomplete attempt", () => {
    expect(
      validateAttemptInput(
        {
          exam: "STEP3",
          takenOn: "2025-08-01",
          outcome: "INCOMPLETE",
          score: 150,
        },
        ctx,
      ).errors,
    ).toEqual({
      score: "An incomplete attempt has no score. Leave the score empty.",
    });
    expect(
      validateAttemptInput(
        {
          exam: "STEP3",
          takenOn: "2025-08-01",
          outcome: "INCOMPLETE",
          score: null,
        },
        ctx,
      ).ok,
    ).toBe(true);
  });

  it("refuses an attempt after a pass on the same exam, but not on another exam", () => {
    const previousAttempts = [attempt("2024-01-10"), attempt("2024-06-10", "PASS")];
    expect(validateAttemptInput({ exam: "STEP1", takenOn: "2025-01-10", outcome: "FAIL" }, { today, previousAttempts }).errors).toEqual({
      exam: "Step 1 was passed on 10 Jun 2024, and a passed Step cannot be taken again.",
    });
    expect(
      validateAttemptInput(
        {
          exam: "STEP2_CK",
          takenOn: "2025-01-10",
          outcome: "FAIL",
          score: 200,
        },
        { today, previousAttempts },
      ).ok,
    ).toBe(true);
    // Filling in history before the pass is fine.
    expect(validateAttemptInput({ exam: "STEP1", takenOn: "2023-09-01", outcome: "FAIL" }, { today, previousAttempts }).ok).toBe(true);
  });

  it("refuses a pass dated before a later attempt on the same exam", () => {
    const previousAttempts = [attempt("2024-01-10"), attempt("2024-06-10")];
    expect(validateAttemptInput({ exam: "STEP1", takenOn: "2024-03-01", outcome: "PASS" }, { today, previousAttempts }).errors).toEqual({
      outcome:
        "There is a later Step 1 attempt on 10 Jun 2024. A passed Step cannot be taken again, so a pass has to be the last attempt. Check the dates.",
    });
  });

  it("refuses a duplicate: the same exam on the same date", () => {
    const previousAttempts = [attempt("2024-01-10")];
    expect(validateAttemptInput({ exam: "STEP1", takenOn: "2024-01-10", outcome: "FAIL" }, { today, previousAttempts }).errors).toEqual({
      takenOn: "A Step 1 attempt on 10 Jan 2024 is already recorded.",
    });
    expect(validateAttemptInput({ exam: "STEP2_CK", takenOn: "2024-01-10", outcome: "FAIL" }, { today, previousAttempts }).ok).toBe(true);
  });

  it("refuses an exam after it was discontinued", () => {
    expect(validateAttemptInput({ exam: "STEP2_CS", takenOn: "2021-01-10", outcome: "FAIL" }, ctx).errors).toEqual({
      exam: "Step 2 CS was discontinued; it was last given on 16 Mar 2020.",
    });
    expect(validateAttemptInput({ exam: "STEP2_CS", takenOn: "2020-03-16", outcome: "FAIL" }, ctx).ok).toBe(true);
  });

  it("reports several fields at once, the first problem per field", () => {
    const previousAttempts = [attempt("2024-06-10", "PASS")];
    const result = validateAttemptInput(
      {
        exam: "STEP1",
        takenOn: "2027-01-01",
        outcome: "INCOMPLETE",
        score: 100,
      },
      { today, previousAttempts },
    );
    expect(Object.keys(result.errors).sort()).toEqual(["exam", "score", "takenOn"]);
    expect(result.errors.takenOn).toMatch(/in the future/);
  });
});

describe("properties", () => {
  const BASE: IsoDate = "2018-01-01";
  const dateArb = fc.integer({ min: 0, max: 365 * 8 }).map((days) => addDays(BASE, days));
  const attemptArb = fc.record({
    exam: fc.constantFrom<ExamId>("STEP1", "STEP2_CK", "STEP3", "STEP2_CS"),
    takenOn: dateArb,
    outcome: fc.constantFrom<AttemptOutcome>("PASS", "FAIL", "INCOMPLETE"),
  });
  const rulesArb = fc.constantFrom(...ATTEMPT_RULE_SETS);
  const schoolLimitArb = fc.option(fc.integer({ min: 1, max: 6 }), {
    nil: null,
  });

  it("numbers every exam's attempts 1..n in date order and never leaves a negative or inconsistent count", () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 14 }), rulesArb, schoolLimitArb, (attempts, rules, schoolAttemptLimit) => {
        const summary = summarizeAttempts(attempts, {
          rules,
          schoolAttemptLimit,
        });
        let total = 0;
        for (const s of Object.values(summary.byExam)) {
          total += s.attemptsUsed;
          expect(s.attempts.map((a) => a.number)).toEqual(s.attempts.map((_, i) => i + 1));
          for (let i = 1; i < s.attempts.length; i++) expect(s.attempts[i - 1].takenOn <= s.attempts[i].takenOn).toBe(true);
          expect(s.attemptsUsed).toBe(attempts.filter((a) => a.exam === s.exam).length);
          expect(s.attemptsLeft).toBeGreaterThanOrEqual(0);
          expect(s.attemptsLeft).toBeLessThanOrEqual(s.usmleAttemptsLeft);
          if (s.schoolAttemptsLeft !== null) expect(s.attemptsLeft).toBeLessThanOrEqual(s.schoolAttemptsLeft);
          expect(s.usmleAttemptsLeft).toBeLessThanOrEqual(rules.maxAttemptsPerExam);
          if (summary.ineligibleForAllExams) expect(s.attemptsLeft).toBe(0);
        }
        expect(total).toBe(attempts.length);
        expect(summary.ineligibleForAllExams).toBe(summary.ineligibleReason !== null);
      }),
    );
  });

  it("accepts a proposed date exactly when it is on or after the earliest allowed date (unblocked histories)", () => {
    const historyArb = rulesArb.chain((rules) =>
      fc.record({
        rules: fc.constant(rules),
        exam: fc.constantFrom(...RETAKE_EXAM_IDS),
        dates: fc.array(dateArb, { maxLength: rules.maxAttemptsPerExam - 1 }),
        outcomes: fc.array(fc.constantFrom<AttemptOutcome>("FAIL", "INCOMPLETE"), { minLength: 6, maxLength: 6 }),
        proposed: fc.integer({ min: 0, max: 365 * 11 }).map((days) => addDays(BASE, days)),
      }),
    );
    fc.assert(
      fc.property(historyArb, ({ rules, exam, dates, outcomes, proposed }) => {
        const attempts = dates.map((takenOn, i) => ({
          exam,
          takenOn,
          outcome: outcomes[i],
        }));
        const result = checkProposedAttempt(attempts, exam, proposed, {
          rules,
        });
        expect(result.blocked).toBe(false);
        expect(result.attemptNumber).toBe(dates.length + 1);
        if (result.earliestAllowedDate === null) {
          expect(dates).toHaveLength(0);
          expect(result.ok).toBe(true);
        } else {
          expect(result.ok).toBe(proposed >= result.earliestAllowedDate);
          for (const v of result.violations) expect(v.earliestAllowed !== undefined && v.earliestAllowed > proposed).toBe(true);
        }
      }),
    );
  });

  it("never lets an accepted proposal put more attempts in any window containing it than the rules allow", () => {
    fc.assert(
      fc.property(fc.array(dateArb, { maxLength: 5 }), dateArb, rulesArb, (dates, proposed, rules) => {
        const result = checkProposedAttempt(fails(...dates), "STEP1", proposed, { rules });
        if (!result.ok) return;
        const all = [...dates, proposed];
        // Every window that holds the proposal starts on one of the attempts on or before it.
        for (const start of all.filter((d) => d <= proposed && proposed < addMonths(d, rules.windowMonths))) {
          const inWindow = all.filter((d) => d >= start && d < addMonths(start, rules.windowMonths));
          expect(inWindow.length).toBeLessThanOrEqual(rules.maxAttemptsInWindow);
        }
      }),
    );
  });
});
