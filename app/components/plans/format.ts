/** Small display helpers shared by the plan components. */
import { formatDate } from "../../domain/dates";

/** "45 min", "3 h", "2 h 30 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A stored instant as a calendar day ("3 Nov 2026"). */
export function formatInstant(value: Date | string): string {
  return formatDate(new Date(value).toISOString().slice(0, 10));
}

/** "in 3 days", "tomorrow", "today". */
export function inDays(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days < 0) return `${-days} days ago`;
  return `in ${days} days`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
