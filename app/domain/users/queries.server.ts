/**
 * The people of a school as the administrators' pages list them: members with
 * their roles, recent invitations, and the access log of staff reads.
 */
import type { Prisma } from "#generated/prisma/client";
import { z } from "zod";
import { prisma } from "../../utils/db.server";

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

export type DeliveryStatus = "QUEUED" | "SENT" | "RETRYING" | "FAILED" | "EXPIRED";

/** The state of the newest mail about each thing ("invitation:<id>"): queued, sent, retrying, failed. One query. */
export async function latestDeliveries(refs: readonly string[]): Promise<Record<string, DeliveryStatus>> {
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

export const ACCESS_LOG_PAGE_SIZE = 50;

/** The access log's search: each bad or missing value takes its default. */
export const accessLogParamsSchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});

export async function loadAccessLog(schoolIds: readonly string[], params: z.infer<typeof accessLogParamsSchema>) {
  const { q, page } = params;
  const where: Prisma.AccessLogWhereInput = {
    schoolId: { in: [...schoolIds] },
    ...(q ? { OR: [{ user: personMatching(q) }, { case: { student: { user: personMatching(q) } } }] } : {}),
  };
  const [entries, total] = await Promise.all([
    prisma.accessLog.findMany({
      where,
      select: {
        id: true,
        path: true,
        createdAt: true,
        caseId: true,
        user: { select: { name: true, email: true } },
        case: { select: { exam: true, student: { select: { user: { select: { name: true } } } } } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * ACCESS_LOG_PAGE_SIZE,
      take: ACCESS_LOG_PAGE_SIZE,
    }),
    prisma.accessLog.count({ where }),
  ]);
  return { entries, total, page, pageCount: Math.max(1, Math.ceil(total / ACCESS_LOG_PAGE_SIZE)), q };
}
