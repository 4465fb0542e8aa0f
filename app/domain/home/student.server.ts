/**
 * The student's home: their case and plan, in supportive words. For each open
 * case with a plan: this week, the next milestones, days to the exam, what
 * changed last and why, and this week's check-in (to prefill the form). A
 * fixed number of queries, however many cases, versions or check-ins.
 */
import type { SessionUser } from "#app/context";
import { actorOf, schoolsWhere } from "#app/domain/access/policy";
import { assessCase } from "#app/domain/cases/assessment";
import { loadAssessmentInputs } from "#app/domain/cases/derive.server";
import { checkInWeeks } from "#app/domain/checkins/schema";
import { addDays, type IsoDate, startOfIsoWeek } from "#app/domain/dates";
import { loadSinceLastVisit } from "#app/domain/notifications/since-last-visit.server";
import { loadPlans, studentPlanView } from "#app/domain/plans/queries.server";
import { loadScheduledSessions } from "#app/domain/sessions/queries.server";
import { OFFICE_ROLES } from "#app/domain/vocabulary";
import { prisma } from "#app/utils/db.server";

export async function loadStudentHome(user: SessionUser, today: IsoDate) {
  const [cases, since] = await Promise.all([
    prisma.retakeCase.findMany({
      where: { student: { userId: user.id } },
      select: {
        id: true,
        exam: true,
        status: true,
        outcome: true,
        openSlot: true,
        targetExamDate: true,
        tutor: { select: { name: true } },
      },
      orderBy: { openedAt: "desc" },
    }),
    loadSinceLastVisit(user.id, { officeSchoolIds: schoolsWhere(actorOf(user), OFFICE_ROLES), today }),
  ]);
  const openIds = cases.filter((c) => c.openSlot !== null).map((c) => c.id);
  const weekOf = startOfIsoWeek(today);
  const [plans, checkIns, inputs, sessions] = await Promise.all([
    loadPlans(openIds, { userId: user.id, relation: "STUDENT" }),
    openIds.length
      ? prisma.checkIn.findMany({
          where: { caseId: { in: openIds }, weekOf },
          select: { caseId: true, weekOf: true, questionsDone: true, percentCorrect: true, hoursStudied: true, mood: true, note: true },
        })
      : Promise.resolve([]),
    loadAssessmentInputs(prisma, openIds, today),
    loadScheduledSessions(openIds, { userId: user.id, relation: "STUDENT" }, today),
  ]);
  // The practice-exam trajectory of each open case (charts, summaries and table alternatives).
  const trajectories = Object.fromEntries([...inputs].map(([caseId, input]) => [caseId, assessCase(input).charts]));
  const checkInBy = new Map(checkIns.map(({ caseId, ...c }) => [caseId, c]));
  return {
    today,
    since,
    trajectories,
    // Sessions scheduled with the student, from today on; the week's are marked as this week's.
    sessions: sessions.map((x) => ({ ...x, thisWeek: x.sessionOn <= addDays(weekOf, 6) })),
    cases: cases.map(({ openSlot, ...c }) => {
      const plan = openSlot !== null ? plans.get(c.id) : undefined;
      return {
        ...c,
        open: openSlot !== null,
        plan: plan ? studentPlanView(plan, today) : null,
        checkIn:
          openSlot !== null
            ? { weeks: checkInWeeks(today, plan?.current.data.startDate ?? null), existing: checkInBy.get(c.id) ?? null }
            : null,
      };
    }),
  };
}
export type StudentHomeData = Awaited<ReturnType<typeof loadStudentHome>>;
