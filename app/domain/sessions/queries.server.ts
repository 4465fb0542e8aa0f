/**
 * Reads of session records, through the privacy layer only
 * (`visibleSessions`). Callers authorize the viewer on the case first, or pass
 * only cases the viewer works.
 */

import type { IsoDate } from "#app/domain/dates";
import { visibleSessions } from "#app/domain/privacy/queries.server";
import type { Viewer } from "#app/domain/privacy/visibility";
import { prisma } from "#app/utils/db.server";

export async function loadSessions(caseId: string, viewer: Viewer) {
  return visibleSessions(caseId, viewer);
}

export type SessionRow = Awaited<ReturnType<typeof loadSessions>>[number];

/** The open next steps of a tutor's open cases that the tutor may read, soonest due first. */
export async function loadTutorNextSteps(tutorId: string, limit = 50) {
  const cases = await prisma.retakeCase.findMany({
    where: { tutorId, openSlot: "OPEN" },
    select: { id: true, student: { select: { user: { select: { name: true } } } } },
  });
  if (cases.length === 0) return [];
  const nameOf = new Map(cases.map((c) => [c.id, c.student.user.name]));
  const sessions = await visibleSessions(
    cases.map((c) => c.id),
    { userId: tutorId, relation: "TUTOR" },
  );
  return sessions
    .flatMap((s) =>
      s.nextSteps
        .filter((step) => step.doneOn === null)
        .map((step) => ({ ...step, caseId: s.caseId, studentName: nameOf.get(s.caseId) ?? "", sessionOn: s.sessionOn as IsoDate })),
    )
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.studentName.localeCompare(b.studentName))
    .slice(0, limit);
}

export type TutorNextStep = Awaited<ReturnType<typeof loadTutorNextSteps>>[number];

/** The sessions scheduled with a student from `from` on, per case, for their week and calendar. */
export async function loadScheduledSessions(caseIds: readonly string[], viewer: Viewer, from: IsoDate) {
  if (caseIds.length === 0) return [];
  const sessions = await visibleSessions([...caseIds], viewer);
  return sessions
    .filter((s) => s.status === "SCHEDULED" && s.sessionOn >= from)
    .map((s) => ({
      id: s.id,
      caseId: s.caseId,
      kind: s.kind,
      sessionOn: s.sessionOn,
      startTime: s.startTime,
      durationMinutes: s.durationMinutes,
      tutorName: s.authorName,
    }))
    .sort((a, b) => a.sessionOn.localeCompare(b.sessionOn) || (a.startTime ?? "").localeCompare(b.startTime ?? ""));
}
