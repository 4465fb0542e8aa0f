/**
 * The tutor's and the office's home pages: what needs attention now.
 */
import type { SessionUser } from "../../context";
import { prisma } from "../../utils/db.server";
import { actorOf } from "../../utils/auth.server";
import { schoolsWhere } from "../access/policy";
import { DEFAULT_CASELOAD_PARAMS } from "../cases/caseload";
import { loadCaseload } from "../cases/caseload.server";
import { addDays, type IsoDate, startOfIsoWeek } from "../dates";
import { loadSinceLastVisit } from "../notifications/since-last-visit.server";
import { OFFICE_ROLES } from "../vocabulary";

export async function loadStaffHome(user: SessionUser, today: IsoDate) {
  const actor = actorOf(user);
  const officeSchoolIds = schoolsWhere(actor, OFFICE_ROLES);
  const tutorSchoolIds = schoolsWhere(actor, ["TUTOR"]);
  const isOffice = officeSchoolIds.length > 0;
  const scope = { officeSchoolIds, tutorId: tutorSchoolIds.length ? user.id : null };
  const weekStart = startOfIsoWeek(today);
  const weekEnd = addDays(weekStart, 6);
  const queueSchools = [...new Set([...officeSchoolIds, ...tutorSchoolIds])];
  const [nearest, queueCount, milestones, since, escalations, examsSoon] = await Promise.all([
    loadCaseload(isOffice ? { officeSchoolIds: [], tutorId: null } : scope, { ...DEFAULT_CASELOAD_PARAMS, size: 10 }, today),
    prisma.retakeCase.count({ where: { schoolId: { in: queueSchools }, tutorId: null, openSlot: "OPEN" } }),
    // This week's milestones of the current plan versions of the person's open cases.
    prisma.$queryRaw<Array<{ caseId: string; studentName: string; label: string; dueOn: string; kind: string }>>`
      SELECT m."caseId", u."name" AS "studentName", m."label", m."dueOn", m."kind"
      FROM "Milestone" m
      JOIN "PlanVersion" v ON v."id" = m."planVersionId"
      JOIN "Plan" p ON p."id" = v."planId" AND p."currentVersion" = v."number"
      JOIN "RetakeCase" c ON c."id" = m."caseId"
      JOIN "StudentProfile" sp ON sp."id" = c."studentId"
      JOIN "User" u ON u."id" = sp."userId"
      WHERE c."openSlot" = 'OPEN' AND m."dueOn" BETWEEN ${weekStart} AND ${weekEnd} AND c."tutorId" = ${user.id}
      ORDER BY m."dueOn" ASC, u."name" ASC
      LIMIT 50`,
    loadSinceLastVisit(user.id),
    isOffice
      ? Promise.all([
          prisma.escalation.count({ where: { schoolId: { in: officeSchoolIds }, status: { not: "RESOLVED" } } }),
          prisma.escalation.count({
            where: {
              schoolId: { in: officeSchoolIds },
              OR: [
                { status: "OPEN", acknowledgeBy: { lt: today } },
                { status: { not: "RESOLVED" }, resolveBy: { lt: today } },
              ],
            },
          }),
        ]).then(([open, overdue]) => ({ open, overdue }))
      : Promise.resolve(null),
    isOffice
      ? prisma.retakeCase.count({
          where: { schoolId: { in: officeSchoolIds }, openSlot: "OPEN", targetExamDate: { gte: today, lte: addDays(today, 30) } },
        })
      : Promise.resolve(0),
  ]);
  return { isOffice, nearest: isOffice ? null : nearest, queueCount, milestones, since, escalations, examsSoon, weekStart, weekEnd };
}
