/**
 * Signing in through a school's OpenID Connect provider (ADR 0016).
 *
 * Start: a flow row holds `state`, `nonce` and the PKCE verifier; the browser
 * holds only the row's id, in a cookie scoped to /sso, for ten minutes.
 * Callback: the flow is claimed once; `state` must match; the code is
 * exchanged and the ID token validated (nonce included); then the provider's
 * verified e-mail must belong to an active member of that school — an account
 * is created only for a student when the school turned on just-in-time
 * accounts. The account stays linked to the provider's subject. Every
 * sign-in and every refusal is written to the school's activity log.
 */
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { logActivity } from "#app/utils/activity.server";
import { prisma } from "#app/utils/db.server";
import { allowedOrigins, secureCookies } from "#app/utils/env.server";
import { logger } from "#app/utils/logger.server";
import { createSession } from "#app/utils/session.server";
import {
  authorizationUrl,
  ExchangeError,
  exchangeCode,
  type Flow,
  isUnreachable,
  newFlow,
  type ProviderIdentity,
  providerConfiguration,
} from "./oidc.server";
import { emailDomain } from "./schema";

const SSO_FLOW_COOKIE = "rd_sso";
const SSO_CALLBACK_PATH = "/sso/callback";
const FLOW_TTL_MS = 10 * 60_000;

export const redirectUri = () => `${allowedOrigins()[0] ?? "http://localhost:3000"}${SSO_CALLBACK_PATH}`;

export type SsoRefusal =
  | "throttled"
  | "unknown_school"
  | "unreachable"
  | "misconfigured"
  | "expired"
  | "state"
  | "nonce"
  | "denied"
  | "provider_error"
  | "no_email"
  | "email_unverified"
  | "not_member"
  | "deactivated"
  | "subject_mismatch";

/** What a refusal says to the person at the sign-in page; never which accounts exist elsewhere. */
export const SSO_REFUSAL_MESSAGES: Record<SsoRefusal, string> = {
  throttled: "Too many sign-in attempts from this network. Wait a minute, then try again.",
  unknown_school: "That school does not offer single sign-on here.",
  unreachable: "We could not reach your school's sign-in service. Try again in a few minutes.",
  misconfigured: "Your school's single sign-on is not set up correctly. Tell your school's office.",
  expired: "That sign-in took too long or was started in another browser. Start again.",
  state: "That sign-in could not be checked: it did not come back the way it left. Start again from this page.",
  nonce: "That sign-in could not be checked: the provider's answer was not for this sign-in. Start again from this page.",
  denied: "The sign-in was cancelled at your school's sign-in service.",
  provider_error: "Your school's sign-in service gave an answer we could not use. Try again, or tell your school's office.",
  no_email: "Your school's sign-in service did not tell us your e-mail address, so we cannot tell which account is yours.",
  email_unverified:
    "Your school's sign-in service has not verified your e-mail address, so we cannot tell which account is yours. Ask your school's IT to verify it.",
  not_member: "There is no account for you at this school. Ask the school's office for an invitation.",
  deactivated: "This account has been deactivated. Contact your school's office.",
  subject_mismatch: "This address is linked to another account at your school's sign-in service. Contact your school's office.",
};

/** The reason as written in the activity log. */
const REFUSAL_LOG: Record<SsoRefusal, string> = {
  throttled: "too many attempts from one address",
  unknown_school: "single sign-on is not on",
  unreachable: "the provider could not be reached",
  misconfigured: "the provider configuration could not be used",
  expired: "the sign-in expired or was not started in this browser",
  state: "the state did not match",
  nonce: "the ID token's nonce did not match",
  denied: "the provider refused or the person cancelled",
  provider_error: "the provider's answer failed validation",
  no_email: "no e-mail claim",
  email_unverified: "the e-mail claim is not verified",
  not_member: "the e-mail is not an active member of this school",
  deactivated: "the account is deactivated",
  subject_mismatch: "the account is linked to another subject at the provider",
};

interface SsoSchool {
  id: string;
  slug: string;
  name: string;
  issuer: string;
  clientId: string;
  sealedSecret: string;
  jitStudents: boolean;
  requiredForStaff: boolean;
  domains: string[];
}

const ssoSelect = {
  ssoEnabled: true,
  ssoIssuer: true,
  ssoClientId: true,
  ssoClientSecret: true,
  ssoJitStudents: true,
  ssoRequiredForStaff: true,
  domains: { select: { domain: true } },
  school: { select: { id: true, slug: true, name: true } },
} as const;

