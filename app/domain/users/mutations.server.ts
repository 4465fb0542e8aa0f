/**
 * Account status and role changes by an admin. Deactivation ends every session
 * of the person at once, in the same transaction, and releases what they held
 * (a tutor's open cases, an office member's escalations).
 */

import { type Result, refuse } from "#app/domain/result";
import { ROLE_LABELS, type Role } from "#app/domain/vocabulary";
import { logActivity } from "#app/utils/activity.server";
import { prisma } from "#app/utils/db.server";
import { changeMembershipRole, releaseRoleDuties } from "./release.server";

type StatusChange = Result;

const refused = (message: string) => refuse("FORBIDDEN", message);

export async function setUserActive(
  input: { userId: string; active: boolean; actorId: string; schoolIds: string[] },
  now = new Date(),
): Promise<StatusChange> {
  if (input.userId === input.actorId) return refused("You cannot deactivate your own account.");
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { name: true, status: true, memberships: { select: { schoolId: true, role: true }, orderBy: { createdAt: "asc" } } },
    });
    const mine = user?.memberships.filter((m) => input.schoolIds.includes(m.schoolId)) ?? [];
    if (!user || mine.length === 0) return refused("That person is not a member of your school.");
    // The account is shared by every school the person belongs to: only an admin of all of them may switch it.
    if (mine.length !== user.memberships.length) {
      return refused(
        `${user.name} also belongs to a school you do not administer, so you cannot ${input.active ? "reactivate" : "deactivate"} their account. Change their role at your school instead, or ask that school's administrator.`,
      );
    }
    const status = input.active ? "ACTIVE" : "DEACTIVATED";
    if (user.status === status) return { ok: true } as const;
    await tx.user.update({
      where: { id: input.userId },
      data: { status, deactivatedAt: input.active ? null : now },
    });
    if (!input.active) {
      await tx.authSession.deleteMany({ where: { userId: input.userId } });
      for (const m of mine) {
        await releaseRoleDuties(tx, {
          userId: input.userId,
          schoolId: m.schoolId,
          actorId: input.actorId,
          now,
          from: m.role,
          to: null,
          reason: "DEACTIVATED",
        });
      }
    }
    for (const m of mine) {
      await logActivity(tx, {
        schoolId: m.schoolId,
        actorId: input.actorId,
        entity: "User",
        entityId: input.userId,
        action: input.active ? "user.reactivated" : "user.deactivated",
        summary: `${input.active ? "Reactivated" : "Deactivated"} ${user.name}`,
        before: { status: user.status },
        after: { status },
      });
    }
    return { ok: true } as const;
  });
}

/**
 * Changes a person's role at one of the admin's schools (never the admin's
 * own), guarded by the role the admin's form showed: a change made meanwhile
 * by someone else is refused, not overwritten.
 */
export async function setMembershipRole(
  input: { membershipId: string; role: Role; expectedRole: Role; actorId: string; schoolIds: string[] },
  now = new Date(),
): Promise<StatusChange> {
  return prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { id: input.membershipId, schoolId: { in: input.schoolIds } },
      select: { id: true, userId: true, schoolId: true, role: true, user: { select: { name: true } } },
    });
    if (!membership) return refused("That person is not a member of your school.");
    if (membership.userId === input.actorId) return refused("You cannot change your own role; ask another administrator.");
    if (membership.role === input.role) return { ok: true } as const;
    const conflict = refuse(
      "CONFLICT",
      `Someone else changed ${membership.user.name}'s role to ${ROLE_LABELS[membership.role].toLowerCase()} while you were looking. Nothing was saved: check the current role and change it again if you still need to.`,
    );
    if (membership.role !== input.expectedRole) return conflict;
    const changed = await changeMembershipRole(tx, {
      membershipId: membership.id,
      userId: membership.userId,
      schoolId: membership.schoolId,
      userName: membership.user.name,
      from: input.expectedRole,
      to: input.role,
      actorId: input.actorId,
      now,
    });
    return changed ? ({ ok: true } as const) : conflict;
  });
}
