/**
 * The drawing of a dashboard bar chart (Recharts 3). Loaded lazily by
 * BarChartPanel once the page is hydrated, so pages without a chart, and a
 * chart page's first paint, carry no chart code (figures in bench/README.md).
 */
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { PatternId } from "#app/components/charts/palette";
import type { BarChartSpec, BarSeries } from "./bar-chart-panel";

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

export default function BarChartDrawing({ id, title, description, data, xKey, series, stacked = false, unit = "", yLabel }: BarChartSpec) {
  return (
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
  );
}
