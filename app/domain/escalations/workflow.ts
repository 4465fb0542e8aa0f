/**
 * The escalation workflow: the office's state machine, who may do
 * what, due dates from the school's time limits, overdue state and the order of
 * the office's queue. Pure; the server applies the result under the
 * optimistic-concurrency guard and writes the history event.
 *
 * Decisions:
 * - OPEN → ACKNOWLEDGED → IN_PROGRESS → RESOLVED, and two shortcuts:
 *   OPEN → IN_PROGRESS (starting work acknowledges it; the acknowledgement time
 *   is set then) and ACKNOWLEDGED → RESOLVED (an escalation settled by one
 *   action needs no separate "in progress"). OPEN → RESOLVED is refused: the
 *   office acknowledges an escalation before closing it, so nobody resolves
 *   one unseen.
 * - No move goes back, and RESOLVED is terminal: reopening is not allowed. A new
 *   problem is a new escalation (a further failure opens one automatically;
 *   anyone on the case can raise one by hand), so each outcome stays as written.
 * - Only the office (ADVISOR, ADMIN) changes status, records actions and sets
 *   the owner. A tutor may raise a manual escalation and add notes, never change
 *   its status. Students do none of it. Which school's escalations an actor may
 *   see is the access policy's job (app/domain/access/policy.ts), not this one's.
 * - Overdue boundaries: due today is not overdue; due yesterday is, by 1 day.
 *   Days overdue are calendar days (the due dates themselves count business days).
 */

import { addBusinessDays, daysBetween, formatDate, type IsoDate } from "#app/domain/dates";
import { type Result, refuse } from "#app/domain/result";
import { plural } from "#app/domain/text";
import { ESCALATION_STATUS_LABELS, type EscalationStatus, OFFICE_ROLES, type Role, STAFF_ROLES } from "#app/domain/vocabulary";
import type { Prisma } from "#generated/prisma/client";

// ---------------------------------------------------------------------------
// Permissions
// ---------------------------------------------------------------------------

const ESCALATION_OPERATIONS = ["RAISE", "ADD_NOTE", "CHANGE_STATUS", "RECORD_ACTION", "CHANGE_OWNER"] as const;
type EscalationOperation = (typeof ESCALATION_OPERATIONS)[number];

/** Who may do each thing to an escalation (within a school they may see). */
const ESCALATION_PERMISSIONS: Record<EscalationOperation, readonly Role[]> = {
  RAISE: STAFF_ROLES,
  ADD_NOTE: STAFF_ROLES,
  CHANGE_STATUS: OFFICE_ROLES,
  RECORD_ACTION: OFFICE_ROLES,
  CHANGE_OWNER: OFFICE_ROLES,
};

export function mayPerformEscalation(operation: EscalationOperation, role: Role): boolean {
  return ESCALATION_PERMISSIONS[operation].includes(role);
}

// ---------------------------------------------------------------------------
// State machine
// ---------------------------------------------------------------------------

interface EscalationTransition {
  from: EscalationStatus;
  to: EscalationStatus;
  /** Button text on the escalation page. */
  label: string;
}

export const ESCALATION_TRANSITIONS: readonly EscalationTransition[] = [
  { from: "OPEN", to: "ACKNOWLEDGED", label: "Acknowledge" },
  { from: "OPEN", to: "IN_PROGRESS", label: "Start work" },
  { from: "ACKNOWLEDGED", to: "IN_PROGRESS", label: "Start work" },
  { from: "ACKNOWLEDGED", to: "RESOLVED", label: "Resolve" },
  { from: "IN_PROGRESS", to: "RESOLVED", label: "Resolve" },
];

/**
 * A status change's answer: FORBIDDEN when the role may not change statuses
 * (403), INVALID for a move the state machine or the outcome rule refuses
 * (400, with `field: "outcome"` when the outcome is the problem).
 */
type EscalationTransitionResult = Result<{
  status: EscalationStatus;
  /** This move acknowledges the escalation: set `acknowledgedAt` if it is not set yet. */
  acknowledges: boolean;
  /** This move resolves it: set `resolvedAt` and store `outcome`. */
  resolves: boolean;
  /** The trimmed outcome when resolving, else null. */
  outcome: string | null;
}>;

interface EscalationTransitionRequest {
  role: Role;
  /** Required (non-blank) to resolve; refused for any other move. */
  outcome?: string | null;
}

const label = (status: EscalationStatus) => ESCALATION_STATUS_LABELS[status].toLowerCase();

