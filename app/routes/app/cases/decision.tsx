/**
 * /cases/:caseId/decision — "Sit or postpone?": the planned exam date and the
 * next dates the rules allow, side by side, with what the evidence says and
 * why; the tutor (or the office) records the decision with a reason. The
 * student reads the same comparison in gentler words. The staff see the
 * re-spaced plan a postponement would write: to the postpone form's default
 * date, or to the date `?date=` adds to the comparison.
 */

import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form } from "react-router";
import { type ActionReply, notUnderstood, reply } from "#app/actions/reply";
import { forbidden, requireCaseAccess } from "#app/auth/guards.server";
import { type ShownOption, StaffComparison, StudentComparison } from "#app/components/decision/date-comparison";
import { DecisionForm } from "#app/components/decision/decision-form";
import { DecisionHistory } from "#app/components/decision/decision-history";
import { Field, FormErrors } from "#app/components/forms";
import { ChangeGroupList } from "#app/components/plans/plan-versions";
import { formatDate, isIsoDate, today } from "#app/domain/dates";
import { studentWords } from "#app/domain/decision/compare";
import { recordDecision } from "#app/domain/decision/mutations.server";
import { loadComparison, loadDecisions, loadPostponementProposal } from "#app/domain/decision/queries.server";
import { decisionSchema } from "#app/domain/decision/schema";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/decision";

export async function loader(args: Route.LoaderArgs) {
  const access = await requireCaseAccess(args, args.params.caseId);
  const on = today();
  const caseId = access.caseRow.id;
  const asked = new URL(args.request.url).searchParams.get("date");
  const chosen = asked && isIsoDate(asked) && asked > on ? asked : null;
  const student = access.relation === "STUDENT";
  const viewer = { userId: access.user.id, relation: access.relation };
  const [comparison, decisions] = await Promise.all([loadComparison(caseId, on, chosen), loadDecisions(caseId)]);
  if (!comparison) throw data({ message: "We could not find that case." }, { status: 404 });
  const open = access.caseRow.openSlot !== null;
  const postponeDefault = chosen ?? comparison.options.find((o) => o.kind === "POSTPONE" && o.attempts.allowed)?.date ?? "";
  // The staff always see the plan a postponement would write: to the date they
  // asked about, or else to the date the postpone form starts with.
  const proposal =
    !student && postponeDefault && (open || chosen) ? await loadPostponementProposal(caseId, viewer, postponeDefault, on) : null;
  return {
    caseId,
    student,
    today: on,
    plannedDate: access.caseRow.targetExamDate,
    caseVersion: access.caseRow.version,
    canDecide: !student && open,
    chosen,
    postponeDefault,
    comparison: student
      ? { ...comparison, options: comparison.options.map((o) => ({ ...o, policy: null, reasons: [], studentWords: studentWords(o) })) }
      : { ...comparison, options: comparison.options.map((o) => ({ ...o, studentWords: [] as string[] })) },
    decisions,
    proposal,
  };
}

export async function action(args: Route.ActionArgs) {
  const access = await requireCaseAccess(args, args.params.caseId, ["TUTOR", "OFFICE"]);
  if (access.caseRow.openSlot === null) forbidden("This case is closed.");
  const on = today();
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent !== "sit" && intent !== "postpone") notUnderstood();
  const submission = parseWithZod(formData, { schema: decisionSchema(on, access.caseRow.targetExamDate) });
  if (submission.status !== "success") return reply({ intent, submission });
  const result = await recordDecision({
    caseId: access.caseRow.id,
    actor: { userId: access.user.id, relation: access.relation },
    form: submission.value,
    today: on,
  });
  if (!result.ok) return reply({ intent, submission, messageIn: "form" }, result);
  const when = formatDate(submission.value.examDate);
  return redirectWithToast(`/cases/${access.caseRow.id}/decision`, {
    title: submission.value.choice === "SIT" ? `Decision recorded: sit on ${when}` : `Exam postponed to ${when}`,
    description:
      result.planVersion !== null
        ? `Plan version ${result.planVersion} re-spaces the plan; the student has been told.`
        : "The student has been told.",
  });
}

