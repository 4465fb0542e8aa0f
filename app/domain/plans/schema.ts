/**
 * The shape of a plan version and of the forms that build and adjust one.
 *
 * `PlanContent` is the JSON stored in `PlanVersion.content`. Versions are
 * immutable, so this schema is also what reads old versions back: widen it,
 * never narrow it, once versions exist. Form schemas use plain `z.number()`;
 * Conform's `parseWithZod` turns form strings into numbers.
 */
import { z } from "zod";
import { type IsoDate, isIsoDate } from "#app/domain/dates";
import { provenanceSchema } from "#app/domain/privacy/derived";
import { INSTRUMENT_IDS } from "#app/domain/reference";
import { FINDING_KIND_IDS, MILESTONE_KINDS, type Visibility } from "#app/domain/vocabulary";
import { fullLengthWeekday } from "./templates";

export const SLOTS = ["MORNING", "AFTERNOON", "EVENING"] as const;
export type Slot = (typeof SLOTS)[number];
export const SLOT_LABELS: Record<Slot, string> = { MORNING: "Morning", AFTERNOON: "Afternoon", EVENING: "Evening" };

const ACTIVITY_KINDS = [
  "TIMED_BLOCKS",
  "REVIEW",
  "ACTIVE_RECALL",
  "TARGETED_CONTENT",
  "FULL_LENGTH",
  "LIGHT_REVIEW",
  "PLANNING",
  "REST",
] as const;
type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  TIMED_BLOCKS: "Timed question blocks",
  REVIEW: "In-depth review",
  ACTIVE_RECALL: "Active recall",
  TARGETED_CONTENT: "Targeted content",
  FULL_LENGTH: "Full-length practice exam",
  LIGHT_REVIEW: "Light review",
  PLANNING: "Plan next week",
  REST: "Rest",
};
/** Kinds that carry a block structure (count × minutes, items per block). */
const BLOCK_STRUCTURED_KINDS = ["TIMED_BLOCKS", "FULL_LENGTH"] as const satisfies readonly ActivityKind[];
/** The only kinds allowed on the protected rest day. */
const REST_DAY_KINDS = ["REST", "LIGHT_REVIEW"] as const satisfies readonly ActivityKind[];

export const FOCUS_KINDS = ["AREA", "CLUSTER", "STRATEGY", "LIGHT_REVIEW"] as const;
type FocusKind = (typeof FOCUS_KINDS)[number];
export const FOCUS_KIND_LABELS: Record<FocusKind, string> = {
  AREA: "Content area",
  CLUSTER: "Cluster",
  STRATEGY: "Test-taking strategy",
  LIGHT_REVIEW: "Light review",
};

export const RESOURCE_KINDS = ["SWITCH_QBANK", "ADD_QBANK", "TARGETED", "FLASHCARDS", "OTHER"] as const;
type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = {
  SWITCH_QBANK: "Switch question bank",
  ADD_QBANK: "Add question bank",
  TARGETED: "Targeted resource",
  FLASHCARDS: "Flashcards",
  OTHER: "Other",
};

export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export const WEEKDAY_SHORT_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** ISO weekday (1 = Monday … 7 = Sunday) as a word. */
export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? `Day ${weekday}`;
}

export const PLAN_LIMITS = {
  minHoursPerDay: 1,
  maxHoursPerDay: 14,
  /** A reason the student can understand needs more than a word or two. */
  reasonMinLength: 10,
  reasonMaxLength: 2000,
  maxSessionMinutes: 720,
  maxFocusAreas: 20,
  maxResources: 30,
  maxMeasures: 30,
  maxMilestones: 20,
  maxPreviousResources: 30,
} as const;

// ───────────────────────────── building blocks ─────────────────────────────

/** A calendar day as "YYYY-MM-DD", checked for real days (no 30 February). */
const isoDateSchema = z
  .string({ error: "Enter a date" })
  .trim()
  .refine((value) => isIsoDate(value), { message: "Enter a real date as YYYY-MM-DD" });

