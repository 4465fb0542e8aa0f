/**
 * The plan editor: the form a tutor uses to edit a proposal before assigning
 * it, and to adjust an assigned plan. Pure and shared by the browser (Conform's
 * client validation) and the server.
 *
 * The editor edits what a tutor decides: dates, study hours, the rest day,
 * focus areas and their shares, resources, measures and milestones. The weekly
 * rhythm follows from those "basics" (hours, rest day, the exam format on the
 * exam date, the question bank, the focus and the targeted resources), so it is
 * rebuilt by the generator's `buildRhythm` on every save rather than typed in
 * session by session; that keeps the rest day protected and the timed blocks in
 * the format the student will sit.
 */
import { z } from "zod";
import { type AttemptRecord, checkProposedAttempt } from "#app/domain/attempts/rules";
import { formatDate, isIsoDate } from "#app/domain/dates";
import { type ExamId, examFormatOn, type RetakeExamId } from "#app/domain/reference";
import { buildRhythm } from "./generator";
import {
  type DayHours,
  type FocusArea,
  focusAreasSchema,
  measuresSchema,
  milestonesSchema,
  type PlanContent,
  type PlanMilestone,
  type PlanVersionData,
  planAdjustmentSchema,
  planVersionSchema,
  type RhythmDay,
  resourcesSchema,
  WEEKDAY_NAMES,
} from "./schema";

const base = planAdjustmentSchema.shape;

/** An emptied list arrives as "nothing" from a form: read it as an empty list. */
const list = <T extends z.ZodType>(schema: T) => z.preprocess((value) => value ?? [], schema);

/** Monday first; empty means the usual hours. */
const hoursByDaySchema = z.array(base.hoursPerDay.optional()).max(7).optional();

const editorFields = {
  startDate: base.startDate,
  examDate: base.examDate,
  hoursPerDay: base.hoursPerDay,
  restDay: base.restDay,
  hoursByDay: hoursByDaySchema,
  focusAreas: list(focusAreasSchema),
  resources: list(resourcesSchema),
  measures: list(measuresSchema),
  milestones: list(milestonesSchema),
};

interface DatedMilestones {
  startDate: string;
  examDate: string;
  milestones: PlanMilestone[];
}

/**
 * The exam after the start, and (unless `milestonesToo` is false) every
 * milestone inside the study period. An adjustment leaves the milestones to
 * the server: when its dates move, the milestones are re-spaced before the
 * whole version is checked (respace.ts, `planVersionSchema`).
 */
function refineDates(value: DatedMilestones, ctx: z.RefinementCtx, milestonesToo = true): void {
  if (!isIsoDate(value.startDate) || !isIsoDate(value.examDate)) return;
  if (value.examDate <= value.startDate) {
    ctx.addIssue({ code: "custom", path: ["examDate"], message: "The exam date must be after the start date" });
    return;
  }
  if (!milestonesToo) return;
  value.milestones.forEach((m, i) => {
    if (m.dueOn < value.startDate || m.dueOn >= value.examDate) {
      ctx.addIssue({
        code: "custom",
        path: ["milestones", i, "dueOn"],
        message: "A milestone falls on or after the start date and before the exam date",
      });
    }
  });
}

/** Editing a proposal before it is assigned as version 1. */
export const planEditorSchema = z.object(editorFields).superRefine(refineDates);
export type PlanEditorForm = z.output<typeof planEditorSchema>;

/** Adjusting an assigned plan: the same fields, why it changes, and the version it started from. */
export const planAdjustEditorSchema = z
  .object({
    ...editorFields,
    reason: base.reason,
    promptedByPracticeExamId: base.promptedByPracticeExamId,
    promptedByCheckInId: base.promptedByCheckInId,
    expectedVersion: base.expectedVersion,
  })
  .superRefine((value, ctx) => refineDates(value, ctx, false));
export type PlanAdjustEditorForm = z.output<typeof planAdjustEditorSchema>;

/** What the editor shows for a version (or a proposal). */
export type PlanEditorValues = {
  startDate: string;
  examDate: string;
  hoursPerDay: number;
  restDay: number;
  /** Per weekday, Monday first: that day's own study hours (a clerkship day), or empty for the usual hours. */
  hoursByDay?: Array<number | undefined>;
  focusAreas: PlanContent["focusAreas"];
  resources: PlanContent["resources"];
  measures: PlanContent["measures"];
  milestones: PlanContent["milestones"];
};

export function editorValues(version: PlanVersionData): PlanEditorValues {
  return {
    startDate: version.startDate,
    examDate: version.examDate,
    hoursPerDay: version.hoursPerDay,
    restDay: version.restDay,
    hoursByDay: hoursByDayOf(version.content.dayHours ?? []),
    focusAreas: version.content.focusAreas,
    resources: version.content.resources,
    measures: version.content.measures,
    milestones: version.content.milestones,
  };
}