function toSsoSchool(
  row: {
    ssoEnabled: boolean;
    ssoIssuer: string | null;
    ssoClientId: string | null;
    ssoClientSecret: string | null;
    ssoJitStudents: boolean;
    ssoRequiredForStaff: boolean;
    domains: Array<{ domain: string }>;
    school: { id: string; slug: string; name: string };
  } | null,
): SsoSchool | null {
  if (!row?.ssoEnabled || !row.ssoIssuer || !row.ssoClientId || !row.ssoClientSecret) return null;
  return {
    ...row.school,
    issuer: row.ssoIssuer,
    clientId: row.ssoClientId,
    sealedSecret: row.ssoClientSecret,
    jitStudents: row.ssoJitStudents,
    requiredForStaff: row.ssoRequiredForStaff,
    domains: row.domains.map((d) => d.domain),
  };
}

async function ssoSchoolBySlug(slug: string): Promise<SsoSchool | null> {
  const row = await prisma.schoolSignIn.findFirst({ where: { school: { slug } }, select: ssoSelect });
  return toSsoSchool(row);
}

async function ssoSchoolById(schoolId: string): Promise<SsoSchool | null> {
  return toSsoSchool(await prisma.schoolSignIn.findUnique({ where: { schoolId }, select: ssoSelect }));
}

export interface SsoOffer {
  slug: string;
  name: string;
  requiredForStaff: boolean;
}

/** The school whose provider signs in addresses at this e-mail's domain, if one does. */
export async function ssoOfferForEmail(email: string): Promise<SsoOffer | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const row = await prisma.ssoDomain.findUnique({ where: { domain }, select: { signIn: { select: ssoSelect } } });
  const school = toSsoSchool(row?.signIn ?? null);
  return school ? { slug: school.slug, name: school.name, requiredForStaff: school.requiredForStaff } : null;
}

export async function ssoOfferBySlug(slug: string): Promise<SsoOffer | null> {
  const school = await ssoSchoolBySlug(slug);
  return school ? { slug: school.slug, name: school.name, requiredForStaff: school.requiredForStaff } : null;
}

async function logSignIn(
  school: { id: string },
  entry: { action: "sso.signed_in" | "sso.refused"; userId: string | null; summary: string; after: Record<string, unknown> },
) {
  await prisma.$transaction(async (tx) => {
    await logActivity(tx, {
      schoolId: school.id,
      actorId: entry.userId,
      entity: "SignIn",
      entityId: entry.userId ?? school.id,
      action: entry.action,
      summary: entry.summary,
      after: entry.after,
    });
  });
}

async function refuse(
  school: SsoSchool | { id: string; slug: string; name: string; issuer?: string },
  reason: SsoRefusal,
  detail: { email?: string | null; userId?: string | null; subject?: string | null; error?: unknown } = {},
): Promise<{ ok: false; reason: SsoRefusal; school: { slug: string; name: string } }> {
  const who = detail.email ? ` (${detail.email})` : "";
  await logSignIn(school, {
    action: "sso.refused",
    userId: detail.userId ?? null,
    summary: `Single sign-on refused: ${REFUSAL_LOG[reason]}${who}`,
    after: { reason, email: detail.email ?? null, subject: detail.subject ?? null, issuer: "issuer" in school ? school.issuer : null },
  });
  if (detail.error) logger.warn({ err: detail.error, school: school.slug, reason }, "single sign-on refused");
  return { ok: false, reason, school: { slug: school.slug, name: school.name } };
}

function flowCookie(value: string, maxAgeSeconds: number): string {
  const parts = [`${SSO_FLOW_COOKIE}=${value}`, "Path=/sso", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (secureCookies()) parts.push("Secure");
  return parts.join("; ");
}

export const clearedFlowCookie = () => flowCookie("", 0);

function readFlowCookie(request: Request): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SSO_FLOW_COOKIE) return rest.join("=") || null;
  }
  return null;
}

type StartResult =
  | { ok: true; location: string; cookie: string }
  | { ok: false; reason: SsoRefusal; school: { slug: string; name: string } | null };

