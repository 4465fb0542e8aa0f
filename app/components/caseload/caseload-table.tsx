import { Link } from "react-router";
import { ReadinessBadge, RiskBadge, StatusBadge } from "#app/components/badges";
import { ScrollRegion } from "#app/components/scroll-region";
import {
  CASELOAD_COLUMNS,
  type CaseloadColumnId,
  type CaseloadParams,
  caseloadSearch,
  nextSort,
  type SortKey,
} from "#app/domain/cases/caseload";
import type { CaseloadRow } from "#app/domain/cases/caseload.server";
import { examLabel } from "#app/domain/reference";

const label = (id: CaseloadColumnId) => CASELOAD_COLUMNS.find((c) => c.id === id)?.label ?? id;

function Trend({ perWeek, unit }: { perWeek: number | null; unit: string }) {
  if (perWeek === null) return null;
  const rounded = Math.round(perWeek * 10) / 10;
  if (Math.abs(rounded) < 0.5) return <span className="text-slate-600"> → flat</span>;
  const up = rounded > 0;
  return (
    <span className={up ? "text-emerald-800" : "text-red-800"}>
      {" "}
      {up ? "↑" : "↓"} {up ? "+" : ""}
      {rounded}
      {unit}/wk
    </span>
  );
}

const dash = <span className="text-slate-500">—</span>;

/** How each column draws a row's cell; the header is the column's label (CASELOAD_COLUMNS). */
const CELLS: Record<CaseloadColumnId, (row: CaseloadRow) => React.ReactNode> = {
  student: (row) => (
    <div>
      <Link to={`/cases/${row.id}`} className="font-medium">
        {row.studentName}
      </Link>
      <div className="text-xs text-slate-600">{row.studentEmail}</div>
    </div>
  ),
  exam: (row) => examLabel(row.exam),
  status: (row) => <StatusBadge status={row.status} outcome={row.outcome} />,
  tutor: (row) => row.tutorName ?? <span className="text-slate-600">Unassigned</span>,
  attempts: (row) => (
    <span className="whitespace-nowrap">
      {row.attemptsUsed} used · {row.attemptsLeft ?? "—"} left
    </span>
  ),
  daysToExam: ({ daysToExam: days }) => {
    if (days === null) return dash;
    if (days < 0) return <span className="text-slate-600">exam passed</span>;
    return <span className={days <= 14 ? "font-semibold" : undefined}>{days}</span>;
  },
  practice: ({ practice: p }) => {
    if (!p) return dash;
    return (
      <span className="whitespace-nowrap">
        {p.instrument} {Math.round(p.score)}
        {p.unit}
        <Trend perWeek={p.trendPerWeek} unit={p.unit === "%" ? " pts" : ""} />
      </span>
    );
  },
  readiness: ({ readinessMet: met }) => (met === null ? dash : <ReadinessBadge met={met} />),
  risk: (row) => <RiskBadge level={row.riskLevel} />,
  escalations: ({ openEscalations: open }) =>
    open > 0 ? <span className="badge bg-red-100 text-red-900">{open} open</span> : <span className="text-slate-600">0</span>,
  lastContact: (row) => (row.daysSinceContact === null ? dash : row.daysSinceContact),
};

/**
 * The caseload as a server-driven table: sorting, filtering, paging and the
 * choice of columns are URL state answered by the server, so the sort headers
 * are plain links that work without JavaScript and the table is drawn straight
 * from the rows, without a client-side table model (ADR 0027).
 */
export function CaseloadTable({
  rows,
  params,
  hidden,
}: {
  rows: CaseloadRow[];
  params: CaseloadParams;
  hidden: readonly CaseloadColumnId[];
}) {
  const columns = CASELOAD_COLUMNS.filter((c) => !hidden.includes(c.id));
  return (
    <ScrollRegion>
      <table className="data-table">
        <caption className="sr-only">
          Cases, sorted by {label(params.sort as CaseloadColumnId)} {params.dir === "asc" ? "ascending" : "descending"}
        </caption>
        <thead>
          <tr>
            {columns.map(({ id, label: text }) => {
              const sorted = params.sort === id ? params.dir : null;
              return (
                <th key={id} scope="col" aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                  <Link
                    to={caseloadSearch(params, nextSort(params, id as SortKey))}
                    className="inline-flex items-center gap-1 text-slate-900 no-underline hover:underline"
                    preventScrollReset
                  >
                    {text}
                    <span aria-hidden="true" className="text-slate-500">
                      {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                    </span>
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map(({ id }) => (
                <td key={id}>{CELLS[id](row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
