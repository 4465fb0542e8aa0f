import type { SubmissionResult } from "@conform-to/react";
import { Link } from "react-router";
import { formatDay } from "#app/domain/dates";
import { consequenceLabel } from "#app/domain/settings/settings";
import { ordinal } from "#app/domain/text";
import { AssignTutorForm } from "./assign-tutor-form";
import type { CaseOverviewData } from "./overview-data";

/** What the school's policy makes of this case's failures; staff also see the whole ladder. */
export function SchoolPolicyPanel({ policy, staff }: { policy: CaseOverviewData["policy"]; staff: boolean }) {
  return (
    <section aria-labelledby="policy-heading" className="card">
      <h2 id="policy-heading">School policy</h2>
      {policy.rung ? (
        <p className="mt-2 text-sm">
          <span className="font-medium">
            {ordinal(policy.failureNumber)} failure: {consequenceLabel(policy.rung.consequence)}.
          </span>{" "}
          {policy.rung.description}
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-700">No failure of this exam is recorded yet.</p>
      )}
      {staff ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer">The school's ladder</summary>
          <ol className="mt-1 list-decimal pl-5">
            {policy.ladder.map((r) => (
              <li key={r.failureNumber}>
                {consequenceLabel(r.consequence)}: {r.description}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

/** The case's tutors over time; the office assigns or reassigns one while the case is open. */
export function TutorsPanel({
  caseRow,
  assignments,
  tutors,
  canAssign,
  lastResult,
  error,
}: {
  caseRow: Pick<CaseOverviewData["caseRow"], "id" | "version" | "tutorId">;
  assignments: CaseOverviewData["assignments"];
  tutors: CaseOverviewData["tutors"];
  canAssign: boolean;
  lastResult: SubmissionResult<string[]> | null | undefined;
  error: string | null;
}) {
  return (
    <section aria-labelledby="tutors-heading" className="card">
      <h2 id="tutors-heading">Tutors</h2>
      {assignments.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">
          No tutor yet. <Link to="/queue">The intake queue</Link> lists this case.
        </p>
      ) : (
        <ol className="mt-2 space-y-2 text-sm">
          {assignments.map((a) => (
            <li key={a.id}>
              <span className="font-medium">{a.tutor.name}</span>{" "}
              {a.kind === "TAKEN" ? "took the case on" : `assigned by ${a.assignedBy?.name ?? "the office"}`}, {formatDay(a.startedAt)}
              {a.endedAt ? ` – ${formatDay(a.endedAt)}` : " (current)"}
              {a.reason ? <span className="block text-slate-600">“{a.reason}”</span> : null}
            </li>
          ))}
        </ol>
      )}
      {canAssign ? (
        <div className="mt-3 border-t border-slate-200 pt-3">
          <AssignTutorForm
            caseId={caseRow.id}
            version={caseRow.version}
            tutors={tutors}
            currentTutorId={caseRow.tutorId}
            lastResult={lastResult}
            error={error}
          />
        </div>
      ) : null}
    </section>
  );
}

/** What happened on the case (the activity log, as its summaries read). */
export function CaseTimeline({ timeline }: { timeline: CaseOverviewData["timeline"] }) {
  return (
    <section aria-labelledby="timeline-heading" className="card">
      <h2 id="timeline-heading">Timeline</h2>
      {timeline.length === 0 ? (
        <p className="mt-2 text-slate-700">Nothing yet.</p>
      ) : (
        <ol className="mt-3 space-y-2 border-l-2 border-slate-200 pl-4">
          {timeline.map((entry) => (
            <li key={entry.id} className="text-sm">
              <p>{entry.summary}</p>
              <p className="text-xs text-slate-600">
                <time dateTime={new Date(entry.createdAt).toISOString()}>{formatDay(entry.createdAt)}</time>
                {entry.actor ? ` · ${entry.actor.name}` : ""}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
