import { ScrollRegion } from "#app/components/scroll-region";
import { TableHead } from "#app/components/table-head";
import { formatDate } from "#app/domain/dates";
import { examLabel } from "#app/domain/reference";
import { ordinal } from "#app/domain/text";
import { ATTEMPT_OUTCOME_LABELS } from "#app/domain/vocabulary";
import type { CaseOverviewData } from "./overview-data";

const outcomeTone = { PASS: "text-emerald-800", FAIL: "text-red-800", INCOMPLETE: "text-amber-800" } as const;

/** The case's attempts, with how many the USMLE and the school still allow. */
export function AttemptHistory({
  exam,
  attempts,
  examSummary,
  ineligible,
  schoolAttemptLimit,
}: {
  exam: CaseOverviewData["caseRow"]["exam"];
  attempts: CaseOverviewData["attempts"];
  examSummary: CaseOverviewData["examSummary"];
  ineligible: CaseOverviewData["ineligible"];
  schoolAttemptLimit: CaseOverviewData["policy"]["schoolAttemptLimit"];
}) {
  return (
    <section aria-labelledby="attempts-heading" className="card">
      <h2 id="attempts-heading">Attempt history</h2>
      {ineligible.ineligible ? (
        <p className="mt-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950">{ineligible.reason}</p>
      ) : null}
      {examSummary.retakeable ? (
        <p className="mt-2 text-sm text-slate-700">
          {examLabel(exam)}: {examSummary.attemptsUsed} {examSummary.attemptsUsed === 1 ? "attempt" : "attempts"} used,{" "}
          {examSummary.usmleAttemptsLeft} left under USMLE rules
          {examSummary.schoolAttemptsLeft !== null
            ? ` and ${examSummary.schoolAttemptsLeft} under this school's limit of ${schoolAttemptLimit}`
            : ""}
          .{examSummary.nextIsLastChance && !examSummary.passed ? " The next attempt is the last one." : ""}
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-700">
          {examLabel(exam)} was discontinued: its {examSummary.attemptsUsed === 1 ? "attempt stays" : "attempts stay"} on the record and{" "}
          {examSummary.attemptsUsed === 1 ? "counts" : "count"} toward the attempt limit, but it cannot be taken again.
        </p>
      )}
      <ScrollRegion className="mt-3">
        <table className="data-table">
          <TableHead columns={["Attempt", "Exam", "Date", "Result", "Score"]} />
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
  );
}
