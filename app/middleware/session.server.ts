/**
 * Root middleware: resolves the session cookie to a user (or none) for every
 * request. A tampered, expired or revoked token — or a deactivated account —
 * clears the cookie; a session whose expiry slid gets its cookie re-set.
 */
import type { MiddlewareFunction } from "react-router";
import { type Auth, authContext } from "../context";
import type { Role } from "../domain/vocabulary";
import { dbReady, prisma } from "../utils/db.server";
import {
  clearedSessionCookie,
  invalidateAllSessions,
  readSessionToken,
  SESSION_COOKIE,
  sessionCookie,
  validateSessionToken,
} from "../utils/session.server";

async function loadAuth(token: string): Promise<{ auth: Auth | null; refreshed: { token: string; expiresAt: Date } | null }> {
  const validated = await validateSessionToken(token);
  if (!validated) return { auth: null, refreshed: null };
  // One statement for the person and their roles: this runs on every request.
  const rows = await prisma.$queryRaw<
    Array<{
      id: string;
      email: string;
      name: string;
      status: string;
      schoolId: string | null;
      role: Role | null;
      schoolName: string | null;
    }>
  >`
    SELECT u."id", u."email", u."name", u."status", m."schoolId", m."role", s."name" AS "schoolName"
    FROM "User" u
    LEFT JOIN "Membership" m ON m."userId" = u."id"
    LEFT JOIN "School" s ON s."id" = m."schoolId"
    WHERE u."id" = ${validated.session.userId}
    ORDER BY m."createdAt" ASC`;
  const user = rows[0];
  if (user?.status !== "ACTIVE") {
    if (user) await invalidateAllSessions(user.id);
    return { auth: null, refreshed: null };
  }
  const auth: Auth = {
    sessionId: validated.session.id,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      memberships: rows.flatMap((r) =>
        r.schoolId && r.role && r.schoolName ? [{ schoolId: r.schoolId, schoolName: r.schoolName, role: r.role }] : [],
      ),
    },
  };
  return { auth, refreshed: validated.refreshed ? { token, expiresAt: validated.session.expiresAt } : null };
}

export const sessionMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  await dbReady();
  const token = readSessionToken(request);
  const { auth, refreshed } = token ? await loadAuth(token) : { auth: null, refreshed: null };
  context.set(authContext, auth);
  const response = await next();
  const handlerSetCookie = response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!handlerSetCookie) {
    if (token && !auth) response.headers.append("Set-Cookie", clearedSessionCookie());
    else if (refreshed) response.headers.append("Set-Cookie", sessionCookie(refreshed.token, refreshed.expiresAt));
  }
  return response;
};
