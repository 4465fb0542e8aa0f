/**
 * Proposes a retake plan from the diagnosis and a few inputs (docs/product.md workflow,
 * step 4). The tutor edits the proposal before assigning it, so the
 * generator explains itself: every resource and measure carries its reason,
 * and anything unusual comes back as a warning rather than being silently fixed.
 *
 * Timed blocks follow the exam format in force ON THE EXAM DATE, not today's:
 * the student must train for the format they will sit (Step 1 from 14 May 2026:
 * 30-minute blocks of up to 20 items; before: 60 minutes, up to 40 items).
 */
import { addDays, addWeeks, daysBetween, formatDate, type IsoDate, isIsoDate, isoWeekday } from "#app/domain/dates";
import {
  attemptRulesOn,
  type ExamFormat,
  type ExamId,
  examFormatOn,
  examLabel,
  instrument,
  RETAKE_EXAM_IDS,
  RETAKE_GUIDANCE,
  type RetakeExamId,
} from "#app/domain/reference";
import { capitalize, joinWords, plural } from "#app/domain/text";
import { FINDING_KIND_IDS, type FindingKind } from "#app/domain/vocabulary";
import {
  areaIdsInKey,
  FLASHCARD_RESOURCE,
  fillTemplate,
  MEASURES_BY_FINDING,
  measureTemplate,
  QUESTION_BANKS,
  type TargetedResource,
  targetedResourcesFor,
  usedBefore,
} from "./resources";
import {
  type DayHours,
  type FocusArea,
  PLAN_LIMITS,
  type PlanBlock,
  type PlanMeasure,
  type PlanMilestone,
  type PlanResource,
  type PlanVersionData,
  type RhythmDay,
} from "./schema";
import { apportion } from "./shares";
import {
  FOCUS_RULES,
  fullLengthWeekday,
  MILESTONE_INSTRUMENTS,
  MILESTONE_KIND_NAMES,
  MILESTONE_UIDS,
  type PlanTemplateId,
  RESOURCE_RULES,
  RHYTHM_RULES,
  templateFor,
} from "./templates";
import { totalPlanWeeks } from "./week";

/** A weak area, cluster or strategy problem from the diagnosis. */
export interface FocusCandidate {
  key: string;
  label: string;
  kind: "AREA" | "CLUSTER" | "STRATEGY";
  /** Larger means weaker or more heavily tested: it sets the share of time. */
  weight: number;
  /** Content-area ids it covers; read from `key` when absent. */
  areaIds?: readonly string[];
}

export interface GeneratePlanInput {
  exam: ExamId;
  /** 1 = first retake; 2 or more = after a second (or later) failure. */
  failureNumber: number;
  startDate: IsoDate;
  examDate: IsoDate;
  hoursPerDay: number;
  /** ISO weekday 1 (Monday) … 7 (Sunday). */
  restDay: number;
  previousResources: readonly string[];
  /** Ranked weakest first. */
  focusCandidates: readonly FocusCandidate[];
  strongAreas: readonly { key: string; label: string }[];
  /**
   * Kinds of the findings the plan's author reads in full: they call for the
   * measures, and each measure stores the findings it comes from and their
   * tier when the plan is saved (docs/decisions/0014).
   */
  findingKinds: readonly FindingKind[];
  /**
   * Kinds of the findings shared with the student. The rest of the plan —
   * focus, resources, rhythm — is read by everyone on the case and carries no
   * tier of its own, so it depends on these alone (docs/decisions/0014).
   */
  sharedFindingKinds: readonly FindingKind[];
  /** Messages from the attempt-spacing rules (computed elsewhere); any one refuses the date. */
  spacingViolations: readonly string[];
  /** Days with their own study hours (clerkship days); the others have `hoursPerDay`. */
  dayHours?: readonly DayHours[];
}

export type PlanInputField = "exam" | "failureNumber" | "startDate" | "examDate" | "hoursPerDay" | "restDay";

export interface PlanInputError {
  field: PlanInputField;
  message: string;
}

/** A proposed version: the PlanVersion columns plus the template it came from. */
export interface GeneratedPlan extends PlanVersionData {
  template: PlanTemplateId;
  /** The plan's length in weeks, as the student's week view counts them (`totalPlanWeeks`). */
  durationWeeks: number;
}

