/**
 * Passwords (ADR 0012): "Forgot your password?" answers the same whatever the
 * address and is throttled; a reset link works once, for an hour, and ends
 * every session; activation links work only for the account and school they
 * were sent for; "My account" changes the password with the current one.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { findUsableToken, setPasswordWithToken } from "#app/domain/accounts/mutations.server";
import { commitImport, previewImport } from "#app/domain/imports/import.server";
import { action as accountAction, loader as accountLoader } from "#app/routes/app/account";
import { action as usersAction } from "#app/routes/app/admin/users";
import { action as activateAction, loader as activateLoader } from "#app/routes/auth/activate";
import { action as forgotAction } from "#app/routes/auth/forgot-password";
import { action as loginAction } from "#app/routes/auth/login";
import { action as resetAction, loader as resetLoader } from "#app/routes/auth/reset-password";
import { prisma } from "#app/utils/db.server";
import { verifyPassword } from "#app/utils/password.server";
import { createSession, validateSessionToken } from "#app/utils/session.server";
import { createSchool, createSchoolWithCase, createUser, TEST_PASSWORD } from "../factories";
import { mailedToken, outboxTo } from "../utils/mail";
import { call } from "../utils/route";

const CLIENT_ADDRESS_HEADER = "x-retake-desk-client";
let addresses = 0;
const freshAddress = () => `203.0.113.${++addresses}-${Date.now()}`;
const NEW_PASSWORD = "tangerine lantern orbit";

function forgot(email: string, address = freshAddress()) {
  return call(forgotAction, { userId: null, path: "/forgot-password", form: { email }, headers: { [CLIENT_ADDRESS_HEADER]: address } });
}

function reset(token: string, password = NEW_PASSWORD, confirm = password) {
  return call(resetAction, {
    userId: null,
    path: `/reset-password/${token}`,
    params: { token },
    form: { password, confirm },
    headers: { [CLIENT_ADDRESS_HEADER]: freshAddress() },
  });
}

function activate(token: string, password = NEW_PASSWORD) {
  return call(activateAction, {
    userId: null,
    path: `/activate/${token}`,
    params: { token },
    form: { password, confirm: password },
    headers: { [CLIENT_ADDRESS_HEADER]: freshAddress() },
  });
}

function login(email: string, password: string) {
  return call(loginAction, { userId: null, path: "/login", form: { email, password } });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("forgot your password", () => {
  it("answers the same whether the address has an account, has none, or is deactivated; mails only the active account", async () => {
    const { school } = await createSchoolWithCase();
    const known = await createUser({ schoolId: school.id, role: "TUTOR" });
    const deactivated = await createUser({ schoolId: school.id, role: "TUTOR" });
    await prisma.user.update({ where: { id: deactivated.id }, data: { status: "DEACTIVATED" } });
    const unknown = `nobody-${Date.now()}@example.edu`;
    const answers = [];
    for (const email of [known.email, unknown, deactivated.email]) {
      const res = await forgot(email);
      expect(res.status).toBe(200);
      expect(res.headers.get("Set-Cookie")).toBeNull();
      answers.push({ ...res.data, sentTo: res.data.sentTo === email ? "<the address typed>" : res.data.sentTo });
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await outboxTo(known.email, "PASSWORD_RESET")).toHaveLength(1);
    expect(await outboxTo(unknown)).toEqual([]);
    expect(await outboxTo(deactivated.email)).toEqual([]);
    // The link expires in an hour and only its hash is stored.
    const token = await mailedToken(known.email, "PASSWORD_RESET", "/reset-password");
    const row = await prisma.accountToken.findFirstOrThrow({ where: { userId: known.id, purpose: "RESET" } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(60 * 60 * 1000);
    expect(row.email).toBe(known.email);
  });

  it("throttles per address (e-mail) silently and per client address with a 429 that says nothing about the account", async () => {
    const { school } = await createSchoolWithCase();
    const user = await createUser({ schoolId: school.id, role: "STUDENT" });
    for (let i = 0; i < 5; i++) expect((await forgot(user.email)).status).toBe(200);
    // Three mails in a quarter of an hour, however often it is asked.
    expect(await outboxTo(user.email, "PASSWORD_RESET")).toHaveLength(3);
    const client = freshAddress();
    for (let i = 0; i < 10; i++) expect((await forgot(`someone-${i}-${Date.now()}@example.edu`, client)).status).toBe(200);
    const throttledKnown = await forgot(user.email, client);
    const throttledUnknown = await forgot(`none-${Date.now()}@example.edu`, client);
    expect(throttledKnown.status).toBe(429);
    expect(throttledUnknown.status).toBe(429);
    expect(throttledKnown.data.result.error).toEqual(throttledUnknown.data.result.error);
  });
});

describe("resetting a password from the link", () => {
  it("sets the password, ends every session, mails a notice, and works once", async () => {
    const { school } = await createSchoolWithCase();
    const user = await createUser({ schoolId: school.id, role: "TUTOR" });
    const first = await createSession(user.id);
    const second = await createSession(user.id);
    await forgot(user.email);
    const token = await mailedToken(user.email, "PASSWORD_RESET", "/reset-password");
    expect((await call(resetLoader, { userId: null, path: `/reset-password/${token}`, params: { token } })).data.account).toEqual({
      email: user.email,
      name: user.name,
    });
    const res = await reset(token);
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login");
    expect(res.headers.get("Set-Cookie")).toMatch(/rd_session=; /);
    // The old sessions are refused.
    expect(await prisma.authSession.count({ where: { userId: user.id } })).toBe(0);
    expect(await validateSessionToken(first.token)).toBeNull();
    expect(await validateSessionToken(second.token)).toBeNull();
    // The new password signs in, the old one no longer does.
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(400);
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(302);
    const [notice] = await outboxTo(user.email, "PASSWORD_CHANGED");
    expect(notice.subject).toBe("Your Retake Desk password was changed");
    expect(await prisma.activityLog.count({ where: { entityId: user.id, action: "user.password_reset", schoolId: school.id } })).toBe(1);
    // Reused: refused, and the password stays the new one.
    const again = await reset(token, "yet another long phrase");
    expect(again.status).toBe(410);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash as string, NEW_PASSWORD)).toBe(true);
  });

  it("refuses an expired link, a replaced link, and a link whose address is no longer the account's", async () => {
    const { school } = await createSchoolWithCase();
    const user = await createUser({ schoolId: school.id, role: "STUDENT" });
    const before = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    await forgot(user.email);
    const older = await mailedToken(user.email, "PASSWORD_RESET", "/reset-password");
    await forgot(user.email);
    const newer = await mailedToken(user.email, "PASSWORD_RESET", "/reset-password");
    expect(newer).not.toBe(older);
    expect((await reset(older)).status).toBe(410);
    // An hour and a minute later the newer one has expired too.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61 * 60 * 1000);
    expect((await reset(newer)).status).toBe(410);
    vi.useRealTimers();
    // A fresh link, then the address changes: the link was for the old address.
    await forgot(user.email);
    const third = await mailedToken(user.email, "PASSWORD_RESET", "/reset-password");
    await prisma.user.update({ where: { id: user.id }, data: { email: `moved-${user.email}` } });
    expect((await reset(third)).status).toBe(410);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before);
  });

  it("refuses a common password with a field error and keeps the link usable", async () => {
    const { school } = await createSchoolWithCase();
    const user = await createUser({ schoolId: school.id, role: "TUTOR" });
    await forgot(user.email);
    const token = await mailedToken(user.email, "PASSWORD_RESET", "/reset-password");
    const common = await reset(token, "iloveyouiloveyou");
    expect(common.status).toBe(400);
    expect(common.data.result.error.password[0]).toMatch(/too common/);
    const mine = await reset(token, `${user.email.split("@")[0]} is my password`);
    expect(mine.status).toBe(400);
    expect(mine.data.result.error.password[0]).toMatch(/email address/);
    expect(await findUsableToken("RESET", token)).not.toBeNull();
    expect((await reset(token)).status).toBe(302);
  });
});

describe("activation links", () => {
  async function importedStudent() {
    const { school, advisor, admin } = await createSchoolWithCase();
    const email = `activate-${Date.now()}-${Math.random().toString(36).slice(2)}@example.edu`;
    const preview = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "s.csv",
      content: `student_id,email,name\nA-1,${email},Avery Stone`,
      actorId: advisor.id,
    });
    if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
    expect(await commitImport({ batchId: preview.batchId, schoolIds: [school.id], actorId: advisor.id })).toMatchObject({ ok: true });
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    return { school, advisor, admin, email, userId: user.id, token: await mailedToken(email, "ACTIVATION", "/activate") };
  }

  it("an imported student activates from their mail and is signed in; the link works once", async () => {
    const { email, userId, token, school } = await importedStudent();
    const [mail] = await outboxTo(email, "ACTIVATION");
    expect(mail).toMatchObject({ schoolId: school.id, userId, subject: `Activate your Retake Desk account for ${school.name}` });
    expect((await call(activateLoader, { userId: null, path: `/activate/${token}`, params: { token } })).data.account).toMatchObject({
      email,
    });
    const res = await activate(token);
    expect(res.status).toBe(302);
    expect(res.location).toBe("/");
    expect(res.headers.get("Set-Cookie")).toMatch(/rd_session=[a-z2-7]+\.[a-z2-7]+;/);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(await verifyPassword(user.passwordHash as string, NEW_PASSWORD)).toBe(true);
    expect(await prisma.activityLog.count({ where: { entityId: userId, action: "user.activated" } })).toBe(1);
    // No "password changed" notice for a first password.
    expect(await outboxTo(email, "PASSWORD_CHANGED")).toEqual([]);
    expect((await activate(token, "a different long phrase")).status).toBe(410);
  });

  it("is bound to its school and its kind: refused once the membership is gone, and at the reset page", async () => {
    const { userId, token, school } = await importedStudent();
    expect((await reset(token)).status).toBe(410);
    await prisma.studentProfile.deleteMany({ where: { userId, schoolId: school.id } });
    await prisma.membership.deleteMany({ where: { userId, schoolId: school.id } });
    expect((await activate(token)).status).toBe(410);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash).toBeNull();
  });

  it("an admin resends it (the old link stops working); another school's admin cannot", async () => {
    const { admin, userId, token, email, school } = await importedStudent();
    const other = await createSchoolWithCase();
    const foreign = await call(usersAction, { userId: other.admin.id, path: "/admin/users", form: { intent: "activation", userId } });
    expect(foreign).toMatchObject({ thrown: true, status: 409 });
    expect(await outboxTo(email, "ACTIVATION")).toHaveLength(1);
    const resent = await call(usersAction, { userId: admin.id, path: "/admin/users", form: { intent: "activation", userId } });
    expect(resent.status).toBe(200);
    expect(JSON.stringify(resent.data)).not.toContain("/activate/");
    const newer = await mailedToken(email, "ACTIVATION", "/activate");
    expect(newer).not.toBe(token);
    expect((await activate(token)).status).toBe(410);
    expect(await prisma.activityLog.count({ where: { entityId: userId, action: "user.activation_sent", schoolId: school.id } })).toBe(1);
    expect((await activate(newer)).status).toBe(302);
    // Once active there is nothing to resend.
    expect(await call(usersAction, { userId: admin.id, path: "/admin/users", form: { intent: "activation", userId } })).toMatchObject({
      thrown: true,
      status: 409,
    });
  });

  it("a reset link activates an account that never chose a password", async () => {
    const { email, userId } = await importedStudent();
    await forgot(email);
    const token = await mailedToken(email, "PASSWORD_RESET", "/reset-password");
    expect((await reset(token)).status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash).toMatch(/^\$argon2id\$/);
    // The activation link sent earlier no longer works.
    const activation = await mailedToken(email, "ACTIVATION", "/activate");
    expect(await setPasswordWithToken("ACTIVATION", activation, "some other long phrase")).toMatchObject({ ok: false, code: "GONE" });
  });
});

describe("changing the password in My account", () => {
  function change(userId: string, sessionId: string, form: Record<string, string>) {
    return call(accountAction, { userId, sessionId, path: "/account", form: { intent: "password", ...form } });
  }

  it("needs the current password; ends the other sessions, keeps this one, and mails a notice", async () => {
    const school = await createSchool();
    const user = await createUser({ schoolId: school.id, role: "ADVISOR" });
    const here = await createSession(user.id);
    const elsewhere = await createSession(user.id);
    const wrong = await change(user.id, here.session.id, { current: "not my password", password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.data.result.error.current).toEqual(["That is not your current password."]);
    expect(JSON.stringify(wrong.data)).not.toContain(NEW_PASSWORD);
    expect(await prisma.authSession.count({ where: { userId: user.id } })).toBe(2);
    expect(await outboxTo(user.email, "PASSWORD_CHANGED")).toEqual([]);

    const same = await change(user.id, here.session.id, { current: TEST_PASSWORD, password: TEST_PASSWORD, confirm: TEST_PASSWORD });
    expect(same.data.result.error.password).toEqual(["Choose a password different from the current one."]);

    const ok = await change(user.id, here.session.id, { current: TEST_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(ok.status).toBe(200);
    expect(await validateSessionToken(here.token)).not.toBeNull();
    expect(await validateSessionToken(elsewhere.token)).toBeNull();
    const [notice] = await outboxTo(user.email, "PASSWORD_CHANGED");
    expect(notice.text).toContain("/forgot-password");
    expect(await prisma.activityLog.count({ where: { entityId: user.id, action: "user.password_changed" } })).toBe(1);
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(302);
    const page = await call(accountLoader, { userId: user.id, path: "/account" });
    expect(page.data.account.passwordChangedAt).toMatch(/UTC$/);
  });

  it("waits after five wrong current passwords", async () => {
    const school = await createSchool();
    const user = await createUser({ schoolId: school.id, role: "TUTOR" });
    const { session } = await createSession(user.id);
    for (let i = 0; i < 5; i++) {
      expect((await change(user.id, session.id, { current: `wrong ${i}`, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).status).toBe(
        400,
      );
    }
    const sixth = await change(user.id, session.id, { current: TEST_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(sixth.status).toBe(429);
    expect(
      await verifyPassword((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash as string, TEST_PASSWORD),
    ).toBe(true);
  });

  it("turns the weekly digest off and on for tutors and advisors", async () => {
    const school = await createSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const student = await createUser({ schoolId: school.id, role: "STUDENT" });
    expect((await call(accountLoader, { userId: tutor.id, path: "/account" })).data).toMatchObject({
      digestOffered: true,
      account: { weeklyDigest: true },
    });
    expect((await call(accountLoader, { userId: student.id, path: "/account" })).data.digestOffered).toBe(false);
    await call(accountAction, { userId: tutor.id, path: "/account", form: { intent: "digest" } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: tutor.id } })).weeklyDigest).toBe(false);
    await call(accountAction, { userId: tutor.id, path: "/account", form: { intent: "digest", weeklyDigest: "on" } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: tutor.id } })).weeklyDigest).toBe(true);
    expect(await prisma.activityLog.count({ where: { entityId: tutor.id, action: "user.digest_preference" } })).toBe(2);
    expect(await call(accountAction, { userId: null, path: "/account", form: { intent: "digest" } })).toMatchObject({
      thrown: true,
      status: 302,
    });
  });
});
