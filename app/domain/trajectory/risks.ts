/**
 * Trajectory risk flags , each with its reason in words so the
 * caseload and the case overview can say *why* a case is at risk. Thresholds
 * come from RETAKE_GUIDANCE unless the school passes its own.
 *
 * Boundaries (tested): a gap of exactly `practiceGapDays` is flagged; a
 * milestone exactly `milestoneGraceDays` past is not yet missed (it must be
 * more than that), and a practice exam exactly `milestoneGraceDays` from it
 * fulfils it; the gate flag starts exactly `gateDeadlineDaysBeforeExam` days
 * before the exam.
 */
import { daysBetween, formatDate, type IsoDate } from "#app/domain/dates";
import { type ExamId, instrument, RETAKE_GUIDANCE, type ScaleFamily } from "#app/domain/reference";
import { plural } from "#app/domain/text";
import type { CaseStatus } from "#app/domain/vocabulary";
import { buildTrajectoryCharts, type ChartSeries, type PassingReference, type TrajectoryChart } from "./chart-data";
import { formatRange, formatScore, likelyRange, type MilestoneEntry, type PracticeExamEntry, sortByDate } from "./practice";
import {
  CBSSA_SCENARIO_GUIDANCE,
  type CbssaScenario,
  classifyCbssa,
  evaluateReadiness,
  type ReadinessGate,
  type ReadinessResult,
  readinessGateSchema,
} from "./readiness";

export const TRAJECTORY_RISK_CODES = [
  "PROJECTION_BELOW_PASSING",
  "LATEST_BELOW_PASSING",
  "PRACTICE_GAP",
  "MILESTONE_MISSED",
  "GATE_UNMET_NEAR_EXAM",
] as const;
export type TrajectoryRiskCode = (typeof TRAJECTORY_RISK_CODES)[number];

export const TRAJECTORY_RISK_LABELS: Record<TrajectoryRiskCode, string> = {
  PROJECTION_BELOW_PASSING: "Projected below passing",
  LATEST_BELOW_PASSING: "Latest score below passing, too few for a trend",
  PRACTICE_GAP: "No recent practice exam",
  MILESTONE_MISSED: "Milestone missed",
  GATE_UNMET_NEAR_EXAM: "Readiness gate unmet near the exam",
};

/** 1 = watch, 2 = act, 3 = act now. */
export type RiskSeverity = 1 | 2 | 3;

export interface TrajectoryRisk {
  code: TrajectoryRiskCode;
  severity: RiskSeverity;
  /** Why, with the numbers. */
  reason: string;
  /**
   * What raised it: "projection:<instrumentId>", "latest:<instrumentId>", "practice-exams",
   * "milestone:<uid>" or "readiness-gate".
   */
  source: string;
}

/** The thresholds these rules read (RETAKE_GUIDANCE or the school's overrides). */
export interface RiskThresholds {
  practiceGapDays: number;
  milestoneGraceDays: number;
  gateDeadlineDaysBeforeExam: number;
  projectionConfidence: number;
  projectionMinPoints: number;
}

export interface TrajectoryRiskInput {
  status: CaseStatus;
  exam: ExamId;
  examDate: IsoDate | null;
  today: IsoDate;
  practiceExams: readonly PracticeExamEntry[];
  milestones: readonly MilestoneEntry[];
  /** When the plan became active: measures the gap before any practice exam is logged. */
  activeSince?: IsoDate | null;
  /** Precomputed charts (else built from the inputs). */
  charts?: readonly TrajectoryChart[];
  /** Precomputed readiness (else evaluated with `gate`, or the default gate). */
  readiness?: ReadinessResult;
  gate?: ReadinessGate;
  thresholds?: RiskThresholds;
}

/** Statuses in which the plan is running, so practice exams are expected. */
const PLAN_RUNNING: readonly CaseStatus[] = ["ACTIVE", "READY"];

