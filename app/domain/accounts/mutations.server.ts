/**
 * Credentials (ADR 0012). Only the owner of an address ever sets the password
 * of its account: through the link of an activation or reset mail, or — signed
 * in — with the current password. No admin path and no invitation sets,
 * resets or replaces a password. Every change ends sessions and is logged.
 */

import { appUrl, enqueueMail } from "#app/domain/mail/outbox.server";
import { activationMail, passwordChangedMail, passwordResetMail } from "#app/domain/mail/templates";
import { type Result, refuse } from "#app/domain/result";
import { logActivity } from "#app/utils/activity.server";
import { prisma, type Tx } from "#app/utils/db.server";
import { allowedOrigins } from "#app/utils/env.server";
import { hashPassword, verifyPassword } from "#app/utils/password.server";
import { checkNewPassword } from "./common-passwords.server";
import { ACTIVATION_TTL_DAYS, activationExpiry, hashToken, newSecret, RESET_TTL_MINUTES, resetExpiry } from "./tokens.server";

export type TokenPurpose = "ACTIVATION" | "RESET";

const origin = () => allowedOrigins()[0] ?? "http://localhost:3000";

/** Paths of the pages that take each kind of link. */
const TOKEN_PATHS: Record<TokenPurpose, string> = { ACTIVATION: "/activate", RESET: "/reset-password" };

/** Thrown inside a transaction to roll it back; the caller answers with the link's refusal. */
class LinkUnusable extends Error {}

/** One activity entry per school the person belongs to: an account is shared by its schools. */
export async function logAccountEvent(tx: Tx, userId: string, entry: { action: string; summary: string; actorId?: string | null }) {
  const memberships = await tx.membership.findMany({ where: { userId }, select: { schoolId: true } });
  for (const { schoolId } of memberships) {
    await logActivity(tx, {
      schoolId,
      actorId: entry.actorId ?? userId,
      entity: "User",
      entityId: userId,
      action: entry.action,
      summary: entry.summary,
    });
  }
}

// ───────────────────────────── activation ─────────────────────────────

export interface ActivationTarget {
  userId: string;
  email: string;
  name: string;
  schoolId: string;
  schoolName: string;
}

function activationRows(target: ActivationTarget, now: Date) {
  const { token, tokenHash } = newSecret();
  const content = activationMail({
    name: target.name,
    schoolName: target.schoolName,
    url: appUrl(origin(), `${TOKEN_PATHS.ACTIVATION}/${token}`),
    days: ACTIVATION_TTL_DAYS,
  });
  return {
    token: {
      purpose: "ACTIVATION",
      userId: target.userId,
      email: target.email,
      schoolId: target.schoolId,
      tokenHash,
      expiresAt: activationExpiry(now),
      createdAt: now,
    },
    mail: {
      kind: "ACTIVATION",
      toAddress: target.email,
      subject: content.subject,
      text: content.text,
      html: content.html,
      schoolId: target.schoolId,
      userId: target.userId,
      ref: `activation:${target.userId}`,
      nextAttemptAt: now,
      createdAt: now,
    },
  };
}

/**
 * Activation links for accounts that have no password yet, written in the
 * caller's transaction (an import, a new school): one token and one mail each.
 * Older activation links of the same accounts stop working.
 */
export async function issueActivations(tx: Tx, targets: readonly ActivationTarget[], now = new Date()): Promise<void> {
  if (targets.length === 0) return;
  for (let i = 0; i < targets.length; i += 500) {
    const part = targets.slice(i, i + 500);
    await tx.accountToken.updateMany({
      where: { userId: { in: part.map((t) => t.userId) }, purpose: "ACTIVATION", usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const rows = part.map((t) => activationRows(t, now));
    await tx.accountToken.createMany({ data: rows.map((r) => r.token) });
    await tx.outboxMessage.createMany({ data: rows.map((r) => r.mail) });
  }
}

type ResendActivationResult = Result<{ email: string }>;

/** An admin sends a member of their school who never chose a password a new activation link. */
export async function resendActivation(
  input: { userId: string; schoolIds: readonly string[]; actorId: string },
  now = new Date(),
): Promise<ResendActivationResult> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: {
        email: true,
        name: true,
        status: true,
        passwordHash: true,
        memberships: { where: { schoolId: { in: [...input.schoolIds] } }, select: { schoolId: true, school: { select: { name: true } } } },
      },
    });
    const membership = user?.memberships[0];
    if (!user || !membership) return refuse("CONFLICT", "That person is not a member of your school.");
    if (user.passwordHash) return refuse("CONFLICT", `${user.name} has already activated their account.`);
    if (user.status !== "ACTIVE") return refuse("CONFLICT", `${user.name}'s account is deactivated.`);
    await issueActivations(
      tx,
      [{ userId: input.userId, email: user.email, name: user.name, schoolId: membership.schoolId, schoolName: membership.school.name }],
      now,
    );
    await logActivity(tx, {
      schoolId: membership.schoolId,
      actorId: input.actorId,
      entity: "User",
      entityId: input.userId,
      action: "user.activation_sent",
      summary: `Sent ${user.name} a new activation e-mail`,
    });
    return { ok: true, email: user.email } as const;
  });
}