const text = (max: number, what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `Keep ${what} under ${max} characters`);

const weekdaySchema = z
  .number({ error: "Choose a day of the week" })
  .int("Choose a day of the week")
  .min(1, "Choose a day of the week")
  .max(7, "Choose a day of the week");

const hoursPerDaySchema = z
  .number({ error: "Enter study hours per day" })
  .min(PLAN_LIMITS.minHoursPerDay, `At least ${PLAN_LIMITS.minHoursPerDay} hour a day`)
  .max(PLAN_LIMITS.maxHoursPerDay, `At most ${PLAN_LIMITS.maxHoursPerDay} hours a day: rest is part of the plan`)
  .multipleOf(0.5, "Use whole or half hours");

const BLOCK_FIELDS = ["blockCount", "blockMinutes", "itemsPerBlock"] as const;

/** One session of a day: what to do, when, for how long. */
export const planBlockSchema = z
  .object({
    slot: z.enum(SLOTS, { error: "Choose morning, afternoon or evening" }),
    kind: z.enum(ACTIVITY_KINDS, { error: "Choose an activity" }),
    description: text(500, "a description"),
    minutes: z
      .number({ error: "Enter minutes" })
      .int("Use whole minutes")
      .min(0, "Minutes cannot be negative")
      .max(PLAN_LIMITS.maxSessionMinutes, `At most ${PLAN_LIMITS.maxSessionMinutes} minutes`),
    blockCount: z.number().int("Use a whole number of blocks").min(1, "At least one block").max(20, "At most 20 blocks").optional(),
    blockMinutes: z.number().int("Use whole minutes").min(5, "At least 5 minutes").max(120, "At most 120 minutes").optional(),
    itemsPerBlock: z.number().int("Use a whole number of items").min(1, "At least one item").max(60, "At most 60 items").optional(),
  })
  .superRefine((block, ctx) => {
    const structured = (BLOCK_STRUCTURED_KINDS as readonly ActivityKind[]).includes(block.kind);
    const given = BLOCK_FIELDS.filter((f) => block[f] !== undefined);
    if (!structured) {
      for (const field of given) {
        ctx.addIssue({ code: "custom", path: [field], message: "Only timed blocks and full-length exams have blocks" });
      }
    } else if (block.kind === "TIMED_BLOCKS" || given.length > 0) {
      for (const field of BLOCK_FIELDS) {
        if (block[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: "Required for timed blocks" });
      }
    }
    if (block.kind !== "REST" && block.minutes < 5) {
      ctx.addIssue({ code: "custom", path: ["minutes"], message: "Give the session at least 5 minutes" });
    }
    if (structured && block.blockCount !== undefined && block.blockMinutes !== undefined) {
      const needed = block.blockCount * block.blockMinutes;
      if (needed > block.minutes) {
        ctx.addIssue({
          code: "custom",
          path: ["blockCount"],
          message: `${block.blockCount} blocks of ${block.blockMinutes} minutes need ${needed} minutes; the session has ${block.minutes}`,
        });
      }
    }
  });
export type PlanBlock = z.output<typeof planBlockSchema>;

export const rhythmDaySchema = z.object({
  weekday: weekdaySchema,
  blocks: z.array(planBlockSchema).max(10, "At most 10 sessions a day"),
});
export type RhythmDay = z.output<typeof rhythmDaySchema>;

/** Seven days, Monday first, so a form's `rhythm[0]` is always Monday. */
const rhythmSchema = z
  .array(rhythmDaySchema)
  .length(7, "The weekly rhythm has one entry for each day, Monday to Sunday")
  .superRefine((days, ctx) => {
    if (days.length !== 7) return; // the length message says it all
    days.forEach((day, i) => {
      if (day.weekday !== i + 1) {
        ctx.addIssue({ code: "custom", path: [i, "weekday"], message: `Expected ${weekdayName(i + 1)} here` });
      }
    });
  });

