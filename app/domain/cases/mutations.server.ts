/**
 * Writes to a retake case. Each runs in one transaction with an activity-log
 * entry; writes two people can race on are conditional on the case's version
 * (or, for taking a case, on it still having no tutor), so the second writer
 * gets a clear refusal instead of silently overwriting the first.
 */

import { formatDate, type IsoDate, today as todayOf } from "#app/domain/dates";
import { CASE_CLOSED, type Result, refuse } from "#app/domain/result";
import type { CaseOutcome, CaseStatus, Role } from "#app/domain/vocabulary";
import { CASE_STATUS_LABELS } from "#app/domain/vocabulary";
import { type ActivityEntry, logActivity } from "#app/utils/activity.server";
import { prisma, type Tx } from "#app/utils/db.server";
import { assessCase } from "./assessment";
import { loadAssessmentInputs, refreshDerived } from "./derive.server";
import { checkReadyReason, onTutorAssigned, transition } from "./status";

type CaseWriteResult = Result<{ version: number }>;

export const CONFLICT_MESSAGE =
  "Someone else changed this case while you were editing it. Nothing was saved: review the current state below, then make your change again.";

/** The end of every case write: its activity-log entry on the case, the case's derived figures refreshed, its new version. */
async function caseChanged(
  tx: Tx,
  caseId: string,
  version: number,
  entry: Omit<ActivityEntry, "caseId" | "entity" | "entityId">,
): Promise<CaseWriteResult> {
  await logActivity(tx, { ...entry, caseId, entity: "RetakeCase", entityId: caseId });
  await refreshDerived(tx, [caseId]);
  return { ok: true, version };
}

/**
 * "Take on" from the intake queue: the first tutor wins. The write only
 * succeeds while the case has no tutor; the loser is told who took it.
 */
export async function takeCase(input: { caseId: string; tutorId: string }): Promise<CaseWriteResult> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.retakeCase.findUniqueOrThrow({
      where: { id: input.caseId },
      select: { schoolId: true, status: true, version: true, student: { select: { user: { select: { name: true } } } } },
    });
    const change = onTutorAssigned(current.status);
    const claimed = await tx.retakeCase.updateMany({
      where: { id: input.caseId, tutorId: null, openSlot: "OPEN" },
      data: { tutorId: input.tutorId, version: { increment: 1 }, ...(change ? { status: change.status } : {}) },
    });
    if (claimed.count !== 1) {
      const now = await tx.retakeCase.findUniqueOrThrow({
        where: { id: input.caseId },
        select: { tutor: { select: { name: true } }, openSlot: true },
      });
      if (!now.openSlot) return CASE_CLOSED;
      return refuse(
        "CONFLICT",
        now.tutor ? `${now.tutor.name} has already taken on this case.` : "Another tutor has already taken on this case.",
      );
    }
    await tx.caseAssignment.create({ data: { caseId: input.caseId, tutorId: input.tutorId, assignedById: input.tutorId, kind: "TAKEN" } });
    return caseChanged(tx, input.caseId, current.version + 1, {
      schoolId: current.schoolId,
      actorId: input.tutorId,
      action: "case.taken",
      summary: `Took on ${current.student.user.name}'s case from the intake queue`,
      before: { tutorId: null, status: current.status },
      after: { tutorId: input.tutorId, status: change?.status ?? current.status },
    });
  });
}

/** Who changes which case, and the version of it they saw (the optimistic-concurrency check). */
interface CaseEdit {
  caseId: string;
  actorId: string;
  expectedVersion: number;
}

const TUTOR_NOT_AT_SCHOOL_MESSAGE = "Choose an active tutor who serves this school.";

/**
 * The office assigns or reassigns a tutor, with a reason; the history keeps
 * every assignment. The tutor must be an active tutor of the case's school,
 * checked in the same transaction as the write.
 */
