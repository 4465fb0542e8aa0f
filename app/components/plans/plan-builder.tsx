/**
 * Building a plan when a case has none: step 1 (the builder form, a GET form
 * whose inputs live in the URL) proposes a plan from the diagnosis; step 2
 * edits the proposal and assigns it. Where the tutor is is one state, `step`.
 */
import type { SubmissionResult } from "@conform-to/react";
import { formatDate } from "#app/domain/dates";
import type { PlanBuilderDefaults, PlanProposal } from "#app/domain/plans/builder.server";
import type { PlanBuilderContext } from "#app/domain/plans/queries.server";
import { plural } from "#app/domain/text";
import { PlanBuilderForm } from "./plan-builder-form";
import { RhythmTable } from "./plan-details";
import { PlanEditor } from "./plan-editor";

interface BuilderFacts {
  /** The builder form's values, as typed (or proposed from the case). */
  defaults: PlanBuilderDefaults;
  templateLabel: string;
  failureNumber: number;
  diagnosis: PlanBuilderContext["diagnosis"];
}

/**
 * Choosing the inputs (before a proposal, or after inputs the generator
 * refused: `result` has their errors), or reviewing a proposal before assigning it.
 */
export type PlanBuilderState =
  | (BuilderFacts & { step: "choose"; result: SubmissionResult<string[]> | null; proposal: null })
  | (BuilderFacts & {
      step: "review";
      result: null;
      proposal: PlanProposal;
      /** The inputs the proposal came from: a new proposal starts a new editor. */
      proposalKey: string;
    });

export function PlanBuilder({
  builder,
  today,
  caseVersion,
  assignResult,
}: {
  builder: PlanBuilderState;
  today: string;
  caseVersion: number;
  assignResult: SubmissionResult<string[]> | null;
}) {
  const { diagnosis } = builder;
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
          <PlanBuilderForm defaults={builder.defaults} lastResult={builder.result} today={today} />
        </div>
      </section>

      {builder.step === "review" ? (
        <ProposalReview
          proposal={builder.proposal}
          proposalKey={builder.proposalKey}
          caseVersion={caseVersion}
          assignResult={assignResult}
        />
      ) : null}
    </>
  );
}

function ProposalReview({
  proposal,
  proposalKey,
  caseVersion,
  assignResult,
}: {
  proposal: PlanProposal;
  proposalKey: string;
  caseVersion: number;
  assignResult: SubmissionResult<string[]> | null;
}) {
  return (
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
          key={`assign-${proposalKey}`}
          mode="assign"
          defaultValue={proposal.values}
          lastResult={assignResult}
          caseVersion={caseVersion}
        />
      </div>
    </section>
  );
}
