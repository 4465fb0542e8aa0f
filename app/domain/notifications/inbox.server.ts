/**
 * A person's in-app notifications: the list (newest first, a page at a time),
 * marking one or all as read. Only the owner reads or marks their
 * notifications: every query is scoped by `userId`, so someone else's id is
 * simply not found.
 *
 * A notification derived from a session note is shown only while the note is
 * visible to its recipient (ADR 0012): made private or removed, it is gone
 * from the list, the unread count and "since your last visit" alike.
 *
 * Reading is the in-app channel's own state (`Notification.readAt`); other
 * channels (email later) keep theirs on `NotificationDelivery`, so the record
 * itself never changes for a channel.
 */

import { prisma } from "#app/utils/db.server";
import type { Prisma } from "#generated/prisma/client";
import type { InboxItem } from "./inbox";

/**
 * The person's notifications they may see now: those derived from no note,
 * and those whose note still exists and is theirs, shared with the student,
 * or shared with the office when they are not the case's student.
 */
export function notificationsShownTo(userId: string): Prisma.NotificationWhereInput {
  return {
    userId,
    OR: [
      { sourceNoteId: null },
      {
        sourceNote: {
          deletedAt: null,
          OR: [{ visibility: "STUDENT" }, { authorId: userId }, { visibility: "OFFICE", case: { student: { userId: { not: userId } } } }],
        },
      },
    ],
  };
}

const INBOX_PAGE_SIZE = 30;

/** How many of the user's notifications are unread (one statement: the layout asks on every page). */
export function countUnread(userId: string): Promise<number> {
  return prisma.notification.count({ where: { ...notificationsShownTo(userId), readAt: null } });
}

export async function loadInbox(userId: string, page = 1) {
  const [total, unread] = await Promise.all([prisma.notification.count({ where: notificationsShownTo(userId) }), countUnread(userId)]);
  const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await prisma.notification.findMany({
    where: notificationsShownTo(userId),
    select: { id: true, kind: true, title: true, body: true, link: true, caseId: true, readAt: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * INBOX_PAGE_SIZE,
    take: INBOX_PAGE_SIZE,
  });
  const items: InboxItem[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    caseId: r.caseId,
    read: r.readAt !== null,
    createdAt: r.createdAt.toISOString(),
  }));
  return { items, total, unread, page: current, pageCount };
}

/** Marks one of the user's notifications read; false when it is not theirs (or does not exist). */
export async function markNotificationRead(userId: string, notificationId: string, now = new Date()): Promise<boolean> {
  const updated = await prisma.notification.updateMany({ where: { id: notificationId, userId, readAt: null }, data: { readAt: now } });
  if (updated.count === 1) return true;
  // Already read is fine; someone else's is not found.
  const own = await prisma.notification.count({ where: { id: notificationId, userId } });
  return own === 1;
}

/** Marks every unread notification of the user read; returns how many changed. */
export async function markAllNotificationsRead(userId: string, now = new Date()): Promise<number> {
  const updated = await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return updated.count;
}
