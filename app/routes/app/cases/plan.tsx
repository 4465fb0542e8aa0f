import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import { notUnderstood, refusalPage, reply } from "#app/actions/reply";
import { caseAccess, forbidden, safeRedirect } from "#app/auth/guards.server";
import { CheckInList } from "#app/components/plans/check-in-list";
import { PlanBuilderForm } from "#app/components/plans/plan-builder-form";
import { PlanDetails, RhythmTable } from "#app/components/plans/plan-details";
import { PlanEditor } from "#app/components/plans/plan-editor";
import { ChangeGroups, PlanVersions } from "#app/components/plans/plan-versions";
import { CheckInSection, PlanLinks, StudentPlanSummary } from "#app/components/plans/student-plan";
import { submitCheckIn } from "#app/domain/checkins/mutations.server";
import { loadCheckIns, loadWeekCheckIn } from "#app/domain/checkins/queries.server";
import { checkInSchema, checkInWeeks, weekNotAllowed } from "#app/domain/checkins/schema";
import { formatDate, formatDay, startOfIsoWeek, today } from "#app/domain/dates";
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
import { plural } from "#app/domain/text";
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
  if (plan) {
    const from = versionParam(url.searchParams.get("from"));
    const to = versionParam(url.searchParams.get("to"));
    const comparison =
      from !== null && to !== null
        ? compareVersions(plan, from, to)
        : plan.currentVersion > 1
          ? compareVersions(plan, plan.currentVersion - 1, plan.currentVersion)
          : null;
    return {
      ...common,
      kind: "staff" as const,
      plan: {
        currentVersion: plan.currentVersion,
        current: {
          number: plan.current.number,
          data: plan.current.data,
          createdAt: plan.current.createdAt,
          createdBy: plan.current.createdBy,
        },
        versions: plan.versions.map((v) => ({
          number: v.number,
          createdBy: v.createdBy,
          createdAt: v.createdAt,
          reason: v.reason,
          promptedBy: v.promptedBy,
        })),
      },
      comparison,
      editor: editorValues(plan.current.data),
      promptOptions: open ? await loadPromptOptions(caseId) : null,
      builder: null,
      checkIns,
      trend,
    };
  }

  if (!open)
    return {
      ...common,
      kind: "staff" as const,
      plan: null,
      comparison: null,
      editor: null,
      promptOptions: null,
      builder: null,
      checkIns,
      trend,
    };

  const context = await loadPlanBuilderContext(caseId, viewer);
  const step = proposeFromParams(context, url.searchParams, now);
  return data(
    {
      ...common,
      kind: "staff" as const,
      plan: null,
      comparison: null,
      editor: null,
      promptOptions: null,
      builder: {
        defaults: step.defaults,
        result: step.result,
        proposal: step.proposal,
        proposalKey: url.search,
        templateLabel: context.templateLabel,
        failureNumber: context.failureNumber,
        diagnosis: context.diagnosis,
      },
      checkIns,
      trend,
    },
    { status: step.status },
  );
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
    return <StudentPlan data={loaderData} lastResult={actionData?.intent === "checkin" ? actionData.result : null} />;
  return <StaffPlan data={loaderData} actionData={actionData} />;
}

type StudentData = Extract<Route.ComponentProps["loaderData"], { kind: "student" }>;
type StaffData = Extract<Route.ComponentProps["loaderData"], { kind: "staff" }>;

function StudentPlan({ data: d, lastResult }: { data: StudentData; lastResult: Parameters<typeof CheckInSection>[0]["lastResult"] }) {
  return (
    <div className="space-y-4">
      <section aria-labelledby="your-plan-heading" className={d.view ? "card space-y-4" : "card"}>
        <h2 id="your-plan-heading">Your plan</h2>
        {d.view ? (
          <StudentPlanSummary caseId={d.caseId} view={d.view} examLabel={d.examLabel} idPrefix="your-plan" />
        ) : (
          <p className="mt-2 text-slate-700">
            {d.open
              ? "Your tutor is preparing your plan from your score report and your conversations. You will see it here, and on your home page, as soon as it is ready."
              : "This retake is closed."}
          </p>
        )}
      </section>
      {d.open ? (
        <CheckInSection caseId={d.caseId} checkIn={d.checkIn} lastResult={lastResult} redirectTo={`/cases/${d.caseId}/plan`} />
      ) : null}
      {d.plan ? (
        <section aria-labelledby="whole-plan-heading" className="card">
          <h2 id="whole-plan-heading">The whole plan (version {d.plan.number})</h2>
          <div className="mt-3">
            <PlanDetails data={d.plan.data} idPrefix="student-plan" showMeasureFindings={false} />
          </div>
        </section>
      ) : null}
    </div>
  );
}

type ActionData = Route.ComponentProps["actionData"];

