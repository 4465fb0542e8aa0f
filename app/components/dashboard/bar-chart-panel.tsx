import { lazy, Suspense } from "react";
import type { PatternId } from "#app/components/charts/palette";
import { TableHead } from "#app/components/table-head";
import { useHydrated } from "#app/utils/use-hydrated";

export interface BarSeries {
  key: string;
  label: string;
  color: string;
  /** A texture over the colour, so series never differ by colour alone (charts/palette.ts). */
  pattern?: PatternId;
}

/** The chart code (Recharts) is fetched only when a chart is drawn, after hydration. */
const BarChartDrawing = lazy(() => import("./bar-chart"));

function ChartPlaceholder({ text }: { text: string }) {
  return (
    <p className="flex h-full items-center justify-center rounded-md border border-dashed border-slate-300 text-sm text-slate-600">
      {text}
    </p>
  );
}

/**
 * A dashboard chart (Recharts 3, drawn once the page is hydrated) with its
 * table alternative always rendered on the server, so every figure can be read
 * without the drawing.
 */
/** What a bar chart draws: the drawing's own props (bar-chart.tsx). */
export interface BarChartSpec {
  id: string;
  title: string;
  description: string;
  data: ReadonlyArray<Record<string, string | number | null>>;
  xKey: string;
  series: readonly BarSeries[];
  stacked?: boolean;
  unit?: string;
  /** What the vertical axis measures, written beside it. */
  yLabel?: string;
}

export function BarChartPanel({
  table,
  ...chart
}: BarChartSpec & {
  table: { columns: string[]; rows: Array<Array<string | number>>; caption: string };
}) {
  const { id, title, description, data } = chart;
  const hydrated = useHydrated();
  return (
    <section aria-labelledby={`${id}-heading`} className="card space-y-3">
      <h2 id={`${id}-heading`}>{title}</h2>
      <p id={`${id}-desc`} className="text-sm text-slate-700">
        {description}
      </p>
      <div className="h-64 w-full">
        {hydrated && data.length > 0 ? (
          <Suspense fallback={<ChartPlaceholder text="The chart is loading; the table below has the same figures." />}>
            <BarChartDrawing {...chart} />
          </Suspense>
        ) : (
          <ChartPlaceholder
            text={data.length === 0 ? "No data yet." : "The chart draws when the page has loaded; the table below has the same figures."}
          />
        )}
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than its card (long names) scrolls; keyboard users need to reach it (axe: scrollable-region-focusable) */}
      <section className="overflow-x-auto" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="data-table">
          <caption id={`${id}-caption`} className="mb-1 text-left text-sm text-slate-700">
            {table.caption}
          </caption>
          <TableHead columns={table.columns} />
          <tbody>
            {table.rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, i) => (
                  <td key={`${String(row[0])}-${table.columns[i]}`}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
