/**
 * Shaping the office dashboard's aggregates for charts and their tables:
 * months without closures still appear, rates carry the number behind them,
 * and medians are labelled with how many students they rest on.
 */
import { addMonths, type IsoDate, MONTH_NAMES } from "#app/domain/dates";
import { PLAN_TEMPLATES, type PlanTemplateId } from "#app/domain/plans/templates";
import { SCALE_FAMILIES, SCALE_FAMILY_LABELS, type ScaleFamily } from "#app/domain/reference";
import { CASE_OUTCOMES, type CaseOutcome } from "#app/domain/vocabulary";

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

/** A plan template's name as tutors know it; a key no longer in use reads as such, never as the bare key. */
export function templateName(id: string): string {
  return Object.hasOwn(PLAN_TEMPLATES, id) ? PLAN_TEMPLATES[id as PlanTemplateId].label : `A retired template (${id})`;
}

/** What one point of gain per week means on each scale, for axis labels. */
const GAIN_UNITS: Record<ScaleFamily, string> = {
  PERCENT: "percentage points per week",
  THREE_DIGIT: "score points per week",
  ASSESSMENT_800: "score points per week (10–800 scale)",
  CBSE_SCALED: "scaled points per week",
};

interface GainRow {
  group: string;
  family: ScaleFamily;
  median: number;
  students: number;
}

/**
 * Median gains split by scale family, in reference order, one panel each:
 * a percent-correct gain and a three-digit gain are different quantities and
 * never share an axis. Families without rows are left out.
 */
export function gainPanelsByFamily<T extends GainRow>(rows: readonly T[]) {
  return SCALE_FAMILIES.flatMap((family) => {
    const familyRows = rows.filter((r) => r.family === family);
    return familyRows.length === 0 ? [] : [{ family, label: SCALE_FAMILY_LABELS[family], unit: GAIN_UNITS[family], rows: familyRows }];
  });
}