export function trajectoryRisks(input: TrajectoryRiskInput): TrajectoryRisk[] {
  if (input.status === "CLOSED") return [];
  const thresholds = input.thresholds ?? RETAKE_GUIDANCE;
  const risks = [
    ...projectionRisks(input, thresholds),
    ...latestScoreRisks(input, thresholds),
    ...practiceGapRisks(input, thresholds),
    ...milestoneRisks(input, thresholds),
    ...gateRisks(input, thresholds),
  ];
  return risks.sort((a, b) => b.severity - a.severity || TRAJECTORY_RISK_CODES.indexOf(a.code) - TRAJECTORY_RISK_CODES.indexOf(b.code));
}

// ---------------------------------------------------------------------------

const CBSSA_SEVERITY: Record<CbssaScenario, RiskSeverity | null> = {
  BELOW: 3,
  PARTLY_BELOW: 2,
  WITHIN_OR_JUST_ABOVE: 1,
  ABOVE: null,
};

/** How a likely range stands against the low-pass band, in each scenario. */
const CBSSA_RANGE_AGAINST_BAND: Record<CbssaScenario, string> = {
  BELOW: "lies below",
  PARTLY_BELOW: "is partly below",
  WITHIN_OR_JUST_ABOVE: "overlaps",
  ABOVE: "is above",
};

/** "the low-pass band 62–68% (typical band)": the band a CBSSA range is judged against, and whether it is the default one. */
function lowPassBandText(reference: Extract<PassingReference, { kind: "LOW_PASS_BAND" }>, family: ScaleFamily): string {
  return `the low-pass band ${formatRange(reference, family)}${reference.isDefault ? " (typical band)" : ""}`;
}

/** The trajectory charts the rules read: the caller's, or built here with the thresholds' projection settings. */
function chartsOf(input: TrajectoryRiskInput, thresholds: RiskThresholds) {
  return (
    input.charts ??
    buildTrajectoryCharts({
      exam: input.exam,
      examDate: input.examDate,
      today: input.today,
      practiceExams: input.practiceExams,
      milestones: input.milestones,
      confidence: thresholds.projectionConfidence,
      minPoints: thresholds.projectionMinPoints,
    })
  );
}

/**
 * A series projected to the exam date against its chart's passing reference,
 * judged on the whole-point projection people see. Three-digit: the projection
 * below the standard (3 when even the interval's top is below). CBSSA: NBME's
 * scenario for the projected score's likely range against the low-pass band
 * (below 3, partly below 2, within or just above 1; entirely above: no flag).
 */
function projectionRisks(input: TrajectoryRiskInput, thresholds: RiskThresholds): TrajectoryRisk[] {
  if (input.examDate === null || input.today > input.examDate) return [];
  const charts = chartsOf(input, thresholds);
  const risks: TrajectoryRisk[] = [];
  for (const chart of charts) {
    if (!chart.passingReference) continue;
    for (const series of chart.series) {
      const risk = seriesRisk(series, chart.passingReference, chart);
      if (risk) risks.push(risk);
    }
  }
  return risks;
}

function seriesRisk(series: ChartSeries, reference: PassingReference, chart: TrajectoryChart): TrajectoryRisk | null {
  const p = series.projection;
  if (p?.kind !== "PROJECTED") return null;
  const family = chart.scaleFamily;
  const percent = Math.round(p.confidence * 100);
  const projectedText = `${series.label} projected ${formatScore(p.projected, family)} on ${formatDate(p.targetDate)} (${percent}% range ${formatRange(p, family)})`;
  const source = `projection:${series.instrumentId}`;

  // Judge the whole-point projection people see, so a flag never contradicts its own text.
  const projected = Math.round(p.projected);
  if (reference.kind === "PASSING_STANDARD") {
    if (projected >= reference.score) return null;
    const below = reference.score - projected;
    return {
      code: "PROJECTION_BELOW_PASSING",
      severity: p.high < reference.score ? 3 : 2,
      reason: `${projectedText}: ${plural(below, "point")} below passing ${reference.score}${p.high < reference.score ? "; even the top of the range is below it" : ""}`,
      source,
    };
  }

  // Only the instrument whose report prints the band is judged against it.
  if (reference.instrumentId !== series.instrumentId) return null;
  const scenario = classifyCbssa(projected, reference, series.instrumentId);
  const severity = CBSSA_SEVERITY[scenario];
  const range = likelyRange(series.instrumentId, projected);
  if (severity === null || !range) return null;
  return {
    code: "PROJECTION_BELOW_PASSING",
    severity,
    reason: `${projectedText}: the projected likely range ${formatRange(range, family)} ${CBSSA_RANGE_AGAINST_BAND[scenario]} ${lowPassBandText(reference, family)}. ${CBSSA_SCENARIO_GUIDANCE[scenario]}`,
    source,
  };
}

