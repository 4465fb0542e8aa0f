/**
 * The intake queue: open cases without a tutor, for the schools a tutor serves
 * or the office runs. "Oldest first" means the oldest failure first: the
 * opening attempt's date, not when the case row was made (an import or the demo
 * seed makes many rows on one day); a case with no known failure date comes
 * last. "Waiting" counts from the failure too (ADR 0024).
 */

import { summarizeAttempts } from "#app/domain/attempts/rules";
import { daysBetween, fromDate, type IsoDate } from "#app/domain/dates";
import { prisma } from "#app/utils/db.server";
import { Prisma } from "#generated/prisma/client";
import { CASE_IDENTITY_SELECT } from "./identity";

/** Cases shown per page of the queue. */
const QUEUE_PAGE_SIZE = 30;

export async function loadIntakeQueue(schoolIds: string[], today: IsoDate, page = 1) {
  const where = { schoolId: { in: schoolIds }, tutorId: null, openSlot: "OPEN" } as const;
  const pageIds = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT c."id" FROM "RetakeCase" c LEFT JOIN "ExamAttempt" a ON a."id" = c."openingAttemptId"
    WHERE c."schoolId" IN (${schoolIds.length ? Prisma.join(schoolIds) : Prisma.sql`NULL`}) AND c."tutorId" IS NULL AND c."openSlot" = 'OPEN'
    ORDER BY a."takenOn" IS NULL, a."takenOn" ASC, c."openedAt" ASC, c."id" ASC
    LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${(page - 1) * QUEUE_PAGE_SIZE}`;
  const order = new Map(pageIds.map((r, i) => [r.id, i]));
  const [unordered, total, tutors] = await Promise.all([
    prisma.retakeCase.findMany({
      where: { id: { in: pageIds.map((r) => r.id) } },
      select: {
        id: true,
        schoolId: true,
        exam: true,
        version: true,
        openedAt: true,
        attemptsUsed: true,
        openEscalations: true,
        school: { select: { name: true } },
        student: { select: { user: { select: { name: true } }, internationalGraduate: true } },
        openingAttempt: { select: { takenOn: true } },
      },
    }),
    prisma.retakeCase.count({ where }),
    prisma.membership.findMany({
      where: { schoolId: { in: schoolIds }, role: "TUTOR", user: { status: "ACTIVE" } },
      select: { schoolId: true, user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  const cases = unordered.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    cases: cases.map((c) => ({
      id: c.id,
      schoolId: c.schoolId,
      schoolName: c.school.name,
      exam: c.exam,
      version: c.version,
      studentName: c.student.user.name,
      internationalGraduate: c.student.internationalGraduate,
      failedOn: c.openingAttempt?.takenOn ?? null,
      attemptsUsed: c.attemptsUsed,
      openEscalations: c.openEscalations,
      waitingDays: Math.max(0, daysBetween(c.openingAttempt?.takenOn ?? fromDate(c.openedAt), today)),
    })),
    tutorsBySchool: tutors.reduce<Record<string, Array<{ id: string; name: string }>>>((acc, m) => {
      acc[m.schoolId] = [...(acc[m.schoolId] ?? []), m.user];
      return acc;
    }, {}),
  };
}

/** What the queue's take and assign need to know of a case before the transaction decides. */
export function loadQueueCase(caseId: string) {
  return prisma.retakeCase.findUnique({
    where: { id: caseId },
    select: { id: true, schoolId: true, student: { select: { user: { select: { name: true } } } } },
  });
}

/**
 * What a tutor reads before taking a case on (ADR 0024): who, which exam, the
 * attempt history and what is left, and whether the office is involved. No
 * findings, notes or plan: those belong to whoever takes the case. Null when
 * there is no such case.
 */
export async function loadQueuePreview(caseId: string, today: IsoDate) {
  const row = await prisma.retakeCase.findUnique({
    where: { id: caseId },
    select: {
      ...CASE_IDENTITY_SELECT,
      status: true,
      tutorId: true,
      openSlot: true,
      openedAt: true,
      attemptsUsed: true,
      openEscalations: true,
      targetExamDate: true,
      tutor: { select: { name: true } },
      school: { select: { name: true, settings: { select: { schoolAttemptLimit: true } } } },
      student: {
        select: {
          userId: true,
          internationalGraduate: true,
          user: { select: { name: true } },
          attempts: { select: { exam: true, takenOn: true, outcome: true, score: true }, orderBy: { takenOn: "asc" } },
        },
      },
      openingAttempt: { select: { takenOn: true } },
      _count: { select: { reports: true } },
    },
  });
  if (!row) return null;
  const summary = summarizeAttempts(row.student.attempts, { schoolAttemptLimit: row.school.settings?.schoolAttemptLimit ?? null });
  const failedOn = row.openingAttempt?.takenOn ?? null;
  return {
    id: row.id,
    schoolId: row.schoolId,
    studentId: row.studentId,
    studentUserId: row.student.userId,
    status: row.status,
    tutorId: row.tutorId,
    tutorName: row.tutor?.name ?? null,
    open: row.openSlot !== null,
    schoolName: row.school.name,
    studentName: row.student.user.name,
    internationalGraduate: row.student.internationalGraduate,
    exam: row.exam,
    failedOn,
    waitingDays: Math.max(0, daysBetween(failedOn ?? fromDate(row.openedAt), today)),
    attemptsUsed: row.attemptsUsed,
    attemptsLeft: summary.byExam[row.exam].attemptsLeft,
    attempts: row.student.attempts,
    openEscalations: row.openEscalations,
    targetExamDate: row.targetExamDate,
    hasScoreReport: row._count.reports > 0,
  };
}

export type QueuePreview = NonNullable<Awaited<ReturnType<typeof loadQueuePreview>>>;
