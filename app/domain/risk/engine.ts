/**
 * The risk engine (docs/product.md workflow step 6): from a case's facts
 * to risk flags, each with its reason in words a tutor reads and the source of
 * the rule, and a risk level derived from the flags.
 *
 * Pure. Every threshold comes from reference data (the USMLE attempt rule set,
 * RETAKE_GUIDANCE, the instruments), from the school's settings (attempt limit,
 * policy ladder) passed in the facts, or from the named constants below.
 *
 * Decisions (each tested at its boundary):
 * - Failure rules count FAIL outcomes on the case's exam only; an incomplete
 *   sitting is not a failure, but it counts as an attempt (docs/domain.md §3.1), so
 *   it shows up in LAST_ATTEMPT and ATTEMPT_LIMIT_REACHED.
 * - Exactly one failure-count flag fires: SECOND_FAILURE at exactly
 *   RETAKE_GUIDANCE.secondFailureCount (2) failures, THIRD_FAILURE at exactly
 *   `thirdFailureCount` (3, while an attempt is left), ATTEMPT_LIMIT_REACHED
 *   once the attempts are used up (a 4th failure under the current rules).
 * - RUSHED_RETAKE: a target date *less than* `rushedRetakeDays` after the latest
 *   failure is rushed; exactly `rushedRetakeDays` (six weeks) is not, matching
 *   RETAKE_GUIDANCE ("a retake sooner than this … is rushed"). After a second
 *   or later failure the line is `rushedLaterRetakeDays` (the 13 weeks that
 *   start the 3–6 months of guidance): six weeks after a second failure is rushed.
 * - TARGET_DATE_SPACING uses `checkProposedAttempt`, so its date edges are the
 *   attempt rules' own: exactly 12 months after the first attempt, or exactly 6
 *   months after the latest, is allowed; a day earlier is not.
 * - A closed case is not assessed: no flags and no level.
 */
import {
  type AttemptRecord,
  type AttemptsSummary,
  checkProposedAttempt,
  type ExamAttemptSummary,
  failureDates,
  summarizeAttempts,
} from "#app/domain/attempts/rules";
import { daysBetween, formatDate, type IsoDate } from "#app/domain/dates";
import {
  type AttemptRuleSet,
  attemptRulesOn,
  type ExamId,
  INSTRUMENT_IDS,
  type InstrumentId,
  instrument,
  RETAKE_GUIDANCE,
  type SourceKey,
} from "#app/domain/reference";
import { consecutiveNoShows, type SessionFact } from "#app/domain/sessions/schema";
import { consequenceLabel, type PolicyRung, policyFor } from "#app/domain/settings/settings";
import { joinWords, ordinal, plural } from "#app/domain/text";
import { TRAJECTORY_RISK_CODES, TRAJECTORY_RISK_LABELS, type TrajectoryRisk, type TrajectoryRiskCode } from "#app/domain/trajectory/risks";
import { type CaseStatus, type PolicyConsequence, RISK_LEVEL_LABELS, RISK_LEVELS, type RiskLevel } from "#app/domain/vocabulary";

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

/** The engine's own rules; trajectory flags keep their codes. Order = display order at equal severity. */
const CASE_RISK_CODES = [
  "ATTEMPT_LIMIT_REACHED",
  "THIRD_FAILURE",
  "LAST_ATTEMPT",
  "SECOND_FAILURE",
  "TARGET_DATE_SPACING",
  "RUSHED_RETAKE",
  "PERSISTING_WEAKNESS",
  "REPEATED_NO_SHOWS",
  "SCHOOL_POLICY",
] as const;
type CaseRiskCode = (typeof CASE_RISK_CODES)[number];

const RISK_CODES = [...CASE_RISK_CODES, ...TRAJECTORY_RISK_CODES] as const;
export type RiskCode = CaseRiskCode | TrajectoryRiskCode;

