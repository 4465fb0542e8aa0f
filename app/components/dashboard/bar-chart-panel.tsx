import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { useHydrated } from "../../utils/use-hydrated";
import type { PatternId } from "../charts/palette";

export interface BarSeries {
  key: string;
  label: string;
  color: string;
  /** A texture over the colour, so series never differ by colour alone (charts/palette.ts). */
  pattern?: PatternId;
}

/** The texture of each pattern, drawn in white over the series colour in a 8×8 tile. */
const PATTERN_PATHS: Record<Exclude<PatternId, "solid">, string> = {
  diagonal: "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4",
  dots: "M2,2 h1.5 v1.5 h-1.5 z M6,6 h1.5 v1.5 h-1.5 z",
  horizontal: "M0,2 h8 M0,6 h8",
  crosshatch: "M0,0 l8,8 M8,0 l-8,8",
  vertical: "M2,0 v8 M6,0 v8",
};

const patternId = (chartId: string, key: string) => `${chartId}-${key}-pattern`;

function fillOf(chartId: string, series: BarSeries): string {
  return series.pattern && series.pattern !== "solid" ? `url(#${patternId(chartId, series.key)})` : series.color;
}

function PatternDefs({ chartId, series }: { chartId: string; series: readonly BarSeries[] }) {
  return (
    <defs>
      {series.map((s) =>
        s.pattern && s.pattern !== "solid" ? (
          <pattern key={s.key} id={patternId(chartId, s.key)} width={8} height={8} patternUnits="userSpaceOnUse">
            <rect width={8} height={8} fill={s.color} />
            <path d={PATTERN_PATHS[s.pattern]} stroke="#ffffff" strokeWidth={1.5} fill="#ffffff" />
          </pattern>
        ) : null,
      )}
    </defs>
  );
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
  yLabel,
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
  /** What the vertical axis measures, written beside it. */
  yLabel?: string;
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
            <PatternDefs chartId={id} series={series} />
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis dataKey={xKey} stroke="#475569" fontSize={12} />
            <YAxis
              stroke="#475569"
              fontSize={12}
              tickFormatter={(v: number) => `${v}${unit}`}
              width={yLabel ? 64 : 48}
              allowDecimals={!stacked}
              label={yLabel ? { value: yLabel, angle: -90, position: "insideLeft", fontSize: 11, fill: "#334155", dy: 60 } : undefined}
            />
            <Tooltip />
            <Legend />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={fillOf(id, s)}
                stroke="#1e293b"
                strokeWidth={0.5}
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