/** Leaves for the school's provider: a new flow, and the authorization URL to send the browser to. */
export async function startSsoSignIn(
  input: { slug: string; redirectTo: string; loginHint: string | null },
  now = new Date(),
): Promise<StartResult> {
  const school = await ssoSchoolBySlug(input.slug);
  if (!school) return { ok: false, reason: "unknown_school", school: null };
  let config: Awaited<ReturnType<typeof providerConfiguration>>;
  try {
    config = await providerConfiguration({
      schoolId: school.id,
      issuer: school.issuer,
      clientId: school.clientId,
      sealedSecret: school.sealedSecret,
    });
  } catch (error) {
    return refuse(school, isUnreachable(error) ? "unreachable" : "misconfigured", { error });
  }
  const flow = newFlow();
  const id = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
  await prisma.ssoFlow.deleteMany({ where: { expiresAt: { lt: now } } });
  await prisma.ssoFlow.create({
    data: {
      id,
      schoolId: school.id,
      ...flow,
      redirectTo: input.redirectTo,
      expiresAt: new Date(now.getTime() + FLOW_TTL_MS),
      createdAt: now,
    },
  });
  const url = await authorizationUrl(config, flow, redirectUri(), input.loginHint);
  return { ok: true, location: url.href, cookie: flowCookie(id, FLOW_TTL_MS / 1000) };
}

type CallbackResult =
  | { ok: true; token: string; expiresAt: Date; redirectTo: string }
  | { ok: false; reason: SsoRefusal; school: { slug: string; name: string } | null };

const sameText = (a: string, b: string) => {
  const encoder = new TextEncoder();
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  return x.length === y.length && constantTimeEqual(x, y);
};

/** Claims the flow named by the cookie: once, and only before it expires. */
async function claimFlow(request: Request, now: Date) {
  const id = readFlowCookie(request);
  if (!id) return null;
  const flow = await prisma.ssoFlow.findUnique({ where: { id } });
  if (!flow) return null;
  const claimed = await prisma.ssoFlow.deleteMany({ where: { id } });
  if (claimed.count !== 1) return null;
  return { flow, expired: flow.expiresAt.getTime() <= now.getTime() };
}

/** A school as a refusal names it and logs at it, whether or not it uses single sign-on. */
const schoolToLogAt = (where: { id: string } | { slug: string }) =>
  prisma.school.findUnique({ where, select: { id: true, slug: true, name: true } });

/**
 * A start refused by the client address's sign-in budget, logged at the school
 * it named (a slug that names no school has no log to go to).
 */
export async function refuseThrottledStart(slug: string): Promise<{ slug: string; name: string } | null> {
  const school = await schoolToLogAt({ slug });
  if (!school) return null;
  const refused = await refuse(school, "throttled");
  return refused.school;
}

/**
 * A callback whose flow this browser does not hold (no cookie, or its flow was
 * used or swept). The answer's `state` still names the school when it is the
 * state of a flow started there (another browser's, or one whose cookie was
 * lost): the refusal goes to that school's log, and the flow is left to the
 * browser that holds it. A state that names no flow names no school, and the
 * activity log has no place for an entry without one (ADR 0016): the server log.
 */
async function refuseWithoutFlow(request: Request): Promise<CallbackResult> {
  const state = new URL(request.url).searchParams.get("state");
  const flow = state ? await prisma.ssoFlow.findFirst({ where: { state }, select: { schoolId: true } }) : null;
  const school = flow ? await schoolToLogAt({ id: flow.schoolId }) : null;
  if (school) return refuse(school, "expired");
  logger.info("single sign-on callback without a usable flow");
  return { ok: false, reason: "expired", school: null };
}

/** Back from the provider: checks everything, links the account, and opens an SSO session. */
export async function completeSsoSignIn(request: Request, now = new Date()): Promise<CallbackResult> {
  const claimed = await claimFlow(request, now);
  if (!claimed) return refuseWithoutFlow(request);
  const { flow: row } = claimed;
  const school = await ssoSchoolById(row.schoolId);
  if (!school) {
    const plain = await schoolToLogAt({ id: row.schoolId });
    if (!plain) return { ok: false, reason: "expired", school: null };
    return refuse(plain, "unknown_school");
  }
  if (claimed.expired) return refuse(school, "expired");

  const params = new URL(request.url).searchParams;
  // The state binds the provider's answer to the sign-in this browser started.
  if (!sameText(params.get("state") ?? "", row.state)) return refuse(school, "state");

  const flow: Flow = { state: row.state, nonce: row.nonce, codeVerifier: row.codeVerifier };
  let identity: ProviderIdentity;
  try {
    const config = await providerConfiguration({
      schoolId: school.id,
      issuer: school.issuer,
      clientId: school.clientId,
      sealedSecret: school.sealedSecret,
    });
    // The URL the provider redirected to, as registered there: on the public origin, whatever the proxy in front says.
    const callbackUrl = new URL(`${SSO_CALLBACK_PATH}?${params.toString()}`, redirectUri());
    identity = await exchangeCode(config, callbackUrl, flow);
  } catch (error) {
    if (error instanceof ExchangeError) return refuse(school, error.reason, { error: error.cause });
    return refuse(school, isUnreachable(error) ? "unreachable" : "misconfigured", { error });
  }

  const { email, subject } = identity;
  if (!email) return refuse(school, "no_email", { subject });
  if (!identity.emailVerified) return refuse(school, "email_unverified", { email, subject });

  const linked = await linkAccount(school, identity, now);
  if (!linked.ok) return refuse(school, linked.reason, { email, subject, userId: linked.userId });

  const { token, session } = await createSession(linked.userId, now, { method: "SSO", ssoSchoolId: school.id });
  await logSignIn(school, {
    action: "sso.signed_in",
    userId: linked.userId,
    summary: `${linked.name} signed in through single sign-on${linked.created ? " (account created for a student)" : ""}`,
    after: { email, subject, issuer: school.issuer, sessionId: session.id },
  });
  return { ok: true, token, expiresAt: session.expiresAt, redirectTo: row.redirectTo };
}

