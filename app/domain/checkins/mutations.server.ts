/**
 * Weekly check-ins are the student's own: only the case's student sends them.
 * One per case and week (the database's unique key): sending the same week
 * again updates that week's check-in. Each one counts as contact with the
 * student and tells the tutor.
 */

import { recordContact } from "#app/domain/cases/contact.server";
import { formatDate } from "#app/domain/dates";
import { checkInGroupKey, checkInTitle } from "#app/domain/notifications/grouping";
import { notify } from "#app/domain/notifications/notify.server";
import { type Result, refuse } from "#app/domain/result";
import { changedFields, logActivity } from "#app/utils/activity.server";
import { isUniqueViolation, prisma } from "#app/utils/db.server";
import type { CheckInForm } from "./schema";

type CheckInWriteResult = Result<{ checkInId: string; updated: boolean }>;

const FIELDS = ["questionsDone", "percentCorrect", "hoursStudied", "mood", "note"] as const;

/** Sends (or updates) the week's check-in of `caseId` for the student whose user is `actorId`. */
export async function submitCheckIn(input: {
  caseId: string;
  actorId: string;
  values: CheckInForm;
  now?: Date;
}): Promise<CheckInWriteResult> {
  const { values } = input;
  const now = input.now ?? new Date();
  const run = () =>
    prisma.$transaction(async (tx): Promise<CheckInWriteResult> => {
      const row = await tx.retakeCase.findUniqueOrThrow({
        where: { id: input.caseId },
        select: {
          schoolId: true,
          studentId: true,
          tutorId: true,
          openSlot: true,
          student: { select: { userId: true, user: { select: { name: true } } } },
        },
      });
      if (row.student.userId !== input.actorId) {
        return refuse("FORBIDDEN", "Only the student sends their weekly check-in.");
      }
      if (!row.openSlot) return refuse("CLOSED", "This retake is closed: check-ins are no longer needed.");
      const existing = await tx.checkIn.findUnique({
        where: { caseId_weekOf: { caseId: input.caseId, weekOf: values.weekOf } },
        select: { id: true, questionsDone: true, percentCorrect: true, hoursStudied: true, mood: true, note: true },
      });
      const data = {
        questionsDone: values.questionsDone,
        percentCorrect: values.percentCorrect,
        hoursStudied: values.hoursStudied,
        mood: values.mood,
        note: values.note,
      };
      const saved = existing
        ? await tx.checkIn.update({ where: { id: existing.id }, data, select: { id: true } })
        : await tx.checkIn.create({
            data: { caseId: input.caseId, studentId: row.studentId, weekOf: values.weekOf, ...data },
            select: { id: true },
          });
      await recordContact(tx, input.caseId, now);
      const week = formatDate(values.weekOf);
      // The activity log keeps the figures, never the note (it may be personal).
      const figures = (v: Pick<typeof data, (typeof FIELDS)[number]>) => ({
        questionsDone: v.questionsDone,
        percentCorrect: v.percentCorrect,
        hoursStudied: v.hoursStudied,
        mood: v.mood,
        note: v.note ? "(written)" : null,
      });
      const diff = existing ? changedFields(figures(existing), figures(data)) : { before: undefined, after: figures(data) };
      await logActivity(tx, {
        schoolId: row.schoolId,
        actorId: input.actorId,
        caseId: input.caseId,
        entity: "CheckIn",
        entityId: saved.id,
        action: existing ? "checkin.updated" : "checkin.submitted",
        summary: existing ? `Weekly check-in for the week of ${week} updated` : `Weekly check-in for the week of ${week}`,
        before: diff.before,
        after: { weekOf: values.weekOf, ...diff.after },
      });
      if (row.tutorId) {
        await notify(tx, {
          userIds: [row.tutorId],
          schoolId: row.schoolId,
          caseId: input.caseId,
          kind: "CHECK_IN",
          title: checkInTitle(row.student.user.name, 1, existing !== null),
          body: `Week of ${week}: ${values.questionsDone} questions, ${values.percentCorrect}% correct, ${values.hoursStudied} hours.`,
          link: `/cases/${input.caseId}/plan#check-ins`,
          // One notification per student per day: a second check-in that day updates it.
          dedupeKey: checkInGroupKey(row.studentId, now),
          group: ({ count }) => ({
            title: checkInTitle(row.student.user.name, count, existing !== null),
            body: `Latest, week of ${week}: ${values.questionsDone} questions, ${values.percentCorrect}% correct, ${values.hoursStudied} hours.`,
          }),
        });
      }
      return { ok: true, checkInId: saved.id, updated: existing !== null };
    });
  try {
    return await run();
  } catch (error) {
    // Two sends of the same week at once: the second finds the first and updates it.
    if (isUniqueViolation(error)) return run();
    throw error;
  }
}
