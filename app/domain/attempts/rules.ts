/**
 * USMLE attempt rules (docs/domain.md §3): attempt numbers, attempts used and left per
 * Step, eligibility, whether a proposed next date respects the spacing rules, and
 * validation of a recorded attempt against the reference data (§1.2, §2).
 *
 * Pure: every threshold comes from an `AttemptRuleSet`, `EXAMS` or
 * `PASSING_STANDARDS`; a school's stricter limit is a parameter.
 *
 * Date boundaries (all calendar days, month arithmetic via `addMonths`, which
 * clamps the 31st to the month's end):
 * - "N months after D" is satisfied on `addMonths(D, N)` itself: exactly 12 months
 *   after the first attempt, or exactly 6 months after the latest, is allowed.
 * - The rolling window that starts with an attempt on D covers D up to the day
 *   before `addMonths(D, windowMonths)`. An attempt exactly 12 months before the
 *   proposed date is therefore outside the window; one a day later is inside.
 */
import { addDays, addMonths, formatDate, type IsoDate, isIsoDate, maxDate } from "#app/domain/dates";
import {
  type AttemptRuleSet,
  attemptRulesOn,
  currentAttemptRules,
  EXAM_IDS,
  type ExamId,
  examInfo,
  isPassFailOnly,
  isRetakeExam,
  PASSING_STANDARDS,
  passingStandardOn,
} from "#app/domain/reference";
import { ordinal, plural } from "#app/domain/text";
import { ATTEMPT_OUTCOME_LABELS, ATTEMPT_OUTCOMES, type AttemptOutcome } from "#app/domain/vocabulary";

/** One sitting of an exam, as recorded (incomplete sittings included). */
export interface AttemptRecord {
  exam: ExamId;
  takenOn: IsoDate;
  outcome: AttemptOutcome;
  score?: number | null;
}

/** A recorded attempt with its 1-based number among the same exam's attempts. */
export type NumberedAttempt<T extends AttemptRecord = AttemptRecord> = T & {
  number: number;
};

interface AttemptRuleOptions {
  /** Defaults to the current USMLE rule set (summaries) or the one in force on the proposed date (checks). */
  rules?: AttemptRuleSet;
  /** A school's own, stricter cap on attempts per exam (e.g. 3); null or absent for none. */
  schoolAttemptLimit?: number | null;
}

export interface ExamAttemptSummary<T extends AttemptRecord = AttemptRecord> {
  exam: ExamId;
  label: string;
  /** Chronological (ties keep input order), numbered from 1. */
  attempts: NumberedAttempt<T>[];
  /** Every sitting counts, incomplete ones included. */
  attemptsUsed: number;
  failures: number;
  incompletes: number;
  passed: boolean;
  passedOn: IsoDate | null;
  firstAttemptOn: IsoDate | null;
  latestAttemptOn: IsoDate | null;
  /**
   * Whether the exam can be sat again at all: false for a discontinued exam
   * (Step 2 CS), whose attempts stay history and count toward the limit, but
   * leave nothing to use (docs/domain.md §3.1).
   */
  retakeable: boolean;
  /** The USMLE limit of attempts was reached without a pass. */
  limitReached: boolean;
  /** The school's limit was reached without a pass (false when the school sets none). */
  schoolLimitReached: boolean;
  /** Under the USMLE rules alone; 0 once passed (a passed Step cannot be retaken). */
  usmleAttemptsLeft: number;
  /** Under the school's limit alone; null when the school sets none. */
  schoolAttemptsLeft: number | null;
  /** What the student can actually still use: the smaller of the two, 0 when ineligible for every exam. */
  attemptsLeft: number;
  /** The next attempt would be the last one the USMLE allows, and failing it ends eligibility for every Step. */
  nextIsLastChance: boolean;
}

export interface AttemptsSummary<T extends AttemptRecord = AttemptRecord> {
  rules: AttemptRuleSet;
  schoolAttemptLimit: number | null;
  /** Every exam, attempted or not, for direct lookup. */
  byExam: Record<ExamId, ExamAttemptSummary<T>>;
  /** Only the exams with at least one attempt, in reference order. */
  attempted: ExamAttemptSummary<T>[];
  /** Some exam reached the USMLE limit without a pass and the rules make that end eligibility for all. */
  ineligibleForAllExams: boolean;
  /** Plain-words explanation, or null when eligible. */
  ineligibleReason: string | null;
  /** The exam whose attempts ended eligibility (the earliest to do so). */
  ineligibleBecauseOf: ExamId | null;
  /** Date of the attempt that used up the limit. */
  ineligibleSince: IsoDate | null;
}

