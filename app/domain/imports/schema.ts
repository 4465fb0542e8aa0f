/**
 * CSV imports of students, exam attempts and practice exams: the columns of
 * each kind, how a cell's words map to the app's values, and the validation of
 * one row (zod). Rows are numbered as a spreadsheet shows them: the header is
 * row 1, the first record row 2.
 */
import { z } from "zod";
import { emailSchema } from "#app/domain/auth/schema";
import { isIsoDate } from "#app/domain/dates";
import { EXAMS, type ExamId, INSTRUMENT_IDS, type InstrumentId, PRACTICE_INSTRUMENTS } from "#app/domain/reference";
import { schoolIdSchema } from "#app/domain/school-choice";
import { ACCOMMODATION_STATUSES, type ATTEMPT_OUTCOMES } from "#app/domain/vocabulary";

export const IMPORT_KINDS = ["STUDENTS", "ATTEMPTS", "PRACTICE"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The largest file accepted (a 10,000-row file is about 0.5 MB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const FILE_TOO_LARGE = "The file is too large (5 MB at most).";

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  STUDENTS: "Students",
  ATTEMPTS: "Exam attempts",
  PRACTICE: "Practice exams",
};

interface ImportColumn {
  name: string;
  required: boolean;
  description: string;
  example: string;
}

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  STUDENTS: [
    {
      name: "student_id",
      required: true,
      description: "The school's student number (the key: the same number updates the same student)",
      example: "NF-25001",
    },
    {
      name: "email",
      required: true,
      description: "The student's email; their invitation and sign-in use it",
      example: "ada.lovelace@students.example.edu",
    },
    { name: "name", required: true, description: "Full name", example: "Ada Lovelace" },
    { name: "graduation_year", required: false, description: "Expected graduation year", example: "2027" },
    { name: "international_graduate", required: false, description: "yes or no", example: "no" },
    { name: "accommodation_status", required: false, description: "none, requested, granted or denied (status only)", example: "none" },
  ],
  ATTEMPTS: [
    { name: "student_id", required: true, description: "The school's student number", example: "NF-25001" },
    { name: "exam", required: true, description: "Step 1, Step 2 CK or Step 3", example: "Step 1" },
    { name: "taken_on", required: true, description: "First test day, YYYY-MM-DD", example: "2026-10-05" },
    { name: "outcome", required: true, description: "pass, fail or incomplete", example: "fail" },
    {
      name: "score",
      required: false,
      description: "Three-digit score when the report shows one (empty for Step 1 since 26 Jan 2022)",
      example: "",
    },
  ],
  PRACTICE: [
    { name: "student_id", required: true, description: "The school's student number", example: "NF-25001" },
    { name: "instrument", required: true, description: "CBSSA, CCSSA, CCMSA, CBSE, UWSA, Free 120, AMBOSS SA or Other", example: "CBSSA" },
    { name: "form", required: false, description: "The form, as the instrument names it (e.g. Form 31, UWSA 2)", example: "Form 31" },
    { name: "taken_on", required: true, description: "YYYY-MM-DD", example: "2026-11-10" },
    { name: "score", required: true, description: "On the instrument's own scale (CBSSA: equated percent correct)", example: "66" },
    { name: "low_pass_low", required: false, description: "CBSSA only: the printed low-pass band's lower end", example: "62" },
    { name: "low_pass_high", required: false, description: "CBSSA only: the band's upper end", example: "68" },
    { name: "pass_probability", required: false, description: "CBSSA only: printed probability of passing, %", example: "41" },
  ],
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

const EXAM_WORDS = new Map<string, ExamId>(EXAMS.flatMap((e) => [[squash(e.id), e.id] as const, [squash(e.label), e.id] as const]));
const INSTRUMENT_WORDS = new Map<string, InstrumentId>(
  PRACTICE_INSTRUMENTS.flatMap((i) => [
    [squash(i.id), i.id] as const,
    [squash(i.shortName), i.id] as const,
    [squash(i.name), i.id] as const,
  ]),
);
const OUTCOME_WORDS = new Map<string, (typeof ATTEMPT_OUTCOMES)[number]>([
  ["pass", "PASS"],
  ["passed", "PASS"],
  ["p", "PASS"],
  ["fail", "FAIL"],
  ["failed", "FAIL"],
  ["f", "FAIL"],
  ["incomplete", "INCOMPLETE"],
  ["noresult", "INCOMPLETE"],
]);
const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0", ""]);

const text = (column: string, max = 200) =>
  z
    .string({ error: `${column} is required.` })
    .trim()
    .min(1, { error: `${column} is required.` })
    .max(max, { error: `${column} is too long (at most ${max} characters).` });
const optionalNumber = (column: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ error: `${column} must be a number.` }).optional(),
  );
