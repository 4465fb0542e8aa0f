/**
 * Two-factor authentication (ADR 0017) through the routes and the session
 * middleware: setting up, signing in with a code or a recovery code (once),
 * throttling, turning it off with a fresh code, and a school's requirement.
 */
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATA_ENCRYPTION_KEY = Buffer.alloc(32, 23).toString("hex");
});

import { generateHOTP } from "@oslojs/otp";
import { counterAt, TOTP_PERIOD_SECONDS } from "#app/domain/two-factor/totp";
import { resetTwoFactorByOperator, totpContext } from "#app/domain/two-factor/two-factor.server";
import { action as accountTwoFactorAction, loader as accountTwoFactorLoader } from "#app/routes/app/account-two-factor";
import { loader as homeLoader } from "#app/routes/app/home";
import { action as loginAction } from "#app/routes/auth/login";
import { action as logoutAction } from "#app/routes/auth/logout";
import { action as verifyAction, loader as verifyLoader } from "#app/routes/auth/two-factor";
import { action as setupAction, loader as setupLoader } from "#app/routes/auth/two-factor-setup";
import { loader as exportLoader } from "#app/routes/resources/cases-export";
import { prisma } from "#app/utils/db.server";
import { open } from "#app/utils/secret-box.server";
import { createSession } from "#app/utils/session.server";
import { createSchool, createUser, TEST_PASSWORD } from "../factories";
import { call } from "../utils/route";
import { cookieFrom, throughMiddleware } from "../utils/sign-in";

let client = 0;
const fromClient = () => ({ "x-retake-desk-client": `two-factor-test-${client++}` });

async function keyOf(userId: string): Promise<Uint8Array> {
  const row = await prisma.twoFactor.findUniqueOrThrow({ where: { userId } });
  return new Uint8Array(open(row.secret, totpContext(userId)));
}

/** The app's code for a time step (default: now). */
async function codeFor(userId: string, step = counterAt(Date.now())): Promise<string> {
  return generateHOTP(await keyOf(userId), BigInt(step), 6);
}

/**
 * Turns two-factor on through "My account", as its owner would; returns the recovery codes. It confirms
 * with the previous step's code, so that the current step's code is still unused for signing in; that
 * code is accepted only until the current step ends, so it waits for a new step when under three
 * seconds of this one are left (on a busy machine the confirmation can take that long).
 */
async function enrol(userId: string, sessionId = "test-session"): Promise<string[]> {
  const left = TOTP_PERIOD_SECONDS * 1000 - (Date.now() % (TOTP_PERIOD_SECONDS * 1000));
  if (left < 3000) await new Promise((resolve) => setTimeout(resolve, left + 50));
  const started = await call(accountTwoFactorAction, { userId, sessionId, path: "/account/two-factor", form: { intent: "start" } });
  expect(started.status).toBe(302);
  const confirmed = await call(accountTwoFactorAction, {
    userId,
    sessionId,
    path: "/account/two-factor",
    form: { intent: "confirm", code: await codeFor(userId, counterAt(Date.now()) - 1) },
  });
  expect(confirmed.data.codes).toHaveLength(10);
  return confirmed.data.codes;
}

/** Signs in with the password; returns the session token and what the middleware makes of it. */
async function passwordSignIn(email: string) {
  const result = await call(loginAction, { userId: null, path: "/login", headers: fromClient(), form: { email, password: TEST_PASSWORD } });
  expect(result.status).toBe(302);
  const token = cookieFrom(result.headers, "rd_session") as string;
  return { token, ...(await throughMiddleware(token)) };
}

/** The toast a response sets (the rd_toast cookie: base64 JSON). */
function toastOf(headers: Headers): { title: string } {
  const raw = cookieFrom(headers, "rd_toast") ?? "";
  return JSON.parse(Buffer.from(decodeURIComponent(raw), "base64").toString("utf8"));
}

async function verify(token: string, code: string, redirectTo = "/") {
  const { context } = await throughMiddleware(token);
  return call(verifyAction, {
    userId: null,
    context,
    path: `/login/two-factor?redirectTo=${encodeURIComponent(redirectTo)}`,
    headers: fromClient(),
    form: { code },
  });
}

