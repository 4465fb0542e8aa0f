import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "react-router";
import { notUnderstood, reply } from "#app/actions/reply";
import { caseAccess, forbidden } from "#app/auth/guards.server";
import { AttemptForm } from "#app/components/attempt-form";
import { StatusBadge } from "#app/components/badges";
import { AssignTutorForm } from "#app/components/cases/assign-tutor-form";
import { DiagnosisSummary } from "#app/components/diagnostics/diagnosis-summary";
import { Field, FormErrors } from "#app/components/forms";
import { ReadinessGatePanel } from "#app/components/progress/readiness-gate";
import { RiskFlags } from "#app/components/risk-flags";
import { ScrollRegion } from "#app/components/scroll-region";
import { recordAttempt } from "#app/domain/attempts/mutations.server";
import { attemptFormSchema } from "#app/domain/attempts/schema";
import { loadCaseAssessment } from "#app/domain/cases/derive.server";
import { assignCase, changeCaseStatus, setTargetExamDate } from "#app/domain/cases/mutations.server";
import { loadCaseOverview } from "#app/domain/cases/overview.server";
import { assignSchema, statusSchema, targetDateSchema } from "#app/domain/cases/schema";
import { availableTransitions, READY_REASON_MIN_LENGTH } from "#app/domain/cases/status";
import { formatDate, formatDay, today } from "#app/domain/dates";
import { loadDiagnosisSummary } from "#app/domain/diagnostics/queries.server";
import { examLabel } from "#app/domain/reference";
import { consequenceLabel } from "#app/domain/settings/settings";
import { ordinal } from "#app/domain/text";
import { ATTEMPT_OUTCOME_LABELS } from "#app/domain/vocabulary";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/overview";

export async function loader(args: Route.LoaderArgs) {
  const access = await caseAccess(args);
  const proposed = new URL(args.request.url).searchParams.get("proposed");
  const viewer = { userId: access.user.id, relation: access.relation };
  const [overview, assessed, diagnosis] = await Promise.all([
    loadCaseOverview(access.caseRow.id, viewer, { proposed, today: today() }),
    loadCaseAssessment(access.caseRow.id),
    loadDiagnosisSummary(access.caseRow.id, viewer),
  ]);
  return {
    ...overview,
    diagnosis,
    readiness: assessed?.assessment.readiness ?? null,
    // Students read their readiness on the overview; risk flags are for the staff working the case.
    risk: access.relation === "STUDENT" ? null : (assessed?.assessment.risk ?? null),
    relation: access.relation,
    today: today(),
    transitions: availableTransitions(overview.caseRow.status, { role: access.role, isAssignedTutor: access.relation === "TUTOR" }).map(
      (t) => ({
        to: t.to,
        outcome: t.outcome,
        label: t.label,
        description: t.description,
        kind: t.kind,
      }),
    ),
  };
}

export async function action(args: Route.ActionArgs) {
  const access = await caseAccess(args);
  const caseId = access.caseRow.id;
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = `/cases/${caseId}`;

  if (intent === "attempt") {
    const submission = parseWithZod(formData, { schema: attemptFormSchema });
    if (submission.status !== "success") return reply({ intent, submission });
    // A tutor or student records attempts of this case's student only; the student id never comes from the form.
    const result = await recordAttempt({ ...submission.value, studentId: access.caseRow.studentId, actorId: access.user.id });
    if (!result.ok) return reply({ intent, submission }, result);
    const title = result.duplicate ? "That result was already recorded" : "Result recorded";
    const description = result.escalationId ? "This failure has been escalated to the school's office." : undefined;
    return redirectWithToast(result.caseId && result.caseId !== caseId ? `/cases/${result.caseId}` : back, { title, description });
  }

  if (access.relation === "STUDENT") forbidden("Only staff can change a case.");

  if (intent === "status") {
    const submission = parseWithZod(formData, { schema: statusSchema });
    if (submission.status !== "success") notUnderstood();
    const result = await changeCaseStatus({
      caseId,
      to: submission.value.to,
      outcome: submission.value.outcome ?? null,
      note: submission.value.note,
      expectedVersion: submission.value.expectedVersion,
      actorId: access.user.id,
      role: access.role,
      isAssignedTutor: access.relation === "TUTOR",
    });
    // A refusal naming the reason field (marking ready against an unmet gate) shows next to it, keeping what was typed.
    if (!result.ok) return reply({ intent, submission, extra: { to: submission.value.to } }, result);
    return redirectWithToast(back, { title: "Status changed" });
  }

  if (intent === "target") {
    const submission = parseWithZod(formData, { schema: targetDateSchema(today()) });
    if (submission.status !== "success") return reply({ intent, submission });
    const result = await setTargetExamDate({
      caseId,
      date: submission.value.targetExamDate ?? null,
      actorId: access.user.id,
      expectedVersion: submission.value.expectedVersion,
    });
    if (!result.ok) return reply({ intent, submission }, result);
    return redirectWithToast(back, { title: "Target exam date saved" });
  }

  if (intent === "assign") {
    if (access.relation !== "OFFICE") forbidden("Only the school's office assigns tutors.");
    const submission = parseWithZod(formData, { schema: assignSchema });
    if (submission.status !== "success") return reply({ intent, submission });
    // The tutor is checked (an active tutor of this school) inside the assignment's transaction.
    const result = await assignCase({ ...submission.value, caseId, actorId: access.user.id });
    if (!result.ok) return reply({ intent, submission }, result);
    return redirectWithToast(back, { title: "Tutor assigned" });
  }
  notUnderstood();
}

