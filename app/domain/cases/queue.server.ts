/**
 * The intake queue: open cases without a tutor, oldest first, for the schools
 * a tutor serves or the office runs.
 */
import { prisma } from "../../utils/db.server";
import { daysBetween, fromDate, type IsoDate } from "../dates";

/** Cases shown per page of the queue. */
export const QUEUE_PAGE_SIZE = 30;

export async function loadIntakeQueue(schoolIds: string[], today: IsoDate, page = 1) {
  const where = { schoolId: { in: schoolIds }, tutorId: null, openSlot: "OPEN" } as const;
  const [cases, total, tutors] = await Promise.all([
    prisma.retakeCase.findMany({
      where,
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
      orderBy: [{ openedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
    }),
    prisma.retakeCase.count({ where }),
    prisma.membership.findMany({
      where: { schoolId: { in: schoolIds }, role: "TUTOR", user: { status: "ACTIVE" } },
      select: { schoolId: true, user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
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
      waitingDays: Math.max(0, daysBetween(fromDate(c.openedAt), today)),
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
