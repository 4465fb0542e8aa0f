/**
 * Invitations under the account model of ADR 0012: the link reaches the person
 * by mail only; accepting grants a membership at the inviting school and never
 * touches the credentials of an account that exists; an existing account's
 * owner accepts signed in as it. Both takeover paths of an admin of another
 * school end in a refusal with nothing changed.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { commitImport, previewImport } from "#app/domain/imports/import.server";
import {
  ACTIVATE_FIRST,
  ALREADY_MEMBER_MESSAGE,
  createInvitation,
  revokeInvitation,
  SIGN_IN_FIRST,
  UNUSABLE_INVITATION,
  WRONG_ACCOUNT,
} from "#app/domain/invitations/mutations.server";
import type { Role } from "#app/domain/vocabulary";
import { action as usersAction, loader as usersLoader } from "#app/routes/app/admin/users";
import { loader as caseloadLoader } from "#app/routes/app/cases/index";
import { action as forgotAction } from "#app/routes/auth/forgot-password";
import { action as inviteAction, loader as inviteLoader } from "#app/routes/auth/invite";
import { action as resetAction } from "#app/routes/auth/reset-password";
import { prisma } from "#app/utils/db.server";
import { loginBuckets } from "#app/utils/rate-limit.server";
import { createSession, validateSessionToken } from "#app/utils/session.server";
import { createSchool, createSchoolWithCase, createStudent, createUser, TEST_PASSWORD } from "../factories";
import { mailedToken, outboxTo } from "../utils/mail";
import { call } from "../utils/route";

/** The header server/index.ts stamps with the client's address (CLIENT_ADDRESS_HEADER). */
const CLIENT_ADDRESS_HEADER = "x-retake-desk-client";

let addresses = 0;
/** A fresh client address per call site, so one test's sign-in budget never spills into another's. */
const freshAddress = () => `198.51.100.${++addresses}-${Date.now()}`;

const NEW_PASSWORD = "a long passphrase of mine";
const goodForm = (name = "Grace Hopper") => ({ intent: "create", name, password: NEW_PASSWORD, confirm: NEW_PASSWORD });

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

function view(token: string, userId: string | null = null) {
  return call(inviteLoader, { userId, path: `/invite/${token}`, params: { token } });
}

const uniqueEmail = (prefix = "invitee") => `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.edu`;

/** An invitation created by the school's admin; its token is read from the mail it wrote, as the invitee would. */
async function invitation(options: { role?: Role; email?: string; now?: Date } = {}) {
  const setup = await createSchoolWithCase();
  const email = options.email ?? uniqueEmail();
  const created = await createInvitation(
    { schoolId: setup.school.id, email, name: "Grace Hopper", role: options.role ?? "TUTOR", invitedById: setup.admin.id },
    options.now,
  );
  if (!created.ok) throw new Error(created.message);
  return { ...setup, email, invitationId: created.id, token: await mailedToken(email, "INVITATION", "/invite") };
}

/** Everything about an account that acceptance must leave alone. */
async function accountState(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, passwordHash: true, status: true, passwordChangedAt: true },
  });
  const memberships = await prisma.membership.findMany({
    where: { userId },
    select: { schoolId: true, role: true },
    orderBy: { schoolId: "asc" },
  });
  const sessions = await prisma.authSession.findMany({ where: { userId }, select: { id: true }, orderBy: { id: "asc" } });
  return { user, memberships, sessions };
}

const DAY = 24 * 60 * 60 * 1000;

afterEach(() => {
  vi.useRealTimers();
});

