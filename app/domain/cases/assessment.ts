/**
 * A case's derived picture, computed from its facts in one pure function:
 * trajectory charts and projections, the readiness gate, the risk flags with
 * their reasons and level, and the latest practice score with its trend.
 * The case page shows it; the caseload stores a summary of it on the case row.
 */
import { daysBetween, type IsoDate } from "#app/domain/dates";
import { type AttemptComparison, compareAttemptReports } from "#app/domain/diagnostics/analysis";
import type { ExamId, InstrumentId } from "#app/domain/reference";
import { instrument, instrumentInforms } from "#app/domain/reference";
import { assessRisk, RISK_RANK, type RiskAssessment } from "#app/domain/risk/engine";
import type { SessionFact } from "#app/domain/sessions/schema";
import type { SchoolSettings } from "#app/domain/settings/settings";
import { buildTrajectoryCharts, type TrajectoryChart } from "#app/domain/trajectory/chart-data";
import { passingDistance } from "#app/domain/trajectory/distance";
import { type MilestoneEntry, type PracticeExamEntry, sortByDate } from "#app/domain/trajectory/practice";
import { leastSquares } from "#app/domain/trajectory/projection";
import { evaluateReadiness, type ReadinessResult } from "#app/domain/trajectory/readiness";
import { trajectoryRisks } from "#app/domain/trajectory/risks";
import type { AttemptOutcome, Band, CaseStatus, ReferenceGroup } from "#app/domain/vocabulary";

export interface CaseAssessmentInput {
  status: CaseStatus;
  exam: ExamId;
  targetExamDate: IsoDate | null;
  today: IsoDate;
  attempts: ReadonlyArray<{ exam: ExamId; takenOn: IsoDate; outcome: AttemptOutcome }>;
  practiceExams: readonly PracticeExamEntry[];
  milestones: readonly MilestoneEntry[];
  /** When the plan started (the current version's start date). */
  activeSince: IsoDate | null;
  settings: SchoolSettings;
  /** Score reports of this exam, oldest first. */
  reports: ReadonlyArray<{ areas: ReadonlyArray<{ areaId: string; band: Band; referenceGroup: ReferenceGroup }> }>;
  studentIneligible: boolean;
  /** Sessions held (kind and date), for the no-show rule. */
  sessions?: readonly SessionFact[];
}

export interface LatestPractice {
  instrumentId: InstrumentId;
  score: number;
  on: IsoDate;
  /** Points per week over the instrument's series (least squares), null with fewer than two dates. */
  trendPerWeek: number | null;
  /** Above (+) or below (-) passing in the scale's standard errors; null without a passing line (docs/decisions/0024). */
  distance: number | null;
}

export interface CaseAssessment {
  charts: TrajectoryChart[];
  readiness: ReadinessResult;
  risk: RiskAssessment;
  riskRank: number;
  comparison: AttemptComparison | null;
  latestPractice: LatestPractice | null;
}

/** Slope in points per week through a series (least squares), null below two points or with every point on one date. */
export function trendPerWeek(points: ReadonlyArray<{ takenOn: IsoDate; score: number }>): number | null {
  if (points.length < 2) return null;
  const origin = points[0].takenOn;
  const fit = leastSquares(points.map((p) => ({ x: daysBetween(origin, p.takenOn), y: p.score })));
  return fit ? fit.slope * 7 : null;
}

/**
 * The latest score on an instrument that informs this exam, preferring
 * predictive instruments, with the trend of that instrument's series. "Latest"
 * is the trajectory's order (date, then id), so the caseload names the same
 * exam as the chart and the readiness gate.
 */
export function latestPractice(
  exam: ExamId,
  practiceExams: readonly PracticeExamEntry[],
  context: { examDate: IsoDate | null; today: IsoDate } | null = null,
): LatestPractice | null {
  const relevant = practiceExams.filter((p) => instrumentInforms(p.instrumentId, exam));
  const predictive = relevant.filter((p) => instrument(p.instrumentId).predictive);
  const pool = sortByDate(predictive.length ? predictive : relevant);
  const last = pool.at(-1);
  if (!last) return null;
  const series = pool.filter((p) => p.instrumentId === last.instrumentId);
  return {
    instrumentId: last.instrumentId,
    score: last.score,
    on: last.takenOn,
    trendPerWeek: trendPerWeek(series),
    distance: context ? passingDistance(last, { exam, ...context }) : null,
  };
}

export function assessCase(input: CaseAssessmentInput): CaseAssessment {
  const charts = buildTrajectoryCharts({
    exam: input.exam,
    examDate: input.targetExamDate,
    today: input.today,
    practiceExams: input.practiceExams,
    milestones: input.milestones,
  });
  const readiness = evaluateReadiness({
    exam: input.exam,
    examDate: input.targetExamDate,
    today: input.today,
    practiceExams: input.practiceExams,
    gate: input.settings.readinessGate,
  });
  const trajectoryFlags = trajectoryRisks({
    status: input.status,
    exam: input.exam,
    examDate: input.targetExamDate,
    today: input.today,
    practiceExams: input.practiceExams,
    milestones: input.milestones,
    activeSince: input.activeSince,
    charts,
    readiness,
    gate: input.settings.readinessGate,
  });
  const [previous, latest] = input.reports.slice(-2);
  const comparison = input.reports.length >= 2 ? compareAttemptReports(input.exam, latest.areas, previous.areas) : null;
  const risk = assessRisk({
    status: input.status,
    exam: input.exam,
    attempts: input.attempts,
    schoolAttemptLimit: input.settings.schoolAttemptLimit,
    targetExamDate: input.targetExamDate,
    today: input.today,
    trajectoryFlags,
    persistingWeakAreas: comparison?.persistingWeakAreas.map((a) => a.name) ?? [],
    policyLadder: input.settings.policyLadder,
    studentIneligible: input.studentIneligible,
    sessions: input.sessions ?? [],
  });
  return {
    charts,
    readiness,
    risk,
    riskRank: risk.level ? RISK_RANK[risk.level] : 0,
    comparison,
    latestPractice: latestPractice(input.exam, input.practiceExams, { examDate: input.targetExamDate, today: input.today }),
  };
}
