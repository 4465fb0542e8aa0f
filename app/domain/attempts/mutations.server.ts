/**
 * Recording an exam attempt and everything that follows from it, in one
 * transaction (PRODUCT.md workflow steps 1, 6 and 7):
 * - a FAIL opens a retake case in the intake queue, or attaches to the open
 *   case for that exam (the database allows only one);
 * - a second FAIL on the same exam escalates to the office exactly once;
 * - a PASS closes the case as passed;
 * - reaching the USMLE limit makes the student ineligible for every exam and
 *   closes their open cases as ineligible.
 * The same function serves the forms, the CSV import and the demo data.
 */
import { Prisma } from "#generated/prisma/client";
import { logActivity } from "../../utils/activity.server";
import type { Tx } from "../../utils/db.server";
import { prisma } from "../../utils/db.server";
import { syncCaseCounters } from "../cases/counters.server";
import { refreshDerived } from "../cases/derive.server";
import { type AutomaticChange, onAttemptRecorded, onIneligible } from "../cases/status";
import { formatDate, type IsoDate, today as todayOf } from "../dates";
import { escalateFailure } from "../escalations/auto.server";
import { examLabel } from "../reference";
import { loadSchoolSettings } from "../settings/queries.server";
import { EXAM_IDS, type ExamId } from "../reference";
import type { CaseStatus } from "../vocabulary";
import { type AttemptFieldErrors, ordinal, summarizeAttempts, validateAttemptInput } from "./rules";

export interface RecordAttemptInput {
  studentId: string;
  exam: string;
  takenOn: string;
  outcome: string;
  score?: number | null;
  actorId: string | null;
  source?: "MANUAL" | "IMPORT" | "SEED";
  today?: IsoDate;
}

export type RecordAttemptResult =
  | {
      ok: true;
      attemptId: string;
      /** The same attempt was already recorded: nothing changed. */
      duplicate: boolean;
      caseId: string | null;
      caseOpened: boolean;
      escalationId: string | null;
      ineligible: boolean;
    }
  | { ok: false; errors: AttemptFieldErrors };

const caseStatusSelect = { id: true, status: true, tutorId: true, version: true, exam: true } as const;

