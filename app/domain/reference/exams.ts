/**
 * USMLE exams, passing standards, attempt rules and test-day formats, each
 * versioned by effective date (docs/domain.md §1.2, §1.6, §2, §3).
 */
import type { IsoDate } from "#app/domain/dates";
import type { ReferenceGroup } from "#app/domain/vocabulary";
import type { SourceKey } from "./sources";

export const EXAM_IDS = ["STEP1", "STEP2_CK", "STEP3", "STEP2_CS"] as const;
export type ExamId = (typeof EXAM_IDS)[number];

/** Exams a retake case can be opened for (Step 2 CS was discontinued). */
export const RETAKE_EXAM_IDS = ["STEP1", "STEP2_CK", "STEP3"] as const satisfies readonly ExamId[];
export type RetakeExamId = (typeof RETAKE_EXAM_IDS)[number];

export interface ExamInfo {
  id: ExamId;
  label: string;
  /** Three-digit scale bounds when a score is reported. */
  scaleMin: number;
  scaleMax: number;
  /** Exams taken on or after this date report pass/fail only (Step 1). */
  passFailOnlyFrom: IsoDate | null;
  /** Last administration, for discontinued exams. */
  discontinuedAfter: IsoDate | null;
  /** Whether the content outline has a discipline axis. */
  hasDisciplines: boolean;
  /**
   * The group a fail report's content-area bands compare with: examinees who
   * barely passed (Step 1, pass/fail), else the examinee's own overall
   * performance (docs/domain.md §1.2–1.3).
   */
  failReportReferenceGroup: ReferenceGroup;
  source: SourceKey;
}

export const EXAMS: readonly ExamInfo[] = [
  {
    id: "STEP1",
    label: "Step 1",
    scaleMin: 1,
    scaleMax: 300,
    passFailOnlyFrom: "2022-01-26",
    discontinuedAfter: null,
    hasDisciplines: true,
    failReportReferenceGroup: "LOW_PASS",
    source: "usmleStep1PassFail",
  },
  {
    id: "STEP2_CK",
    label: "Step 2 CK",
    scaleMin: 1,
    scaleMax: 300,
    passFailOnlyFrom: null,
    discontinuedAfter: null,
    hasDisciplines: true,
    failReportReferenceGroup: "OWN_OVERALL",
    source: "usmleScoreReports",
  },
  {
    id: "STEP3",
    label: "Step 3",
    scaleMin: 1,
    scaleMax: 300,
    passFailOnlyFrom: null,
    discontinuedAfter: null,
    hasDisciplines: false,
    failReportReferenceGroup: "OWN_OVERALL",
    source: "usmleScoreReports",
  },
  {
    id: "STEP2_CS",
    label: "Step 2 CS",
    scaleMin: 1,
    scaleMax: 300,
    passFailOnlyFrom: "1900-01-01",
    discontinuedAfter: "2020-03-16",
    hasDisciplines: false,
    failReportReferenceGroup: "OWN_OVERALL",
    source: "usmleScoresTranscripts",
  },
];

export interface PassingStandard {
  exam: ExamId;
  minScore: number;
  effectiveFrom: IsoDate;
  source: SourceKey;
  check: boolean;
}

/** Minimum passing three-digit scores; choose by test date (multi-day exams: the first day). */
export const PASSING_STANDARDS: readonly PassingStandard[] = [
  { exam: "STEP1", minScore: 194, effectiveFrom: "2018-01-01", source: "step1Standard2018", check: false },
  // CHECK: one 2026 source says 196 was held after a Dec 2024 review; no official confirmation at hand.
  { exam: "STEP1", minScore: 196, effectiveFrom: "2022-01-26", source: "step1Standard2022", check: true },
  { exam: "STEP2_CK", minScore: 209, effectiveFrom: "2014-07-01", source: "step2CkStandard2014", check: false },
  { exam: "STEP2_CK", minScore: 214, effectiveFrom: "2022-07-01", source: "step2CkStandard2022", check: false },
  { exam: "STEP2_CK", minScore: 218, effectiveFrom: "2025-07-01", source: "step2CkStandard2025", check: false },
  { exam: "STEP3", minScore: 196, effectiveFrom: "2016-01-01", source: "step3Standard2020", check: false },
  { exam: "STEP3", minScore: 198, effectiveFrom: "2020-01-01", source: "step3Standard2020", check: false },
  { exam: "STEP3", minScore: 200, effectiveFrom: "2024-01-01", source: "step3Standard2024", check: false },
];

