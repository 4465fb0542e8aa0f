/**
 * The admin's sign-in settings (ADR 0016, 0017): the provider's client secret
 * is stored encrypted and never sent back; only the school's admins reach
 * the page; rules that could lock people out are guarded.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATA_ENCRYPTION_KEY = Buffer.alloc(32, 42).toString("base64");
  process.env.SSO_ALLOW_HTTP_LOOPBACK_ISSUER = "1";
});

import { authContext } from "#app/context";
import { action, loader } from "#app/routes/app/admin/sign-in";
import { prisma } from "#app/utils/db.server";
import { openText } from "#app/utils/secret-box.server";
import { createSession } from "#app/utils/session.server";
import { createSchool, createUser } from "../factories";
import { startTestProvider, type TestProvider } from "../utils/oidc-provider";
import { call, contextFor } from "../utils/route";
import { configureSso, ssoSignIn, TEST_CLIENT, throughMiddleware } from "../utils/sign-in";

let idp: TestProvider;
beforeAll(async () => {
  idp = await startTestProvider({ clients: [TEST_CLIENT] });
});
afterAll(() => idp.close());

let n = 0;
const domain = () => `settings${Date.now().toString(36)}${n++}.edu`;

async function schoolWithAdmin() {
  const school = await createSchool();
  const admin = await createUser({ schoolId: school.id, role: "ADMIN" });
  return { school, admin };
}

function ssoForm(overrides: Record<string, string> = {}) {
  return {
    intent: "sso",
    expectedVersion: "0",
    ssoEnabled: "on",
    issuer: idp.issuer,
    clientId: TEST_CLIENT.clientId,
    clientSecret: TEST_CLIENT.clientSecret,
    domains: domain(),
    ...overrides,
  };
}

/** An admin's context as an SSO session of `schoolId` would give it. */
async function ssoContext(userId: string, schoolId: string) {
  const context = await contextFor(userId);
  const auth = context.get(authContext);
  context.set(authContext, auth ? { ...auth, method: "SSO", ssoSchoolId: schoolId } : null);
  return context;
}