/** Runs the whole recording in the caller's transaction (the CSV import batches many). */
export async function recordAttemptIn(tx: Tx, input: RecordAttemptInput): Promise<RecordAttemptResult> {
  const today = input.today ?? todayOf();
  const student = await tx.studentProfile.findUniqueOrThrow({
    where: { id: input.studentId },
    select: { id: true, schoolId: true, ineligibleSince: true, user: { select: { name: true } } },
  });
  const previous = await tx.examAttempt.findMany({
    where: { studentId: student.id },
    select: { id: true, exam: true, takenOn: true, outcome: true, score: true, caseId: true },
  });

  const score = input.score ?? null;
  const same = previous.find((a) => a.exam === input.exam && a.takenOn === input.takenOn);
  if (same && same.outcome === input.outcome && (same.score ?? null) === score) {
    return {
      ok: true,
      attemptId: same.id,
      duplicate: true,
      caseId: same.caseId,
      caseOpened: false,
      escalationId: null,
      ineligible: Boolean(student.ineligibleSince),
    };
  }

  const validation = validateAttemptInput(
    { exam: input.exam, takenOn: input.takenOn, outcome: input.outcome, score },
    { today, previousAttempts: previous },
  );
  if (!validation.ok) return { ok: false, errors: validation.errors };
  const attempt = validation.attempt;
  if (student.ineligibleSince && attempt.takenOn > student.ineligibleSince) {
    return {
      ok: false,
      errors: { exam: `The student has been ineligible for every USMLE exam since ${formatDate(student.ineligibleSince)}.` },
    };
  }

  const settings = await loadSchoolSettings(student.schoolId, tx);
  const created = await tx.examAttempt.create({
    data: {
      schoolId: student.schoolId,
      studentId: student.id,
      exam: attempt.exam,
      takenOn: attempt.takenOn,
      outcome: attempt.outcome,
      score: attempt.score,
      recordedById: input.actorId,
      source: input.source ?? "MANUAL",
    },
    select: { id: true },
  });
  const all = [...previous, { id: created.id, caseId: null, ...attempt }];
  const summary = summarizeAttempts(all, { schoolAttemptLimit: settings.schoolAttemptLimit });
  const examSummary = summary.byExam[attempt.exam];
  const numbered = examSummary.attempts.find((a) => a.id === created.id);
  const label = examLabel(attempt.exam);

  let openCase = await tx.retakeCase.findFirst({
    where: { studentId: student.id, exam: attempt.exam, openSlot: "OPEN" },
    select: caseStatusSelect,
  });
  let caseOpened = false;
  if (!openCase && attempt.outcome === "FAIL") {
    openCase = await tx.retakeCase.create({
      data: { schoolId: student.schoolId, studentId: student.id, exam: attempt.exam, openingAttemptId: created.id },
      select: caseStatusSelect,
    });
    caseOpened = true;
    await logActivity(tx, {
      schoolId: student.schoolId,
      actorId: input.actorId,
      caseId: openCase.id,
      entity: "RetakeCase",
      entityId: openCase.id,
      action: "case.opened",
      summary: `${label} retake case opened in the intake queue after the failure on ${formatDate(attempt.takenOn)}`,
      after: { status: "INTAKE" },
    });
  }

  await logActivity(tx, {
    schoolId: student.schoolId,
    actorId: input.actorId,
    caseId: openCase?.id ?? null,
    entity: "ExamAttempt",
    entityId: created.id,
    action: "attempt.recorded",
    summary: `Recorded ${label} attempt ${numbered?.number ?? ""} on ${formatDate(attempt.takenOn)}: ${attempt.outcome.toLowerCase()}`,
    after: attempt,
  });

  let escalationId: string | null = null;
  if (openCase) {
    await tx.examAttempt.update({ where: { id: created.id }, data: { caseId: openCase.id } });
    const change = caseOpened
      ? null
      : onAttemptRecorded(openCase.status, {
          outcome: attempt.outcome,
          hasTutor: openCase.tutorId !== null,
          ineligibleForAllExams: summary.ineligibleForAllExams,
        });
    if (change) await applyStatusChange(tx, { ...openCase, schoolId: student.schoolId }, change, input.actorId);
    if (attempt.outcome === "FAIL") {
      escalationId = await escalateFailure(tx, {
        schoolId: student.schoolId,
        caseId: openCase.id,
        attemptId: created.id,
        exam: attempt.exam,
        failureNumber: examSummary.failures,
        failureDates: examSummary.attempts.filter((a) => a.outcome === "FAIL").map((a) => a.takenOn),
        studentName: student.user.name,
        tutorId: openCase.tutorId,
        actorId: input.actorId,
        today,
        settings,
      });
    }
    await syncCaseCounters(tx, openCase.id);
  }

  const becameIneligible = summary.ineligibleForAllExams && !student.ineligibleSince;
  if (becameIneligible) {
    await tx.studentProfile.update({ where: { id: student.id }, data: { ineligibleSince: summary.ineligibleSince ?? attempt.takenOn } });
    await logActivity(tx, {
      schoolId: student.schoolId,
      actorId: input.actorId,
      entity: "StudentProfile",
      entityId: student.id,
      action: "student.ineligible",
      summary: summary.ineligibleReason ?? "The student reached the USMLE attempt limit.",
    });
    const others = await tx.retakeCase.findMany({ where: { studentId: student.id, openSlot: "OPEN" }, select: caseStatusSelect });
    for (const other of others) {
      const change = onIneligible(other.status);
      if (change) await applyStatusChange(tx, { ...other, schoolId: student.schoolId }, change, input.actorId);
    }
  }

  const touched = await tx.retakeCase.findMany({
    where: { studentId: student.id, OR: [{ openSlot: "OPEN" }, { id: openCase?.id ?? "" }] },
    select: { id: true },
  });
  await refreshDerived(
    tx,
    touched.map((c) => c.id),
    today,
  );

  return {
    ok: true,
    attemptId: created.id,
    duplicate: false,
    caseId: openCase?.id ?? null,
    caseOpened,
    escalationId,
    ineligible: summary.ineligibleForAllExams,
  };
}

async function applyStatusChange(
  tx: Tx,
  current: { id: string; schoolId: string; status: CaseStatus; version: number },
  change: AutomaticChange,
  actorId: string | null,
) {
  const closing = change.status === "CLOSED";
  await tx.retakeCase.update({
    where: { id: current.id },
    data: {
      status: change.status,
      outcome: change.outcome,
      version: { increment: 1 },
      ...(closing ? { openSlot: null, closedAt: new Date() } : {}),
    },
  });
  await logActivity(tx, {
    schoolId: current.schoolId,
    actorId,
    caseId: current.id,
    entity: "RetakeCase",
    entityId: current.id,
    action: "case.status_changed",
    summary: change.reason,
    before: { status: current.status },
    after: { status: change.status, outcome: change.outcome },
  });
}

/**
 * Records an attempt in its own transaction. A concurrent duplicate that slips
 * past the check meets the unique index and is answered as "already recorded".
 */
export async function recordAttempt(input: RecordAttemptInput): Promise<RecordAttemptResult> {
  try {
    return await prisma.$transaction((tx) => recordAttemptIn(tx, input));
  } catch (error) {
    const exam = (EXAM_IDS as readonly string[]).includes(input.exam) ? (input.exam as ExamId) : null;
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && exam) {
      const existing = await prisma.examAttempt.findFirst({
        where: { studentId: input.studentId, exam, takenOn: input.takenOn },
        select: { id: true, caseId: true, outcome: true },
      });
      if (existing && existing.outcome === input.outcome) {
        return {
          ok: true,
          attemptId: existing.id,
          duplicate: true,
          caseId: existing.caseId,
          caseOpened: false,
          escalationId: null,
          ineligible: false,
        };
      }
      return { ok: false, errors: { takenOn: `An attempt on ${formatDate(input.takenOn)} is already recorded.` } };
    }
    throw error;
  }
}

export { ordinal };
