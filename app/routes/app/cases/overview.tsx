import { parseWithZod } from "@conform-to/zod/v4";
import { notUnderstood, reply } from "#app/actions/reply";
import { caseAccess, forbidden } from "#app/auth/guards.server";
import { AttemptForm } from "#app/components/attempt-form";
import { AttemptHistory } from "#app/components/cases/attempt-history";
import { CaseTimeline, SchoolPolicyPanel, TutorsPanel } from "#app/components/cases/case-people-panels";
import { CaseStatusPanel } from "#app/components/cases/case-status-panel";
import { NextAttemptDate } from "#app/components/cases/next-attempt-date";
import { TargetDateForm } from "#app/components/cases/target-date-form";
import { DiagnosisSummary } from "#app/components/diagnostics/diagnosis-summary";
import { ReadinessGatePanel } from "#app/components/progress/readiness-gate";
import { RiskFlags } from "#app/components/risk-flags";
import { recordAttempt } from "#app/domain/attempts/mutations.server";
import { attemptFormSchema } from "#app/domain/attempts/schema";
import { loadCaseAssessment } from "#app/domain/cases/derive.server";
import { assignCase, changeCaseStatus, setTargetExamDate } from "#app/domain/cases/mutations.server";
import { loadCaseOverview } from "#app/domain/cases/overview.server";
import { assignSchema, statusSchema, targetDateSchema } from "#app/domain/cases/schema";
import { availableTransitions } from "#app/domain/cases/status";
import { today } from "#app/domain/dates";
import { loadDiagnosisSummary } from "#app/domain/diagnostics/queries.server";
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

export default function Overview({ loaderData, actionData }: Route.ComponentProps) {
  const { caseRow, relation, readiness, risk } = loaderData;
  const staff = relation !== "STUDENT";
  const open = caseRow.status !== "CLOSED";
  const replyTo = (intent: string) => (actionData?.intent === intent ? actionData : null);
  const readyReply = actionData?.intent === "status" && "to" in actionData && actionData.to === "READY" ? actionData : null;

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <DiagnosisSummary summary={loaderData.diagnosis} />
        <AttemptHistory
          exam={caseRow.exam}
          attempts={loaderData.attempts}
          examSummary={loaderData.examSummary}
          ineligible={loaderData.ineligible}
          schoolAttemptLimit={loaderData.policy.schoolAttemptLimit}
        />

        {open ? (
          <NextAttemptDate proposed={loaderData.proposed} check={loaderData.check}>
            {staff ? (
              <TargetDateForm
                key={caseRow.targetExamDate ?? ""}
                version={caseRow.version}
                targetExamDate={caseRow.targetExamDate}
                today={loaderData.today}
                lastResult={replyTo("target")?.result}
                error={replyTo("target")?.error ?? null}
              />
            ) : null}
          </NextAttemptDate>
        ) : null}

        {open ? (
          <section aria-labelledby="record-heading" className="card">
            <h2 id="record-heading">Record an exam result</h2>
            <p className="hint">
              A failure stays on this case; a pass closes it. A second failure is escalated to the office automatically.
            </p>
            <div className="mt-3">
              <AttemptForm lastResult={replyTo("attempt")?.result} defaultExam={caseRow.exam} today={loaderData.today} />
            </div>
          </section>
        ) : null}

        <CaseTimeline timeline={loaderData.timeline} />
      </div>

      <div className="space-y-4">
        {risk ? <RiskFlags level={risk.level} flags={risk.flags} summary={risk.summary} /> : null}
        {readiness ? (
          <ReadinessGatePanel readiness={readiness} forStudent={relation === "STUDENT"} headingId="overview-readiness-heading" />
        ) : null}
        <CaseStatusPanel
          caseRow={caseRow}
          transitions={loaderData.transitions}
          staff={staff}
          gateUnmet={readiness?.applicable && !readiness.met ? readiness.howFar : null}
          error={replyTo("status")?.error ?? null}
          readyResult={readyReply?.result}
        />
        <SchoolPolicyPanel policy={loaderData.policy} staff={staff} />
        {staff ? (
          <TutorsPanel
            caseRow={caseRow}
            assignments={loaderData.assignments}
            tutors={loaderData.tutors}
            canAssign={relation === "OFFICE" && open}
            lastResult={replyTo("assign")?.result}
            error={replyTo("assign")?.error ?? null}
          />
        ) : null}
      </div>
    </div>
  );
}
