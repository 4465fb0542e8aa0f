/**
 * The trajectory chart itself (Recharts 3): one scale family per chart, a
 * line per instrument with its likely range, the passing reference (a line for
 * a three-digit standard, a shaded band for the CBSSA low-pass band), the plan
 * milestones, the exam date and the dashed trend to the exam date with its 80%
 * interval. Recharts measures its box in the browser, so this draws only after
 * hydration; TrajectoryPanel renders the text summary and the table on the server.
 */
import { useMemo } from "react";
import { Area, CartesianGrid, ComposedChart, ErrorBar, Legend, Line, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay } from "#app/domain/dates";
import type { TrajectoryChart as TrajectoryChartData } from "#app/domain/trajectory/chart-data";
import { MILESTONE_KINDS, type MilestoneKind } from "#app/domain/vocabulary";
import { scoreRows, seriesKeys, shortDate, toX, trendRows, xDomain, xTicks } from "./trajectory-rows";

/** Series colours with at least 4.5:1 contrast on white; shapes and the table carry the same facts. */
const SERIES_COLORS = ["#1d5fbf", "#b45309", "#047857", "#7c3aed"] as const;
const REFERENCE_COLOR = "#b91c1c";
const MILESTONE_COLOR = "#475569";

const MILESTONE_SHORT: Record<MilestoneKind, string> = { BASELINE: "Baseline", MIDPOINT: "Midpoint", FINAL: "Final", CUSTOM: "Milestone" };

/** The chart's milestones carry their kind as text (MilestoneEntry.kind); an unknown one is just a "Milestone". */
const isMilestoneKind = (kind: string): kind is MilestoneKind => (MILESTONE_KINDS as readonly string[]).includes(kind);

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function TrajectoryChart({ chart, descriptionId }: { chart: TrajectoryChartData; descriptionId?: string }) {
  const rows = useMemo(() => scoreRows(chart), [chart]);
  const trends = useMemo(() => chart.series.map((_, i) => trendRows(chart, i)), [chart]);
  const domain = useMemo(() => xDomain(chart), [chart]);
  const ticks = useMemo(() => xTicks(domain), [domain]);
  const unit = chart.unit;
  const reference = chart.passingReference;

  return (
    <ComposedChart
      responsive
      data={rows}
      style={{ width: "100%", height: "100%" }}
      margin={{ top: 24, right: 24, bottom: 4, left: 4 }}
      title={`${chart.title} trajectory`}
      desc={chart.summary}
      aria-describedby={descriptionId}
    >
      <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
      <XAxis
        dataKey="x"
        type="number"
        scale="time"
        domain={domain}
        ticks={ticks}
        tickFormatter={shortDate}
        allowDataOverflow
        stroke="#475569"
        fontSize={12}
      />
      <YAxis
        domain={chart.yDomain}
        allowDataOverflow
        tickFormatter={(v: number) => `${v}${unit}`}
        width={52}
        stroke="#475569"
        fontSize={12}
      />
      {reference?.kind === "LOW_PASS_BAND" ? (
        <ReferenceArea
          y1={reference.low}
          y2={reference.high}
          fill="#f59e0b"
          fillOpacity={0.2}
          stroke="#b45309"
          strokeOpacity={0.4}
          label={{
            value: `Low-pass band ${reference.low}–${reference.high}${unit}`,
            position: "insideBottomLeft",
            fontSize: 11,
            fill: "#78350f",
          }}
        />
      ) : null}
      {reference?.kind === "PASSING_STANDARD" ? (
        <ReferenceLine
          y={reference.score}
          stroke={REFERENCE_COLOR}
          strokeWidth={1.5}
          label={{ value: `Passing ${reference.score}`, position: "insideBottomLeft", fontSize: 11, fill: REFERENCE_COLOR }}
        />
      ) : null}
      {chart.milestones.map((m) => (
        <ReferenceLine
          key={m.uid}
          x={toX(m.dueOn)}
          stroke={MILESTONE_COLOR}
          strokeDasharray="2 4"
          label={{
            value: isMilestoneKind(m.kind) ? MILESTONE_SHORT[m.kind] : "Milestone",
            position: "insideTopLeft",
            fontSize: 11,
            fill: MILESTONE_COLOR,
          }}
        />
      ))}
      {chart.examDate ? (
        <ReferenceLine
          x={toX(chart.examDate)}
          stroke="#0f172a"
          strokeWidth={2}
          label={{ value: `Exam ${shortDate(toX(chart.examDate))}`, position: "top", fontSize: 12, fill: "#0f172a" }}
        />
      ) : null}
      {chart.series.map((s, i) => {
        const color = SERIES_COLORS[i % SERIES_COLORS.length];
        const keys = seriesKeys(i);
        const hasRange = s.points.some((p) => p.likelyRange !== null);
        const trend = trends[i];
        return [
          trend.length > 0 ? (
            <Area
              key={`${keys.interval}-area`}
              data={trend}
              dataKey="interval"
              name={`${s.label} 80% range at the exam`}
              stroke="none"
              fill={color}
              fillOpacity={0.15}
              legendType="none"
              tooltipType="none"
              isAnimationActive={false}
              activeDot={false}
            />
          ) : null,
          trend.length > 0 ? (
            <Line
              key={`${keys.trend}-line`}
              data={trend}
              dataKey="trend"
              name={`${s.label} projection`}
              stroke={color}
              strokeWidth={2}
              strokeDasharray="6 4"
              dot={false}
              activeDot={false}
              legendType="plainline"
              tooltipType="none"
              isAnimationActive={false}
            />
          ) : null,
          <Line
            key={`${keys.score}-line`}
            dataKey={keys.score}
            name={s.label}
            stroke={color}
            strokeWidth={2}
            dot={{ r: 4, fill: color, stroke: "#fff", strokeWidth: 1 }}
            connectNulls
            isAnimationActive={false}
          >
            {hasRange ? <ErrorBar dataKey={keys.error} width={6} stroke={color} strokeOpacity={0.7} /> : null}
          </Line>,
        ];
      })}
      <Tooltip
        labelFormatter={(x) => (typeof x === "number" ? formatDay(new Date(x)) : String(x))}
        formatter={(value, name) => [
          Array.isArray(value) ? value.map((v) => `${round(Number(v))}${unit}`).join("–") : `${round(Number(value))}${unit}`,
          name,
        ]}
      />
      <Legend wrapperStyle={{ fontSize: 13 }} />
    </ComposedChart>
  );
}
