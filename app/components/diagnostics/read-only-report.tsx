import { ScrollRegion } from "#app/components/scroll-region";
import { TableHead } from "#app/components/table-head";
import type { GridDimension } from "#app/domain/diagnostics/report-form";
import type { Band } from "#app/domain/vocabulary";
import { BandBadge } from "./analysis-panel";

/** A closed case's report: what was entered, no form. */
export function ReadOnlyReport({
  grid,
  report,
}: {
  grid: GridDimension[];
  report: { areas: { contentAreaId: string; band: Band; printedLabel: string | null }[] } | null;
}) {
  if (!report) return <p className="mt-2 text-sm text-slate-700">No report was entered for this attempt.</p>;
  const byId = new Map(report.areas.map((a) => [a.contentAreaId, a]));
  return (
    <div className="mt-2 space-y-3">
      <p className="text-sm text-slate-700">This case is closed; its report can no longer change.</p>
      {grid.map((d) => {
        const rows = d.areas.filter((a) => byId.has(a.id));
        if (rows.length === 0) return null;
        return (
          <ScrollRegion key={d.dimension}>
            <table className="data-table">
              <caption className="py-1 text-left font-semibold">{d.label}</caption>
              <TableHead columns={["Area", "Band", "Label as printed"]} />
              <tbody>
                {rows.map((a) => (
                  <tr key={a.id}>
                    <th scope="row" className="font-normal">
                      {a.name}
                    </th>
                    <td>
                      <BandBadge band={byId.get(a.id)?.band ?? null} />
                    </td>
                    <td>{byId.get(a.id)?.printedLabel ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        );
      })}
    </div>
  );
}
