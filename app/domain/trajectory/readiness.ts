/**
 * The school's readiness gate and NBME's CBSSA readiness scenarios
 * (docs/domain.md §4.1, §4.7a). The gate is school settings, stored as JSON; the
 * defaults below come from reference data so one edit there moves them.
 *
 * Boundary decisions (tested):
 * - "Entirely above" is strict: a likely range whose low end equals the band's
 *   top still touches the band, which NBME calls "within or just above".
 * - "Entirely below" is strict too: a likely range whose high end equals the
 *   band's bottom touches the band, so it is "partly below".
 * - A CBSSA exactly `withinDays` old still counts; exactly `minCount` suffices.
 * - The three-digit rule is "at or above" standard + margin (inclusive), judged
 *   on the latest qualifying-instrument score taken in the last
 *   `withinDaysOfExam` days before the exam (inclusive): a newer, lower score
 *   supersedes an older, higher one.
 */
import { z } from "zod";
import { addDays, daysBetween, formatDate, type IsoDate, minDate } from "#app/domain/dates";
import type { ExamId, InstrumentId } from "#app/domain/reference";
import {
  examLabel,
  INSTRUMENT_IDS,
  instrument,
  instrumentInforms,
  instrumentsOnScale,
  isPassFailOnly,
  passingStandardOn,
  RETAKE_GUIDANCE,
} from "#app/domain/reference";
import { capitalize, joinWords, plural } from "#app/domain/text";
import {
  bandForEntry,
  formatRange,
  type LowPassBand,
  latestLowPassBand,
  likelyRange,
  type PracticeExamEntry,
  recordedBand,
  type ScoreRange,
  sortByDate,
} from "./practice";

// ---------------------------------------------------------------------------
// NBME's four CBSSA scenarios
// ---------------------------------------------------------------------------

export const CBSSA_SCENARIOS = ["BELOW", "PARTLY_BELOW", "WITHIN_OR_JUST_ABOVE", "ABOVE"] as const;
export type CbssaScenario = (typeof CBSSA_SCENARIOS)[number];

/** NBME's guidance for each scenario, in plain words (docs/domain.md §4.1). */
export const CBSSA_SCENARIO_GUIDANCE: Record<CbssaScenario, string> = {
  BELOW: "Likely range entirely below the low-pass band: at risk of failing; more preparation strongly recommended.",
  PARTLY_BELOW: "Likely range partly below the low-pass band: may still be at risk; more preparation strongly recommended.",
  WITHIN_OR_JUST_ABOVE:
    "Likely range within or just above the low-pass band: close to the minimum; two or more such results are more reassuring than one.",
  ABOVE: "Likely range entirely above the low-pass band: likely ready, though not a guarantee.",
};

/**
 * Classifies a CBSSA score by where its likely range (score ± half-width,
 * clamped to the scale) sits against the low-pass band. Strict at both ends:
 * touching the band counts as overlapping it.
 */
export function classifyCbssa(score: number, band: ScoreRange, instrumentId: InstrumentId = "NBME_CBSSA"): CbssaScenario {
  const range = likelyRange(instrumentId, score) ?? { low: score, high: score };
  if (range.high < band.low) return "BELOW";
  if (range.low < band.low) return "PARTLY_BELOW";
  if (range.low <= band.high) return "WITHIN_OR_JUST_ABOVE";
  return "ABOVE";
}

// ---------------------------------------------------------------------------
// Gate settings
// ---------------------------------------------------------------------------

export const CBSSA_GATE_RULES = ["LIKELY_RANGE_ABOVE_LOW_PASS", "LIKELY_RANGE_WITHIN_OR_ABOVE_LOW_PASS"] as const;
export type CbssaGateRule = (typeof CBSSA_GATE_RULES)[number];

/** The NBME scenarios each CBSSA rule accepts. */
const CBSSA_RULE_ACCEPTS: Record<CbssaGateRule, readonly CbssaScenario[]> = {
  LIKELY_RANGE_ABOVE_LOW_PASS: ["ABOVE"],
  LIKELY_RANGE_WITHIN_OR_ABOVE_LOW_PASS: ["WITHIN_OR_JUST_ABOVE", "ABOVE"],
};

const CBSSA_RULE_WORDS: Record<CbssaGateRule, string> = {
  LIKELY_RANGE_ABOVE_LOW_PASS: "with the likely range entirely above the low-pass band",
  LIKELY_RANGE_WITHIN_OR_ABOVE_LOW_PASS: "with the likely range within or above the low-pass band",
};