export const focusAreaSchema = z.object({
  key: text(200, "a key"),
  label: text(200, "a label"),
  kind: z.enum(FOCUS_KINDS, { error: "Choose a kind" }),
  sharePercent: z
    .number({ error: "Enter a share" })
    .int("Use a whole percentage")
    .min(0, "A share cannot be negative")
    .max(100, "A share cannot exceed 100%"),
});
export type FocusArea = z.output<typeof focusAreaSchema>;

/** Shares of the weekly time: they must add up to exactly 100%. */
export const focusAreasSchema = z
  .array(focusAreaSchema)
  .min(1, "Add at least one focus area")
  .max(PLAN_LIMITS.maxFocusAreas, `At most ${PLAN_LIMITS.maxFocusAreas} focus areas`)
  .superRefine((areas, ctx) => {
    flagDuplicates(
      areas.map((a) => a.key),
      "key",
      "This focus area is listed twice",
      ctx,
    );
    const total = areas.reduce((sum, a) => sum + a.sharePercent, 0);
    if (total !== 100) {
      ctx.addIssue({ code: "custom", path: [], message: `The shares add up to ${total}%; they must add up to 100%` });
    }
  });

export const resourceSchema = z.object({
  kind: z.enum(RESOURCE_KINDS, { error: "Choose a kind of change" }),
  name: text(200, "a name"),
  reason: text(500, "a reason"),
});
export type PlanResource = z.output<typeof resourceSchema>;

export const resourcesSchema = z
  .array(resourceSchema)
  .max(PLAN_LIMITS.maxResources, `At most ${PLAN_LIMITS.maxResources} resources`)
  .superRefine((resources, ctx) => {
    flagDuplicates(
      resources.map((r) => r.name),
      "name",
      "This resource is listed twice",
      ctx,
    );
  });

export const measureSchema = z.object({
  findingKind: z.enum(FINDING_KIND_IDS, { error: "Choose the finding it answers" }),
  title: text(200, "a title"),
  description: text(1000, "a description"),
});
export type PlanMeasure = z.output<typeof measureSchema>;

const measureList = <T extends z.ZodType<{ title: string }>>(item: T) =>
  z
    .array(item)
    .max(PLAN_LIMITS.maxMeasures, `At most ${PLAN_LIMITS.maxMeasures} measures`)
    .superRefine((measures, ctx) => {
      flagDuplicates(
        measures.map((m) => m.title),
        "title",
        "This measure is listed twice",
        ctx,
      );
    });

export const measuresSchema = measureList(measureSchema);

/**
 * A measure as stored in a version: what the editor sends, plus where it came
 * from (ADR 0012), which the server works out when it saves — never the form.
 * Versions saved before provenance existed have none (see plans/provenance.ts).
 */
export const storedMeasureSchema = measureSchema.extend({ provenance: provenanceSchema.optional() });
export type StoredMeasure = z.output<typeof storedMeasureSchema>;

/** Lower-case slug, so it can go into a calendar UID unchanged. */
const MILESTONE_UID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const milestoneSchema = z.object({
  uid: z
    .string({ error: "Missing milestone id" })
    .trim()
    .regex(MILESTONE_UID_PATTERN, "Use lower-case letters, digits and dashes (at most 40)"),
  kind: z.enum(MILESTONE_KINDS, { error: "Choose a kind of milestone" }),
  dueOn: isoDateSchema,
  /** Empty in a form means "no instrument"; stored as null. */
  instrumentId: z
    .enum(INSTRUMENT_IDS, { error: "Choose a practice instrument" })
    .nullish()
    .transform((v) => v ?? null),
  label: text(200, "a label"),
});
export type PlanMilestone = z.output<typeof milestoneSchema>;

