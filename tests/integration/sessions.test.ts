import { sha256 } from "@oslojs/crypto/sha2";
import { RouterContextProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { authContext } from "../../app/context";
import { sessionMiddleware } from "../../app/middleware/session.server";
import { setUserActive } from "../../app/domain/users/mutations.server";
import { prisma } from "../../app/utils/db.server";
import {
  createSession,
  invalidateAllSessions,
  SESSION_REFRESH_BELOW_MS,
  SESSION_TTL_MS,
  sessionCookie,
  validateSessionToken,
} from "../../app/utils/session.server";
import { createSchool, createTutor, createUser } from "../factories";

const DAY = 24 * 60 * 60 * 1000;

/** Runs the session middleware for a request carrying `token`, returning what loaders would see. */
async function throughMiddleware(token: string | null, method = "GET") {
  const context = new RouterContextProvider();
  const request = new Request("http://localhost:3000/", { method, headers: token ? { Cookie: `rd_session=${token}` } : {} });
  const response = await sessionMiddleware(
    { request, context, params: {}, url: new URL(request.url), pattern: "/" } as never,
    async () => new Response("ok"),
  );
  return { auth: context.get(authContext), response: response as Response };
}

describe("sessions", () => {
  it("stores only the id and a hash of the secret: the table holds no usable token", async () => {
    const { id } = await createTutor();
    const { token, session } = await createSession(id);
    const [sessionId, secret] = token.split(".");
    expect(sessionId).toBe(session.id);
    expect(secret.length).toBeGreaterThanOrEqual(50);
    const row = await prisma.authSession.findUniqueOrThrow({ where: { id: session.id } });
    const stored = Buffer.from(row.secretHash);
    expect(stored.equals(Buffer.from(sha256(new TextEncoder().encode(secret))))).toBe(true);
    expect(stored.toString("utf8")).not.toContain(secret);
    // The row's contents, used as a token, do not validate.
    expect(await validateSessionToken(`${row.id}.${stored.toString("hex")}`)).toBeNull();
    expect(await validateSessionToken(`${row.id}.${stored.toString("base64")}`)).toBeNull();
  });

  it("refuses tampered, malformed and unknown tokens", async () => {
    const { id } = await createTutor();
    const { token } = await createSession(id);
    expect(await validateSessionToken(token)).not.toBeNull();
    const [sessionId, secret] = token.split(".");
    const flipped = `${sessionId}.${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`;
    expect(await validateSessionToken(flipped)).toBeNull();
    expect(await validateSessionToken(`${sessionId}`)).toBeNull();
    expect(await validateSessionToken(`nosuchsession.${secret}`)).toBeNull();
    expect(await validateSessionToken("a.b.c")).toBeNull();
  });

  it("refuses an expired session and deletes it", async () => {
    const { id } = await createTutor();
    const created = new Date(Date.now() - SESSION_TTL_MS - DAY);
    const { token, session } = await createSession(id, created);
    expect(await validateSessionToken(token)).toBeNull();
    expect(await prisma.authSession.findUnique({ where: { id: session.id } })).toBeNull();
  });

  it("slides the expiry only when fewer than 15 days remain", async () => {
    const { id } = await createTutor();
    const start = new Date("2026-01-01T00:00:00Z");
    const { token } = await createSession(id, start);
    const early = await validateSessionToken(token, new Date(start.getTime() + 10 * DAY));
    expect(early?.refreshed).toBe(false);
    const late = new Date(start.getTime() + SESSION_TTL_MS - SESSION_REFRESH_BELOW_MS + DAY);
    const slid = await validateSessionToken(token, late);
    expect(slid?.refreshed).toBe(true);
    expect(slid?.session.expiresAt.getTime()).toBe(late.getTime() + SESSION_TTL_MS);
  });

  it("signs the user in through the middleware and clears the cookie of a tampered token", async () => {
    const { id } = await createTutor();
    const { token } = await createSession(id);
    const good = await throughMiddleware(token);
    expect(good.auth?.user.id).toBe(id);
    expect(good.response.headers.get("Set-Cookie")).toBeNull();

    const bad = await throughMiddleware(`${token}x`);
    expect(bad.auth).toBeNull();
    expect(bad.response.headers.get("Set-Cookie")).toMatch(/^rd_session=; .*Max-Age=0/);
  });

  it("re-sets the cookie when the expiry slides", async () => {
    const { id } = await createTutor();
    const { token, session } = await createSession(id, new Date(Date.now() - SESSION_TTL_MS + 5 * DAY));
    const { auth, response } = await throughMiddleware(token);
    expect(auth?.user.id).toBe(id);
    const cookie = response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toContain(`rd_session=${token}`);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    const row = await prisma.authSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_TTL_MS - DAY);
  });

  it("ends every session of a deactivated user at once", async () => {
    const school = await createSchool();
    const admin = await createUser({ schoolId: school.id, role: "ADMIN" });
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const first = await createSession(tutor.id);
    await createSession(tutor.id);
    const result = await setUserActive({ userId: tutor.id, active: false, actorId: admin.id, schoolIds: [school.id] });
    expect(result.ok).toBe(true);
    expect(await prisma.authSession.count({ where: { userId: tutor.id } })).toBe(0);
    const next = await throughMiddleware(first.token);
    expect(next.auth).toBeNull();
    expect(next.response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
  });

  it("refuses a session of a deactivated user even if one survived", async () => {
    const { id } = await createTutor();
    const { token } = await createSession(id);
    await prisma.user.update({ where: { id }, data: { status: "DEACTIVATED" } });
    const { auth } = await throughMiddleware(token);
    expect(auth).toBeNull();
    expect(await prisma.authSession.count({ where: { userId: id } })).toBe(0);
  });

  it("lets an admin deactivate only members of their own school, never themself", async () => {
    const school = await createSchool();
    const other = await createSchool();
    const admin = await createUser({ schoolId: school.id, role: "ADMIN" });
    const stranger = await createUser({ schoolId: other.id, role: "TUTOR" });
    expect(await setUserActive({ userId: stranger.id, active: false, actorId: admin.id, schoolIds: [school.id] })).toMatchObject({
      ok: false,
    });
    expect(await setUserActive({ userId: admin.id, active: false, actorId: admin.id, schoolIds: [school.id] })).toMatchObject({
      ok: false,
    });
  });

  it("invalidates all sessions of a user", async () => {
    const { id } = await createTutor();
    await createSession(id);
    await createSession(id);
    await invalidateAllSessions(id);
    expect(await prisma.authSession.count({ where: { userId: id } })).toBe(0);
  });

  it("writes a cookie that expires with the session", () => {
    const expires = new Date(Date.now() + 10 * DAY);
    const cookie = sessionCookie("abc.def", expires);
    expect(cookie).toMatch(/Max-Age=86(39|40)\d\d/);
    expect(cookie).toContain(`Expires=${expires.toUTCString()}`);
  });
});
