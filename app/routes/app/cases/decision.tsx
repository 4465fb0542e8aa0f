/**
 * /cases/:caseId/decision — "Sit or postpone?": the planned exam date and the
 * next dates the rules allow, side by side, with what the evidence says and
 * why; the tutor (or the office) records the decision with a reason. The
 * student reads the same comparison in gentler words. `?date=` adds a date to
 * compare and shows the re-spaced plan a postponement to it would write.
 */

import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, useNavigation } from "react-router";
import { type ActionReply, notUnderstood, reply } from "#app/actions/reply";
import { forbidden, requireCaseAccess } from "#app/auth/guards.server";
import { Field, FormErrors, TextareaField } from "#app/components/forms";
import { ChangeGroupList } from "#app/components/plans/plan-versions";
import { useFormResult } from "#app/components/use-form-result";
import { formatDate, formatDay, isIsoDate, today } from "#app/domain/dates";
import { type DateOption, studentWords } from "#app/domain/decision/compare";
import { recordDecision } from "#app/domain/decision/mutations.server";
import { loadComparison, loadDecisions, loadPostponementProposal } from "#app/domain/decision/queries.server";
import { decisionSchema } from "#app/domain/decision/schema";
import { ordinal } from "#app/domain/text";
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
  const [comparison, decisions, proposal] = await Promise.all([
    loadComparison(caseId, on, chosen),
    loadDecisions(caseId),
    chosen && !student ? loadPostponementProposal(caseId, viewer, chosen, on) : Promise.resolve(null),
  ]);
  if (!comparison) throw data({ message: "We could not find that case." }, { status: 404 });
  const open = access.caseRow.openSlot !== null;
  const postponeDefault = chosen ?? comparison.options.find((o) => o.kind === "POSTPONE" && o.attempts.allowed)?.date ?? "";
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

type ShownOption = DateOption & { studentWords: string[]; policy: DateOption["policy"] | null };

