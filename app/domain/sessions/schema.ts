/**
 * Session records (docs/decisions/0024): a session held (a meeting, a call, a
 * message, or a no-show) with its date, duration, attendance and next steps;
 * or a session scheduled, which the student sees in their week and calendar.
 * The forms and their rules. Pure and client-safe.
 */
import { z } from "zod";
import { addDays, formatDate, type IsoDate, isIsoDate } from "#app/domain/dates";
import { VISIBILITIES } from "#app/domain/vocabulary";

export const SESSION_KINDS = ["MEETING", "CALL", "MESSAGE", "NO_SHOW"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  MEETING: "Meeting",
  CALL: "Call",
  MESSAGE: "Message",
  NO_SHOW: "No-show",
};

/** Kinds a session can be scheduled as. */
export const SCHEDULABLE_KINDS = ["MEETING", "CALL"] as const;

export const SESSION_ATTENDANCE = ["ON_TIME", "LATE", "LEFT_EARLY"] as const;
type SessionAttendance = (typeof SESSION_ATTENDANCE)[number];
export const SESSION_ATTENDANCE_LABELS: Record<SessionAttendance, string> = {
  ON_TIME: "Attended, on time",
  LATE: "Attended, came late",
  LEFT_EARLY: "Attended, left early",
};

/** Kinds the student attends in person or by phone: they have a duration and an attendance. */
const ATTENDED_KINDS: readonly SessionKind[] = ["MEETING", "CALL"];

export const SESSION_SUMMARY_MAX = 5000;
const NEXT_STEP_MAX = 300;
/** Next-step rows the form offers (blank rows are ignored). */
export const NEXT_STEP_ROWS = 3;
/** How far back a session may be dated, and how far ahead one may be scheduled. */
const SESSION_MAX_AGE_DAYS = 730;
const SCHEDULE_MAX_AHEAD_DAYS = 365;
const DURATION_MAX_MINUTES = 480;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

const dateField = (what: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .refine(isIsoDate, { message: `Enter the ${what}`, abort: true });

const duration = z.coerce
  .number({ error: "Enter the minutes as a number" })
  .int("Enter whole minutes")
  .min(1, "At least 1 minute")
  .max(DURATION_MAX_MINUTES, `At most ${DURATION_MAX_MINUTES} minutes`);

/** The record form: the session's facts, a summary with its tier, and up to NEXT_STEP_ROWS next steps. */
export function sessionSchema(today: IsoDate) {
  const earliest = addDays(today, -SESSION_MAX_AGE_DAYS);
  return z
    .object({
      kind: z.enum(SESSION_KINDS, { error: "Choose what kind of session it was" }),
      sessionOn: dateField("session's date")
        .refine((d) => d <= today, "A session held cannot be in the future: schedule it instead")
        .refine((d) => d >= earliest, `Enter a date from ${formatDate(earliest)} on`),
      durationMinutes: z.preprocess((v) => (blank(v) ? undefined : v), duration.optional()),
      attendance: z.preprocess((v) => (blank(v) ? undefined : v), z.enum(SESSION_ATTENDANCE).optional()),
      summary: z.string().trim().max(SESSION_SUMMARY_MAX, `At most ${SESSION_SUMMARY_MAX} characters`).default(""),
      visibility: z.enum(VISIBILITIES, { error: "Choose who can read the summary and next steps" }),
      nextSteps: z.preprocess(
        (rows) => (Array.isArray(rows) ? rows.filter((r) => r && !(blank(r.text) && blank(r.dueOn))) : []),
        z
          .array(
            z.object({
              text: z.string({ error: "Say what is to be done" }).trim().min(1, "Say what is to be done").max(NEXT_STEP_MAX),
              dueOn: dateField("due date"),
            }),
          )
          .max(NEXT_STEP_ROWS),
      ),
    })
    .superRefine((v, ctx) => {
      const attended = ATTENDED_KINDS.includes(v.kind);
      if (attended && v.durationMinutes === undefined)
        ctx.addIssue({ code: "custom", path: ["durationMinutes"], message: "Enter how long it took" });
      if (attended && v.attendance === undefined)
        ctx.addIssue({ code: "custom", path: ["attendance"], message: "Choose how the student attended" });
      if (!attended && v.attendance !== undefined)
        ctx.addIssue({ code: "custom", path: ["attendance"], message: "Attendance is for meetings and calls only" });
      v.nextSteps.forEach((step, i) => {
        if (step.dueOn < v.sessionOn)
          ctx.addIssue({ code: "custom", path: ["nextSteps", i, "dueOn"], message: "Due on or after the session" });
      });
    });
}
export type SessionForm = z.output<ReturnType<typeof sessionSchema>>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The schedule form: a meeting or call on a day from today on, with an optional time and length. */
export function scheduleSchema(today: IsoDate) {
  const latest = addDays(today, SCHEDULE_MAX_AHEAD_DAYS);
  return z.object({
    kind: z.enum(SCHEDULABLE_KINDS, { error: "Choose a meeting or a call" }),
    sessionOn: dateField("date")
      .refine((d) => d >= today, "Schedule a session from today on")
      .refine((d) => d <= latest, `Schedule it by ${formatDate(latest)}`),
    startTime: z.preprocess((v) => (blank(v) ? undefined : v), z.string().trim().regex(TIME, "Enter a time like 14:30").optional()),
    durationMinutes: z.preprocess((v) => (blank(v) ? undefined : v), duration.optional()),
  });
}
export type ScheduleForm = z.output<ReturnType<typeof scheduleSchema>>;

/** The facts the no-show rule reads. */
export interface SessionFact {
  kind: SessionKind;
  sessionOn: IsoDate;
}

/**
 * The last two sessions the student was expected at (meetings, calls,
 * no-shows; messages do not count) were both no-shows, latest first; null
 * otherwise. Sessions on or before `today` only.
 */
export function consecutiveNoShows(sessions: readonly SessionFact[], today: IsoDate): [IsoDate, IsoDate] | null {
  const expected = sessions
    .filter((s) => s.kind !== "MESSAGE" && s.sessionOn <= today)
    .sort((a, b) => b.sessionOn.localeCompare(a.sessionOn));
  const [latest, before] = expected;
  if (latest?.kind === "NO_SHOW" && before?.kind === "NO_SHOW") return [latest.sessionOn, before.sessionOn];
  return null;
}