const date = (column: string) =>
  z
    .string({ error: `${column} is required.` })
    .trim()
    .refine(isIsoDate, { error: `${column} must be a date like 2026-10-05.` });

export const studentRowSchema = z.object({
  student_id: text("student_id", 64),
  email: emailSchema,
  name: text("name", 120),
  graduation_year: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number({ error: "graduation_year must be a year." })
      .int({ error: "graduation_year must be a year." })
      .min(1950, { error: "graduation_year must be a year." })
      .max(2100, { error: "graduation_year must be a year." })
      .optional(),
  ),
  international_graduate: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const word = (v ?? "").trim().toLowerCase();
      if (YES.has(word)) return true;
      if (NO.has(word)) return false;
      ctx.addIssue({ code: "custom", message: "international_graduate must be yes or no." });
      return z.NEVER;
    }),
  accommodation_status: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const word = (v ?? "").trim().toUpperCase() || "NONE";
      if ((ACCOMMODATION_STATUSES as readonly string[]).includes(word)) return word as (typeof ACCOMMODATION_STATUSES)[number];
      ctx.addIssue({ code: "custom", message: "accommodation_status must be none, requested, granted or denied." });
      return z.NEVER;
    }),
});

export const attemptRowSchema = z.object({
  student_id: text("student_id", 64),
  exam: z.string({ error: "exam is required." }).transform((v, ctx) => {
    const exam = EXAM_WORDS.get(squash(v));
    if (exam) return exam;
    ctx.addIssue({ code: "custom", message: `exam "${v}" is not Step 1, Step 2 CK or Step 3.` });
    return z.NEVER;
  }),
  taken_on: date("taken_on"),
  outcome: z.string({ error: "outcome is required." }).transform((v, ctx) => {
    const outcome = OUTCOME_WORDS.get(squash(v));
    if (outcome) return outcome;
    ctx.addIssue({ code: "custom", message: `outcome "${v}" must be pass, fail or incomplete.` });
    return z.NEVER;
  }),
  score: optionalNumber("score").pipe(z.number().int({ error: "score must be a whole number." }).optional()),
});

export const practiceRowSchema = z
  .object({
    student_id: text("student_id", 64),
    instrument: z.string({ error: "instrument is required." }).transform((v, ctx) => {
      const id = INSTRUMENT_WORDS.get(squash(v));
      if (id) return id;
      ctx.addIssue({ code: "custom", message: `instrument "${v}" is not one the app knows (${INSTRUMENT_IDS.length} are).` });
      return z.NEVER;
    }),
    form: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim()),
    taken_on: date("taken_on"),
    score: z.coerce.number({ error: "score must be a number." }),
    low_pass_low: optionalNumber("low_pass_low"),
    low_pass_high: optionalNumber("low_pass_high"),
    pass_probability: optionalNumber("pass_probability"),
  })
  .superRefine((row, ctx) => {
    const meta = PRACTICE_INSTRUMENTS.find((i) => i.id === row.instrument);
    if (!meta) return;
    if (row.score < meta.scaleMin || row.score > meta.scaleMax) {
      ctx.addIssue({ code: "custom", path: ["score"], message: `${meta.shortName} scores run from ${meta.scaleMin} to ${meta.scaleMax}.` });
    }
    const cbssaOnly = [row.low_pass_low, row.low_pass_high, row.pass_probability].some((v) => v !== undefined);
    if (cbssaOnly && meta.defaultLowPassBand === null && !meta.reportsPassProbability) {
      ctx.addIssue({ code: "custom", path: ["low_pass_low"], message: `${meta.shortName} reports no low-pass band or pass probability.` });
    }
    if ((row.low_pass_low === undefined) !== (row.low_pass_high === undefined)) {
      ctx.addIssue({ code: "custom", path: ["low_pass_high"], message: "Give both ends of the low-pass band, or neither." });
    } else if (row.low_pass_low !== undefined && row.low_pass_high !== undefined && row.low_pass_low > row.low_pass_high) {
      ctx.addIssue({ code: "custom", path: ["low_pass_high"], message: "The band's upper end is below its lower end." });
    }
    for (const key of ["low_pass_low", "low_pass_high", "pass_probability"] as const) {
      const v = row[key];
      if (v !== undefined && (v < 0 || v > 100))
        ctx.addIssue({ code: "custom", path: [key], message: `${key} must be between 0 and 100.` });
    }
    if (row.form && meta.forms.length > 0 && !meta.forms.some((f) => f.name === row.form)) {
      ctx.addIssue({
        code: "custom",
        path: ["form"],
        message: `${meta.shortName} has no form "${row.form}" (known: ${[...new Set(meta.forms.map((f) => f.name))].join(", ")}).`,
      });
    }
  });