/**
 * A series with too few scores for a trend (no projection: fewer than
 * `projectionMinPoints`, or no exam date to project to) is judged by its
 * latest score, so a student at 53% and falling under a 62–68% band never
 * reads as "no risk". Three-digit: the latest below the standard (severity 2,
 * 3 when it also fell). CBSSA: NBME's scenario for the latest likely range
 * against the low-pass band, with the projection's severities.
 */
function latestScoreRisks(input: TrajectoryRiskInput, thresholds: RiskThresholds): TrajectoryRisk[] {
  const charts = chartsOf(input, thresholds);
  const risks: TrajectoryRisk[] = [];
  for (const chart of charts) {
    if (!chart.passingReference) continue;
    for (const series of chart.series) {
      // A projection is judged by projectionRisks.
      if (series.projection?.kind === "PROJECTED") continue;
      const risk = latestRisk(series, chart.passingReference, chart, input.today, thresholds);
      if (risk) risks.push(risk);
    }
  }
  return risks;
}

function latestRisk(
  series: ChartSeries,
  reference: PassingReference,
  chart: TrajectoryChart,
  today: IsoDate,
  thresholds: RiskThresholds,
): TrajectoryRisk | null {
  const points = series.points.filter((p) => p.takenOn <= today);
  const latest = points.at(-1);
  if (!latest) return null;
  const family = chart.scaleFamily;
  const previous = points.at(-2);
  const falling = previous !== undefined && latest.score < previous.score;
  const few =
    points.length < thresholds.projectionMinPoints
      ? `Too few ${series.label} scores for a trend (${points.length} of the ${thresholds.projectionMinPoints} a projection needs)`
      : `No projection of ${series.label} (${series.projection === null ? "no exam date set" : "every score on one date"})`;
  const trend = falling && previous ? `, down from ${formatScore(previous.score, family)} on ${formatDate(previous.takenOn)}` : "";
  const what = `the latest, ${formatScore(latest.score, family)} on ${formatDate(latest.takenOn)}${trend}`;
  const source = `latest:${series.instrumentId}`;

  if (reference.kind === "PASSING_STANDARD") {
    if (latest.score >= reference.score) return null;
    return {
      code: "LATEST_BELOW_PASSING",
      severity: falling ? 3 : 2,
      reason: `${few}: ${what}, is ${plural(reference.score - latest.score, "point")} below passing ${reference.score}`,
      source,
    };
  }
  if (reference.instrumentId !== series.instrumentId) return null;
  const scenario = classifyCbssa(latest.score, reference, series.instrumentId);
  const severity = CBSSA_SEVERITY[scenario];
  const range = latest.likelyRange ?? likelyRange(series.instrumentId, latest.score);
  if (severity === null || !range) return null;
  return {
    code: "LATEST_BELOW_PASSING",
    severity,
    reason:
      `${few}: ${what}, has its likely range ${formatRange(range, family)}, which ${CBSSA_RANGE_AGAINST_BAND[scenario]} ` +
      `${lowPassBandText(reference, family)}. ${CBSSA_SCENARIO_GUIDANCE[scenario]}`,
    source,
  };
}

