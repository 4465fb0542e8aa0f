import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "react-router";
import { notUnderstood, reply } from "#app/actions/reply";
import { caseAccess, notFound } from "#app/auth/guards.server";
import { FormErrors } from "#app/components/forms";
import { PracticeExamForm } from "#app/components/progress/practice-exam-form";
import { PracticeLog } from "#app/components/progress/practice-log";
import { ReadinessGatePanel } from "#app/components/progress/readiness-gate";
import { TrajectoryPanel } from "#app/components/progress/trajectory-panel";
import { TrajectoryRisksPanel } from "#app/components/progress/trajectory-risks";
import { formatDate, today } from "#app/domain/dates";
import { formatBreakdown } from "#app/domain/practice/breakdown";
import { deletePracticeExam, logPracticeExam, type PracticeValues, updatePracticeExam } from "#app/domain/practice/mutations.server";
import { loadPracticeFormContext, loadPracticeRecordRef, loadProgress } from "#app/domain/practice/queries.server";
import { deletePracticeSchema, logPracticeSchema, updatePracticeSchema } from "#app/domain/practice/schema";
import { examLabel, instrument } from "#app/domain/reference";
import { formatScore } from "#app/domain/trajectory/practice";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/progress";

export async function loader(args: Route.LoaderArgs) {
  const access = await caseAccess(args);
  const viewer = { userId: access.user.id, relation: access.relation };
  const day = today();
  const progress = await loadProgress(access.caseRow, viewer, day);
  if (!progress) notFound("We could not find that case.");
  const open = progress.status !== "CLOSED";
  const editId = new URL(args.request.url).searchParams.get("edit");
  const editing = open && editId ? (progress.log.find((r) => r.id === editId && r.canEdit) ?? null) : null;
  return { ...progress, relation: access.relation, today: day, open, editing };
}

function toValues(value: Omit<PracticeValues, "form"> & { form?: string }): PracticeValues {
  return {
    instrumentId: value.instrumentId,
    form: value.form ?? "",
    takenOn: value.takenOn,
    score: value.score,
    passProbability: value.passProbability,
    lowPassLow: value.lowPassLow,
    lowPassHigh: value.lowPassHigh,
    milestoneUid: value.milestoneUid,
    breakdown: value.breakdown ?? null,
  };
}

export async function action(args: Route.ActionArgs) {
  const access = await caseAccess(args);
  const caseId = access.caseRow.id;
  const actor = { userId: access.user.id, relation: access.relation };
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = `/cases/${caseId}/progress`;
  const context = await loadPracticeFormContext(caseId);
  const day = today();

  // Errors go back to the form that was sent, with what the person typed.
  if (intent === "log") {
    const schema = logPracticeSchema({ exam: context.exam, today: day, milestoneUids: context.milestoneUids });
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return reply({ intent, submission });
    const result = await logPracticeExam({ caseId, actor, values: toValues(submission.value) });
    if (!result.ok) return reply({ intent, submission, messageIn: "form" }, result);
    return redirectWithToast(back, {
      title: "Practice exam logged",
      description: access.relation === "STUDENT" ? "Your tutor has been told. Your chart now includes it." : undefined,
    });
  }

  if (intent === "update") {
    const ref = await loadPracticeRecordRef(String(formData.get("id") ?? ""), access.caseRow.studentId);
    const schema = updatePracticeSchema({
      exam: context.exam,
      today: day,
      milestoneUids: [...context.milestoneUids, ...(ref?.milestoneUid ? [ref.milestoneUid] : [])],
      existingForm: ref?.form || undefined,
    });
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return reply({ intent, submission });
    const result = await updatePracticeExam({
      caseId,
      actor,
      id: submission.value.id,
      expectedVersion: submission.value.expectedVersion,
      values: toValues(submission.value),
    });
    if (!result.ok) return reply({ intent, submission, messageIn: "form" }, result);
    return redirectWithToast(back, { title: "Practice exam corrected" });
  }

  if (intent === "delete") {
    const submission = parseWithZod(formData, { schema: deletePracticeSchema });
    if (submission.status !== "success") return reply({ intent, submission });
    const result = await deletePracticeExam({ caseId, actor, id: submission.value.id, expectedVersion: submission.value.expectedVersion });
    if (!result.ok) return reply({ intent, submission, messageIn: "form" }, result);
    return redirectWithToast(back, { title: "Practice exam deleted" });
  }

  notUnderstood();
}

