/**
 * The "since your last visit" panel on each home: the events a
 * user has not seen yet, counted by kind and said in a few short lines
 * ("2 new escalations", "3 new practice scores").
 *
 * Pure: the caller passes the user's dated events (notifications or anything
 * shaped like them) and when the user last visited.
 *
 * Decisions:
 * - An event counts when it happened strictly after the last visit (one at the
 *   very same instant was already there to see). No last visit: everything is new.
 * - Events naming the same `subjectId` count once per kind, so daily "overdue"
 *   reminders about one escalation read "1 overdue item", not "5".
 * - Lines follow a fixed order, what needs action first (overdue, escalations),
 *   then news (scores, plans); kinds the panel does not know are summed into
 *   "N other updates" rather than dropped.
 * - Nothing new gives the single line "Nothing new since your last visit", so
 *   the panel can always render `lines`; `total` is 0 then.
 */

const VISIT_EVENT_KINDS = [
  "OVERDUE",
  "ESCALATION_OPENED",
  "ESCALATION_RAISED",
  "ESCALATION_RESOLVED",
  "PRACTICE_LOGGED",
  "PLAN_ASSIGNED",
  "PLAN_ADJUSTED",
  "CHECK_IN",
] as const;
type VisitEventKind = (typeof VISIT_EVENT_KINDS)[number];

/** Unknown kinds are counted under this key. */
const OTHER_KIND = "OTHER";
export type VisitCountKey = VisitEventKind | typeof OTHER_KIND;

/** How each kind reads, singular and plural, after its count. */
const VISIT_EVENT_PHRASES: Record<VisitCountKey, { one: string; many: string }> = {
  OVERDUE: { one: "overdue item", many: "overdue items" },
  ESCALATION_OPENED: { one: "new escalation", many: "new escalations" },
  ESCALATION_RAISED: { one: "escalation raised in severity", many: "escalations raised in severity" },
  ESCALATION_RESOLVED: { one: "escalation resolved", many: "escalations resolved" },
  PRACTICE_LOGGED: { one: "new practice score", many: "new practice scores" },
  PLAN_ASSIGNED: { one: "new plan", many: "new plans" },
  PLAN_ADJUSTED: { one: "plan change", many: "plan changes" },
  CHECK_IN: { one: "new check-in", many: "new check-ins" },
  OTHER: { one: "other update", many: "other updates" },
};

export const NOTHING_NEW = "Nothing new since your last visit";

export interface VisitEvent {
  /** A notification kind; kinds outside VISIT_EVENT_KINDS count as other updates. */
  kind: string;
  at: Date;
  /** What the event is about (an escalation id, …): repeated events about it count once per kind. */
  subjectId?: string | null;
}

export interface SinceLastVisit {
  /** Distinct new items, all kinds together. */
  total: number;
  /** Only kinds with something new. */
  counts: Partial<Record<VisitCountKey, number>>;
  /** One line per kind in display order, or the single NOTHING_NEW line. */
  lines: string[];
}

const isKnownKind = (kind: string): kind is VisitEventKind => (VISIT_EVENT_KINDS as readonly string[]).includes(kind);

/** The kind's line: "1 new escalation", "3 new practice scores". */
export function visitLine(kind: VisitCountKey, count: number): string {
  const phrase = VISIT_EVENT_PHRASES[kind];
  return `${count} ${count === 1 ? phrase.one : phrase.many}`;
}

/** What is new for the user since `lastVisitAt` (null: the first visit, so everything). */
export function sinceLastVisit(events: readonly VisitEvent[], lastVisitAt: Date | null): SinceLastVisit {
  const after = lastVisitAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const seen = new Map<VisitCountKey, Set<string>>();
  const counts: Partial<Record<VisitCountKey, number>> = {};
  for (const event of events) {
    if (!(event.at.getTime() > after)) continue;
    const key: VisitCountKey = isKnownKind(event.kind) ? event.kind : OTHER_KIND;
    if (event.subjectId) {
      // Subject ids are unique per kind, not across kinds (an unknown kind keeps its own name).
      const subject = `${event.kind}:${event.subjectId}`;
      const subjects = seen.get(key) ?? new Set<string>();
      if (subjects.has(subject)) continue;
      subjects.add(subject);
      seen.set(key, subjects);
    }
    counts[key] = (counts[key] ?? 0) + 1;
  }
  const order: readonly VisitCountKey[] = [...VISIT_EVENT_KINDS, OTHER_KIND];
  const lines = order.flatMap((kind) => {
    const count = counts[kind];
    return count ? [visitLine(kind, count)] : [];
  });
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  return { total, counts, lines: total === 0 ? [NOTHING_NEW] : lines };
}