// ───────────────────────────── reset ─────────────────────────────

/**
 * "Forgot your password?": mails a reset link when the address belongs to an
 * active account, and does nothing otherwise. The caller answers the same
 * either way. An account that never chose a password activates this way too.
 */
export async function requestPasswordReset(email: string, now = new Date()): Promise<void> {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, name: true, status: true } });
  if (user?.status !== "ACTIVE") return;
  await prisma.$transaction(async (tx) => {
    await tx.accountToken.updateMany({
      where: { userId: user.id, purpose: "RESET", usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const { token, tokenHash } = newSecret();
    await tx.accountToken.create({
      data: { purpose: "RESET", userId: user.id, email, schoolId: null, tokenHash, expiresAt: resetExpiry(now), createdAt: now },
    });
    await enqueueMail(
      tx,
      {
        kind: "PASSWORD_RESET",
        to: email,
        userId: user.id,
        ref: `reset:${user.id}`,
        content: passwordResetMail({ name: user.name, url: appUrl(origin(), `${TOKEN_PATHS.RESET}/${token}`), minutes: RESET_TTL_MINUTES }),
      },
      now,
    );
    await logAccountEvent(tx, user.id, { action: "user.reset_requested", summary: `${user.name} asked for a password reset link` });
  });
}

// ───────────────────────────── using a link ─────────────────────────────

export const UNUSABLE_LINK = "This link has expired or was already used. Ask for a new one.";

interface UsableToken {
  id: string;
  userId: string;
  email: string;
  name: string;
  schoolId: string | null;
}

/**
 * The link's token when it can still be used for `purpose`: unused, not
 * replaced, unexpired, its address still the account's, the account active —
 * and for an activation, the account still without a password and still a
 * member of the school that sent it.
 */
export async function findUsableToken(
  purpose: TokenPurpose,
  token: string,
  now = new Date(),
  db: Tx = prisma,
): Promise<UsableToken | null> {
  const row = await db.accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      purpose: true,
      email: true,
      schoolId: true,
      usedAt: true,
      revokedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, status: true, passwordHash: true } },
    },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.revokedAt || row.expiresAt.getTime() <= now.getTime()) return null;
  if (row.user.email !== row.email || row.user.status !== "ACTIVE") return null;
  if (purpose === "ACTIVATION") {
    if (row.user.passwordHash || !row.schoolId) return null;
    const member = await db.membership.count({ where: { userId: row.user.id, schoolId: row.schoolId } });
    if (member === 0) return null;
  }
  return { id: row.id, userId: row.user.id, email: row.email, name: row.user.name, schoolId: row.schoolId };
}

/** A link used, expired or withdrawn is GONE (410); a password the policy refuses is INVALID on `password`. */
export type SetPasswordResult = Result<{ userId: string }>;

/**
 * Sets the password from an activation or reset link, once: the token is
 * claimed with a conditional update, everything is checked again inside the
 * transaction, and every session of the account ends. A reset of a password
 * that existed sends the owner a notice.
 */
