import { columnVisibilityFeature, createColumnHelper, rowSortingFeature, tableFeatures, useTable } from "@tanstack/react-table";
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

const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
const helper = createColumnHelper<typeof features, CaseloadRow>();
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

const columns = helper.columns([
  helper.accessor("studentName", {
    id: "student",
    header: () => label("student"),
    cell: (info) => (
      <div>
        <Link to={`/cases/${info.row.original.id}`} className="font-medium">
          {info.getValue()}
        </Link>
        <div className="text-xs text-slate-600">{info.row.original.studentEmail}</div>
      </div>
    ),
  }),
  helper.accessor("exam", { id: "exam", header: () => label("exam"), cell: (info) => examLabel(info.getValue()) }),
  helper.accessor("status", {
    id: "status",
    header: () => label("status"),
    cell: (info) => <StatusBadge status={info.getValue()} outcome={info.row.original.outcome} />,
  }),
  helper.accessor("tutorName", {
    id: "tutor",
    header: () => label("tutor"),
    cell: (info) => info.getValue() ?? <span className="text-slate-600">Unassigned</span>,
  }),
  helper.accessor("attemptsUsed", {
    id: "attempts",
    header: () => label("attempts"),
    cell: (info) => (
      <span className="whitespace-nowrap">
        {info.getValue()} used · {info.row.original.attemptsLeft ?? "—"} left
      </span>
    ),
  }),
  helper.accessor("daysToExam", {
    id: "daysToExam",
    header: () => label("daysToExam"),
    cell: (info) => {
      const days = info.getValue();
      if (days === null) return dash;
      if (days < 0) return <span className="text-slate-600">exam passed</span>;
      return <span className={days <= 14 ? "font-semibold" : undefined}>{days}</span>;
    },
  }),
  helper.accessor("practice", {
    id: "practice",
    header: () => label("practice"),
    cell: (info) => {
      const p = info.getValue();
      if (!p) return dash;
      return (
        <span className="whitespace-nowrap">
          {p.instrument} {Math.round(p.score)}
          {p.unit}
          <Trend perWeek={p.trendPerWeek} unit={p.unit === "%" ? " pts" : ""} />
        </span>
      );
    },
  }),
  helper.accessor("readinessMet", {
    id: "readiness",
    header: () => label("readiness"),
    cell: (info) => {
      const met = info.getValue();
      if (met === null) return dash;
      return <ReadinessBadge met={met} />;
    },
  }),
  helper.accessor("riskLevel", { id: "risk", header: () => label("risk"), cell: (info) => <RiskBadge level={info.getValue()} /> }),
  helper.accessor("openEscalations", {
    id: "escalations",
    header: () => label("escalations"),
    cell: (info) =>
      info.getValue() > 0 ? (
        <span className="badge bg-red-100 text-red-900">{info.getValue()} open</span>
      ) : (
        <span className="text-slate-600">0</span>
      ),
  }),
  helper.accessor("daysSinceContact", {
    id: "lastContact",
    header: () => label("lastContact"),
    cell: (info) => (info.getValue() === null ? dash : info.getValue()),
  }),
]);

/**
 * The caseload as a server-driven table: TanStack Table holds the column model,
 * sort and visibility state; sorting, filtering and paging happen on the server,
 * so the sort headers are plain links that work without JavaScript.
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
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    state: {
      sorting: [{ id: params.sort, desc: params.dir === "desc" }],
      columnVisibility: Object.fromEntries(hidden.map((id) => [id, false])),
    },
  });
  return (
    <ScrollRegion>
      <table className="data-table">
        <caption className="sr-only">
          Cases, sorted by {label(params.sort as CaseloadColumnId)} {params.dir === "asc" ? "ascending" : "descending"}
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const id = header.column.id as SortKey;
                const sorted = params.sort === id ? params.dir : null;
                return (
                  <th key={header.id} scope="col" aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                    <Link
                      to={caseloadSearch(params, nextSort(params, id))}
                      className="inline-flex items-center gap-1 text-slate-900 no-underline hover:underline"
                      preventScrollReset
                    >
                      <table.FlexRender header={header} />
                      <span aria-hidden="true" className="text-slate-500">
                        {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                      </span>
                    </Link>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