/** A status change, checked against the role, the state machine and the outcome rule, in that order. */
export function transitionEscalation(
  current: EscalationStatus,
  to: EscalationStatus,
  request: EscalationTransitionRequest,
): EscalationTransitionResult {
  const outcome = request.outcome?.trim() || null;
  if (!mayPerformEscalation("CHANGE_STATUS", request.role)) {
    return refuse(
      "FORBIDDEN",
      request.role === "TUTOR"
        ? "Only an advisor or an administrator can change an escalation's status. You can add a note instead."
        : "Only an advisor or an administrator can change an escalation's status.",
    );
  }
  if (current === "RESOLVED") {
    return refuse(
      "INVALID",
      "This escalation is resolved, and resolved escalations do not reopen. Raise a new escalation if the case needs the office again.",
    );
  }
  if (to === current) {
    return refuse("INVALID", `The escalation is already ${label(current)}.`);
  }
  const found = ESCALATION_TRANSITIONS.find((t) => t.from === current && t.to === to);
  if (!found) {
    return refuse(
      "INVALID",
      current === "OPEN" && to === "RESOLVED"
        ? "Acknowledge the escalation before resolving it."
        : `An escalation cannot move from ${label(current)} back to ${label(to)}.`,
    );
  }
  if (to === "RESOLVED" && outcome === null) {
    return refuse("INVALID", "Say what the outcome is: whoever raised the escalation is told it.", { field: "outcome" });
  }
  if (to !== "RESOLVED" && outcome !== null) {
    return refuse("INVALID", "Only resolving takes an outcome.", { field: "outcome" });
  }
  return { ok: true, status: to, acknowledges: current === "OPEN", resolves: to === "RESOLVED", outcome };
}

/** The moves to offer this role (none for tutors and students, none once resolved). */
export function availableEscalationTransitions(current: EscalationStatus, role: Role): EscalationTransition[] {
  if (!mayPerformEscalation("CHANGE_STATUS", role)) return [];
  return ESCALATION_TRANSITIONS.filter((t) => t.from === current);
}

/**
 * The status after the office records an action: work has visibly started, so
 * an open or acknowledged escalation moves to in progress; null when it stays.
 */
export function statusAfterAction(current: EscalationStatus): EscalationStatus | null {
  return current === "OPEN" || current === "ACKNOWLEDGED" ? "IN_PROGRESS" : null;
}

// ---------------------------------------------------------------------------
// Due dates and overdue
// ---------------------------------------------------------------------------

/** The school's time limits (SchoolSettings), in business days. */
interface EscalationTimeLimits {
  acknowledgeWithinBusinessDays: number;
  resolveWithinBusinessDays: number;
}

interface EscalationDueDates {
  acknowledgeBy: IsoDate;
  resolveBy: IsoDate;
}

function checkLimit(name: string, days: number): void {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`${name} must be a whole number of business days, not ${days}`);
}

/** Due dates counted in business days from the day it opened (weekends skipped; 0 means the same day). */
export function dueDates(openedOn: IsoDate, limits: EscalationTimeLimits): EscalationDueDates {
  checkLimit("acknowledgeWithinBusinessDays", limits.acknowledgeWithinBusinessDays);
  checkLimit("resolveWithinBusinessDays", limits.resolveWithinBusinessDays);
  return {
    acknowledgeBy: addBusinessDays(openedOn, limits.acknowledgeWithinBusinessDays),
    resolveBy: addBusinessDays(openedOn, limits.resolveWithinBusinessDays),
  };
}

const OVERDUE_STATES = ["NONE", "ACK_OVERDUE", "RESOLVE_OVERDUE"] as const;
export type OverdueKind = (typeof OVERDUE_STATES)[number];

interface EscalationTiming {
  status: EscalationStatus;
  acknowledgeBy: IsoDate;
  resolveBy: IsoDate;
  /** When it was acknowledged (any truthy value counts); its status counts too. */
  acknowledgedAt?: Date | IsoDate | null;
}

export interface OverdueState {
  state: OverdueKind;
  /** Calendar days past the missed due date; 0 when not overdue. */
  daysOverdue: number;
  /** The deadline that applies now: acknowledge-by until acknowledged, then resolve-by; null once resolved. */
  nextDueOn: IsoDate | null;
}

export function isAcknowledged(escalation: Pick<EscalationTiming, "status" | "acknowledgedAt">): boolean {
  return escalation.status !== "OPEN" || Boolean(escalation.acknowledgedAt);
}