export async function assignCase(input: CaseEdit & { tutorId: string; reason: string }): Promise<CaseWriteResult> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.retakeCase.findUniqueOrThrow({
      where: { id: input.caseId },
      select: { schoolId: true, status: true, tutorId: true, version: true, openSlot: true, tutor: { select: { name: true } } },
    });
    if (!current.openSlot) return CASE_CLOSED;
    const tutor = await tx.membership.findFirst({
      where: { userId: input.tutorId, schoolId: current.schoolId, role: "TUTOR", user: { status: "ACTIVE" } },
      select: { user: { select: { name: true } } },
    });
    if (!tutor) return refuse("INVALID", TUTOR_NOT_AT_SCHOOL_MESSAGE, { field: "tutorId" });
    if (current.tutorId === input.tutorId) return refuse("INVALID", "That tutor is already assigned to this case.", { field: "tutorId" });
    const change = onTutorAssigned(current.status);
    const updated = await tx.retakeCase.updateMany({
      where: { id: input.caseId, version: input.expectedVersion, openSlot: "OPEN" },
      data: { tutorId: input.tutorId, version: { increment: 1 }, ...(change ? { status: change.status } : {}) },
    });
    if (updated.count !== 1) return refuse("CONFLICT", CONFLICT_MESSAGE);
    const now = new Date();
    await tx.caseAssignment.updateMany({ where: { caseId: input.caseId, endedAt: null }, data: { endedAt: now } });
    await tx.caseAssignment.create({
      data: {
        caseId: input.caseId,
        tutorId: input.tutorId,
        assignedById: input.actorId,
        kind: "ASSIGNED",
        reason: input.reason,
        startedAt: now,
      },
    });
    return caseChanged(tx, input.caseId, input.expectedVersion + 1, {
      schoolId: current.schoolId,
      actorId: input.actorId,
      action: current.tutorId ? "case.reassigned" : "case.assigned",
      // Students read RetakeCase summaries on their timeline: the office's reason stays in the details.
      summary: current.tutorId
        ? `Reassigned from ${current.tutor?.name ?? "a tutor"} to ${tutor.user.name}`
        : `Assigned to ${tutor.user.name}`,
      before: { tutorId: current.tutorId, status: current.status },
      after: { tutorId: input.tutorId, status: change?.status ?? current.status, reason: input.reason },
    });
  });
}

/** A manual status change, authorized by the state machine and guarded by the version. */
export async function changeCaseStatus(input: {
  caseId: string;
  to: CaseStatus;
  outcome?: CaseOutcome | null;
  actorId: string;
  role: Role;
  isAssignedTutor: boolean;
  expectedVersion: number;
  note?: string | null;
}): Promise<CaseWriteResult> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.retakeCase.findUniqueOrThrow({
      where: { id: input.caseId },
      select: { schoolId: true, status: true, version: true },
    });
    if (current.version !== input.expectedVersion) return refuse("CONFLICT", CONFLICT_MESSAGE);
    const result = transition(current.status, input.to, {
      role: input.role,
      isAssignedTutor: input.isAssignedTutor,
      outcome: input.outcome ?? undefined,
    });
    if (!result.ok) return refuse("FORBIDDEN", result.reason);
    // Ready against an unmet gate: allowed with a reason, judged on the gate as it stands now.
    const gate = result.status === "READY" ? (await loadAssessmentInputs(tx, [input.caseId], todayOf())).get(input.caseId) : undefined;
    const ready = checkReadyReason(result.status, gate ? assessCase(gate).readiness : null, input.note);
    if (!ready.ok) return refuse("INVALID", ready.reason, { field: "note" });
    const closing = result.status === "CLOSED";
    const updated = await tx.retakeCase.updateMany({
      where: { id: input.caseId, version: input.expectedVersion },
      data: {
        status: result.status,
        outcome: result.outcome,
        version: { increment: 1 },
        ...(closing ? { openSlot: null, closedAt: new Date() } : {}),
      },
    });
    if (updated.count !== 1) return refuse("CONFLICT", CONFLICT_MESSAGE);
    return caseChanged(tx, input.caseId, input.expectedVersion + 1, {
      schoolId: current.schoolId,
      actorId: input.actorId,
      action: "case.status_changed",
      // Students read RetakeCase summaries on their timeline: the staff's note stays in the details.
      summary:
        `${CASE_STATUS_LABELS[current.status]} → ${CASE_STATUS_LABELS[result.status]}` +
        (ready.override ? ", with the readiness gate not met" : ""),
      before: { status: current.status },
      after: {
        status: result.status,
        outcome: result.outcome,
        ...(input.note ? { note: input.note } : {}),
        ...(ready.override ? { readinessGate: ready.override.gate, readyReason: ready.override.reason } : {}),
      },
    });
  });
}

/** Sets or clears the target exam date (the spacing check is shown, not enforced: the office may know more). */
export async function setTargetExamDate(input: CaseEdit & { date: IsoDate | null }): Promise<CaseWriteResult> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.retakeCase.findUniqueOrThrow({
      where: { id: input.caseId },
      select: { schoolId: true, targetExamDate: true, openSlot: true },
    });
    if (!current.openSlot) return CASE_CLOSED;
    const updated = await tx.retakeCase.updateMany({
      where: { id: input.caseId, version: input.expectedVersion },
      data: { targetExamDate: input.date, version: { increment: 1 } },
    });
    if (updated.count !== 1) return refuse("CONFLICT", CONFLICT_MESSAGE);
    return caseChanged(tx, input.caseId, input.expectedVersion + 1, {
      schoolId: current.schoolId,
      actorId: input.actorId,
      action: "case.target_date_set",
      summary: input.date ? `Target exam date set to ${formatDate(input.date)}` : "Target exam date cleared",
      before: { targetExamDate: current.targetExamDate },
      after: { targetExamDate: input.date },
    });
  });
}
