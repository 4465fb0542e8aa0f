import { describe, expect, it } from "vitest";
import { safeRedirect } from "#app/auth/guards.server";
import { loader as caseLoader } from "#app/routes/app/cases/case";
import { action as loginAction, loader as loginLoader } from "#app/routes/auth/login";
import { action as logoutAction } from "#app/routes/auth/logout";
import { prisma } from "#app/utils/db.server";
import { createSession } from "#app/utils/session.server";
import { createSchoolWithCase, createTutor, createUser, TEST_PASSWORD } from "../factories";
import { request } from "../utils/app";
import { call } from "../utils/route";

function login(email: string, password: string, redirectTo?: string) {
  return call(loginAction, { userId: null, path: "/login", form: { email, password, ...(redirectTo ? { redirectTo } : {}) } });
}

describe("signing in", () => {
  it("signs in with the right password and sets a secure session cookie", async () => {
    const user = await createTutor();
    const result = await login(user.email.toUpperCase(), TEST_PASSWORD);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
    const cookie = result.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^rd_session=[a-z2-7]+\.[a-z2-7]+;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(await prisma.authSession.count({ where: { userId: user.id } })).toBe(1);
  });

  it("keeps the typed email and never echoes the password after a wrong password", async () => {
    const user = await createTutor();
    const result = await login(user.email, "not the password");
    expect(result.status).toBe(400);
    const reply = result.data.result;
    expect(reply.error[""]).toEqual(["Wrong email or password."]);
    expect(reply.initialValue.email).toBe(user.email);
    expect(reply.initialValue.password).toBeUndefined();
    expect(JSON.stringify(reply)).not.toContain("not the password");
  });

  it("throttles the sixth wrong password for one account within a minute, with a clear message", async () => {
    const user = await createTutor();
    for (let i = 0; i < 5; i++) {
      const wrong = await login(user.email, `wrong ${i}`);
      expect(wrong.data.result.error[""]).toEqual(["Wrong email or password."]);
    }
    const sixth = await login(user.email, TEST_PASSWORD);
    expect(sixth.status).toBe(429);
    expect(sixth.data.result.error[""][0]).toMatch(/Too many wrong passwords for this account\. Wait \d+ seconds/);
    // Another account is not affected.
    const other = await createUser({ schoolId: user.schoolId, role: "TUTOR" });
    expect((await login(other.email, TEST_PASSWORD)).status).toBe(302);
  });

  it("refuses a deactivated account", async () => {
    const user = await createTutor();
    await prisma.user.update({ where: { id: user.id }, data: { status: "DEACTIVATED" } });
    const result = await login(user.email, TEST_PASSWORD);
    expect(result.status).toBe(403);
    expect(result.data.result.error[""][0]).toMatch(/deactivated/);
  });

  it("gives field errors for an empty form", async () => {
    const result = await call(loginAction, { userId: null, path: "/login", form: { email: "", password: "" } });
    expect(result.status).toBe(400);
    expect(result.data.result.error.email).toBeDefined();
    expect(result.data.result.error.password).toBeDefined();
  });

  it("sends an unauthenticated visit to /login and back after signing in", async () => {
    const { caseId, advisor } = await createSchoolWithCase();
    const visit = await call(caseLoader, { userId: null, path: `/cases/${caseId}?tab=1`, params: { caseId } });
    expect(visit.status).toBe(302);
    expect(visit.location).toBe(`/login?redirectTo=${encodeURIComponent(`/cases/${caseId}?tab=1`)}`);
    const page = await call(loginLoader, { userId: null, path: visit.location as string });
    expect(page.data.redirectTo).toBe(`/cases/${caseId}?tab=1`);
    const signedIn = await login(advisor.email, TEST_PASSWORD, page.data.redirectTo);
    expect(signedIn.location).toBe(`/cases/${caseId}?tab=1`);
  });

  it("never redirects off-site after signing in", async () => {
    const user = await createTutor();
    expect((await login(user.email, TEST_PASSWORD, "https://evil.example/")).location).toBe("/");
    expect((await login(user.email, TEST_PASSWORD, "//evil.example/")).location).toBe("/");
    // A browser drops the tab and reads the backslash as a slash: both would be //evil.example.
    expect((await login(user.email, TEST_PASSWORD, "/\t/evil.example/")).location).toBe("/");
    expect((await login(user.email, TEST_PASSWORD, "/\\evil.example/")).location).toBe("/");
    // Percent-encoded, the same tab is judged decoded.
    expect((await login(user.email, TEST_PASSWORD, "/%09/evil.example/")).location).toBe("/");
  });

  it("judges a redirect target after its dot segments and encodings are resolved", async () => {
    const user = await createTutor();
    const offSite = [
      "/.//evil.example",
      "/.//evil.example/path?x=1",
      "/%2e//evil.example",
      "/%2E//evil.example",
      "/..//evil.example",
      "/%2e%2e//evil.example",
      "/a/..//evil.example",
      "/./\\evil.example",
      "/%5cevil.example",
      "/%5C%5Cevil.example",
      "/%2f/evil.example",
      "/%2F%2Fevil.example",
      "/%252e//evil.example",
      "/%25252f%25252fevil.example",
      "/%zz/evil.example",
      "/%0d%0aLocation:%20https://evil.example",
    ];
    for (const target of offSite) {
      expect(safeRedirect(target), target).toBe("/");
      // The sign-in page never offers it back either: it drops it from its address.
      const page = await call(loginLoader, { userId: null, path: `/login?redirectTo=${encodeURIComponent(target)}` });
      expect(page, target).toMatchObject({ status: 302, location: "/login" });
    }
    // Through the sign-in form itself (a few: the form throttles per address).
    for (const target of ["/.//evil.example", "/%2e//evil.example", "/%5C%5Cevil.example"]) {
      const result = await login(user.email, TEST_PASSWORD, target);
      expect(result.status, target).toBe(302);
      expect(result.location, target).toBe("/");
    }
    // The page as a browser receives it carries no trace of the target.
    const first = await request(`/login?redirectTo=${encodeURIComponent("/.//evil.example")}`);
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/login");
    const html = await (await request("/login")).text();
    expect(html).toContain("Sign in");
    expect(html).not.toContain("evil.example");
    // Same-site targets still work, normalized.
    expect((await login(user.email, TEST_PASSWORD, "/cases/./abc/../def?tab=1#x")).location).toBe("/cases/def?tab=1#x");
    expect((await login(user.email, TEST_PASSWORD, "/cases?q=a%20b")).location).toBe("/cases?q=a%20b");
  });

  it("signs out by POST: the session row is deleted and the cookie cleared", async () => {
    const user = await createTutor();
    const { session } = await createSession(user.id);
    const result = await call(logoutAction, { userId: user.id, sessionId: session.id, path: "/logout", method: "POST" });
    expect(result).toMatchObject({ thrown: false, status: 302 });
    expect(result.headers.get("Set-Cookie")).toMatch(/^rd_session=; .*Max-Age=0/);
    expect(await prisma.authSession.findUnique({ where: { id: session.id } })).toBeNull();
  });
});
