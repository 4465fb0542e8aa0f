/**
 * "Since your last visit": what changed for this person since they last
 * opened their home page, summarised from their notifications. The visit is
 * recorded when the page is read; a reload within a few minutes keeps showing
 * the same summary, so a quick refresh does not wipe it.
 *
 * For the office (advisors and admins) the summary also reads the escalation
 * table of their schools, since no notification says it:
 * - every escalation overdue now counts as an overdue item (it needs action on
 *   every visit until it is handled, so it is not limited to the new ones);
 * - every escalation someone else resolved since the last visit counts as
 *   resolved.
 * Each counts once per escalation, together with any notification about it.
 *
 * The caller says which schools the person works in the office of (from the
 * session's memberships) and what day it is, so the page and this summary
 * agree on both.
 */

import type { IsoDate } from "#app/domain/dates";
import { type SinceLastVisit, sinceLastVisit, type VisitEvent } from "#app/domain/escalations/since-last-visit";
import { overdueEscalationWhere } from "#app/domain/escalations/workflow";
import { prisma } from "#app/utils/db.server";
import { notificationsShownTo } from "./inbox.server";

/** Visits closer together than this count as the same visit. */
const SAME_VISIT_MS = 10 * 60 * 1000;
/** At most this many rows of each source are read (the panel says counts, not lists). */
const MAX_EVENTS = 500;

interface SinceLastVisitScope {
  /** The schools where the person is an advisor or administrator (none for tutors and students). */
  officeSchoolIds: readonly string[];
  /** The calendar day the page is for, which decides what is overdue. */
  today: IsoDate;
}

export async function loadSinceLastVisit(
  userId: string,
  { officeSchoolIds, today }: SinceLastVisitScope,
  now = new Date(),
): Promise<SinceLastVisit & { since: Date | null; escalationQueue: boolean }> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { lastHomeVisitAt: true, previousHomeVisitAt: true },
  });
  const sameVisit = user.lastHomeVisitAt !== null && now.getTime() - user.lastHomeVisitAt.getTime() < SAME_VISIT_MS;
  const since = sameVisit ? user.previousHomeVisitAt : user.lastHomeVisitAt;
  const [notifications, overdue, resolved] = await Promise.all([
    prisma.notification.findMany({
      where: { ...notificationsShownTo(userId), ...(since ? { createdAt: { gt: since } } : {}) },
      select: { kind: true, createdAt: true, caseId: true, dedupeKey: true },
      orderBy: { createdAt: "desc" },
      take: MAX_EVENTS,
    }),
    officeSchoolIds.length
      ? prisma.escalation.findMany({
          where: { schoolId: { in: [...officeSchoolIds] }, AND: [overdueEscalationWhere(today)] },
          select: { id: true },
          take: MAX_EVENTS,
        })
      : Promise.resolve([]),
    officeSchoolIds.length
      ? prisma.escalationEvent.findMany({
          where: {
            kind: "STATUS",
            toStatus: "RESOLVED",
            ...(since ? { createdAt: { gt: since } } : {}),
            OR: [{ actorId: null }, { actorId: { not: userId } }],
            escalation: { schoolId: { in: [...officeSchoolIds] } },
          },
          select: { escalationId: true, createdAt: true },
          orderBy: { createdAt: "desc" },
          take: MAX_EVENTS,
        })
      : Promise.resolve([]),
  ]);
  if (!sameVisit) {
    await prisma.user.update({ where: { id: userId }, data: { previousHomeVisitAt: user.lastHomeVisitAt, lastHomeVisitAt: now } });
  }
  const events: VisitEvent[] = [
    ...notifications.map((e) => ({
      kind: e.kind,
      at: e.createdAt,
      subjectId: e.dedupeKey?.split(":").slice(0, 2).join(":") ?? e.caseId,
    })),
    ...overdue.map((e) => ({ kind: "OVERDUE", at: now, subjectId: `escalation:${e.id}` })),
    ...resolved.map((e) => ({ kind: "ESCALATION_RESOLVED", at: e.createdAt, subjectId: `escalation:${e.escalationId}` })),
  ];
  const summary = sinceLastVisit(events, since);
  const escalationQueue = officeSchoolIds.length > 0 && Boolean(summary.counts.OVERDUE || summary.counts.ESCALATION_OPENED);
  return { ...summary, since, escalationQueue };
}
