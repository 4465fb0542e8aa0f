/**
 * Shaping the office dashboard's aggregates for charts and their tables:
 * months without closures still appear, rates carry the number behind them,
 * and medians are labelled with how many students they rest on.
 */
import { addMonths, type IsoDate, MONTH_NAMES } from "../dates";
import { CASE_OUTCOMES, type CaseOutcome } from "../vocabulary";

/** Fewer students than this behind a figure: read it with care. */
export const SMALL_GROUP = 5;

export function lastMonths(today: IsoDate, count: number): string[] {
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) months.push(addMonths(`${today.slice(0, 7)}-01`, -i).slice(0, 7));
  return months;
}

export function outcomesByMonth(rows: ReadonlyArray<{ month: string; outcome: CaseOutcome; count: number }>, months: readonly string[]) {
  return months.map((month) => {
    const row: Record<string, number | string> = { month };
    for (const outcome of CASE_OUTCOMES) row[outcome] = rows.find((r) => r.month === month && r.outcome === outcome)?.count ?? 0;
    return row as { month: string } & Record<CaseOutcome, number>;
  });
}

export function passRate(passed: number, total: number): number | null {
  return total === 0 ? null : Math.round((1000 * passed) / total) / 10;
}

/** Median of numbers (mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${MONTH_NAMES[m - 1]} ${String(y).slice(2)}`;
}
