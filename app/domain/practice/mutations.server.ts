/**
 * Logging, correcting and deleting practice exams. Each runs in
 * one transaction with its activity-log entry (before and after scores), and
 * refreshes the derived figures of every open case of the student, because a
 * student's scores inform each of their cases whose exam the instrument targets.
 * Two people correcting the same score: the record's `version` refuses the
 * second save. The unique (student, instrument, date, form) makes a duplicate
 * a field error, even when two saves race.
 */

import { refreshDerived } from "#app/domain/cases/derive.server";
import { CASE_IDENTITY_SELECT } from "#app/domain/cases/identity";
import { formatDate } from "#app/domain/dates";
import { notify } from "#app/domain/notifications/notify.server";
import type { Viewer } from "#app/domain/privacy/visibility";
import { type ExamId, type InstrumentId, instrument, instrumentInforms } from "#app/domain/reference";
import { type Result, refuse } from "#app/domain/result";
import { formatScore } from "#app/domain/trajectory/practice";
import { changedFields, logActivity } from "#app/utils/activity.server";
import type { Tx } from "#app/utils/db.server";
import { isUniqueViolation, prisma } from "#app/utils/db.server";
import type { BreakdownEntry } from "./breakdown";
import { canEditPractice, PRACTICE_RECORD_SELECT } from "./queries.server";

export interface PracticeValues {
  instrumentId: InstrumentId;
  form: string;
  takenOn: string;
  score: number;
  passProbability?: number;
  lowPassLow?: number;
  lowPassHigh?: number;
  milestoneUid?: string;
  breakdown: BreakdownEntry[] | null;
}

type PracticeWriteResult = Result<{ id: string }>;

const PRACTICE_CONFLICT_MESSAGE =
  "Someone else changed this score while you were editing it. Nothing was saved: your entry is still in the form — check the log and save again.";

export const PRACTICE_DELETE_CONFLICT_MESSAGE =
  "Someone else changed this score after you opened the page. Nothing was deleted: check the score in the log, then delete it again if it is still wrong.";
const CLOSED_MESSAGE = "This case is closed: its practice-exam record stays as it was.";
const GONE_MESSAGE = "That practice exam is no longer in this student's record.";

/** What the audit log keeps of a score. */
function snapshot(v: {
  instrumentId: string;
  form: string;
  takenOn: string;
  score: number;
  passProbability?: number | null;
  lowPassLow?: number | null;
  lowPassHigh?: number | null;
  milestoneUid?: string | null;
  breakdown?: string | null;
}) {
  return {
    instrumentId: v.instrumentId,
    form: v.form,
    takenOn: v.takenOn,
    score: v.score,
    passProbability: v.passProbability ?? null,
    lowPassLow: v.lowPassLow ?? null,
    lowPassHigh: v.lowPassHigh ?? null,
    milestoneUid: v.milestoneUid ?? null,
    breakdown: v.breakdown ?? null,
  };
}

/** The record's columns for the values (the breakdown stored as JSON). */
function columns(values: PracticeValues) {
  return snapshot({ ...values, breakdown: values.breakdown ? JSON.stringify(values.breakdown) : null });
}

/** "CBSSA Form 31 of 14 Mar 2026" */
function describeScore(v: { instrumentId: string; form: string; takenOn: string }): string {
  const info = instrument(v.instrumentId as InstrumentId);
  return `${info.shortName}${v.form ? ` ${v.form}` : ""} of ${formatDate(v.takenOn)}`;
}

function scoreText(v: { instrumentId: string; score: number }): string {
  return formatScore(v.score, instrument(v.instrumentId as InstrumentId).scaleFamily);
}

function duplicate(v: { instrumentId: string; form: string; takenOn: string }): PracticeWriteResult {
  return refuse("INVALID", `A ${describeScore(v)} is already logged: correct that entry in the log instead.`, { field: "takenOn" });
}

async function caseFacts(tx: Tx, caseId: string) {
  return tx.retakeCase.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      ...CASE_IDENTITY_SELECT,
      openSlot: true,
      tutorId: true,
      student: { select: { userId: true, user: { select: { name: true } } } },
    },
  });
}

/** The student's open cases: each one's readiness, risk and latest score may move. */
async function refreshStudentCases(tx: Tx, studentId: string) {
  const open = await tx.retakeCase.findMany({ where: { studentId, openSlot: "OPEN" }, select: { id: true } });
  await refreshDerived(
    tx,
    open.map((c) => c.id),
  );
}

