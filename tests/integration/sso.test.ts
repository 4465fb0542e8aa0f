/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, started
 * here), signed in at the provider's own pages over HTTP (ADR 0016). Each
 * refusal is checked by its reason in the redirect and in the activity log,
 * so a test fails if its check is taken out (the next check would then
 * refuse for another reason, or nothing would).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATA_ENCRYPTION_KEY = Buffer.alloc(32, 11).toString("base64");
  process.env.SSO_ALLOW_HTTP_LOOPBACK_ISSUER = "1";
});

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { action as loginAction, loader as loginLoader } from "#app/routes/auth/login";
import { loader as ssoStartLoader } from "#app/routes/auth/sso-start";
import { loader as ssoOfferLoader } from "#app/routes/resources/sso-offer";
import { prisma } from "#app/utils/db.server";
import { logger } from "#app/utils/logger.server";
import { loginBuckets } from "#app/utils/rate-limit.server";
import { createSession } from "#app/utils/session.server";
import { createSchool, createStudent, createUser, TEST_PASSWORD } from "../factories";
import { signInAtProvider, startTestProvider, type TestProvider } from "../utils/oidc-provider";
import { call } from "../utils/route";
import {
  CALLBACK_PREFIX,
  callback,
  configureSso,
  reasonOf,
  signInLog,
  ssoSignIn,
  startSso,
  TEST_CLIENT,
  throughMiddleware,
} from "../utils/sign-in";

let idp: TestProvider;
beforeAll(async () => {
  idp = await startTestProvider({ clients: [TEST_CLIENT] });
});
afterAll(() => idp.close());

let n = 0;
const domain = () => `sso${Date.now().toString(36)}${n++}.edu`;

async function ssoSchool(options: { jitStudents?: boolean; requiredForStaff?: boolean } = {}) {
  const school = await createSchool();
  const d = domain();
  const configured = await configureSso(school.id, { issuer: idp.issuer, domains: [d], ...options });
  return { ...configured, domain: d };
}

/** The refusal's reason, as the sign-in page receives it, and the last entry of the school's log. */
async function expectRefused(
  result: { status: number; location: string | null; session: string | null },
  schoolId: string,
  reason: string,
) {
  expect(result.status).toBe(302);
  const location = new URL(result.location ?? "", "http://x");
  expect(location.pathname).toBe("/login");
  expect(location.searchParams.get("sso_error")).toBe(reason);
  expect(result.session).toBeNull();
  const log = await signInLog(schoolId);
  expect(log.at(-1)?.action).toBe("sso.refused");
  expect(reasonOf(log.at(-1) as { after: string | null })).toBe(reason);
}

