/**
 * Account status changes by an admin. Deactivation ends every session of the
 * person at once, in the same transaction.
 */
import { logActivity } from "../../utils/activity.server";
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