export const milestonesSchema = z
  .array(milestoneSchema)
  .max(PLAN_LIMITS.maxMilestones, `At most ${PLAN_LIMITS.maxMilestones} milestones`)
  .superRefine((milestones, ctx) => {
    flagDuplicates(
      milestones.map((m) => m.uid),
      "uid",
      "Two milestones share this id",
      ctx,
    );
    const seen = new Set<string>();
    milestones.forEach((m, i) => {
      if (m.kind === "CUSTOM") return;
      if (seen.has(m.kind)) {
        ctx.addIssue({ code: "custom", path: [i, "kind"], message: `Only one ${m.kind.toLowerCase()} milestone per plan` });
      }
      seen.add(m.kind);
    });
  });

/**
 * A day of the week with its own study hours (a clerkship day, a part-time
 * job): its sessions are built for those hours instead of the plan's usual
 * hours per day. Neither the rest day nor the full-length day can be one.
 */
export const dayHoursSchema = z.object({
  weekday: weekdaySchema,
  hours: hoursPerDaySchema,
});
export type DayHours = z.output<typeof dayHoursSchema>;

const dayHoursListSchema = z
  .array(dayHoursSchema)
  .max(5, "At most five days can have their own hours")
  .superRefine((days, ctx) => {
    const seen = new Set<number>();
    days.forEach((d, i) => {
      if (seen.has(d.weekday)) ctx.addIssue({ code: "custom", path: [i, "weekday"], message: `${weekdayName(d.weekday)} is listed twice` });
      seen.add(d.weekday);
    });
  });

/** The JSON stored per immutable plan version. */
export const planContentSchema = z.object({
  rhythm: rhythmSchema,
  /** Versions saved before days could differ have none: every day has the usual hours. */
  dayHours: dayHoursListSchema.optional(),
  focusAreas: focusAreasSchema,
  resources: resourcesSchema,
  measures: measureList(storedMeasureSchema),
  milestones: milestonesSchema,
});
export type PlanContent = z.output<typeof planContentSchema>;

/** A measure as one viewer may see it: without its sources, with who sees it. */
export type ViewedMeasure = PlanMeasure & {
  /** Who sees it: the student too, the staff on the case, or only the viewer (private). */
  audience: Visibility;
};

/** What a student reads in place of measures that answer something noted but not shared with them. */
export interface SupportNote {
  title: string;
  meaning: string;
  plan: string;
}

/** A version's content as one viewer may see it (plans/provenance.ts `viewContent`). */
export interface ViewedPlanContent extends PlanContent {
  measures: ViewedMeasure[];
  /** For a student: the neutral words for what is noted but not shared with them, once, or null. */
  supportNote: SupportNote | null;
}

export interface ViewedPlanVersionData extends PlanVersionData {
  content: ViewedPlanContent;
}

// ──────────────────────────── versions and forms ────────────────────────────

/** The fields of a plan version that the diff, the week view and the calendar read. */
export interface PlanVersionData {
  startDate: IsoDate;
  examDate: IsoDate;
  hoursPerDay: number;
  restDay: number;
  content: PlanContent;
}

interface DatedFields {
  startDate: string;
  examDate: string;
}

/** The exam comes after the start (dates already checked one by one). */
function refineDateOrder(value: DatedFields, ctx: z.RefinementCtx): void {
  if (!isIsoDate(value.startDate) || !isIsoDate(value.examDate)) return;
  if (value.examDate <= value.startDate) {
    ctx.addIssue({ code: "custom", path: ["examDate"], message: "The exam date must be after the start date" });
  }
}

interface VersionShape extends DatedFields {
  restDay: number;
  dayHours?: DayHours[];
  rhythm: RhythmDay[];
  milestones: PlanMilestone[];
}

/**
 * Rules that need the dates and the rhythm together: the rest day stays
 * protected, and milestones fall inside the study period.
 * `prefix` is where the content fields sit (["content"] in a stored version).
 */