function StaffPlan({ data: d, actionData }: { data: StaffData; actionData: ActionData }) {
  const assignResult = actionData?.intent === "assign" ? actionData.result : null;
  const adjustResult = actionData?.intent === "adjust" ? actionData.result : null;
  const conflict = actionData?.intent === "adjust" ? actionData.conflict : null;
  return (
    <div className="space-y-4">
      {d.plan ? (
        <>
          <section aria-labelledby="plan-heading" className="card">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="plan-heading">Plan in force: version {d.plan.currentVersion}</h2>
              <p className="text-sm text-slate-600">
                Saved {formatDay(d.plan.current.createdAt)}
                {d.plan.current.createdBy ? ` by ${d.plan.current.createdBy}` : ""}
              </p>
            </div>
            <div className="mt-2">
              <PlanLinks caseId={d.caseId} audience="staff" />
            </div>
            <div className="mt-4">
              <PlanDetails data={d.plan.current.data} idPrefix="current-plan" />
            </div>
          </section>

          {d.open && d.editor ? (
            <section aria-labelledby="adjust-heading" className="card">
              <h2 id="adjust-heading">Adjust the plan</h2>
              <p className="hint">
                Saving makes version {d.plan.currentVersion + 1}; version {d.plan.currentVersion} stays in the history. Say why: the student
                reads it.
              </p>
              {d.targetExamDate && d.targetExamDate !== d.plan.current.data.examDate ? (
                <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" role="note">
                  The case's target exam date is {formatDate(d.targetExamDate)}, not this plan's {formatDate(d.plan.current.data.examDate)}:
                  it was changed outside the plan. Saving a version sets the case's date to the exam date in the form.
                </p>
              ) : null}
              <details className="mt-3" open={adjustResult ? true : undefined}>
                <summary className="cursor-pointer font-medium text-brand-700">Edit a new version</summary>
                <div className="mt-4">
                  <PlanEditor
                    key={`adjust-${d.plan.currentVersion}`}
                    mode="adjust"
                    defaultValue={d.editor}
                    lastResult={adjustResult}
                    currentVersion={d.plan.currentVersion}
                    savedMeanwhile={conflict?.to}
                    caseVersion={d.caseVersion}
                    promptOptions={d.promptOptions ?? undefined}
                  >
                    {conflict && conflict.count > 0 ? (
                      <div className="rounded-md border border-amber-300 bg-amber-50 p-3">
                        <h3 className="text-sm">What version {conflict.to} changed (your edits above are kept; check them against it)</h3>
                        <div className="mt-2">
                          <ChangeGroups comparison={conflict} headingLevel="h4" />
                        </div>
                      </div>
                    ) : null}
                  </PlanEditor>
                </div>
              </details>
            </section>
          ) : null}

          <PlanVersions versions={d.plan.versions} currentVersion={d.plan.currentVersion} comparison={d.comparison} />
        </>
      ) : d.builder ? (
        <Builder builder={d.builder} today={d.today} caseVersion={d.caseVersion} assignResult={assignResult} />
      ) : (
        <section aria-labelledby="plan-heading" className="card">
          <h2 id="plan-heading">Plan</h2>
          <p className="mt-2 text-slate-700">This case is closed; no plan was assigned.</p>
        </section>
      )}
      <CheckInList checkIns={d.checkIns} trend={d.trend} headingId="check-ins-heading" />
    </div>
  );
}

function Builder({
  builder,
  today: now,
  caseVersion,
  assignResult,
}: {
  builder: NonNullable<StaffData["builder"]>;
  today: string;
  caseVersion: number;
  assignResult: Parameters<typeof PlanEditor>[0]["lastResult"];
}) {
  const { diagnosis, proposal } = builder;
  return (
    <>
      <section aria-labelledby="builder-heading" className="card">
        <h2 id="builder-heading">Build a plan from the diagnosis</h2>
        <p className="mt-1 text-sm text-slate-700">
          Step 1 of 2: a few inputs, and the plan is proposed from the diagnosis. Step 2: edit the proposal, then assign it.
        </p>
        <p className="mt-2 text-sm text-slate-700">
          {diagnosis.reportOn
            ? `From the score report of the attempt on ${formatDate(diagnosis.reportOn)}${diagnosis.findings ? ` and ${plural(diagnosis.findings, "finding")}` : ""}.`
            : "No score report is recorded yet: the proposal will be mixed review until the diagnosis is complete."}{" "}
          {diagnosis.weakAreas.length > 0 ? `Weakest first: ${diagnosis.weakAreas.slice(0, 6).join(", ")}.` : ""} Template:{" "}
          {builder.templateLabel}.
        </p>
        <div className="mt-4">
          <PlanBuilderForm defaults={builder.defaults} lastResult={builder.result} today={now} />
        </div>
      </section>

      {proposal ? (
        <section aria-labelledby="proposal-heading" className="card">
          <h2 id="proposal-heading">Step 2: edit the proposal and assign it</h2>
          <p className="mt-1 text-sm text-slate-700">
            From {formatDate(proposal.values.startDate)} to the exam on {formatDate(proposal.values.examDate)}:{" "}
            {plural(proposal.durationWeeks, "plan week")}, counted Monday to Sunday as the student sees them.
          </p>
          {proposal.warnings.length > 0 ? (
            <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" role="status">
              <p className="font-medium">Before you assign it:</p>
              <ul className="mt-1 list-disc pl-5">
                {proposal.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {proposal.notForTheStudent.length > 0 ? (
            <div className="mt-3 rounded-md border border-slate-300 bg-slate-50 p-3 text-sm" role="note">
              <p className="font-medium">The student will not see these measures: they answer findings not shared with them.</p>
              <ul className="mt-1 list-disc pl-5">
                {proposal.notForTheStudent.map((m) => (
                  <li key={m.title}>
                    {m.title} ({m.audience === "PRIVATE" ? "only you" : "you and the office"})
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <details className="mt-3">
            <summary className="cursor-pointer font-medium text-brand-700">The proposed weekly rhythm</summary>
            <RhythmTable rhythm={proposal.rhythm} restDay={proposal.restDay} />
          </details>
          <div className="mt-4">
            <PlanEditor
              key={`assign-${builder.proposalKey}`}
              mode="assign"
              defaultValue={proposal.values}
              lastResult={assignResult}
              caseVersion={caseVersion}
            />
          </div>
        </section>
      ) : null}
    </>
  );
}
