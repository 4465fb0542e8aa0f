/**
 * What a person leaves behind when they stop doing a job at a school: a former
 * tutor's open cases return to the intake queue, and a former advisor's or
 * admin's open escalations lose their owner (the office's queue picks them up
 * again). Used by role changes (by an admin, or by accepting an invitation with
 * a different role) and by deactivation. Every helper runs inside the caller's
 * transaction and writes its own activity entries; none reads the clock.
 */

import { OFFICE_ROLES, type Role } from "#app/domain/vocabulary";
import { logActivity } from "#app/utils/activity.server";
import type { Tx } from "#app/utils/db.server";

type ReleaseReason = "ROLE_CHANGED" | "DEACTIVATED";

interface ReleaseInput {
  userId: string;
  schoolId: string;
  actorId: string;
  now: Date;
  reason?: ReleaseReason;
}

// Students read RetakeCase entries on their timeline: fixed wording only, never staff free text.
const CASE_SUMMARIES: Record<ReleaseReason, string> = {
  ROLE_CHANGED: "Returned to the intake queue: the assigned tutor no longer tutors at this school",
  DEACTIVATED: "Returned to the intake queue: the assigned tutor's account was deactivated",
};

const ESCALATION_NOTES: Record<ReleaseReason, string> = {
  ROLE_CHANGED: "Owner: nobody (the owner left the office)",
  DEACTIVATED: "Owner: nobody (the owner's account was deactivated)",
};

const isOffice = (role: Role) => (OFFICE_ROLES as readonly Role[]).includes(role);

/**
 * Returns the person's open cases at the school to the intake queue: their
 * assignments end, each case loses its tutor and moves to a new version, and
 * each case gets its own activity entry. Returns the released case ids.
 */
async function releaseTutorCases(tx: Tx, input: ReleaseInput): Promise<string[]> {
  const cases = await tx.retakeCase.findMany({
    where: { schoolId: input.schoolId, tutorId: input.userId, openSlot: "OPEN" },
    select: { id: true },
  });
  if (cases.length === 0) return [];
  const ids = cases.map((c) => c.id);
  await tx.retakeCase.updateMany({
    where: { id: { in: ids }, tutorId: input.userId },
    data: { tutorId: null, version: { increment: 1 } },
  });
  await tx.caseAssignment.updateMany({
    where: { caseId: { in: ids }, tutorId: input.userId, endedAt: null },
    data: { endedAt: input.now },
  });
  const summary = CASE_SUMMARIES[input.reason ?? "ROLE_CHANGED"];
  await tx.activityLog.createMany({
    data: ids.map((caseId) => ({
      schoolId: input.schoolId,
      actorId: input.actorId,
      caseId,
      entity: "RetakeCase",
      entityId: caseId,
      action: "case.unassigned",
      summary,
      before: JSON.stringify({ tutorId: input.userId }),
      after: JSON.stringify({ tutorId: null }),
      createdAt: input.now,
    })),
  });
  return ids;
}

/**
 * Clears the person as owner of the school's unresolved escalations (each one
 * moves to a new version, with an owner event and an activity entry).
 * Returns the escalation ids.
 */
async function releaseOwnedEscalations(tx: Tx, input: ReleaseInput): Promise<string[]> {
  const owned = await tx.escalation.findMany({
    where: { schoolId: input.schoolId, ownerId: input.userId, status: { not: "RESOLVED" } },
    select: { id: true, caseId: true },
  });
  if (owned.length === 0) return [];
  const ids = owned.map((e) => e.id);
  await tx.escalation.updateMany({
    where: { id: { in: ids }, ownerId: input.userId },
    data: { ownerId: null, version: { increment: 1 } },
  });
  const note = ESCALATION_NOTES[input.reason ?? "ROLE_CHANGED"];
  await tx.escalationEvent.createMany({
    data: ids.map((escalationId) => ({ escalationId, actorId: input.actorId, kind: "OWNER", note, createdAt: input.now })),
  });
  await tx.activityLog.createMany({
    data: owned.map((e) => ({
      schoolId: input.schoolId,
      actorId: input.actorId,
      caseId: e.caseId,
      entity: "Escalation",
      entityId: e.id,
      action: "escalation.owner_changed",
      summary: "Escalation owner cleared",
      before: JSON.stringify({ ownerId: input.userId }),
      after: JSON.stringify({ ownerId: null }),
      createdAt: input.now,
    })),
  });
  return ids;
}

/** Everything a person held at a school in the role they are leaving (or in any role, when deactivated). */
export async function releaseRoleDuties(tx: Tx, input: ReleaseInput & { from: Role; to: Role | null }): Promise<void> {
  if (input.from === "TUTOR" && input.to !== "TUTOR") await releaseTutorCases(tx, input);
  if (isOffice(input.from) && !(input.to && isOffice(input.to))) await releaseOwnedEscalations(tx, input);
}

interface RoleChange {
  membershipId: string;
  userId: string;
  schoolId: string;
  userName: string;
  /** The role the change was decided against: the write only succeeds while it is still current. */
  from: Role;
  to: Role;
  actorId: string;
  now: Date;
}

/**
 * Changes a membership's role, guarded by the role it had when the change was
 * decided: a student gets a profile, a former tutor's cases and a former
 * office member's escalations are released, and a `membership.role_changed`
 * entry records before and after. False when the role changed meanwhile.
 */
export async function changeMembershipRole(tx: Tx, change: RoleChange): Promise<boolean> {
  if (change.from === change.to) return true;
  const updated = await tx.membership.updateMany({
    where: { id: change.membershipId, role: change.from },
    data: { role: change.to },
  });
  if (updated.count !== 1) return false;
  if (change.to === "STUDENT") {
    await tx.studentProfile.upsert({
      where: { userId_schoolId: { userId: change.userId, schoolId: change.schoolId } },
      create: { userId: change.userId, schoolId: change.schoolId },
      update: {},
    });
  }
  await releaseRoleDuties(tx, { ...change, reason: "ROLE_CHANGED" });
  await logActivity(tx, {
    schoolId: change.schoolId,
    actorId: change.actorId,
    entity: "Membership",
    entityId: change.membershipId,
    action: "membership.role_changed",
    summary: `${change.userName}: ${change.from.toLowerCase()} → ${change.to.toLowerCase()}`,
    before: { role: change.from },
    after: { role: change.to },
  });
  return true;
}