function refineVersion(value: VersionShape, ctx: z.RefinementCtx, prefix: (string | number)[]): void {
  refineDateOrder(value, ctx);
  refineDayHours(value.dayHours ?? [], value.restDay, ctx, [...prefix, "dayHours"]);
  const restIndex = value.rhythm.findIndex((d) => d.weekday === value.restDay);
  if (restIndex >= 0) {
    value.rhythm[restIndex].blocks.forEach((block, i) => {
      if (!(REST_DAY_KINDS as readonly ActivityKind[]).includes(block.kind)) {
        ctx.addIssue({
          code: "custom",
          path: [...prefix, "rhythm", restIndex, "blocks", i, "kind"],
          message: `${weekdayName(value.restDay)} is the protected rest day: only rest or light review`,
        });
      }
    });
  }
  if (!isIsoDate(value.startDate) || !isIsoDate(value.examDate)) return;
  value.milestones.forEach((m, i) => {
    if (m.dueOn < value.startDate || m.dueOn >= value.examDate) {
      ctx.addIssue({
        code: "custom",
        path: [...prefix, "milestones", i, "dueOn"],
        message: "A milestone falls on or after the start date and before the exam date",
      });
    }
  });
}

/** The rest day and the full-length practice exam's day keep their own shape: neither can have other hours. */
function refineDayHours(dayHours: readonly DayHours[], restDay: number, ctx: z.RefinementCtx, path: (string | number)[]): void {
  const fullLength = fullLengthWeekday(restDay);
  dayHours.forEach((d, i) => {
    if (d.weekday === restDay) {
      ctx.addIssue({ code: "custom", path: [...path, i, "hours"], message: `${weekdayName(d.weekday)} is the rest day: no study hours` });
    } else if (d.weekday === fullLength) {
      ctx.addIssue({
        code: "custom",
        path: [...path, i, "hours"],
        message: `${weekdayName(d.weekday)} is the full-length practice exam's day: it keeps the whole test day`,
      });
    }
  });
}

/** A whole plan version as stored (columns plus parsed content). */
export const planVersionSchema = z
  .object({
    startDate: isoDateSchema,
    examDate: isoDateSchema,
    hoursPerDay: hoursPerDaySchema,
    restDay: weekdaySchema,
    content: planContentSchema,
  })
  .superRefine((value, ctx) => refineVersion({ ...value, ...value.content }, ctx, ["content"]));

/** Reads `PlanVersion.content` back; throws when a stored version no longer matches the schema. */
export function parsePlanContent(raw: unknown): PlanContent {
  const value = typeof raw === "string" ? (JSON.parse(raw) as unknown) : raw;
  const result = planContentSchema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new Error(`Stored plan content is invalid at ${first.path.join(".") || "(root)"}: ${first.message}`);
  }
  return result.data;
}

/**
 * Accepts a list, or one text with one resource per line or comma-separated,
 * so a textarea and repeated inputs both work. Blank entries are dropped and
 * repeats (ignoring case) collapse.
 */
const previousResourcesSchema = z.preprocess(
  (value) => {
    if (value === undefined || value === null) return [];
    if (typeof value === "string") return value.split(/[\n,;]+/);
    return value;
  },
  z
    .array(z.string().trim().max(100, "Keep each resource under 100 characters").optional())
    .transform((items) => {
      const seen = new Set<string>();
      const out: string[] = [];
      for (const item of items) {
        if (!item) continue;
        const key = item.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(item);
      }
      return out;
    })
    .refine((items) => items.length <= PLAN_LIMITS.maxPreviousResources, `List at most ${PLAN_LIMITS.maxPreviousResources} resources`),
);

/** The plan builder's inputs; the rest comes from the case and its diagnosis. */
export const planBuilderSchema = z
  .object({
    startDate: isoDateSchema,
    examDate: isoDateSchema,
    hoursPerDay: hoursPerDaySchema,
    restDay: weekdaySchema,
    previousResources: previousResourcesSchema,
  })
  .superRefine(refineDateOrder);
