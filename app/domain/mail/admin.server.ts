/**
 * What admins see of the mail (ADR 0013): the envelope of messages that could
 * not be delivered — who, what kind, how often tried, the server's reason —
 * never a body, which may hold someone's secret link. A school's admins see
 * the mail about their school and the personal mail of their members.
 */

import { type Result, refuse } from "#app/domain/result";
import { logActivity } from "#app/utils/activity.server";
import { prisma } from "#app/utils/db.server";
import type { Prisma } from "#generated/prisma/client";
import { MAX_AGE_MS } from "./retry";

/** The school's own mail, and the personal mail (resets, notices, digests) of its members. */
async function scope(schoolIds: readonly string[]): Promise<Prisma.OutboxMessageWhereInput> {
  const rows = await prisma.membership.findMany({ where: { schoolId: { in: [...schoolIds] } }, select: { userId: true } });
  const members = [...new Set(rows.map((r) => r.userId))];
  return { OR: [{ schoolId: { in: [...schoolIds] } }, { schoolId: null, userId: { in: members } }] };
}

const PROBLEM: Prisma.OutboxMessageWhereInput = {
  OR: [{ status: { in: ["FAILED", "EXPIRED"] } }, { status: { in: ["PENDING", "SENDING"] }, attempts: { gt: 0 } }],
};

export async function loadMailOverview(schoolIds: readonly string[], now = new Date()) {
  const where = await scope(schoolIds);
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3600_000);
  const [problems, queued, sentThisWeek] = await Promise.all([
    prisma.outboxMessage.findMany({
      where: { AND: [where, PROBLEM] },
      select: {
        id: true,
        kind: true,
        toAddress: true,
        status: true,
        attempts: true,
        lastError: true,
        nextAttemptAt: true,
        createdAt: true,
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 100,
    }),
    prisma.outboxMessage.count({ where: { AND: [where, { status: { in: ["PENDING", "SENDING"] }, attempts: 0 }] } }),
    prisma.outboxMessage.count({ where: { AND: [where, { status: "SENT", sentAt: { gte: weekAgo } }] } }),
  ]);
  return { problems, queued, sentThisWeek };
}

const NOT_RETRYABLE = refuse("CONFLICT", "That e-mail cannot be tried again: it is not a recent failure of your school.");

/** Puts a message that was given up back in the queue, for another round of attempts. */
export async function retryMessage(
  input: { id: string; schoolIds: readonly string[]; actorId: string },
  now = new Date(),
): Promise<Result> {
  const where = await scope(input.schoolIds);
  return prisma.$transaction(async (tx) => {
    // Older mail is not sent again (its links are stale): resend the invitation or activation instead.
    const row = await tx.outboxMessage.findFirst({
      where: { AND: [where, { id: input.id, status: "FAILED", createdAt: { gt: new Date(now.getTime() - MAX_AGE_MS) } }] },
      select: { id: true, kind: true, toAddress: true, schoolId: true },
    });
    if (!row) return NOT_RETRYABLE;
    const updated = await tx.outboxMessage.updateMany({
      where: { id: row.id, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now, lastError: null },
    });
    if (updated.count !== 1) return NOT_RETRYABLE;
    const schoolId = row.schoolId && input.schoolIds.includes(row.schoolId) ? row.schoolId : input.schoolIds[0];
    await logActivity(tx, {
      schoolId,
      actorId: input.actorId,
      entity: "OutboxMessage",
      entityId: row.id,
      action: "mail.retried",
      summary: `Queued the ${row.kind.toLowerCase().replaceAll("_", " ")} e-mail to ${row.toAddress} for another delivery attempt`,
    });
    return { ok: true } as const;
  });
}
