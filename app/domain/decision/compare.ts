/**
 * "Sit or postpone?": the evidence for the planned exam date and the next
 * dates the rules allow, side by side (docs/product.md, decision support).
 * For each date: the projected score with its interval against the passing
 * standard in force on that date, the readiness gate, the attempts left and
 * the earliest date a further attempt would be allowed if this one failed,
 * the school's policy for the next failure and the milestones not yet done.
 * It says what the evidence says, with reasons; it never decides: the tutor
 * records the decision.
 *
 * Pure: everything comes from the attempt rules, the reference data, the
 * trajectory module and the school's settings, all reused as they are.
 *
 * Edges (tested):
 * - "No allowed attempt in the next 12 months" means: if this sitting fails,
 *   the rules allow no further attempt at all, or none before the date one
 *   rolling window (`windowMonths`, 12) after this one.
 * - An interval straddles the line when its low end is below the passing
 *   standard and its high end is at or above it; the low end exactly at the
 *   standard clears it (the standard is a minimum passing score).
 * - A gate met with no points to spare (the latest score exactly at standard
 *   plus margin) is met "only by the margin": it is said so.
 * - The standard compared is the one in force on each date, so two dates on
 *   either side of a change compare against different lines, and it is said so.
 */

import { type AttemptRecord, checkProposedAttempt, summarizeAttempts } from "#app/domain/attempts/rules";
import { addDays, addMonths, addWeeks, daysBetween, formatDate, type IsoDate } from "#app/domain/dates";
import {
  type ExamId,
  examLabel,
  instrument,
  instrumentInforms,
  isPassFailOnly,
  passingStandardOn,
  RETAKE_GUIDANCE,
} from "#app/domain/reference";
import { consequenceLabel, policyFor, type SchoolSettings } from "#app/domain/settings/settings";
import { ordinal, plural } from "#app/domain/text";
import { buildTrajectoryCharts } from "#app/domain/trajectory/chart-data";
import { formatScore, type MilestoneEntry, type PracticeExamEntry } from "#app/domain/trajectory/practice";
import { evaluateReadiness, type ReadinessResult } from "#app/domain/trajectory/readiness";

/** Besides the planned date, postponements of this many weeks after it are compared (a product choice, not a rule). */
export const POSTPONE_OPTION_WEEKS = [4, 8] as const;

export interface DecisionInput {
  exam: ExamId;
  today: IsoDate;
  /** The case's target exam date, or null when none is set. */
  plannedDate: IsoDate | null;
  /** Every recorded attempt of the student (all exams). */
  attempts: readonly AttemptRecord[];
  practiceExams: readonly PracticeExamEntry[];
  milestones: readonly MilestoneEntry[];
  settings: Pick<SchoolSettings, "readinessGate" | "schoolAttemptLimit" | "policyLadder">;
}

type IntervalPosition = "CLEARS" | "STRADDLES" | "BELOW";

export interface ProjectionAtDate {
  instrument: string;
  /** Rounded for display on the instrument's own scale. */
  projected: string;
  low: string;
  high: string;
  confidencePercent: number;
  /** What the interval is compared with: the standard (three-digit) or the low-pass band (percent). */
  line: string;
  position: IntervalPosition;
}

export interface StandardAtDate {
  /** The minimum passing score in force on the date, null when none is published. */
  minScore: number | null;
  effectiveFrom: IsoDate | null;
  passFailOnly: boolean;
  /** Different from the standard in force on the first date compared. */
  changedFromFirst: boolean;
}

export interface AttemptsAtDate {
  /** The rules allow sitting on this date. */
  allowed: boolean;
  /** Why not, in words (empty when allowed). */
  problems: string[];
  attemptNumber: number;
  /** Attempts left before this sitting (the smaller of the USMLE's and the school's). */
  attemptsLeftBefore: number;
  /** Attempts left if this sitting fails. */
  attemptsLeftAfterFailure: number;
  /** Failing this sitting ends eligibility for every Step. */
  lastChance: boolean;
  /** If this sitting failed: the earliest date another attempt is allowed, or null when none ever is. */
  nextAllowedAfterFailure: IsoDate | null;
  /** If this sitting failed, no further attempt would be allowed within the next rolling window (12 months). */
  noAttemptWithinWindow: boolean;
  windowMonths: number;
}

export interface PolicyAtDate {
  failureNumber: number;
  consequence: string | null;
  description: string | null;
}

