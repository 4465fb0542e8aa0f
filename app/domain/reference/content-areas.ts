/**
 * Content areas of each exam as its score report prints them (the USMLE content
 * outlines), with outline weights as a percentage range, and the aliases that
 * real reports print instead of the canonical names (docs/domain.md §1.5).
 *
 * Weights differ between transcriptions; they are approximate and used only to
 * rank weaknesses. A null weight means no reliable figure was found.
 */
import type { ExamId } from "./exams";
import type { SourceKey } from "./sources";

export const DIMENSIONS = ["PHYSICIAN_TASK", "SYSTEM", "DISCIPLINE"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  PHYSICIAN_TASK: "Physician tasks",
  SYSTEM: "Systems",
  DISCIPLINE: "Disciplines",
};

export interface ContentArea {
  id: string;
  exam: ExamId;
  dimension: Dimension;
  name: string;
  weightMin: number | null;
  weightMax: number | null;
  /** Only on older outlines; offered for older reports. */
  legacy: boolean;
  source: SourceKey;
  check: boolean;
}

type Row = [slug: string, name: string, min: number | null, max: number | null, legacy?: boolean];

function areas(exam: ExamId, prefix: string, dimension: Dimension, source: SourceKey, check: boolean, rows: Row[]): ContentArea[] {
  return rows.map(([slug, name, weightMin, weightMax, legacy]) => ({
    id: `${prefix}.${dimension === "PHYSICIAN_TASK" ? "task" : dimension.toLowerCase()}.${slug}`,
    exam,
    dimension,
    name,
    weightMin,
    weightMax,
    legacy: legacy ?? false,
    source,
    check,
  }));
}

