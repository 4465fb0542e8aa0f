/**
 * The committee packet (docs/decisions/0022): what the office puts before the
 * promotions committee for an escalated case. Pure helpers, client-safe.
 *
 * The packet is read at the office tier and no higher: records private to
 * their author are left out even when the advisor printing it wrote them, so
 * the packet is the same whoever in the office prints it. The reads go
 * through the privacy layer (ADR 0010, 0014) as an office viewer who authored
 * nothing: `PACKET_VIEWER`.
 */
import { addDays, type IsoDate, minDate, startOfIsoWeek } from "#app/domain/dates";
import type { Viewer } from "#app/domain/privacy/visibility";
import { disclosureSchema } from "#app/domain/records/disclosures";

/** The office tier and nothing private: no user id is ever empty, so no record counts as this viewer's own. */
export const PACKET_VIEWER: Viewer = Object.freeze({ userId: "", relation: "OFFICE" });

/** What a disclosure of the packet records as its content. */
export const PACKET_RECORDS_DESCRIPTION =
  "Committee packet: attempt history, diagnosis, plan versions, trajectory, sessions, check-ins, risk flags, escalations";

interface CheckInAdherence {
  /** Weeks of the plan so far (its first week through the current one, or the exam's). */
  expected: number;
  /** Of those weeks, the ones with a check-in. */
  done: number;
  /** Whole percent, null when no week is due yet. */
  percent: number | null;
  /** The weeks (Mondays) with no check-in, oldest first. */
  missed: IsoDate[];
}

/**
 * Weekly check-ins against the plan's weeks: every week from the one the plan
 * started in through the current week (or the exam's week, if earlier).
 */
export function checkInAdherence(
  planStart: IsoDate | null,
  examDate: IsoDate | null,
  today: IsoDate,
  weeksDone: readonly IsoDate[],
): CheckInAdherence {
  if (planStart === null || planStart > today) return { expected: 0, done: 0, percent: null, missed: [] };
  const first = startOfIsoWeek(planStart);
  const last = startOfIsoWeek(examDate ? minDate(today, examDate) : today);
  const weeks: IsoDate[] = [];
  for (let w = first; w <= last; w = addDays(w, 7)) weeks.push(w);
  const done = new Set(weeksDone.map((d) => startOfIsoWeek(d)));
  const missed = weeks.filter((w) => !done.has(w));
  const expected = weeks.length;
  const count = expected - missed.length;
  return { expected, done: count, percent: expected === 0 ? null : Math.round((count / expected) * 100), missed };
}

/**
 * Text for a CSS string (the student's name in the page margins): every
 * character that is not a letter, digit or space is written as a hex escape,
 * so a name can neither end the string nor the style element.
 */
export function cssString(text: string): string {
  let out = "";
  for (const ch of text) {
    out += /[\p{L}\p{N} ]/u.test(ch) ? ch : `\\${(ch.codePointAt(0) ?? 0).toString(16)} `;
  }
  return `"${out}"`;
}

/** The disclosure form of the packet: the student, the school and the records are the packet's, never the form's. */
export function packetDisclosureSchema(on: string, schoolId: string) {
  return disclosureSchema(on, [schoolId]).omit({ schoolId: true, student: true, records: true });
}