export interface GateAtDate {
  applicable: boolean;
  met: boolean;
  howFar: string;
  summary: string;
  /** Met with no points to spare: the latest three-digit score sits exactly at standard + margin. */
  metOnlyByMargin: boolean;
  /** The gate counts scores from a window that has not opened yet: there is time to meet it. */
  windowNotYetOpen: boolean;
}

type ReasonLeaning = "SIT" | "POSTPONE" | "NEUTRAL";

export interface Reason {
  leaning: ReasonLeaning;
  text: string;
}

export interface DateOption {
  date: IsoDate;
  label: string;
  kind: "PLANNED" | "EARLIEST" | "POSTPONE" | "CHOSEN";
  daysAway: number;
  standard: StandardAtDate;
  projections: ProjectionAtDate[];
  gate: GateAtDate;
  attempts: AttemptsAtDate;
  policy: PolicyAtDate;
  /** Milestones due before this date with no practice exam to show for them yet. */
  milestonesOpen: Array<{ label: string; dueOn: IsoDate }>;
  reasons: Reason[];
  /** What the evidence says, in one sentence (never a bare verdict: the reasons carry it). */
  summary: string;
}

export interface DecisionComparison {
  exam: ExamId;
  examLabel: string;
  plannedDate: IsoDate | null;
  options: DateOption[];
  /** Nothing can be compared: no attempt is allowed at any date. */
  blocked: string | null;
}

/** The first date after `today` the spacing rules accept for the next attempt, or null when none does. */
function earliestAllowedDate(input: Pick<DecisionInput, "attempts" | "exam" | "today" | "settings">): IsoDate | null {
  const from = addDays(input.today, 1);
  const check = checkProposedAttempt(input.attempts, input.exam, from, { schoolAttemptLimit: input.settings.schoolAttemptLimit });
  if (check.blocked) return null;
  if (check.earliestAllowedDate === null || check.earliestAllowedDate < from) return from;
  return check.earliestAllowedDate;
}

/**
 * The dates compared: the planned date; the earliest allowed one when the
 * planned date is missing, in the past or not allowed; postponements of
 * POSTPONE_OPTION_WEEKS after the planned (or earliest) date; and a date the
 * tutor chose. In date order, without repeats.
 */