type Linked =
  | { ok: true; userId: string; name: string; created: boolean }
  | { ok: false; reason: "not_member" | "deactivated" | "subject_mismatch"; userId: string | null };

/**
 * The account the verified address belongs to, if it is an active member of
 * the school — or, for a student at one of the school's domains with no account
 * anywhere, a new one when the school allows it. The provider's subject is
 * remembered on first use and must stay the same.
 */
class LinkRefusal extends Error {
  constructor(readonly refusal: Extract<Linked, { ok: false }>) {
    super(refusal.reason);
  }
}

async function linkAccount(school: SsoSchool, identity: ProviderIdentity, now: Date): Promise<Linked> {
  // A refusal throws, so that nothing written on the way (a just-in-time account) is kept.
  return linkInTransaction(school, identity, now).catch((error: unknown) => {
    if (error instanceof LinkRefusal) return error.refusal;
    throw error;
  });
}

async function linkInTransaction(school: SsoSchool, identity: ProviderIdentity, now: Date): Promise<Linked> {
  const email = identity.email as string;
  const no = (reason: "not_member" | "deactivated" | "subject_mismatch", userId: string | null): never => {
    throw new LinkRefusal({ ok: false, reason, userId });
  };
  return prisma.$transaction(async (tx) => {
    let user = await tx.user.findUnique({
      where: { email },
      select: { id: true, name: true, status: true, memberships: { where: { schoolId: school.id }, select: { role: true } } },
    });
    let created = false;
    if (!user) {
      if (!school.jitStudents || !school.domains.includes(emailDomain(email))) return no("not_member", null);
      const name = identity.name?.trim().slice(0, 120) || email.slice(0, email.indexOf("@"));
      const made = await tx.user.create({
        data: {
          email,
          name,
          passwordHash: null,
          createdAt: now,
          memberships: { create: { schoolId: school.id, role: "STUDENT", createdAt: now } },
        },
        select: { id: true, name: true, status: true },
      });
      await tx.studentProfile.create({ data: { userId: made.id, schoolId: school.id } });
      await logActivity(tx, {
        schoolId: school.id,
        actorId: made.id,
        entity: "User",
        entityId: made.id,
        action: "user.created_by_sso",
        summary: `${made.name} (${email}) got a student account at first single sign-on`,
        after: { email, role: "STUDENT" },
      });
      user = { ...made, memberships: [{ role: "STUDENT" }] };
      created = true;
    }
    if (user.status !== "ACTIVE") return no("deactivated", user.id);
    if (user.memberships.length === 0) return no("not_member", user.id);

    const bySubject = await tx.ssoIdentity.findUnique({ where: { schoolId_subject: { schoolId: school.id, subject: identity.subject } } });
    const byUser = await tx.ssoIdentity.findUnique({ where: { schoolId_userId: { schoolId: school.id, userId: user.id } } });
    if ((bySubject && bySubject.userId !== user.id) || (byUser && byUser.subject !== identity.subject)) {
      return no("subject_mismatch", user.id);
    }
    if (byUser) await tx.ssoIdentity.update({ where: { id: byUser.id }, data: { lastUsedAt: now } });
    else
      await tx.ssoIdentity.create({
        data: { schoolId: school.id, subject: identity.subject, userId: user.id, createdAt: now, lastUsedAt: now },
      });
    return { ok: true, userId: user.id, name: user.name, created } as const;
  });
}
