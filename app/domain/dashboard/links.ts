/**
 * Where the office's "needs attention" figures lead (the dashboard and the
 * staff home): each opens the list of exactly what it counts, filtered by the
 * list's own URL parameters.
 */
import type { ExamWithinDays } from "#app/domain/cases/caseload";
import { addDays, type IsoDate } from "#app/domain/dates";

/** "Exams soon": a target exam date from today to this many days ahead (the caseload's `examWithin` filter). */
export const EXAMS_SOON_DAYS: ExamWithinDays = 30;

/** The first and last day counted as "exams soon" on `today`. */
export function examsSoonWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: today, to: addDays(today, EXAMS_SOON_DAYS) };
}

/** The escalation queue showing only overdue escalations (escalations/queue-params.ts `overdue`). */
export const OVERDUE_ESCALATIONS_LINK = "/office/escalations?overdue=1";

/** The caseload showing only cases whose exam is in the "exams soon" window, nearest first. */
export const EXAMS_SOON_LINK = `/cases?examWithin=${EXAMS_SOON_DAYS}&sort=daysToExam&dir=asc`;
