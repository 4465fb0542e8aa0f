/**
 * Writes to escalations: raising one by hand, the office's
 * status changes, actions and owner, and notes. Each runs in one transaction
 * with an EscalationEvent in the escalation's history and an activity-log
 * entry; every office write is conditional on the escalation's version, so a
 * stale form is refused with a clear message instead of overwriting.
 *
 * Callers authorize the actor to the escalation's school or case (loaders and
 * actions); these functions are the one place that decides what the actor's
 * role may do (workflow.ts) and answer FORBIDDEN otherwise, which the routes
 * turn into a 403.
 *
 * Decisions:
 * - Acknowledging (or starting work on) an escalation nobody owns makes the
 *   person who did it its owner, so an acknowledged escalation always has one.
 * - Recording an action on an open or acknowledged escalation moves it to in
 *   progress (workflow.ts `statusAfterAction`); the ACTION event carries the
 *   status change. Actions on a resolved escalation are refused.
 * - Whoever raised the escalation is told the outcome: the person who raised it
 *   by hand; for one the rules raised, the case's current tutor and the staff
 *   member who recorded the failure. Never a student, never the resolver.
 * - Activity-log summaries say what kind of change it was, never the reason,
 *   note or outcome text (they may hold sensitive details).
 * - A manual escalation repeating one the same person raised on the case and
 *   that is still unresolved (same reason) is a double submit: nothing new.
 */

import { syncCaseCounters } from "#app/domain/cases/counters.server";
import { formatDate, type IsoDate, today as todayOf } from "#app/domain/dates";
import { notify } from "#app/domain/notifications/notify.server";
import { examLabel } from "#app/domain/reference";
import { type RefusalCode, type Result, refuse } from "#app/domain/result";
import { loadSchoolSettings } from "#app/domain/settings/queries.server";
import {
  ACCOMMODATION_STATUS_LABELS,
  type AccommodationStatus,
  ESCALATION_STATUS_LABELS,
  type EscalationAction,
  type EscalationStatus,
  OFFICE_ROLES,
  type Role,
  STAFF_ROLES,
} from "#app/domain/vocabulary";
import { type ActivityEntry, logActivity } from "#app/utils/activity.server";
import type { Tx } from "#app/utils/db.server";
import { prisma } from "#app/utils/db.server";
import type { Prisma } from "#generated/prisma/client";
import { ESCALATION_SEVERITY, escalationDueDates, officeUserIds } from "./auto.server";
import { mailEscalationRaised } from "./mail.server";
import { schoolMembers } from "./members.server";
import { mayPerformEscalation, statusAfterAction, transitionEscalation } from "./workflow";

const ESCALATION_CONFLICT_MESSAGE =
  "Someone else changed this escalation while you were working on it. Nothing was saved: review its current state, then make your change again.";

type EscalationWriteResult = Result<{ escalationId: string; version: number; duplicate?: boolean }>;

const refused = (code: RefusalCode, message: string, field?: "outcome" | "ownerId" | "action") =>
  refuse(code, message, field ? { field } : {});

const currentSelect = {
  id: true,
  schoolId: true,
  caseId: true,
  trigger: true,
  status: true,
  version: true,
  ownerId: true,
  raisedById: true,
  acknowledgedAt: true,
  case: {
    select: {
      exam: true,
      tutorId: true,
      studentId: true,
      student: { select: { accommodationStatus: true, user: { select: { name: true } } } },
    },
  },
} as const;

async function loadCurrent(tx: Tx, escalationId: string) {
  return tx.escalation.findUnique({ where: { id: escalationId }, select: currentSelect });
}

type Current = NonNullable<Awaited<ReturnType<typeof loadCurrent>>>;

const escalationLink = (caseId: string) => `/cases/${caseId}/escalations`;

