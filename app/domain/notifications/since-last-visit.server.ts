/**
 * "Since your last visit": what changed for this person since they last
 * opened their home page, summarised from their notifications. The visit is
 * recorded when the page is read; a reload within a few minutes keeps showing
 * the same summary, so a quick refresh does not wipe it.
 */
import { prisma } from "../../utils/db.server";
import { type SinceLastVisit, sinceLastVisit } from "../escalations/since-last-visit";

/** Visits closer together than this count as the same visit. */
export const SAME_VISIT_MS = 10 * 60 * 1000;

export async function loadSinceLastVisit(userId: string, now = new Date()): Promise<SinceLastVisit & { since: Date | null }> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { lastHomeVisitAt: true, previousHomeVisitAt: true } });
  const sameVisit = user.lastHomeVisitAt !== null && now.getTime() - user.lastHomeVisitAt.getTime() < SAME_VISIT_MS;
  const since = sameVisit ? user.previousHomeVisitAt : user.lastHomeVisitAt;
  const events = await prisma.notification.findMany({
    where: { userId, ...(since ? { createdAt: { gt: since } } : {}) },
    select: { kind: true, createdAt: true, caseId: true, dedupeKey: true },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
  if (!sameVisit) {
    await prisma.user.update({ where: { id: userId }, data: { previousHomeVisitAt: user.lastHomeVisitAt, lastHomeVisitAt: now } });
  }
  const summary = sinceLastVisit(
    events.map((e) => ({ kind: e.kind, at: e.createdAt, subjectId: e.dedupeKey?.split(":").slice(0, 2).join(":") ?? e.caseId })),
    since,
  );
  return { ...summary, since };
}
