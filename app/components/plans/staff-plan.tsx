/**
 * The plan tab as staff see it: the plan in force with the form that adjusts
 * it and its versions, or the builder while the case has none; the student's
 * weekly check-ins below either.
 */
import type { SubmissionResult } from "@conform-to/react";
import type { CheckInRow } from "#app/domain/checkins/queries.server";
import type { CheckInTrend } from "#app/domain/checkins/trend";
import { formatDate, formatDay } from "#app/domain/dates";
import type { PlanEditorValues } from "#app/domain/plans/editor";
import type { ViewedPlanVersionData } from "#app/domain/plans/schema";
import { CheckInList } from "./check-in-list";
import { PlanBuilder, type PlanBuilderState } from "./plan-builder";
import { PlanDetails } from "./plan-details";
import { PlanEditor, type PlanEditorProps } from "./plan-editor";
import { ChangeGroups, PlanVersions, type VersionComparison, type VersionListItem } from "./plan-versions";
import { PlanLinks } from "./student-plan";

export interface StaffPlanData {
  caseId: string;
  open: boolean;
  today: string;
  /** The case's version the plan forms are shown with. */
  caseVersion: number;
  targetExamDate: string | null;
  plan: {
    currentVersion: number;
    current: { number: number; data: ViewedPlanVersionData; createdAt: Date | string; createdBy: string | null };
    versions: VersionListItem[];
  } | null;
  comparison: VersionComparison | null;
  /** The adjust form's values (the plan in force), while the case is open. */
  editor: PlanEditorValues | null;
  promptOptions: PlanEditorProps["promptOptions"] | null;
  builder: PlanBuilderState | null;
  checkIns: CheckInRow[];
  trend: CheckInTrend;
}

/** The answers of the plan forms: the form's reply, and after a refused adjustment what was saved meanwhile. */
export interface StaffPlanReplies {
  assign: SubmissionResult<string[]> | null;
  adjust: SubmissionResult<string[]> | null;
  conflict: VersionComparison | null;
}

export function StaffPlan({ data: d, replies }: { data: StaffPlanData; replies: StaffPlanReplies }) {
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
          {d.open && d.editor ? <AdjustPlan data={d} plan={d.plan} editor={d.editor} replies={replies} /> : null}
          <PlanVersions versions={d.plan.versions} currentVersion={d.plan.currentVersion} comparison={d.comparison} />
        </>
      ) : d.builder ? (
        <PlanBuilder builder={d.builder} today={d.today} caseVersion={d.caseVersion} assignResult={replies.assign} />
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

/** Saving an adjustment makes the next version; after a conflict, what the version saved meanwhile changed shows above the save button. */
function AdjustPlan({
  data: d,
  plan,
  editor,
  replies: { adjust, conflict },
}: {
  data: StaffPlanData;
  plan: NonNullable<StaffPlanData["plan"]>;
  editor: PlanEditorValues;
  replies: StaffPlanReplies;
}) {
  return (
    <section aria-labelledby="adjust-heading" className="card">
      <h2 id="adjust-heading">Adjust the plan</h2>
      <p className="hint">
        Saving makes version {plan.currentVersion + 1}; version {plan.currentVersion} stays in the history. Say why: the student reads it.
      </p>
      {d.targetExamDate && d.targetExamDate !== plan.current.data.examDate ? (
        <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" role="note">
          The case's target exam date is {formatDate(d.targetExamDate)}, not this plan's {formatDate(plan.current.data.examDate)}: it was
          changed outside the plan. Saving a version sets the case's date to the exam date in the form.
        </p>
      ) : null}
      <details className="mt-3" open={adjust ? true : undefined}>
        <summary className="cursor-pointer font-medium text-brand-700">Edit a new version</summary>
        <div className="mt-4">
          <PlanEditor
            key={`adjust-${plan.currentVersion}`}
            mode="adjust"
            defaultValue={editor}
            lastResult={adjust}
            currentVersion={plan.currentVersion}
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
  );
}
