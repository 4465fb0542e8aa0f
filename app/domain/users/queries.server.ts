/**
 * The people of a school as the administrators' pages list them: members with
 * their roles and recent invitations (the access log is app/domain/audit).
 */

import { prisma } from "#app/utils/db.server";
import type { Prisma } from "#generated/prisma/client";

/** A person whose name or email contains `q` (emails are stored lower-cased). */
export function personMatching(q: string): Prisma.UserWhereInput {
  return { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }] };
}

export async function loadSchoolPeople(schoolIds: readonly string[], q: string) {
  const [memberRows, invitations] = await Promise.all([
    prisma.membership.findMany({
      where: { schoolId: { in: [...schoolIds] }, ...(q ? { user: personMatching(q) } : {}) },
      select: {
        id: true,
        role: true,
        school: { select: { name: true } },
        user: { select: { id: true, name: true, email: true, status: true, passwordHash: true } },
      },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
      take: 200,
    }),
    prisma.invitation.findMany({
      where: { schoolId: { in: [...schoolIds] } },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
        sentAt: true,
        createdAt: true,
      },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);
  // Whether the person has chosen a password, never the hash itself.
  const members = memberRows.map(({ user: { passwordHash, ...user }, ...m }) => ({
    ...m,
    user: { ...user, activated: passwordHash !== null },
  }));
  const delivery = await latestDeliveries([
    ...invitations.map((i) => `invitation:${i.id}`),
    ...members.filter((m) => !m.user.activated).map((m) => `activation:${m.user.id}`),
  ]);
  return { members, invitations, delivery };
}

export type DeliveryStatus = "QUEUED" | "SENT" | "LOGGED" | "RETRYING" | "FAILED" | "EXPIRED";

/** The state of the newest mail about each thing ("invitation:<id>"): queued, sent, printed to the log, retrying, failed. One query. */
async function latestDeliveries(refs: readonly string[]): Promise<Record<string, DeliveryStatus>> {
  if (refs.length === 0) return {};
  const rows = await prisma.outboxMessage.findMany({
    where: { ref: { in: [...refs] } },
    select: { ref: true, status: true, attempts: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const latest: Record<string, DeliveryStatus> = {};
  for (const row of rows) {
    if (!row.ref || row.ref in latest) continue;
    latest[row.ref] =
      row.status === "SENT"
        ? "SENT"
        : row.status === "LOGGED"
          ? "LOGGED"
          : row.status === "FAILED"
            ? "FAILED"
            : row.status === "EXPIRED"
              ? "EXPIRED"
              : row.attempts > 0
                ? "RETRYING"
                : "QUEUED";
  }
  return latest;
}
