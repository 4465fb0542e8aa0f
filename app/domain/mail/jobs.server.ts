/**
 * Mail that time causes rather than a person (ADR 0013): overdue escalations
 * and the weekly digest. Each event is claimed by a MailEvent key in the
 * transaction that writes its mail, so it mails once however often — and in
 * however many processes — the job runs.
 */

import { formatDate, type IsoDate, today as todayOf } from "#app/domain/dates";
import { mailEscalationOverdue } from "#app/domain/escalations/mail.server";
import { overdueEscalationWhere, overdueState } from "#app/domain/escalations/workflow";
import { prisma } from "#app/utils/db.server";
import { allowedOrigins } from "#app/utils/env.server";
import { logger } from "#app/utils/logger.server";
import { digestLines, digestWeek } from "./digest";
import { appUrl, claimMailEvent, enqueueMail } from "./outbox.server";
import { weeklyDigestMail } from "./templates";

const origin = () => allowedOrigins()[0] ?? "http://localhost:3000";

/** Mails each escalation that has missed a deadline, once per missed deadline. Returns how many escalations were mailed. */
export async function mailOverdueEscalations(now = new Date()): Promise<number> {
  const today = todayOf(now);
  const overdue = await prisma.escalation.findMany({
    where: overdueEscalationWhere(today),
    select: { id: true, status: true, acknowledgeBy: true, resolveBy: true, acknowledgedAt: true },
    orderBy: { id: "asc" },
    take: 500,
  });
  const events = overdue.flatMap((escalation) => {
    const state = overdueState(
      { ...escalation, acknowledgeBy: escalation.acknowledgeBy as IsoDate, resolveBy: escalation.resolveBy as IsoDate },
      today,
    );
    if (state.state === "NONE") return [];
    const step = state.state === "ACK_OVERDUE" ? ("acknowledge" as const) : ("resolve" as const);
    const due = step === "acknowledge" ? escalation.acknowledgeBy : escalation.resolveBy;
    return [{ id: escalation.id, step, key: `escalation-overdue:${escalation.id}:${step}:${due}` }];
  });
  // Events mailed on an earlier run are skipped without a transaction each.
  const done = new Set(
    (await prisma.mailEvent.findMany({ where: { key: { in: events.map((e) => e.key) } }, select: { key: true } })).map((e) => e.key),
  );
  let mailed = 0;
  for (const event of events.filter((e) => !done.has(e.key))) {
    const sent = await prisma.$transaction(async (tx) => {
      if (!(await claimMailEvent(tx, event.key, now))) return false;
      await mailEscalationOverdue(tx, event.id, event.step, now);
      return true;
    });
    if (sent) mailed += 1;
  }
  return mailed;
}

/** The digest goes out from Monday 07:00 UTC for the week before; a server that was down catches up later that week. */
const DIGEST_HOUR_UTC = 7;

/**
 * Writes this week's digest for every tutor and advisor who wants it and had
 * something change in their cases the week before. Returns how many were written.
 */
export async function mailWeeklyDigests(now = new Date()): Promise<number> {
  const today = todayOf(now);
  const { weekOf, from, to } = digestWeek(today);
  if (now.getTime() < to.getTime() + DIGEST_HOUR_UTC * 3600_000) return 0;
  const people = await prisma.user.findMany({
    where: {
      status: "ACTIVE",
      weeklyDigest: true,
      passwordHash: { not: null },
      memberships: { some: { role: { in: ["TUTOR", "ADVISOR"] } } },
    },
    select: { id: true, email: true, name: true },
    orderBy: { id: "asc" },
  });
  if (people.length === 0) return 0;
  const keyOf = (userId: string) => `digest:${userId}:${weekOf}`;
  const done = new Set(
    (await prisma.mailEvent.findMany({ where: { key: { in: people.map((p) => keyOf(p.id)) } }, select: { key: true } })).map((e) => e.key),
  );
  const due = people.filter((p) => !done.has(keyOf(p.id)));
  if (due.length === 0) return 0;
  const ids = due.map((p) => p.id);
  const [byKind, byCase] = await Promise.all([
    prisma.notification.groupBy({
      by: ["userId", "kind"],
      where: { userId: { in: ids }, createdAt: { gte: from, lt: to } },
      _count: { _all: true },
    }),
    prisma.notification.groupBy({
      by: ["userId", "caseId"],
      where: { userId: { in: ids }, createdAt: { gte: from, lt: to }, caseId: { not: null } },
    }),
  ]);
  let written = 0;
  for (const person of due) {
    const counts = byKind.filter((r) => r.userId === person.id).map((r) => ({ kind: r.kind, count: r._count._all }));
    const lines = digestLines(counts);
    const caseCount = byCase.filter((r) => r.userId === person.id).length;
    const wrote = await prisma.$transaction(async (tx) => {
      // Claimed even when there is nothing to say: the person is not considered again this week.
      if (!(await claimMailEvent(tx, keyOf(person.id), now))) return false;
      if (lines.length === 0) return false;
      await enqueueMail(
        tx,
        {
          kind: "WEEKLY_DIGEST",
          to: person.email,
          userId: person.id,
          ref: `digest:${person.id}`,
          content: weeklyDigestMail({
            name: person.name,
            weekLabel: formatDate(weekOf),
            lines,
            caseCount,
            url: appUrl(origin(), "/notifications"),
            accountUrl: appUrl(origin(), "/account"),
          }),
        },
        now,
      );
      return true;
    });
    if (wrote) written += 1;
  }
  return written;
}

/** The time-driven mail jobs, once; scheduled in one process at a time (server/background.ts). */
export async function runMailJobs(now = new Date()): Promise<void> {
  const overdue = await mailOverdueEscalations(now);
  const digests = await mailWeeklyDigests(now);
  if (overdue || digests) logger.info({ overdue, digests }, "mail jobs wrote messages");
}
