/**
 * The mail worker (ADR 0013). `deliverDue` sends what is due and returns; the
 * schedule is one small function around it. Every row is claimed with a
 * conditional update before it is sent, so two processes (or two ticks of one)
 * never both send it; a claim abandoned by a crashed process is taken over once
 * its lease ends. Delivered mail keeps its envelope but loses its body, so the
 * secret links in it do not outlive their delivery; without SMTP, printing it
 * to the server log is its delivery.
 */
import { randomUUID } from "node:crypto";
import { prisma } from "#app/utils/db.server";
import { env, isDevelopment } from "#app/utils/env.server";
import { logger } from "#app/utils/logger.server";
import { configuredTransport, type MailTransport, mailHost } from "#app/utils/mailer.server";
import { afterFailure, CLAIM_LEASE_MS, describeFailure, MAX_AGE_MS } from "./retry";

interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  expired: number;
  /** Printed to the log because no transport is configured. */
  logged: number;
}

interface DeliverOptions {
  now?: Date;
  /** The transport to send with; defaults to SMTP_URL's, and `null` means "none: log instead". */
  transport?: MailTransport | null;
  /** At most this many messages per call. */
  limit?: number;
  /** With no transport, keep each message's body after printing it (for /dev/mail); development only by default. */
  keepUnsentBodies?: boolean;
}

const emptyReport = (): DeliveryReport => ({ sent: 0, retrying: 0, failed: 0, expired: 0, logged: 0 });

/** Rows a worker may claim at `now`: due pending ones, and claims whose lease has run out. */
function claimable(now: Date) {
  return {
    OR: [
      { status: "PENDING", nextAttemptAt: { lte: now } },
      { status: "SENDING", claimedAt: { lt: new Date(now.getTime() - CLAIM_LEASE_MS) } },
    ],
  };
}

/** Sends every message due at `now` (up to `limit`), one claim at a time. */
export async function deliverDue(options: DeliverOptions = {}): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const transport = options.transport === undefined ? configuredTransport() : options.transport;
  if (!transport) return logUndeliverable(now, options.limit ?? 100, options.keepUnsentBodies ?? isDevelopment());
  const report = emptyReport();
  const due = await prisma.outboxMessage.findMany({
    where: claimable(now),
    select: { id: true },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 100,
  });
  for (const { id } of due) {
    const claimToken = randomUUID();
    const claimed = await prisma.outboxMessage.updateMany({
      where: { id, ...claimable(now) },
      data: { status: "SENDING", claimToken, claimedAt: now },
    });
    if (claimed.count !== 1) continue; // another worker has it
    const row = await prisma.outboxMessage.findUniqueOrThrow({
      where: { id },
      select: { toAddress: true, subject: true, text: true, html: true, attempts: true, createdAt: true },
    });
    const mine = { id, claimToken };
    if (now.getTime() - row.createdAt.getTime() > MAX_AGE_MS) {
      await prisma.outboxMessage.updateMany({
        where: mine,
        data: { status: "EXPIRED", claimToken: null, text: "", html: "", lastError: "Not delivered within three days" },
      });
      report.expired += 1;
      continue;
    }
    try {
      await transport.send({
        to: row.toAddress,
        subject: row.subject,
        text: row.text,
        html: row.html,
        messageId: `<${id}@${mailHost()}>`,
      });
    } catch (error) {
      const attempts = row.attempts + 1;
      const next = afterFailure(attempts, error, now);
      await prisma.outboxMessage.updateMany({
        where: mine,
        data: {
          attempts,
          claimToken: null,
          lastError: describeFailure(error),
          status: next.status,
          ...(next.status === "PENDING" ? { nextAttemptAt: next.nextAttemptAt } : {}),
        },
      });
      logger.warn({ outboxId: id, attempts, status: next.status, error: describeFailure(error) }, "mail delivery failed");
      if (next.status === "FAILED") report.failed += 1;
      else report.retrying += 1;
      continue;
    }
    await prisma.outboxMessage.updateMany({
      where: mine,
      data: { status: "SENT", sentAt: new Date(), attempts: row.attempts + 1, claimToken: null, lastError: null, text: "", html: "" },
    });
    report.sent += 1;
  }
  return report;
}

/**
 * Without SMTP each message is printed to the server log once, claimed like a
 * send. The log is then its delivery: the row becomes LOGGED and loses its
 * body in the claim itself, so the database keeps no usable link (ADR 0013) —
 * except in development, where /dev/mail reads the bodies: there the message
 * stays PENDING with its body (and leaves if SMTP_URL is set later) until it
 * is three days old, when it expires and its body is erased like any other.
 */
async function logUndeliverable(now: Date, limit: number, keepBodies: boolean): Promise<DeliveryReport> {
  const report = emptyReport();
  const expired = await prisma.outboxMessage.updateMany({
    where: { status: "PENDING", createdAt: { lt: new Date(now.getTime() - MAX_AGE_MS) } },
    data: { status: "EXPIRED", text: "", html: "", lastError: "Not delivered within three days" },
  });
  report.expired = expired.count;
  const rows = await prisma.outboxMessage.findMany({
    where: { status: "PENDING", loggedAt: null },
    select: { id: true, toAddress: true, subject: true, text: true },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  for (const row of rows) {
    if (!(await claimForPrinting(row.id, now, keepBodies))) continue;
    logger.info(
      { outboxId: row.id, to: row.toAddress, subject: row.subject, text: row.text },
      "mail printed here, not sent (no SMTP_URL is set)",
    );
    report.logged += 1;
  }
  return report;
}

/**
 * Claims a message for printing instead of sending (no SMTP): once, whoever
 * else prints; the body goes unless it is kept for /dev/mail. True when this
 * caller is the one to print it (the text must have been read before).
 */
export async function claimForPrinting(id: string, now: Date, keepBodies = isDevelopment()): Promise<boolean> {
  const claimed = await prisma.outboxMessage.updateMany({
    where: { id, status: "PENDING", loggedAt: null },
    data: keepBodies ? { loggedAt: now } : { loggedAt: now, status: "LOGGED", text: "", html: "" },
  });
  return claimed.count === 1;
}

/**
 * Runs `deliverDue` every MAIL_POLL_MS. One small function so that the
 * process-wide scheduling can be wrapped (e.g. by a lease) without touching
 * delivery; overlapping ticks are skipped.
 */
function scheduleMailDelivery(intervalMs = env().MAIL_POLL_MS): NodeJS.Timeout {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await deliverDue();
      if (report.sent || report.failed || report.retrying || report.expired) logger.info(report, "mail delivery");
    } catch (error) {
      logger.error({ err: error }, "mail delivery run failed");
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return timer;
}

/**
 * For `npm run dev`, where scripts/start.ts does not run: one worker per
 * process, whatever the reloads. Only there: test processes also load the app
 * as Vite's development build (tests/utils/app.ts), and a worker of theirs
 * would print, and take the bodies of, the mail the tests read.
 */
export function startDevMailWorker(): void {
  if (!isDevelopment()) return;
  const holder = globalThis as { __retakeDeskMailWorker?: NodeJS.Timeout };
  holder.__retakeDeskMailWorker ??= scheduleMailDelivery();
}
