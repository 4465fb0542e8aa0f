import { Link } from "react-router";
import { formatDate } from "#app/domain/dates";
import type { DiagnosisSummaryData } from "#app/domain/diagnostics/summary";

/**
 * The diagnosis in brief, for the case overview. Feed it
 * `loadDiagnosisSummary(caseId, viewer)` from
 * app/domain/diagnostics/queries.server.ts: it is already filtered for the
 * viewer (a student gets their own words and no staff figures).
 */
export function DiagnosisSummary({ summary, headingLevel = 2 }: { summary: DiagnosisSummaryData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const staff = summary.audience === "STAFF";
  const headingId = `diagnosis-summary-${summary.caseId}`;
  return (
    <section aria-labelledby={headingId} className="card">
      <Heading id={headingId}>{staff ? "Diagnosis" : "What your results show"}</Heading>
      {staff ? (
        <>
          <p className="mt-2 text-sm">
            <span className="font-medium">{summary.character.label}.</span> {summary.character.text}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {summary.report
              ? `Report of ${formatDate(summary.report.takenOn)}: ${summary.report.lower} of ${summary.report.reported} areas Lower.`
              : "No score report entered yet."}{" "}
            {summary.findings.shown === 1 ? "1 finding" : `${summary.findings.shown} findings`} recorded
            {summary.findings.presentOnly ? `, and ${summary.findings.presentOnly} more not shared with you` : ""}.
          </p>
          {summary.magnitude ? <p className="mt-1 text-sm text-slate-700">{summary.magnitude}</p> : null}
          {summary.persisting.length ? (
            <p className="mt-1 text-sm font-medium text-red-900">Still Lower after a retake: {summary.persisting.join(", ")}.</p>
          ) : summary.comparison ? (
            <p className="mt-1 text-sm text-slate-700">{summary.comparison}</p>
          ) : null}
        </>
      ) : (
        <p className="mt-2 text-sm">{summary.character.text}</p>
      )}
      {summary.focus.length ? (
        <p className="mt-1 text-sm">
          {staff ? "Weakest areas: " : "Where your plan starts: "}
          {summary.focus.join(", ")}.
        </p>
      ) : null}
      <p className="mt-2 text-sm">
        <Link to={summary.href}>{staff ? "Open the diagnostics" : "Read more about your diagnosis"}</Link>
      </p>
    </section>
  );
}