describe("creating an invitation", () => {
  it("mails the link to the invited address only: the admin's answer and page carry no link", async () => {
    const { admin, school } = await createSchoolWithCase();
    const email = uniqueEmail("mailed");
    const created = await call(usersAction, {
      userId: admin.id,
      path: "/admin/users",
      form: { intent: "invite", name: "Mailed Person", email, role: "TUTOR", schoolId: school.id },
    });
    expect(created.status).toBe(200);
    const token = await mailedToken(email, "INVITATION", "/invite");
    const [mail] = await outboxTo(email, "INVITATION");
    expect(mail).toMatchObject({
      toAddress: email,
      schoolId: school.id,
      status: "PENDING",
      subject: `Invitation to ${school.name} on Retake Desk`,
    });
    expect(mail.html).toContain(`/invite/${token}`);
    const page = await call(usersLoader, { userId: admin.id, path: "/admin/users" });
    for (const answer of [created, page]) {
      const json = JSON.stringify(answer.data);
      expect(json).not.toContain(token);
      expect(json).not.toContain("/invite/");
    }
    expect(page.data.invitations.find((i: { email: string }) => i.email === email)).toMatchObject({ state: "PENDING", delivery: "QUEUED" });
    // Only the hash is stored.
    const row = await prisma.invitation.findFirstOrThrow({ where: { email } });
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("refuses to invite a member of the school (their role is changed on the Users page instead)", async () => {
    const { admin, school, tutor } = await createSchoolWithCase();
    const refused = await createInvitation({
      schoolId: school.id,
      email: tutor.email,
      name: tutor.name,
      role: "ADVISOR",
      invitedById: admin.id,
    });
    expect(refused).toEqual({ ok: false, code: "INVALID", message: ALREADY_MEMBER_MESSAGE, field: "email" });
    expect(await prisma.invitation.count({ where: { email: tutor.email } })).toBe(0);
    expect(await outboxTo(tutor.email)).toEqual([]);
  });
});

describe("accepting an invitation for a new account", () => {
  it("creates the account, signs it in, and logs invitation.accepted; the link works once", async () => {
    const { token, email, school, invitationId } = await invitation();
    const page = await view(token);
    expect(page.data.view).toMatchObject({ step: "create", invitation: { email, role: "TUTOR", school: school.name } });
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
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } })).toMatchObject({ acceptedById: user.id });
    // Reusing the link: refused, nothing more happens.
    const again = await accept(token, goodForm("Someone Else"));
    expect(again.status).toBe(410);
    expect(again.data.result.error[""]).toEqual([UNUSABLE_INVITATION]);
    expect(await prisma.activityLog.count({ where: { entityId: invitationId, action: "invitation.accepted" } })).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Grace Hopper");
    expect((await view(token)).data.view).toEqual({ step: "unusable" });
  });

  it("refuses a bad password with field errors, keeping the name but never the password", async () => {
    const { token, email } = await invitation();
    const short = await accept(token, { intent: "create", name: "Grace Hopper", password: "short one", confirm: "short one" });
    expect(short.status).toBe(400);
    expect(short.data.result.error?.password).toEqual(["Use at least 15 characters."]);
    expect(short.data.result.initialValue?.name).toBe("Grace Hopper");
    expect(short.data.result.initialValue?.password).toBeUndefined();
    expect(short.data.result.initialValue?.confirm).toBeUndefined();
    const differ = await accept(token, {
      intent: "create",
      name: "Grace Hopper",
      password: NEW_PASSWORD,
      confirm: "another passphrase here",
    });
    expect(differ.status).toBe(400);
    expect(differ.data.result.error?.confirm).toEqual(["The two passwords differ."]);
    expect(JSON.stringify(differ.data)).not.toContain("passphrase");
    // A common password, long enough, is refused by the server's list.
    const common = await accept(token, {
      intent: "create",
      name: "Grace Hopper",
      password: "passwordpassword123",
      confirm: "passwordpassword123",
    });
    expect(common.status).toBe(400);
    expect(common.data.result.error?.password?.[0]).toMatch(/too common/);
    // Nothing was accepted: the link still works.
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    expect((await prisma.invitation.findFirstOrThrow({ where: { email } })).acceptedAt).toBeNull();
  });

  it("refuses an expired, a revoked and a made-up link (410) without creating anyone", async () => {
    const expired = await invitation({ now: new Date(Date.now() - 8 * DAY) });
    const revoked = await invitation();
    expect(await revokeInvitation(revoked.invitationId, [revoked.school.id], revoked.admin.id)).toMatchObject({ ok: true });
    const usersBefore = await prisma.user.count();
    for (const token of [expired.token, revoked.token, "madeuptokenthatmatchesnothing", "not-even/a-token"]) {
      const res = await accept(token, goodForm());
      expect(res.status).toBe(410);
      expect(res.data.result.error?.[""]).toEqual([UNUSABLE_INVITATION]);
      expect(res.data.result.initialValue?.name).toBe("Grace Hopper");
      expect(res.data.result.initialValue?.password).toBeUndefined();
      expect(res.headers.get("Set-Cookie")).toBeNull();
      expect((await view(token)).data.view).toEqual({ step: "unusable" });
    }
    expect(await prisma.user.count()).toBe(usersBefore);
    expect(await prisma.user.count({ where: { email: { in: [expired.email, revoked.email] } } })).toBe(0);
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
    expect(await prisma.authSession.count({ where: { id: other.session.id } })).toBe(1);
    const invitee = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await prisma.authSession.count({ where: { userId: invitee.id } })).toBe(1);
  });

  it("keeps a signed-in session when the link is refused", async () => {
    const { school } = await createSchoolWithCase();
    const someone = await createUser({ schoolId: school.id, role: "TUTOR" });
    const { session } = await createSession(someone.id);
    const res = await accept("madeuptoken", goodForm(), { signedIn: { userId: someone.id, sessionId: session.id } });
    expect(res.status).toBe(410);
    expect(await prisma.authSession.count({ where: { id: session.id } })).toBe(1);
  });

  it("throttles an address once its sign-in budget is spent (429), before touching the link", async () => {
    vi.useFakeTimers({ toFake: ["Date"] }); // the bucket refills with time: hold the clock still
    const address = freshAddress();
    const { token, invitationId, email } = await invitation();
    for (let i = 0; i < 20; i++) {
      expect((await accept("madeuptoken", goodForm(), { address })).status).toBe(410);
    }
    const throttled = await accept(token, goodForm(), { address });
    expect(throttled.status).toBe(429);
    expect(throttled.data.result.error?.[""]).toEqual(["Too many attempts from this network. Wait a minute, then try again."]);
    expect(throttled.data.result.initialValue?.name).toBe("Grace Hopper");
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } })).acceptedAt).toBeNull();
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    expect((await accept("madeuptoken", goodForm(), { address: freshAddress() })).status).toBe(410);
    vi.setSystemTime(Date.now() + 60_000);
    expect(await loginBuckets.consume(address)).toBe(true);
  });

  it("binds the link to its school, role and address: forged fields change nothing, other links are refused", async () => {
    const { token, email, school, invitationId } = await invitation({ role: "STUDENT" });
    const other = await createSchool();
    const forged = await accept(token, {
      ...goodForm(),
      schoolId: other.id,
      role: "ADMIN",
      email: "someone.else@example.edu",
      userId: "x",
    });
    expect(forged.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, memberships: { select: { schoolId: true, role: true } }, studentProfiles: { select: { schoolId: true } } },
    });
    expect(user.memberships).toEqual([{ schoolId: school.id, role: "STUDENT" }]);
    expect(user.studentProfiles).toEqual([{ schoolId: school.id }]);
    expect(await prisma.user.count({ where: { email: "someone.else@example.edu" } })).toBe(0);
    expect(await prisma.membership.count({ where: { schoolId: other.id } })).toBe(0);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } })).acceptedById).toBe(user.id);
    // A reset link of another address is no invitation: refused at /invite.
    const resetFor = await createUser({ schoolId: other.id, role: "TUTOR" });
    await call(forgotAction, {
      userId: null,
      path: "/forgot-password",
      form: { email: resetFor.email },
      headers: { [CLIENT_ADDRESS_HEADER]: freshAddress() },
    });
    const resetToken = await mailedToken(resetFor.email, "PASSWORD_RESET", "/reset-password");
    const wrongKind = await accept(resetToken, goodForm());
    expect(wrongKind.status).toBe(410);
    expect((await view(resetToken)).data.view).toEqual({ step: "unusable" });
    // …and an invitation link is no reset link.
    const second = await invitation();
    const asReset = await call(resetAction, {
      userId: null,
      path: `/reset-password/${second.token}`,
      params: { token: second.token },
      form: { password: NEW_PASSWORD, confirm: NEW_PASSWORD },
      headers: { [CLIENT_ADDRESS_HEADER]: freshAddress() },
    });
    expect(asReset.status).toBe(410);
    expect(await prisma.user.count({ where: { email: second.email } })).toBe(0);
  });
});