/** `plan` is null exactly when there are errors. */
export type GeneratePlanResult =
  | { plan: GeneratedPlan; warnings: string[]; errors: [] }
  | { plan: null; warnings: string[]; errors: PlanInputError[] };

export function generatePlan(input: GeneratePlanInput): GeneratePlanResult {
  const errors = validateInput(input);
  const warnings: string[] = [];
  if (errors.length > 0) return { plan: null, warnings, errors };

  const exam = input.exam as RetakeExamId;
  const template = templateFor(input.failureNumber);
  const days = daysBetween(input.startDate, input.examDate);
  warnings.push(...durationWarnings(days, input.failureNumber));
  warnings.push(...attemptWarnings(exam, input.failureNumber, input.examDate));

  const format = examFormatOn(exam, input.examDate);
  const startFormat = examFormatOn(exam, input.startDate);
  if (startFormat.effectiveFrom !== format.effectiveFrom) {
    warnings.push(
      `The ${examLabel(exam)} format changes on ${formatDate(format.effectiveFrom)}, before the exam: every timed block follows the new format (${format.blockMinutes}-minute blocks of up to ${format.maxItemsPerBlock} items), though question banks may still default to the old one.`,
    );
  }
  if (input.hoursPerDay < RHYTHM_RULES.minHoursForFullRhythm) {
    warnings.push(
      `At ${input.hoursPerDay} hours a day there is little time to review each block; the plan keeps the timed blocks and shortens review. Dedicated retake study usually takes most of the day.`,
    );
  }

  const focus = buildFocusAreas(input.focusCandidates, input.strongAreas);
  warnings.push(...focus.warnings);
  const resources = buildResources(exam, input.previousResources, input.focusCandidates, input.sharedFindingKinds);
  warnings.push(...resources.warnings);
  const milestones = buildMilestones(exam, input.startDate, input.examDate, input.restDay);
  warnings.push(...milestones.warnings);

  const qbank = resources.resources.find((r) => r.kind === "SWITCH_QBANK" || r.kind === "ADD_QBANK")?.name ?? null;
  const targeted = resources.resources.filter((r) => r.kind === "TARGETED").map((r) => r.name);
  const rhythm = buildRhythm({
    exam,
    format,
    hoursPerDay: input.hoursPerDay,
    restDay: input.restDay,
    qbankName: qbank,
    focusLabels: focus.focusAreas.filter((f) => f.kind !== "LIGHT_REVIEW").map((f) => f.label),
    targetedNames: targeted,
    dayHours: input.dayHours,
  });

  return {
    plan: {
      template: template.id,
      durationWeeks: totalPlanWeeks(input.startDate, input.examDate),
      startDate: input.startDate,
      examDate: input.examDate,
      hoursPerDay: input.hoursPerDay,
      restDay: input.restDay,
      content: {
        rhythm,
        ...(input.dayHours && input.dayHours.length > 0 ? { dayHours: [...input.dayHours] } : {}),
        focusAreas: focus.focusAreas,
        resources: resources.resources,
        measures: buildMeasures(exam, input.examDate, input.findingKinds),
        milestones: milestones.milestones,
      },
    },
    warnings,
    errors: [],
  };
}