describe("single sign-on", () => {
  it("signs a member in through the school's provider and back to where they were going, with an SSO session", async () => {
    const school = await ssoSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const result = await ssoSignIn(school.slug, tutor.email);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/cases");
    expect(result.session).toMatch(/^[a-z2-7]+\.[a-z2-7]+$/);
    // The flow cookie is cleared, and the flow itself is gone.
    expect(result.headers.getSetCookie().some((c) => c.startsWith("rd_sso=;"))).toBe(true);
    expect(await prisma.ssoFlow.count({ where: { schoolId: school.id } })).toBe(0);

    const session = await prisma.authSession.findFirstOrThrow({ where: { userId: tutor.id } });
    expect(session).toMatchObject({ method: "SSO", ssoSchoolId: school.id });
    const { auth } = await throughMiddleware(result.session);
    expect(auth?.user.id).toBe(tutor.id);
    expect(auth?.method).toBe("SSO");

    const log = await signInLog(school.id);
    expect(log.map((e) => e.action)).toEqual(["sso.signed_in"]);
    expect(log[0].actorId).toBe(tutor.id);
    // The account is now linked to the provider's subject.
    expect(await prisma.ssoIdentity.findFirst({ where: { schoolId: school.id, userId: tutor.id } })).toMatchObject({
      subject: tutor.email,
    });
  });

  it("leaves with PKCE (S256), state and nonce, and the redirect URI on the public origin", async () => {
    const school = await ssoSchool();
    const started = await startSso(school.slug);
    const url = new URL(started.location as string);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get("state")).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get("nonce")).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get("redirect_uri")).toBe(CALLBACK_PREFIX);
    expect(url.searchParams.get("scope")).toBe("openid email profile");
    // The flow cookie is HttpOnly, scoped to /sso and short-lived; the browser holds no secret of the flow.
    const cookie = started.headers.getSetCookie().find((c) => c.startsWith("rd_sso=")) ?? "";
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Path=/sso");
    expect(cookie).toContain("Max-Age=600");
    const flow = await prisma.ssoFlow.findUniqueOrThrow({ where: { id: started.flow ?? "" } });
    expect(cookie).not.toContain(flow.state);
    expect(cookie).not.toContain(flow.codeVerifier);
  });

  it("refuses an answer whose state was tampered with", async () => {
    const school = await ssoSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const result = await ssoSignIn(school.slug, tutor.email, {
      alterCallback: (url) => url.searchParams.set("state", `${url.searchParams.get("state")}x`),
    });
    await expectRefused(result, school.id, "state");
    expect(await prisma.authSession.count({ where: { userId: tutor.id } })).toBe(0);
  });

  it("refuses an answer for another browser's sign-in (its state, with this browser's flow cookie)", async () => {
    const school = await ssoSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    // The victim's browser starts a sign-in; the attacker's own completed answer is fed to it.
    const victim = await startSso(school.slug);
    const attackers = await ssoSignIn(school.slug, tutor.email, { flow: victim.flow });
    await expectRefused(attackers, school.id, "state");
  });

  it("refuses an ID token whose nonce is not this sign-in's", async () => {
    const school = await ssoSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const result = await ssoSignIn(school.slug, tutor.email, {
      alterAuthorization: (url) => url.searchParams.set("nonce", "a-nonce-from-another-sign-in-0123456789"),
    });
    await expectRefused(result, school.id, "nonce");
    expect(await prisma.authSession.count({ where: { userId: tutor.id } })).toBe(0);
  });

  it("refuses an ID token that carries no nonce (the provider was asked without one)", async () => {
    const school = await ssoSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const result = await ssoSignIn(school.slug, tutor.email, {
      alterAuthorization: (url) => url.searchParams.delete("nonce"),
    });
    await expectRefused(result, school.id, "nonce");
    expect(await prisma.authSession.count({ where: { userId: tutor.id } })).toBe(0);
  });

  it("refuses an e-mail address the provider has not verified, even of a member", async () => {
    const school = await ssoSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const result = await ssoSignIn(school.slug, `unverified:${tutor.email}`);
    await expectRefused(result, school.id, "email_unverified");
    expect(await prisma.authSession.count({ where: { userId: tutor.id } })).toBe(0);
  });

  it("refuses the address of another school's member, and says nothing about that school", async () => {
    const school = await ssoSchool();
    const elsewhere = await createSchool();
    const stranger = await createUser({ schoolId: elsewhere.id, role: "ADVISOR" });
    const result = await ssoSignIn(school.slug, stranger.email);
    await expectRefused(result, school.id, "not_member");
    expect(await prisma.authSession.count({ where: { userId: stranger.id } })).toBe(0);
    // Nobody got a membership out of it either.
    expect(await prisma.membership.count({ where: { userId: stranger.id, schoolId: school.id } })).toBe(0);
    const page = await call(loginLoader, { userId: null, path: result.location as string });
    expect(page.data.ssoError).toMatch(/no account for you at this school/);
    expect(page.data.ssoError).not.toContain(elsewhere.name);
  });

  it("refuses a deactivated account", async () => {
    const school = await ssoSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    await prisma.user.update({ where: { id: tutor.id }, data: { status: "DEACTIVATED" } });
    const result = await ssoSignIn(school.slug, tutor.email);
    await expectRefused(result, school.id, "deactivated");
    expect(await prisma.authSession.count({ where: { userId: tutor.id } })).toBe(0);
  });

  it("refuses an address now held by another subject at the provider than the one it was linked to", async () => {
    const school = await ssoSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    expect((await ssoSignIn(school.slug, tutor.email)).location).toBe("/cases");
    // Another account at the provider ("other:…", so another subject) now carries the same verified address.
    idp.setAccount(`other:${tutor.email}`, { email: tutor.email, email_verified: true });
    const result = await ssoSignIn(school.slug, `other:${tutor.email}`);
    await expectRefused(result, school.id, "subject_mismatch");
  });

  it("uses a flow once: a replayed answer is refused", async () => {
    const school = await ssoSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const first = await ssoSignIn(school.slug, tutor.email);
    expect(first.location).toBe("/cases");
    const again = await callback(first.back, first.flow);
    expect(new URL(again.location ?? "", "http://x").searchParams.get("sso_error")).toBe("expired");
    expect(cookieCount(again.headers)).toBe(0);
  });

  it("logs a callback that comes back without its flow cookie at the school whose flow its state names, leaving that flow alone", async () => {
    const school = await ssoSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const started = await startSso(school.slug);
    const back = await signInAtProvider(started.location as string, tutor.email, CALLBACK_PREFIX);
    // Another browser (or one that lost the cookie) brings the answer back.
    const result = await callback(back, null);
    await expectRefused({ ...result, session: null }, school.id, "expired");
    expect(await prisma.authSession.count({ where: { userId: tutor.id } })).toBe(0);
    // The flow belongs to the browser holding its cookie: not consumed by a stranger's callback.
    expect(await prisma.ssoFlow.count({ where: { id: started.flow ?? "" } })).toBe(1);
  });

  it("refuses a callback whose state names no flow, writing to no school's log (there is none to write to)", async () => {
    const school = await ssoSchool();
    const before = await prisma.activityLog.count({ where: { entity: "SignIn" } });
    const info = vi.spyOn(logger, "info");
    const result = await callback(new URL(`${CALLBACK_PREFIX}?code=made-up&state=no-such-flow-0123456789`), null);
    expect(new URL(result.location ?? "", "http://x").searchParams.get("sso_error")).toBe("expired");
    expect(await prisma.activityLog.count({ where: { entity: "SignIn" } })).toBe(before);
    expect(await signInLog(school.id)).toEqual([]);
    expect(info).toHaveBeenCalledWith("single sign-on callback without a usable flow");
  });

  it("logs a start refused by the address's sign-in budget at the school it named, and starts no flow", async () => {
    const school = await ssoSchool();
    const address = `sso-throttled-${Date.now()}`;
    // Emptied at a time ahead of the clock: it refills nothing before then, however slow the test.
    const later = Date.now() + 120_000;
    for (let i = 0; i < 25; i += 1) await loginBuckets.consume(address, later);
    const refused = await call(ssoStartLoader, {
      userId: null,
      path: `/sso/${school.slug}?redirectTo=/cases`,
      params: { slug: school.slug },
      headers: { "x-retake-desk-client": address },
    });
    expect(refused.status).toBe(302);
    const location = new URL(refused.location ?? "", "http://x");
    expect(location.searchParams.get("sso_error")).toBe("throttled");
    expect(location.searchParams.get("school")).toBe(school.slug);
    const log = await signInLog(school.id);
    expect(log.map((e) => e.action)).toEqual(["sso.refused"]);
    expect(reasonOf(log[0])).toBe("throttled");
    expect(await prisma.ssoFlow.count({ where: { schoolId: school.id } })).toBe(0);
    // A slug that names no school has no log: still refused, nothing written.
    const total = await prisma.activityLog.count();
    const unknown = await call(ssoStartLoader, {
      userId: null,
      path: "/sso/no-such-school",
      params: { slug: "no-such-school" },
      headers: { "x-retake-desk-client": address },
    });
    expect(new URL(unknown.location ?? "", "http://x").searchParams.get("sso_error")).toBe("throttled");
    expect(await prisma.activityLog.count()).toBe(total);
  });

  it("refuses a sign-in that was not finished within ten minutes", async () => {
    const school = await ssoSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const started = await startSso(school.slug);
    await prisma.ssoFlow.update({ where: { id: started.flow ?? "" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const back = await signInAtProvider(started.location as string, tutor.email, CALLBACK_PREFIX);
    const result = await callback(back, started.flow);
    await expectRefused({ ...result, session: null }, school.id, "expired");
  });

  it("with the provider down: a clear message, and the password form still works", async () => {
    const school = await createSchool();
    const closed = await closedPort();
    const configured = await configureSso(school.id, { issuer: `http://127.0.0.1:${closed}`, domains: [domain()] });
    const student = await createStudent(school.id);
    const started = await startSso(configured.slug);
    expect(started.status).toBe(302);
    const location = new URL(started.location ?? "", "http://x");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("sso_error")).toBe("unreachable");
    expect(location.searchParams.get("school")).toBe(configured.slug);
    expect(reasonOf((await signInLog(school.id)).at(-1) as { after: string | null })).toBe("unreachable");

    const page = await call(loginLoader, { userId: null, path: `${location.pathname}${location.search}` });
    expect(page.data.ssoError).toBe("We could not reach your school's sign-in service. Try again in a few minutes.");
    expect(page.data.sso).toMatchObject({ slug: configured.slug });
    const signedIn = await call(loginAction, {
      userId: null,
      path: "/login",
      headers: fromClient(),
      form: { email: student.email, password: TEST_PASSWORD },
    });
    expect(signedIn.status).toBe(302);
    expect(signedIn.location).toBe("/");
  });

  it("with the provider going down between leaving and coming back: refused as unreachable", async () => {
    const flaky = await startTestProvider({ clients: [TEST_CLIENT] });
    const school = await createSchool();
    const configured = await configureSso(school.id, { issuer: flaky.issuer, domains: [domain()] });
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const started = await startSso(configured.slug);
    const back = await signInAtProvider(started.location as string, tutor.email, CALLBACK_PREFIX);
    await flaky.close();
    const result = await callback(back, started.flow);
    await expectRefused({ ...result, session: null }, school.id, "unreachable");
  });
});

