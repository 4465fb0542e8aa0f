/**
 * The office's escalation queue state, kept in the URL so a view can be shared
 * and survives a reload: which statuses, only mine, the order, the page and
 * the escalation opened in the detail panel. Every value is allow-listed;
 * anything else falls back to its default.
 *
 * Decisions:
 * - No status in the URL means "not resolved" (open, acknowledged, in
 *   progress): the queue is the work still to do.
 * - Two orders: "urgency" (workflow.ts `queueComparator`: overdue first, then
 *   the nearest due date, severity, age) and "newest" (most recently opened
 *   first). Resolved escalations always come after the unresolved ones.
 */
import { ESCALATION_STATUSES, type EscalationStatus } from "#app/domain/vocabulary";

export const QUEUE_SORTS = ["urgency", "newest"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const QUEUE_SORT_LABELS: Record<QueueSort, string> = {
  urgency: "Most urgent first (overdue, then nearest due date)",
  newest: "Newest first",
};

export const QUEUE_PAGE_SIZE = 25;
export const DEFAULT_QUEUE_STATUSES: readonly EscalationStatus[] = ["OPEN", "ACKNOWLEDGED", "IN_PROGRESS"];

export interface QueueParams {
  status: EscalationStatus[];
  mine: boolean;
  /** Only the overdue ones (workflow.ts `overdueEscalationWhere`): the dashboard's "Overdue escalations" figure opens this view. */
  overdue: boolean;
  sort: QueueSort;
  page: number;
  /** The escalation shown in the detail panel. */
  open: string | null;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseQueueParams(search: URLSearchParams): QueueParams {
  const statuses = [...new Set(search.getAll("status"))].filter((s): s is EscalationStatus =>
    (ESCALATION_STATUSES as readonly string[]).includes(s),
  );
  const sortParam = search.get("sort");
  const page = Number(search.get("page"));
  const open = search.get("open");
  return {
    status: statuses.length ? ESCALATION_STATUSES.filter((s) => statuses.includes(s)) : [...DEFAULT_QUEUE_STATUSES],
    mine: search.get("mine") === "1",
    overdue: search.get("overdue") === "1",
    sort: (QUEUE_SORTS as readonly string[]).includes(sortParam ?? "") ? (sortParam as QueueSort) : "urgency",
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    open: open && ID.test(open) ? open : null,
  };
}

/** The URL search of a queue view; defaults are left out so the plain queue stays "/office/escalations". */
export function queueSearch(params: QueueParams, changes: Partial<QueueParams> = {}): string {
  const p = { ...params, ...changes };
  const out = new URLSearchParams();
  const isDefault = p.status.length === DEFAULT_QUEUE_STATUSES.length && DEFAULT_QUEUE_STATUSES.every((s) => p.status.includes(s));
  if (!isDefault) for (const s of p.status) out.append("status", s);
  if (p.mine) out.set("mine", "1");
  if (p.overdue) out.set("overdue", "1");
  if (p.sort !== "urgency") out.set("sort", p.sort);
  if (p.page > 1) out.set("page", String(p.page));
  if (p.open) out.set("open", p.open);
  const text = out.toString();
  return text ? `?${text}` : "";
}
