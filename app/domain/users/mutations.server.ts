/**
 * Account status changes by an admin. Deactivation ends every session of the
 * person at once, in the same transaction.
 */
import { logActivity } from "../../utils/activity.server";
import type { Role } from "../vocabulary";
import { prisma } from "../../utils/db.server";

export type StatusChange = { ok: true } | { ok: false; reason: string };

export async function setUserActive(
  input: { userId: string; active: boolean; actorId: string; schoolIds: string[] },
  now = new Date(),
): Promise<StatusChange> {
  if (input.userId === input.actorId) return { ok: false, reason: "You cannot deactivate your own account." };
  return prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { userId: input.userId, schoolId: { in: input.schoolIds } },
      select: { schoolId: true, user: { select: { name: true, status: true } } },
    });
    if (!membership) return { ok: false, reason: "That person is not a member of your school." } as const;
    const status = input.active ? "ACTIVE" : "DEACTIVATED";
    if (membership.user.status === status) return { ok: true } as const;
    await tx.user.update({
      where: { id: input.userId },
      data: { status, deactivatedAt: input.active ? null : now },
    });
    if (!input.active) await tx.authSession.deleteMany({ where: { userId: input.userId } });
    await logActivity(tx, {
      schoolId: membership.schoolId,
      actorId: input.actorId,
      entity: "User",
      entityId: input.userId,
      action: input.active ? "user.reactivated" : "user.deactivated",
      summary: `${input.active ? "Reactivated" : "Deactivated"} ${membership.user.name}`,
      before: { status: membership.user.status },
      after: { status },
    });
    return { ok: true } as const;
  });
}

/** Changes a person's role at one of the admin's schools (never the admin's own). */
export async function setMembershipRole(input: {
  membershipId: string;
  role: Role;
  actorId: string;
  schoolIds: string[];
}): Promise<StatusChange> {
  return prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { id: input.membershipId, schoolId: { in: input.schoolIds } },
      select: { id: true, userId: true, schoolId: true, role: true, user: { select: { name: true } } },
    });
    if (!membership) return { ok: false, reason: "That person is not a member of your school." } as const;
    if (membership.userId === input.actorId)
      return { ok: false, reason: "You cannot change your own role; ask another administrator." } as const;
    if (membership.role === input.role) return { ok: true } as const;
    await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    if (input.role === "STUDENT") {
      await tx.studentProfile.upsert({
        where: { userId_schoolId: { userId: membership.userId, schoolId: membership.schoolId } },
        create: { userId: membership.userId, schoolId: membership.schoolId },
        update: {},
      });
    }
    if (membership.role === "TUTOR") {
      // A former tutor keeps no cases: they return to the intake queue with their history kept.
      const cases = await tx.retakeCase.findMany({
        where: { schoolId: membership.schoolId, tutorId: membership.userId, openSlot: "OPEN" },
        select: { id: true },
      });
      if (cases.length) {
        await tx.retakeCase.updateMany({
          where: { id: { in: cases.map((c) => c.id) } },
          data: { tutorId: null, version: { increment: 1 } },
        });
        await tx.caseAssignment.updateMany({
          where: { caseId: { in: cases.map((c) => c.id) }, tutorId: membership.userId, endedAt: null },
          data: { endedAt: new Date() },
        });
      }
    }
    await logActivity(tx, {
      schoolId: membership.schoolId,
      actorId: input.actorId,
      entity: "Membership",
      entityId: membership.id,
      action: "membership.role_changed",
      summary: `${membership.user.name}: ${membership.role.toLowerCase()} → ${input.role.toLowerCase()}`,
      before: { role: membership.role },
      after: { role: input.role },
    });
    return { ok: true } as const;
  });
}