export const RISK_CODE_LABELS: Record<RiskCode, string> = {
  ATTEMPT_LIMIT_REACHED: "Attempt limit reached",
  THIRD_FAILURE: "Third failure",
  LAST_ATTEMPT: "Last attempt left",
  SECOND_FAILURE: "Second failure",
  TARGET_DATE_SPACING: "Target date breaks the spacing rules",
  RUSHED_RETAKE: "Rushed retake",
  PERSISTING_WEAKNESS: "Weak area persisting",
  REPEATED_NO_SHOWS: "Two no-shows in a row",
  SCHOOL_POLICY: "School policy",
  ...TRAJECTORY_RISK_LABELS,
};

/** 1 = watch, 2 = act, 3 = act now, 4 = the student's eligibility or place at the school is at stake. */
export type RiskSeverity = 1 | 2 | 3 | 4;

/** Where a rule comes from: a reference source (SOURCES) or the school's own settings. */
export type RiskSource = SourceKey | "school-policy";

export interface RiskFlag {
  code: RiskCode;
  severity: RiskSeverity;
  /** Why, in plain words with the dates and numbers. */
  reason: string;
  source: RiskSource;
  /** What raised a trajectory flag ("projection:UWSA", "milestone:<uid>", …), for linking; absent for the engine's own rules. */
  origin?: string;
}

export interface RiskAssessment {
  flags: RiskFlag[];
  /** Null for a closed case: there is nothing left to be at risk of. */
  level: RiskLevel | null;
  summary: string;
}

/** Thresholds the engine reads; defaults come from reference data. */
export interface RiskEngineThresholds {
  /** A target date fewer than this many days after the latest failure is a rushed retake. */
  rushedRetakeDays: number;
  /** The same after a second or later failure, when the guidance is months (docs/domain.md §6.4). */
  rushedLaterRetakeDays: number;
}

const DEFAULT_RISK_THRESHOLDS: RiskEngineThresholds = {
  rushedRetakeDays: RETAKE_GUIDANCE.rushedRetakeDays,
  rushedLaterRetakeDays: RETAKE_GUIDANCE.laterRetakeWeeks.min * 7,
};

export interface CaseFacts {
  status: CaseStatus;
  /** The exam this case is retaking. */
  exam: ExamId;
  /** All the student's attempts, every exam, any order (incomplete ones included). */
  attempts: readonly Pick<AttemptRecord, "exam" | "takenOn" | "outcome">[];
  /** The school's stricter cap on attempts per exam; null for none. */
  schoolAttemptLimit: number | null;
  targetExamDate: IsoDate | null;
  today: IsoDate;
  /** As computed by `trajectoryRisks`; passed through in the engine's shape. */
  trajectoryFlags: readonly TrajectoryRisk[];
  /** Names of areas Lower in both the previous and the latest score report (`AttemptComparison.persistingWeakAreas`). */
  persistingWeakAreas: readonly string[];
  policyLadder: readonly PolicyRung[];
  /** The student is recorded as ineligible for the USMLE (e.g. a limit reached on another Step). */
  studentIneligible: boolean;
  /** The case's sessions held (kind and date), for the no-show rule; none when omitted. */
  sessions?: readonly SessionFact[];
  /** Attempt rules; defaults to the rule set in force on `today`. */
  rules?: AttemptRuleSet;
  thresholds?: Partial<RiskEngineThresholds>;
}

// ---------------------------------------------------------------------------
// Severities and levels
// ---------------------------------------------------------------------------

/**
 * Each rule's severity, in one place so the ranking can be argued about and
 * changed without touching the rules.
 */
