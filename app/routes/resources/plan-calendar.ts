/**
 * /cases/:caseId/calendar.ics — the plan's milestones and the exam day as a
 * calendar file. Only the case's student and staff on the case may download it
 * (requireCaseAccess refuses everyone else with 403).
 */

import { requireCaseAccess } from "#app/auth/guards.server";
import { today } from "#app/domain/dates";
import { calendarFileName, planCalendar } from "#app/domain/plans/calendar";
import { loadPlan } from "#app/domain/plans/queries.server";
import { examLabel } from "#app/domain/reference";
import { loadScheduledSessions } from "#app/domain/sessions/queries.server";
import { allowedOrigins } from "#app/utils/env.server";
import type { Route } from "./+types/plan-calendar";

export async function loader(args: Route.LoaderArgs) {
  const access = await requireCaseAccess(args, args.params.caseId);
  const { id: caseId, exam, targetExamDate } = access.caseRow;
  const viewer = { userId: access.user.id, relation: access.relation };
  const [plan, sessions] = await Promise.all([loadPlan(caseId, viewer), loadScheduledSessions([caseId], viewer, today())]);
  const label = examLabel(exam);
  const body = planCalendar({
    caseId,
    examLabel: label,
    examDate: plan?.current.data.examDate ?? targetExamDate,
    milestones: plan?.current.data.content.milestones ?? [],
    version: plan?.currentVersion ?? 0,
    sessions,
    // The app's public origin, not whatever host the request came through.
    planUrl: new URL(`/cases/${caseId}/plan`, allowedOrigins()[0] ?? args.request.url).toString(),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${calendarFileName(label)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
