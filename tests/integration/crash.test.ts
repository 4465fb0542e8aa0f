/**
 * Crash safety (ADR 0021): a process killed with SIGKILL in the middle of a
 * large import's commit leaves the database with all of the import or none of
 * it, and the app serves from it afterwards; a process killed between an event
 * that mails and the mail's delivery (or in the middle of sending it) loses
 * nothing and sends nothing twice (ADR 0013), through a real SMTP server. The
 * work runs in real second processes (tests/processes/child.ts) on this test's
 * database file.
 */
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CLAIM_LEASE_MS } from "#app/domain/mail/retry";
import { disconnectDb, prisma } from "#app/utils/db.server";
import { databaseFile } from "../../scripts/db-backup";
import { createSchool, createUser } from "../factories";
import { request, signIn } from "../utils/app";
import { type Child, killAll, startChild } from "../utils/processes";
import { startSmtpServer, type TestSmtpServer } from "../utils/smtp";

const children: Child[] = [];
afterEach(() => killAll(children.splice(0)));

const ROWS = 3_000;

describe("a process killed during a large import's commit", () => {
  it("leaves all of the import or none of it, and the app serves afterwards", async () => {
    const school = await createSchool();
    const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
    const child = startChild(["import", school.id, advisor.id, String(ROWS)]);
    children.push(child);
    await child.waitFor((m) => m.committing === true, 90_000);
    child.process.kill("SIGKILL");
    await child.exited;
    const finished = child.messages.some((m) => "committed" in m);

    // "Restart": the connection is opened afresh on the file the killed process was writing.
    await disconnectDb();
    const db = new Database(databaseFile(), { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
    const students = await prisma.studentProfile.count({ where: { schoolId: school.id } });
    const accounts = await prisma.user.count({ where: { email: { endsWith: "@crash.example.edu" } } });
    const batch = await prisma.importBatch.findFirstOrThrow({ where: { schoolId: school.id }, select: { status: true } });
    if (students === 0) {
      expect(accounts).toBe(0);
      expect(batch.status).toBe("PREVIEWED");
      expect(finished).toBe(false);
    } else {
      expect([students, accounts, batch.status]).toEqual([ROWS, ROWS, "COMMITTED"]);
    }

    expect((await request("/healthz")).status).toBe(200);
    // The import page lists the school's imports: committed ones among them if the commit got through.
    const page = await request("/office/import", { cookie: await signIn(advisor.id) });
    expect(page.status).toBe(200);
  }, 180_000);
});

describe("a process killed between an event that mails and the mail", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());
  // The outbox holds only this test's mail (the import above mailed its students), so the worker's one pass reaches it.
  beforeEach(async () => {
    await prisma.outboxMessage.deleteMany();
    smtp.received.length = 0;
  });

  const child = (...args: string[]) => {
    const started = startChild(args);
    children.push(started);
    return started;
  };
  /** A restarted app process running its mail worker once (at `now`, by default the clock's). */
  async function restartAndSend(now?: Date) {
    const sender = child("mail-send", smtp.url, ...(now ? [String(now.getTime())] : []));
    const { report } = await sender.waitFor((m) => "report" in m, 90_000);
    await sender.exited;
    return report as { sent: number };
  }
  const arrivedFor = (email: string) => smtp.received.filter((m) => m.to.includes(email));

  async function inviter() {
    const school = await createSchool();
    const admin = await createUser({ schoolId: school.id, role: "ADMIN" });
    return { school, admin, email: `crash-${Date.now()}-${Math.random().toString(36).slice(2)}@example.edu` };
  }

  it("killed after the event committed, before sending: after a restart exactly one message arrives", async () => {
    const { school, admin, email } = await inviter();
    const event = child("mail-event", school.id, admin.id, email);
    const { committed } = await event.waitFor((m) => "committed" in m, 90_000);
    event.process.kill("SIGKILL");
    await event.exited;
    await disconnectDb();
    // The event and its mail survived the crash; nothing was sent.
    expect(await prisma.invitation.count({ where: { email, schoolId: school.id } })).toBe(1);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: committed as string } })).toMatchObject({
      status: "PENDING",
      attempts: 0,
    });
    expect(arrivedFor(email)).toEqual([]);

    expect(await restartAndSend()).toMatchObject({ sent: 1 });
    expect(await restartAndSend()).toMatchObject({ sent: 0 });
    expect(arrivedFor(email)).toHaveLength(1);
    expect(arrivedFor(email)[0].messageId).toBe(`<${committed}@localhost>`);
    expect(arrivedFor(email)[0].text).toMatch(/\/invite\/[a-z2-7]+/);
  }, 180_000);

  it("killed while the SMTP server had the message but had not taken it: sent once after the claim's lease, not before", async () => {
    const { school, admin, email } = await inviter();
    const event = child("mail-event", school.id, admin.id, email);
    const { committed } = await event.waitFor((m) => "committed" in m, 90_000);
    event.process.kill("SIGKILL");
    await event.exited;

    const stalled = smtp.stallNext();
    const sender = child("mail-send", smtp.url);
    // The sender must reach the server's DATA; a report first means it did not (and says why).
    await Promise.race([stalled, sender.waitFor((m) => "report" in m).then((m) => Promise.reject(new Error(JSON.stringify(m))))]);
    sender.process.kill("SIGKILL");
    await sender.exited;
    await disconnectDb();
    const claimed = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: committed as string } });
    expect(claimed.status).toBe("SENDING");
    expect(arrivedFor(email)).toEqual([]);
    const claimedAt = claimed.claimedAt?.getTime() ?? 0;

    // Until the dead process's claim has run out, nobody sends it; then exactly one process does, once.
    expect(await restartAndSend(new Date(claimedAt + CLAIM_LEASE_MS - 1_000))).toMatchObject({ sent: 0 });
    expect(await restartAndSend(new Date(claimedAt + CLAIM_LEASE_MS + 1_000))).toMatchObject({ sent: 1 });
    expect(await restartAndSend(new Date(claimedAt + 2 * CLAIM_LEASE_MS))).toMatchObject({ sent: 0 });
    expect(arrivedFor(email)).toHaveLength(1);
  }, 180_000);
});