export const CONTENT_AREAS: readonly ContentArea[] = [
  // Step 1 — official outline, read through transcriptions.
  ...areas("STEP1", "step1", "PHYSICIAN_TASK", "usmleStep1Outline", false, [
    ["medical-knowledge", "Medical Knowledge: Applying Foundational Science Concepts", 60, 70],
    ["diagnosis", "Patient Care: Diagnosis", 20, 25],
    ["communication", "Communication and Interpersonal Skills", 6, 9],
    ["practice-based-learning", "Practice-based Learning & Improvement", 4, 6],
  ]),
  ...areas("STEP1", "step1", "SYSTEM", "usmleStep1Outline", false, [
    ["reproductive-endocrine", "Reproductive & Endocrine Systems", 12, 16],
    ["respiratory-renal", "Respiratory & Renal/Urinary Systems", 11, 15],
    ["behavioral-nervous", "Behavioral Health & Nervous Systems/Special Senses", 10, 14],
    ["blood-immune", "Blood & Lymphoreticular/Immune Systems", 9, 13],
    ["musculoskeletal-skin", "Musculoskeletal, Skin & Subcutaneous Tissue", 8, 12],
    ["multisystem", "Multisystem Processes & Disorders", 8, 12],
    ["cardiovascular", "Cardiovascular System", 7, 11],
    ["gastrointestinal", "Gastrointestinal System", 6, 10],
    ["social-sciences", "Social Sciences: Communication and Interpersonal Skills", 6, 9],
    ["biostatistics", "Biostatistics & Epidemiology/Population Health", 4, 6],
    ["human-development", "Human Development", 1, 3],
    ["general-principles", "General Principles", 12, 16, true],
  ]),
  ...areas("STEP1", "step1", "DISCIPLINE", "usmleStep1Outline", false, [
    ["pathology", "Pathology", 45, 55],
    ["physiology", "Physiology", 30, 40],
    ["pharmacology", "Pharmacology", 10, 20],
    ["microbiology", "Microbiology", 10, 20],
    ["gross-anatomy", "Gross Anatomy & Embryology", 10, 20],
    ["behavioral-sciences", "Behavioral Sciences", 10, 15],
    ["immunology", "Immunology", 5, 15],
    ["histology", "Histology & Cell Biology", 5, 15],
    ["biochemistry", "Biochemistry & Nutrition", 5, 15],
    ["genetics", "Genetics", 5, 10],
  ]),
  // Step 2 CK — transcriptions disagree on most weights (CHECK).
  ...areas("STEP2_CK", "step2ck", "DISCIPLINE", "usmleStep2CkOutline", true, [
    ["medicine", "Medicine", 55, 65],
    ["surgery", "Surgery", 20, 30],
    ["pediatrics", "Pediatrics", null, null],
    ["obgyn", "Obstetrics & Gynecology", null, null],
    ["psychiatry", "Psychiatry", null, null],
  ]),
  ...areas("STEP2_CK", "step2ck", "SYSTEM", "usmleStep2CkOutline", true, [
    ["human-development", "Human Development", null, null],
    ["immune", "Immune System", null, null],
    ["blood", "Blood & Lymphoreticular System", null, null],
    ["behavioral-health", "Behavioral Health", null, null],
    ["nervous", "Nervous System & Special Senses", null, null],
    ["musculoskeletal-skin", "Musculoskeletal System/Skin & Subcutaneous Tissue", null, null],
    ["cardiovascular", "Cardiovascular System", null, null],
    ["respiratory", "Respiratory System", null, null],
    ["gastrointestinal", "Gastrointestinal System", null, null],
    ["renal-reproductive", "Renal & Urinary System & Reproductive Systems", null, null],
    ["pregnancy", "Pregnancy, Childbirth & the Puerperium", null, null],
    ["endocrine", "Endocrine System", null, null],
    ["multisystem", "Multisystem Processes & Disorders", null, null],
    ["biostatistics", "Biostatistics & Epidemiology/Population Health/Interpretation of Medical Literature", null, null],
    ["social-sciences", "Social Sciences: Legal/Ethical Issues & Professionalism/Systems-based Practice & Patient Safety", null, null],
  ]),
  ...areas("STEP2_CK", "step2ck", "PHYSICIAN_TASK", "usmleStep2CkOutline", true, [
    ["medical-knowledge", "Medical Knowledge: Applying Foundational Science Concepts", null, null],
    ["history-physical", "Patient Care: History and Physical Exam", null, null],
    ["lab-diagnostic", "Patient Care: Laboratory/Diagnostic Studies", null, null],
    ["diagnosis", "Patient Care: Diagnosis", null, null],
    ["prognosis", "Patient Care: Prognosis/Outcome", null, null],
    ["health-maintenance", "Patient Care: Health Maintenance/Disease Prevention", null, null],
    ["pharmacotherapy", "Patient Care: Pharmacotherapy", null, null],
    ["clinical-interventions", "Patient Care: Clinical Interventions", null, null],
    ["mixed-management", "Patient Care: Mixed Management", null, null],
    ["practice-based-learning", "Practice-based Learning & Improvement", null, null],
    ["professionalism", "Professionalism", null, null],
    ["systems-based-practice", "Systems-based Practice & Patient Safety", null, null],
  ]),
  // Step 3 — no discipline axis.
  ...areas("STEP3", "step3", "SYSTEM", "usmleStep3Outline", false, [
    ["biostatistics", "Biostatistics & Epidemiology/Population Health & Interpretation of the Medical Literature", 11, 13],
    ["cardiovascular", "Cardiovascular System", 9, 11],
    ["respiratory", "Respiratory System", 8, 10],
    ["nervous", "Nervous System & Special Senses", 8, 10],
    ["social-sciences", "Social Sciences: Communication Skills, Ethics & Patient Safety", 7, 9],
    ["pregnancy-female", "Pregnancy, Childbirth & the Puerperium, and Female Reproductive System & Breast", 7, 9],
    ["gastrointestinal", "Gastrointestinal System", 6, 8],
    ["immune-blood-multisystem", "Immune System, Blood & Lymphoreticular System, and Multisystem Processes & Disorders", 6, 8],
    ["endocrine", "Endocrine System", 5, 7],
    ["musculoskeletal", "Musculoskeletal System", 5, 7],
    ["renal-male", "Renal/Urinary System & Male Reproductive System", 4, 6],
    ["skin", "Skin & Subcutaneous Tissue", 4, 6],
    ["behavioral-health", "Behavioral Health", 4, 6],
    ["human-development", "Human Development", 1, 3],
  ]),
  ...areas("STEP3", "step3", "PHYSICIAN_TASK", "usmleStep3Outline", false, [
    ["diagnosis", "Patient Care: Diagnosis", 33, 36],
    ["management", "Patient Care: Management", 32, 35],
    ["practice-based-learning", "Practice-based Learning & Improvement", 11, 13],
    ["medical-knowledge", "Medical Knowledge: Applying Foundational Science Concepts", 11, 12],
    ["communication-professionalism", "Communication, Professionalism, Systems-based Practice & Patient Safety", 7, 9],
  ]),
];

