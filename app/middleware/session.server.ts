/**
 * Root middleware: resolves the session cookie to a user (or none) for every
 * request. A tampered, expired or revoked token — or a deactivated account —
 * clears the cookie; a session whose expiry slid gets its cookie re-set. A
 * session that still owes a second factor is only "pending" (ADR 0017), and
 * memberships a session may not reach under its schools' sign-in rules are
 * left out of it (ADR 0016).
 */
import type { MiddlewareFunction } from "react-router";
import { type Auth, authContext, type PendingSignIn, pendingSignInContext } from "#app/context";
import { asTwoFactorRequirement, resolveSignIn } from "#app/domain/sign-in/policy";
import type { Role } from "#app/domain/vocabulary";
import { dbReady, prisma } from "#app/utils/db.server";
import {
  clearedSessionCookie,
  invalidateAllSessions,
  invalidateSession,
  readSessionToken,
  SESSION_COOKIE,
  sessionCookie,
  validateSessionToken,
} from "#app/utils/session.server";

interface Loaded {
  auth: Auth | null;
  pending: PendingSignIn | null;
  refreshed: { token: string; expiresAt: Date } | null;
}

async function loadAuth(token: string): Promise<Loaded> {
  const none = { auth: null, pending: null, refreshed: null };
  const validated = await validateSessionToken(token);
  if (!validated) return none;
  const { session } = validated;
  // One statement for the person, their roles and their schools' sign-in rules: this runs on every request.
  const rows = await prisma.$queryRaw<
    Array<{
      id: string;
      email: string;
      name: string;
      status: string;
      schoolId: string | null;
      role: Role | null;
      schoolName: string | null;
      twoFactorEnrolled: number | bigint | null;
      ssoRequiredForStaff: number | bigint | null;
      twoFactorRequiredFor: string | null;
    }>
  >`
    SELECT u."id", u."email", u."name", u."status", m."schoolId", m."role", s."name" AS "schoolName",
      (t."confirmedAt" IS NOT NULL) AS "twoFactorEnrolled",
      (p."ssoEnabled" AND p."ssoRequiredForStaff") AS "ssoRequiredForStaff", p."twoFactorRequiredFor"
    FROM "User" u
    LEFT JOIN "TwoFactor" t ON t."userId" = u."id"
    LEFT JOIN "Membership" m ON m."userId" = u."id"
    LEFT JOIN "School" s ON s."id" = m."schoolId"
    LEFT JOIN "SchoolSignIn" p ON p."schoolId" = m."schoolId"
    WHERE u."id" = ${session.userId}
    ORDER BY m."createdAt" ASC`;
  const user = rows[0];
  if (user?.status !== "ACTIVE") {
    if (user) await invalidateAllSessions(user.id);
    return none;
  }
  // What this session reaches under the schools' rules (ADR 0016, 0017): SSO scope, SSO required, second factor.
  const resolution = resolveSignIn(
    { method: session.method, ssoSchoolId: session.ssoSchoolId, secondFactorPassed: session.secondFactorAt !== null },
    Number(user.twoFactorEnrolled) === 1,
    rows.flatMap((r) =>
      r.schoolId && r.role && r.schoolName
        ? [
            {
              schoolId: r.schoolId,
              schoolName: r.schoolName,
              role: r.role,
              ssoRequiredForStaff: Number(r.ssoRequiredForStaff) === 1,
              twoFactorRequiredFor: asTwoFactorRequirement(r.twoFactorRequiredFor),
            },
          ]
        : [],
    ),
  );
  if (resolution.step === "refused") {
    await invalidateSession(session.id);
    return none;
  }
  const refreshed = validated.refreshed ? { token, expiresAt: session.expiresAt } : null;
  if (resolution.step !== "complete") {
    const pending: PendingSignIn = {
      sessionId: session.id,
      userId: user.id,
      email: user.email,
      name: user.name,
      step: resolution.step,
      requiredBy: resolution.requiringTwoFactor.map((m) => m.schoolName),
    };
    return { auth: null, pending, refreshed };
  }
  const auth: Auth = {
    sessionId: session.id,
    method: session.method,
    ssoSchoolId: session.ssoSchoolId,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      memberships: resolution.memberships.map(({ schoolId, schoolName, role }) => ({ schoolId, schoolName, role })),
    },
  };
  return { auth, pending: null, refreshed };
}

export const sessionMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  await dbReady();
  const token = readSessionToken(request);
  const { auth, pending, refreshed } = token ? await loadAuth(token) : { auth: null, pending: null, refreshed: null };
  context.set(authContext, auth);
  context.set(pendingSignInContext, pending);
  const response = await next();
  const handlerSetCookie = response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!handlerSetCookie) {
    if (token && !auth && !pending) response.headers.append("Set-Cookie", clearedSessionCookie());
    else if (refreshed) response.headers.append("Set-Cookie", sessionCookie(refreshed.token, refreshed.expiresAt));
  }
  return response;
};
