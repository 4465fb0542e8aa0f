/**
 * The outbox and its worker (ADR 0013), sending through a real SMTP server
 * started here: one message per event, none lost across a restart, claims that
 * two workers cannot both win, retries with backoff, failures shown to the
 * school's admins, and the log (not the network) when no SMTP is configured.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createInvitation } from "#app/domain/invitations/mutations.server";
import { CLAIM_LEASE_MS, MAX_AGE_MS, MAX_ATTEMPTS, RETRY_DELAYS_MS } from "#app/domain/mail/retry";
import { deliverDue } from "#app/domain/mail/worker.server";
import { action as mailAction, loader as mailLoader } from "#app/routes/app/admin/mail";
import { loader as usersLoader } from "#app/routes/app/admin/users";
import { prisma } from "#app/utils/db.server";
import { logger } from "#app/utils/logger.server";
import { type MailTransport, smtpTransport } from "#app/utils/mailer.server";
import { createSchoolWithCase } from "../factories";
import { call } from "../utils/route";
import { startSmtpServer, type TestSmtpServer } from "../utils/smtp";

let smtp: TestSmtpServer;
let transport: MailTransport;

beforeAll(async () => {
  smtp = await startSmtpServer();
  transport = smtpTransport(smtp.url, "Retake Desk <no-reply@localhost>");
});

afterAll(async () => {
  transport.close();
  await smtp.close();
});

beforeEach(async () => {
  // Each test starts from an empty outbox and mailbox: the worker sends whatever is due.
  await prisma.outboxMessage.deleteMany();
  smtp.received.length = 0;
});

const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.edu`;

/** An event that mails: an admin invites someone. */
async function inviteSomeone(prefix = "outbox") {
  const { school, admin } = await createSchoolWithCase();
  const email = uniqueEmail(prefix);
  const created = await createInvitation({ schoolId: school.id, email, name: "Mail Test", role: "TUTOR", invitedById: admin.id });
  if (!created.ok) throw new Error(created.message);
  const row = await prisma.outboxMessage.findFirstOrThrow({ where: { toAddress: email } });
  return { school, admin, email, row };
}

const arrivedFor = (email: string) => smtp.received.filter((m) => m.to.includes(email));

