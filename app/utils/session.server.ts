/**
 * Sessions as lucia-auth.com teaches them (ADR 0003): the browser holds
 * "<id>.<secret>"; the database holds the id and SHA-256(secret) only, compared
 * in constant time. Sessions last 30 days and slide: when fewer than 15 days
 * remain, the expiry moves out to 30 days again and the cookie is re-set.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { prisma } from "./db.server";
import { secureCookies } from "./env.server";

export const SESSION_COOKIE = "rd_session";
const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const SESSION_REFRESH_BELOW_MS = 15 * 24 * 60 * 60 * 1000;

type SignInMethod = "PASSWORD" | "SSO";

interface SessionRecord {
  id: string;
  userId: string;
  expiresAt: Date;
  /** How it was signed in; an SSO session reaches only `ssoSchoolId` (ADR 0016). */
  method: SignInMethod;
  ssoSchoolId: string | null;
  /** When the second factor was passed in this session; null: not (yet) passed (ADR 0017). */
  secondFactorAt: Date | null;
}

interface NewSessionOptions {
  method?: SignInMethod;
  ssoSchoolId?: string | null;
}

interface ValidatedSession {
  session: SessionRecord;
  /** True when the expiry moved: the cookie must be sent again. */
  refreshed: boolean;
}

function randomToken(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return encodeBase32LowerCaseNoPadding(buffer);
}

function hashSecret(secret: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(sha256(new TextEncoder().encode(secret)));
}

/** Creates a session and returns the token for the cookie; the secret is never stored. */
export async function createSession(
  userId: string,
  now = new Date(),
  options: NewSessionOptions = {},
): Promise<{ token: string; session: SessionRecord }> {
  const id = randomToken(15); // 120 bits
  const secret = randomToken(32); // 256 bits
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const method = options.method ?? "PASSWORD";
  const ssoSchoolId = method === "SSO" ? (options.ssoSchoolId ?? null) : null;
  await prisma.authSession.create({ data: { id, userId, secretHash: hashSecret(secret), expiresAt, method, ssoSchoolId } });
  return { token: `${id}.${secret}`, session: { id, userId, expiresAt, method, ssoSchoolId, secondFactorAt: null } };
}

/**
 * Split → look up by id → expired? delete → constant-time compare of hashes →
 * slide the expiry if due. Null for anything that does not check out.
 */
export async function validateSessionToken(token: string, now = new Date()): Promise<ValidatedSession | null> {
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  const [id, secret] = parts;
  // Raw SQL: this runs on every request, and a plain statement skips the query compiler.
  const [raw] = await prisma.$queryRaw<
    Array<{
      id: string;
      userId: string;
      secretHash: Uint8Array | ArrayBuffer;
      expiresAt: string | Date;
      method: string;
      ssoSchoolId: string | null;
      secondFactorAt: string | Date | null;
    }>
  >`
    SELECT "id", "userId", "secretHash", "expiresAt", "method", "ssoSchoolId", "secondFactorAt" FROM "AuthSession" WHERE "id" = ${id}`;
  if (!raw) return null;
  const row = { ...raw, expiresAt: new Date(raw.expiresAt), secretHash: new Uint8Array(raw.secretHash) };
  if (row.expiresAt.getTime() <= now.getTime()) {
    await prisma.authSession.deleteMany({ where: { id } });
    return null;
  }
  if (!constantTimeEqual(hashSecret(secret), row.secretHash)) return null;
  const session: SessionRecord = {
    id: row.id,
    userId: row.userId,
    expiresAt: row.expiresAt,
    method: row.method === "SSO" ? "SSO" : "PASSWORD",
    ssoSchoolId: row.ssoSchoolId,
    secondFactorAt: row.secondFactorAt ? new Date(row.secondFactorAt) : null,
  };
  if (row.expiresAt.getTime() - now.getTime() < SESSION_REFRESH_BELOW_MS) {
    session.expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await prisma.authSession.update({ where: { id }, data: { expiresAt: session.expiresAt } });
    return { session, refreshed: true };
  }
  return { session, refreshed: false };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await prisma.authSession.deleteMany({ where: { id: sessionId } });
}

export async function invalidateAllSessions(userId: string): Promise<void> {
  await prisma.authSession.deleteMany({ where: { userId } });
}

function cookieAttributes(maxAgeSeconds: number): string {
  const parts = [`Path=/`, `HttpOnly`, `SameSite=Lax`, `Max-Age=${maxAgeSeconds}`];
  if (secureCookies()) parts.push("Secure");
  return parts.join("; ");
}

export function sessionCookie(token: string, expiresAt: Date, now = new Date()): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return `${SESSION_COOKIE}=${token}; ${cookieAttributes(maxAge)}; Expires=${expiresAt.toUTCString()}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; ${cookieAttributes(0)}; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return rest.join("=") || null;
  }
  return null;
}