/** Refusals: what makes any plan for these inputs wrong. */
function validateInput(input: GeneratePlanInput): PlanInputError[] {
  const errors: PlanInputError[] = [];
  if (!(RETAKE_EXAM_IDS as readonly string[]).includes(input.exam)) {
    errors.push({ field: "exam", message: `${input.exam} cannot be retaken: it was discontinued` });
  }
  if (!Number.isInteger(input.failureNumber) || input.failureNumber < 1) {
    errors.push({ field: "failureNumber", message: "A retake plan follows at least one failed attempt" });
  }
  const startOk = isIsoDate(input.startDate);
  const examOk = isIsoDate(input.examDate);
  if (!startOk) errors.push({ field: "startDate", message: "Enter a real start date as YYYY-MM-DD" });
  if (!examOk) errors.push({ field: "examDate", message: "Enter a real exam date as YYYY-MM-DD" });
  if (startOk && examOk && input.examDate <= input.startDate) {
    errors.push({ field: "examDate", message: "The exam date must be after the start date" });
  }
  for (const violation of input.spacingViolations) {
    errors.push({ field: "examDate", message: violation });
  }
  if (
    !Number.isFinite(input.hoursPerDay) ||
    input.hoursPerDay < PLAN_LIMITS.minHoursPerDay ||
    input.hoursPerDay > PLAN_LIMITS.maxHoursPerDay
  ) {
    errors.push({
      field: "hoursPerDay",
      message: `Study hours per day must be between ${PLAN_LIMITS.minHoursPerDay} and ${PLAN_LIMITS.maxHoursPerDay}`,
    });
  }
  if (!Number.isInteger(input.restDay) || input.restDay < 1 || input.restDay > 7) {
    errors.push({ field: "restDay", message: "Choose a rest day, Monday to Sunday" });
  }
  if (errors.length === 0 && !hasFormatOn(input.exam, input.startDate)) {
    errors.push({ field: "startDate", message: `No ${examLabel(input.exam)} test-day format is known for that date` });
  }
  if (errors.length === 0) {
    const max = attemptRulesOn(input.examDate).maxAttemptsPerExam;
    if (input.failureNumber >= max) {
      errors.push({ field: "failureNumber", message: `After ${max} failed attempts the USMLE allows no further attempt at this exam` });
    }
  }
  return errors;
}

/** Formats are versioned by date; before the first one the plan cannot lay out blocks. */
function hasFormatOn(exam: ExamId, date: IsoDate): boolean {
  try {
    examFormatOn(exam, date);
    return true;
  } catch {
    return false;
  }
}

/** The builder form's suggested exam date: the template's default length. */
export function defaultExamDate(startDate: IsoDate, failureNumber: number): IsoDate {
  return addWeeks(startDate, templateFor(failureNumber).weeks.default);
}

/** Warnings about the length of the study period against the retake guidance. */
function durationWarnings(days: number, failureNumber: number): string[] {
  const template = templateFor(failureNumber);
  const weeks = formatWeeks(days);
  if (days < RETAKE_GUIDANCE.rushedRetakeDays) {
    return [
      `Only ${weeks} until the exam: rushed retakes often fail again. The usual window is ${template.windowText}; consider a later date.`,
    ];
  }
  if (days < template.weeks.min * 7) {
    return [`${capitalize(weeks)} is shorter than the usual ${template.windowText}.`];
  }
  if (days > template.weeks.max * 7) {
    return [`${capitalize(weeks)} is longer than the usual ${template.windowText}: long plans risk burnout and forgetting early material.`];
  }
  return [];
}

function attemptWarnings(exam: RetakeExamId, failureNumber: number, examDate: IsoDate): string[] {
  const max = attemptRulesOn(examDate).maxAttemptsPerExam;
  if (failureNumber === max - 1) {
    return [
      `This will be the last ${examLabel(exam)} attempt the USMLE allows (${max} in all): schedule it only with readiness evidence and the school's approval.`,
    ];
  }
  return [];
}

export { fullLengthWeekday } from "./templates";

// ─────────────────────────────── focus areas ───────────────────────────────

/**
 * Shares of the weekly time. Weak areas (at most FOCUS_RULES.maxFocusAreas,
 * weakest first) split what the strong areas' light review leaves, in
 * proportion to their weights but never below a floor; the total is exactly 100.
 */
