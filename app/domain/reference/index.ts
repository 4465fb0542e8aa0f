/**
 * Reference data: the one place exam facts live (docs/domain.md). The same rows are
 * written into the database by migration SQL generated from these modules
 * (`npm run db:reference-sql`), and a test keeps the two identical (ADR 0005).
 */
import type { IsoDate } from "#app/domain/dates";
import { CONTENT_AREA_ALIASES, CONTENT_AREAS, type ContentArea, type Dimension } from "./content-areas";
import {
  ATTEMPT_RULE_SETS,
  type AttemptRuleSet,
  EXAM_FORMATS,
  EXAMS,
  type ExamFormat,
  type ExamId,
  type ExamInfo,
  PASSING_STANDARDS,
  type PassingStandard,
  RETAKE_EXAM_IDS,
  type RetakeExamId,
} from "./exams";
import { INSTRUMENT_IDS, type InstrumentId, PRACTICE_INSTRUMENTS, type PracticeInstrument, type ScaleFamily } from "./instruments";

export * from "./content-areas";
export * from "./exams";
export * from "./guidance";
export * from "./instruments";
export * from "./sources";

export function examInfo(exam: ExamId): ExamInfo {
  const info = EXAMS.find((e) => e.id === exam);
  if (!info) throw new RangeError(`Unknown exam ${exam}`);
  return info;
}

export function examLabel(exam: ExamId): string {
  return examInfo(exam).label;
}

/**
 * Whether a retake of the exam is possible at all: a discontinued exam (Step 2 CS)
 * stays on the record and counts toward the attempt limit, but opens no retake
 * case and has no attempts left (docs/domain.md §3.1).
 */
export function isRetakeExam(exam: ExamId): exam is RetakeExamId {
  return (RETAKE_EXAM_IDS as readonly string[]).includes(exam);
}

/** Whether an attempt on `date` is reported as pass/fail only (no three-digit score). */
export function isPassFailOnly(exam: ExamId, date: IsoDate): boolean {
  const from = examInfo(exam).passFailOnlyFrom;
  return from !== null && date >= from;
}

function latestEffective<T extends { effectiveFrom: IsoDate }>(rows: readonly T[], date: IsoDate): T | null {
  let best: T | null = null;
  for (const row of rows) {
    if (row.effectiveFrom <= date && (best === null || row.effectiveFrom > best.effectiveFrom)) best = row;
  }
  return best;
}

/** The passing standard in force for an exam taken on `date`, or null before the first known one. */
export function passingStandardOn(exam: ExamId, date: IsoDate): PassingStandard | null {
  return latestEffective(
    PASSING_STANDARDS.filter((s) => s.exam === exam),
    date,
  );
}

export function attemptRulesOn(date: IsoDate): AttemptRuleSet {
  const rules = latestEffective(ATTEMPT_RULE_SETS, date);
  return rules ?? ATTEMPT_RULE_SETS[0];
}

/** The current attempt rules (the newest rule set). */
export function currentAttemptRules(): AttemptRuleSet {
  return ATTEMPT_RULE_SETS.reduce((a, b) => (b.effectiveFrom > a.effectiveFrom ? b : a));
}

export function examFormatOn(exam: ExamId, date: IsoDate): ExamFormat {
  const format = latestEffective(
    EXAM_FORMATS.filter((f) => f.exam === exam),
    date,
  );
  if (!format) throw new RangeError(`No format for ${exam} on ${date}`);
  return format;
}

export function contentAreasFor(exam: ExamId, options: { includeLegacy?: boolean } = {}): ContentArea[] {
  return CONTENT_AREAS.filter((a) => a.exam === exam && (options.includeLegacy || !a.legacy));
}

export function contentAreasByDimension(exam: ExamId, options: { includeLegacy?: boolean } = {}): Map<Dimension, ContentArea[]> {
  const map = new Map<Dimension, ContentArea[]>();
  for (const area of contentAreasFor(exam, options)) {
    const list = map.get(area.dimension) ?? [];
    list.push(area);
    map.set(area.dimension, list);
  }
  return map;
}

export function contentArea(id: string): ContentArea | undefined {
  return CONTENT_AREAS.find((a) => a.id === id);
}

const normalizeLabel = (label: string) =>
  label
    .toLowerCase()
    .replace(/\band\b/g, "&")
    .replace(/[^a-z0-9&/]+/g, " ")
    .trim();

/**
 * Maps a label as printed on a report to its canonical areas: an exact or
 * near-exact canonical name, else a known alias. Empty when unknown.
 */
export function resolveAreaLabel(exam: ExamId, label: string): ContentArea[] {
  const wanted = normalizeLabel(label);
  if (!wanted) return [];
  const direct = contentAreasFor(exam, { includeLegacy: true }).filter((a) => normalizeLabel(a.name) === wanted);
  if (direct.length > 0) return direct;
  const alias = CONTENT_AREA_ALIASES.find((a) => a.exam === exam && normalizeLabel(a.label) === wanted);
  if (!alias) return [];
  return alias.areaIds.map((id) => {
    const area = contentArea(id);
    if (!area) throw new Error(`Alias ${alias.label} names unknown area ${id}`);
    return area;
  });
}

/** Midpoint of the outline weight, or null when no weight is known. */
export function areaWeight(area: ContentArea): number | null {
  if (area.weightMin === null || area.weightMax === null) return null;
  return (area.weightMin + area.weightMax) / 2;
}

export function instrument(id: InstrumentId): PracticeInstrument {
  const found = PRACTICE_INSTRUMENTS.find((i) => i.id === id);
  if (!found) throw new RangeError(`Unknown instrument ${id}`);
  return found;
}

/** Whether the instrument's scores inform readiness for `exam` (it targets that exam). */
export function instrumentInforms(id: InstrumentId, exam: ExamId): boolean {
  return instrument(id).targetExams.includes(exam);
}

/** Instruments whose scores inform readiness for `exam`. */
export function instrumentsFor(exam: ExamId): PracticeInstrument[] {
  return PRACTICE_INSTRUMENTS.filter((i) => instrumentInforms(i.id, exam));
}

/** Ids of the instruments reported on one scale family, in reference order. */
export function instrumentsOnScale(family: ScaleFamily): InstrumentId[] {
  return INSTRUMENT_IDS.filter((id) => instrument(id).scaleFamily === family);
}

/** Active form names of an instrument for an exam. */
export function activeForms(id: InstrumentId, exam: ExamId | null = null): string[] {
  return instrument(id)
    .forms.filter((f) => f.active && (exam === null || f.exam === null || f.exam === exam))
    .map((f) => f.name);
}
