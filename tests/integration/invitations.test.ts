/**
 * The invitation link's page (/invite/:token): accepting creates the account (or
 * adds the school to an existing one), once, and only while the link is good;
 * attempts share the sign-in budget of the sender's address.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createInvitation, revokeInvitation } from "../../app/domain/invitations/mutations.server";
import type { Role } from "../../app/domain/vocabulary";
import { action as inviteAction, loader as inviteLoader } from "../../app/routes/auth/invite";
import { prisma } from "../../app/utils/db.server";
import { loginBuckets } from "../../app/utils/rate-limit.server";
import { createSession } from "../../app/utils/session.server";
import { createSchoolWithCase, createUser, TEST_PASSWORD } from "../factories";
import { call } from "../utils/route";

/** The header server/index.ts stamps with the client's address (CLIENT_ADDRESS_HEADER). */
const CLIENT_ADDRESS_HEADER = "x-retake-desk-client";

let addresses = 0;
/** A fresh client address per call site, so one test's sign-in budget never spills into another's. */
const freshAddress = () => `198.51.100.${++addresses}-${Date.now()}`;

const goodForm = (name = "Grace Hopper") => ({ name, password: "a long passphrase", confirm: "a long passphrase" });

interface AcceptOptions {
  address?: string;
  /** The person signed in on this browser, with their real session id. */
  signedIn?: { userId: string; sessionId: string };
}

/** POSTs the invite form as the browser would, from a given client address, optionally while signed in. */
function accept(token: string, form: Record<string, string>, options: AcceptOptions = {}) {
  return call(inviteAction, {
    userId: options.signedIn?.userId ?? null,
    sessionId: options.signedIn?.sessionId,
    path: `/invite/${token}`,
    params: { token },
    form,
    headers: { [CLIENT_ADDRESS_HEADER]: options.address ?? freshAddress() },
  });
}

async function invitation(options: { role?: Role; email?: string; now?: Date } = {}) {
  const setup = await createSchoolWithCase();
  const email = options.email ?? `invitee-${Date.now()}-${Math.random().toString(36).slice(2)}@example.edu`;
  const created = await createInvitation(
    { schoolId: setup.school.id, email, name: "Grace Hopper", role: options.role ?? "TUTOR", invitedById: setup.admin.id },
    options.now,
  );
  if (!created.ok) throw new Error(created.reason);
  return { ...setup, email, invitationId: created.id, token: created.token };
}

const DAY = 24 * 60 * 60 * 1000;

afterEach(() => {
  vi.useRealTimers();
});

