/**
 * Plan templates and the proportions the generator builds a week from, kept as
 * data so a tutor-facing change is one edit. Timeline thresholds are not here:
 * they come from RETAKE_GUIDANCE (reference/guidance.ts), the one place for them.
 */
import { type InstrumentId, RETAKE_GUIDANCE, type RetakeExamId } from "#app/domain/reference";
import type { MilestoneKind } from "#app/domain/vocabulary";

export const PLAN_TEMPLATE_IDS = ["first-retake", "later-retake"] as const;
export type PlanTemplateId = (typeof PLAN_TEMPLATE_IDS)[number];

interface PlanTemplate {
  id: PlanTemplateId;
  label: string;
  /** The recommended dedicated period, in weeks (min, max, default). */
  weeks: { readonly min: number; readonly max: number; readonly default: number };
  /** What the window means, for warnings a tutor reads. */
  windowText: string;
}

const FIRST = RETAKE_GUIDANCE.firstRetakeWeeks;
const LATER = RETAKE_GUIDANCE.laterRetakeWeeks;

/** Whole months in a number of weeks (52 weeks = 12 months): 13 → 3, 26 → 6. */
const months = (weeks: number) => Math.round((weeks * 12) / 52);
const laterMonths = `${months(LATER.min)}–${months(LATER.max)} months`;

/** Stored on each plan version so the office can compare score gain per template. */
export const PLAN_TEMPLATES: Record<PlanTemplateId, PlanTemplate> = {
  "first-retake": {
    id: "first-retake",
    label: `First retake (${FIRST.default}-week rhythm)`,
    weeks: FIRST,
    windowText: `${FIRST.min}–${FIRST.max} weeks for a first retake`,
  },
  "later-retake": {
    id: "later-retake",
    label: `After a second failure (${laterMonths})`,
    weeks: LATER,
    windowText: `${LATER.min}–${LATER.max} weeks (${laterMonths}) after a second failure`,
  },
};

/** `failureNumber` 1 is a first retake; from a second failure on (RETAKE_GUIDANCE) the longer window applies. */
export function templateFor(failureNumber: number): PlanTemplate {
  return failureNumber >= RETAKE_GUIDANCE.secondFailureCount ? PLAN_TEMPLATES["later-retake"] : PLAN_TEMPLATES["first-retake"];
}

/**
 * How a study day is divided (seed 002: mornings 3–4 h of timed blocks,
 * afternoons 3–4 h of review, evenings 1–2 h of recall or targeted content).
 */
export const RHYTHM_RULES = {
  /** Share of the daily hours spent in the evening session. */
  eveningShare: 0.2,
  /** Session lengths are rounded to this many minutes. */
  roundingMinutes: 15,
  /** Share of the morning spent answering timed blocks (the rest: set-up, breaks, marking). */
  timedShareOfMorning: 0.6,
  /**
   * Timed time is counted in whole hours before it is cut into blocks, so both
   * formats ask the same number of questions (2 × 40 items = 4 × 20 items).
   */
  timedUnitMinutes: 60,
  /** Saturday evening: plan next week's focus. */
  planningMinutes: 30,
  /** Seed 002: "Light Anki review (1 hour max)" on the rest day. */
  restDayLightReviewMaxMinutes: 60,
  /** The full-length practice exam's day; moves to the day before when it is the rest day. */
  fullLengthWeekday: 6,
  /** Below this, the seed's full day no longer fits and the review shrinks. */
  minHoursForFullRhythm: 4,
} as const;

/** The full-length practice exam goes on Saturday, or on Friday when Saturday is the rest day. */
export function fullLengthWeekday(restDay: number): number {
  const preferred = RHYTHM_RULES.fullLengthWeekday;
  return restDay === preferred ? ((preferred + 5) % 7) + 1 : preferred;
}

/** How the weekly time is shared between focus areas. */
export const FOCUS_RULES = {
  /** More than this many focus areas dilutes the plan; the rest wait for the midpoint review. */
  maxFocusAreas: 6,
  /** No weak area gets less than this share. */
  minSharePercent: 5,
  /** Strong areas together keep this share, on light review. */
  lightReviewSharePercent: 10,
} as const;

/** How many targeted resources to suggest: more than a few is resource overload. */
export const RESOURCE_RULES = {
  maxTargeted: 3,
  /** When the diagnosis found resource overload. */
  maxTargetedWhenOverloaded: 2,
} as const;

/**
 * The instrument each standard milestone uses. Step 1 and Step 2 CK use the NBME
 * self-assessment that predicts the exam (a different form each time). For
 * Step 3, NBME says the CCMSA does not predict the exam, so it serves the
 * baseline and midpoint (finding weak areas) and the official sample items
 * (Free 120) the final check, the closest thing to the real test it has.
 */
export const MILESTONE_INSTRUMENTS: Record<RetakeExamId, Record<Exclude<MilestoneKind, "CUSTOM">, InstrumentId>> = {
  STEP1: { BASELINE: "NBME_CBSSA", MIDPOINT: "NBME_CBSSA", FINAL: "NBME_CBSSA" },
  STEP2_CK: { BASELINE: "NBME_CCSSA", MIDPOINT: "NBME_CCSSA", FINAL: "NBME_CCSSA" },
  STEP3: { BASELINE: "NBME_CCMSA", MIDPOINT: "NBME_CCMSA", FINAL: "FREE_120" },
};

/** Stable milestone uids: calendar entries and practice-exam links survive new versions. */
export const MILESTONE_UIDS = { BASELINE: "baseline", MIDPOINT: "midpoint", FINAL: "final" } as const;

export const MILESTONE_KIND_NAMES: Record<MilestoneKind, string> = {
  BASELINE: "Baseline practice exam",
  MIDPOINT: "Midpoint practice exam",
  FINAL: "Final practice exam",
  CUSTOM: "Practice exam",
};