/** The activity-log entry of a write to an escalation: its school, case and id, by this actor. */
function logEscalation(
  tx: Tx,
  escalation: { id: string; schoolId: string; caseId: string },
  actorId: string,
  entry: Pick<ActivityEntry, "action" | "summary" | "before" | "after">,
) {
  return logActivity(tx, {
    schoolId: escalation.schoolId,
    actorId,
    caseId: escalation.caseId,
    entity: "Escalation",
    entityId: escalation.id,
    ...entry,
  });
}

interface OfficeWrite {
  expectedVersion: number;
  actorId: string;
  now: Date;
  /** The fields this write changes (the version is bumped here). */
  data: Prisma.EscalationUncheckedUpdateManyInput;
  /**
   * The actor takes the escalation in hand (acknowledging it, starting work, recording an action on it):
   * it is acknowledged now if it was not yet, and the actor becomes its owner if nobody owns it.
   */
  takesCharge: boolean;
  /** The history event describing the write. */
  event: Omit<Prisma.EscalationEventUncheckedCreateInput, "escalationId" | "actorId" | "createdAt">;
}

/**
 * Applies an office write under the optimistic-concurrency guard: the update
 * only lands while the escalation is still at `expectedVersion`. Then the
 * history event, and an OWNER event when the actor took ownership, all at
 * `now`. Null when someone else changed it first (nothing written).
 */
async function applyOfficeWrite(tx: Tx, current: Current, write: OfficeWrite): Promise<{ tookOwnership: boolean } | null> {
  const tookOwnership = write.takesCharge && current.ownerId === null;
  const updated = await tx.escalation.updateMany({
    where: { id: current.id, version: write.expectedVersion },
    data: {
      ...write.data,
      version: { increment: 1 },
      ...(write.takesCharge && !current.acknowledgedAt ? { acknowledgedAt: write.now } : {}),
      ...(tookOwnership ? { ownerId: write.actorId } : {}),
    },
  });
  if (updated.count !== 1) return null;
  await tx.escalationEvent.create({
    data: { ...write.event, escalationId: current.id, actorId: write.actorId, createdAt: write.now },
  });
  if (tookOwnership) {
    const actor = await tx.user.findUniqueOrThrow({ where: { id: write.actorId }, select: { name: true } });
    await tx.escalationEvent.create({
      data: { escalationId: current.id, actorId: write.actorId, kind: "OWNER", note: `Owner: ${actor.name}`, createdAt: write.now },
    });
  }
  return { tookOwnership };
}

// ---------------------------------------------------------------------------
// Raising by hand
// ---------------------------------------------------------------------------

interface RaiseEscalationInput {
  caseId: string;
  actorId: string;
  /** The actor's role at the case's school. */
  role: Role;
  reason: string;
  note?: string | null;
  today?: IsoDate;
}