const RULE_SEVERITY = {
  /** No attempt left: the retake cannot happen (docs/domain.md §3.1). */
  ATTEMPT_LIMIT_REACHED: 4,
  /** One USMLE attempt left; failing it ends eligibility for every Step. */
  THIRD_FAILURE: 4,
  /** One attempt left (incompletes used some) and failing it ends eligibility for every Step: same stakes as a third failure. */
  LAST_ATTEMPT_ENDS_ELIGIBILITY: 4,
  /** One attempt left at this exam only (the school's limit, or older rules): the student's place is at stake. */
  LAST_ATTEMPT: 3,
  /** A second failure demands outside help: it escalates to the office. */
  SECOND_FAILURE: 3,
  /** The student cannot sit on that date at all. */
  TARGET_DATE_SPACING: 3,
  /** Rushing is the biggest factor behind a second failure (docs/domain.md §6.4). */
  RUSHED_RETAKE: 2,
  /** Rushing after a second failure, when the guidance is 3–6 months. */
  RUSHED_RETAKE_AFTER_SECOND_FAILURE: 3,
  /** What was done for the area did not work; the approach has to change. */
  PERSISTING_WEAKNESS: 2,
  /** Disengagement: the student stopped coming (docs/decisions/0024). */
  REPEATED_NO_SHOWS: 2,
} as const satisfies Record<string, RiskSeverity>;

/** What each consequence on the school's ladder weighs; null raises no flag. */
const POLICY_SEVERITY: Record<PolicyConsequence, RiskSeverity | null> = {
  NONE: null,
  WARNING: 1,
  PROBATION: 2,
  COMMITTEE_REVIEW: 2,
  LEAVE: 3,
  DISMISSAL_REVIEW: 4,
};

/** The level a flag of each severity implies on its own. */
export const SEVERITY_LEVEL: Record<RiskSeverity, RiskLevel> = {
  1: "LOW",
  2: "MODERATE",
  3: "HIGH",
  4: "CRITICAL",
};

/**
 * Levels some flags always imply, whatever their severity says: the product's
 * promise that a third failure or a used-up limit is critical and a second
 * failure at least high, even if someone retunes RULE_SEVERITY.
 */
export const LEVEL_FLOORS: Partial<Record<RiskCode, RiskLevel>> = {
  ATTEMPT_LIMIT_REACHED: "CRITICAL",
  THIRD_FAILURE: failureCountLevel(RETAKE_GUIDANCE.thirdFailureCount) ?? "CRITICAL",
  SECOND_FAILURE: failureCountLevel(RETAKE_GUIDANCE.secondFailureCount) ?? "HIGH",
};

/**
 * The level a number of failures of one exam implies on its own: one rule for
 * the case's risk level (the failure-count flags' floors above) and for the
 * severity of the escalation those failures raise. Null below a second failure.
 */
export function failureCountLevel(failures: number): RiskLevel | null {
  if (failures >= RETAKE_GUIDANCE.thirdFailureCount) return "CRITICAL";
  if (failures >= RETAKE_GUIDANCE.secondFailureCount) return "HIGH";
  return null;
}

/** For sorting by risk: LOW 1 … CRITICAL 4 (the database stores 0 for "not assessed"). */
export const RISK_RANK: Record<RiskLevel, number> = {
  LOW: 1,
  MODERATE: 2,
  HIGH: 3,
  CRITICAL: 4,
};

/**
 * Level from the flags: the highest of each flag's SEVERITY_LEVEL and its
 * LEVEL_FLOORS entry; no flags is LOW.
 */
export function riskLevel(flags: readonly RiskFlag[]): RiskLevel {
  let rank = RISK_RANK.LOW;
  for (const flag of flags) {
    rank = Math.max(rank, RISK_RANK[SEVERITY_LEVEL[flag.severity]]);
    const floor = LEVEL_FLOORS[flag.code];
    if (floor) rank = Math.max(rank, RISK_RANK[floor]);
  }
  return RISK_LEVELS.find((level) => RISK_RANK[level] === rank) ?? "LOW";
}

/** Most severe first; equal severities in RISK_CODES order, then input order. */
export function compareFlags(a: RiskFlag, b: RiskFlag): number {
  return b.severity - a.severity || RISK_CODES.indexOf(a.code) - RISK_CODES.indexOf(b.code);
}

// ---------------------------------------------------------------------------
// Shared facts
// ---------------------------------------------------------------------------