describe("just-in-time student accounts", () => {
  it("creates a student account (and profile) at the school's domain when the school allows it", async () => {
    const school = await ssoSchool({ jitStudents: true });
    const email = `new.student@${school.domain}`;
    const result = await ssoSignIn(school.slug, email);
    expect(result.location).toBe("/cases");
    const user = await prisma.user.findUniqueOrThrow({
      where: { email },
      select: {
        passwordHash: true,
        memberships: { select: { schoolId: true, role: true } },
        studentProfiles: { select: { schoolId: true } },
      },
    });
    expect(user.passwordHash).toBeNull();
    expect(user.memberships).toEqual([{ schoolId: school.id, role: "STUDENT" }]);
    expect(user.studentProfiles).toEqual([{ schoolId: school.id }]);
    expect((await prisma.activityLog.findFirst({ where: { schoolId: school.id, action: "user.created_by_sso" } }))?.summary).toContain(
      email,
    );
  });

  it("creates no account when the school has not turned it on", async () => {
    const school = await ssoSchool();
    const email = `nobody@${school.domain}`;
    await expectRefused(await ssoSignIn(school.slug, email), school.id, "not_member");
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("creates no account for an address outside the school's domains", async () => {
    const school = await ssoSchool({ jitStudents: true });
    const email = `visitor@elsewhere-${school.domain}`;
    await expectRefused(await ssoSignIn(school.slug, email), school.id, "not_member");
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("never joins an existing account of another school", async () => {
    const school = await ssoSchool({ jitStudents: true });
    const other = await createSchool();
    const existing = await prisma.user.create({
      data: { email: `taken@${school.domain}`, name: "Taken", memberships: { create: { schoolId: other.id, role: "STUDENT" } } },
    });
    await expectRefused(await ssoSignIn(school.slug, existing.email), school.id, "not_member");
    expect(await prisma.membership.count({ where: { userId: existing.id } })).toBe(1);
  });
});

describe("what an SSO session reaches, and staff who must use SSO", () => {
  it("reaches only the school whose provider vouched for it", async () => {
    const school = await ssoSchool();
    const other = await createSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    await prisma.membership.create({ data: { userId: tutor.id, schoolId: other.id, role: "ADVISOR" } });
    const result = await ssoSignIn(school.slug, tutor.email);
    const { auth } = await throughMiddleware(result.session);
    expect(auth?.user.memberships.map((m) => m.schoolId)).toEqual([school.id]);
    // A password session of the same person reaches both.
    const { token } = await createSession(tutor.id);
    expect((await throughMiddleware(token)).auth?.user.memberships).toHaveLength(2);
  });

  it("refuses staff passwords at a school that requires SSO, offering its sign-in; students keep theirs", async () => {
    const school = await ssoSchool({ requiredForStaff: true });
    const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
    const student = await createStudent(school.id);
    const refused = await call(loginAction, {
      userId: null,
      path: "/login",
      headers: fromClient(),
      form: { email: advisor.email, password: TEST_PASSWORD },
    });
    expect(refused.status).toBe(403);
    expect(refused.data.result.error[""][0]).toMatch(/requires its staff to sign in through the school's own sign-in service/);
    expect(refused.data.sso).toMatchObject({ slug: school.slug });
    expect(refused.headers.get("Set-Cookie")).toBeNull();
    expect((await prisma.activityLog.findFirst({ where: { schoolId: school.id, action: "sso.password_refused" } }))?.actorId).toBe(
      advisor.id,
    );
    const allowed = await call(loginAction, {
      userId: null,
      path: "/login",
      headers: fromClient(),
      form: { email: student.email, password: TEST_PASSWORD },
    });
    expect(allowed.status).toBe(302);
    // And through the provider the advisor gets in.
    expect((await ssoSignIn(school.slug, advisor.email)).location).toBe("/cases");
  });

  it("ends a staff member's password session once the school requires SSO", async () => {
    const school = await ssoSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const { token } = await createSession(tutor.id);
    expect((await throughMiddleware(token)).auth?.user.id).toBe(tutor.id);
    await prisma.schoolSignIn.update({ where: { schoolId: school.id }, data: { ssoRequiredForStaff: true } });
    const after = await throughMiddleware(token);
    expect(after.auth).toBeNull();
    expect(after.response.headers.get("Set-Cookie")).toMatch(/^rd_session=;/);
  });

  it("keeps a multi-school person's other school on a password session, leaving out the one that requires SSO", async () => {
    const school = await ssoSchool({ requiredForStaff: true });
    const other = await createSchool();
    const tutor = await createUser({ schoolId: other.id, role: "TUTOR" });
    await prisma.membership.create({ data: { userId: tutor.id, schoolId: school.id, role: "TUTOR" } });
    const signedIn = await call(loginAction, {
      userId: null,
      path: "/login",
      headers: fromClient(),
      form: { email: tutor.email, password: TEST_PASSWORD },
    });
    expect(signedIn.status).toBe(302);
    const token = (signedIn.headers.get("Set-Cookie") ?? "").split(";")[0].slice("rd_session=".length);
    expect((await throughMiddleware(token)).auth?.user.memberships.map((m) => m.schoolId)).toEqual([other.id]);
  });
});

describe("the sign-in page offers the school's sign-in", () => {
  it("answers the page's lookup while the person types with data, never a redirect, signed in or not", async () => {
    const school = await ssoSchool();
    const someone = await createUser({ schoolId: school.id, role: "TUTOR" });
    for (const userId of [null, someone.id]) {
      const path = `/login/sso-offer?email=${encodeURIComponent(`ada@${school.domain}`)}`;
      const answer = await call(ssoOfferLoader, { userId, path });
      expect(answer.status).toBe(200);
      expect(answer.location).toBeNull();
      expect((await (answer.response as Response).json()).sso?.slug).toBe(school.slug);
    }
    const nobody = await call(ssoOfferLoader, { userId: null, path: "/login/sso-offer?email=someone%40nowhere.example" });
    expect(await (nobody.response as Response).json()).toEqual({ sso: null });
  });

  it("by the school in the URL, by the address's domain, and from the no-JavaScript button", async () => {
    const school = await ssoSchool();
    const bySlug = await call(loginLoader, { userId: null, path: `/login?school=${school.slug}` });
    expect(bySlug.data.sso).toEqual({ slug: school.slug, name: school.name, requiredForStaff: false });
    const byEmail = await call(loginLoader, { userId: null, path: `/login?email=${encodeURIComponent(`ada@${school.domain}`)}` });
    expect(byEmail.data.sso?.slug).toBe(school.slug);
    const button = await call(loginAction, {
      userId: null,
      path: "/login",
      headers: fromClient(),
      form: { intent: "sso", email: `ada@${school.domain}` },
    });
    expect(button.data.sso?.slug).toBe(school.slug);
    const none = await call(loginAction, {
      userId: null,
      path: "/login",
      headers: fromClient(),
      form: { intent: "sso", email: "ada@nowhere-sso.example" },
    });
    expect(none.data.sso).toBeNull();
    expect(none.data.result.error[""][0]).toMatch(/No school signs in nowhere-sso.example addresses/);
  });

  it("offers nothing for a school whose single sign-on is off, and refuses to start it", async () => {
    const school = await createSchool();
    const slug = (await configureSso(school.id, { issuer: idp.issuer, domains: [domain()], enabled: false })).slug;
    expect((await call(loginLoader, { userId: null, path: `/login?school=${slug}` })).data.sso).toBeNull();
    const started = await startSso(slug);
    expect(new URL(started.location ?? "", "http://x").searchParams.get("sso_error")).toBe("unknown_school");
  });
});

/** Each sign-in from its own address, so the per-address budget of one test does not spill into another. */
function fromClient() {
  return { "x-retake-desk-client": `sso-test-${n++}` };
}

function cookieCount(headers: Headers) {
  return headers.getSetCookie().filter((c) => c.startsWith("rd_session=") && !c.startsWith("rd_session=;")).length;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