/** A tutor (or the office) escalating a case by hand; due dates follow the school's time limits. */
export async function raiseEscalation(input: RaiseEscalationInput): Promise<EscalationWriteResult> {
  const today = input.today ?? todayOf();
  if (!mayPerformEscalation("RAISE", input.role)) return refused("FORBIDDEN", "Only staff can escalate a case.");
  return prisma.$transaction(async (tx) => {
    const row = await tx.retakeCase.findUnique({
      where: { id: input.caseId },
      select: {
        id: true,
        schoolId: true,
        exam: true,
        tutorId: true,
        openSlot: true,
        student: { select: { user: { select: { name: true } } } },
      },
    });
    if (!row) return refused("NOT_FOUND", "We could not find that case.");
    if (!row.openSlot) return refused("INVALID", "This case is closed: it cannot be escalated any more.");
    const repeat = await tx.escalation.findFirst({
      where: { caseId: row.id, trigger: "MANUAL", raisedById: input.actorId, reason: input.reason, status: { not: "RESOLVED" } },
      select: { id: true, version: true },
    });
    if (repeat) return { ok: true, escalationId: repeat.id, version: repeat.version, duplicate: true } as const;

    const settings = await loadSchoolSettings(row.schoolId, tx);
    const due = escalationDueDates(today, settings);
    const escalation = await tx.escalation.create({
      data: {
        schoolId: row.schoolId,
        caseId: row.id,
        trigger: "MANUAL",
        severity: ESCALATION_SEVERITY.MANUAL,
        reason: input.reason,
        raisedById: input.actorId,
        ...due,
        events: { create: { actorId: input.actorId, kind: "CREATED", toStatus: "OPEN", note: input.note ?? null } },
      },
      select: { id: true, version: true },
    });
    await logEscalation(tx, { id: escalation.id, schoolId: row.schoolId, caseId: row.id }, input.actorId, {
      action: "escalation.raised",
      summary: "Escalated to the office by hand",
      after: { trigger: "MANUAL", status: "OPEN", ...due },
    });
    const actor = await tx.user.findUniqueOrThrow({ where: { id: input.actorId }, select: { name: true } });
    const recipients = [...(await officeUserIds(tx, row.schoolId)), ...(row.tutorId ? [row.tutorId] : [])].filter(
      (id) => id !== input.actorId,
    );
    await notify(tx, {
      userIds: recipients,
      schoolId: row.schoolId,
      caseId: row.id,
      kind: "ESCALATION_OPENED",
      title: `${row.student.user.name}: escalated to the office`,
      body: `${actor.name} escalated the ${examLabel(row.exam)} case by hand. Acknowledge by ${formatDate(due.acknowledgeBy)}.`,
      link: escalationLink(row.id),
      dedupeKey: `escalation:${escalation.id}:opened`,
    });
    await mailEscalationRaised(tx, escalation.id, { exceptUserId: input.actorId });
    await syncCaseCounters(tx, row.id);
    return { ok: true, escalationId: escalation.id, version: escalation.version } as const;
  });
}

// ---------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------

interface ChangeStatusInput {
  escalationId: string;
  to: EscalationStatus;
  outcome?: string | null;
  expectedVersion: number;
  actorId: string;
  role: Role;
  now?: Date;
}

/** Staff who get the outcome: the raiser, and for rule-raised escalations the case's tutor; never students or the resolver. */
async function outcomeRecipients(
  tx: Tx,
  current: { schoolId: string; trigger: string; raisedById: string | null; case: { tutorId: string | null } },
  actorId: string,
): Promise<string[]> {
  const candidates = new Set<string>();
  if (current.raisedById) candidates.add(current.raisedById);
  if (current.trigger !== "MANUAL" && current.case.tutorId) candidates.add(current.case.tutorId);
  candidates.delete(actorId);
  if (candidates.size === 0) return [];
  const staff = await schoolMembers(tx, current.schoolId, STAFF_ROLES, { userIds: [...candidates] });
  return staff.map((m) => m.id);
}

export async function changeEscalationStatus(input: ChangeStatusInput): Promise<EscalationWriteResult> {
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const current = await loadCurrent(tx, input.escalationId);
    if (!current) return refused("NOT_FOUND", "We could not find that escalation.");
    // The role is checked first (a tutor learns they cannot, not that the form was stale), then the version, then the move.
    const result = transitionEscalation(current.status, input.to, { role: input.role, outcome: input.outcome });
    if (!result.ok && result.code === "FORBIDDEN") return result;
    if (current.version !== input.expectedVersion) return refused("CONFLICT", ESCALATION_CONFLICT_MESSAGE);
    if (!result.ok) return result;

    const written = await applyOfficeWrite(tx, current, {
      expectedVersion: input.expectedVersion,
      actorId: input.actorId,
      now,
      data: { status: result.status, ...(result.resolves ? { resolvedAt: now, outcome: result.outcome } : {}) },
      takesCharge: result.acknowledges,
      event: { kind: "STATUS", fromStatus: current.status, toStatus: result.status, note: result.resolves ? result.outcome : null },
    });
    if (!written) return refused("CONFLICT", ESCALATION_CONFLICT_MESSAGE);
    await logEscalation(tx, current, input.actorId, {
      action: result.resolves ? "escalation.resolved" : "escalation.status_changed",
      summary: `Escalation ${ESCALATION_STATUS_LABELS[current.status].toLowerCase()} → ${ESCALATION_STATUS_LABELS[result.status].toLowerCase()}`,
      before: { status: current.status, ownerId: current.ownerId },
      after: { status: result.status, ownerId: written.tookOwnership ? input.actorId : current.ownerId },
    });
    if (result.resolves) {
      const studentName = current.case.student.user.name;
      await notify(tx, {
        userIds: await outcomeRecipients(tx, current, input.actorId),
        schoolId: current.schoolId,
        caseId: current.caseId,
        kind: "ESCALATION_RESOLVED",
        title: `${studentName}: escalation resolved`,
        body: `Outcome: ${result.outcome}`,
        link: escalationLink(current.caseId),
        dedupeKey: `escalation:${current.id}:resolved`,
      });
      await syncCaseCounters(tx, current.caseId);
    }
    return { ok: true, escalationId: current.id, version: input.expectedVersion + 1 } as const;
  });
}

