import { parseWithZod } from "@conform-to/zod/v4";
import { Link } from "react-router";
import { z } from "zod";
import { notUnderstood, reply } from "#app/actions/reply";
import { rowActionState, rowRef } from "#app/actions/row-actions";
import { caseAccess, forbidden } from "#app/auth/guards.server";
import { ClosedCaseError } from "#app/components/closed-case-error";
import { AnalysisPanel } from "#app/components/diagnostics/analysis-panel";
import { FindingForm } from "#app/components/diagnostics/finding-form";
import { FindingsList } from "#app/components/diagnostics/findings-list";
import { ReadOnlyReport } from "#app/components/diagnostics/read-only-report";
import { ScoreReportForm } from "#app/components/diagnostics/score-report-form";
import { StudentDiagnostics } from "#app/components/diagnostics/student-diagnostics";
import { formatDate, formatDay } from "#app/domain/dates";
import { createFinding, deleteFinding, saveScoreReport, updateFinding } from "#app/domain/diagnostics/mutations.server";
import { loadStaffDiagnostics, loadStudentDiagnostics } from "#app/domain/diagnostics/queries.server";
import { initialReportValues, reportEntrySchema, reportGrid, submittedReportValues } from "#app/domain/diagnostics/report-form";
import { findingSchema } from "#app/domain/diagnostics/schema";
import type { ExamId } from "#app/domain/reference";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/diagnostics";

export async function loader(args: Route.LoaderArgs) {
  const access = await caseAccess(args);
  const viewer = { userId: access.user.id, relation: access.relation };
  const caseId = access.caseRow.id;
  if (access.relation === "STUDENT") {
    return { ...(await loadStudentDiagnostics(caseId, viewer)), caseId, viewerId: viewer.userId, editing: null };
  }
  const url = new URL(args.request.url);
  const staff = await loadStaffDiagnostics(caseId, viewer, url.searchParams.get("attempt"));
  const edit = url.searchParams.get("edit");
  const editing = staff.findings.some((f) => f.id === edit && f.canManage) ? edit : null;
  return { ...staff, grid: reportGrid(staff.exam), caseId, viewerId: viewer.userId, editing };
}

export async function action(args: Route.ActionArgs) {
  const access = await caseAccess(args);
  if (access.relation === "STUDENT") forbidden("Your tutor records the diagnosis; you can read what is shared with you.");
  const { id: caseId, schoolId } = access.caseRow;
  const examId = access.caseRow.exam as ExamId;
  const actor = { userId: access.user.id, relation: access.relation };
  const back = `/cases/${caseId}/diagnostics`;
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");

  if (intent === "report") {
    const submission = parseWithZod(formData, { schema: reportEntrySchema(examId) });
    if (submission.status !== "success") return reply({ intent, submission });
    const version = z.coerce.number().int().min(1).safeParse(formData.get("expectedVersion"));
    const result = await saveScoreReport({
      caseId,
      schoolId,
      actorId: actor.userId,
      form: submission.value,
      expectedVersion: version.success ? version.data : null,
    });
    // A stale report shows in the form; a closed case beside it.
    if (!result.ok) return reply({ intent, submission, messageIn: result.code === "CLOSED" ? "error" : "form" }, result);
    return redirectWithToast(`${back}?attempt=${encodeURIComponent(submission.value.attemptId)}`, {
      title: result.created ? "Score report saved" : "Score report updated",
    });
  }

  if (intent === "add-finding") {
    const submission = parseWithZod(formData, { schema: findingSchema(examId) });
    if (submission.status !== "success") return reply({ intent, submission });
    const result = await createFinding({ caseId, schoolId, actorId: actor.userId, form: submission.value });
    if (!result.ok) return reply({ intent, submission }, result);
    return redirectWithToast(`${back}#findings-heading`, { title: "Finding recorded" });
  }

  if (intent === "edit-finding" || intent === "delete-finding") {
    const { rowId: findingId, expectedVersion } = rowRef(formData, "findingId");
    if (intent === "delete-finding") {
      const result = await deleteFinding({ caseId, schoolId, findingId, actor, expectedVersion });
      if (!result.ok) return reply({ intent, rowId: findingId }, result);
      return redirectWithToast(back, { title: "Finding removed" });
    }

    const submission = parseWithZod(formData, { schema: findingSchema(examId) });
    if (submission.status !== "success") return reply({ intent, rowId: findingId, submission });
    const result = await updateFinding({ caseId, schoolId, findingId, actor, form: submission.value, expectedVersion });
    if (!result.ok) return reply({ intent, rowId: findingId, submission }, result);
    return redirectWithToast(`${back}#finding-${findingId}`, { title: result.changed ? "Finding updated" : "Nothing changed" });
  }

  notUnderstood();
}