/** Oldest first; equal dates keep their input order so numbering is stable. */
function chronological<T extends AttemptRecord>(attempts: readonly T[]): T[] {
  return attempts
    .map((attempt, index) => ({ attempt, index }))
    .sort((a, b) => (a.attempt.takenOn < b.attempt.takenOn ? -1 : a.attempt.takenOn > b.attempt.takenOn ? 1 : a.index - b.index))
    .map(({ attempt }) => attempt);
}

function checkSchoolLimit(limit: number | null | undefined): number | null {
  if (limit === null || limit === undefined) return null;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`A school attempt limit must be a positive whole number, not ${limit}`);
  return limit;
}

/** Attempt numbers, use and what is left per exam, and whether the student may sit any Step at all. */
export function summarizeAttempts<T extends AttemptRecord>(attempts: readonly T[], options: AttemptRuleOptions = {}): AttemptsSummary<T> {
  const rules = options.rules ?? currentAttemptRules();
  const schoolAttemptLimit = checkSchoolLimit(options.schoolAttemptLimit);
  const sorted = chronological(attempts);

  const perExam = EXAM_IDS.map((exam) => {
    const numbered: NumberedAttempt<T>[] = sorted.filter((a) => a.exam === exam).map((a, i) => ({ ...a, number: i + 1 }));
    const attemptsUsed = numbered.length;
    const firstPass = numbered.find((a) => a.outcome === "PASS") ?? null;
    const passed = firstPass !== null;
    const retakeable = isRetakeExam(exam);
    // A discontinued exam leaves nothing to use, like a passed one.
    const closed = (passed && !rules.passedExamRetakeAllowed) || !retakeable;
    const limitReached = !passed && attemptsUsed >= rules.maxAttemptsPerExam;
    const schoolLimitReached = !passed && schoolAttemptLimit !== null && attemptsUsed >= schoolAttemptLimit;
    const usmleAttemptsLeft = closed ? 0 : Math.max(0, rules.maxAttemptsPerExam - attemptsUsed);
    const schoolAttemptsLeft = schoolAttemptLimit === null ? null : closed ? 0 : Math.max(0, schoolAttemptLimit - attemptsUsed);
    return {
      exam,
      label: examInfo(exam).label,
      attempts: numbered,
      attemptsUsed,
      failures: numbered.filter((a) => a.outcome === "FAIL").length,
      incompletes: numbered.filter((a) => a.outcome === "INCOMPLETE").length,
      passed,
      passedOn: firstPass?.takenOn ?? null,
      firstAttemptOn: numbered[0]?.takenOn ?? null,
      latestAttemptOn: numbered[attemptsUsed - 1]?.takenOn ?? null,
      retakeable,
      limitReached,
      schoolLimitReached,
      usmleAttemptsLeft,
      schoolAttemptsLeft,
      attemptsLeft: Math.min(usmleAttemptsLeft, schoolAttemptsLeft ?? Number.POSITIVE_INFINITY),
      nextIsLastChance: !passed && retakeable && rules.limitEndsAllExams && usmleAttemptsLeft === 1,
    } satisfies ExamAttemptSummary<T>;
  });

  // Eligibility for every Step ends with the earliest exam to use up its attempts without a pass.
  let cause: { exam: ExamAttemptSummary<T>; since: IsoDate } | null = null;
  if (rules.limitEndsAllExams) {
    for (const summary of perExam) {
      if (!summary.limitReached) continue;
      const since = summary.attempts[rules.maxAttemptsPerExam - 1].takenOn;
      if (cause === null || since < cause.since) cause = { exam: summary, since };
    }
  }
  const ineligibleForAllExams = cause !== null;
  if (ineligibleForAllExams) for (const summary of perExam) summary.attemptsLeft = 0;

  const byExam = Object.fromEntries(perExam.map((s) => [s.exam, s])) as Record<ExamId, ExamAttemptSummary<T>>;
  return {
    rules,
    schoolAttemptLimit,
    byExam,
    attempted: perExam.filter((s) => s.attemptsUsed > 0),
    ineligibleForAllExams,
    ineligibleReason: cause
      ? `${cause.exam.label} has been attempted ${plural(rules.maxAttemptsPerExam, "time")} without a pass ` +
        `(the ${ordinal(rules.maxAttemptsPerExam)} attempt was on ${formatDate(cause.since)}). ` +
        `Under the USMLE rules in force since ${formatDate(rules.effectiveFrom)}, that ends eligibility for every Step.`
      : null,
    ineligibleBecauseOf: cause?.exam.exam ?? null,
    ineligibleSince: cause?.since ?? null,
  };
}

