/**
 * A server without DATA_ENCRYPTION_KEY (a fresh `npm start`): single sign-on
 * cannot be configured and two-factor cannot be set up, each refused with a
 * message that says what is missing; signing in with a password still works.
 */
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  delete process.env.DATA_ENCRYPTION_KEY;
  delete process.env.DATA_ENCRYPTION_KEY_PREVIOUS;
});

import { action as accountTwoFactorAction, loader as accountTwoFactorLoader } from "#app/routes/app/account-two-factor";
import { action, loader } from "#app/routes/app/admin/sign-in";
import { action as loginAction, loader as loginLoader } from "#app/routes/auth/login";
import { prisma } from "#app/utils/db.server";
import { createSchool, createUser, TEST_PASSWORD } from "../factories";
import { call } from "../utils/route";

describe("without an encryption key", () => {
  it("refuses to configure single sign-on, saying what the operator must set", async () => {
    const school = await createSchool();
    const admin = await createUser({ schoolId: school.id, role: "ADMIN" });
    const page = await call(loader, { userId: admin.id, path: "/admin/sign-in" });
    expect(page.data.encryption).toMatch(/needs DATA_ENCRYPTION_KEY/);
    const refused = await call(action, {
      userId: admin.id,
      path: `/admin/sign-in?school=${school.id}`,
      form: {
        intent: "sso",
        expectedVersion: "0",
        ssoEnabled: "on",
        issuer: "https://login.example.edu",
        clientId: "retake-desk",
        clientSecret: "the secret",
        domains: "example-nokey.edu",
      },
    });
    expect(refused.status).toBe(503);
    expect(refused.data.result.error[""][0]).toMatch(
      /Single sign-on cannot be configured on this server yet: it needs DATA_ENCRYPTION_KEY/,
    );
    expect(await prisma.schoolSignIn.count({ where: { schoolId: school.id } })).toBe(0);
  });

  it("refuses to set up two-factor authentication, and says why", async () => {
    const school = await createSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    expect((await call(accountTwoFactorLoader, { userId: tutor.id, path: "/account/two-factor" })).data.available).toBe(false);
    const refused = await call(accountTwoFactorAction, { userId: tutor.id, path: "/account/two-factor", form: { intent: "start" } });
    expect(refused.status).toBe(503);
    expect(refused.data.error).toMatch(/needs DATA_ENCRYPTION_KEY/);
    expect(await prisma.twoFactor.count({ where: { userId: tutor.id } })).toBe(0);
  });

  it("signs in with a password, and offers no single sign-on", async () => {
    const school = await createSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    expect((await call(loginLoader, { userId: null, path: `/login?email=${encodeURIComponent(tutor.email)}` })).data.sso).toBeNull();
    const signedIn = await call(loginAction, { userId: null, path: "/login", form: { email: tutor.email, password: TEST_PASSWORD } });
    expect(signedIn.status).toBe(302);
  });
});
