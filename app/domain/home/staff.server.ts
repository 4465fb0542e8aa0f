/**
 * The tutor's and the office's home pages: what needs attention now.
 *
 * One person can be office at one school and tutor at another: the office
 * figures cover their office schools, and their own caseload and this week's
 * milestones cover the cases assigned to them as a tutor. Neither is read for
 * someone without that role.
 */
import type { SessionUser } from "#app/context";
import { actorOf, schoolsWhere } from "#app/domain/access/policy";
import { DEFAULT_CASELOAD_PARAMS } from "#app/domain/cases/caseload";
import { loadCaseload } from "#app/domain/cases/caseload.server";
import { escalationCounts, examsSoonWindow } from "#app/domain/dashboard/queries.server";
import { addDays, type IsoDate, startOfIsoWeek } from "#app/domain/dates";
import { loadSinceLastVisit } from "#app/domain/notifications/since-last-visit.server";
import type { ExamId, InstrumentId } from "#app/domain/reference";
import { loadTutorNextSteps, type TutorNextStep } from "#app/domain/sessions/queries.server";
import { OFFICE_ROLES } from "#app/domain/vocabulary";
import { prisma } from "#app/utils/db.server";
import { type HomeMilestone, homeMilestones } from "./milestones";

type MilestoneRow = {
  caseId: string;
  exam: ExamId;
  studentId: string;
  studentName: string;
  uid: string;
  label: string;
  dueOn: string;
  kind: string;
  instrumentId: string | null;
};

/** The milestones of the tutor's open cases due by the week's end, with their students' practice exams to judge them by. */
async function loadHomeMilestones(tutorId: string, window: { today: IsoDate; weekStart: IsoDate; weekEnd: IsoDate }) {
  const rows = await prisma.$queryRaw<MilestoneRow[]>`
    SELECT m."caseId", c."exam", c."studentId", u."name" AS "studentName", m."uid", m."label", m."dueOn", m."kind", m."instrumentId"
    FROM "Milestone" m
    JOIN "PlanVersion" v ON v."id" = m."planVersionId"
    JOIN "Plan" p ON p."id" = v."planId" AND p."currentVersion" = v."number"
    JOIN "RetakeCase" c ON c."id" = m."caseId"
    JOIN "StudentProfile" sp ON sp."id" = c."studentId"
    JOIN "User" u ON u."id" = sp."userId"
    WHERE c."openSlot" = 'OPEN' AND m."dueOn" <= ${window.weekEnd} AND c."tutorId" = ${tutorId}`;
  if (rows.length === 0) return [];
  const studentIds = [...new Set(rows.map((r) => r.studentId))];
  const practice = await prisma.practiceExam.findMany({
    where: { studentId: { in: studentIds }, takenOn: { lte: window.today } },
    select: { caseId: true, studentId: true, instrumentId: true, takenOn: true, milestoneUid: true },
  });
  const studentOf = new Map(rows.map((r) => [r.caseId, r.studentId]));
  return homeMilestones(
    rows.map((r) => ({ ...r, instrumentId: r.instrumentId as InstrumentId | null })),
    practice.map((p) => ({ ...p, studentKey: p.studentId, instrumentId: p.instrumentId as InstrumentId })),
    studentOf,
    window,
  ).slice(0, 50);
}

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
  const [nearest, queueCount, milestones, since, escalations, examsSoon, nextSteps] = await Promise.all([
    // Their own students (as a tutor), nearest exam first.
    isTutor
      ? loadCaseload({ officeSchoolIds: [], tutorId: user.id }, { ...DEFAULT_CASELOAD_PARAMS, size: 10 }, today)
      : Promise.resolve(null),
    prisma.retakeCase.count({ where: { schoolId: { in: queueSchools }, tutorId: null, openSlot: "OPEN" } }),
    // This week's milestones of the current plan versions of the person's open cases, and earlier ones still open.
    isTutor ? loadHomeMilestones(user.id, { today, weekStart, weekEnd }) : Promise.resolve([] as HomeMilestone[]),
    loadSinceLastVisit(user.id, { officeSchoolIds, today }),
    // The office's figures, counted as the dashboard counts them.
    isOffice ? escalationCounts(officeSchoolIds, today) : Promise.resolve(null),
    isOffice
      ? prisma.retakeCase.count({
          where: { schoolId: { in: officeSchoolIds }, openSlot: "OPEN", targetExamDate: { gte: soon.from, lte: soon.to } },
        })
      : Promise.resolve(0),
    // The next steps agreed in the tutor's sessions, still open (only those whose session the tutor may read).
    isTutor ? loadTutorNextSteps(user.id) : Promise.resolve([] as TutorNextStep[]),
  ]);
  return { isOffice, nearest, queueCount, milestones, since, escalations, examsSoon, weekStart, weekEnd, nextSteps };
}
