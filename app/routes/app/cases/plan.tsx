import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import { notUnderstood, refusalPage, reply } from "#app/actions/reply";
import { caseAccess, forbidden, safeRedirect } from "#app/auth/guards.server";
import type { PlanBuilderState } from "#app/components/plans/plan-builder";
import { StaffPlan } from "#app/components/plans/staff-plan";
import { StudentPlanTab } from "#app/components/plans/student-plan-tab";
import { submitCheckIn } from "#app/domain/checkins/mutations.server";
import { loadCheckIns, loadWeekCheckIn } from "#app/domain/checkins/queries.server";
import { checkInSchema, checkInWeeks, weekNotAllowed } from "#app/domain/checkins/schema";
import { formatDate, startOfIsoWeek, today } from "#app/domain/dates";
import { proposeFromParams } from "#app/domain/plans/builder.server";
import {
  editorValues,
  type PlanAdjustEditorForm,
  type PlanEditorForm,
  planAdjustEditorSchema,
  planEditorSchema,
} from "#app/domain/plans/editor";
import { adjustFromEditor, assignFromEditor, expectedCaseVersionOf, STALE_FORM_MESSAGE } from "#app/domain/plans/mutations.server";
import { compareVersions, loadPlan, loadPlanBuilderContext, loadPromptOptions, studentPlanView } from "#app/domain/plans/queries.server";
import { versionSavedNote } from "#app/domain/plans/respace";
import { examLabel } from "#app/domain/reference";
import { refuse } from "#app/domain/result";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/plan";

function versionParam(value: string | null): number | null {
  if (!value || !/^\d{1,4}$/.test(value)) return null;
  return Number(value);
}

export async function loader(args: Route.LoaderArgs) {
  const access = await caseAccess(args);
  const { caseRow } = access;
  const caseId = caseRow.id;
  const viewer = { userId: access.user.id, relation: access.relation };
  const url = new URL(args.request.url);
  const now = today();
  const plan = await loadPlan(caseId, viewer);
  const open = caseRow.openSlot !== null;
  // The case's version goes with the plan forms: a save must not put back a target date changed meanwhile.
  const common = {
    caseId,
    exam: caseRow.exam,
    examLabel: examLabel(caseRow.exam),
    open,
    today: now,
    caseVersion: caseRow.version,
    targetExamDate: caseRow.targetExamDate,
  };

  if (access.relation === "STUDENT") {
    const existing = open ? await loadWeekCheckIn(caseId, startOfIsoWeek(now)) : null;
    return {
      ...common,
      kind: "student" as const,
      plan: plan ? { number: plan.current.number, data: plan.current.data } : null,
      view: plan ? studentPlanView(plan, now) : null,
      checkIn: { weeks: checkInWeeks(now, plan?.current.data.startDate ?? null), existing },
    };
  }

  const { checkIns, trend } = await loadCheckIns(caseId);
  const staff = { ...common, kind: "staff" as const, checkIns, trend, comparison: null, editor: null, promptOptions: null, builder: null };
  if (plan) {
    const from = versionParam(url.searchParams.get("from"));
    const to = versionParam(url.searchParams.get("to"));
    const comparison =
      from !== null && to !== null
        ? compareVersions(plan, from, to)
        : plan.currentVersion > 1
          ? compareVersions(plan, plan.currentVersion - 1, plan.currentVersion)
          : null;
    const { current } = plan;
    return {
      ...staff,
      plan: {
        currentVersion: plan.currentVersion,
        current: { number: current.number, data: current.data, createdAt: current.createdAt, createdBy: current.createdBy },
        versions: plan.versions.map(({ number, createdBy, createdAt, reason, promptedBy }) => ({
          number,
          createdBy,
          createdAt,
          reason,
          promptedBy,
        })),
      },
      comparison,
      editor: editorValues(current.data),
      promptOptions: open ? await loadPromptOptions(caseId) : null,
    };
  }
  if (!open) return { ...staff, plan: null };

  // Building: choosing the inputs, or reviewing the proposal they gave.
  const context = await loadPlanBuilderContext(caseId, viewer);
  const step = proposeFromParams(context, url.searchParams, now);
  const facts = {
    defaults: step.defaults,
    templateLabel: context.templateLabel,
    failureNumber: context.failureNumber,
    diagnosis: context.diagnosis,
  };
  const builder: PlanBuilderState = step.proposal
    ? { ...facts, step: "review", result: null, proposal: step.proposal, proposalKey: url.search }
    : { ...facts, step: "choose", result: step.result, proposal: null };
  return data({ ...staff, plan: null, builder }, { status: step.status });
}