export default function Progress({ loaderData, actionData }: Route.ComponentProps) {
  const { charts, readiness, risks, milestones, log, relation, exam, editing, open, latestPractice } = loaderData;
  const navigation = useNavigation();
  const forStudent = relation === "STUDENT";
  const resultFor = (intent: string) => (actionData && "intent" in actionData && actionData.intent === intent ? actionData.result : null);
  const deleteResult = resultFor("delete") as { error?: Record<string, string[] | null> } | null;
  const deleteErrors = deleteResult?.error?.[""] ?? null;

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <section aria-labelledby="trajectory-heading" className="card">
          <h2 id="trajectory-heading">{forStudent ? "Your practice-exam trajectory" : "Trajectory"}</h2>
          <p className="hint">
            One chart per scale: percent scores and three-digit scores are never drawn on the same axis. The dashed line projects the trend
            to the exam date, with its 80% range.
            {latestPractice
              ? ` Latest: ${instrument(latestPractice.instrumentId).shortName} ${formatScore(latestPractice.score, instrument(latestPractice.instrumentId).scaleFamily)} on ${formatDate(latestPractice.on)}.`
              : ""}
          </p>
          <div className="mt-4">
            <TrajectoryPanel
              charts={charts}
              emptyMessage={
                forStudent
                  ? "No practice exams yet. Log your first score and your chart starts here."
                  : `No practice exam logged for ${examLabel(exam)} yet.`
              }
            />
          </div>
        </section>

        <section aria-labelledby="log-heading" className="card">
          <h2 id="log-heading">Practice-exam log</h2>
          <PracticeLog rows={log} canChange={open} forStudent={forStudent} />
        </section>
      </div>

      <div className="space-y-4">
        <ReadinessGatePanel readiness={readiness} forStudent={forStudent} />
        <TrajectoryRisksPanel flags={risks} forStudent={forStudent} />

        {open ? (
          <section aria-labelledby="practice-form-heading" className="card" id="practice-form">
            {editing ? (
              <>
                <h2 id="practice-form-heading">
                  Correct the {editing.instrument} of {editing.date}
                </h2>
                <p className="hint">The change is kept in the case's activity log with the score before and after.</p>
                <div className="mt-3">
                  <PracticeExamForm
                    key={`edit-${editing.id}-${editing.version}`}
                    intent="update"
                    exam={exam}
                    today={loaderData.today}
                    milestones={milestones}
                    lastResult={resultFor("update")}
                    record={{ id: editing.id, version: editing.version, form: editing.form, milestoneUid: editing.milestoneUid }}
                    defaultValue={{
                      instrumentId: editing.instrumentId,
                      form: editing.form,
                      takenOn: editing.takenOn,
                      score: String(editing.score),
                      passProbability: editing.passProbability?.toString(),
                      lowPassLow: editing.lowPassLow?.toString(),
                      lowPassHigh: editing.lowPassHigh?.toString(),
                      milestoneUid: editing.milestoneUid ?? "",
                      breakdown: formatBreakdown(editing.breakdown),
                    }}
                    submitLabel="Save the correction"
                  />
                </div>
                <div className="mt-4 flex flex-wrap items-start gap-3 border-t border-slate-200 pt-3">
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="id" value={editing.id} />
                    <input type="hidden" name="expectedVersion" value={editing.version} />
                    <button type="submit" className="btn-danger" disabled={navigation.state === "submitting"}>
                      Delete this score
                    </button>
                  </Form>
                  <Link to="." className="btn-secondary">
                    Cancel
                  </Link>
                </div>
                {deleteErrors ? (
                  <div className="mt-2">
                    <FormErrors errors={deleteErrors} />
                  </div>
                ) : null}
              </>
            ) : (
              <>
                <h2 id="practice-form-heading">Log a practice exam</h2>
                <p className="hint">
                  {forStudent
                    ? "Log each practice exam when you get your score, on the scale the report uses. Your tutor sees it straight away."
                    : "The student is told when you log a score for them."}
                </p>
                <div className="mt-3">
                  <PracticeExamForm
                    intent="log"
                    exam={exam}
                    today={loaderData.today}
                    milestones={milestones}
                    lastResult={resultFor("log")}
                    defaultValue={{ takenOn: loaderData.today }}
                    submitLabel="Log the score"
                  />
                </div>
              </>
            )}
          </section>
        ) : (
          <section aria-labelledby="closed-heading" className="card">
            <h2 id="closed-heading">Practice exams</h2>
            <p className="mt-2 text-sm text-slate-700">This case is closed: its practice-exam record is kept as it was.</p>
          </section>
        )}
      </div>
    </div>
  );
}
