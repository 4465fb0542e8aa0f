import { formatDate, formatDay } from "#app/domain/dates";
import type { DecisionRow } from "#app/domain/decision/queries.server";

/** The decisions recorded on the case, newest first as loaded. */
export function DecisionHistory({ decisions }: { decisions: DecisionRow[] }) {
  return (
    <section aria-labelledby="decisions-heading" className="card">
      <h2 id="decisions-heading">Decisions so far</h2>
      {decisions.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No decision recorded yet.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {decisions.map((x) => (
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
  );
}
