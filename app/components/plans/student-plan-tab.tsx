/**
 * The plan tab as the student sees it: the plan at a glance, the weekly
 * check-in while the case is open, and the whole plan.
 */
import type { SubmissionResult } from "@conform-to/react";
import type { StudentPlanView } from "#app/domain/plans/queries.server";
import type { ViewedPlanVersionData } from "#app/domain/plans/schema";
import { PlanDetails } from "./plan-details";
import { CheckInSection, StudentPlanSummary } from "./student-plan";

export interface StudentPlanTabData {
  caseId: string;
  examLabel: string;
  open: boolean;
  plan: { number: number; data: ViewedPlanVersionData } | null;
  view: StudentPlanView | null;
  checkIn: Parameters<typeof CheckInSection>[0]["checkIn"];
}

export function StudentPlanTab({ data: d, lastResult }: { data: StudentPlanTabData; lastResult: SubmissionResult<string[]> | null }) {
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