/**
 * The student's attempts summarized under the case's rules: `assessRisk`
 * computes it once and hands it to every rule; a rule called on its own
 * computes it from the facts.
 */
function caseAttemptsSummary(facts: CaseFacts): AttemptsSummary {
  return summarizeAttempts(facts.attempts, {
    rules: facts.rules ?? attemptRulesOn(facts.today),
    schoolAttemptLimit: facts.schoolAttemptLimit,
  });
}

const failedOn = (summary: ExamAttemptSummary) => `failed ${joinWords(failureDates(summary).map((d) => formatDate(d)))}`;

function thresholds(facts: CaseFacts): RiskEngineThresholds {
  return { ...DEFAULT_RISK_THRESHOLDS, ...facts.thresholds };
}

/** Whether the student can no longer sit any Step (another exam's limit, or recorded as such). */
function ineligible(facts: CaseFacts, summary: AttemptsSummary): boolean {
  return facts.studentIneligible || summary.ineligibleForAllExams;
}

/** THIRD_FAILURE's condition, shared so LAST_ATTEMPT never repeats it. */
function isThirdFailureWithAttemptLeft(facts: CaseFacts, summary: AttemptsSummary): boolean {
  const exam = summary.byExam[facts.exam];
  return exam.failures === RETAKE_GUIDANCE.thirdFailureCount && !exam.passed && !exam.limitReached && !ineligible(facts, summary);
}

// ---------------------------------------------------------------------------
// Rules: each returns the flags it raises (none or one)
// ---------------------------------------------------------------------------

/** Exactly two failures of the case's exam: the escalation trigger. */
export function secondFailureRule(facts: CaseFacts, summary: AttemptsSummary = caseAttemptsSummary(facts)): RiskFlag[] {
  const exam = summary.byExam[facts.exam];
  if (exam.failures !== RETAKE_GUIDANCE.secondFailureCount || exam.passed) return [];
  return [
    {
      code: "SECOND_FAILURE",
      severity: RULE_SEVERITY.SECOND_FAILURE,
      reason:
        `${ordinal(exam.failures)} failure of ${exam.label} (${failedOn(exam)}). A second failure needs help beyond tutoring: ` +
        `the school's office reviews the case before the next attempt.`,
      source: "schoolPolicies",
    },
  ];
}

/** Exactly three failures with an attempt still left: under the current rules, the next failure ends eligibility for every Step. */
export function thirdFailureRule(facts: CaseFacts, summary: AttemptsSummary = caseAttemptsSummary(facts)): RiskFlag[] {
  if (!isThirdFailureWithAttemptLeft(facts, summary)) return [];
  const exam = summary.byExam[facts.exam];
  const left = exam.nextIsLastChance
    ? "One USMLE attempt is left, and failing it ends eligibility for every Step."
    : `${plural(exam.usmleAttemptsLeft, "USMLE attempt")} left.`;
  return [
    {
      code: "THIRD_FAILURE",
      severity: RULE_SEVERITY.THIRD_FAILURE,
      reason: `${ordinal(exam.failures)} failure of ${exam.label} (${failedOn(exam)}). ${left}`,
      source: summary.rules.source,
    },
  ];
}

/**
 * One attempt left without a third failure: incomplete sittings used attempts
 * (USMLE), or the school's stricter limit leaves only one.
 */