// ---------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------

interface RecordActionInput {
  escalationId: string;
  action: EscalationAction;
  actionOn: IsoDate;
  note?: string | null;
  /** Only for an accommodation request. */
  accommodationStatus?: Exclude<AccommodationStatus, "NONE"> | null;
  expectedVersion: number;
  actorId: string;
  role: Role;
  now?: Date;
}

export async function recordEscalationAction(input: RecordActionInput): Promise<EscalationWriteResult> {
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const current = await loadCurrent(tx, input.escalationId);
    if (!current) return refused("NOT_FOUND", "We could not find that escalation.");
    if (!mayPerformEscalation("RECORD_ACTION", input.role))
      return refused("FORBIDDEN", "Only an advisor or an administrator can record actions on an escalation.");
    if (current.version !== input.expectedVersion) return refused("CONFLICT", ESCALATION_CONFLICT_MESSAGE);
    if (current.status === "RESOLVED")
      return refused("INVALID", "This escalation is resolved. Raise a new escalation if the case needs the office again.", "action");
    const accommodation = input.action === "ACCOMMODATION_REQUEST" ? (input.accommodationStatus ?? null) : null;
    if (input.action === "ACCOMMODATION_REQUEST" && !accommodation)
      return refused("INVALID", "Choose the request's status: requested, granted or denied.", "action");

    // Recording an action on an open or acknowledged escalation starts work on it.
    const next = statusAfterAction(current.status);
    const written = await applyOfficeWrite(tx, current, {
      expectedVersion: input.expectedVersion,
      actorId: input.actorId,
      now,
      data: next ? { status: next } : {},
      takesCharge: next !== null,
      event: {
        kind: "ACTION",
        action: input.action,
        actionOn: input.actionOn,
        accommodationStatus: accommodation,
        note: input.note ?? null,
        fromStatus: next ? current.status : null,
        toStatus: next,
      },
    });
    if (!written) return refused("CONFLICT", ESCALATION_CONFLICT_MESSAGE);
    await logEscalation(tx, current, input.actorId, {
      action: "escalation.action_recorded",
      summary: `Escalation action recorded (${formatDate(input.actionOn)})`,
      before: { status: current.status, ownerId: current.ownerId },
      after: {
        status: next ?? current.status,
        ownerId: written.tookOwnership ? input.actorId : current.ownerId,
        action: input.action,
        actionOn: input.actionOn,
      },
    });
    if (accommodation && accommodation !== current.case.student.accommodationStatus) {
      await tx.studentProfile.update({ where: { id: current.case.studentId }, data: { accommodationStatus: accommodation } });
      await logActivity(tx, {
        schoolId: current.schoolId,
        actorId: input.actorId,
        caseId: current.caseId,
        entity: "StudentProfile",
        entityId: current.case.studentId,
        action: "student.accommodation_status",
        summary: `Accommodation status set to ${ACCOMMODATION_STATUS_LABELS[accommodation].toLowerCase()}`,
        before: { accommodationStatus: current.case.student.accommodationStatus },
        after: { accommodationStatus: accommodation },
      });
    }
    return { ok: true, escalationId: current.id, version: input.expectedVersion + 1 } as const;
  });
}