export function buildFocusAreas(
  candidates: readonly FocusCandidate[],
  strongAreas: readonly { key: string; label: string }[],
): { focusAreas: FocusArea[]; warnings: string[] } {
  const warnings: string[] = [];
  const unique = uniqueBy(candidates, (c) => c.key.trim());
  const selected = unique.slice(0, FOCUS_RULES.maxFocusAreas);
  const dropped = unique.slice(FOCUS_RULES.maxFocusAreas);
  if (dropped.length > 0) {
    warnings.push(
      `Focus kept to the ${FOCUS_RULES.maxFocusAreas} weakest areas; left for the midpoint review: ${dropped.map((c) => c.label).join(", ")}.`,
    );
  }
  const selectedKeys = new Set(selected.map((c) => c.key.trim()));
  const strong = uniqueBy(strongAreas, (s) => s.key.trim()).filter((s) => !selectedKeys.has(s.key.trim()));

  const weak: FocusCandidate[] =
    selected.length > 0 ? selected : [{ key: "mixed", label: "Mixed timed blocks across all content areas", kind: "AREA", weight: 1 }];
  if (selected.length === 0) {
    warnings.push("The diagnosis names no weak areas yet: the focus is mixed review until the diagnosis is complete.");
  }
  const lightShare = strong.length > 0 ? FOCUS_RULES.lightReviewSharePercent : 0;
  const shares = apportion(
    100 - lightShare,
    weak.map((c) => c.weight),
    FOCUS_RULES.minSharePercent,
  );
  const focusAreas: FocusArea[] = weak.map((c, i) => ({
    key: c.key.trim(),
    label: c.label.trim(),
    kind: c.kind,
    sharePercent: shares[i],
  }));
  if (lightShare > 0) {
    focusAreas.push({
      key: "light-review",
      label: listWithin(
        "Light review of strong areas: ",
        strong.map((s) => s.label.trim()),
        200,
      ),
      kind: "LIGHT_REVIEW",
      sharePercent: lightShare,
    });
  }
  return { focusAreas, warnings };
}

// ──────────────────────────────── resources ────────────────────────────────

/**
 * Resource changes (seed 002): a question bank the student has not used,
 * targeted resources for the weak areas (skipping ones used before; fewer
 * when a finding shared with the student names resource overload), and new
 * flashcards from missed questions.
 */
function buildResources(
  exam: RetakeExamId,
  previousResources: readonly string[],
  candidates: readonly FocusCandidate[],
  sharedFindingKinds: readonly FindingKind[],
): { resources: PlanResource[]; warnings: string[] } {
  const warnings: string[] = [];
  const resources: PlanResource[] = [];
  const banks = QUESTION_BANKS.filter((b) => b.exams.includes(exam));
  const used = banks.filter((b) => usedBefore(previousResources, b));
  const fresh = banks.find((b) => b.primary && !used.includes(b));
  if (fresh && used.length === 0) {
    resources.push({
      kind: "ADD_QBANK",
      name: fresh.name,
      reason: `Primary question bank for the daily timed blocks: ${fresh.why}.`,
    });
  } else if (fresh) {
    resources.push({
      kind: "SWITCH_QBANK",
      name: fresh.name,
      reason: `Replaces ${joinWords(used.map((b) => b.name))} as the primary bank: remembered questions feel easier than they are, and a new style exposes gaps the old one hid; ${fresh.why}.`,
    });
  } else {
    const reset = used.find((b) => b.primary) ?? used[0];
    warnings.push("Every question bank on the list was used before: the plan resets one; consider the school's own question sets too.");
    if (reset) {
      resources.push({
        kind: "OTHER",
        name: `${reset.name} (reset, timed random mode)`,
        reason:
          "Every listed bank was used before: a reset bank in timed, random mode at least tests recall under exam conditions rather than recognition.",
      });
    }
  }

  const max = sharedFindingKinds.includes("RESOURCE_OVERLOAD") ? RESOURCE_RULES.maxTargetedWhenOverloaded : RESOURCE_RULES.maxTargeted;
  const chosen: { resource: TargetedResource; labels: string[] }[] = [];
  for (const candidate of candidates) {
    if (candidate.kind === "STRATEGY") continue;
    const areaIds = candidate.areaIds ?? areaIdsInKey(candidate.key);
    const options = targetedResourcesFor(areaIds).filter((r) => !usedBefore(previousResources, r));
    const best = options[0];
    if (!best) continue;
    const existing = chosen.find((c) => c.resource.id === best.id);
    if (existing) existing.labels.push(candidate.label);
    else if (chosen.length < max) chosen.push({ resource: best, labels: [candidate.label] });
  }
  for (const { resource, labels } of chosen) {
    resources.push({ kind: "TARGETED", name: resource.name, reason: `For ${joinWords(labels)}: ${resource.why}.` });
  }
  resources.push({ kind: "FLASHCARDS", name: FLASHCARD_RESOURCE.name, reason: `${capitalize(FLASHCARD_RESOURCE.reason)}.` });
  return { resources, warnings };
}