interface ContentAreaAlias {
  exam: ExamId;
  /** The label as a report prints it. */
  label: string;
  /** The canonical areas it stands for (a merged label maps to several). */
  areaIds: readonly string[];
  source: SourceKey;
}

export const CONTENT_AREA_ALIASES: readonly ContentAreaAlias[] = [
  {
    exam: "STEP1",
    label: "Microbiology & Immunology",
    areaIds: ["step1.discipline.microbiology", "step1.discipline.immunology"],
    source: "usmleStep1Outline",
  },
  {
    exam: "STEP1",
    label: "Respiratory and Renal/Urinary Systems",
    areaIds: ["step1.system.respiratory-renal"],
    source: "usmleStep1Outline",
  },
  {
    exam: "STEP2_CK",
    label: "Patient Care: Management",
    areaIds: ["step2ck.task.pharmacotherapy", "step2ck.task.clinical-interventions", "step2ck.task.mixed-management"],
    source: "step2CkReportedAreas",
  },
  {
    exam: "STEP2_CK",
    label: "Health Maintenance & Disease Prevention",
    areaIds: ["step2ck.task.health-maintenance"],
    source: "step2CkReportedAreas",
  },
  {
    exam: "STEP2_CK",
    label: "Renal/Urinary & Reproductive",
    areaIds: ["step2ck.system.renal-reproductive"],
    source: "step2CkReportedAreas",
  },
  {
    exam: "STEP2_CK",
    label: "Musculoskeletal System & Skin",
    areaIds: ["step2ck.system.musculoskeletal-skin"],
    source: "step2CkReportedAreas",
  },
  { exam: "STEP2_CK", label: "Musculoskeletal System", areaIds: ["step2ck.system.musculoskeletal-skin"], source: "usmleStep2CkOutline" },
  {
    exam: "STEP2_CK",
    label: "Skin & Subcutaneous Tissue",
    areaIds: ["step2ck.system.musculoskeletal-skin"],
    source: "usmleStep2CkOutline",
  },
  {
    exam: "STEP2_CK",
    label: "Social Sciences (Ethics/Safety/Legal)",
    areaIds: ["step2ck.system.social-sciences"],
    source: "step2CkReportedAreas",
  },
  {
    exam: "STEP2_CK",
    label: "Social Sciences: Communication, Ethics & Patient Safety",
    areaIds: ["step2ck.system.social-sciences"],
    source: "step2CkReportedAreas",
  },
  {
    exam: "STEP2_CK",
    label: "Renal & Urinary System & Male Reproductive System",
    areaIds: ["step2ck.system.renal-reproductive"],
    source: "usmleStep2CkOutline",
  },
  {
    exam: "STEP2_CK",
    label: "Female Reproductive System & Breast",
    areaIds: ["step2ck.system.renal-reproductive"],
    source: "usmleStep2CkOutline",
  },
];