// ---------------------------------------------------------------------------
// Owner
// ---------------------------------------------------------------------------

interface ChangeOwnerInput {
  escalationId: string;
  ownerId: string;
  expectedVersion: number;
  actorId: string;
  role: Role;
  now?: Date;
}

export async function changeEscalationOwner(input: ChangeOwnerInput): Promise<EscalationWriteResult> {
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const current = await loadCurrent(tx, input.escalationId);
    if (!current) return refused("NOT_FOUND", "We could not find that escalation.");
    if (!mayPerformEscalation("CHANGE_OWNER", input.role))
      return refused("FORBIDDEN", "Only an advisor or an administrator can choose who owns an escalation.");
    if (current.version !== input.expectedVersion) return refused("CONFLICT", ESCALATION_CONFLICT_MESSAGE);
    if (current.status === "RESOLVED") return refused("INVALID", "This escalation is resolved; its owner stays as it was.", "ownerId");
    if (current.ownerId === input.ownerId) return refused("INVALID", "That person already owns this escalation.", "ownerId");
    // Only an active advisor or administrator of the escalation's school may own it.
    const [owner] = await schoolMembers(tx, current.schoolId, OFFICE_ROLES, { userIds: [input.ownerId], activeOnly: true });
    if (!owner) return refused("INVALID", "Choose an advisor or an administrator of this school.", "ownerId");

    const written = await applyOfficeWrite(tx, current, {
      expectedVersion: input.expectedVersion,
      actorId: input.actorId,
      now,
      data: { ownerId: input.ownerId },
      takesCharge: false,
      event: { kind: "OWNER", note: `Owner: ${owner.name}` },
    });
    if (!written) return refused("CONFLICT", ESCALATION_CONFLICT_MESSAGE);
    await logEscalation(tx, current, input.actorId, {
      action: "escalation.owner_changed",
      summary: `Escalation owner set to ${owner.name}`,
      before: { ownerId: current.ownerId },
      after: { ownerId: input.ownerId },
    });
    if (input.ownerId !== input.actorId) {
      await notify(tx, {
        userIds: [input.ownerId],
        schoolId: current.schoolId,
        caseId: current.caseId,
        kind: "ESCALATION_ASSIGNED",
        title: `${current.case.student.user.name}: an escalation is yours`,
        body: `You now own the ${examLabel(current.case.exam)} escalation.`,
        link: escalationLink(current.caseId),
        dedupeKey: `escalation:${current.id}:owner:${input.expectedVersion + 1}`,
      });
    }
    return { ok: true, escalationId: current.id, version: input.expectedVersion + 1 } as const;
  });
}

// ---------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------

interface AddNoteInput {
  escalationId: string;
  note: string;
  actorId: string;
  role: Role;
}

/** A note on the history; tutors may add these too. Appending needs no version: it changes nothing anyone edits. */
export async function addEscalationNote(input: AddNoteInput): Promise<EscalationWriteResult> {
  return prisma.$transaction(async (tx) => {
    const current = await loadCurrent(tx, input.escalationId);
    if (!current) return refused("NOT_FOUND", "We could not find that escalation.");
    if (!mayPerformEscalation("ADD_NOTE", input.role)) return refused("FORBIDDEN", "Only staff can add notes to an escalation.");
    await tx.escalationEvent.create({ data: { escalationId: current.id, actorId: input.actorId, kind: "NOTE", note: input.note } });
    await logEscalation(tx, current, input.actorId, {
      action: "escalation.note_added",
      summary: "Note added to an escalation",
    });
    return { ok: true, escalationId: current.id, version: current.version } as const;
  });
}