/** The dates an exam was failed, in the summary's order (oldest first). */
export function failureDates(summary: { attempts: readonly AttemptRecord[] }): IsoDate[] {
  return summary.attempts.filter((a) => a.outcome === "FAIL").map((a) => a.takenOn);
}

export const ATTEMPT_VIOLATION_CODES = [
  "ALREADY_PASSED",
  "LIMIT_REACHED",
  "SCHOOL_LIMIT_REACHED",
  "INELIGIBLE",
  "EXAM_DISCONTINUED",
  "WINDOW_LIMIT",
  "LATE_AFTER_FIRST",
  "LATE_AFTER_LATEST",
  "NOT_AFTER_LATEST",
] as const;
export type AttemptViolationCode = (typeof ATTEMPT_VIOLATION_CODES)[number];

/** Codes no later date can cure: the exam cannot be sat again at all. */
const BLOCKING_VIOLATION_CODES = [
  "ALREADY_PASSED",
  "LIMIT_REACHED",
  "SCHOOL_LIMIT_REACHED",
  "INELIGIBLE",
  "EXAM_DISCONTINUED",
] as const satisfies readonly AttemptViolationCode[];

interface AttemptViolation {
  code: AttemptViolationCode;
  message: string;
  /** For spacing rules: the first date this rule would accept. */
  earliestAllowed?: IsoDate;
}

interface ProposedAttemptCheck {
  ok: boolean;
  violations: AttemptViolation[];
  /** No date would do: the exam is passed, its attempts are used up, or the student is ineligible. */
  blocked: boolean;
  /**
   * The first date every spacing rule accepts (whether or not the proposed date
   * is before it); null when blocked, or when nothing constrains the date (no
   * earlier attempt at this exam).
   */
  earliestAllowedDate: IsoDate | null;
  /** The number the proposed attempt would carry. */
  attemptNumber: number;
  /** Failing this attempt would end eligibility for every Step. */
  isLastChance: boolean;
  rules: AttemptRuleSet;
}

/**
 * Whether the student may sit `exam` on `proposedDate`, given the attempts so far
 * (all exams, any order). Spacing rules treat the proposal as the next attempt
 * at that exam; a date on or before the latest attempt is flagged NOT_AFTER_LATEST.
 */
