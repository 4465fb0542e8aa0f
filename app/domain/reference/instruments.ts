/**
 * Practice assessments, each on its own scale (docs/domain.md §4). Scores are stored
 * on the instrument's scale and never converted; charts group instruments by
 * `scaleFamily` so percent and three-digit scales never share an axis.
 */
import type { ExamId } from "./exams";
import type { SourceKey } from "./sources";

export const SCALE_FAMILIES = ["PERCENT", "THREE_DIGIT", "ASSESSMENT_800", "CBSE_SCALED"] as const;
export type ScaleFamily = (typeof SCALE_FAMILIES)[number];

export const SCALE_FAMILY_LABELS: Record<ScaleFamily, string> = {
  PERCENT: "Percent correct",
  THREE_DIGIT: "Three-digit score",
  ASSESSMENT_800: "Assessment score (10–800)",
  CBSE_SCALED: "CBSE scaled score",
};

export const INSTRUMENT_IDS = ["NBME_CBSSA", "NBME_CCSSA", "NBME_CCMSA", "NBME_CBSE", "UWSA", "FREE_120", "AMBOSS_SA", "OTHER"] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

export interface PracticeForm {
  name: string;
  /** The exam this form targets when the instrument spans several. */
  exam: ExamId | null;
  active: boolean;
}

export interface PracticeInstrument {
  id: InstrumentId;
  name: string;
  shortName: string;
  /** Exams whose readiness it informs. */
  targetExams: readonly ExamId[];
  scaleFamily: ScaleFamily;
  scaleLabel: string;
  scaleMin: number;
  scaleMax: number;
  /** Half-width of the likely range printed around the score (CBSSA: EPC ± 4). */
  likelyRangeHalfWidth: number | null;
  /** The report prints an estimated probability of passing. */
  reportsPassProbability: boolean;
  /** The report prints a low-pass band; the default applies when it was not recorded. */
  defaultLowPassBand: { low: number; high: number } | null;
  /** Whether the publisher intends it to predict the exam. */
  predictive: boolean;
  forms: readonly PracticeForm[];
  note: string;
  source: SourceKey;
  check: boolean;
}

const forms = (names: string[], exam: ExamId | null = null, active = true): PracticeForm[] => names.map((name) => ({ name, exam, active }));

/** A raw percent correct on any Step's material: no likely range, report figures, prediction or checked forms. */
const RAW_PERCENT = {
  targetExams: ["STEP1", "STEP2_CK", "STEP3"],
  scaleFamily: "PERCENT",
  scaleLabel: "Percent correct",
  scaleMin: 0,
  scaleMax: 100,
  likelyRangeHalfWidth: null,
  reportsPassProbability: false,
  defaultLowPassBand: null,
  predictive: false,
  check: false,
} as const satisfies Partial<PracticeInstrument>;