/** No practice exam for `practiceGapDays` or more while the plan is running (3 at twice the gap). */
function practiceGapRisks(input: TrajectoryRiskInput, thresholds: RiskThresholds): TrajectoryRisk[] {
  if (!PLAN_RUNNING.includes(input.status)) return [];
  const gap = thresholds.practiceGapDays;
  const latest = sortByDate(input.practiceExams.filter((e) => e.takenOn <= input.today)).at(-1);
  const expect = `the plan expects one at least every ${plural(gap, "day")}`;
  if (latest) {
    const days = daysBetween(latest.takenOn, input.today);
    if (days < gap) return [];
    return [
      {
        code: "PRACTICE_GAP",
        severity: days >= 2 * gap ? 3 : 2,
        reason: `No practice exam for ${plural(days, "day")} (the last: ${instrument(latest.instrumentId).shortName} on ${formatDate(latest.takenOn)}); ${expect}`,
        source: "practice-exams",
      },
    ];
  }
  if (!input.activeSince) return [];
  const days = daysBetween(input.activeSince, input.today);
  if (days < gap) return [];
  return [
    {
      code: "PRACTICE_GAP",
      severity: days >= 2 * gap ? 3 : 2,
      reason: `No practice exam logged in the ${plural(days, "day")} since the plan started on ${formatDate(input.activeSince)}; ${expect}`,
      source: "practice-exams",
    },
  ];
}

/**
 * Whether a practice exam fulfils the milestone: one linked to it, or one (of
 * its instrument, when it names one) taken within ± `graceDays` of its date.
 * Pass only the exams taken by the day in question.
 */
export function milestoneFulfilled(
  milestone: Pick<MilestoneEntry, "uid" | "dueOn" | "instrumentId">,
  taken: readonly Pick<PracticeExamEntry, "instrumentId" | "takenOn" | "milestoneUid">[],
  graceDays: number,
): boolean {
  return taken.some(
    (e) =>
      e.milestoneUid === milestone.uid ||
      ((milestone.instrumentId === null || e.instrumentId === milestone.instrumentId) &&
        Math.abs(daysBetween(milestone.dueOn, e.takenOn)) <= graceDays),
  );
}

/**
 * A milestone more than `milestoneGraceDays` past with no practice exam linked
 * to it or taken within ± `milestoneGraceDays` of it (of its instrument, when
 * the milestone names one).
 */
function milestoneRisks(input: TrajectoryRiskInput, thresholds: RiskThresholds): TrajectoryRisk[] {
  if (!PLAN_RUNNING.includes(input.status)) return [];
  const grace = thresholds.milestoneGraceDays;
  const taken = input.practiceExams.filter((e) => e.takenOn <= input.today);
  const risks: TrajectoryRisk[] = [];
  for (const m of input.milestones) {
    const daysPast = daysBetween(m.dueOn, input.today);
    if (daysPast <= grace) continue;
    if (milestoneFulfilled(m, taken, grace)) continue;
    const what = m.instrumentId ? instrument(m.instrumentId).shortName : "practice exam";
    risks.push({
      code: "MILESTONE_MISSED",
      severity: 2,
      reason: `Milestone "${m.label}" was due on ${formatDate(m.dueOn)} (${plural(daysPast, "day")} ago) and no ${what} was logged within ${plural(grace, "day")} of it`,
      source: `milestone:${m.uid}`,
    });
  }
  return risks;
}

/** The gate unmet once the exam is `gateDeadlineDaysBeforeExam` days away or closer. */
function gateRisks(input: TrajectoryRiskInput, thresholds: RiskThresholds): TrajectoryRisk[] {
  if (input.examDate === null) return [];
  const daysToExam = daysBetween(input.today, input.examDate);
  if (daysToExam < 0 || daysToExam > thresholds.gateDeadlineDaysBeforeExam) return [];
  const readiness =
    input.readiness ??
    evaluateReadiness({
      exam: input.exam,
      examDate: input.examDate,
      today: input.today,
      practiceExams: input.practiceExams,
      gate: input.gate ?? readinessGateSchema.parse({}),
    });
  if (!readiness.applicable || readiness.met) return [];
  const when = daysToExam === 0 ? "on the exam day" : `${plural(daysToExam, "day")} before the exam on ${formatDate(input.examDate)}`;
  const unmet = readiness.rules.filter((r) => !r.met).map((r) => r.detail);
  return [
    {
      code: "GATE_UNMET_NEAR_EXAM",
      severity: 3,
      reason: `The readiness gate is not met ${when}: ${unmet.join("; ")}`,
      source: "readiness-gate",
    },
  ];
}