describe("delivery through SMTP", () => {
  it("sends a message once, as text and HTML with the link, then erases its body", async () => {
    const { email, row, school } = await inviteSomeone();
    const report = await deliverDue({ transport });
    expect(report).toMatchObject({ sent: 1, failed: 0, retrying: 0 });
    const [mail] = arrivedFor(email);
    expect(mail.subject).toBe(`Invitation to ${school.name} on Retake Desk`);
    expect(mail.from).toContain("no-reply@localhost");
    expect(mail.messageId).toBe(`<${row.id}@localhost>`);
    const link = /http:\/\/localhost:3000\/invite\/[a-z2-7]+/.exec(mail.text)?.[0];
    expect(link).toBeTruthy();
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html).toContain('<html lang="en">');
    const after = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: "SENT", attempts: 1, text: "", html: "", claimToken: null, lastError: null });
    expect(after.sentAt).not.toBeNull();
    // Nothing is sent twice.
    expect(await deliverDue({ transport })).toMatchObject({ sent: 0 });
    expect(arrivedFor(email)).toHaveLength(1);
  });

  it("an event, then a crash before sending: after a restart exactly one message arrives", async () => {
    const { email } = await inviteSomeone("crash");
    // The process dies here: the invitation and its mail are committed, nothing was sent.
    expect(arrivedFor(email)).toEqual([]);
    // A restart: fresh module state — a new worker and a new SMTP connection over the same database.
    vi.resetModules();
    const restarted = await import("#app/domain/mail/worker.server");
    const { smtpTransport: freshTransport } = await import("#app/utils/mailer.server");
    const afterRestart = freshTransport(smtp.url, "Retake Desk <no-reply@localhost>");
    try {
      expect(await restarted.deliverDue({ transport: afterRestart })).toMatchObject({ sent: 1 });
      await smtp.waitFor(1);
      // Another restart, another worker: still exactly one.
      vi.resetModules();
      const again = await import("#app/domain/mail/worker.server");
      expect(await again.deliverDue({ transport: afterRestart })).toMatchObject({ sent: 0 });
    } finally {
      afterRestart.close();
    }
    expect(arrivedFor(email)).toHaveLength(1);
  });

  it("a crash while sending: the claim is taken over once its lease has run out, and sent once", async () => {
    const { email, row } = await inviteSomeone("lease");
    const now = new Date();
    // A worker claimed the row and died before finishing.
    await prisma.outboxMessage.update({ where: { id: row.id }, data: { status: "SENDING", claimToken: "dead-process", claimedAt: now } });
    expect(await deliverDue({ transport, now: new Date(now.getTime() + CLAIM_LEASE_MS - 1000) })).toMatchObject({ sent: 0 });
    expect(arrivedFor(email)).toEqual([]);
    expect(await deliverDue({ transport, now: new Date(now.getTime() + CLAIM_LEASE_MS + 1000) })).toMatchObject({ sent: 1 });
    expect(await deliverDue({ transport, now: new Date(now.getTime() + 2 * CLAIM_LEASE_MS) })).toMatchObject({ sent: 0 });
    expect(arrivedFor(email)).toHaveLength(1);
  });

  it("two workers running at once send each message exactly once", async () => {
    const emails: string[] = [];
    for (let i = 0; i < 6; i++) emails.push((await inviteSomeone(`race${i}`)).email);
    const second = smtpTransport(smtp.url);
    try {
      const [a, b] = await Promise.all([deliverDue({ transport }), deliverDue({ transport: second })]);
      expect(a.sent + b.sent).toBe(6);
    } finally {
      second.close();
    }
    for (const email of emails) expect(arrivedFor(email)).toHaveLength(1);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(6);
  });

  it("retries a temporary refusal after the backoff delay", async () => {
    const { email, row } = await inviteSomeone("retry");
    const now = new Date();
    smtp.refuseNext(451);
    expect(await deliverDue({ transport, now })).toMatchObject({ retrying: 1, sent: 0 });
    const waiting = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1, claimToken: null });
    expect(waiting.lastError).toContain("451");
    expect(waiting.nextAttemptAt.getTime()).toBe(now.getTime() + RETRY_DELAYS_MS[0]);
    expect(waiting.text).toContain("/invite/");
    // Not before it is due.
    expect(await deliverDue({ transport, now: new Date(now.getTime() + RETRY_DELAYS_MS[0] - 1000) })).toMatchObject({ sent: 0 });
    expect(await deliverDue({ transport, now: new Date(now.getTime() + RETRY_DELAYS_MS[0]) })).toMatchObject({ sent: 1 });
    expect(arrivedFor(email)).toHaveLength(1);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("gives up after the last attempt, and at once on a permanent refusal", async () => {
    const temporary = await inviteSomeone("giveup");
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      smtp.refuseNext(421);
      await deliverDue({ transport, now });
      const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: temporary.row.id } });
      expect(row.attempts).toBe(attempt);
      expect(row.status).toBe(attempt === MAX_ATTEMPTS ? "FAILED" : "PENDING");
      now = row.nextAttemptAt;
    }
    const permanent = await inviteSomeone("bounce");
    smtp.refuseNext(550);
    expect(await deliverDue({ transport })).toMatchObject({ failed: 1 });
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: permanent.row.id } })).toMatchObject({
      status: "FAILED",
      attempts: 1,
    });
    expect(smtp.received).toEqual([]);
  });

  it("does not send mail that could not leave within three days", async () => {
    const { email, row } = await inviteSomeone("stale");
    expect(await deliverDue({ transport, now: new Date(row.createdAt.getTime() + MAX_AGE_MS + 60_000) })).toMatchObject({
      expired: 1,
      sent: 0,
    });
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "EXPIRED",
      text: "",
      html: "",
    });
    expect(arrivedFor(email)).toEqual([]);
  });
});