export const PRACTICE_INSTRUMENTS: readonly PracticeInstrument[] = [
  {
    id: "NBME_CBSSA",
    name: "NBME Comprehensive Basic Science Self-Assessment",
    shortName: "CBSSA",
    targetExams: ["STEP1"],
    scaleFamily: "PERCENT",
    scaleLabel: "Equated percent correct",
    scaleMin: 0,
    scaleMax: 100,
    likelyRangeHalfWidth: 4,
    reportsPassProbability: true,
    // Measured off the April 2026 sample report by a third party: read the real band from each report.
    defaultLowPassBand: { low: 62, high: 68 },
    predictive: true,
    forms: [
      ...forms(["Form 25"], "STEP1", false),
      ...forms(["Form 26", "Form 27", "Form 28", "Form 29", "Form 30", "Form 31", "Form 32", "Form 33"], "STEP1"),
    ],
    note: "Ready when the whole likely range (EPC ± 4) lies above the printed low-pass band.",
    source: "nbmeCbssaGuidance",
    check: true,
  },
  {
    id: "NBME_CCSSA",
    name: "NBME Comprehensive Clinical Science Self-Assessment",
    shortName: "CCSSA",
    targetExams: ["STEP2_CK"],
    scaleFamily: "THREE_DIGIT",
    scaleLabel: "Total CCSSA score",
    scaleMin: 1,
    scaleMax: 300,
    likelyRangeHalfWidth: 9,
    reportsPassProbability: false,
    defaultLowPassBand: null,
    predictive: true,
    forms: forms(["Form 9", "Form 10", "Form 11", "Form 12", "Form 13", "Form 14", "Form 15", "Form 16"], "STEP2_CK"),
    note: "Score minus one standard error (about 9) should still reach the Step 2 CK standard.",
    source: "nbmeCcssaForms",
    check: true,
  },
  {
    id: "NBME_CCMSA",
    name: "NBME Comprehensive Clinical Medicine Self-Assessment",
    shortName: "CCMSA",
    targetExams: ["STEP3"],
    scaleFamily: "ASSESSMENT_800",
    scaleLabel: "Assessment score",
    scaleMin: 10,
    scaleMax: 800,
    likelyRangeHalfWidth: null,
    reportsPassProbability: false,
    defaultLowPassBand: null,
    predictive: false,
    forms: forms(["Form 5", "Form 6", "Form 7"], "STEP3"),
    note: "NBME states it does not predict Step 3: use it to find weak areas only.",
    source: "nbmeCcmsa",
    check: true,
  },
  {
    id: "NBME_CBSE",
    name: "NBME Comprehensive Basic Science Examination (school-administered)",
    shortName: "CBSE",
    targetExams: ["STEP1"],
    scaleFamily: "CBSE_SCALED",
    scaleLabel: "Scaled score",
    scaleMin: 0,
    scaleMax: 100,
    likelyRangeHalfWidth: null,
    reportsPassProbability: false,
    defaultLowPassBand: null,
    predictive: true,
    forms: [],
    note: "School-run; compare with the school's own benchmark.",
    source: "nbmeCbse",
    check: false,
  },
  {
    id: "UWSA",
    name: "UWorld Self-Assessment",
    shortName: "UWSA",
    targetExams: ["STEP1", "STEP2_CK"],
    scaleFamily: "THREE_DIGIT",
    scaleLabel: "Estimated three-digit score",
    scaleMin: 1,
    scaleMax: 300,
    likelyRangeHalfWidth: null,
    reportsPassProbability: false,
    defaultLowPassBand: null,
    predictive: true,
    forms: [...forms(["UWSA 1", "UWSA 2", "UWSA 3"], "STEP1"), ...forms(["UWSA 1", "UWSA 2", "UWSA 3"], "STEP2_CK")],
    note: "Tends to over-predict Step 2 CK by several points.",
    source: "uworldSelfAssessment",
    check: false,
  },
  {
    id: "FREE_120",
    name: "USMLE sample test questions (Free 120)",
    shortName: "Free 120",
    ...RAW_PERCENT,
    forms: forms(["2024 update", "Older version"]),
    note: "No official pass line; the live exam needs about 60% correct.",
    source: "free120",
  },
  {
    id: "AMBOSS_SA",
    name: "AMBOSS Self-Assessment",
    shortName: "AMBOSS SA",
    ...RAW_PERCENT,
    forms: [],
    note: "Raw percent, not equated.",
    source: "ambossSelfAssessment",
  },
  {
    id: "OTHER",
    name: "Other practice assessment (percent correct)",
    shortName: "Other",
    ...RAW_PERCENT,
    forms: [],
    note: "Question-bank blocks and other raw percentages.",
    source: "free120",
  },
];

/**
 * How many points of each scale make one standard error of a predictive
 * practice score: the NBME's likely-range half-widths (CBSSA equated percent
 * correct ± 4; CCSSA three-digit ± 9, the width the CCSSA note above names).
 * The caseload expresses a score's distance to passing in these units so that
 * scores on different scales sort together (docs/decisions/0024). A scale
 * without an entry has no comparable distance.
 */
export const SCALE_STANDARD_ERROR: Partial<Record<ScaleFamily, number>> = {
  PERCENT: 4,
  THREE_DIGIT: 9,
};