/**
 * Whether a deadline is missed on `today`. Missing the resolve-by date wins
 * over missing the acknowledge-by date: it is the later and graver miss.
 */
export function overdueState(escalation: EscalationTiming, today: IsoDate): OverdueState {
  if (escalation.status === "RESOLVED") return { state: "NONE", daysOverdue: 0, nextDueOn: null };
  const acknowledged = isAcknowledged(escalation);
  const nextDueOn = acknowledged ? escalation.resolveBy : escalation.acknowledgeBy;
  if (escalation.resolveBy < today) {
    return { state: "RESOLVE_OVERDUE", daysOverdue: daysBetween(escalation.resolveBy, today), nextDueOn };
  }
  if (!acknowledged && escalation.acknowledgeBy < today) {
    return { state: "ACK_OVERDUE", daysOverdue: daysBetween(escalation.acknowledgeBy, today), nextDueOn };
  }
  return { state: "NONE", daysOverdue: 0, nextDueOn };
}

/**
 * `overdueState`'s rule as a database filter: the escalations that are not
 * NONE on `today` (past resolve-by while unresolved, or past acknowledge-by
 * while still unacknowledged). Every query that asks "which escalations are
 * overdue" uses this; the dashboard's aggregate SQL
 * (domain/dashboard/queries.server.ts `escalationCounts`) spells the same rule
 * and must change with it.
 */
export function overdueEscalationWhere(today: IsoDate): Prisma.EscalationWhereInput {
  return {
    status: { not: "RESOLVED" },
    OR: [{ resolveBy: { lt: today } }, { status: "OPEN", acknowledgedAt: null, acknowledgeBy: { lt: today } }],
  };
}

/** "Acknowledgement 2 days overdue (due 3 Mar 2026)" — for the highlighted queue row; null when on time. */
export function overdueLabel(escalation: EscalationTiming, today: IsoDate): string | null {
  const o = overdueState(escalation, today);
  if (o.state === "NONE") return null;
  const what = o.state === "ACK_OVERDUE" ? "Acknowledgement" : "Resolution";
  const due = o.state === "ACK_OVERDUE" ? escalation.acknowledgeBy : escalation.resolveBy;
  return `${what} ${plural(o.daysOverdue, "day")} overdue (due ${formatDate(due)})`;
}

// ---------------------------------------------------------------------------
// Queue order
// ---------------------------------------------------------------------------

export interface QueueEntry extends EscalationTiming {
  /** 1..4, higher is more serious. */
  severity: number;
  /** Last tie-break, oldest first, so the order is stable. */
  openedAt?: Date | IsoDate;
}

const time = (value: Date | IsoDate | undefined): string =>
  value === undefined ? "" : value instanceof Date ? value.toISOString() : value;

/**
 * The office's queue order on `today`: overdue first; then the nearest
 * applicable due date (so among overdue ones, the longest overdue); then
 * severity, highest first; then the oldest. Resolved escalations go last.
 */
export function queueComparator(today: IsoDate): (a: QueueEntry, b: QueueEntry) => number {
  return (a, b) => {
    const resolved = Number(a.status === "RESOLVED") - Number(b.status === "RESOLVED");
    if (resolved !== 0) return resolved;
    const oa = overdueState(a, today);
    const ob = overdueState(b, today);
    const overdue = Number(ob.state !== "NONE") - Number(oa.state !== "NONE");
    if (overdue !== 0) return overdue;
    const dueA = dueForOrder(a, oa);
    const dueB = dueForOrder(b, ob);
    if (dueA !== dueB) return dueA < dueB ? -1 : 1;
    if (a.severity !== b.severity) return b.severity - a.severity;
    const ta = time(a.openedAt);
    const tb = time(b.openedAt);
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  };
}

/** The date that orders an entry: the missed deadline when overdue, else the next one; resolve-by once resolved. */
function dueForOrder(entry: QueueEntry, overdue: OverdueState): IsoDate {
  if (overdue.state === "RESOLVE_OVERDUE") return entry.resolveBy;
  if (overdue.state === "ACK_OVERDUE") return entry.acknowledgeBy;
  return overdue.nextDueOn ?? entry.resolveBy;
}

/** A sorted copy of the queue. */
export function sortQueue<T extends QueueEntry>(entries: readonly T[], today: IsoDate): T[] {
  return [...entries].sort(queueComparator(today));
}
