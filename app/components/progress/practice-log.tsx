/**
 * The practice-exam log of a case: every score on its own scale, with the
 * likely range, the CBSSA report figures, the milestone it fulfils, who logged
 * it, and a link to correct it for those who may.
 */
import { Link } from "react-router";
import { ScrollRegion } from "#app/components/scroll-region";
import { TableHead } from "#app/components/table-head";
import type { PracticeLogRow } from "#app/domain/practice/queries.server";

export function PracticeLog({ rows, canChange, forStudent }: { rows: readonly PracticeLogRow[]; canChange: boolean; forStudent: boolean }) {
  if (rows.length === 0) {
    return (
      <p className="mt-2 text-slate-700">
        {forStudent
          ? "No practice exams yet. When you take one, log the score here: your tutor sees it straight away."
          : "No practice exams logged yet."}
      </p>
    );
  }
  return (
    <ScrollRegion className="mt-3">
      <table className="data-table" data-testid="practice-log">
        <TableHead columns={["Date", "Practice exam", "Score", "Report details", "Milestone", "Logged by"]} actions={canChange} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="whitespace-nowrap">
                <time dateTime={row.takenOn}>{row.date}</time>
              </td>
              <td>
                {row.instrument}
                {row.form ? ` · ${row.form}` : ""}
              </td>
              <td className="whitespace-nowrap">
                <span className="font-medium">{row.scoreLabel}</span>
                {row.likelyRangeLabel ? <span className="block text-xs text-slate-600">likely {row.likelyRangeLabel}</span> : null}
              </td>
              <td className="text-xs text-slate-700">
                {row.passProbability !== null ? <span className="block">Pass probability {row.passProbability}%</span> : null}
                {row.lowPassLow !== null && row.lowPassHigh !== null ? (
                  <span className="block">
                    Low-pass band {row.lowPassLow}–{row.lowPassHigh}%
                  </span>
                ) : null}
                {row.breakdown ? (
                  <details>
                    <summary className="cursor-pointer">By area ({row.breakdown.length})</summary>
                    <ul className="mt-1">
                      {row.breakdown.map((b) => (
                        <li key={b.area}>
                          {b.area}: {b.percent}%
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                {row.passProbability === null && row.lowPassLow === null && !row.breakdown ? "—" : null}
              </td>
              <td className="text-sm">{row.milestoneLabel ?? "—"}</td>
              <td className="text-sm">{row.recordedBy ?? (row.source === "IMPORT" ? "CSV import" : "—")}</td>
              {canChange ? (
                <td>
                  {row.canEdit ? (
                    <Link to={`?edit=${row.id}#practice-form`} aria-label={`Correct the ${row.instrument} of ${row.date}`}>
                      Correct
                    </Link>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
