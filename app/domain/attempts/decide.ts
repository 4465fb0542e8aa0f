/**
 * What recording one exam attempt does, decided from the student's current
 * state without touching the database (docs/product.md workflow steps 1, 6, 7):
 * - a FAIL opens a retake case, or attaches to the open case for that exam;
 * - a second or later FAIL on the same exam escalates to the office;
 * - a PASS closes the case as passed;
 * - reaching the USMLE limit makes the student ineligible for every exam and
 *   closes their open cases as ineligible;
 * - an attempt at a discontinued exam (Step 2 CS) is history only: it counts
 *   toward the limit, but opens, joins and escalates no case (docs/product.md
 *   workflow step 1).
 * The forms record one attempt at a time and the CSV import thousands; both
 * decide here and write the resulting effects with ./mutations.server.ts.
 */
import { type AutomaticChange, onAttemptRecorded, onIneligible } from "#app/domain/cases/status";
import { formatDate, type IsoDate } from "#app/domain/dates";
import { type ExamId, examLabel, isRetakeExam, RETAKE_GUIDANCE } from "#app/domain/reference";
import type { AttemptOutcome, CaseStatus } from "#app/domain/vocabulary";
import { type AttemptFieldErrors, type AttemptInput, failureDates, summarizeAttempts, validateAttemptInput } from "./rules";

/** The raw input is the validator's (./rules.ts); re-exported for the modules that import it from here. */

export interface KnownAttempt {
  id: string;
  exam: ExamId;
  takenOn: IsoDate;
  outcome: AttemptOutcome;
  score: number | null;
  caseId: string | null;
}

export interface OpenCaseState {
  id: string;
  exam: ExamId;
  status: CaseStatus;
  tutorId: string | null;
}

export interface StudentState {
  studentId: string;
  schoolId: string;
  name: string;
  ineligibleSince: IsoDate | null;
  attempts: KnownAttempt[];
  openCases: OpenCaseState[];
}

export interface AttemptEffects {
  attempt: KnownAttempt & { number: number };
  /** A case opened by this failure (in the intake queue). */
  openedCase: { id: string; exam: ExamId } | null;
  /** Status changes in order (the attempt's case, then cases closed by ineligibility). */
  statusChanges: Array<{ caseId: string; from: CaseStatus; change: AutomaticChange }>;
  /** A failure that must reach the office (second or later on the same exam). */
  escalation: { caseId: string; exam: ExamId; failureNumber: number; failureDates: IsoDate[]; tutorId: string | null } | null;
  /** Set when this attempt ends the student's eligibility for every exam. */
  ineligible: { since: IsoDate; reason: string } | null;
  /** Words for the activity log. */
  summary: string;
}

type Decision =
  | { kind: "REFUSED"; errors: AttemptFieldErrors }
  | { kind: "DUPLICATE"; attemptId: string; caseId: string | null }
  | { kind: "RECORD"; effects: AttemptEffects; next: StudentState };

export function decideAttempt(
  state: StudentState,
  input: AttemptInput,
  context: { today: IsoDate; schoolAttemptLimit: number | null; newId: () => string },
): Decision {
  const score = input.score ?? null;
  const same = state.attempts.find((a) => a.exam === input.exam && a.takenOn === input.takenOn);
  if (same && same.outcome === input.outcome && same.score === score) return { kind: "DUPLICATE", attemptId: same.id, caseId: same.caseId };

  const validation = validateAttemptInput(
    { exam: input.exam, takenOn: input.takenOn, outcome: input.outcome, score },
    { today: context.today, previousAttempts: state.attempts },
  );
  if (!validation.ok) return { kind: "REFUSED", errors: validation.errors };
  const attempt = validation.attempt;
  if (state.ineligibleSince && attempt.takenOn > state.ineligibleSince) {
    return {
      kind: "REFUSED",
      errors: { exam: `The student has been ineligible for every USMLE exam since ${formatDate(state.ineligibleSince)}.` },
    };
  }

  const attemptId = context.newId();
  const retakeable = isRetakeExam(attempt.exam);
  const existingCase = retakeable ? (state.openCases.find((c) => c.exam === attempt.exam) ?? null) : null;
  const openedCase = retakeable && !existingCase && attempt.outcome === "FAIL" ? { id: context.newId(), exam: attempt.exam } : null;
  const caseId = existingCase?.id ?? openedCase?.id ?? null;
  const all: KnownAttempt[] = [...state.attempts, { id: attemptId, caseId, ...attempt }];
  const summary = summarizeAttempts(all, { schoolAttemptLimit: context.schoolAttemptLimit });
  const examSummary = summary.byExam[attempt.exam];
  const number = examSummary.attempts.find((a) => a.id === attemptId)?.number ?? examSummary.attemptsUsed;

  const statusChanges: AttemptEffects["statusChanges"] = [];
  let openCases = state.openCases.map((c) => ({ ...c }));
  if (openedCase) openCases.push({ id: openedCase.id, exam: openedCase.exam, status: "INTAKE", tutorId: null });
  if (existingCase) {
    const change = onAttemptRecorded(existingCase.status, {
      outcome: attempt.outcome,
      hasTutor: existingCase.tutorId !== null,
      ineligibleForAllExams: summary.ineligibleForAllExams,
    });
    if (change) statusChanges.push({ caseId: existingCase.id, from: existingCase.status, change });
  }

  const escalation =
    caseId && attempt.outcome === "FAIL" && examSummary.failures >= RETAKE_GUIDANCE.secondFailureCount
      ? {
          caseId,
          exam: attempt.exam,
          failureNumber: examSummary.failures,
          failureDates: failureDates(examSummary),
          tutorId: existingCase?.tutorId ?? null,
        }
      : null;

  let ineligible: AttemptEffects["ineligible"] = null;
  if (summary.ineligibleForAllExams && !state.ineligibleSince) {
    ineligible = {
      since: summary.ineligibleSince ?? attempt.takenOn,
      reason: summary.ineligibleReason ?? "The student reached the USMLE attempt limit.",
    };
    for (const c of openCases) {
      const after = statusChanges.filter((s) => s.caseId === c.id).at(-1)?.change.status ?? c.status;
      const change = onIneligible(after);
      if (change) statusChanges.push({ caseId: c.id, from: after, change });
    }
  }

  // The next state: closed cases leave the open list; statuses follow the changes.
  for (const s of statusChanges) openCases = openCases.map((c) => (c.id === s.caseId ? { ...c, status: s.change.status } : c));
  openCases = openCases.filter((c) => c.status !== "CLOSED");
  const next: StudentState = {
    ...state,
    ineligibleSince: ineligible?.since ?? state.ineligibleSince,
    attempts: all,
    openCases,
  };
  return {
    kind: "RECORD",
    effects: {
      attempt: { id: attemptId, caseId, ...attempt, number },
      openedCase,
      statusChanges,
      escalation,
      ineligible,
      summary:
        `Recorded ${examLabel(attempt.exam)} attempt ${number} on ${formatDate(attempt.takenOn)}: ${attempt.outcome.toLowerCase()}` +
        (retakeable ? "" : " (history only: the exam was discontinued, so no retake case)"),
    },
    next,
  };
}