export function meta() {
  return [{ title: "Sit or postpone? · Retake Desk" }];
}

export default function Decision({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const options = d.comparison.options as ShownOption[];
  const answer = actionData as ActionReply | undefined;
  return (
    <div className="space-y-4">
      <section aria-labelledby="decision-heading" className="card space-y-2">
        <h2 id="decision-heading">{d.student ? "Your exam date" : "Sit or postpone?"}</h2>
        <p className="text-sm text-slate-700">
          {d.student
            ? "Here is how things look for your planned date and a few later ones. You and your tutor decide together; your tutor records the decision."
            : `The planned date and the next dates the rules allow for ${d.comparison.examLabel}, side by side. The evidence is set out with its reasons; the decision is yours to record.`}
        </p>
        {d.comparison.blocked ? (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
            {d.comparison.blocked}
          </p>
        ) : null}
        <Form method="get" className="flex flex-wrap items-end gap-3 print:hidden">
          <Field label="Compare another date" name="date" type="date" min={d.today} defaultValue={d.chosen ?? ""} className="max-w-xs" />
          <button type="submit" className="btn-secondary">
            Compare
          </button>
        </Form>
      </section>

      {options.length > 0 ? d.student ? <StudentComparison options={options} /> : <StaffComparison options={options} /> : null}

      {d.proposal ? (
        <section aria-labelledby="proposal-heading" className="card space-y-2">
          <h2 id="proposal-heading">If the exam moved to {formatDate(d.proposal.date)}: the re-spaced plan</h2>
          {d.proposal.errors.length > 0 ? (
            <FormErrors errors={d.proposal.errors} />
          ) : d.proposal.changes === null ? (
            <p className="text-sm">The case has no plan yet: only the target exam date would move.</p>
          ) : d.proposal.changes.length === 0 ? (
            <p className="text-sm">Nothing in the plan would change besides the date.</p>
          ) : (
            <>
              <p className="text-sm text-slate-700">Postponing to this date writes a new plan version with these changes:</p>
              <ChangeGroupList groups={d.proposal.changes} />
            </>
          )}
        </section>
      ) : null}

      {d.canDecide ? (
        <section aria-labelledby="record-heading" className="card space-y-4">
          <h2 id="record-heading">Record the decision</h2>
          <p className="text-sm text-slate-700">
            The student is told, with your reason. A postponement moves the target date and writes the re-spaced plan version.
          </p>
          <div className="grid gap-6 md:grid-cols-2">
            {d.plannedDate && d.plannedDate > d.today ? (
              <DecisionForm
                intent="sit"
                key={`sit-${d.caseVersion}`}
                title={`Sit on ${formatDate(d.plannedDate)}`}
                today={d.today}
                planned={d.plannedDate}
                examDate={d.plannedDate}
                caseVersion={d.caseVersion}
                lastResult={answer?.intent === "sit" ? answer.result : undefined}
                error={answer?.intent === "sit" ? answer.error : null}
              />
            ) : (
              <p className="text-sm">There is no planned date in the future to sit on: choose a date to postpone to.</p>
            )}
            <DecisionForm
              intent="postpone"
              key={`postpone-${d.caseVersion}-${d.postponeDefault}`}
              title="Postpone"
              today={d.today}
              planned={d.plannedDate}
              examDate={d.postponeDefault}
              caseVersion={d.caseVersion}
              lastResult={answer?.intent === "postpone" ? answer.result : undefined}
              error={answer?.intent === "postpone" ? answer.error : null}
            />
          </div>
        </section>
      ) : null}

      <DecisionHistory decisions={d.decisions} />
    </div>
  );
}
