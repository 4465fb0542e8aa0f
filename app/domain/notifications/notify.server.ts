/**
 * Notifications are channel-independent records; each channel gets a delivery
 * row (in-app now, email later) so another channel can send the same record
 * without changing it. A dedupe key makes retried events notify once.
 */
import type { Tx } from "#app/utils/db.server";

interface NotificationInput {
  userIds: readonly string[];
  schoolId: string;
  caseId?: string | null;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  /** Same key for the same event: a retry creates nothing new. */
  dedupeKey?: string | null;
  /**
   * The key names a group (./grouping.ts), not one event: a notification already under it
   * is brought up to date with this title and body, and reads as new again.
   */
  group?: (existing: { title: string; count: number }) => { title: string; body: string };
  /** The session note it is derived from: shown only while the note is visible to the recipient (ADR 0012). */
  sourceNoteId?: string | null;
}

const CHANNELS = ["IN_APP"] as const;

export async function notify(tx: Tx, input: NotificationInput): Promise<number> {
  let created = 0;
  for (const userId of new Set(input.userIds)) {
    if (input.dedupeKey) {
      const existing = await tx.notification.findUnique({
        where: { userId_dedupeKey: { userId, dedupeKey: input.dedupeKey } },
        select: { id: true, title: true, groupCount: true },
      });
      if (existing && input.group) {
        const count = existing.groupCount + 1;
        const next = input.group({ title: existing.title, count });
        await tx.notification.update({
          where: { id: existing.id },
          data: { title: next.title, body: next.body, groupCount: count, readAt: null, createdAt: new Date() },
        });
        continue;
      }
      if (existing) continue;
    }
    await tx.notification.create({
      data: {
        userId,
        schoolId: input.schoolId,
        caseId: input.caseId ?? null,
        kind: input.kind,
        title: input.title,
        body: input.body,
        link: input.link ?? null,
        dedupeKey: input.dedupeKey ?? null,
        sourceNoteId: input.sourceNoteId ?? null,
        deliveries: {
          create: CHANNELS.map((channel) => ({ channel, status: channel === "IN_APP" ? "SENT" : "PENDING", sentAt: new Date() })),
        },
      },
    });
    created += 1;
  }
  return created;
}