/** The form's seven day fields from the stored list of days with their own hours. */
function hoursByDayOf(dayHours: readonly DayHours[]): Array<number | undefined> {
  return WEEKDAY_NAMES.map((_, i) => dayHours.find((d) => d.weekday === i + 1)?.hours);
}

/** The stored list from the form's day fields: only days whose hours differ from the usual ones. */
function dayHoursOf(form: Pick<PlanEditorValues, "hoursByDay" | "hoursPerDay">): DayHours[] {
  return (form.hoursByDay ?? []).flatMap((hours, i) =>
    hours === undefined || hours === null || hours === form.hoursPerDay ? [] : [{ weekday: i + 1, hours }],
  );
}

/** The weekly rhythm the edited basics call for (see the module comment). */
function rhythmFor(exam: RetakeExamId, form: PlanEditorValues): RhythmDay[] {
  return buildRhythm({
    exam,
    format: examFormatOn(exam, form.examDate),
    hoursPerDay: form.hoursPerDay,
    restDay: form.restDay,
    qbankName: form.resources.find((r) => r.kind === "SWITCH_QBANK" || r.kind === "ADD_QBANK")?.name ?? null,
    focusLabels: form.focusAreas.filter((f) => f.kind !== "LIGHT_REVIEW").map((f) => f.label),
    targetedNames: form.resources.filter((r) => r.kind === "TARGETED").map((r) => r.name),
    dayHours: dayHoursOf(form),
  });
}

type EditorFieldErrors = Record<string, string[]>;

/**
 * The version an adjust form saves on top of: the one it was shown with, or,
 * after a refused save, the version someone saved meanwhile (the page's data
 * may still be the older one: a refused save does not reload it). The save
 * button names the version after it, and the form sends it as expected.
 */
export function editorBaseVersion(shownVersion: number, savedMeanwhile: number | null | undefined): number {
  return Math.max(shownVersion, savedMeanwhile ?? 0);
}

/**
 * The version an edited form describes, checked once more as a whole
 * (`planVersionSchema`: rest day, milestone dates, shares). Errors come back
 * under the editor's own field names.
 */
export function versionFromEditor(
  exam: RetakeExamId,
  form: PlanEditorValues,
): { ok: true; data: PlanVersionData } | { ok: false; fieldErrors: EditorFieldErrors } {
  let rhythm: RhythmDay[];
  try {
    rhythm = rhythmFor(exam, form);
  } catch {
    return { ok: false, fieldErrors: { examDate: ["No test-day format is known for that exam date"] } };
  }
  const dayHours = dayHoursOf(form);
  const candidate = {
    startDate: form.startDate,
    examDate: form.examDate,
    hoursPerDay: form.hoursPerDay,
    restDay: form.restDay,
    content: {
      rhythm,
      ...(dayHours.length > 0 ? { dayHours } : {}),
      focusAreas: form.focusAreas,
      resources: form.resources,
      measures: form.measures,
      milestones: form.milestones,
    },
  };
  const parsed = planVersionSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: EditorFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path[0] === "content" ? issue.path.slice(1) : issue.path;
    // Rhythm problems are the generator's, not a field the tutor can fix: say so on the form.
    // A day's own hours are the form's `hoursByDay[weekday - 1]`.
    const day = path[0] === "dayHours" && typeof path[1] === "number" ? dayHours[path[1]] : undefined;
    const name = path[0] === "rhythm" ? "" : day ? `hoursByDay[${day.weekday - 1}]` : fieldName(path);
    fieldErrors[name] ??= [];
    if (!fieldErrors[name].includes(issue.message)) fieldErrors[name].push(issue.message);
  }
  return { ok: false, fieldErrors };
}

/** Conform's names: `milestones[0].dueOn`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, part) => {
    if (typeof part === "number") return `${name}[${part}]`;
    return name ? `${name}.${String(part)}` : String(part);
  }, "");
}

/**
 * The spacing rules' objections to sitting `exam` on `examDate` (empty when
 * the date is fine): what the generator and the editor refuse the date with.
 */
export function spacingViolations(
  attempts: readonly AttemptRecord[],
  exam: ExamId,
  examDate: string,
  schoolAttemptLimit: number | null,
): string[] {
  if (!isIsoDate(examDate)) return [];
  const check = checkProposedAttempt(attempts, exam, examDate, { schoolAttemptLimit });
  const messages = check.violations.map((v) => v.message);
  if (!check.blocked && check.earliestAllowedDate && examDate < check.earliestAllowedDate) {
    messages.push(`The earliest exam date the rules allow is ${formatDate(check.earliestAllowedDate)}.`);
  }
  return messages;
}

/** A key for a focus area the tutor adds: "focus-1", "focus-2" …, never reusing one. */
export function newFocusKey(existing: readonly Pick<FocusArea, "key">[]): string {
  const keys = new Set(existing.map((f) => f.key));
  let n = 1;
  while (keys.has(`focus-${n}`)) n += 1;
  return `focus-${n}`;
}