export function checkProposedAttempt(
  attempts: readonly AttemptRecord[],
  exam: ExamId,
  proposedDate: IsoDate,
  options: AttemptRuleOptions = {},
): ProposedAttemptCheck {
  if (!isIsoDate(proposedDate)) throw new RangeError(`Not an ISO date: ${proposedDate}`);
  const rules = options.rules ?? attemptRulesOn(proposedDate);
  const summary = summarizeAttempts(attempts, {
    rules,
    schoolAttemptLimit: options.schoolAttemptLimit,
  });
  const current = summary.byExam[exam];
  const info = examInfo(exam);
  const label = current.label;
  const dates = current.attempts.map((a) => a.takenOn);
  const attemptNumber = current.attemptsUsed + 1;
  const violations: AttemptViolation[] = [];

  if (current.passed && !rules.passedExamRetakeAllowed && current.passedOn !== null) {
    violations.push({
      code: "ALREADY_PASSED",
      message: `${label} was passed on ${formatDate(current.passedOn)}. A passed Step cannot be taken again.`,
    });
  }
  if (current.limitReached) {
    violations.push({
      code: "LIMIT_REACHED",
      message:
        `${label} has already been attempted ${plural(current.attemptsUsed, "time")}. ` +
        `The USMLE allows ${rules.maxAttemptsPerExam} attempts per Step, incomplete attempts included.`,
    });
  }
  if (current.schoolLimitReached && summary.schoolAttemptLimit !== null) {
    violations.push({
      code: "SCHOOL_LIMIT_REACHED",
      message:
        `The school allows ${plural(summary.schoolAttemptLimit, "attempt")} at ${label}, ` +
        `and the student has used ${current.attemptsUsed}.`,
    });
  }
  if (summary.ineligibleForAllExams && summary.ineligibleReason !== null) {
    violations.push({
      code: "INELIGIBLE",
      message: `The student can no longer sit any Step. ${summary.ineligibleReason}`,
    });
  }
  if (info.discontinuedAfter !== null && proposedDate > info.discontinuedAfter) {
    violations.push({
      code: "EXAM_DISCONTINUED",
      message: `${label} was discontinued; it was last given on ${formatDate(info.discontinuedAfter)}.`,
    });
  }

  // Spacing rules: each one gives the first date it accepts; the proposal must be on or after all of them.
  const earliest: IsoDate[] = [];
  const first = dates[0];
  const latest = dates[dates.length - 1];

  if (latest !== undefined) {
    const from = addDays(latest, 1);
    earliest.push(from);
    if (proposedDate < from) {
      violations.push({
        code: "NOT_AFTER_LATEST",
        message:
          `The proposed date, ${formatDate(proposedDate)}, is not after the latest ${label} attempt on ${formatDate(latest)}. ` +
          `A new attempt has to come after it.`,
        earliestAllowed: from,
      });
    }
  }

  if (dates.length >= rules.maxAttemptsInWindow) {
    // The window must have room for the proposal: the attempt that would make it one too many has to have left it.
    const oldestThatMustLeave = dates[dates.length - rules.maxAttemptsInWindow];
    const from = addMonths(oldestThatMustLeave, rules.windowMonths);
    earliest.push(from);
    const inWindow = dates.filter((d) => d <= proposedDate && proposedDate < addMonths(d, rules.windowMonths));
    if (inWindow.length >= rules.maxAttemptsInWindow) {
      violations.push({
        code: "WINDOW_LIMIT",
        message:
          `At most ${rules.maxAttemptsInWindow} attempts at the same Step are allowed in any ${rules.windowMonths}-month period. ` +
          `The student already has ${inWindow.length} ${label} attempts in the ${rules.windowMonths} months before ${formatDate(proposedDate)} ` +
          `(${inWindow.map((d) => formatDate(d)).join(", ")}). The next one can be taken from ${formatDate(from)}, ` +
          `${rules.windowMonths} months after the attempt on ${formatDate(oldestThatMustLeave)}.`,
        earliestAllowed: from,
      });
    }
  }

  if (first !== undefined && latest !== undefined && attemptNumber >= rules.lateAttemptNumber) {
    const afterFirst = addMonths(first, rules.lateAttemptMinMonthsAfterFirst);
    earliest.push(afterFirst);
    if (proposedDate < afterFirst) {
      violations.push({
        code: "LATE_AFTER_FIRST",
        message:
          `A ${ordinal(attemptNumber)} attempt must be at least ${rules.lateAttemptMinMonthsAfterFirst} months after the first attempt ` +
          `(${formatDate(first)}), so not before ${formatDate(afterFirst)}.`,
        earliestAllowed: afterFirst,
      });
    }
    const afterLatest = addMonths(latest, rules.lateAttemptMinMonthsAfterLatest);
    earliest.push(afterLatest);
    if (proposedDate < afterLatest) {
      violations.push({
        code: "LATE_AFTER_LATEST",
        message:
          `A ${ordinal(attemptNumber)} attempt must be at least ${rules.lateAttemptMinMonthsAfterLatest} months after the most recent attempt ` +
          `(${formatDate(latest)}), so not before ${formatDate(afterLatest)}.`,
        earliestAllowed: afterLatest,
      });
    }
  }

  const blocked = violations.some((v) => (BLOCKING_VIOLATION_CODES as readonly string[]).includes(v.code));
  return {
    ok: violations.length === 0,
    violations,
    blocked,
    earliestAllowedDate: blocked || earliest.length === 0 ? null : earliest.reduce((a, b) => maxDate(a, b)),
    attemptNumber,
    isLastChance: !blocked && current.nextIsLastChance,
    rules,
  };
}

export type AttemptField = "exam" | "takenOn" | "outcome" | "score";
export type AttemptFieldErrors = Partial<Record<AttemptField, string>>;

/** Raw form values (exam and outcome not yet known to be valid). */
export interface AttemptInput {
  exam: string;
  takenOn: string;
  outcome: string;
  score?: number | null;
}

interface ValidatedAttempt {
  exam: ExamId;
  takenOn: IsoDate;
  outcome: AttemptOutcome;
  score: number | null;
}

type AttemptValidation = { ok: true; attempt: ValidatedAttempt; errors: AttemptFieldErrors } | { ok: false; errors: AttemptFieldErrors };

interface AttemptValidationContext {
  today: IsoDate;
  /** The student's recorded attempts (leave out the one being edited). */
  previousAttempts: readonly AttemptRecord[];
  /** Defaults to the rule set in force on the attempt's date. */
  rules?: AttemptRuleSet;
}

const isExamId = (value: string): value is ExamId => (EXAM_IDS as readonly string[]).includes(value);
const isOutcome = (value: string): value is AttemptOutcome => (ATTEMPT_OUTCOMES as readonly string[]).includes(value);