/** Logs a score for the case's student (the student themself, their tutor or the office). */
export async function logPracticeExam(input: { caseId: string; actor: Viewer; values: PracticeValues }): Promise<PracticeWriteResult> {
  const { values, actor } = input;
  try {
    return await prisma.$transaction(async (tx): Promise<PracticeWriteResult> => {
      const c = await caseFacts(tx, input.caseId);
      if (!c.openSlot) return refuse("CLOSED", CLOSED_MESSAGE);
      const clash = await tx.practiceExam.findUnique({
        where: {
          studentId_instrumentId_takenOn_form: {
            studentId: c.studentId,
            instrumentId: values.instrumentId,
            takenOn: values.takenOn,
            form: values.form,
          },
        },
        select: { id: true },
      });
      if (clash) return duplicate(values);
      const created = await tx.practiceExam.create({
        data: { ...columns(values), studentId: c.studentId, caseId: c.id, recordedById: actor.userId, source: "MANUAL" },
        select: { id: true },
      });
      const what = describeScore(values);
      await logActivity(tx, {
        schoolId: c.schoolId,
        actorId: actor.userId,
        caseId: c.id,
        entity: "PracticeExam",
        entityId: created.id,
        action: "practice.logged",
        summary: `Practice exam logged: ${what}, ${scoreText(values)}`,
        after: snapshot(columns(values)),
      });
      const byStudent = actor.relation === "STUDENT";
      const recipients = byStudent ? (c.tutorId ? [c.tutorId] : []) : [c.student.userId];
      if (recipients.length > 0) {
        await notify(tx, {
          userIds: recipients.filter((id) => id !== actor.userId),
          schoolId: c.schoolId,
          caseId: c.id,
          kind: "PRACTICE_LOGGED",
          title: byStudent ? `${c.student.user.name} logged a practice exam` : "A practice exam was added to your record",
          body: byStudent ? `${what}: ${scoreText(values)}.` : `${what}: ${scoreText(values)}. Your progress chart now includes it.`,
          link: `/cases/${c.id}/progress`,
          dedupeKey: `practice:${created.id}:logged`,
        });
      }
      await refreshStudentCases(tx, c.studentId);
      return { ok: true, id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate(values);
    throw error;
  }
}

const recordSelect = { ...PRACTICE_RECORD_SELECT, studentId: true } as const;

/** Loads a score of the case's student that this page shows and this actor may change. */
async function editableRecord(tx: Tx, c: { studentId: string; exam: string }, id: string, actor: Viewer) {
  const record = await tx.practiceExam.findFirst({ where: { id, studentId: c.studentId }, select: recordSelect });
  if (!record || !instrumentInforms(record.instrumentId as InstrumentId, c.exam as ExamId)) {
    return { error: refuse("NOT_FOUND", GONE_MESSAGE) };
  }
  if (!canEditPractice(actor, record)) {
    return { error: refuse("FORBIDDEN", "You can correct the scores you logged yourself; ask your tutor to correct this one.") };
  }
  return { record };
}

/** Corrects a logged score, only if nobody changed it since `expectedVersion`. */
export async function updatePracticeExam(input: {
  caseId: string;
  actor: Viewer;
  id: string;
  expectedVersion: number;
  values: PracticeValues;
}): Promise<PracticeWriteResult> {
  const { values, actor } = input;
  try {
    return await prisma.$transaction(async (tx): Promise<PracticeWriteResult> => {
      const c = await caseFacts(tx, input.caseId);
      if (!c.openSlot) return refuse("CLOSED", CLOSED_MESSAGE);
      const found = await editableRecord(tx, c, input.id, actor);
      if (!found.record) return found.error;
      const before = found.record;
      const clash = await tx.practiceExam.findFirst({
        where: {
          studentId: c.studentId,
          instrumentId: values.instrumentId,
          takenOn: values.takenOn,
          form: values.form,
          id: { not: before.id },
        },
        select: { id: true },
      });
      if (clash) return duplicate(values);
      // A link to a milestone belongs to the case the score was logged on.
      const data = columns(values);
      if (before.caseId && before.caseId !== c.id) data.milestoneUid = before.milestoneUid;
      const claimed = await tx.practiceExam.updateMany({
        where: { id: before.id, version: input.expectedVersion },
        data: { ...data, version: { increment: 1 } },
      });
      if (claimed.count !== 1) return refuse("CONFLICT", PRACTICE_CONFLICT_MESSAGE);
      const diff = changedFields(snapshot(before), snapshot(data));
      await logActivity(tx, {
        schoolId: c.schoolId,
        actorId: actor.userId,
        caseId: c.id,
        entity: "PracticeExam",
        entityId: before.id,
        action: "practice.updated",
        summary: `Practice exam corrected: ${describeScore(data)}${before.score !== data.score ? `, ${scoreText(before)} → ${scoreText(data)}` : ""}`,
        before: diff.before,
        after: diff.after,
      });
      await refreshStudentCases(tx, c.studentId);
      return { ok: true, id: before.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate(values);
    throw error;
  }
}

/** Deletes a logged score, only if nobody changed it since `expectedVersion`; the log keeps what it was. */
export async function deletePracticeExam(input: {
  caseId: string;
  actor: Viewer;
  id: string;
  expectedVersion: number;
}): Promise<PracticeWriteResult> {
  return prisma.$transaction(async (tx): Promise<PracticeWriteResult> => {
    const c = await caseFacts(tx, input.caseId);
    if (!c.openSlot) return refuse("CLOSED", CLOSED_MESSAGE);
    const found = await editableRecord(tx, c, input.id, input.actor);
    if (!found.record) return found.error;
    const before = found.record;
    const removed = await tx.practiceExam.deleteMany({ where: { id: before.id, version: input.expectedVersion } });
    if (removed.count !== 1) return refuse("CONFLICT", PRACTICE_DELETE_CONFLICT_MESSAGE);
    await logActivity(tx, {
      schoolId: c.schoolId,
      actorId: input.actor.userId,
      caseId: c.id,
      entity: "PracticeExam",
      entityId: before.id,
      action: "practice.deleted",
      summary: `Practice exam deleted: ${describeScore(before)}, ${scoreText(before)}`,
      before: snapshot(before),
    });
    await refreshStudentCases(tx, c.studentId);
    return { ok: true, id: before.id };
  });
}