const outcomeTone = { PASS: "text-emerald-800", FAIL: "text-red-800", INCOMPLETE: "text-amber-800" } as const;

export default function Overview({ loaderData, actionData }: Route.ComponentProps) {
  const { caseRow, attempts, examSummary, ineligible, proposed, check, policy, assignments, timeline, tutors, relation, transitions } =
    loaderData;
  const { diagnosis, readiness, risk } = loaderData;
  const navigation = useNavigation();
  const staff = relation !== "STUDENT";
  const open = caseRow.status !== "CLOSED";
  const errorFor = (intent: string) => (actionData?.intent === intent ? actionData.error : null);
  const readyReply = actionData?.intent === "status" && "to" in actionData && actionData.to === "READY" ? actionData : null;
  const targetResult = actionData?.intent === "target" ? actionData.result : null;
  const targetTyped = (targetResult?.initialValue ?? {}) as Record<string, string | undefined>;
  const targetErrors = (targetResult?.error ?? {}) as Record<string, string[] | undefined>;

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <DiagnosisSummary summary={diagnosis} />
        <section aria-labelledby="attempts-heading" className="card">
          <h2 id="attempts-heading">Attempt history</h2>
          {ineligible.ineligible ? (
            <p className="mt-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950">{ineligible.reason}</p>
          ) : null}
          {examSummary.retakeable ? (
            <p className="mt-2 text-sm text-slate-700">
              {examLabel(caseRow.exam)}: {examSummary.attemptsUsed} {examSummary.attemptsUsed === 1 ? "attempt" : "attempts"} used,{" "}
              {examSummary.usmleAttemptsLeft} left under USMLE rules
              {examSummary.schoolAttemptsLeft !== null
                ? ` and ${examSummary.schoolAttemptsLeft} under this school's limit of ${policy.schoolAttemptLimit}`
                : ""}
              .{examSummary.nextIsLastChance && !examSummary.passed ? " The next attempt is the last one." : ""}
            </p>
          ) : (
            <p className="mt-2 text-sm text-slate-700">
              {examLabel(caseRow.exam)} was discontinued: its {examSummary.attemptsUsed === 1 ? "attempt stays" : "attempts stay"} on the
              record and {examSummary.attemptsUsed === 1 ? "counts" : "count"} toward the attempt limit, but it cannot be taken again.
            </p>
          )}
          <ScrollRegion className="mt-3">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Attempt</th>
                  <th scope="col">Exam</th>
                  <th scope="col">Date</th>
                  <th scope="col">Result</th>
                  <th scope="col">Score</th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((a) => (
                  <tr key={a.id}>
                    <td>{ordinal(a.number)}</td>
                    <td>{examLabel(a.exam)}</td>
                    <td>{formatDate(a.takenOn)}</td>
                    <td className={outcomeTone[a.outcome]}>{ATTEMPT_OUTCOME_LABELS[a.outcome]}</td>
                    <td>{a.score ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>

        {open ? (
          <section aria-labelledby="next-date-heading" className="card">
            <h2 id="next-date-heading">Next attempt date</h2>
            <Form method="get" className="mt-2 flex flex-wrap items-end gap-2">
              <div>
                <label htmlFor="proposed" className="label">
                  Check a date against the USMLE spacing rules
                </label>
                <input id="proposed" name="proposed" type="date" className="input" defaultValue={proposed ?? ""} />
              </div>
              <button type="submit" className="btn-secondary">
                Check
              </button>
            </Form>
            {check ? (
              check.ok ? (
                <p className="mt-3 text-sm text-emerald-900" role="status">
                  {formatDate(proposed as string)} respects the spacing rules: it would be the {ordinal(check.attemptNumber)} attempt
                  {check.isLastChance ? " — the last one USMLE allows" : ""}.
                </p>
              ) : (
                <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" role="status">
                  <p className="font-medium">{formatDate(proposed as string)} breaks the rules:</p>
                  <ul className="mt-1 list-disc pl-5">
                    {check.violations.map((v) => (
                      <li key={v.code}>{v.message}</li>
                    ))}
                  </ul>
                  {check.earliestAllowedDate ? (
                    <p className="mt-1">The earliest date that works is {formatDate(check.earliestAllowedDate)}.</p>
                  ) : null}
                </div>
              )
            ) : (
              <p className="mt-3 text-sm text-slate-600">No target date set yet.</p>
            )}
            {staff ? (
              <Form method="post" className="mt-4 flex flex-wrap items-end gap-2 border-t border-slate-200 pt-3">
                <input type="hidden" name="intent" value="target" />
                <input type="hidden" name="expectedVersion" value={caseRow.version} />
                <Field
                  label="Target exam date"
                  id="targetExamDate"
                  name="targetExamDate"
                  type="date"
                  min={loaderData.today}
                  key={targetTyped.targetExamDate ?? caseRow.targetExamDate ?? ""}
                  defaultValue={targetTyped.targetExamDate ?? caseRow.targetExamDate ?? ""}
                  errors={targetErrors.targetExamDate}
                />
                <button type="submit" className="btn-secondary">
                  Save date
                </button>
                {errorFor("target") ? <FormErrors errors={[errorFor("target") as string]} /> : null}
              </Form>
            ) : null}
          </section>
        ) : null}

        {open ? (
          <section aria-labelledby="record-heading" className="card">
            <h2 id="record-heading">Record an exam result</h2>
            <p className="hint">
              A failure stays on this case; a pass closes it. A second failure is escalated to the office automatically.
            </p>
            <div className="mt-3">
              <AttemptForm
                lastResult={actionData?.intent === "attempt" ? actionData.result : null}
                defaultExam={caseRow.exam}
                today={loaderData.today}
              />
            </div>
          </section>
        ) : null}

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
      </div>

      <div className="space-y-4">
        {risk ? <RiskFlags level={risk.level} flags={risk.flags} summary={risk.summary} /> : null}
        {readiness ? (
          <ReadinessGatePanel readiness={readiness} forStudent={relation === "STUDENT"} headingId="overview-readiness-heading" />
        ) : null}
        <section aria-labelledby="status-heading" className="card">
          <h2 id="status-heading">Status</h2>
          <p className="mt-2">
            <StatusBadge status={caseRow.status} outcome={caseRow.outcome} />
          </p>
          {errorFor("status") ? (
            <div className="mt-2">
              <FormErrors errors={[errorFor("status") as string]} />
            </div>
          ) : null}
          {staff && transitions.length > 0 ? (
            <ul className="mt-3 space-y-2">
              {transitions.map((t) => (
                <li key={`${t.to}-${t.outcome ?? ""}`}>
                  <Form method="post">
                    <input type="hidden" name="intent" value="status" />
                    <input type="hidden" name="to" value={t.to} />
                    {t.outcome ? <input type="hidden" name="outcome" value={t.outcome} /> : null}
                    <input type="hidden" name="expectedVersion" value={caseRow.version} />
                    {t.to === "READY" && readiness?.applicable && !readiness.met ? (
                      <ReadyReasonField
                        howFar={readiness.howFar}
                        error={readyReply?.result?.error?.note?.[0] ?? null}
                        typed={String(readyReply?.result?.initialValue?.note ?? "")}
                      />
                    ) : null}
                    <button
                      type="submit"
                      className={
                        t.kind === "CLOSE" ? "btn-danger w-full" : t.kind === "BACK" ? "btn-secondary w-full" : "btn-primary w-full"
                      }
                      disabled={navigation.state === "submitting"}
                    >
                      {t.label}
                    </button>
                    <p className="hint">{t.description}</p>
                  </Form>
                </li>
              ))}
            </ul>
          ) : null}
        </section>

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

        {staff ? (
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
                    {a.kind === "TAKEN" ? "took the case on" : `assigned by ${a.assignedBy?.name ?? "the office"}`},{" "}
                    {formatDay(a.startedAt)}
                    {a.endedAt ? ` – ${formatDay(a.endedAt)}` : " (current)"}
                    {a.reason ? <span className="block text-slate-600">“{a.reason}”</span> : null}
                  </li>
                ))}
              </ol>
            )}
            {relation === "OFFICE" && open ? (
              <div className="mt-3 border-t border-slate-200 pt-3">
                <AssignTutorForm
                  caseId={caseRow.id}
                  version={caseRow.version}
                  tutors={tutors}
                  currentTutorId={caseRow.tutorId}
                  lastResult={actionData?.intent === "assign" ? actionData.result : null}
                  error={errorFor("assign")}
                />
              </div>
            ) : null}
          </section>
        ) : null}
      </div>
    </div>
  );
}

/** Marking a case ready while the readiness gate is not met asks why; the activity log keeps the answer. */
function ReadyReasonField({ howFar, error, typed }: { howFar: string; error: string | null; typed: string }) {
  return (
    <div className="mb-2">
      <label htmlFor="ready-reason" className="label">
        Why is the student ready? The readiness gate is not met ({howFar}).
      </label>
      <textarea
        id="ready-reason"
        name="note"
        className="input w-full"
        rows={3}
        required
        minLength={READY_REASON_MIN_LENGTH}
        maxLength={500}
        defaultValue={typed}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "ready-reason-error" : undefined}
      />
      {error ? (
        <p id="ready-reason-error" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
