/**
 * Root middleware: resolves the session cookie to a user (or none) for every
 * request. A tampered, expired or revoked token — or a deactivated account —
 * clears the cookie; a session whose expiry slid gets its cookie re-set.
 */
import type { MiddlewareFunction } from "react-router";
import { type Auth, authContext } from "../context";
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
  const user = await prisma.user.findUnique({
    where: { id: validated.session.userId },
    select: {
      id: true,
      email: true,
      name: true,
      status: true,
      memberships: { select: { schoolId: true, role: true, school: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
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
      memberships: user.memberships.map((m) => ({ schoolId: m.schoolId, schoolName: m.school.name, role: m.role })),
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
