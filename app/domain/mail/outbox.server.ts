/**
 * The outbox (ADR 0013): a message is a row written in the same transaction as
 * the event that causes it, so it exists exactly when the event does — a
 * rolled-back invitation sends nothing, a committed one is never lost.
 */
import type { Tx } from "#app/utils/db.server";
import type { MailContent, MailKind } from "./templates";

interface NewMail {
  kind: MailKind;
  to: string;
  content: MailContent;
  schoolId?: string | null;
  userId?: string | null;
  /** What it is about ("invitation:<id>"), for the delivery status shown next to it. */
  ref?: string | null;
}

export async function enqueueMail(tx: Tx, mail: NewMail, now = new Date()): Promise<string> {
  const row = await tx.outboxMessage.create({
    data: {
      kind: mail.kind,
      toAddress: mail.to,
      subject: mail.content.subject,
      text: mail.content.text,
      html: mail.content.html,
      schoolId: mail.schoolId ?? null,
      userId: mail.userId ?? null,
      ref: mail.ref ?? null,
      nextAttemptAt: now,
      createdAt: now,
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * Records a scheduled event (an overdue escalation, a week's digest) once:
 * true the first time the key is seen, false ever after — in the caller's
 * transaction, so the event and its mail commit together or not at all.
 */
export async function claimMailEvent(tx: Tx, key: string, now = new Date()): Promise<boolean> {
  const inserted =
    await tx.$executeRaw`INSERT INTO "MailEvent" ("key", "createdAt") VALUES (${key}, ${now}) ON CONFLICT ("key") DO NOTHING`;
  return inserted === 1;
}

/** The public URL of an app path, for links in mail. */
export function appUrl(origin: string, path: string): string {
  return `${origin.replace(/\/$/, "")}${path}`;
}