// ──────────────────────────────── measures ─────────────────────────────────

/** Measures for the findings that call for them, each once, in vocabulary order. */
function buildMeasures(exam: RetakeExamId, examDate: IsoDate, findingKinds: readonly FindingKind[]): PlanMeasure[] {
  const format = examFormatOn(exam, examDate);
  const values = {
    exam: examLabel(exam),
    blocks: format.blocks,
    blockMinutes: format.blockMinutes,
    items: format.maxItemsPerBlock,
    secondsPerItem: Math.round((format.blockMinutes * 60) / format.maxItemsPerBlock),
  };
  const present = new Set(findingKinds);
  const seen = new Set<string>();
  const measures: PlanMeasure[] = [];
  for (const kind of FINDING_KIND_IDS) {
    if (!present.has(kind)) continue;
    for (const id of MEASURES_BY_FINDING[kind]) {
      if (seen.has(id)) continue;
      seen.add(id);
      const t = measureTemplate(id);
      measures.push({ findingKind: kind, title: t.title, description: `${fillTemplate(t.description, values)} ${t.why}` });
    }
  }
  return measures;
}

// ──────────────────────────────── milestones ───────────────────────────────

type StandardMilestoneKind = Exclude<PlanMilestone["kind"], "CUSTOM">;

/**
 * The standard milestones' dates for a study period, each on a full-length
 * day (null when the period has no room for it): the baseline in the first
 * week, the final the earliest full-length day 1–2 weeks before the exam
 * (leaving time to act on the result), the midpoint the full-length day
 * nearest the middle, between the two. With `notBefore`, no date falls
 * earlier (a plan already under way: what is past stays past).
 */
export function standardMilestoneDates(
  startDate: IsoDate,
  examDate: IsoDate,
  restDay: number,
  notBefore: IsoDate | null = null,
): Record<StandardMilestoneKind, IsoDate | null> {
  const flDay = fullLengthWeekday(restDay);
  const flDates: IsoDate[] = [];
  for (let d = startDate; d < examDate; d = addDays(d, 1)) {
    if (isoWeekday(d) === flDay && (notBefore === null || d >= notBefore)) flDates.push(d);
  }
  const { min, max } = RETAKE_GUIDANCE.finalMilestoneDaysBeforeExam;
  const baseline = flDates.find((d) => daysBetween(startDate, d) < 7) ?? null;
  const finalDate =
    flDates.find((d) => {
      const before = daysBetween(d, examDate);
      return before >= min && before <= max && (baseline === null || d > baseline);
    }) ?? null;
  let midpoint: IsoDate | null = null;
  if (finalDate !== null) {
    const target = addDays(startDate, Math.round(daysBetween(startDate, examDate) / 2));
    const after = baseline ?? (notBefore !== null ? addDays(notBefore, -1) : null);
    for (const d of flDates) {
      if ((after !== null && d <= after) || d >= finalDate) continue;
      if (midpoint === null || Math.abs(daysBetween(target, d)) < Math.abs(daysBetween(target, midpoint))) midpoint = d;
    }
    // A fresh plan needs its baseline before a midpoint means anything.
    if (baseline === null && notBefore === null) midpoint = null;
  }
  return { BASELINE: baseline, MIDPOINT: midpoint, FINAL: finalDate };
}

/**
 * Practice-exam milestones on full-length days, so the week's full-length is
 * the milestone exam: a baseline in the first week, one nearest the midpoint,
 * and a final one 1–2 weeks before the exam (the earliest such day, leaving
 * time to act on the result). Dates that do not fit a short plan are left out
 * with a warning.
 */
