/**
 * Thresholds the product's rules use, kept as data so one edit changes them.
 * They are working defaults from the retake literature (docs/domain.md §6.4), not
 * official USMLE rules; schools adjust theirs in school settings.
 */
import type { SourceKey } from "./sources";

export const RETAKE_GUIDANCE = {
  /** Dedicated study period for a first retake, in weeks. */
  firstRetakeWeeks: { min: 6, max: 12, default: 8 },
  /** After a second failure, in weeks (3–6 months). */
  laterRetakeWeeks: { min: 13, max: 26, default: 16 },
  /**
   * Failures of one exam that make a "second failure": the case escalates to
   * the school's office and the later-retake window applies from here on.
   */
  secondFailureCount: 2,
  /** Failures of one exam that make a "third failure": with an attempt left, the next failure can end eligibility. */
  thirdFailureCount: 3,
  /** A retake sooner than this after the failure is "rushed". */
  rushedRetakeDays: 42,
  /** An active case with no practice exam for this long is at risk. */
  practiceGapDays: 21,
  /** A milestone counts as met by a practice exam within this many days of it. */
  milestoneGraceDays: 3,
  /**
   * Qualifying CBSSA results the readiness gate asks for by default (NBME: "two
   * or more such results are more reassuring than one").
   */
  readinessMinResults: 2,
  /** The readiness gate should be met this many days before the exam. */
  gateDeadlineDaysBeforeExam: 14,
  /**
   * A three-digit score counts toward the readiness gate when taken this many
   * days before the exam: longer than the gate deadline, so the gate can be met by then.
   */
  threeDigitGateWindowDays: 28,
  /** The final milestone falls this many days before the exam (1–2 weeks). */
  finalMilestoneDaysBeforeExam: { min: 7, max: 14 },
  /** Prediction interval used for trajectory projections. */
  projectionConfidence: 0.8,
  /** Fewer points than this give no projection. */
  projectionMinPoints: 3,
  source: "retakeTimelines" satisfies SourceKey,
} as const;