const THREE_DIGIT_INSTRUMENTS: readonly InstrumentId[] = instrumentsOnScale("THREE_DIGIT");

/**
 * Working defaults from reference data: two results (NBME: "two or more such
 * results are more reassuring"), a window as long as the practice-gap
 * threshold, a margin of one CCSSA standard error, every three-digit
 * instrument, and a three-digit window that opens before the gate deadline.
 */
const GATE_DEFAULTS = {
  cbssa: {
    enabled: true,
    minCount: RETAKE_GUIDANCE.readinessMinResults as number,
    withinDays: RETAKE_GUIDANCE.practiceGapDays as number,
    rule: "LIKELY_RANGE_ABOVE_LOW_PASS" as CbssaGateRule,
  },
  threeDigit: {
    enabled: true,
    margin: instrument("NBME_CCSSA").likelyRangeHalfWidth ?? 0,
    withinDaysOfExam: RETAKE_GUIDANCE.threeDigitGateWindowDays as number,
    instruments: THREE_DIGIT_INSTRUMENTS,
  },
} as const;

const cbssaGateSchema = z.object({
  enabled: z.boolean().default(GATE_DEFAULTS.cbssa.enabled),
  minCount: z.int().min(1).max(10).default(GATE_DEFAULTS.cbssa.minCount),
  withinDays: z.int().min(1).max(365).default(GATE_DEFAULTS.cbssa.withinDays),
  rule: z.enum(CBSSA_GATE_RULES).default(GATE_DEFAULTS.cbssa.rule),
});

const threeDigitGateSchema = z.object({
  enabled: z.boolean().default(GATE_DEFAULTS.threeDigit.enabled),
  margin: z.number().min(0).max(60).default(GATE_DEFAULTS.threeDigit.margin),
  withinDaysOfExam: z.int().min(1).max(365).default(GATE_DEFAULTS.threeDigit.withinDaysOfExam),
  instruments: z
    .array(
      z.enum(INSTRUMENT_IDS).refine((id) => THREE_DIGIT_INSTRUMENTS.includes(id), {
        message: "Only instruments on the three-digit scale can count towards this rule",
      }),
    )
    .min(1)
    .default(() => [...GATE_DEFAULTS.threeDigit.instruments]),
});

/** The school's gate settings, as stored (JSON). Missing parts take the defaults. */
export const readinessGateSchema = z.object({
  cbssa: cbssaGateSchema.prefault({}),
  threeDigit: threeDigitGateSchema.prefault({}),
});

export type ReadinessGate = z.output<typeof readinessGateSchema>;
export type ReadinessGateInput = z.input<typeof readinessGateSchema>;

/** The default gate, exactly as the schema fills it from `{}`. */
export const DEFAULT_READINESS_GATE: ReadinessGate = readinessGateSchema.parse({});

/** Stored settings, or the defaults when they are missing or no longer valid. */
export function readinessGateOrDefault(stored: unknown): ReadinessGate {
  const parsed = readinessGateSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : readinessGateSchema.parse({});
}

// ---------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------

export type ReadinessRuleId = CbssaGateRule | "THREE_DIGIT_STANDARD_PLUS_MARGIN";

export interface ReadinessRuleResult {
  rule: ReadinessRuleId;
  met: boolean;
  /** The reason in words, with the numbers. */
  detail: string;
  /**
   * Points between the latest relevant result and the rule's line: for the
   * CBSSA rule, how far the latest likely range's low end is from clearing the
   * band (the "entirely above" rule is strict, so 0 means it touches); for the
   * three-digit rule, how far the score is below standard + margin.
   */
  shortBy?: number;
  /** CBSSA rule: how many more qualifying CBSSAs are needed. */
  missingCount?: number;
  /**
   * The score the latest result has to reach: standard + margin (three-digit
   * rule), or the CBSSA score whose likely range meets the band as the rule
   * asks (strict for "entirely above": the score must be above it).
   */
  target?: number;
  /** The latest result must be above `target`, not merely reach it. */
  targetStrict?: boolean;
  /** "%" for the CBSSA, "" for three-digit scores. */
  unit?: string;
}

export interface ReadinessResult {
  /** False when no enabled rule applies to this exam. */
  applicable: boolean;
  met: boolean;
  rules: ReadinessRuleResult[];
  summary: string;
  /** A short phrase for the caseload column ("Met", "1 more CBSSA needed; latest 5 points short"). */
  howFar: string;
}

interface ReadinessInput {
  exam: ExamId;
  examDate: IsoDate | null;
  today: IsoDate;
  practiceExams: readonly PracticeExamEntry[];
  gate: ReadinessGate;
}