/**
 * Checks one attempt before it is recorded: a real, past date; a score only where
 * the exam reports one, on its scale and consistent with the passing standard in
 * force that day; and a history that stays possible (no duplicate, nothing after a pass).
 * Errors are keyed by form field; the first problem per field wins.
 */
export function validateAttemptInput(input: AttemptInput, context: AttemptValidationContext): AttemptValidation {
  const errors: AttemptFieldErrors = {};
  const add = (field: AttemptField, message: string) => {
    if (errors[field] === undefined) errors[field] = message;
  };

  const exam = isExamId(input.exam) ? input.exam : null;
  if (exam === null) add("exam", "Choose the exam that was taken.");
  const outcome = isOutcome(input.outcome) ? input.outcome : null;
  if (outcome === null) add("outcome", `Choose the result: ${ATTEMPT_OUTCOMES.map((o) => ATTEMPT_OUTCOME_LABELS[o]).join(", ")}.`);
  const takenOn = isIsoDate(input.takenOn) ? input.takenOn : null;
  if (takenOn === null) add("takenOn", "Enter the date the exam was taken.");
  else if (takenOn > context.today) {
    add("takenOn", `${formatDate(takenOn)} is in the future. Record an attempt once it has been taken.`);
  }

  const info = exam ? examInfo(exam) : null;
  if (info && takenOn && info.discontinuedAfter !== null && takenOn > info.discontinuedAfter) {
    add("exam", `${info.label} was discontinued; it was last given on ${formatDate(info.discontinuedAfter)}.`);
  }

  const score = input.score ?? null;
  if (score !== null) {
    if (!Number.isInteger(score)) add("score", "Enter the score as a whole number, or leave it empty.");
    else if (outcome === "INCOMPLETE") add("score", "An incomplete attempt has no score. Leave the score empty.");
    else if (info && exam && takenOn && isPassFailOnly(exam, takenOn) && info.passFailOnlyFrom !== null) {
      // Name the cut-over date only for an exam that once reported scores (Step 1), not one that never did.
      const hadScores = PASSING_STANDARDS.some((s) => s.exam === exam && s.effectiveFrom < (info.passFailOnlyFrom ?? ""));
      add(
        "score",
        (hadScores
          ? `${info.label} exams taken on or after ${formatDate(info.passFailOnlyFrom)} are reported as pass or fail only`
          : `${info.label} is reported as pass or fail only`) +
          `, so there is no score to record. Leave the score empty` +
          (outcome === "FAIL" ? " and note how far from passing the score report puts the student instead." : "."),
      );
    } else if (info && (score < info.scaleMin || score > info.scaleMax)) {
      add("score", `${info.label} scores run from ${info.scaleMin} to ${info.scaleMax}.`);
    } else if (exam && info && takenOn && outcome) {
      const standard = passingStandardOn(exam, takenOn);
      if (standard && outcome === "PASS" && score < standard.minScore) {
        add(
          "score",
          `On ${formatDate(takenOn)} the ${info.label} passing score was ${standard.minScore}, so ${score} is a fail. ` +
            `Check the score or the result.`,
        );
      } else if (standard && outcome === "FAIL" && score >= standard.minScore) {
        add(
          "score",
          `On ${formatDate(takenOn)} the ${info.label} passing score was ${standard.minScore}, so ${score} is a pass. ` +
            `Check the score or the result.`,
        );
      }
    }
  }

  if (exam && info && takenOn) {
    const rules = context.rules ?? attemptRulesOn(takenOn);
    const same = chronological(context.previousAttempts.filter((a) => a.exam === exam));
    if (same.some((a) => a.takenOn === takenOn)) {
      add("takenOn", `A ${info.label} attempt on ${formatDate(takenOn)} is already recorded.`);
    }
    if (!rules.passedExamRetakeAllowed) {
      const earlierPass = same.find((a) => a.outcome === "PASS" && a.takenOn < takenOn);
      if (earlierPass) {
        add("exam", `${info.label} was passed on ${formatDate(earlierPass.takenOn)}, and a passed Step cannot be taken again.`);
      }
      const later = same.filter((a) => a.takenOn > takenOn);
      if (outcome === "PASS" && later.length > 0) {
        add(
          "outcome",
          `There is a later ${info.label} attempt on ${formatDate(later[later.length - 1].takenOn)}. ` +
            `A passed Step cannot be taken again, so a pass has to be the last attempt. Check the dates.`,
        );
      }
    }
  }

  if (exam && takenOn && outcome && Object.keys(errors).length === 0) {
    return { ok: true, attempt: { exam, takenOn, outcome, score }, errors };
  }
  return { ok: false, errors };
}