describe("accepting an invitation for an address that has an account", () => {
  async function invitedExistingAccount() {
    const home = await createSchoolWithCase();
    const person = await createUser({ schoolId: home.school.id, role: "TUTOR" });
    const inviting = await createSchoolWithCase();
    const created = await createInvitation({
      schoolId: inviting.school.id,
      email: person.email,
      name: "Whoever The Admin Typed",
      role: "ADVISOR",
      invitedById: inviting.admin.id,
    });
    if (!created.ok) throw new Error(created.message);
    return { home, person, inviting, invitationId: created.id, token: await mailedToken(person.email, "INVITATION", "/invite") };
  }

  it("without signing in as it: refused with nothing changed — no password, name, membership or session", async () => {
    const { person, inviting, invitationId, token } = await invitedExistingAccount();
    expect((await view(token)).data.view).toMatchObject({ step: "sign-in" });
    const before = await accountState(person.id);
    const res = await accept(token, { ...goodForm("Someone Else") });
    expect(res.status).toBe(409);
    expect(res.data.result.error[""]).toEqual([SIGN_IN_FIRST]);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(await accountState(person.id)).toEqual(before);
    expect(await prisma.membership.count({ where: { userId: person.id, schoolId: inviting.school.id } })).toBe(0);
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } })).toMatchObject({
      acceptedAt: null,
      acceptedById: null,
    });
    // The old password still signs in; the one typed on the invitation page does not.
    const { verifyPassword } = await import("#app/utils/password.server");
    expect(await verifyPassword(before.user.passwordHash as string, TEST_PASSWORD)).toBe(true);
    expect(await verifyPassword(before.user.passwordHash as string, NEW_PASSWORD)).toBe(false);
    // "Join" without a session goes to the sign-in page and back.
    const join = await accept(token, { intent: "join" });
    expect(join.status).toBe(302);
    expect(join.location).toBe(`/login?redirectTo=${encodeURIComponent(`/invite/${token}`)}`);
    expect(await accountState(person.id)).toEqual(before);
  });

  it("signed in as it: joins the inviting school; the account's name, password and sessions stay", async () => {
    const { person, home, inviting, invitationId, token } = await invitedExistingAccount();
    const { session } = await createSession(person.id);
    expect((await view(token, person.id)).data.view).toMatchObject({ step: "join", invitation: { school: inviting.school.name } });
    const before = await accountState(person.id);
    const res = await accept(
      token,
      { intent: "join", password: "ignored on this path" },
      { signedIn: { userId: person.id, sessionId: session.id } },
    );
    expect(res.status).toBe(302);
    expect(res.location).toBe("/");
    const after = await accountState(person.id);
    expect(after.user).toEqual(before.user);
    expect(after.sessions).toEqual(before.sessions);
    expect(after.memberships).toHaveLength(2);
    expect(after.memberships).toContainEqual({ schoolId: home.school.id, role: "TUTOR" });
    expect(after.memberships).toContainEqual({ schoolId: inviting.school.id, role: "ADVISOR" });
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } })).toMatchObject({ acceptedById: person.id });
    const entry = await prisma.activityLog.findFirstOrThrow({ where: { entityId: invitationId, action: "invitation.accepted" } });
    expect(entry).toMatchObject({ schoolId: inviting.school.id, actorId: person.id });
    // Reusing the link: refused.
    const again = await accept(token, { intent: "join" }, { signedIn: { userId: person.id, sessionId: session.id } });
    expect(again).toMatchObject({ thrown: true, status: 410 });
  });

  it("signed in as another account: refused with nothing changed (the link is bound to its address)", async () => {
    const { person, inviting, invitationId, token } = await invitedExistingAccount();
    const intruder = await createUser({ schoolId: inviting.school.id, role: "ADMIN" });
    const { session } = await createSession(intruder.id);
    expect((await view(token, intruder.id)).data.view).toMatchObject({ step: "wrong-account" });
    const beforePerson = await accountState(person.id);
    const beforeIntruder = await accountState(intruder.id);
    const res = await accept(token, { intent: "join" }, { signedIn: { userId: intruder.id, sessionId: session.id } });
    expect(res).toMatchObject({ thrown: true, status: 403 });
    expect(res.data.message).toBe(WRONG_ACCOUNT);
    expect(await accountState(person.id)).toEqual(beforePerson);
    expect(await accountState(intruder.id)).toEqual(beforeIntruder);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } })).acceptedAt).toBeNull();
    // The intruder creating "a new account" from it is refused too: the address has one.
    const create = await accept(token, goodForm(), { signedIn: { userId: intruder.id, sessionId: session.id } });
    expect(create.status).toBe(409);
    expect(await accountState(person.id)).toEqual(beforePerson);
    expect(await prisma.authSession.count({ where: { id: session.id } })).toBe(1);
  });

  it("a member who was invited before joining keeps one membership, with the invited role", async () => {
    const { school, admin } = await createSchoolWithCase();
    const email = uniqueEmail("later-member");
    const created = await createInvitation({ schoolId: school.id, email, name: "Later", role: "ADVISOR", invitedById: admin.id });
    if (!created.ok) throw new Error(created.message);
    const token = await mailedToken(email, "INVITATION", "/invite");
    // Meanwhile the person joined as a tutor through another path.
    const user = await prisma.user.create({
      data: { email, name: "Later", passwordHash: (await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).passwordHash },
      select: { id: true },
    });
    await prisma.membership.create({ data: { userId: user.id, schoolId: school.id, role: "TUTOR" } });
    const { session } = await createSession(user.id);
    const res = await accept(token, { intent: "join" }, { signedIn: { userId: user.id, sessionId: session.id } });
    expect(res.status).toBe(302);
    expect(await prisma.membership.findMany({ where: { userId: user.id }, select: { schoolId: true, role: true } })).toEqual([
      { schoolId: school.id, role: "ADVISOR" },
    ]);
  });
});