export function candidateDates(input: DecisionInput, chosen: IsoDate | null = null): Array<{ date: IsoDate; kind: DateOption["kind"] }> {
  const out: Array<{ date: IsoDate; kind: DateOption["kind"] }> = [];
  const earliest = earliestAllowedDate(input);
  const planned = input.plannedDate !== null && input.plannedDate > input.today ? input.plannedDate : null;
  if (planned) out.push({ date: planned, kind: "PLANNED" });
  const plannedAllowed =
    planned !== null &&
    checkProposedAttempt(input.attempts, input.exam, planned, { schoolAttemptLimit: input.settings.schoolAttemptLimit }).ok;
  if (earliest && !plannedAllowed) out.push({ date: earliest, kind: "EARLIEST" });
  const base = plannedAllowed && planned ? planned : earliest;
  if (base) for (const weeks of POSTPONE_OPTION_WEEKS) out.push({ date: addWeeks(base, weeks), kind: "POSTPONE" });
  if (chosen && chosen > input.today) out.push({ date: chosen, kind: "CHOSEN" });
  const firstOfEach = new Map<IsoDate, (typeof out)[number]>();
  for (const c of out) if (!firstOfEach.has(c.date)) firstOfEach.set(c.date, c);
  return [...firstOfEach.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function compareDates(input: DecisionInput, chosen: IsoDate | null = null): DecisionComparison {
  const candidates = candidateDates(input, chosen);
  const summary = summarizeAttempts(input.attempts, { schoolAttemptLimit: input.settings.schoolAttemptLimit });
  const exam = summary.byExam[input.exam];
  const blocked =
    candidates.length === 0
      ? (summary.ineligibleReason ??
        (exam.passed
          ? `${exam.label} is passed.`
          : `No further attempt at ${exam.label} is allowed under the rules and the school's limit.`))
      : null;
  const first = candidates[0]?.date ?? null;
  const firstStandard = first ? passingStandardOn(input.exam, first) : null;
  return {
    exam: input.exam,
    examLabel: examLabel(input.exam),
    plannedDate: input.plannedDate,
    options: candidates.map((c) => evaluateDate(input, c.date, c.kind, firstStandard?.minScore ?? null)),
    blocked,
  };
}

const KIND_LABELS: Record<DateOption["kind"], string> = {
  PLANNED: "Planned date",
  EARLIEST: "Earliest allowed",
  POSTPONE: "Postponed",
  CHOSEN: "Your date",
};

/** The evidence for sitting on `date`. */
export function evaluateDate(
  input: DecisionInput,
  date: IsoDate,
  kind: DateOption["kind"] = "CHOSEN",
  firstStandardScore: number | null = null,
): DateOption {
  const standardRow = passingStandardOn(input.exam, date);
  const standard: StandardAtDate = {
    minScore: standardRow?.minScore ?? null,
    effectiveFrom: standardRow?.effectiveFrom ?? null,
    passFailOnly: isPassFailOnly(input.exam, date),
    changedFromFirst: firstStandardScore !== null && standardRow !== null && standardRow.minScore !== firstStandardScore,
  };
  const projections = projectionsAt(input, date);
  const readiness = evaluateReadiness({
    exam: input.exam,
    examDate: date,
    today: input.today,
    practiceExams: input.practiceExams,
    gate: input.settings.readinessGate,
  });
  const gate = gateAt(input, date, readiness);
  const attempts = attemptsAt(input, date);
  const failures = summarizeAttempts(input.attempts).byExam[input.exam].failures;
  const rung = policyFor(input.settings.policyLadder, failures + 1);
  const policy: PolicyAtDate = {
    failureNumber: failures + 1,
    consequence: rung ? consequenceLabel(rung.consequence) : null,
    description: rung?.description ?? null,
  };
  const milestonesOpen = openMilestones(input, date);
  const option = {
    date,
    label: `${KIND_LABELS[kind]}: ${formatDate(date)}`,
    kind,
    daysAway: daysBetween(input.today, date),
    standard,
    projections,
    gate,
    attempts,
    policy,
    milestonesOpen,
  };
  const reasons = reasonsFor(input, option);
  return { ...option, reasons, summary: summarize(reasons, attempts) };
}

/** Each instrument's projection to the date, with its interval placed against the standard on that date or the low-pass band. */
function projectionsAt(input: DecisionInput, date: IsoDate): ProjectionAtDate[] {
  const charts = buildTrajectoryCharts({
    exam: input.exam,
    examDate: date,
    today: input.today,
    practiceExams: input.practiceExams.filter((p) => p.takenOn <= input.today),
    milestones: [],
  });
  const out: ProjectionAtDate[] = [];
  for (const chart of charts) {
    const ref = chart.passingReference;
    if (!ref) continue;
    const [lineLow, lineHigh] = ref.kind === "PASSING_STANDARD" ? [ref.score, ref.score] : [ref.low, ref.high];
    for (const series of chart.series) {
      const p = series.projection;
      if (p?.kind !== "PROJECTED" || !instrument(series.instrumentId).predictive) continue;
      const family = chart.scaleFamily;
      out.push({
        instrument: series.label,
        projected: formatScore(p.projected, family),
        low: formatScore(p.low, family),
        high: formatScore(p.high, family),
        confidencePercent: Math.round(p.confidence * 100),
        line:
          ref.kind === "PASSING_STANDARD"
            ? `passing standard ${formatScore(ref.score, family)}`
            : `low-pass band ${formatScore(ref.low, family)}–${formatScore(ref.high, family)}`,
        position: intervalPosition(p.low, p.high, lineLow, lineHigh),
      });
    }
  }
  return out;
}

/**
 * Where an interval sits against a line (a standard: low = high) or a band:
 * it clears it when its low end is at or above the line's top, is below when
 * its high end is under the line's bottom, and straddles it otherwise.
 */
export function intervalPosition(low: number, high: number, lineLow: number, lineHigh: number): IntervalPosition {
  if (low >= lineHigh) return "CLEARS";
  if (high < lineLow) return "BELOW";
  return "STRADDLES";
}

function gateAt(input: DecisionInput, date: IsoDate, readiness: ReadinessResult): GateAtDate {
  const three = readiness.rules.find((r) => r.rule === "THREE_DIGIT_STANDARD_PLUS_MARGIN");
  const windowStart = addDays(date, -input.settings.readinessGate.threeDigit.withinDaysOfExam);
  const latest = three?.met ? latestThreeDigit(input, windowStart, date) : null;
  return {
    applicable: readiness.applicable,
    met: readiness.met,
    howFar: readiness.howFar,
    summary: readiness.summary,
    metOnlyByMargin: readiness.met && latest !== null && three?.target !== undefined && latest.score === three.target,
    windowNotYetOpen: readiness.applicable && !readiness.met && windowStart > input.today && three !== undefined,
  };
}

/** The score the three-digit rule judges: the latest qualifying one in its window (as the readiness module reads it). */
function latestThreeDigit(input: DecisionInput, from: IsoDate, date: IsoDate): PracticeExamEntry | null {
  const ids = input.settings.readinessGate.threeDigit.instruments.filter((id) => instrumentInforms(id, input.exam));
  const until = input.today < date ? input.today : date;
  const scores = input.practiceExams
    .filter((e) => ids.includes(e.instrumentId) && e.takenOn >= from && e.takenOn <= until)
    .sort((a, b) => (a.takenOn < b.takenOn ? -1 : a.takenOn > b.takenOn ? 1 : a.id.localeCompare(b.id)));
  return scores.at(-1) ?? null;
}

function attemptsAt(input: DecisionInput, date: IsoDate): AttemptsAtDate {
  const options = { schoolAttemptLimit: input.settings.schoolAttemptLimit };
  const check = checkProposedAttempt(input.attempts, input.exam, date, options);
  const before = summarizeAttempts(input.attempts, options).byExam[input.exam];
  const afterFailure = [...input.attempts, { exam: input.exam, takenOn: date, outcome: "FAIL" as const }];
  const after = summarizeAttempts(afterFailure, options).byExam[input.exam];
  const next = checkProposedAttempt(afterFailure, input.exam, addDays(date, 1), options);
  const nextAllowed = next.blocked ? null : (next.earliestAllowedDate ?? addDays(date, 1));
  const windowMonths = check.rules.windowMonths;
  return {
    allowed: check.ok,
    problems: check.violations.map((v) => v.message),
    attemptNumber: check.attemptNumber,
    attemptsLeftBefore: before.attemptsLeft,
    attemptsLeftAfterFailure: after.attemptsLeft,
    lastChance: check.isLastChance,
    nextAllowedAfterFailure: nextAllowed,
    noAttemptWithinWindow: nextAllowed === null || nextAllowed >= addMonths(date, windowMonths),
    windowMonths,
  };
}

/**
 * A milestone counts as done when a practice exam was linked to it or taken
 * within the grace days of it (as the trajectory's risk flags judge it); the
 * open ones due before the date are listed.
 */
function openMilestones(input: DecisionInput, date: IsoDate): Array<{ label: string; dueOn: IsoDate }> {
  const grace = RETAKE_GUIDANCE.milestoneGraceDays;
  const taken = input.practiceExams.filter((e) => e.takenOn <= input.today);
  return [...input.milestones]
    .filter((m) => m.dueOn < date)
    .filter(
      (m) =>
        !taken.some(
          (e) =>
            e.milestoneUid === m.uid ||
            ((m.instrumentId === null || e.instrumentId === m.instrumentId) && Math.abs(daysBetween(m.dueOn, e.takenOn)) <= grace),
        ),
    )
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .map((m) => ({ label: m.label, dueOn: m.dueOn }));
}

function reasonsFor(input: DecisionInput, o: Omit<DateOption, "reasons" | "summary">): Reason[] {
  const reasons: Reason[] = [];
  const label = examLabel(input.exam);
  if (!o.attempts.allowed) {
    reasons.push({ leaning: "POSTPONE", text: `The rules do not allow sitting on this date: ${o.attempts.problems.join(" ")}` });
  }
  if (o.standard.changedFromFirst && o.standard.minScore !== null) {
    reasons.push({
      leaning: "NEUTRAL",
      text: `A different passing standard applies on this date: ${o.standard.minScore}, in force from ${formatDate(o.standard.effectiveFrom ?? o.date)}.`,
    });
  }
  if (o.projections.length === 0) {
    reasons.push({ leaning: "NEUTRAL", text: "Not enough practice scores on a predictive instrument to project to this date." });
  }
  for (const p of o.projections) {
    const range = `${p.instrument} projects ${p.projected} (${p.confidencePercent}% interval ${p.low}–${p.high})`;
    if (p.position === "CLEARS") reasons.push({ leaning: "SIT", text: `${range}: the whole interval is at or above the ${p.line}.` });
    else if (p.position === "BELOW") reasons.push({ leaning: "POSTPONE", text: `${range}: the whole interval is below the ${p.line}.` });
    else {
      reasons.push({
        leaning: "NEUTRAL",
        text: `${range}: the interval straddles the ${p.line}, so the projection alone cannot say whether the score would pass.`,
      });
    }
  }
  if (o.gate.applicable) {
    if (o.gate.met && o.gate.metOnlyByMargin) {
      reasons.push({
        leaning: "NEUTRAL",
        text: "The readiness gate is met only by the margin: the latest score is exactly the passing standard plus the school's margin, with nothing to spare.",
      });
    } else if (o.gate.met) reasons.push({ leaning: "SIT", text: "The readiness gate is met." });
    else if (o.gate.windowNotYetOpen) {
      reasons.push({
        leaning: "NEUTRAL",
        text: `The readiness gate is not met yet (${o.gate.howFar.toLowerCase()}); it counts scores from the ${input.settings.readinessGate.threeDigit.withinDaysOfExam} days before this date, so there is time to meet it.`,
      });
    } else reasons.push({ leaning: "POSTPONE", text: `The readiness gate is not met: ${o.gate.howFar.toLowerCase()}.` });
  }
  if (o.attempts.allowed) {
    const left = o.attempts.attemptsLeftAfterFailure;
    if (o.attempts.nextAllowedAfterFailure === null) {
      reasons.push({
        leaning: "POSTPONE",
        text: o.attempts.lastChance
          ? `This would be the ${ordinal(o.attempts.attemptNumber)} and last allowed attempt at ${label}: failing it ends eligibility for every Step.`
          : `If this attempt failed, no further attempt at ${label} would be allowed (${plural(left, "attempt")} left).`,
      });
    } else if (o.attempts.noAttemptWithinWindow) {
      reasons.push({
        leaning: "POSTPONE",
        text: `If this attempt failed, the next would not be allowed before ${formatDate(o.attempts.nextAllowedAfterFailure)}: no attempt in the ${o.attempts.windowMonths} months after this date.`,
      });
    } else {
      reasons.push({
        leaning: "NEUTRAL",
        text: `If this attempt failed, ${plural(left, "attempt")} would be left, the next allowed from ${formatDate(o.attempts.nextAllowedAfterFailure)}.`,
      });
    }
  }
  if (o.policy.consequence) {
    reasons.push({
      leaning: "NEUTRAL",
      text: `A ${ordinal(o.policy.failureNumber)} failure at the school means: ${o.policy.consequence}. ${o.policy.description ?? ""}`.trim(),
    });
  }
  if (o.milestonesOpen.length > 0) {
    reasons.push({
      leaning: "POSTPONE",
      text: `${plural(o.milestonesOpen.length, "milestone")} due before this date ${o.milestonesOpen.length === 1 ? "is" : "are"} not done: ${o.milestonesOpen.map((m) => m.label).join("; ")}.`,
    });
  }
  return reasons;
}

function summarize(reasons: readonly Reason[], attempts: AttemptsAtDate): string {
  if (!attempts.allowed) return "The rules do not allow this date.";
  const sit = reasons.filter((r) => r.leaning === "SIT").length;
  const postpone = reasons.filter((r) => r.leaning === "POSTPONE").length;
  if (sit > 0 && postpone === 0) return `The evidence supports sitting on this date (${plural(sit, "reason")} for, none against).`;
  if (postpone > 0 && sit === 0) return `The evidence points to more time (${plural(postpone, "concern")}, nothing clearly for sitting).`;
  if (sit === 0 && postpone === 0) return "The evidence is not conclusive either way: see the reasons.";
  return `The evidence is mixed: ${plural(sit, "reason")} for sitting, ${plural(postpone, "concern")}.`;
}

/**
 * The same evidence in gentler words, for the student: where their practice
 * scores stand for the date, the readiness check, what is still to do. No
 * policy consequences and no attempt arithmetic beyond whether the date is
 * possible: those are for the conversation with their tutor.
 */
export function studentWords(option: DateOption): string[] {
  const lines: string[] = [];
  if (!option.attempts.allowed) lines.push("This date is not possible under the exam's rules.");
  const p = option.projections[0];
  if (!p) lines.push("There are not enough practice scores yet to say where you are heading by this date.");
  else if (p.position === "CLEARS") lines.push(`Your ${p.instrument} scores are heading above the passing mark by this date.`);
  else if (p.position === "STRADDLES") {
    lines.push(
      `Your ${p.instrument} scores are heading close to the passing mark by this date; the next practice exams will make it clearer.`,
    );
  } else lines.push(`Your ${p.instrument} scores still have ground to cover for this date; your tutor will plan it with you.`);
  if (option.gate.applicable) {
    lines.push(
      option.gate.met
        ? "You have met the school's readiness check."
        : `The school's readiness check is not met yet (${option.gate.howFar.toLowerCase()}).`,
    );
  }
  if (option.milestonesOpen.length > 0)
    lines.push(`Still to do before this date: ${option.milestonesOpen.map((m) => m.label).join("; ")}.`);
  return lines;
}