/** Whether the CBSSA rule applies: only to exams the CBSSA informs (Step 1). */
function cbssaRuleApplies(exam: ExamId): boolean {
  return instrumentInforms("NBME_CBSSA", exam);
}

/**
 * Whether the three-digit rule applies: the exam's standard on the reference
 * date is a number it reports (not pass/fail only), and some configured
 * instrument informs that exam.
 */
function threeDigitRuleApplies(exam: ExamId, onDate: IsoDate, instruments: readonly InstrumentId[]): boolean {
  if (isPassFailOnly(exam, onDate) || passingStandardOn(exam, onDate) === null) return false;
  return instruments.some((id) => instrumentInforms(id, exam));
}

export function evaluateReadiness(input: ReadinessInput): ReadinessResult {
  const { exam, examDate, today, gate } = input;
  const rules: ReadinessRuleResult[] = [];
  if (gate.cbssa.enabled && cbssaRuleApplies(exam)) rules.push(evaluateCbssaRule(input));
  if (gate.threeDigit.enabled && threeDigitRuleApplies(exam, examDate ?? today, gate.threeDigit.instruments)) {
    rules.push(evaluateThreeDigitRule(input));
  }
  if (rules.length === 0) {
    return {
      applicable: false,
      met: false,
      rules,
      summary: `No readiness gate applies to ${examLabel(exam)} with the school's settings.`,
      howFar: "Not applicable",
    };
  }
  const met = rules.every((r) => r.met);
  return {
    applicable: true,
    met,
    rules,
    summary: `Readiness gate ${met ? "met" : "not met"}: ${rules.map((r) => r.detail).join("; ")}.`,
    howFar: met ? "Met" : howFar(rules.find((r) => !r.met) ?? rules[0]),
  };
}

function howFar(rule: ReadinessRuleResult): string {
  const parts: string[] = [];
  if (rule.missingCount) parts.push(`${plural(rule.missingCount, "more CBSSA")} needed`);
  const distance = gateDistance(rule);
  if (distance) parts.push(distance);
  if (parts.length === 0) parts.push(rule.rule === "THREE_DIGIT_STANDARD_PLUS_MARGIN" ? "No recent three-digit score" : "Not met");
  return capitalize(parts.join("; "));
}

const formatPoints = (points: number) => plural(Math.round(points * 10) / 10, "point");

/**
 * How far the latest result is from the gate's line, worded one way wherever
 * the gate is shown (the rule's reason, the panel's "how far", the risk flag):
 * "19 points below 72%", or "at 72%, not above it" for the strict CBSSA rule.
 * Null when the rule has no latest result to measure.
 */
export function gateDistance(rule: Pick<ReadinessRuleResult, "shortBy" | "target" | "targetStrict" | "unit">): string | null {
  if (rule.shortBy === undefined || rule.target === undefined) return null;
  const target = `${Math.round(rule.target * 10) / 10}${rule.unit ?? ""}`;
  if (rule.shortBy <= 0) return rule.targetStrict ? `at ${target}, not above it` : null;
  return `${formatPoints(rule.shortBy)} below ${target}`;
}

const formatTarget = (score: number) => `${Math.round(score * 10) / 10}%`;