export interface AttemptRuleSet {
  id: string;
  /** Applications on or after this date follow this rule set. */
  effectiveFrom: IsoDate;
  effectiveUntil: IsoDate | null;
  /** Attempts (incomplete ones included) allowed per exam before eligibility ends. */
  maxAttemptsPerExam: number;
  /** Attempts at the same exam allowed within any rolling window of `windowMonths`. */
  maxAttemptsInWindow: number;
  windowMonths: number;
  /** From this attempt number on, the spacing below applies. */
  lateAttemptNumber: number;
  lateAttemptMinMonthsAfterFirst: number;
  lateAttemptMinMonthsAfterLatest: number;
  /** Reaching the limit on any exam without passing ends eligibility for every exam. */
  limitEndsAllExams: boolean;
  /** A passed exam cannot be retaken. */
  passedExamRetakeAllowed: boolean;
  source: SourceKey;
}

export const ATTEMPT_RULE_SETS: readonly AttemptRuleSet[] = [
  {
    id: "usmle-2012",
    effectiveFrom: "2012-01-01",
    effectiveUntil: "2021-06-30",
    maxAttemptsPerExam: 6,
    maxAttemptsInWindow: 3,
    windowMonths: 12,
    lateAttemptNumber: 4,
    lateAttemptMinMonthsAfterFirst: 12,
    lateAttemptMinMonthsAfterLatest: 6,
    limitEndsAllExams: false,
    passedExamRetakeAllowed: false,
    source: "usmleAttemptLimit2012",
  },
  {
    id: "usmle-2021",
    effectiveFrom: "2021-07-01",
    effectiveUntil: null,
    maxAttemptsPerExam: 4,
    maxAttemptsInWindow: 3,
    windowMonths: 12,
    lateAttemptNumber: 4,
    lateAttemptMinMonthsAfterFirst: 12,
    lateAttemptMinMonthsAfterLatest: 6,
    limitEndsAllExams: true,
    passedExamRetakeAllowed: false,
    source: "ecfmgReexamination",
  },
];

export interface ExamFormat {
  exam: ExamId;
  effectiveFrom: IsoDate;
  blockMinutes: number;
  maxItemsPerBlock: number;
  /** Blocks on the (first) test day. */
  blocks: number;
  note: string;
  source: SourceKey;
}

/** Test-day block structure, which the plan's timed question blocks imitate. */
export const EXAM_FORMATS: readonly ExamFormat[] = [
  {
    exam: "STEP1",
    effectiveFrom: "2000-01-01",
    blockMinutes: 60,
    maxItemsPerBlock: 40,
    blocks: 7,
    note: "7 × 60 min, up to 40 items",
    source: "format2026",
  },
  {
    exam: "STEP1",
    effectiveFrom: "2026-05-14",
    blockMinutes: 30,
    maxItemsPerBlock: 20,
    blocks: 14,
    note: "14 × 30 min, up to 20 items, 280 items",
    source: "format2026",
  },
  {
    exam: "STEP2_CK",
    effectiveFrom: "2000-01-01",
    blockMinutes: 60,
    maxItemsPerBlock: 40,
    blocks: 8,
    note: "8 × 60 min, up to 40 items",
    source: "format2026",
  },
  {
    exam: "STEP2_CK",
    effectiveFrom: "2026-05-07",
    blockMinutes: 30,
    maxItemsPerBlock: 20,
    blocks: 16,
    note: "16 × 30 min, up to 20 items, at most 318 items",
    source: "format2026",
  },
  {
    exam: "STEP3",
    effectiveFrom: "2000-01-01",
    blockMinutes: 60,
    maxItemsPerBlock: 39,
    blocks: 6,
    note: "Day 1: 6 × 60 min (232 items); Day 2: 6 × 45 min and 13–14 CCS",
    source: "format2026",
  },
  {
    exam: "STEP3",
    effectiveFrom: "2026-03-10",
    blockMinutes: 30,
    maxItemsPerBlock: 20,
    blocks: 12,
    note: "Day 1: 12 × 30 min, 18–20 items; Day 2: 9 × 30 min and 13–14 CCS",
    source: "format2026",
  },
];