/** Only a plan save's refusal shows what the versions saved meanwhile changed. */
const NO_CONFLICT = { conflict: null };

export async function action(args: Route.ActionArgs) {
  const access = await caseAccess(args);
  const caseId = access.caseRow.id;
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");

  if (intent === "checkin") {
    if (access.relation !== "STUDENT") forbidden("Only the student sends their weekly check-in.");
    const submission = parseWithZod(formData, { schema: checkInSchema });
    if (submission.status !== "success") return reply({ intent, submission, extra: NO_CONFLICT });
    const notAllowed = weekNotAllowed(submission.value.weekOf, today());
    if (notAllowed) {
      return reply({ intent, submission, extra: NO_CONFLICT }, refuse("INVALID", notAllowed, { field: "weekOf" }));
    }
    const result = await submitCheckIn({ caseId, actorId: access.user.id, values: submission.value });
    if (!result.ok) {
      if (result.code === "FORBIDDEN") refusalPage(result);
      return reply({ intent, submission, messageIn: "form", extra: NO_CONFLICT }, result);
    }
    // Back to where the form was (the home page or this tab), never anywhere else.
    const planPath = `/cases/${caseId}/plan`;
    const back = safeRedirect(formData.get("redirectTo"), planPath) === "/" ? "/" : planPath;
    return redirectWithToast(back, {
      title: result.updated ? "Check-in updated" : "Check-in sent",
      description: `Thank you for the week of ${formatDate(submission.value.weekOf)}: your tutor will see it.`,
    });
  }

  if (access.relation === "STUDENT") forbidden("Only your tutor and the school's office change the plan.");

  if (intent === "assign" || intent === "adjust") {
    const submission =
      intent === "assign"
        ? parseWithZod(formData, { schema: planEditorSchema })
        : parseWithZod(formData, { schema: planAdjustEditorSchema });
    if (submission.status !== "success") {
      // A list intent (add or remove a row without JavaScript) is not an error: the form comes back updated.
      return reply({ intent, submission, extra: NO_CONFLICT, status: submission.status === "error" ? 400 : 200 });
    }
    const expectedCaseVersion = expectedCaseVersionOf(formData);
    if (expectedCaseVersion === null) {
      return reply({ intent, submission, messageIn: "form", extra: NO_CONFLICT }, refuse("INVALID", STALE_FORM_MESSAGE));
    }
    const saved =
      intent === "assign"
        ? await assignFromEditor({ caseId, actorId: access.user.id, form: submission.value as PlanEditorForm, expectedCaseVersion })
        : await adjustFromEditor({ caseId, actorId: access.user.id, form: submission.value as PlanAdjustEditorForm, expectedCaseVersion });
    if (!saved.ok) return reply({ intent, submission, messageIn: "form", extra: { conflict: saved.conflict } }, saved);
    return redirectWithToast(
      `/cases/${caseId}/plan`,
      saved.version === 1
        ? { title: "Plan assigned", description: "Version 1 is now the student's plan." }
        : { title: `Version ${saved.version} saved`, description: versionSavedNote(saved.moved ?? []) },
    );
  }

  notUnderstood();
}

export default function Plan({ loaderData, actionData }: Route.ComponentProps) {
  if (loaderData.kind === "student")
    return <StudentPlanTab data={loaderData} lastResult={actionData?.intent === "checkin" ? actionData.result : null} />;
  const replies = {
    assign: actionData?.intent === "assign" ? actionData.result : null,
    adjust: actionData?.intent === "adjust" ? actionData.result : null,
    conflict: actionData?.intent === "adjust" ? actionData.conflict : null,
  };
  return <StaffPlan data={loaderData} replies={replies} />;
}