export function buildMilestones(
  exam: RetakeExamId,
  startDate: IsoDate,
  examDate: IsoDate,
  restDay: number,
): { milestones: PlanMilestone[]; warnings: string[] } {
  const warnings: string[] = [];
  const { min, max } = RETAKE_GUIDANCE.finalMilestoneDaysBeforeExam;
  const { BASELINE: baseline, MIDPOINT: midpoint, FINAL: finalDate } = standardMilestoneDates(startDate, examDate, restDay);
  if (baseline === null) warnings.push("The plan is too short for a baseline practice exam in its first week.");
  if (finalDate === null) warnings.push(`The plan is too short for a final practice exam ${min}–${max} days before the exam.`);
  else if (midpoint === null && baseline !== null) warnings.push("The plan is too short for a separate midpoint practice exam.");

  const milestones: PlanMilestone[] = [];
  const add = (kind: "BASELINE" | "MIDPOINT" | "FINAL", dueOn: IsoDate | null) => {
    if (dueOn === null) return;
    const instrumentId = MILESTONE_INSTRUMENTS[exam][kind];
    milestones.push({
      uid: MILESTONE_UIDS[kind],
      kind,
      dueOn,
      instrumentId,
      label: `${MILESTONE_KIND_NAMES[kind]}: ${instrument(instrumentId).shortName}`,
    });
  };
  add("BASELINE", baseline);
  add("MIDPOINT", midpoint);
  add("FINAL", finalDate);
  return { milestones, warnings };
}

// ───────────────────────────────── rhythm ──────────────────────────────────

interface RhythmOptions {
  exam: RetakeExamId;
  /** The format in force on the exam date. */
  format: ExamFormat;
  hoursPerDay: number;
  restDay: number;
  qbankName: string | null;
  focusLabels: readonly string[];
  targetedNames: readonly string[];
  /** Days with their own study hours (clerkship days), never the rest day or the full-length day. */
  dayHours?: readonly DayHours[];
}

interface SessionMinutes {
  morning: number;
  afternoon: number;
  evening: number;
  /** Of the morning, the minutes of timed blocks. */
  timed: number;
}

/**
 * Splits a study day: evening first (its share), morning and afternoon halve
 * the rest; the timed part of the morning is whole hours (at least one block),
 * so the question volume is the same in either exam format.
 */
export function sessionMinutes(hoursPerDay: number, blockMinutes: number): SessionMinutes {
  const total = Math.round(hoursPerDay * 60);
  const r = RHYTHM_RULES.roundingMinutes;
  let evening = roundTo(total * RHYTHM_RULES.eveningShare, r);
  let morning = roundTo((total - evening) / 2, r);
  const timed = Math.max(blockMinutes, roundTo(morning * RHYTHM_RULES.timedShareOfMorning, RHYTHM_RULES.timedUnitMinutes));
  if (timed > morning) morning = timed;
  const afternoon = Math.max(0, total - evening - morning);
  evening = Math.max(0, total - morning - afternoon);
  return { morning, afternoon, evening, timed };
}