describe("setting up two-factor authentication", () => {
  it("shows a QR code and the key, stores the key sealed, and turns on with the first right code", async () => {
    const school = await createSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const { session } = await createSession(tutor.id);
    await call(accountTwoFactorAction, { userId: tutor.id, sessionId: session.id, path: "/account/two-factor", form: { intent: "start" } });
    const page = await call(accountTwoFactorLoader, { userId: tutor.id, path: "/account/two-factor" });
    expect(page.data.enrolled).toBe(false);
    expect(page.data.setup.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(page.data.setup.manualKey).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    // At rest the key is AES-GCM ciphertext, bound to its owner.
    const row = await prisma.twoFactor.findUniqueOrThrow({ where: { userId: tutor.id } });
    expect(row.secret).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(row.secret).not.toContain(page.data.setup.manualKey.replaceAll(" ", ""));
    expect(() => open(row.secret, totpContext("someone-else"))).toThrow();

    const wrong = await call(accountTwoFactorAction, {
      userId: tutor.id,
      sessionId: session.id,
      path: "/account/two-factor",
      form: { intent: "confirm", code: "000000" === (await codeFor(tutor.id)) ? "111111" : "000000" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.data.error).toMatch(/That code is not right/);
    expect((await prisma.twoFactor.findUniqueOrThrow({ where: { userId: tutor.id } })).confirmedAt).toBeNull();

    const right = await call(accountTwoFactorAction, {
      userId: tutor.id,
      sessionId: session.id,
      path: "/account/two-factor",
      form: { intent: "confirm", code: await codeFor(tutor.id) },
    });
    expect(right.status).toBe(200);
    const codes: string[] = right.data.codes;
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    expect(new Set(codes).size).toBe(10);
    // Recovery codes are stored hashed only.
    const stored = await prisma.recoveryCode.findMany({ where: { userId: tutor.id }, select: { codeHash: true } });
    expect(stored).toHaveLength(10);
    for (const { codeHash } of stored) {
      expect(codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(codes.some((c) => codeHash.includes(c.replace("-", "")))).toBe(false);
    }
    // The session that set it up has passed it; the change is logged and mailed.
    expect((await prisma.authSession.findUniqueOrThrow({ where: { id: session.id } })).secondFactorAt).not.toBeNull();
    expect(await prisma.activityLog.count({ where: { schoolId: school.id, action: "user.two_factor_on", entityId: tutor.id } })).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { userId: tutor.id, kind: "TWO_FACTOR_CHANGED" } })).toBe(1);
    expect((await call(accountTwoFactorLoader, { userId: tutor.id, path: "/account/two-factor" })).data).toMatchObject({
      enrolled: true,
      recoveryCodesLeft: 10,
      setup: null,
    });
  });

  it("asks the person's other sessions for a code once it is on", async () => {
    const school = await createSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const { token: elsewhere } = await createSession(tutor.id);
    const here = await createSession(tutor.id);
    await enrol(tutor.id, here.session.id);
    expect((await throughMiddleware(here.token)).auth?.user.id).toBe(tutor.id);
    const other = await throughMiddleware(elsewhere);
    expect(other.auth).toBeNull();
    expect(other.pending?.step).toBe("verify");
  });
});

describe("signing in with a second factor", () => {
  it("holds a password session at the code: nothing is reachable until the code is right", async () => {
    const school = await createSchool();
    const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
    await enrol(advisor.id);
    const { token, auth, pending, context, response } = await passwordSignIn(advisor.email);
    expect(auth).toBeNull();
    expect(pending).toMatchObject({ step: "verify", userId: advisor.id });
    // The cookie is kept (the session is half-way), not cleared.
    expect(response.headers.get("Set-Cookie")).toBeNull();
    // Pages, data requests and downloads all send it to the code.
    const home = await call(homeLoader, { userId: null, context, path: "/" });
    expect(home.location).toBe("/login/two-factor");
    const data = await call(homeLoader, { userId: null, context, path: "/cases.data?status=ACTIVE" });
    expect(data.location).toBe(`/login/two-factor?redirectTo=${encodeURIComponent("/cases?status=ACTIVE")}`);
    const csv = await call(exportLoader, { userId: null, context, path: "/cases/export.csv" });
    expect(csv.status).toBe(302);
    expect(csv.location).toMatch(/^\/login\/two-factor/);
    expect((await call(verifyLoader, { userId: null, context, path: "/login/two-factor" })).data.email).toBe(advisor.email);

    const passed = await verify(token, await codeFor(advisor.id), "/cases");
    expect(passed.status).toBe(302);
    expect(passed.location).toBe("/cases");
    const after = await throughMiddleware(token);
    expect(after.auth?.user.id).toBe(advisor.id);
    expect(after.pending).toBeNull();
    expect((await prisma.authSession.findFirstOrThrow({ where: { userId: advisor.id, secondFactorAt: { not: null } } })).method).toBe(
      "PASSWORD",
    );
  });

  it("accepts each code once", async () => {
    const school = await createSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    await enrol(tutor.id);
    const code = await codeFor(tutor.id);
    const first = await passwordSignIn(tutor.email);
    expect((await verify(first.token, code)).status).toBe(302);
    const second = await passwordSignIn(tutor.email);
    const replay = await verify(second.token, code);
    expect(replay.status).toBe(400);
    expect(replay.data.error).toMatch(/already used/);
    expect((await throughMiddleware(second.token)).auth).toBeNull();
  });

  it("accepts a recovery code once, and says how many are left", async () => {
    const school = await createSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const codes = await enrol(tutor.id);
    const first = await passwordSignIn(tutor.email);
    const used = await verify(first.token, codes[3].toUpperCase().replace("-", " "));
    expect(used.status).toBe(302);
    expect(toastOf(used.headers).title).toBe("You used a recovery code: 9 left");
    expect((await throughMiddleware(first.token)).auth?.user.id).toBe(tutor.id);
    expect(await prisma.activityLog.count({ where: { schoolId: school.id, action: "user.recovery_code_used" } })).toBe(1);

    const second = await passwordSignIn(tutor.email);
    const again = await verify(second.token, codes[3]);
    expect(again.status).toBe(400);
    expect(again.data.error).toMatch(/recovery code is not right, or it was already used/);
    expect((await throughMiddleware(second.token)).auth).toBeNull();
  });

  it("throttles wrong codes: after five, even the right one waits", async () => {
    const school = await createSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    await enrol(tutor.id);
    const { token } = await passwordSignIn(tutor.email);
    const right = await codeFor(tutor.id);
    const wrongCode = right === "123456" ? "654321" : "123456";
    for (let i = 0; i < 5; i++) expect((await verify(token, wrongCode)).status).toBe(400);
    const limited = await verify(token, right);
    expect(limited.status).toBe(429);
    expect(limited.data.error).toMatch(/Too many wrong codes\. Wait \d+ minutes?/);
    expect((await throughMiddleware(token)).auth).toBeNull();
  });

  it("lets a half-signed-in session sign out", async () => {
    const school = await createSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    await enrol(tutor.id);
    const { token, context, pending } = await passwordSignIn(tutor.email);
    await call(logoutAction, { userId: null, context, path: "/logout", form: {} });
    expect(await prisma.authSession.count({ where: { id: pending?.sessionId } })).toBe(0);
    expect((await throughMiddleware(token)).pending).toBeNull();
  });
});

describe("turning it off", () => {
  it("needs a fresh code: a wrong one is refused, the right one turns it off and mails a notice", async () => {
    const school = await createSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    await enrol(tutor.id);
    const refused = await call(accountTwoFactorAction, {
      userId: tutor.id,
      path: "/account/two-factor",
      form: { intent: "disable", code: "not a code" },
    });
    expect(refused.status).toBe(400);
    expect(await prisma.twoFactor.count({ where: { userId: tutor.id } })).toBe(1);
    const off = await call(accountTwoFactorAction, {
      userId: tutor.id,
      path: "/account/two-factor",
      form: { intent: "disable", code: await codeFor(tutor.id, counterAt(Date.now()) + 1) },
    });
    expect(off.status).toBe(302);
    expect(await prisma.twoFactor.count({ where: { userId: tutor.id } })).toBe(0);
    expect(await prisma.recoveryCode.count({ where: { userId: tutor.id } })).toBe(0);
    const notices = await prisma.outboxMessage.findMany({
      where: { userId: tutor.id, kind: "TWO_FACTOR_CHANGED" },
      select: { subject: true },
    });
    expect(notices.map((n) => n.subject)).toContain("Two-factor authentication was turned off");
    // Signing in now needs the password only.
    expect((await passwordSignIn(tutor.email)).auth?.user.id).toBe(tutor.id);
  });

  it("makes new recovery codes with a fresh code; the old ones stop working", async () => {
    const school = await createSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const old = await enrol(tutor.id);
    const renewed = await call(accountTwoFactorAction, {
      userId: tutor.id,
      path: "/account/two-factor",
      form: { intent: "codes", code: await codeFor(tutor.id) },
    });
    const fresh: string[] = renewed.data.codes;
    expect(fresh).toHaveLength(10);
    const { token } = await passwordSignIn(tutor.email);
    expect((await verify(token, old[0])).status).toBe(400);
    expect((await verify(token, fresh[0])).status).toBe(302);
  });
});

describe("a school that requires a second factor", () => {
  it("sends its advisors without one to set it up at once, and not its tutors (office only)", async () => {
    const school = await createSchool();
    await prisma.schoolSignIn.create({ data: { schoolId: school.id, twoFactorRequiredFor: "OFFICE" } });
    const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const asAdvisor = await passwordSignIn(advisor.email);
    expect(asAdvisor.auth).toBeNull();
    expect(asAdvisor.pending).toMatchObject({ step: "enrol", requiredBy: [school.name] });
    const home = await call(homeLoader, { userId: null, context: asAdvisor.context, path: "/" });
    expect(home.location).toBe("/login/two-factor/setup");
    expect((await passwordSignIn(tutor.email)).auth?.user.id).toBe(tutor.id);

    // The set-up page makes the key on arrival; the first right code completes the sign-in.
    const page = await call(setupLoader, { userId: null, context: asAdvisor.context, path: "/login/two-factor/setup" });
    expect(page.data.requiredBy).toEqual([school.name]);
    expect(page.data.setup.qrSvg).toContain("<svg");
    const done = await call(setupAction, {
      userId: null,
      context: asAdvisor.context,
      path: "/login/two-factor/setup?redirectTo=/office",
      form: { intent: "confirm", code: await codeFor(advisor.id) },
    });
    expect(done.data.codes).toHaveLength(10);
    expect(done.data.redirectTo).toBe("/office");
    expect((await throughMiddleware(asAdvisor.token)).auth?.user.id).toBe(advisor.id);
  });

  it("includes tutors when the school says so, and applies to sessions already open", async () => {
    const school = await createSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const { token } = await createSession(tutor.id);
    expect((await throughMiddleware(token)).auth?.user.id).toBe(tutor.id);
    await prisma.schoolSignIn.create({ data: { schoolId: school.id, twoFactorRequiredFor: "OFFICE_AND_TUTORS" } });
    expect((await throughMiddleware(token)).pending?.step).toBe("enrol");
  });

  it("leaves it to the school's provider for sessions that came through it", async () => {
    const school = await createSchool();
    await prisma.schoolSignIn.create({ data: { schoolId: school.id, twoFactorRequiredFor: "OFFICE" } });
    const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
    const { token } = await createSession(advisor.id, new Date(), { method: "SSO", ssoSchoolId: school.id });
    expect((await throughMiddleware(token)).auth?.user.id).toBe(advisor.id);
  });

  it("does not let a pending session set up through My account (it reaches no app page)", async () => {
    const school = await createSchool();
    await prisma.schoolSignIn.create({ data: { schoolId: school.id, twoFactorRequiredFor: "OFFICE" } });
    const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
    const { context } = await passwordSignIn(advisor.email);
    const refused = await call(accountTwoFactorAction, { userId: null, context, path: "/account/two-factor", form: { intent: "start" } });
    expect(refused.status).toBe(302);
    expect(refused.location).toBe(`/login/two-factor/setup?redirectTo=${encodeURIComponent("/account/two-factor")}`);
  });
});

describe("the operator's reset", () => {
  it("removes the authenticator and the codes, ends the sessions, logs and mails it", async () => {
    const school = await createSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    await enrol(tutor.id);
    const { token } = await createSession(tutor.id);
    expect(await resetTwoFactorByOperator(tutor.email.toUpperCase())).toMatchObject({ ok: true });
    expect(await prisma.twoFactor.count({ where: { userId: tutor.id } })).toBe(0);
    expect(await prisma.recoveryCode.count({ where: { userId: tutor.id } })).toBe(0);
    expect((await throughMiddleware(token)).auth).toBeNull();
    expect(await prisma.activityLog.count({ where: { schoolId: school.id, action: "user.two_factor_reset" } })).toBe(1);
    expect(await resetTwoFactorByOperator(tutor.email)).toMatchObject({ ok: false });
    expect(await resetTwoFactorByOperator("nobody@nowhere.example")).toMatchObject({ ok: false });
  });
});
