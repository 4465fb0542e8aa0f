/**
 * Helpers for the single sign-on and two-factor tests (ADR 0016, 0017):
 * configuring a school's provider, walking a whole SSO sign-in through the
 * real routes and a real provider, and running the session middleware.
 * Test files set DATA_ENCRYPTION_KEY (and SSO_ALLOW_HTTP_LOOPBACK_ISSUER)
 * in `vi.hoisted` before importing the app.
 */
import { RouterContextProvider } from "react-router";
import { authContext, pendingSignInContext } from "#app/context";
import { sessionMiddleware } from "#app/middleware/session.server";
import { loader as callbackLoader } from "#app/routes/auth/sso-callback";
import { loader as startLoader } from "#app/routes/auth/sso-start";
import { prisma } from "#app/utils/db.server";
import { seal } from "#app/utils/secret-box.server";
import { signInAtProvider } from "./oidc-provider";
import { call, ORIGIN } from "./route";

export const TEST_CLIENT = { clientId: "retake-desk-test", clientSecret: "a test client secret", redirectUris: [`${ORIGIN}/sso/callback`] };
export const CALLBACK_PREFIX = `${ORIGIN}/sso/callback`;

export async function configureSso(
  schoolId: string,
  options: {
    issuer: string;
    domains: string[];
    jitStudents?: boolean;
    requiredForStaff?: boolean;
    enabled?: boolean;
    clientId?: string;
    secret?: string;
  },
) {
  const data = {
    ssoEnabled: options.enabled ?? true,
    ssoIssuer: options.issuer,
    ssoClientId: options.clientId ?? TEST_CLIENT.clientId,
    ssoClientSecret: seal(options.secret ?? TEST_CLIENT.clientSecret, `sso-client-secret:${schoolId}`),
    ssoJitStudents: options.jitStudents ?? false,
    ssoRequiredForStaff: options.requiredForStaff ?? false,
  };
  await prisma.schoolSignIn.upsert({ where: { schoolId }, create: { schoolId, ...data }, update: data });
  await prisma.ssoDomain.deleteMany({ where: { schoolId } });
  await prisma.ssoDomain.createMany({ data: options.domains.map((domain) => ({ domain, schoolId })) });
  return prisma.school.findUniqueOrThrow({ where: { id: schoolId }, select: { id: true, slug: true, name: true } });
}

export function cookieFrom(headers: Headers, name: string): string | null {
  const header = headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return header ? header.split(";")[0].slice(name.length + 1) : null;
}

/** Starts a sign-in at /sso/:slug: the provider URL and the flow cookie. */
let clients = 0;

export async function startSso(slug: string, query = "redirectTo=/cases") {
  // Each start from its own client address: starts count against the address's sign-in budget.
  const headers = { "x-retake-desk-client": `sso-start-${clients++}` };
  const started = await call(startLoader, { userId: null, path: `/sso/${slug}?${query}`, params: { slug }, headers });
  return { ...started, flow: cookieFrom(started.headers, "rd_sso") };
}

/** Comes back to /sso/callback with the provider's answer and the flow cookie. */
export function callback(url: URL, flow: string | null) {
  return call(callbackLoader, { userId: null, path: `${url.pathname}${url.search}`, headers: flow ? { Cookie: `rd_sso=${flow}` } : {} });
}

/**
 * A whole sign-in: start, sign in at the provider's own pages as `login`, come
 * back. `alterAuthorization` changes the request sent to the provider,
 * `alterCallback` the answer it sends back (what an attacker could try).
 */
export async function ssoSignIn(
  slug: string,
  login: string,
  options: { alterAuthorization?: (url: URL) => void; alterCallback?: (url: URL) => void; flow?: string | null } = {},
) {
  const started = await startSso(slug);
  if (started.status !== 302 || !started.location?.startsWith("http")) {
    throw new Error(`the sign-in did not leave for the provider: ${started.status} ${started.location}`);
  }
  const authorization = new URL(started.location);
  options.alterAuthorization?.(authorization);
  const back = await signInAtProvider(authorization.href, login, CALLBACK_PREFIX);
  options.alterCallback?.(back);
  const result = await callback(back, options.flow === undefined ? started.flow : options.flow);
  return { ...result, session: cookieFrom(result.headers, "rd_session"), back, flow: started.flow };
}

/** Runs the session middleware for a request carrying the session `token`: what loaders would see. */
export async function throughMiddleware(token: string | null, path = "/") {
  const context = new RouterContextProvider();
  const request = new Request(`${ORIGIN}${path}`, { headers: token ? { Cookie: `rd_session=${token}` } : {} });
  const response = (await sessionMiddleware(
    { request, context, params: {}, url: new URL(request.url), pattern: "/" } as never,
    async () => new Response("ok"),
  )) as Response;
  return { context, auth: context.get(authContext), pending: context.get(pendingSignInContext), response };
}

/** The activity entries about sign-in at a school, oldest first. */
export function signInLog(schoolId: string) {
  return prisma.activityLog.findMany({
    where: { schoolId, entity: "SignIn" },
    orderBy: { createdAt: "asc" },
    select: { action: true, summary: true, actorId: true, after: true },
  });
}

export const reasonOf = (entry: { after: string | null }) =>
  entry.after ? (JSON.parse(entry.after) as { reason?: string }).reason : undefined;
