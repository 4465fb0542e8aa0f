/**
 * The student's weekly check-in: questions done, percent correct, hours
 * studied, how they feel and a note, for one week (Monday to Sunday). One
 * check-in per case and week: sending the same week again updates it.
 */
import { z } from "zod";
import { addDays, formatDate, type IsoDate, isIsoDate, isoWeekday, startOfIsoWeek } from "#app/domain/dates";

export const CHECK_IN_LIMITS = {
  maxQuestions: 3000,
  maxHours: 100,
  maxNote: 1000,
  /** How many past weeks a student may still check in for (besides this one). */
  pastWeeks: 3,
} as const;

export const MOODS = [1, 2, 3, 4, 5] as const;
export const MOOD_LABELS: Record<number, string> = {
  1: "Struggling",
  2: "Low",
  3: "Okay",
  4: "Good",
  5: "Great",
};

export function moodLabel(mood: number): string {
  return MOOD_LABELS[mood] ?? String(mood);
}

export const checkInSchema = z.object({
  weekOf: z
    .string({ error: "Choose the week you are reporting" })
    .trim()
    .refine((v) => isIsoDate(v) && isoWeekday(v) === 1, { message: "Choose the week you are reporting" }),
  questionsDone: z
    .number({ error: "Enter how many questions you did (0 is fine)" })
    .int("Use a whole number of questions")
    .min(0, "Questions cannot be negative")
    .max(CHECK_IN_LIMITS.maxQuestions, `That is more than ${CHECK_IN_LIMITS.maxQuestions} questions: check the number`),
  percentCorrect: z
    .number({ error: "Enter your percent correct, from 0 to 100" })
    .min(0, "Enter a percent from 0 to 100")
    .max(100, "Enter a percent from 0 to 100"),
  hoursStudied: z
    .number({ error: "Enter the hours you studied (0 is fine)" })
    .min(0, "Hours cannot be negative")
    .max(CHECK_IN_LIMITS.maxHours, `More than ${CHECK_IN_LIMITS.maxHours} hours in a week leaves no time to rest: check the number`),
  mood: z
    .number({ error: "Choose how you feel, from 1 to 5" })
    .int("Choose how you feel, from 1 to 5")
    .min(1, "Choose how you feel, from 1 to 5")
    .max(5, "Choose how you feel, from 1 to 5"),
  note: z
    .string()
    .trim()
    .max(CHECK_IN_LIMITS.maxNote, `Keep the note under ${CHECK_IN_LIMITS.maxNote} characters`)
    .optional()
    .transform((v) => (v ? v : null)),
});
export type CheckInForm = z.output<typeof checkInSchema>;

export interface WeekOption {
  value: IsoDate;
  label: string;
}

/** This week and a few before it (not before the plan's first week), newest first. */
export function checkInWeeks(today: IsoDate, planStart: IsoDate | null = null): WeekOption[] {
  const current = startOfIsoWeek(today);
  const earliest = planStart ? startOfIsoWeek(planStart) : null;
  const weeks: WeekOption[] = [];
  for (let i = 0; i <= CHECK_IN_LIMITS.pastWeeks; i += 1) {
    const monday = addDays(current, -7 * i);
    if (i > 0 && earliest && monday < earliest) break;
    const sunday = addDays(monday, 6);
    const range = `${formatDate(monday, false)} – ${formatDate(sunday, false)}`;
    weeks.push({ value: monday, label: i === 0 ? `This week (${range})` : i === 1 ? `Last week (${range})` : `Week of ${range}` });
  }
  return weeks;
}

/** Null when the week can be reported; otherwise why not. */
export function weekNotAllowed(weekOf: IsoDate, today: IsoDate): string | null {
  const current = startOfIsoWeek(today);
  if (weekOf > current) return "That week has not started yet: check in for this week or an earlier one";
  if (weekOf < addDays(current, -7 * CHECK_IN_LIMITS.pastWeeks)) {
    return `Check-ins can be sent for this week and the ${CHECK_IN_LIMITS.pastWeeks} weeks before it`;
  }
  return null;
}
