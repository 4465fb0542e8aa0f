/**
 * The student's weekly check-ins for staff, newest first, with a little trend
 * in words (the text is the trend: no chart to read) and the week-on-week
 * change in percent correct on each row.
 */

import { ScrollRegion } from "#app/components/scroll-region";
import type { CheckInRow } from "#app/domain/checkins/queries.server";
import { moodLabel } from "#app/domain/checkins/schema";
import type { CheckInTrend } from "#app/domain/checkins/trend";
import { formatDate } from "#app/domain/dates";

function Delta({ value }: { value: number | null }) {
  if (value === null) return null;
  if (value === 0) return <span className="text-slate-600"> (no change)</span>;
  const up = value > 0;
  return (
    <span className={up ? "text-emerald-800" : "text-red-800"}>
      {" "}
      <span aria-hidden="true">{up ? "▲" : "▼"}</span>
      <span className="sr-only">{up ? "up" : "down"}</span> {Math.abs(value)}
    </span>
  );
}

export function CheckInList({ checkIns, trend, headingId }: { checkIns: CheckInRow[]; trend: CheckInTrend; headingId: string }) {
  return (
    <section aria-labelledby={headingId} id="check-ins" className="card">
      <h2 id={headingId}>Weekly check-ins</h2>
      {checkIns.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No check-ins yet. The student sends one each week from their home page.</p>
      ) : (
        <>
          <ul className="mt-2 list-disc pl-5 text-sm text-slate-800" aria-label="Trend">
            {trend.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <ScrollRegion className="mt-3">
            <table className="data-table">
              <caption className="sr-only">Weekly check-ins, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Week of</th>
                  <th scope="col" className="text-right">
                    Questions
                  </th>
                  <th scope="col" className="text-right">
                    Correct
                  </th>
                  <th scope="col" className="text-right">
                    Hours
                  </th>
                  <th scope="col">Feeling</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {checkIns.map((c) => (
                  <tr key={c.id}>
                    <td className="whitespace-nowrap">{formatDate(c.weekOf)}</td>
                    <td className="text-right tabular-nums">{c.questionsDone}</td>
                    <td className="text-right whitespace-nowrap tabular-nums">
                      {c.percentCorrect}%<Delta value={c.percentDelta} />
                    </td>
                    <td className="text-right tabular-nums">{c.hoursStudied}</td>
                    <td className="whitespace-nowrap">
                      {c.mood} of 5 · {moodLabel(c.mood)}
                    </td>
                    <td className="max-w-md">{c.note ?? <span className="text-slate-600">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
