/**
 * Reads for the escalation pages: a case's escalations with their full
 * history, one escalation for the queue's detail panel, the office's queue
 * (filtered, ordered by workflow.ts, a page at a time) and the office members
 * who may own an escalation. Every read selects only what the pages render,
 * and the number of queries does not grow with the number of escalations.
 */

import type { IsoDate } from "#app/domain/dates";
import { OFFICE_ROLES } from "#app/domain/vocabulary";
import { prisma } from "#app/utils/db.server";
import type { Prisma } from "#generated/prisma/client";
import { schoolMembers } from "./members.server";
import { QUEUE_PAGE_SIZE, type QueueParams } from "./queue-params";
import { type EscalationHeadline, type EscalationQueueRow, type EscalationView, escalationTitle } from "./view";
import { overdueEscalationWhere, overdueLabel, overdueState, sortQueue } from "./workflow";

const person = { select: { id: true, name: true } } as const;

const detailSelect = {
  id: true,
  caseId: true,
  schoolId: true,
  trigger: true,
  failureNumber: true,
  severity: true,
  status: true,
  reason: true,
  outcome: true,
  acknowledgeBy: true,
  resolveBy: true,
  acknowledgedAt: true,
  resolvedAt: true,
  createdAt: true,
  version: true,
  owner: person,
  raisedBy: person,
  case: { select: { exam: true, student: { select: { user: { select: { name: true } } } } } },
  events: {
    select: {
      id: true,
      kind: true,
      createdAt: true,
      fromStatus: true,
      toStatus: true,
      action: true,
      actionOn: true,
      accommodationStatus: true,
      note: true,
      actor: { select: { name: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} as const satisfies Prisma.EscalationSelect;

type DetailRow = Prisma.EscalationGetPayload<{ select: typeof detailSelect }>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The fields of an escalation row its headline reads (the queue's row and the full view select them alike). */
type HeadlineRow = Prisma.EscalationGetPayload<{
  select: {
    id: true;
    caseId: true;
    trigger: true;
    failureNumber: true;
    severity: true;
    status: true;
    acknowledgeBy: true;
    resolveBy: true;
    acknowledgedAt: true;
    resolvedAt: true;
    createdAt: true;
    case: { select: { exam: true; student: { select: { user: { select: { name: true } } } } } };
  };
}>;

function headline(row: HeadlineRow, today: IsoDate): EscalationHeadline {
  const timing = { status: row.status, acknowledgeBy: row.acknowledgeBy, resolveBy: row.resolveBy, acknowledgedAt: row.acknowledgedAt };
  return {
    id: row.id,
    caseId: row.caseId,
    studentName: row.case.student.user.name,
    exam: row.case.exam,
    trigger: row.trigger,
    title: escalationTitle(row.trigger, row.failureNumber),
    severity: row.severity,
    status: row.status,
    acknowledgeBy: row.acknowledgeBy,
    resolveBy: row.resolveBy,
    resolvedAt: iso(row.resolvedAt),
    createdAt: row.createdAt.toISOString(),
    overdue: overdueState(timing, today),
    overdueLabel: overdueLabel(timing, today),
  };
}

function toView(row: DetailRow, today: IsoDate): EscalationView {
  return {
    ...headline(row, today),
    schoolId: row.schoolId,
    reason: row.reason,
    outcome: row.outcome,
    acknowledgedAt: iso(row.acknowledgedAt),
    version: row.version,
    owner: row.owner,
    raisedBy: row.raisedBy,
    events: row.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      actorName: e.actor?.name ?? null,
      at: e.createdAt.toISOString(),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      action: e.action,
      actionOn: e.actionOn,
      accommodationStatus: e.accommodationStatus,
      note: e.note,
    })),
  };
}

/** A case's escalations, unresolved first and newest first within each, with their history. */
export async function loadCaseEscalations(caseId: string, today: IsoDate): Promise<EscalationView[]> {
  const rows = await prisma.escalation.findMany({ where: { caseId }, select: detailSelect, orderBy: { createdAt: "desc" } });
  const views = rows.map((row) => toView(row, today));
  return [...views.filter((v) => v.status !== "RESOLVED"), ...views.filter((v) => v.status === "RESOLVED")];
}

/** One escalation, only when it belongs to one of `schoolIds` (null otherwise, so another school's looks missing). */
export async function loadEscalationForSchools(id: string, schoolIds: readonly string[], today: IsoDate): Promise<EscalationView | null> {
  const row = await prisma.escalation.findFirst({ where: { id, schoolId: { in: [...schoolIds] } }, select: detailSelect });
  return row ? toView(row, today) : null;
}

/** Where an escalation sits, for authorizing a write to it. */
export async function escalationScope(id: string) {
  return prisma.escalation.findUnique({ where: { id }, select: { id: true, schoolId: true, caseId: true } });
}

const rowSelect = {
  id: true,
  caseId: true,
  trigger: true,
  failureNumber: true,
  severity: true,
  status: true,
  ownerId: true,
  acknowledgeBy: true,
  resolveBy: true,
  acknowledgedAt: true,
  resolvedAt: true,
  createdAt: true,
  owner: { select: { name: true } },
  case: { select: { exam: true, student: { select: { user: { select: { name: true } } } } } },
} as const satisfies Prisma.EscalationSelect;

type QueueDbRow = Prisma.EscalationGetPayload<{ select: typeof rowSelect }>;

function toRow(row: QueueDbRow, today: IsoDate): EscalationQueueRow & { openedAt: Date; acknowledgedAt: Date | null } {
  return {
    ...headline(row, today),
    ownerId: row.ownerId,
    ownerName: row.owner?.name ?? null,
    acknowledgedAt: row.acknowledgedAt,
    openedAt: row.createdAt,
  };
}

interface EscalationQueue {
  rows: EscalationQueueRow[];
  total: number;
  overdue: number;
  page: number;
  pageCount: number;
}

/**
 * The office's queue for `schoolIds`. Unresolved escalations (the queue's
 * working set, small at any school) are loaded whole and ordered by the
 * workflow's comparator; resolved ones, which only grow, follow a page at a
 * time from the database, most recently resolved (or opened) first.
 */
export async function loadEscalationQueue(
  schoolIds: readonly string[],
  params: Pick<QueueParams, "status" | "mine" | "sort" | "page"> & Partial<Pick<QueueParams, "overdue">>,
  viewerId: string,
  today: IsoDate,
): Promise<EscalationQueue> {
  const base: Prisma.EscalationWhereInput = {
    schoolId: { in: [...schoolIds] },
    ...(params.mine ? { ownerId: viewerId } : {}),
    ...(params.overdue ? { AND: [overdueEscalationWhere(today)] } : {}),
  };
  const unresolvedStatuses = params.status.filter((s) => s !== "RESOLVED");
  // A resolved escalation is never overdue.
  const withResolved = params.status.includes("RESOLVED") && !params.overdue;
  const [unresolvedRows, resolvedCount] = await Promise.all([
    unresolvedStatuses.length
      ? prisma.escalation.findMany({ where: { ...base, status: { in: unresolvedStatuses } }, select: rowSelect })
      : Promise.resolve([] as QueueDbRow[]),
    withResolved ? prisma.escalation.count({ where: { ...base, status: "RESOLVED" } }) : Promise.resolve(0),
  ]);
  const unresolved = unresolvedRows.map((r) => toRow(r, today));
  const ordered =
    params.sort === "newest" ? [...unresolved].sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime()) : sortQueue(unresolved, today);
  const total = ordered.length + resolvedCount;
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(params.page, pageCount);
  const start = (page - 1) * QUEUE_PAGE_SIZE;
  const fromUnresolved = ordered.slice(start, start + QUEUE_PAGE_SIZE);
  const resolvedTake = QUEUE_PAGE_SIZE - fromUnresolved.length;
  const resolved =
    withResolved && resolvedTake > 0 && resolvedCount > 0
      ? await prisma.escalation.findMany({
          where: { ...base, status: "RESOLVED" },
          select: rowSelect,
          orderBy: params.sort === "newest" ? [{ createdAt: "desc" }, { id: "asc" }] : [{ resolvedAt: "desc" }, { id: "asc" }],
          skip: Math.max(0, start - ordered.length),
          take: resolvedTake,
        })
      : [];
  const rows = [...fromUnresolved, ...resolved.map((r) => toRow(r, today))].map(({ openedAt: _o, acknowledgedAt: _a, ...row }) => row);
  return { rows, total, overdue: unresolved.filter((r) => r.overdue.state !== "NONE").length, page, pageCount };
}

/** The advisors and administrators of each school: who may own an escalation there. */
export async function loadOfficeMembers(schoolIds: readonly string[]): Promise<Record<string, Array<{ id: string; name: string }>>> {
  const out: Record<string, Array<{ id: string; name: string }>> = {};
  for (const { schoolId, id, name } of await schoolMembers(prisma, schoolIds, OFFICE_ROLES)) {
    out[schoolId] = [...(out[schoolId] ?? []), { id, name }];
  }
  return out;
}
