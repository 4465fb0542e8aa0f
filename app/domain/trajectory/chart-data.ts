/**
 * Data for the trajectory charts: one chart per scale family so a
 * percent scale and a three-digit scale never share an axis (docs/domain.md §4.1),
 * each with its series, passing reference, milestones, exam date, projections,
 * a text summary and a table alternative that the server renders.
 */
import { formatDate, type IsoDate } from "#app/domain/dates";
import {
  type ExamId,
  type InstrumentId,
  instrument,
  isPassFailOnly,
  passingStandardOn,
  RETAKE_GUIDANCE,
  SCALE_FAMILIES,
  SCALE_FAMILY_LABELS,
  type ScaleFamily,
} from "#app/domain/reference";
import { plural } from "#app/domain/text";
import {
  formatRange,
  formatScore,
  type LowPassBand,
  latestLowPassBand,
  likelyRange,
  type MilestoneEntry,
  type PracticeExamEntry,
  printsLowPassBand,
  type ScoreRange,
  scaleUnit,
  sortByDate,
} from "./practice";
import { type Projection, projectSeries } from "./projection";

export interface ChartPoint {
  id: string;
  takenOn: IsoDate;
  score: number;
  form: string | null;
  /** The likely range printed around the score (CBSSA ± 4), clamped to the scale. */
  likelyRange: ScoreRange | null;
}

export interface ChartSeries {
  instrumentId: InstrumentId;
  label: string;
  points: ChartPoint[];
  /** Null when there is no exam date to project to. */
  projection: Projection | null;
  /** "CBSSA: projected 71%, 80% range 66–76%, on 14 Mar 2027". */
  summary: string;
}

/** The exam's three-digit minimum in force on the reference date. */
export interface PassingStandardReference {
  kind: "PASSING_STANDARD";
  exam: ExamId;
  score: number;
  effectiveFrom: IsoDate;
  /** The date whose standard applies: the exam date, or today when none is set. */
  onDate: IsoDate;
  /** The exam itself reports pass/fail only (Step 1): the standard is a comparison line. */
  passFailOnly: boolean;
}

export interface LowPassBandReference extends LowPassBand {
  kind: "LOW_PASS_BAND";
}

export type PassingReference = PassingStandardReference | LowPassBandReference;

interface TableRow {
  id: string;
  takenOn: IsoDate;
  /** "14 Mar 2027". */
  date: string;
  instrumentId: InstrumentId;
  instrument: string;
  form: string;
  score: number;
  scoreLabel: string;
  likelyRange: ScoreRange | null;
  /** "67–75%", or "" when the instrument prints none. */
  likelyRangeLabel: string;
}

export interface ChartTable {
  caption: string;
  columns: readonly ["Date", "Instrument", "Form", "Score", "Likely range"];
  rows: TableRow[];
}

export interface TrajectoryChart {
  scaleFamily: ScaleFamily;
  title: string;
  unit: string;
  scaleMin: number;
  scaleMax: number;
  series: ChartSeries[];
  passingReference: PassingReference | null;
  milestones: MilestoneEntry[];
  examDate: IsoDate | null;
  yDomain: [number, number];
  summary: string;
  table: ChartTable;
}

interface TrajectoryChartInput {
  exam: ExamId;
  /** The target exam date; null while the case has none. */
  examDate: IsoDate | null;
  /** Used for the passing standard when no exam date is set. */
  today: IsoDate;
  practiceExams: readonly PracticeExamEntry[];
  milestones: readonly MilestoneEntry[];
  /** Projection settings; default to RETAKE_GUIDANCE (schools may pass their own). */
  confidence?: number;
  minPoints?: number;
}

const TABLE_COLUMNS = ["Date", "Instrument", "Form", "Score", "Likely range"] as const;

/** One chart per scale family present, in the reference order of families. */
export function buildTrajectoryCharts(input: TrajectoryChartInput): TrajectoryChart[] {
  const families = new Set(input.practiceExams.map((e) => instrument(e.instrumentId).scaleFamily));
  return SCALE_FAMILIES.filter((f) => families.has(f)).map((family) => buildChart(family, input));
}

/** The chart for one scale family: only instruments on that scale, by construction. */
function buildChart(family: ScaleFamily, input: TrajectoryChartInput): TrajectoryChart {
  const entries = sortByDate(input.practiceExams.filter((e) => instrument(e.instrumentId).scaleFamily === family));
  const instrumentIds = [...new Set(entries.map((e) => e.instrumentId))];
  const scaleMin = Math.min(...instrumentIds.map((id) => instrument(id).scaleMin));
  const scaleMax = Math.max(...instrumentIds.map((id) => instrument(id).scaleMax));

  const series = instrumentIds.map((id) => buildSeries(id, entries, input));
  const passingReference = passingReferenceFor(family, entries, input);
  const summaryParts = series.map((s) => s.summary);
  if (passingReference) summaryParts.push(describeReference(passingReference, family));

  return {
    scaleFamily: family,
    title: SCALE_FAMILY_LABELS[family],
    unit: scaleUnit(family),
    scaleMin,
    scaleMax,
    series,
    passingReference,
    milestones: input.milestones.filter((m) => m.instrumentId === null || instrument(m.instrumentId).scaleFamily === family),
    examDate: input.examDate,
    yDomain: yDomain(series, passingReference, scaleMin, scaleMax),
    summary: summaryParts.join("; "),
    table: {
      caption: `${SCALE_FAMILY_LABELS[family]}: practice exam scores`,
      columns: TABLE_COLUMNS,
      rows: entries.map((e) => tableRow(e, family)),
    },
  };
}