describe("without SMTP", () => {
  it("prints each message to the log once and keeps no usable link in the database: the log was its delivery", async () => {
    const { email, row, admin } = await inviteSomeone("nosmtp");
    const info = vi.spyOn(logger, "info");
    expect(await deliverDue({ transport: null })).toMatchObject({ logged: 1, sent: 0 });
    const printed = info.mock.calls.find((call) => (call[0] as { outboxId?: string }).outboxId === row.id)?.[0] as
      | { to: string; subject: string; text: string }
      | undefined;
    expect(printed).toMatchObject({ to: email, subject: row.subject });
    const link = /\/invite\/[a-z2-7]+/.exec(printed?.text ?? "")?.[0];
    expect(link).toBeTruthy();
    // A copy of the database holds the envelope only: no body, no link.
    const after = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: "LOGGED", text: "", html: "", toAddress: email });
    expect(after.loggedAt).not.toBeNull();
    expect(
      await prisma.outboxMessage.count({ where: { OR: [{ text: { contains: "/invite/" } }, { html: { contains: "/invite/" } }] } }),
    ).toBe(0);
    // Printed once; and a transport set up later sends no empty copy of it.
    expect(await deliverDue({ transport: null })).toMatchObject({ logged: 0 });
    expect(await deliverDue({ transport })).toMatchObject({ sent: 0 });
    expect(smtp.received).toEqual([]);
    // The admin's Users page says where the mail went.
    const users = await call(usersLoader, { userId: admin.id, path: "/admin/users" });
    expect(users.data.invitations.find((i: { email: string }) => i.email === email).delivery).toBe("LOGGED");
  });

  it("two workers printing at once print each message once", async () => {
    const { row } = await inviteSomeone("nosmtp-twice");
    const info = vi.spyOn(logger, "info");
    const [a, b] = await Promise.all([deliverDue({ transport: null }), deliverDue({ transport: null })]);
    expect(a.logged + b.logged).toBe(1);
    expect(info.mock.calls.filter((call) => (call[0] as { outboxId?: string }).outboxId === row.id)).toHaveLength(1);
  });

  it("in development keeps the body for the outbox page until it is three days old, then erases it", async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = "development";
    vi.resetModules();
    try {
      const development = await import("#app/domain/mail/worker.server");
      const { email, row } = await inviteSomeone("nosmtp-dev");
      expect(await development.deliverDue({ transport: null })).toMatchObject({ logged: 1 });
      const kept = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
      expect(kept).toMatchObject({ status: "PENDING", text: row.text });
      expect(kept.loggedAt).not.toBeNull();
      // Three days on, it has expired and its body is gone.
      const threeDaysOn = new Date(row.createdAt.getTime() + MAX_AGE_MS + 60_000);
      expect(await development.deliverDue({ transport: null, now: threeDaysOn })).toMatchObject({ expired: 1, logged: 0 });
      expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
        status: "EXPIRED",
        text: "",
        html: "",
      });
      expect(await development.deliverDue({ transport })).toMatchObject({ sent: 0 });
      expect(arrivedFor(email)).toEqual([]);
    } finally {
      process.env.NODE_ENV = previous;
      vi.resetModules();
    }
  });

  it("in development, a message printed but not yet expired still leaves once a transport exists", async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = "development";
    vi.resetModules();
    try {
      const development = await import("#app/domain/mail/worker.server");
      const { email } = await inviteSomeone("nosmtp-dev-later");
      expect(await development.deliverDue({ transport: null })).toMatchObject({ logged: 1 });
      expect(await development.deliverDue({ transport })).toMatchObject({ sent: 1 });
      expect(arrivedFor(email)).toHaveLength(1);
    } finally {
      process.env.NODE_ENV = previous;
      vi.resetModules();
    }
  });
});

describe("failures shown to admins", () => {
  it("lists the school's undelivered mail without its content, to that school's admins only; they can try again", async () => {
    const { email, row, admin, school } = await inviteSomeone("admin-view");
    smtp.refuseNext(550);
    await deliverDue({ transport });
    const page = await call(mailLoader, { userId: admin.id, path: "/admin/mail" });
    expect(page.data.problems).toEqual([
      expect.objectContaining({ id: row.id, to: email, kind: "Invitation", status: "FAILED", attempts: 1, retryable: true }),
    ]);
    expect(page.data.problems[0].lastError).toContain("550");
    expect(JSON.stringify(page.data)).not.toContain("/invite/");
    const other = await createSchoolWithCase();
    expect((await call(mailLoader, { userId: other.admin.id, path: "/admin/mail" })).data.problems).toEqual([]);
    expect(await call(mailLoader, { userId: other.advisor.id, path: "/admin/mail" })).toMatchObject({ thrown: true, status: 403 });
    // Another school's admin cannot requeue it; this school's admin can, and it is logged.
    expect(
      await call(mailAction, { userId: other.admin.id, path: "/admin/mail", form: { intent: "retry", messageId: row.id } }),
    ).toMatchObject({
      thrown: true,
      status: 409,
    });
    const retried = await call(mailAction, { userId: admin.id, path: "/admin/mail", form: { intent: "retry", messageId: row.id } });
    expect(retried.status).toBe(200);
    expect(await prisma.activityLog.count({ where: { entityId: row.id, action: "mail.retried", schoolId: school.id } })).toBe(1);
    expect(await deliverDue({ transport })).toMatchObject({ sent: 1 });
    expect(arrivedFor(email)).toHaveLength(1);
    // The invitation row on the Users page says it was delivered.
    const users = await call(usersLoader, { userId: admin.id, path: "/admin/users" });
    expect(users.data.invitations.find((i: { email: string }) => i.email === email).delivery).toBe("SENT");
  });
});

describe("the development outbox page", () => {
  async function devLoaderUnder(nodeEnv: string) {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = nodeEnv;
    vi.resetModules();
    try {
      const { loader } = await import("#app/routes/dev/mail");
      return await call(loader, { userId: null, path: "/dev/mail" });
    } finally {
      process.env.NODE_ENV = previous;
      vi.resetModules();
    }
  }

  it("lists messages in development and does not exist in production or tests", async () => {
    const { email } = await inviteSomeone("devpage");
    const page = await devLoaderUnder("development");
    const message = page.data.messages.find((m: { toAddress: string }) => m.toAddress === email);
    expect(message.links[0]).toMatch(/\/invite\/[a-z2-7]+$/);
    for (const nodeEnv of ["production", "test"]) {
      const refused = await devLoaderUnder(nodeEnv);
      expect(refused).toMatchObject({ thrown: true, status: 404 });
      expect(JSON.stringify(refused.data)).not.toContain(email);
    }
  });
});