/** The weekly rhythm of seed 002, Monday first. */
export function buildRhythm(options: RhythmOptions): RhythmDay[] {
  const { format } = options;
  const minutes = sessionMinutes(options.hoursPerDay, format.blockMinutes);
  const total = Math.round(options.hoursPerDay * 60);
  const flDay = fullLengthWeekday(options.restDay);
  const bank = options.qbankName ?? "the question bank";
  const focus = options.focusLabels.slice(0, 2);
  const exam = examLabel(options.exam);
  const blockCount = Math.max(1, Math.floor(minutes.timed / format.blockMinutes));

  const targetedText =
    focus.length > 0
      ? `Targeted content for ${joinWords(focus)}${options.targetedNames.length > 0 ? ` (${joinWords(options.targetedNames)})` : ""}.`
      : "Targeted content for the week's focus areas.";
  /** A study day of `m` minutes per session; a day with its own hours says so first. */
  const studyDay = (weekday: number, m: SessionMinutes, count: number, ownHours: number | null): PlanBlock[] => {
    const lead = ownHours === null ? "" : `Shorter day (${plural(ownHours, "study hour")}, e.g. a clerkship day): `;
    return [
      {
        slot: "MORNING",
        kind: "TIMED_BLOCKS",
        description: `${lead}${plural(count, "timed block")} of ${format.blockMinutes} minutes, up to ${format.maxItemsPerBlock} items each (${exam} test-day format), random mode in ${bank}.`,
        minutes: m.morning,
        blockCount: count,
        blockMinutes: format.blockMinutes,
        itemsPerBlock: format.maxItemsPerBlock,
      },
      {
        slot: "AFTERNOON",
        kind: "REVIEW",
        description:
          "In-depth review of the morning's blocks: why each right answer is right and each wrong one wrong; log every miss and its reason.",
        minutes: m.afternoon,
      },
      weekday % 2 === 1
        ? {
            slot: "EVENING",
            kind: "ACTIVE_RECALL",
            description: "Active recall: due flashcards, plus new cards from today's missed questions.",
            minutes: m.evening,
          }
        : { slot: "EVENING", kind: "TARGETED_CONTENT", description: targetedText, minutes: m.evening },
    ];
  };

  // The real test day's blocks for this exam on the exam date (for Step 3, its first day).
  const flBlockCount = format.blocks;
  const flMinutes = flBlockCount * format.blockMinutes;
  const fullLengthDay: PlanBlock[] = [
    {
      slot: "MORNING",
      kind: "FULL_LENGTH",
      description: `Full-length practice exam in one sitting under test-day timing: the milestone exam when one is due, otherwise the ${exam} test day's ${flBlockCount} timed blocks of ${format.blockMinutes} minutes with up to ${format.maxItemsPerBlock} items each from ${bank}.`,
      minutes: flMinutes,
      blockCount: flBlockCount,
      blockMinutes: format.blockMinutes,
      itemsPerBlock: format.maxItemsPerBlock,
    },
    {
      slot: "AFTERNOON",
      kind: "REVIEW",
      description: "Review the incorrect and flagged questions from the exam.",
      minutes: Math.max(60, roundTo(total - flMinutes - RHYTHM_RULES.planningMinutes, RHYTHM_RULES.roundingMinutes)),
    },
    {
      slot: "EVENING",
      kind: "PLANNING",
      description: "Plan next week's focus from the exam's weakest areas.",
      minutes: RHYTHM_RULES.planningMinutes,
    },
  ];
  const restDay: PlanBlock[] = [
    {
      slot: "MORNING",
      kind: "LIGHT_REVIEW",
      description: `Optional light flashcard review, ${RHYTHM_RULES.restDayLightReviewMaxMinutes} minutes at most.`,
      minutes: Math.min(RHYTHM_RULES.restDayLightReviewMaxMinutes, total),
    },
    { slot: "AFTERNOON", kind: "REST", description: "Rest: no studying.", minutes: 0 },
    { slot: "EVENING", kind: "REST", description: "Rest: no studying.", minutes: 0 },
  ];

  const days: RhythmDay[] = [];
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    let blocks: PlanBlock[];
    if (weekday === options.restDay) blocks = restDay;
    else if (weekday === flDay) blocks = fullLengthDay;
    else {
      const own = options.dayHours?.find((d) => d.weekday === weekday)?.hours ?? null;
      if (own === null || own === options.hoursPerDay) blocks = studyDay(weekday, minutes, blockCount, null);
      else {
        const m = sessionMinutes(own, format.blockMinutes);
        blocks = studyDay(weekday, m, Math.max(1, Math.floor(m.timed / format.blockMinutes)), own);
      }
    }
    // A session with no time left (very short days) is dropped rather than shown empty.
    days.push({ weekday, blocks: blocks.filter((b) => b.kind === "REST" || b.minutes > 0).map((b) => ({ ...b })) });
  }
  return days;
}

// ──────────────────────────────── helpers ──────────────────────────────────

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (k === "" || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function formatWeeks(days: number): string {
  return plural(Math.round((days / 7) * 10) / 10, "week");
}

/** `prefix` plus as many names as fit in `max` characters, then "and N more". */
function listWithin(prefix: string, names: readonly string[], max: number): string {
  for (let n = names.length; n >= 1; n -= 1) {
    const more = names.length - n;
    const text = `${prefix}${names.slice(0, n).join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
    if (text.length <= max) return text;
  }
  return `${prefix}${names.length} areas`.slice(0, max);
}