/** CBSSAs in the window whose likely range the rule accepts, counted against `minCount`. */
function evaluateCbssaRule(input: ReadinessInput): ReadinessRuleResult {
  const { today, gate } = input;
  const { minCount, withinDays, rule } = gate.cbssa;
  const accepts = CBSSA_RULE_ACCEPTS[rule];
  const all = sortByDate(input.practiceExams.filter((e) => e.instrumentId === "NBME_CBSSA" && e.takenOn <= today));
  const inWindow = all.filter((e) => daysBetween(e.takenOn, today) <= withinDays);
  const qualifying = inWindow.filter((e) => {
    const band = bandToJudge(e, all);
    return band !== null && accepts.includes(classifyCbssa(e.score, band));
  });
  const met = qualifying.length >= minCount;
  const missingCount = Math.max(0, minCount - qualifying.length);
  const counted = met
    ? `${plural(qualifying.length, "CBSSA")} in the last ${withinDays} days ${CBSSA_RULE_WORDS[rule]} (${minCount} needed)`
    : `${qualifying.length} of ${plural(minCount, "CBSSA")} in the last ${withinDays} days ${CBSSA_RULE_WORDS[rule]}`;

  const result: ReadinessRuleResult = { rule, met, detail: counted };
  if (!met) result.missingCount = missingCount;

  const latest = inWindow.at(-1);
  if (!latest) {
    const older = all.at(-1);
    result.detail += older
      ? `; the latest CBSSA, on ${formatDate(older.takenOn)}, is ${daysBetween(older.takenOn, today)} days old`
      : "; no CBSSA logged yet";
    return result;
  }
  const band = bandToJudge(latest, all);
  const range = likelyRange("NBME_CBSSA", latest.score);
  if (!band || !range || accepts.includes(classifyCbssa(latest.score, band))) return result;

  // The latest result does not qualify: one distance, from its score to the score the rule needs.
  const bandText = `the low-pass band (${formatRange(band, "PERCENT")}${band.isDefault ? ", typical band" : ""})`;
  const strict = rule === "LIKELY_RANGE_ABOVE_LOW_PASS";
  const boundary = strict ? band.high : band.low;
  const shortBy = boundary - range.low;
  const target = latest.score + shortBy;
  Object.assign(result, { shortBy, target, targetStrict: strict, unit: "%" });
  const line = strict
    ? `the score its likely range (now ${formatRange(range, "PERCENT")}) must be above to clear ${bandText}`
    : `the score from which its likely range (now ${formatRange(range, "PERCENT")}) reaches ${bandText}`;
  result.detail += `; the latest, ${formatTarget(latest.score)} on ${formatDate(latest.takenOn)}, is ${gateDistance(result)}, ${line}`;
  return result;
}

/**
 * A report is judged by the band it printed; when none was recorded, by the
 * latest band recorded on any CBSSA (as the chart shows), else the default.
 */
function bandToJudge(entry: PracticeExamEntry, cbssas: readonly PracticeExamEntry[]): LowPassBand | null {
  return recordedBand(entry) ? bandForEntry(entry) : latestLowPassBand(cbssas, entry.instrumentId);
}

/** The latest configured three-digit score in the final days before the exam, against standard + margin. */
function evaluateThreeDigitRule(input: ReadinessInput): ReadinessRuleResult {
  const { exam, examDate, today, gate } = input;
  const rule = "THREE_DIGIT_STANDARD_PLUS_MARGIN" as const;
  const { margin, withinDaysOfExam } = gate.threeDigit;
  const ids = gate.threeDigit.instruments.filter((id) => instrumentInforms(id, exam));
  const names =
    ids.length > 0
      ? joinWords(
          ids.map((id) => instrument(id).shortName),
          "or",
        )
      : "three-digit";

  if (examDate === null) {
    return { rule, met: false, detail: `no exam date set; the rule counts ${names} scores in the ${withinDaysOfExam} days before it` };
  }
  const standard = passingStandardOn(exam, examDate);
  if (!standard) return { rule, met: false, detail: `no passing standard known for ${examLabel(exam)} on ${formatDate(examDate)}` };
  const target = standard.minScore + margin;
  const line = `${target} (passing ${standard.minScore} + margin ${margin})`;

  const windowStart = addDays(examDate, -withinDaysOfExam);
  const until = minDate(today, examDate);
  const scores = sortByDate(input.practiceExams.filter((e) => ids.includes(e.instrumentId) && e.takenOn <= until));
  const inWindow = scores.filter((e) => e.takenOn >= windowStart);
  const latest = inWindow.at(-1);

  if (latest) {
    const what = `${instrument(latest.instrumentId).shortName} ${latest.score} on ${formatDate(latest.takenOn)}`;
    if (latest.score >= target) return { rule, met: true, target, detail: `latest ${what}, at or above ${line}` };
    const shortBy = target - latest.score;
    const distance = gateDistance({ shortBy, target });
    return { rule, met: false, target, shortBy, detail: `latest ${what}, ${distance}${line.slice(String(target).length)}` };
  }

  const opens = today < windowStart ? ` (the window opens on ${formatDate(windowStart)})` : "";
  let detail = `no ${names} score in the ${withinDaysOfExam} days before the exam${opens}`;
  const older = scores.at(-1);
  const result: ReadinessRuleResult = { rule, met: false, target, detail };
  if (older) {
    const what = `${instrument(older.instrumentId).shortName} ${older.score} on ${formatDate(older.takenOn)}`;
    if (older.score < target) {
      result.shortBy = target - older.score;
      detail += `; the latest, ${what}, is ${gateDistance(result)}${line.slice(String(target).length)}`;
    } else {
      detail += `; the latest, ${what}, reached ${line} but is too early to count`;
    }
    result.detail = detail;
  }
  return result;
}