export default function Diagnostics({ loaderData, actionData }: Route.ComponentProps) {
  if (loaderData.view === "STUDENT") {
    return <StudentDiagnostics characterSummary={loaderData.characterSummary} report={loaderData.report} findings={loaderData.findings} />;
  }
  const { exam, grid, closed, attempts, selected, previous, findings, presentOnly, analysis, caseId, editing, viewerId } = loaderData;
  const base = `/cases/${caseId}/diagnostics`;
  const { forIntent, editResult, rowError, editingId, pageError } = rowActionState(
    actionData,
    { edit: "edit-finding", remove: "delete-finding" },
    findings,
    editing,
  );
  const reportValues = selected
    ? (() => {
        const initial = initialReportValues(exam, selected.id, selected.report);
        const submitted = forIntent("report")?.result?.initialValue;
        return submitted ? submittedReportValues(exam, submitted, initial) : initial;
      })()
    : null;
  // A new set of findings (one was added) starts a fresh, empty form; a refused one keeps what was typed.
  const findingsKey = findings.map((f) => `${f.id}:${f.version}`).join(",");
  return (
    <div className="space-y-4">
      <ClosedCaseError closed={closed} error={pageError} />
      <nav aria-label="On this page" className="text-sm">
        <ul className="flex flex-wrap gap-4">
          <li>
            <a href="#analysis-heading">Analysis</a>
          </li>
          <li>
            <a href="#findings-heading">Findings ({findings.length})</a>
          </li>
          <li>
            <a href="#report-heading">Score report{selected?.report ? "" : " (not entered yet)"}</a>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="analysis-heading" className="card">
        <h2 id="analysis-heading">Analysis</h2>
        <p className="hint">
          {selected?.report
            ? `From the score report of ${formatDate(selected.takenOn)} and the findings you can read.`
            : "From the findings you can read; enter the score report to complete it."}
        </p>
        <div className="mt-3">
          <AnalysisPanel analysis={analysis} hasReport={Boolean(selected?.report)} previousTakenOn={previous?.takenOn ?? null} />
        </div>
      </section>

      <section aria-labelledby="findings-heading" className="card">
        <h2 id="findings-heading">Findings</h2>
        {presentOnly > 0 ? (
          <p className="mt-1 text-sm text-slate-700">
            {presentOnly === 1 ? "One sensitive finding is" : `${presentOnly} sensitive findings are`} present but not shared with you.
          </p>
        ) : null}
        <FindingsList
          exam={exam}
          findings={findings}
          editing={closed ? null : editingId}
          editResult={editResult}
          rowError={rowError}
          viewerId={viewerId}
          baseHref={base}
        />
        {closed ? null : (
          <div className="mt-4 border-t border-slate-200 pt-3">
            <h3>Add a finding</h3>
            <div className="mt-2">
              <FindingForm
                key={findingsKey}
                exam={exam}
                lastResult={forIntent("add-finding")?.result}
                error={forIntent("add-finding")?.error}
              />
            </div>
          </div>
        )}
      </section>
      <section aria-labelledby="report-heading" className="card">
        <h2 id="report-heading">Score report</h2>
        {attempts.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No failed attempt is recorded on this case, so there is no report to enter.</p>
        ) : (
          <>
            {attempts.length > 1 ? (
              <nav aria-label="Failed attempts" className="mt-2 flex flex-wrap items-baseline gap-3 text-sm">
                <span className="font-medium">Failed attempts:</span>
                <ul className="flex flex-wrap gap-3">
                  {attempts.map((a) => (
                    <li key={a.id}>
                      <Link to={`${base}?attempt=${a.id}`} aria-current={a.id === selected?.id ? "page" : undefined}>
                        {formatDate(a.takenOn)}
                      </Link>{" "}
                      <span className="text-slate-600">({a.report ? "report entered" : "no report yet"})</span>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {selected && reportValues ? (
              closed ? (
                <ReadOnlyReport grid={grid} report={selected.report} />
              ) : (
                <div className="mt-3">
                  <ScoreReportForm
                    key={`${selected.id}:${selected.report?.version ?? 0}`}
                    exam={exam}
                    grid={grid}
                    values={reportValues}
                    expectedVersion={selected.report?.version ?? null}
                    lastResult={forIntent("report")?.result}
                    attemptLabel={
                      selected.report
                        ? `Report of the attempt on ${formatDate(selected.takenOn)}, last saved ${formatDay(selected.report.updatedAt)}${selected.report.enteredByName ? ` by ${selected.report.enteredByName}` : ""}.`
                        : `New report for the attempt on ${formatDate(selected.takenOn)}.`
                    }
                  />
                </div>
              )
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