function buildSeries(id: InstrumentId, entries: readonly PracticeExamEntry[], input: TrajectoryChartInput): ChartSeries {
  const info = instrument(id);
  const points: ChartPoint[] = entries
    .filter((e) => e.instrumentId === id)
    .map((e) => ({ id: e.id, takenOn: e.takenOn, score: e.score, form: e.form, likelyRange: likelyRange(id, e.score) }));
  const projection =
    input.examDate === null
      ? null
      : projectSeries(points, {
          targetDate: input.examDate,
          scaleMin: info.scaleMin,
          scaleMax: info.scaleMax,
          confidence: input.confidence ?? RETAKE_GUIDANCE.projectionConfidence,
          minPoints: input.minPoints ?? RETAKE_GUIDANCE.projectionMinPoints,
        });
  return {
    instrumentId: id,
    label: info.shortName,
    points,
    projection,
    summary: `${info.shortName}: ${describeProjection(projection, points, info.scaleFamily)}`,
  };
}

/**
 * Three-digit charts compare with the exam's standard in force on the target
 * exam date (not on each point's date: the student sits the exam under that
 * standard). Percent charts with a CBSSA compare with the low-pass band.
 */
function passingReferenceFor(
  family: ScaleFamily,
  entries: readonly PracticeExamEntry[],
  input: Pick<TrajectoryChartInput, "exam" | "examDate" | "today">,
): PassingReference | null {
  if (family === "THREE_DIGIT") {
    const onDate = input.examDate ?? input.today;
    const standard = passingStandardOn(input.exam, onDate);
    if (!standard) return null;
    return {
      kind: "PASSING_STANDARD",
      exam: input.exam,
      score: standard.minScore,
      effectiveFrom: standard.effectiveFrom,
      onDate,
      passFailOnly: isPassFailOnly(input.exam, onDate),
    };
  }
  const bandInstrument = entries.map((e) => e.instrumentId).find(printsLowPassBand);
  if (!bandInstrument) return null;
  const band = latestLowPassBand(entries, bandInstrument);
  return band ? { kind: "LOW_PASS_BAND", ...band } : null;
}

/** "projected 71%, 80% range 66–76%, on 14 Mar 2027" or "not enough data to project (2 scores)". */
export function describeProjection(projection: Projection | null, points: readonly { takenOn: IsoDate }[], family: ScaleFamily): string {
  if (projection === null) return `${plural(points.length, "score")}; no exam date to project to`;
  if (projection.kind === "NOT_ENOUGH_DATA") {
    const sameDay = projection.reason === "SAME_DATE" && points.length > 0 ? `, all on ${formatDate(points[0].takenOn)}` : "";
    return `not enough data to project (${plural(projection.points, "score")}${sameDay})`;
  }
  const percent = Math.round(projection.confidence * 100);
  return `projected ${formatScore(projection.projected, family)}, ${percent}% range ${formatRange(projection, family)}, on ${formatDate(projection.targetDate)}`;
}

/** "low-pass band 62–68%" or "passing 218", with the caveats a reader needs. */
export function describeReference(reference: PassingReference, family: ScaleFamily): string {
  if (reference.kind === "PASSING_STANDARD") {
    return `passing ${formatScore(reference.score, family)}${reference.passFailOnly ? " (the exam reports pass/fail only)" : ""}`;
  }
  return `low-pass band ${formatRange(reference, family)}${reference.isDefault ? " (typical band; none recorded from a report)" : ""}`;
}

function tableRow(entry: PracticeExamEntry, family: ScaleFamily): TableRow {
  const range = likelyRange(entry.instrumentId, entry.score);
  return {
    id: entry.id,
    takenOn: entry.takenOn,
    date: formatDate(entry.takenOn),
    instrumentId: entry.instrumentId,
    instrument: instrument(entry.instrumentId).shortName,
    form: entry.form ?? "",
    score: entry.score,
    scoreLabel: formatScore(entry.score, family),
    likelyRange: range,
    likelyRangeLabel: range ? formatRange(range, family) : "",
  };
}

/** Gridline step that suits the scale's span (5 on 0–100, 10 on 1–300, 50 on 10–800). */
function gridStep(scaleMin: number, scaleMax: number): number {
  const span = scaleMax - scaleMin;
  if (span <= 100) return 5;
  if (span <= 300) return 10;
  return 50;
}

/**
 * A y-axis that shows every point, likely range, interval and reference line
 * with one gridline of room, snapped to the grid and kept on the scale.
 */
export function yDomain(
  series: readonly ChartSeries[],
  reference: PassingReference | null,
  scaleMin: number,
  scaleMax: number,
): [number, number] {
  const values: number[] = [];
  for (const s of series) {
    for (const p of s.points) {
      values.push(p.score);
      if (p.likelyRange) values.push(p.likelyRange.low, p.likelyRange.high);
    }
    if (s.projection?.kind === "PROJECTED") values.push(s.projection.low, s.projection.high);
  }
  if (reference?.kind === "PASSING_STANDARD") values.push(reference.score);
  if (reference?.kind === "LOW_PASS_BAND") values.push(reference.low, reference.high);
  if (values.length === 0) return [scaleMin, scaleMax];
  const step = gridStep(scaleMin, scaleMax);
  const low = Math.floor(Math.min(...values) / step) * step - step;
  const high = Math.ceil(Math.max(...values) / step) * step + step;
  return [Math.max(scaleMin, low), Math.min(scaleMax, high)];
}
