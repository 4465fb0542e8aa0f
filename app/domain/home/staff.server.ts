/**
 * The tutor's and the office's home pages: what needs attention now.
 *
 * One person can be office at one school and tutor at another: the office
 * figures cover their office schools, and their own caseload and this week's
 * milestones cover the cases assigned to them as a tutor. Neither is read for
 * someone without that role.
 */
import type { SessionUser } from "../../context";
import { actorOf } from "../../utils/auth.server";
import { prisma } from "../../utils/db.server";
import { schoolsWhere } from "../access/policy";
import { DEFAULT_CASELOAD_PARAMS } from "../cases/caseload";
import { loadCaseload } from "../cases/caseload.server";
import { escalationCounts, examsSoonWindow } from "../dashboard/queries.server";
import { addDays, type IsoDate, startOfIsoWeek } from "../dates";
import { loadSinceLastVisit } from "../notifications/since-last-visit.server";
import { OFFICE_ROLES } from "../vocabulary";

type Milestone = { caseId: string; studentName: string; label: string; dueOn: string; kind: string };

export async function loadStaffHome(user: SessionUser, today: IsoDate) {
  const actor = actorOf(user);
  const officeSchoolIds = schoolsWhere(actor, OFFICE_ROLES);
  const tutorSchoolIds = schoolsWhere(actor, ["TUTOR"]);
  const isOffice = officeSchoolIds.length > 0;
  const isTutor = tutorSchoolIds.length > 0;
  const weekStart = startOfIsoWeek(today);
  const weekEnd = addDays(weekStart, 6);
  const queueSchools = [...new Set([...officeSchoolIds, ...tutorSchoolIds])];
  const soon = examsSoonWindow(today);
  const [nearest, queueCount, milestones, since, escalations, examsSoon] = await Promise.all([
    // Their own students (as a tutor), nearest exam first.
    isTutor
      ? loadCaseload({ officeSchoolIds: [], tutorId: user.id }, { ...DEFAULT_CASELOAD_PARAMS, size: 10 }, today)
      : Promise.resolve(null),
    prisma.retakeCase.count({ where: { schoolId: { in: queueSchools }, tutorId: null, openSlot: "OPEN" } }),
    // This week's milestones of the current plan versions of the person's open cases.
    isTutor
      ? prisma.$queryRaw<Milestone[]>`
          SELECT m."caseId", u."name" AS "studentName", m."label", m."dueOn", m."kind"
          FROM "Milestone" m
          JOIN "PlanVersion" v ON v."id" = m."planVersionId"
          JOIN "Plan" p ON p."id" = v."planId" AND p."currentVersion" = v."number"
          JOIN "RetakeCase" c ON c."id" = m."caseId"
          JOIN "StudentProfile" sp ON sp."id" = c."studentId"
          JOIN "User" u ON u."id" = sp."userId"
          WHERE c."openSlot" = 'OPEN' AND m."dueOn" BETWEEN ${weekStart} AND ${weekEnd} AND c."tutorId" = ${user.id}
          ORDER BY m."dueOn" ASC, u."name" ASC
          LIMIT 50`
      : Promise.resolve([] as Milestone[]),
    loadSinceLastVisit(user.id, { officeSchoolIds, today }),
    // The office's figures, counted as the dashboard counts them.
    isOffice ? escalationCounts(officeSchoolIds, today) : Promise.resolve(null),
    isOffice
      ? prisma.retakeCase.count({
          where: { schoolId: { in: officeSchoolIds }, openSlot: "OPEN", targetExamDate: { gte: soon.from, lte: soon.to } },
        })
      : Promise.resolve(0),
  ]);
  return { isOffice, nearest, queueCount, milestones, since, escalations, examsSoon, weekStart, weekEnd };
}
