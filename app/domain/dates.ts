/**
 * Calendar dates as ISO strings ("2026-03-14").
 *
 * Exam dates, milestones and practice-exam dates are calendar days, not instants:
 * they are stored and passed around as `YYYY-MM-DD` text, compared as strings and
 * computed in UTC so that no time zone ever moves a day (ADR 0006).
 */
import { UTCDate } from "@date-fns/utc";
import { addDays as dfAddDays, addMonths as dfAddMonths, differenceInCalendarDays, getISODay } from "date-fns";

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): value is IsoDate {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function toUtcDate(date: IsoDate): UTCDate {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${date}`);
  const [y, m, d] = date.split("-").map(Number);
  return new UTCDate(y, m - 1, d);
}

export function fromDate(date: Date): IsoDate {
  return new Date(date.getTime()).toISOString().slice(0, 10);
}

/** Today's calendar date in UTC (callers pass `now` so tests control the clock). */
export function today(now: Date = new Date()): IsoDate {
  return fromDate(now);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDate(dfAddDays(toUtcDate(date), days));
}

export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  return addDays(date, weeks * 7);
}

/** Calendar months; the 31st plus one month clamps to the month's last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return fromDate(dfAddMonths(toUtcDate(date), months));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toUtcDate(to), toUtcDate(from));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return getISODay(toUtcDate(date));
}

/** The Monday on or before `date`. */
export function startOfIsoWeek(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** Adds business days (Monday–Friday), the way escalation time limits count. */
export function addBusinessDays(date: IsoDate, days: number): IsoDate {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    if (isoWeekday(current) <= 5) left -= 1;
  }
  return current;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "14 Mar 2026" — unambiguous for every reader. */
export function formatDate(date: IsoDate, withYear = true): string {
  const [y, m, d] = date.split("-").map(Number);
  return withYear ? `${d} ${MONTHS[m - 1]} ${y}` : `${d} ${MONTHS[m - 1]}`;
}

/** The calendar day (UTC) of a stored instant: "3 Nov 2026". */
export function formatDay(instant: Date | string): string {
  return formatDate(fromDate(new Date(instant)));
}

/** "3 Mar 2026, 14:05 UTC": the same on the server and in the browser, so hydration never differs. */
export function formatDateTime(instant: Date | string): string {
  const iso = new Date(instant).toISOString();
  return `${formatDate(iso.slice(0, 10) as IsoDate)}, ${iso.slice(11, 16)} UTC`;
}

/** The month names the app prints, "Jan" to "Dec". */
export const MONTH_NAMES: readonly string[] = MONTHS;
