import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { useHydrated } from "../../utils/use-hydrated";

export interface BarSeries {
  key: string;
  label: string;
  color: string;
}

/**
 * A dashboard chart (Recharts 3, drawn once the page is hydrated) with its
 * table alternative always rendered on the server, so every figure can be read
 * without the drawing.
 */
export function BarChartPanel({
  id,
  title,
  description,
  data,
  xKey,
  series,
  stacked = false,
  unit = "",
  table,
}: {
  id: string;
  title: string;
  description: string;
  data: ReadonlyArray<Record<string, string | number | null>>;
  xKey: string;
  series: readonly BarSeries[];
  stacked?: boolean;
  unit?: string;
  table: { columns: string[]; rows: Array<Array<string | number>>; caption: string };
}) {
  const hydrated = useHydrated();
  return (
    <section aria-labelledby={`${id}-heading`} className="card space-y-3">
      <h2 id={`${id}-heading`}>{title}</h2>
      <p id={`${id}-desc`} className="text-sm text-slate-700">
        {description}
      </p>
      <div className="h-64 w-full">
        {hydrated && data.length > 0 ? (
          <BarChart
            responsive
            data={[...data]}
            style={{ width: "100%", height: "100%" }}
            title={title}
            desc={description}
            aria-describedby={`${id}-desc`}
          >
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis dataKey={xKey} stroke="#475569" fontSize={12} />
            <YAxis stroke="#475569" fontSize={12} tickFormatter={(v: number) => `${v}${unit}`} width={48} allowDecimals={!stacked} />
            <Tooltip />
            <Legend />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.color}
                stackId={stacked ? "stack" : undefined}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        ) : (
          <p className="flex h-full items-center justify-center rounded-md border border-dashed border-slate-300 text-sm text-slate-600">
            {data.length === 0 ? "No data yet." : "The chart draws when the page has loaded; the table below has the same figures."}
          </p>
        )}
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than its card (long names) scrolls; keyboard users need to reach it (axe: scrollable-region-focusable) */}
      <section className="overflow-x-auto" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="data-table">
          <caption id={`${id}-caption`} className="mb-1 text-left text-sm text-slate-700">
            {table.caption}
          </caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
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