const POSITION_WORDS = { CLEARS: "clears", STRADDLES: "straddles", BELOW: "below" } as const;
const LEANING_WORDS = { SIT: "For sitting", POSTPONE: "For more time", NEUTRAL: "To weigh" } as const;

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

      <section aria-labelledby="decisions-heading" className="card">
        <h2 id="decisions-heading">Decisions so far</h2>
        {d.decisions.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No decision recorded yet.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {d.decisions.map((x) => (
              <li key={x.id} className="text-sm">
                <p className="font-medium">
                  {x.choice === "SIT" ? `Sit on ${formatDate(x.examDate)}` : `Postponed to ${formatDate(x.examDate)}`}
                  {x.choice === "POSTPONE" && x.fromDate ? ` (was ${formatDate(x.fromDate)})` : ""}
                </p>
                <p>{x.reason}</p>
                <p className="text-slate-600">
                  {x.decidedBy ?? "Someone"}, {formatDay(x.createdAt)}
                  {x.planVersion ? ` · plan version ${x.planVersion}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function StaffComparison({ options }: { options: ShownOption[] }) {
  const row = (label: string, cell: (o: ShownOption) => React.ReactNode) => (
    <tr className="border-t border-slate-200 align-top">
      <th scope="row" className="py-2 pr-3 text-left font-medium">
        {label}
      </th>
      {options.map((o) => (
        <td key={o.date} className="py-2 pr-3">
          {cell(o)}
        </td>
      ))}
    </tr>
  );
  return (
    <section aria-labelledby="compare-heading" className="card overflow-x-auto">
      <h2 id="compare-heading">The dates side by side</h2>
      <table className="mt-2 w-full text-sm">
        <caption className="sr-only">The evidence for each exam date compared</caption>
        <thead>
          <tr>
            <td />
            {options.map((o) => (
              <th key={o.date} scope="col" className="py-2 pr-3 text-left">
                {o.label}
                <span className="block font-normal text-slate-600">in {o.daysAway} days</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {row("What the evidence says", (o) => (
            <div className="space-y-1">
              <p className="font-medium">{o.summary}</p>
              <ul className="list-disc pl-4">
                {o.reasons.map((r) => (
                  <li key={r.text}>
                    <span className="font-medium">{LEANING_WORDS[r.leaning]}:</span> {r.text}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {row("Passing standard", (o) =>
            o.standard.minScore === null
              ? "None published"
              : `${o.standard.minScore}${o.standard.passFailOnly ? " (reported pass/fail)" : ""}${o.standard.changedFromFirst ? " — changed" : ""}`,
          )}
          {row("Projection (interval)", (o) =>
            o.projections.length === 0 ? (
              "Not enough scores"
            ) : (
              <ul>
                {o.projections.map((p) => (
                  <li key={p.instrument}>
                    {p.instrument} {p.projected} ({p.confidencePercent}%: {p.low}–{p.high}), {POSITION_WORDS[p.position]} the {p.line}
                  </li>
                ))}
              </ul>
            ),
          )}
          {row("Readiness gate", (o) =>
            o.gate.applicable
              ? o.gate.met
                ? o.gate.metOnlyByMargin
                  ? "Met, only by the margin"
                  : "Met"
                : o.gate.howFar
              : "Not applicable",
          )}
          {row("Attempts", (o) =>
            o.attempts.allowed
              ? `${ordinal(o.attempts.attemptNumber)} attempt; ${o.attempts.attemptsLeftAfterFailure} left if it fails`
              : "Not allowed on this date",
          )}
          {row("If it fails, next allowed", (o) =>
            !o.attempts.allowed
              ? "—"
              : o.attempts.nextAllowedAfterFailure
                ? formatDate(o.attempts.nextAllowedAfterFailure)
                : "No further attempt",
          )}
          {row("School policy, next failure", (o) =>
            o.policy?.consequence ? `${o.policy.consequence} (failure ${o.policy.failureNumber})` : "No rung set",
          )}
          {row("Milestones not done", (o) =>
            o.milestonesOpen.length === 0 ? "None" : o.milestonesOpen.map((m) => `${m.label} (${formatDate(m.dueOn)})`).join("; "),
          )}
        </tbody>
      </table>
    </section>
  );
}

function StudentComparison({ options }: { options: ShownOption[] }) {
  return (
    <section aria-labelledby="compare-heading" className="card">
      <h2 id="compare-heading">How each date looks</h2>
      <div className="mt-2 grid gap-4 md:grid-cols-3">
        {options.map((o) => (
          <div key={o.date} className="rounded-md border border-slate-200 p-3">
            <h3 className="text-base font-semibold">{o.label}</h3>
            <ul className="mt-1 list-disc pl-4 text-sm">
              {o.studentWords.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

function DecisionForm(props: {
  intent: "sit" | "postpone";
  title: string;
  today: string;
  planned: string | null;
  examDate: string;
  caseVersion: number;
  lastResult: SubmissionResult<string[]> | null | undefined;
  error: string | null;
}) {
  const navigation = useNavigation();
  const schema = decisionSchema(props.today, props.planned);
  const formId = `decision-${props.intent}`;
  const result = useFormResult(props.lastResult, formId);
  const [form, fields] = useForm({
    id: formId,
    lastResult: result.lastResult,
    defaultValue: { examDate: props.examDate, reason: "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const sit = props.intent === "sit";
  return (
    <Form method="post" {...getFormProps(form)} onSubmit={result.onSubmit(form.onSubmit)} className="space-y-3">
      <h3 className="text-base font-semibold">{props.title}</h3>
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="choice" value={sit ? "SIT" : "POSTPONE"} />
      <input type="hidden" name="expectedCaseVersion" value={props.caseVersion} />
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(props.error ? [props.error] : [])]} />
      {sit ? (
        <input type="hidden" name="examDate" value={props.examDate} />
      ) : (
        <Field
          label="New exam date"
          {...getInputProps(fields.examDate, { type: "date" })}
          key={fields.examDate.key}
          min={props.today}
          errors={fields.examDate.errors}
          className="max-w-xs"
        />
      )}
      <TextareaField
        label={sit ? "Reason for sitting (the student reads it)" : "Reason for postponing (the student reads it)"}
        {...getTextareaProps(fields.reason)}
        key={fields.reason.key}
        errors={fields.reason.errors}
      />
      <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
        {sit ? "Record: sit on the planned date" : "Record: postpone"}
      </button>
    </Form>
  );
}