export async function setPasswordWithToken(
  purpose: TokenPurpose,
  token: string,
  password: string,
  now = new Date(),
): Promise<SetPasswordResult> {
  const unusable = refuse("GONE", UNUSABLE_LINK);
  const found = await findUsableToken(purpose, token, now);
  if (!found) return unusable;
  const problem = checkNewPassword(password, { email: found.email, name: found.name });
  if (problem) return refuse("INVALID", problem, { field: "password" });
  const passwordHash = await hashPassword(password);
  try {
    return await prisma.$transaction(async (tx) => {
      const claimed = await tx.accountToken.updateMany({
        where: { id: found.id, purpose, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) throw new LinkUnusable();
      // Checked again inside the transaction: the account may have changed since the page was opened.
      if (!(await findUsableTokenAfterClaim(tx, found, purpose))) throw new LinkUnusable();
      const before = await tx.user.findUniqueOrThrow({ where: { id: found.userId }, select: { passwordHash: true } });
      await tx.user.update({ where: { id: found.userId }, data: { passwordHash, passwordChangedAt: now } });
      await tx.authSession.deleteMany({ where: { userId: found.userId } });
      await tx.accountToken.updateMany({ where: { userId: found.userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
      if (before.passwordHash) {
        await enqueueMail(
          tx,
          {
            kind: "PASSWORD_CHANGED",
            to: found.email,
            userId: found.userId,
            ref: `password:${found.userId}`,
            content: passwordChangedMail({ name: found.name, when: formatInstant(now), resetUrl: appUrl(origin(), "/forgot-password") }),
          },
          now,
        );
      }
      await logAccountEvent(tx, found.userId, {
        action: purpose === "ACTIVATION" ? "user.activated" : "user.password_reset",
        summary:
          purpose === "ACTIVATION"
            ? `${found.name} activated their account`
            : `${found.name} set a new password from a reset link; every session ended`,
      });
      return { ok: true, userId: found.userId } as const;
    });
  } catch (error) {
    if (error instanceof LinkUnusable) return unusable;
    throw error;
  }
}

/** The same conditions as `findUsableToken`, for a token this transaction has just claimed. */
async function findUsableTokenAfterClaim(tx: Tx, found: UsableToken, purpose: TokenPurpose): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { id: found.userId }, select: { email: true, status: true, passwordHash: true } });
  if (!user || user.email !== found.email || user.status !== "ACTIVE") return false;
  if (purpose === "ACTIVATION") {
    if (user.passwordHash || !found.schoolId) return false;
    return (await tx.membership.count({ where: { userId: found.userId, schoolId: found.schoolId } })) > 0;
  }
  return true;
}

/** "2 Dec 2026, 14:05 UTC": mail is read far from the server's time zone, so the zone is named. */
export function formatInstant(at: Date): string {
  const date = at.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const time = at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  return `${date}, ${time} UTC`;
}

// ───────────────────────────── signed in ─────────────────────────────

/** Refusals name their field: `current` (a wrong or stale current password) or `password`. */
export type ChangePasswordResult = Result;

/**
 * "My account": the current password proves it is the owner at the keyboard.
 * Every other session ends (this one stays), and a notice goes to the address.
 */
export async function changePassword(
  input: { userId: string; sessionId: string; current: string; password: string },
  now = new Date(),
): Promise<ChangePasswordResult> {
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) {
    return refuse("INVALID", "That is not your current password.", { field: "current" });
  }
  if (input.password === input.current)
    return refuse("INVALID", "Choose a password different from the current one.", { field: "password" });
  const problem = checkNewPassword(input.password, { email: user.email, name: user.name });
  if (problem) return refuse("INVALID", problem, { field: "password" });
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    // Guarded by the hash that was verified: a change made meanwhile (a reset) is not overwritten.
    const updated = await tx.user.updateMany({
      where: { id: input.userId, passwordHash: user.passwordHash },
      data: { passwordHash, passwordChangedAt: now },
    });
    if (updated.count !== 1) return refuse("INVALID", "Your password was changed meanwhile. Sign in again.", { field: "current" });
    await tx.authSession.deleteMany({ where: { userId: input.userId, id: { not: input.sessionId } } });
    await tx.accountToken.updateMany({
      where: { userId: input.userId, purpose: "RESET", usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    await enqueueMail(
      tx,
      {
        kind: "PASSWORD_CHANGED",
        to: user.email,
        userId: input.userId,
        ref: `password:${input.userId}`,
        content: passwordChangedMail({ name: user.name, when: formatInstant(now), resetUrl: appUrl(origin(), "/forgot-password") }),
      },
      now,
    );
    await logAccountEvent(tx, input.userId, {
      action: "user.password_changed",
      summary: `${user.name} changed their password; their other sessions ended`,
    });
    return { ok: true } as const;
  });
}

export async function setWeeklyDigest(input: { userId: string; weeklyDigest: boolean }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { name: true, weeklyDigest: true } });
    if (before.weeklyDigest === input.weeklyDigest) return;
    await tx.user.update({ where: { id: input.userId }, data: { weeklyDigest: input.weeklyDigest } });
    await logAccountEvent(tx, input.userId, {
      action: "user.digest_preference",
      summary: `${before.name} turned the weekly digest ${input.weeklyDigest ? "on" : "off"}`,
    });
  });
}