describe("accepting an invitation", () => {
  it("creates the account, signs it in, and logs invitation.accepted", async () => {
    const { token, email, school, invitationId } = await invitation();
    const page = await call(inviteLoader, { userId: null, path: `/invite/${token}`, params: { token } });
    expect(page.data.invitation).toMatchObject({ email, role: "TUTOR", school: school.name });
    const res = await accept(token, goodForm());
    expect(res.status).toBe(302);
    expect(res.location).toBe("/");
    expect(res.headers.get("Set-Cookie")).toMatch(/^rd_session=[a-z2-7]+\.[a-z2-7]+;/);
    const user = await prisma.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, name: true, passwordHash: true, memberships: { select: { schoolId: true, role: true } } },
    });
    expect(user.name).toBe("Grace Hopper");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.memberships).toEqual([{ schoolId: school.id, role: "TUTOR" }]);
    expect(await prisma.authSession.count({ where: { userId: user.id } })).toBe(1);
    const entries = await prisma.activityLog.findMany({ where: { entityId: invitationId, action: "invitation.accepted" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ schoolId: school.id, actorId: user.id, entity: "Invitation" });
    // The link works once.
    const again = await accept(token, goodForm());
    expect(again.status).toBe(410);
    expect(await prisma.activityLog.count({ where: { entityId: invitationId, action: "invitation.accepted" } })).toBe(1);
  });

  it("refuses a bad password with field errors, keeping the name but never the password", async () => {
    const { token, email } = await invitation();
    const short = await accept(token, { name: "Grace Hopper", password: "short", confirm: "short" });
    expect(short.status).toBe(400);
    expect(short.data.result.error?.password).toEqual(["Use at least 8 characters."]);
    expect(short.data.result.initialValue?.name).toBe("Grace Hopper");
    expect(short.data.result.initialValue?.password).toBeUndefined();
    expect(short.data.result.initialValue?.confirm).toBeUndefined();
    expect(JSON.stringify(short.data)).not.toContain('short"');
    const differ = await accept(token, { name: "Grace Hopper", password: "a long passphrase", confirm: "another passphrase" });
    expect(differ.status).toBe(400);
    expect(differ.data.result.error?.confirm).toEqual(["The two passwords differ."]);
    expect(differ.data.result.initialValue?.name).toBe("Grace Hopper");
    expect(JSON.stringify(differ.data)).not.toContain("passphrase");
    // Nothing was accepted: the link still works.
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    expect((await prisma.invitation.findFirstOrThrow({ where: { email } })).acceptedAt).toBeNull();
  });

  it("refuses an expired, a revoked and a made-up link (410) without creating anyone", async () => {
    const expired = await invitation({ now: new Date(Date.now() - 8 * DAY) });
    const revoked = await invitation();
    expect(await revokeInvitation(revoked.invitationId, [revoked.school.id], revoked.admin.id)).toBe(true);
    const usersBefore = await prisma.user.count();
    for (const token of [expired.token, revoked.token, "made-up-token-that-matches-nothing"]) {
      const res = await accept(token, goodForm());
      expect(res.status).toBe(410);
      expect(res.data.result.error?.[""]).toEqual([
        "This invitation link has expired or was already used. Ask your school's office for a new one.",
      ]);
      expect(res.data.result.initialValue?.name).toBe("Grace Hopper");
      expect(res.data.result.initialValue?.password).toBeUndefined();
      expect(res.headers.get("Set-Cookie")).toBeNull();
    }
    expect(await prisma.user.count()).toBe(usersBefore);
    expect(await prisma.user.count({ where: { email: { in: [expired.email, revoked.email] } } })).toBe(0);
    expect(
      await prisma.activityLog.count({
        where: { action: "invitation.accepted", entityId: { in: [expired.invitationId, revoked.invitationId] } },
      }),
    ).toBe(0);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: expired.invitationId } })).acceptedAt).toBeNull();
  });

  it("signs out whoever was signed in on this browser", async () => {
    const { token, email, school } = await invitation();
    const someoneElse = await createUser({ schoolId: school.id, role: "ADVISOR" });
    const old = await createSession(someoneElse.id);
    const other = await createSession(someoneElse.id);
    const res = await accept(token, goodForm(), { signedIn: { userId: someoneElse.id, sessionId: old.session.id } });
    expect(res.status).toBe(302);
    expect(await prisma.authSession.count({ where: { id: old.session.id } })).toBe(0);
    // Only this browser's session ends; the new account has its own.
    expect(await prisma.authSession.count({ where: { id: other.session.id } })).toBe(1);
    const invitee = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await prisma.authSession.count({ where: { userId: invitee.id } })).toBe(1);
  });

  it("keeps a signed-in session when the link is refused", async () => {
    const { school } = await createSchoolWithCase();
    const someone = await createUser({ schoolId: school.id, role: "TUTOR" });
    const { session } = await createSession(someone.id);
    const res = await accept("made-up-token", goodForm(), { signedIn: { userId: someone.id, sessionId: session.id } });
    expect(res.status).toBe(410);
    expect(await prisma.authSession.count({ where: { id: session.id } })).toBe(1);
  });

  it("throttles an address once its sign-in budget is spent (429), before touching the link", async () => {
    vi.useFakeTimers({ toFake: ["Date"] }); // the bucket refills with time: hold the clock still
    const address = freshAddress();
    const { token, invitationId, email } = await invitation();
    for (let i = 0; i < 20; i++) {
      expect((await accept("made-up-token", goodForm(), { address })).status).toBe(410);
    }
    const throttled = await accept(token, goodForm(), { address });
    expect(throttled.status).toBe(429);
    expect(throttled.data.result.error?.[""]).toEqual(["Too many attempts from this network. Wait a minute, then try again."]);
    expect(throttled.data.result.initialValue?.name).toBe("Grace Hopper");
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } })).acceptedAt).toBeNull();
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    // Another address still has its budget; a minute later this one has some again.
    expect((await accept("made-up-token", goodForm(), { address: freshAddress() })).status).toBe(410);
    vi.setSystemTime(Date.now() + 60_000);
    expect(loginBuckets.consume(address)).toBe(true);
  });

  it("an existing tutor invited as advisor: the role changes, their cases return to the queue, both logged", async () => {
    const { school, admin, tutor, caseId } = await createSchoolWithCase({ takenBy: "tutor" });
    const before = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
    const created = await createInvitation({
      schoolId: school.id,
      email: tutor.email,
      name: tutor.name,
      role: "ADVISOR",
      invitedById: admin.id,
    });
    if (!created.ok) throw new Error(created.reason);
    const res = await accept(created.token, { name: "Someone Else", password: TEST_PASSWORD, confirm: TEST_PASSWORD });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login");
    const membership = await prisma.membership.findFirstOrThrow({ where: { userId: tutor.id, schoolId: school.id } });
    expect(membership.role).toBe("ADVISOR");
    // The existing account keeps its name and password.
    expect((await prisma.user.findUniqueOrThrow({ where: { id: tutor.id } })).name).toBe(tutor.name);
    const row = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { tutorId: true, version: true } });
    expect(row).toEqual({ tutorId: null, version: before.version + 1 });
    expect(await prisma.caseAssignment.count({ where: { caseId, tutorId: tutor.id, endedAt: null } })).toBe(0);
    const released = await prisma.activityLog.findMany({ where: { caseId, action: "case.unassigned" } });
    expect(released).toHaveLength(1);
    expect(released[0]).toMatchObject({ entity: "RetakeCase", entityId: caseId });
    const changed = await prisma.activityLog.findFirstOrThrow({ where: { entityId: membership.id, action: "membership.role_changed" } });
    expect(changed).toMatchObject({ schoolId: school.id, actorId: admin.id, entity: "Membership" });
    expect(JSON.parse(changed.before ?? "null")).toEqual({ role: "TUTOR" });
    expect(JSON.parse(changed.after ?? "null")).toEqual({ role: "ADVISOR" });
    expect(await prisma.activityLog.count({ where: { entityId: created.id, action: "invitation.accepted" } })).toBe(1);
  });
});