export type StudentRow = z.output<typeof studentRowSchema>;
export type AttemptRow = z.output<typeof attemptRowSchema>;
export type PracticeRow = z.output<typeof practiceRowSchema>;

export interface RowError {
  row: number;
  column: string;
  message: string;
  /** What the file holds in that cell, when there is one to show (the preview's error table shows it beside the problem). */
  value?: string;
}

export const ROW_SCHEMAS = { STUDENTS: studentRowSchema, ATTEMPTS: attemptRowSchema, PRACTICE: practiceRowSchema } as const;

/** Checks the header: every required column present, no unknown column. */
export function headerErrors(kind: ImportKind, header: readonly string[]): RowError[] {
  const known = IMPORT_COLUMNS[kind].map((c) => c.name);
  const errors: RowError[] = [];
  for (const column of IMPORT_COLUMNS[kind].filter((c) => c.required)) {
    if (!header.includes(column.name)) errors.push({ row: 1, column: column.name, message: `The column "${column.name}" is missing.` });
  }
  for (const name of header) {
    if (!known.includes(name))
      errors.push({ row: 1, column: name, message: `"${name}" is not a column of this import (expected: ${known.join(", ")}).` });
  }
  return errors;
}

/** Validates each record with the kind's schema; returns the parsed rows with their row numbers and the errors. */
export function validateRecords<K extends ImportKind>(kind: K, records: ReadonlyArray<Record<string, string>>) {
  const schema = ROW_SCHEMAS[kind];
  const rows: Array<{ row: number; value: z.output<(typeof ROW_SCHEMAS)[K]> }> = [];
  const errors: RowError[] = [];
  records.forEach((record, index) => {
    const row = index + 2;
    const parsed = schema.safeParse(record);
    if (parsed.success) rows.push({ row, value: parsed.data as z.output<(typeof ROW_SCHEMAS)[K]> });
    else {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? "");
        const value = record[column];
        errors.push({ row, column, message: issue.message, ...(value ? { value } : {}) });
      }
    }
  });
  return { rows, errors };
}

/**
 * The import page's two forms: a file to preview (what it holds, the school it
 * goes to, the file), or a previewed batch to commit (the batch knows its school).
 */
export function importFormSchema(schoolIds: readonly string[]) {
  return z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("commit"),
      batchId: z.string({ error: "That import was not found." }).trim().min(1, { error: "That import was not found." }),
    }),
    z.object({
      intent: z.literal("preview"),
      kind: z.enum(IMPORT_KINDS, { error: "Choose what the file holds." }),
      schoolId: schoolIdSchema(schoolIds),
      file: z
        .instanceof(File, { error: "Choose a CSV file to upload." })
        .refine((file) => file.size > 0, { error: "Choose a CSV file to upload." })
        .refine((file) => file.size <= MAX_IMPORT_BYTES, { error: FILE_TOO_LARGE }),
    }),
  ]);
}