describe("the takeover paths of an admin of another school", () => {
  it("a pending invitation of another school: the inviting admin never holds the link, and no link grants the other school's role", async () => {
    const schoolB = await createSchoolWithCase();
    const schoolA = await createSchoolWithCase();
    const victim = uniqueEmail("new.advisor");
    const inviteB = await call(usersAction, {
      userId: schoolB.admin.id,
      path: "/admin/users",
      form: { intent: "invite", name: "New Advisor", email: victim, role: "ADVISOR", schoolId: schoolB.school.id },
    });
    expect(inviteB.status).toBe(200);
    // A's admin invites the same address to A and looks for a link to copy: there is none.
    const inviteA = await call(usersAction, {
      userId: schoolA.admin.id,
      path: "/admin/users",
      form: { intent: "invite", name: "Anyone", email: victim, role: "TUTOR", schoolId: schoolA.school.id },
    });
    expect(inviteA.status).toBe(200);
    const pageA = await call(usersLoader, { userId: schoolA.admin.id, path: "/admin/users" });
    const mails = await outboxTo(victim, "INVITATION");
    expect(mails).toHaveLength(2);
    const tokens = mails.map((m) => /\/invite\/([a-z2-7]+)/.exec(m.text)?.[1] as string);
    for (const answer of [inviteA, pageA]) {
      const json = JSON.stringify(answer.data);
      for (const token of tokens) expect(json).not.toContain(token);
      expect(json).not.toContain("/invite/");
    }
    // What the admin does hold — the invitation's id, guesses — is refused, and nothing changes.
    const invitationA = await prisma.invitation.findFirstOrThrow({ where: { email: victim, schoolId: schoolA.school.id } });
    for (const guess of [invitationA.id, invitationA.tokenHash, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]) {
      const res = await accept(guess, goodForm("Attacker"));
      expect(res.status).toBe(410);
    }
    expect(await prisma.user.count({ where: { email: victim } })).toBe(0);
    expect(await prisma.invitation.count({ where: { email: victim, acceptedAt: null } })).toBe(2);

    // Even someone holding A's mailed link gets A's membership only — never B's advisor role.
    const tokenA = tokens[mails.findIndex((m) => m.schoolId === schoolA.school.id)];
    const tokenB = tokens[mails.findIndex((m) => m.schoolId === schoolB.school.id)];
    const taken = await accept(tokenA, { ...goodForm("Attacker"), password: "attacker chosen phrase", confirm: "attacker chosen phrase" });
    expect(taken.status).toBe(302);
    const account = await prisma.user.findUniqueOrThrow({ where: { email: victim }, select: { id: true } });
    expect(await prisma.membership.findMany({ where: { userId: account.id }, select: { schoolId: true, role: true } })).toEqual([
      { schoolId: schoolA.school.id, role: "TUTOR" },
    ]);
    const attackerSession = await createSession(account.id);
    // Their caseload is A's (as A's tutor); B's students are not in it.
    const caseload = await call(caseloadLoader, { userId: account.id, path: "/cases" });
    expect(caseload.status).toBe(200);
    expect(JSON.stringify(caseload.data)).not.toContain(schoolB.caseId);
    expect(JSON.stringify(caseload.data)).not.toContain(schoolB.student.name);
    // B's link now needs the account's owner signed in: the attacker's "new account" is refused, nothing changes.
    const before = await accountState(account.id);
    const viaB = await accept(tokenB, goodForm("Attacker"));
    expect(viaB.status).toBe(409);
    expect(await accountState(account.id)).toEqual(before);
    expect((await prisma.invitation.findFirstOrThrow({ where: { email: victim, schoolId: schoolB.school.id } })).acceptedAt).toBeNull();

    // The real owner of the address recovers it by mail: the reset ends the attacker's sessions; then they accept B's link.
    await call(forgotAction, {
      userId: null,
      path: "/forgot-password",
      form: { email: victim },
      headers: { [CLIENT_ADDRESS_HEADER]: freshAddress() },
    });
    const resetToken = await mailedToken(victim, "PASSWORD_RESET", "/reset-password");
    const reset = await call(resetAction, {
      userId: null,
      path: `/reset-password/${resetToken}`,
      params: { token: resetToken },
      form: { password: "the owner's own phrase", confirm: "the owner's own phrase" },
      headers: { [CLIENT_ADDRESS_HEADER]: freshAddress() },
    });
    expect(reset.status).toBe(302);
    expect(await validateSessionToken(attackerSession.token)).toBeNull();
    const owner = await createSession(account.id);
    const joined = await accept(tokenB, { intent: "join" }, { signedIn: { userId: account.id, sessionId: owner.session.id } });
    expect(joined.status).toBe(302);
    expect(await prisma.membership.findFirst({ where: { userId: account.id, schoolId: schoolB.school.id } })).toMatchObject({
      role: "ADVISOR",
    });
  });

  it("a pending invitation of another school, accepted first by its invitee: the other school's link changes nothing", async () => {
    const schoolB = await createSchoolWithCase();
    const schoolA = await createSchoolWithCase();
    const victim = uniqueEmail("accepted");
    await createInvitation({ schoolId: schoolB.school.id, email: victim, name: "Victim", role: "ADVISOR", invitedById: schoolB.admin.id });
    const tokenB = await mailedToken(victim, "INVITATION", "/invite");
    expect((await accept(tokenB, goodForm("Victim"))).status).toBe(302);
    const account = await prisma.user.findUniqueOrThrow({ where: { email: victim }, select: { id: true } });
    await createInvitation({ schoolId: schoolA.school.id, email: victim, name: "Anyone", role: "ADMIN", invitedById: schoolA.admin.id });
    const tokenA = await mailedToken(victim, "INVITATION", "/invite");
    const before = await accountState(account.id);
    const res = await accept(tokenA, { ...goodForm("Attacker"), password: "attacker chosen phrase", confirm: "attacker chosen phrase" });
    expect(res.status).toBe(409);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(await accountState(account.id)).toEqual(before);
  });

  it("an imported student who never activated: another school's invitation neither sets a password nor signs anyone in", async () => {
    const schoolB = await createSchoolWithCase();
    const schoolA = await createSchoolWithCase();
    const victim = uniqueEmail("imported");
    const preview = await previewImport({
      schoolId: schoolB.school.id,
      kind: "STUDENTS",
      fileName: "students.csv",
      content: `student_id,email,name\nB-1,${victim},Imported Student`,
      actorId: schoolB.advisor.id,
    });
    if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
    expect(await commitImport({ batchId: preview.batchId, schoolIds: [schoolB.school.id], actorId: schoolB.advisor.id })).toMatchObject({
      ok: true,
    });
    const account = await prisma.user.findUniqueOrThrow({ where: { email: victim }, select: { id: true, passwordHash: true } });
    expect(account.passwordHash).toBeNull();
    // B's import mailed the student their own activation link, to their address.
    expect(await outboxTo(victim, "ACTIVATION")).toHaveLength(1);

    const inviteA = await call(usersAction, {
      userId: schoolA.admin.id,
      path: "/admin/users",
      form: { intent: "invite", name: "Imported Student", email: victim, role: "STUDENT", schoolId: schoolA.school.id },
    });
    expect(inviteA.status).toBe(200);
    const tokenA = await mailedToken(victim, "INVITATION", "/invite");
    expect(JSON.stringify(inviteA.data)).not.toContain(tokenA);
    expect((await view(tokenA)).data.view).toMatchObject({ step: "activate-first" });
    const before = await accountState(account.id);
    const res = await accept(tokenA, { ...goodForm("Attacker"), password: "attacker chosen phrase", confirm: "attacker chosen phrase" });
    expect(res.status).toBe(409);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(await accountState(account.id)).toEqual(before);
    expect(before.user.passwordHash).toBeNull();
    expect(before.sessions).toEqual([]);
    expect(before.memberships).toEqual([{ schoolId: schoolB.school.id, role: "STUDENT" }]);
    // Joining needs a session of the account, which nobody can have before the owner activates it.
    const join = await accept(tokenA, { intent: "join" });
    expect(join.status).toBe(302);
    expect(join.location).toMatch(/^\/login\?redirectTo=/);
    expect(await accountState(account.id)).toEqual(before);
    expect(await prisma.invitation.count({ where: { email: victim, schoolId: schoolA.school.id, acceptedAt: null } })).toBe(1);
  });

  it("the join step is refused for an account without a password even with a session (defence in depth)", async () => {
    const { school } = await createSchoolWithCase();
    const student = await createStudent(school.id);
    await prisma.user.update({ where: { id: student.id }, data: { passwordHash: null } });
    const other = await createSchoolWithCase();
    await createInvitation({ schoolId: other.school.id, email: student.email, name: "S", role: "STUDENT", invitedById: other.admin.id });
    const token = await mailedToken(student.email, "INVITATION", "/invite");
    const { session } = await createSession(student.id);
    const res = await accept(token, { intent: "join" }, { signedIn: { userId: student.id, sessionId: session.id } });
    expect(res).toMatchObject({ thrown: true, status: 409 });
    expect(res.data.message).toBe(ACTIVATE_FIRST);
    expect(await prisma.membership.count({ where: { userId: student.id, schoolId: other.school.id } })).toBe(0);
  });
});