export type PlanBuilderForm = z.output<typeof planBuilderSchema>;

const optionalId = z
  .string()
  .trim()
  .max(64, "Not a valid id")
  .optional()
  .transform((v) => (v ? v : undefined));

/**
 * An adjustment: every editable field of the plan, flat so form names read
 * `focusAreas[0].sharePercent`, plus why it changes and which version the
 * editor started from. A save whose `expectedVersion` is no longer the plan's
 * current version is refused (optimistic concurrency), never merged.
 */
export const planAdjustmentSchema = z
  .object({
    startDate: isoDateSchema,
    examDate: isoDateSchema,
    hoursPerDay: hoursPerDaySchema,
    restDay: weekdaySchema,
    rhythm: rhythmSchema,
    focusAreas: focusAreasSchema,
    resources: resourcesSchema,
    measures: measuresSchema,
    milestones: milestonesSchema,
    reason: z
      .string({ error: "Say why the plan changes" })
      .trim()
      .min(
        PLAN_LIMITS.reasonMinLength,
        `Say why the plan changes (at least ${PLAN_LIMITS.reasonMinLength} characters): the student reads it`,
      )
      .max(PLAN_LIMITS.reasonMaxLength, `Keep the reason under ${PLAN_LIMITS.reasonMaxLength} characters`),
    promptedByPracticeExamId: optionalId,
    promptedByCheckInId: optionalId,
    expectedVersion: z
      .number({ error: "Missing plan version; reload the page" })
      .int("Missing plan version; reload the page")
      .min(1, "Missing plan version; reload the page"),
  })
  .superRefine((value, ctx) => refineVersion(value, ctx, []));
type PlanAdjustmentForm = z.output<typeof planAdjustmentSchema>;

/** The new version's data from a parsed adjustment. */
export function adjustmentToVersion(form: PlanAdjustmentForm): PlanVersionData {
  return {
    startDate: form.startDate,
    examDate: form.examDate,
    hoursPerDay: form.hoursPerDay,
    restDay: form.restDay,
    content: {
      rhythm: form.rhythm,
      focusAreas: form.focusAreas,
      resources: form.resources,
      measures: form.measures,
      milestones: form.milestones,
    },
  };
}

/** Form defaults for adjusting `version` (the form starts from what is in force). */
export function adjustmentDefaults(version: PlanVersionData, currentVersion: number): PlanAdjustmentForm {
  return {
    startDate: version.startDate,
    examDate: version.examDate,
    hoursPerDay: version.hoursPerDay,
    restDay: version.restDay,
    ...version.content,
    reason: "",
    promptedByPracticeExamId: undefined,
    promptedByCheckInId: undefined,
    expectedVersion: currentVersion,
  };
}

/**
 * Optimistic concurrency: a save based on an older version is refused, with a
 * message for the `expectedVersion` field; the form keeps the user's edits.
 * Null when the save may go ahead.
 */
export function versionConflict(expectedVersion: number, currentVersion: number): { field: "expectedVersion"; message: string } | null {
  if (expectedVersion === currentVersion) return null;
  return {
    field: "expectedVersion",
    message: `Someone saved version ${currentVersion} of this plan while you were editing version ${expectedVersion}. Nothing was overwritten and your changes are still here: compare with version ${currentVersion}, then save again.`,
  };
}

/** A fresh uid for a tutor-added milestone ("custom-1", "custom-2" …), never reusing one. */
export function newCustomMilestoneUid(existingUids: readonly string[]): string {
  let n = 1;
  while (existingUids.includes(`custom-${n}`)) n += 1;
  return `custom-${n}`;
}

function flagDuplicates(values: readonly string[], field: string, message: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    const key = value.trim().toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, field], message });
    seen.add(key);
  });
}