export function lastAttemptRule(facts: CaseFacts, summary: AttemptsSummary = caseAttemptsSummary(facts)): RiskFlag[] {
  const exam = summary.byExam[facts.exam];
  if (exam.attemptsLeft !== 1 || isThirdFailureWithAttemptLeft(facts, summary) || ineligible(facts, summary)) return [];
  const breakdown =
    exam.incompletes > 0
      ? ` (${plural(exam.failures, "failure")}, ${plural(exam.incompletes, "incomplete attempt")}; incomplete attempts count)`
      : "";
  const used = `${exam.label} has been attempted ${plural(exam.attemptsUsed, "time")} without a pass${breakdown}.`;
  if (exam.usmleAttemptsLeft === 1) {
    return [
      {
        code: "LAST_ATTEMPT",
        severity: exam.nextIsLastChance ? RULE_SEVERITY.LAST_ATTEMPT_ENDS_ELIGIBILITY : RULE_SEVERITY.LAST_ATTEMPT,
        reason: `${used} One USMLE attempt is left${exam.nextIsLastChance ? ", and failing it ends eligibility for every Step" : ""}.`,
        source: summary.rules.source,
      },
    ];
  }
  return [
    {
      code: "LAST_ATTEMPT",
      severity: RULE_SEVERITY.LAST_ATTEMPT,
      reason:
        `The school allows ${plural(summary.schoolAttemptLimit ?? 0, "attempt")} at ${exam.label} and the student has used ${exam.attemptsUsed}: ` +
        `the next attempt is the last one the school allows.`,
      source: "school-policy",
    },
  ];
}

/** No attempt left: the USMLE limit (on this or any Step), a recorded ineligibility, or the school's stricter limit. */
export function attemptLimitRule(facts: CaseFacts, summary: AttemptsSummary = caseAttemptsSummary(facts)): RiskFlag[] {
  const exam = summary.byExam[facts.exam];
  const flag = (reason: string, source: RiskSource): RiskFlag[] => [
    { code: "ATTEMPT_LIMIT_REACHED", severity: RULE_SEVERITY.ATTEMPT_LIMIT_REACHED, reason, source },
  ];
  if (exam.passed) return [];
  if (summary.ineligibleForAllExams && summary.ineligibleReason !== null) {
    return flag(`The student can no longer sit any Step. ${summary.ineligibleReason}`, summary.rules.source);
  }
  if (exam.limitReached) {
    return flag(
      `${exam.label} has been attempted ${plural(exam.attemptsUsed, "time")} without a pass; ` +
        `the USMLE allows ${summary.rules.maxAttemptsPerExam} attempts per Step, incomplete ones included. No further attempt is possible.`,
      summary.rules.source,
    );
  }
  if (facts.studentIneligible) {
    return flag("The student is recorded as ineligible for the USMLE: no Step can be sat.", summary.rules.source);
  }
  if (exam.schoolLimitReached && summary.schoolAttemptLimit !== null) {
    return flag(
      `The school allows ${plural(summary.schoolAttemptLimit, "attempt")} at ${exam.label}, and the student has used ${exam.attemptsUsed}. ` +
        `The USMLE would allow ${plural(exam.usmleAttemptsLeft, "more attempt")}, but not at this school.`,
      "school-policy",
    );
  }
  return [];
}

/**
 * The target date against the USMLE spacing rules (docs/domain.md §3.2), via
 * `checkProposedAttempt` (under the rules in force on the target date). A
 * blocked exam (limit, pass, ineligibility) is ATTEMPT_LIMIT_REACHED's; what
 * is left of an unblocked check is spacing violations only.
 */
export function targetDateSpacingRule(facts: CaseFacts): RiskFlag[] {
  if (facts.targetExamDate === null) return [];
  const check = checkProposedAttempt(facts.attempts, facts.exam, facts.targetExamDate, facts.rules ? { rules: facts.rules } : {});
  if (check.blocked || check.violations.length === 0) return [];
  const earliest = check.earliestAllowedDate ? ` The earliest date every rule allows is ${formatDate(check.earliestAllowedDate)}.` : "";
  return [
    {
      code: "TARGET_DATE_SPACING",
      severity: RULE_SEVERITY.TARGET_DATE_SPACING,
      reason:
        `The target date, ${formatDate(facts.targetExamDate)}, is not allowed for a ${ordinal(check.attemptNumber)} attempt. ` +
        `${check.violations.map((v) => v.message).join(" ")}${earliest}`,
      source: check.rules.source,
    },
  ];
}