describe("single sign-on settings", () => {
  it("stores the client secret encrypted, never shows it again, and logs the change without it", async () => {
    const { school, admin } = await schoolWithAdmin();
    const form = ssoForm();
    const saved = await call(action, { userId: admin.id, path: `/admin/sign-in?school=${school.id}`, form });
    expect(saved.status).toBe(302);
    const row = await prisma.schoolSignIn.findUniqueOrThrow({ where: { schoolId: school.id }, include: { domains: true } });
    expect(row.ssoClientSecret).not.toContain(TEST_CLIENT.clientSecret);
    expect(row.ssoClientSecret).toMatch(/^v1\./);
    expect(openText(row.ssoClientSecret as string, `sso-client-secret:${school.id}`)).toBe(TEST_CLIENT.clientSecret);
    expect(row.domains.map((d) => d.domain)).toEqual([form.domains]);

    const page = await call(loader, { userId: admin.id, path: `/admin/sign-in?school=${school.id}` });
    expect(page.data.settings).toMatchObject({ ssoEnabled: true, issuer: idp.issuer, clientId: TEST_CLIENT.clientId, hasSecret: true });
    expect(JSON.stringify(page.data)).not.toContain(TEST_CLIENT.clientSecret);
    expect(JSON.stringify(page.data)).not.toContain(row.ssoClientSecret);
    expect(page.data.redirectUri).toBe("http://localhost:3000/sso/callback");

    const entry = await prisma.activityLog.findFirstOrThrow({ where: { schoolId: school.id, action: "sign_in.sso_saved" } });
    expect(`${entry.before}${entry.after}${entry.summary}`).not.toContain(TEST_CLIENT.clientSecret);
    expect(JSON.parse(entry.after ?? "{}").clientSecret).toBe("replaced");

    // Saving again with the secret left empty keeps it.
    const again = await call(action, {
      userId: admin.id,
      path: `/admin/sign-in?school=${school.id}`,
      form: ssoForm({ expectedVersion: "1", clientSecret: "", domains: form.domains }),
    });
    expect(again.status).toBe(302);
    const kept = await prisma.schoolSignIn.findUniqueOrThrow({ where: { schoolId: school.id } });
    expect(openText(kept.ssoClientSecret as string, `sso-client-secret:${school.id}`)).toBe(TEST_CLIENT.clientSecret);
  });

  it("keeps what was typed after a refusal, except the secret", async () => {
    const { school, admin } = await schoolWithAdmin();
    const refused = await call(action, {
      userId: admin.id,
      path: `/admin/sign-in?school=${school.id}`,
      form: ssoForm({ issuer: "http://login.example.edu", clientSecret: "typed secret value" }),
    });
    expect(refused.status).toBe(400);
    expect(refused.data.result.error.issuer[0]).toBe("The issuer URL must start with https://.");
    expect(refused.data.result.initialValue.issuer).toBe("http://login.example.edu");
    expect(JSON.stringify(refused.data)).not.toContain("typed secret value");
    expect(await prisma.schoolSignIn.count({ where: { schoolId: school.id } })).toBe(0);
  });

  it("refuses a provider whose discovery document cannot be read", async () => {
    const { school, admin } = await schoolWithAdmin();
    const refused = await call(action, {
      userId: admin.id,
      path: `/admin/sign-in?school=${school.id}`,
      form: ssoForm({ issuer: `${idp.issuer}/not-an-issuer` }),
    });
    expect(refused.status).toBe(400);
    expect(refused.data.result.error.issuer[0]).toMatch(/not a usable OpenID Connect discovery document/);
  });

  it("refuses a domain another school's sign-in has", async () => {
    const { school, admin } = await schoolWithAdmin();
    const other = await createSchool();
    const taken = domain();
    await configureSso(other.id, { issuer: idp.issuer, domains: [taken] });
    const refused = await call(action, { userId: admin.id, path: `/admin/sign-in?school=${school.id}`, form: ssoForm({ domains: taken }) });
    expect(refused.status).toBe(400);
    expect(refused.data.result.error.domains[0]).toMatch(/Already used by another school's sign-in/);
    expect(refused.data.result.error.domains[0]).not.toContain(other.name);
  });

  it("requires SSO of staff only from a session that came through the school's provider", async () => {
    const { school, admin } = await schoolWithAdmin();
    const d = domain();
    expect(
      (await call(action, { userId: admin.id, path: `/admin/sign-in?school=${school.id}`, form: ssoForm({ domains: d }) })).status,
    ).toBe(302);
    const fromPassword = await call(action, {
      userId: admin.id,
      path: `/admin/sign-in?school=${school.id}`,
      form: ssoForm({ expectedVersion: "1", domains: d, clientSecret: "", ssoRequiredForStaff: "on" }),
    });
    expect(fromPassword.status).toBe(400);
    expect(fromPassword.data.result.error.ssoRequiredForStaff[0]).toMatch(/Sign in through your school's provider first/);
    const fromSso = await call(action, {
      userId: admin.id,
      context: await ssoContext(admin.id, school.id),
      path: `/admin/sign-in?school=${school.id}`,
      form: ssoForm({ expectedVersion: "1", domains: d, clientSecret: "", ssoRequiredForStaff: "on" }),
    });
    expect(fromSso.status).toBe(302);
    expect((await prisma.schoolSignIn.findUniqueOrThrow({ where: { schoolId: school.id } })).ssoRequiredForStaff).toBe(true);
  });

  it("refuses a stale form (someone else saved meanwhile)", async () => {
    const { school, admin } = await schoolWithAdmin();
    const d = domain();
    await call(action, { userId: admin.id, path: `/admin/sign-in?school=${school.id}`, form: ssoForm({ domains: d }) });
    const stale = await call(action, { userId: admin.id, path: `/admin/sign-in?school=${school.id}`, form: ssoForm({ domains: d }) });
    expect(stale.status).toBe(409);
    expect(stale.data.result.error[""][0]).toMatch(/Someone else saved/);
  });

  it("turning it off ends the sessions the provider vouched for and forgets its links; password sessions stay", async () => {
    const { school, admin } = await schoolWithAdmin();
    const d = domain();
    await call(action, { userId: admin.id, path: `/admin/sign-in?school=${school.id}`, form: ssoForm({ domains: d }) });
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const { slug } = await prisma.school.findUniqueOrThrow({ where: { id: school.id }, select: { slug: true } });
    const signedIn = await ssoSignIn(slug, tutor.email);
    expect((await throughMiddleware(signedIn.session)).auth?.user.id).toBe(tutor.id);
    const { token: passwordSession } = await createSession(tutor.id);
    const off = await call(action, {
      userId: admin.id,
      path: `/admin/sign-in?school=${school.id}`,
      form: { intent: "sso", expectedVersion: "1", issuer: idp.issuer, clientId: TEST_CLIENT.clientId, domains: d },
    });
    expect(off.status).toBe(302);
    expect((await throughMiddleware(signedIn.session)).auth).toBeNull();
    expect((await throughMiddleware(passwordSession)).auth?.user.id).toBe(tutor.id);
    expect(await prisma.ssoIdentity.count({ where: { schoolId: school.id } })).toBe(0);
  });

  it("is for the school's admins only", async () => {
    const { school } = await schoolWithAdmin();
    const otherAdmin = (await schoolWithAdmin()).admin;
    const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
    expect((await call(loader, { userId: otherAdmin.id, path: `/admin/sign-in?school=${school.id}` })).status).toBe(403);
    expect((await call(action, { userId: otherAdmin.id, path: `/admin/sign-in?school=${school.id}`, form: ssoForm() })).status).toBe(403);
    expect((await call(loader, { userId: advisor.id, path: "/admin/sign-in" })).status).toBe(403);
    expect((await call(action, { userId: advisor.id, path: `/admin/sign-in?school=${school.id}`, form: ssoForm() })).status).toBe(403);
    expect(await prisma.schoolSignIn.count({ where: { schoolId: school.id } })).toBe(0);
  });
});

describe("the two-factor requirement", () => {
  it("can be turned on by an admin who has a second factor, not by one who has none", async () => {
    const { school, admin } = await schoolWithAdmin();
    const refused = await call(action, {
      userId: admin.id,
      path: `/admin/sign-in?school=${school.id}`,
      form: { intent: "two-factor", expectedVersion: "0", twoFactorRequiredFor: "OFFICE" },
    });
    expect(refused.status).toBe(400);
    expect(refused.data.result.error.twoFactorRequiredFor[0]).toMatch(/Turn on two-factor authentication for your own account first/);
    await prisma.twoFactor.create({ data: { userId: admin.id, secret: "v1.x.y.z.w", confirmedAt: new Date() } });
    const saved = await call(action, {
      userId: admin.id,
      path: `/admin/sign-in?school=${school.id}`,
      form: { intent: "two-factor", expectedVersion: "0", twoFactorRequiredFor: "OFFICE_AND_TUTORS" },
    });
    expect(saved.status).toBe(302);
    expect((await prisma.schoolSignIn.findUniqueOrThrow({ where: { schoolId: school.id } })).twoFactorRequiredFor).toBe(
      "OFFICE_AND_TUTORS",
    );
    expect(await prisma.activityLog.count({ where: { schoolId: school.id, action: "sign_in.two_factor_policy_saved" } })).toBe(1);
  });

  it("refuses a value that is not one of the choices", async () => {
    const { school, admin } = await schoolWithAdmin();
    const refused = await call(action, {
      userId: admin.id,
      path: `/admin/sign-in?school=${school.id}`,
      form: { intent: "two-factor", expectedVersion: "0", twoFactorRequiredFor: "EVERYONE" },
    });
    expect(refused.status).toBe(400);
    expect(refused.data.result.error.twoFactorRequiredFor).toBeDefined();
  });
});
