/**
 * The people of a school as the administrators' pages list them: members with
 * their roles and recent invitations (the access log is app/domain/audit).
 */
import type { Prisma } from "#generated/prisma/client";
import { prisma } from "../../utils/db.server";

/** A person whose name or email contains `q` (emails are stored lower-cased). */
export function personMatching(q: string): Prisma.UserWhereInput {
  return { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }] };
}

export async function loadSchoolPeople(schoolIds: readonly string[], q: string) {
  const [members, invitations] = await Promise.all([
    prisma.membership.findMany({
      where: { schoolId: { in: [...schoolIds] }, ...(q ? { user: personMatching(q) } : {}) },
      select: {
        id: true,
        role: true,
        school: { select: { name: true } },
        user: { select: { id: true, name: true, email: true, status: true } },
      },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
      take: 200,
    }),
    prisma.invitation.findMany({
      where: { schoolId: { in: [...schoolIds] } },
      select: { id: true, email: true, name: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);
  return { members, invitations };
}