/** "42 days (6 weeks)" — the threshold as a tutor would say it. */
function daysAndWeeks(days: number): string {
  return days % 7 === 0 ? `${plural(days, "day")} (${plural(days / 7, "week")})` : plural(days, "day");
}

/**
 * A target date less than `rushedRetakeDays` after the latest failure (exactly
 * that many days is not rushed). Severity rises after a second failure, when
 * the guidance is months, not weeks.
 */
export function rushedRetakeRule(facts: CaseFacts, summary: AttemptsSummary = caseAttemptsSummary(facts)): RiskFlag[] {
  if (facts.targetExamDate === null) return [];
  const exam = summary.byExam[facts.exam];
  const latest = failureDates(exam).at(-1);
  if (latest === undefined) return [];
  const days = daysBetween(latest, facts.targetExamDate);
  const afterSecond = exam.failures >= RETAKE_GUIDANCE.secondFailureCount;
  const { rushedRetakeDays, rushedLaterRetakeDays } = thresholds(facts);
  const needed = afterSecond ? Math.max(rushedRetakeDays, rushedLaterRetakeDays) : rushedRetakeDays;
  // On or before the failure is not a retake after it; TARGET_DATE_SPACING says so.
  if (days <= 0 || days >= needed) return [];
  const later = RETAKE_GUIDANCE.laterRetakeWeeks;
  return [
    {
      code: "RUSHED_RETAKE",
      severity: afterSecond ? RULE_SEVERITY.RUSHED_RETAKE_AFTER_SECOND_FAILURE : RULE_SEVERITY.RUSHED_RETAKE,
      reason:
        `The target date, ${formatDate(facts.targetExamDate)}, is only ${plural(days, "day")} after the ${ordinal(exam.failures)} failure ` +
        `on ${formatDate(latest)}, less than the ${daysAndWeeks(needed)} ${afterSecond ? "a retake after a second failure" : "a retake"} needs. ` +
        `Rushing the retake is the biggest factor behind another failure.` +
        (afterSecond ? ` After a second failure the guidance is ${later.min}–${later.max} weeks of preparation.` : ""),
      source: RETAKE_GUIDANCE.source,
    },
  ];
}

/** Areas Lower on both the previous and the latest score report: what was done for them did not work. */
export function persistingWeaknessRule(facts: CaseFacts): RiskFlag[] {
  const names = [...new Set(facts.persistingWeakAreas.map((n) => n.trim()).filter((n) => n !== ""))];
  if (names.length === 0) return [];
  return [
    {
      code: "PERSISTING_WEAKNESS",
      severity: RULE_SEVERITY.PERSISTING_WEAKNESS,
      reason:
        `Still weak after a retake: ${joinWords(names)} ${names.length === 1 ? "was" : "were"} Lower on both score reports. ` +
        `What was done for ${names.length === 1 ? "it" : "them"} did not work: change the approach, and consider escalating.`,
      source: "usmleScoreReports",
    },
  ];
}

/** The last two sessions the student was expected at were both no-shows (messages aside). */
function repeatedNoShowsRule(facts: CaseFacts): RiskFlag[] {
  const missed = consecutiveNoShows(facts.sessions ?? [], facts.today);
  if (!missed) return [];
  const [latest, before] = missed;
  return [
    {
      code: "REPEATED_NO_SHOWS",
      severity: RULE_SEVERITY.REPEATED_NO_SHOWS,
      reason: `The student did not come to the last two sessions (${formatDate(before)} and ${formatDate(latest)}): reach out before the plan slips further.`,
      source: RETAKE_GUIDANCE.source,
    },
  ];
}

