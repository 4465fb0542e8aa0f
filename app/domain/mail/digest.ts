/**
 * The weekly digest's content (pure): counts of what changed, by kind, in the
 * words of a sentence. Built from the person's notifications, which already
 * carry what each person may know about each case.
 */
import { addDays, type IsoDate, startOfIsoWeek } from "#app/domain/dates";

const PHRASES: Record<string, [string, string]> = {
  PRACTICE_LOGGED: ["practice exam logged", "practice exams logged"],
  CHECK_IN: ["weekly check-in", "weekly check-ins"],
  ESCALATION_OPENED: ["escalation opened", "escalations opened"],
  ESCALATION_RAISED: ["escalation raised in severity", "escalations raised in severity"],
  ESCALATION_RESOLVED: ["escalation resolved", "escalations resolved"],
  ESCALATION_ASSIGNED: ["escalation assigned to you", "escalations assigned to you"],
  PLAN_ASSIGNED: ["plan assigned", "plans assigned"],
  PLAN_ADJUSTED: ["plan changed", "plans changed"],
  NOTE_SHARED: ["session note shared", "session notes shared"],
  NOTE_REMOVED: ["session note removed", "session notes removed"],
  DISCLOSURE: ["disclosure recorded", "disclosures recorded"],
};

/** Most frequent first, then alphabetically; kinds without a phrase come last, as "other updates". */
export function digestLines(counts: ReadonlyArray<{ kind: string; count: number }>): string[] {
  const merged = new Map<string, number>();
  for (const { kind, count } of counts) {
    if (count <= 0) continue;
    const key = kind in PHRASES ? kind : "OTHER";
    merged.set(key, (merged.get(key) ?? 0) + count);
  }
  return [...merged.entries()]
    .map(([kind, count]) => {
      const [one, many] = PHRASES[kind] ?? ["other update", "other updates"];
      return { count, other: kind === "OTHER", text: `${count} ${count === 1 ? one : many}` };
    })
    .sort((a, b) => Number(a.other) - Number(b.other) || b.count - a.count || a.text.localeCompare(b.text))
    .map((line) => line.text);
}

/**
 * The digest sent in the ISO week of `today` covers the week before it:
 * Monday to Sunday, as instants [from, to).
 */
export function digestWeek(today: IsoDate): { weekOf: IsoDate; from: Date; to: Date } {
  const thisMonday = startOfIsoWeek(today);
  const weekOf = addDays(thisMonday, -7);
  return { weekOf, from: new Date(`${weekOf}T00:00:00.000Z`), to: new Date(`${thisMonday}T00:00:00.000Z`) };
}
