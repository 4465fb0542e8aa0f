/**
 * The student's home: their case and plan, in supportive words.
 */
import type { SessionUser } from "../../context";
import { prisma } from "../../utils/db.server";
import type { IsoDate } from "../dates";
import { loadSinceLastVisit } from "../notifications/since-last-visit.server";

export async function loadStudentHome(user: SessionUser, today: IsoDate) {
  const [cases, since] = await Promise.all([
    prisma.retakeCase.findMany({
      where: { student: { userId: user.id } },
      select: { id: true, exam: true, status: true, outcome: true, targetExamDate: true, tutor: { select: { name: true } } },
      orderBy: { openedAt: "desc" },
    }),
    loadSinceLastVisit(user.id),
  ]);
  return { cases, since, today };
}