/** The school's ladder rung for the current failure number (the highest rung below it when the ladder stops short). */
export function schoolPolicyRule(facts: CaseFacts, summary: AttemptsSummary = caseAttemptsSummary(facts)): RiskFlag[] {
  const exam = summary.byExam[facts.exam];
  if (exam.failures < 1 || exam.passed) return [];
  const rung = policyFor(facts.policyLadder, exam.failures);
  if (rung === null) return [];
  const severity = POLICY_SEVERITY[rung.consequence];
  if (severity === null) return [];
  const which =
    rung.failureNumber === exam.failures
      ? `${ordinal(exam.failures)} failure`
      : `${ordinal(exam.failures)} failure (the school's policy stops at the ${ordinal(rung.failureNumber)})`;
  return [
    {
      code: "SCHOOL_POLICY",
      severity,
      reason: `${which}: ${consequenceLabel(rung.consequence).toLowerCase()} at this school. ${rung.description}`,
      source: "school-policy",
    },
  ];
}

/** Sources for trajectory flags, by code; a projection cites its instrument's source instead. */
const TRAJECTORY_SOURCES: Record<TrajectoryRiskCode, SourceKey> = {
  PROJECTION_BELOW_PASSING: RETAKE_GUIDANCE.source,
  LATEST_BELOW_PASSING: RETAKE_GUIDANCE.source,
  PRACTICE_GAP: RETAKE_GUIDANCE.source,
  MILESTONE_MISSED: RETAKE_GUIDANCE.source,
  GATE_UNMET_NEAR_EXAM: "nbmeCbssaGuidance",
};

const isInstrumentId = (value: string): value is InstrumentId => (INSTRUMENT_IDS as readonly string[]).includes(value);

/** A trajectory flag in the engine's shape: same code, severity and reason; a reference source; its origin kept. */
export function fromTrajectoryRisk(risk: TrajectoryRisk): RiskFlag {
  const [kind, id] = risk.source.split(":");
  const source =
    (kind === "projection" || kind === "latest") && id !== undefined && isInstrumentId(id)
      ? instrument(id).source
      : TRAJECTORY_SOURCES[risk.code];
  return { code: risk.code, severity: risk.severity, reason: risk.reason, source, origin: risk.source };
}

function trajectoryRule(facts: CaseFacts): RiskFlag[] {
  return facts.trajectoryFlags.map(fromTrajectoryRisk);
}

/** A rule: the facts, and the attempts summarized once for every rule. */
type RiskRule = (facts: CaseFacts, summary: AttemptsSummary) => RiskFlag[];

/** Every rule, in the order they are evaluated (the result is sorted anyway). */
const RISK_RULES: readonly RiskRule[] = [
  attemptLimitRule,
  thirdFailureRule,
  lastAttemptRule,
  secondFailureRule,
  targetDateSpacingRule,
  rushedRetakeRule,
  persistingWeaknessRule,
  repeatedNoShowsRule,
  schoolPolicyRule,
  trajectoryRule,
];

// ---------------------------------------------------------------------------
// The assessment
// ---------------------------------------------------------------------------

/** How many flag labels the one-line summary names before "and N more". */
const SUMMARY_LABELS = 3;

/** "High risk: Second failure, Rushed retake and School policy." */
export function riskSummary(level: RiskLevel | null, flags: readonly RiskFlag[]): string {
  if (level === null) return "Closed case: risk is no longer assessed.";
  if (flags.length === 0) return `${RISK_LEVEL_LABELS[level]} risk: no risk flags.`;
  const labels = [...new Set(flags.map((f) => RISK_CODE_LABELS[f.code]))];
  const shown = labels.slice(0, SUMMARY_LABELS);
  const rest = labels.length - shown.length;
  const list = rest > 0 ? `${shown.join(", ")} and ${rest} more` : joinWords(shown);
  return `${RISK_LEVEL_LABELS[level]} risk: ${list}.`;
}

/** The case's risk: every rule's flags, most severe first, the level they imply and a one-line summary. */
export function assessRisk(facts: CaseFacts): RiskAssessment {
  if (facts.status === "CLOSED") return { flags: [], level: null, summary: riskSummary(null, []) };
  const summary = caseAttemptsSummary(facts);
  const flags = RISK_RULES.flatMap((rule) => rule(facts, summary)).sort(compareFlags);
  const level = riskLevel(flags);
  return { flags, level, summary: riskSummary(level, flags) };
}
