/**
 * How routine notifications are grouped, so an inbox reads as a list of
 * events people act on rather than one line per form sent: a student's
 * check-ins make one notification per recipient per student per day — a
 * second check-in (or an edit) that day updates it, and it reads as new again.
 * Events that need action (escalations, plan changes) are never grouped.
 */
import { today } from "#app/domain/dates";

/** The key shared by one student's check-in notifications of one day. */
export function checkInGroupKey(studentId: string, now: Date): string {
  return `checkin:${studentId}:${today(now)}`;
}

/** "Jordan Lee sent a weekly check-in" or, grouped, "Jordan Lee sent 2 check-ins today". */
export function checkInTitle(studentName: string, count: number, updated: boolean): string {
  if (count <= 1) return updated ? `${studentName} updated a weekly check-in` : `${studentName} sent a weekly check-in`;
  return `${studentName} sent ${count} check-ins that day`;
}
