/**
 * Shapes one trajectory chart (app/domain/trajectory/chart-data.ts) into the
 * rows Recharts draws: a time axis in milliseconds, one score column per
 * instrument (with its likely-range error bar), and for each projected series
 * a two-point trend from the fitted value at the last score to the projection
 * at the exam date, whose band widens to the 80% interval. Pure, so it is
 * unit-tested without a browser.
 */
import { addDays, daysBetween, formatDate, fromDate, type IsoDate, toUtcDate } from "#app/domain/dates";
import type { TrajectoryChart } from "#app/domain/trajectory/chart-data";

export const DAY_MS = 86_400_000;

/** A calendar date on the chart's time axis (UTC midnight, in ms). */
export const toX = (date: IsoDate): number => toUtcDate(date).getTime();

/** "14 Mar": the axis label of a time-axis value, the same on the server and in every browser. */
export function shortDate(x: number): string {
  return formatDate(fromDate(new Date(x)), false);
}

/** Column names for series `i`. */
export function seriesKeys(i: number) {
  return { score: `s${i}`, error: `e${i}`, trend: `t${i}`, interval: `i${i}` } as const;
}

type RowValue = number | [number, number];
interface ScoreRow {
  x: number;
  [key: string]: RowValue;
}

/** One row per date; scores of different instruments on the same day share a row. */
export function scoreRows(chart: TrajectoryChart): ScoreRow[] {
  const rows: ScoreRow[] = [];
  chart.series.forEach((series, i) => {
    const keys = seriesKeys(i);
    for (const point of series.points) {
      const x = toX(point.takenOn);
      const values: Record<string, RowValue> = { [keys.score]: point.score };
      if (point.likelyRange) values[keys.error] = [point.score - point.likelyRange.low, point.likelyRange.high - point.score];
      // Two forms of one instrument on the same day need two rows, not one overwritten.
      const row = rows.find((r) => r.x === x && !(keys.score in r));
      if (row) Object.assign(row, values);
      else rows.push({ x, ...values });
    }
  });
  return rows.sort((a, b) => a.x - b.x);
}

interface TrendRow {
  x: number;
  trend: number;
  interval: [number, number];
}

/** The dashed trend and its widening interval, or [] when the series has no projection ahead. */
export function trendRows(chart: TrajectoryChart, seriesIndex: number): TrendRow[] {
  const series = chart.series[seriesIndex];
  const projection = series?.projection;
  const last = series?.points.at(-1);
  if (!series || projection?.kind !== "PROJECTED" || !last || last.takenOn >= projection.targetDate) return [];
  const clamp = (v: number) => Math.min(chart.scaleMax, Math.max(chart.scaleMin, v));
  const fitted = clamp(projection.intercept + projection.slopePerDay * daysBetween(projection.originDate, last.takenOn));
  return [
    { x: toX(last.takenOn), trend: fitted, interval: [fitted, fitted] },
    { x: toX(projection.targetDate), trend: projection.projected, interval: [projection.low, projection.high] },
  ];
}

/** The time axis: every score, milestone and the exam date, with a few days of room. */
export function xDomain(chart: TrajectoryChart): [number, number] {
  const dates: IsoDate[] = [
    ...chart.series.flatMap((s) => s.points.map((p) => p.takenOn)),
    ...chart.milestones.map((m) => m.dueOn),
    ...(chart.examDate ? [chart.examDate] : []),
  ].sort();
  if (dates.length === 0) return [0, DAY_MS];
  return [toX(addDays(dates[0], -3)), toX(addDays(dates[dates.length - 1], 3))];
}

/** Ticks a week apart (two or four weeks on long spans), starting at the domain's first day. */
export function xTicks([from, to]: [number, number]): number[] {
  const days = Math.round((to - from) / DAY_MS);
  const step = days <= 84 ? 7 : days <= 182 ? 14 : 28;
  const ticks: number[] = [];
  for (let x = from + 3 * DAY_MS; x <= to; x += step * DAY_MS) ticks.push(x);
  return ticks;
}
