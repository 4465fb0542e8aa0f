/**
 * Two-factor authentication (ADR 0017): setting up an authenticator (the key
 * sealed at rest), recovery codes (hashed, single use), checking a code in a
 * session, turning it off with a fresh code. Every wrong code counts against
 * the account's budget (app/utils/rate-limit.server.ts); every change is in
 * the activity log of the person's schools and mailed to them as a notice.
 */

import { formatInstant, logAccountEvent } from "#app/domain/accounts/mutations.server";
import { appUrl, enqueueMail } from "#app/domain/mail/outbox.server";
import { twoFactorChangedMail } from "#app/domain/mail/templates";
import { type Refusal, type Result, refuse } from "#app/domain/result";
import { asTwoFactorRequirement, roleNeedsTwoFactor } from "#app/domain/sign-in/policy";
import { prisma, type Tx } from "#app/utils/db.server";
import { allowedOrigins } from "#app/utils/env.server";
import { twoFactorFailures } from "#app/utils/rate-limit.server";
import { EncryptionUnavailableError, encryptionAvailable, open, SealedValueError, seal } from "#app/utils/secret-box.server";
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  looksLikeTotpCode,
  manualKey,
  matchTotp,
  newRecoveryCodes,
  newTotpKey,
  totpKeyUri,
} from "./totp";

export const totpContext = (userId: string) => `totp:${userId}`;

export const TWO_FACTOR_UNAVAILABLE =
  "Two-factor authentication is not available on this server yet: it needs DATA_ENCRYPTION_KEY to store authenticator keys encrypted. Ask whoever runs Retake Desk.";
const CODES_UNREADABLE =
  "Your authenticator cannot be checked: the server's encryption key changed. Use a recovery code, or ask whoever runs Retake Desk.";

interface TwoFactorStatus {
  enrolled: boolean;
  enrolledAt: Date | null;
  /** A key made for setting up, not yet confirmed with a code. */
  pending: boolean;
  recoveryCodesLeft: number;
  available: boolean;
}

export async function twoFactorStatus(userId: string): Promise<TwoFactorStatus> {
  const [row, left] = await Promise.all([
    prisma.twoFactor.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    prisma.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return {
    enrolled: Boolean(row?.confirmedAt),
    enrolledAt: row?.confirmedAt ?? null,
    pending: Boolean(row && !row.confirmedAt),
    recoveryCodesLeft: row?.confirmedAt ? left : 0,
    available: encryptionAvailable(),
  };
}

/** A refusal of a code (on `code`), a set-up out of step (CONFLICT), too many wrong codes (LIMITED) or no key to seal with (UNAVAILABLE). */
type Refused = Refusal;

const throttled = async (userId: string): Promise<Refused | null> => {
  const retryMs = await twoFactorFailures.retryAfter(userId);
  if (retryMs <= 0) return null;
  const minutes = Math.ceil(retryMs / 60_000);
  return refuse("LIMITED", `Too many wrong codes. Wait ${minutes} minute${minutes === 1 ? "" : "s"}, then try again.`, { field: "code" });
};

const wrong = async (userId: string, reason: string): Promise<Refused> => {
  await twoFactorFailures.fail(userId);
  return refuse("INVALID", reason, { field: "code" });
};

/**
 * A new key to set up, replacing an unconfirmed one. Refused while an
 * authenticator is in force: it must be turned off first (with a code).
 */
export async function beginEnrolment(userId: string, now = new Date()): Promise<{ ok: true } | Refused> {
  if (!encryptionAvailable()) return refuse("UNAVAILABLE", TWO_FACTOR_UNAVAILABLE);
  const existing = await prisma.twoFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  if (existing?.confirmedAt) return refuse("CONFLICT", "Two-factor authentication is already on.");
  const secret = seal(newTotpKey(), totpContext(userId));
  await prisma.twoFactor.upsert({
    where: { userId },
    create: { userId, secret, createdAt: now },
    update: { secret, createdAt: now, lastCounter: null },
  });
  return { ok: true };
}

interface PendingEnrolment {
  uri: string;
  manualKey: string;
}

/** The key being set up, for the QR code and manual entry; null when none is pending. */
export async function pendingEnrolment(userId: string, email: string): Promise<PendingEnrolment | null> {
  const row = await prisma.twoFactor.findUnique({ where: { userId }, select: { secret: true, confirmedAt: true } });
  if (!row || row.confirmedAt) return null;
  let key: Uint8Array;
  try {
    key = new Uint8Array(open(row.secret, totpContext(userId)));
  } catch (error) {
    if (error instanceof SealedValueError || error instanceof EncryptionUnavailableError) return null;
    throw error;
  }
  return { uri: totpKeyUri(key, email), manualKey: manualKey(key) };
}

async function notify(tx: Tx, userId: string, change: "on" | "off" | "codes", now: Date) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
  await enqueueMail(
    tx,
    {
      kind: "TWO_FACTOR_CHANGED",
      to: user.email,
      userId,
      ref: `two-factor:${userId}`,
      content: twoFactorChangedMail({
        name: user.name,
        when: formatInstant(now),
        change,
        accountUrl: appUrl(allowedOrigins()[0] ?? "http://localhost:3000", "/account/two-factor"),
      }),
    },
    now,
  );
}

async function storeRecoveryCodes(tx: Tx, userId: string, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })) });
  return codes;
}

class Abort extends Error {
  constructor(readonly refusal: Refused) {
    super(refusal.message);
  }
}

function openKey(secret: string, userId: string): Uint8Array {
  try {
    return new Uint8Array(open(secret, totpContext(userId)));
  } catch (error) {
    if (error instanceof SealedValueError || error instanceof EncryptionUnavailableError) {
      throw new Abort(refuse("UNAVAILABLE", CODES_UNREADABLE, { field: "code" }));
    }
    throw error;
  }
}

/**
 * Checks an authenticator code and spends its time step (a conditional update:
 * two requests with the same code cannot both pass).
 */
async function spendTotp(tx: Tx, userId: string, row: { secret: string; lastCounter: number | null }, code: string, now: Date) {
  const counter = matchTotp(openKey(row.secret, userId), code, now.getTime(), row.lastCounter);
  if (counter === null) return false;
  const spent = await tx.twoFactor.updateMany({
    where: { userId, OR: [{ lastCounter: null }, { lastCounter: { lt: counter } }] },
    data: { lastCounter: counter },
  });
  return spent.count === 1;
}

async function spendRecoveryCode(tx: Tx, userId: string, code: string, now: Date) {
  const found = await tx.recoveryCode.findFirst({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    select: { id: true },
  });
  if (!found) return false;
  const spent = await tx.recoveryCode.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
  return spent.count === 1;
}

async function run<T>(work: () => Promise<T>): Promise<T | Refused> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Abort) return error.refusal;
    throw error;
  }
}

/** The first code from the app confirms the key: two-factor is on, this session has passed it, and here are the recovery codes. */
export async function confirmEnrolment(
  input: { userId: string; sessionId: string; code: string },
  now = new Date(),
): Promise<{ ok: true; recoveryCodes: string[] } | Refused> {
  const limited = await throttled(input.userId);
  if (limited) return limited;
  if (!looksLikeTotpCode(input.code)) return refuse("INVALID", "Enter the 6-digit code your app shows.", { field: "code" });
  const result = await run(() =>
    prisma.$transaction(async (tx) => {
      const row = await tx.twoFactor.findUnique({
        where: { userId: input.userId },
        select: { secret: true, confirmedAt: true, lastCounter: true },
      });
      if (!row) throw new Abort(refuse("CONFLICT", "Start the set-up again: no key is waiting for a code."));
      if (row.confirmedAt) throw new Abort(refuse("CONFLICT", "Two-factor authentication is already on."));
      if (!(await spendTotp(tx, input.userId, row, input.code, now))) return null;
      await tx.twoFactor.update({ where: { userId: input.userId }, data: { confirmedAt: now } });
      const recoveryCodes = await storeRecoveryCodes(tx, input.userId, now);
      await tx.authSession.updateMany({ where: { id: input.sessionId, userId: input.userId }, data: { secondFactorAt: now } });
      await logAccountEvent(tx, input.userId, { action: "user.two_factor_on", summary: "Turned on two-factor authentication" });
      await notify(tx, input.userId, "on", now);
      return { ok: true as const, recoveryCodes };
    }),
  );
  if (result === null)
    return wrong(input.userId, "That code is not right. Check that your phone's clock is set automatically, and use the newest code.");
  if (result.ok) await twoFactorFailures.reset(input.userId);
  return result;
}

/**
 * The second step of signing in: an authenticator code or an unused recovery
 * code. Passing it is recorded on the session.
 */
export async function verifySecondFactor(
  input: { userId: string; sessionId: string; code: string },
  now = new Date(),
): Promise<{ ok: true; usedRecoveryCode: boolean; recoveryCodesLeft: number } | Refused> {
  const limited = await throttled(input.userId);
  if (limited) return limited;
  const totp = looksLikeTotpCode(input.code);
  if (!totp && !looksLikeRecoveryCode(input.code)) {
    return wrong(input.userId, "Enter the 6-digit code from your app, or one of your recovery codes.");
  }
  const result = await run(() =>
    prisma.$transaction(async (tx) => {
      const row = await tx.twoFactor.findUnique({
        where: { userId: input.userId },
        select: { secret: true, confirmedAt: true, lastCounter: true },
      });
      if (!row?.confirmedAt) throw new Abort(refuse("CONFLICT", "Two-factor authentication is not on for this account."));
      const passed = totp
        ? await spendTotp(tx, input.userId, row, input.code, now)
        : await spendRecoveryCode(tx, input.userId, input.code, now);
      if (!passed) return null;
      await tx.authSession.updateMany({ where: { id: input.sessionId, userId: input.userId }, data: { secondFactorAt: now } });
      const left = await tx.recoveryCode.count({ where: { userId: input.userId, usedAt: null } });
      if (!totp) {
        await logAccountEvent(tx, input.userId, {
          action: "user.recovery_code_used",
          summary: `Signed in with a recovery code (${left} left)`,
        });
      }
      return { ok: true as const, usedRecoveryCode: !totp, recoveryCodesLeft: left };
    }),
  );
  if (result === null) {
    return wrong(
      input.userId,
      totp
        ? "That code is not right, or it was already used. Wait for the next code."
        : "That recovery code is not right, or it was already used.",
    );
  }
  if (result.ok) await twoFactorFailures.reset(input.userId);
  return result;
}

/** Checks a fresh code (authenticator or recovery) inside `tx`, or refuses. */
async function requireFreshCode(tx: Tx, userId: string, code: string, now: Date) {
  const row = await tx.twoFactor.findUnique({ where: { userId }, select: { secret: true, confirmedAt: true, lastCounter: true } });
  if (!row?.confirmedAt) throw new Abort(refuse("CONFLICT", "Two-factor authentication is not on."));
  const passed = looksLikeTotpCode(code)
    ? await spendTotp(tx, userId, row, code, now)
    : looksLikeRecoveryCode(code) && (await spendRecoveryCode(tx, userId, code, now));
  return passed;
}

/** Turning it off needs a fresh code: a session left open on a shared computer cannot do it. */
export async function disableTwoFactor(input: { userId: string; code: string }, now = new Date()): Promise<{ ok: true } | Refused> {
  const limited = await throttled(input.userId);
  if (limited) return limited;
  const result = await run(() =>
    prisma.$transaction(async (tx) => {
      if (!(await requireFreshCode(tx, input.userId, input.code, now))) return null;
      await tx.twoFactor.delete({ where: { userId: input.userId } });
      await tx.recoveryCode.deleteMany({ where: { userId: input.userId } });
      await logAccountEvent(tx, input.userId, { action: "user.two_factor_off", summary: "Turned off two-factor authentication" });
      await notify(tx, input.userId, "off", now);
      return { ok: true as const };
    }),
  );
  if (result === null) return wrong(input.userId, "That code is not right, or it was already used.");
  if (result.ok) await twoFactorFailures.reset(input.userId);
  return result;
}

/** New recovery codes (the old ones stop working), with a fresh code. */
export async function regenerateRecoveryCodes(
  input: { userId: string; code: string },
  now = new Date(),
): Promise<{ ok: true; recoveryCodes: string[] } | Refused> {
  const limited = await throttled(input.userId);
  if (limited) return limited;
  const result = await run(() =>
    prisma.$transaction(async (tx) => {
      if (!(await requireFreshCode(tx, input.userId, input.code, now))) return null;
      const recoveryCodes = await storeRecoveryCodes(tx, input.userId, now);
      await logAccountEvent(tx, input.userId, { action: "user.recovery_codes_renewed", summary: "Made new recovery codes" });
      await notify(tx, input.userId, "codes", now);
      return { ok: true as const, recoveryCodes };
    }),
  );
  if (result === null) return wrong(input.userId, "That code is not right, or it was already used.");
  if (result.ok) await twoFactorFailures.reset(input.userId);
  return result;
}

/** The schools whose rule requires a second factor of this person's role there (ADR 0017). */
export async function twoFactorRequiredBy(userId: string): Promise<string[]> {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    select: { role: true, school: { select: { name: true, signIn: { select: { twoFactorRequiredFor: true } } } } },
  });
  return memberships
    .filter((m) => roleNeedsTwoFactor(asTwoFactorRequirement(m.school.signIn?.twoFactorRequiredFor), m.role))
    .map((m) => m.school.name);
}

/**
 * The operator's way out for someone who lost both their phone and their
 * recovery codes (`npm run two-factor:reset`): removes the authenticator and
 * the codes, ends every session, logs it at each school and mails a notice.
 * No page offers this: nobody resets another person's credentials (ADR 0012).
 */
export async function resetTwoFactorByOperator(email: string, now = new Date()): Promise<Result<{ name: string }>> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true } });
  if (!user) return refuse("NOT_FOUND", `No account has the address ${email}.`);
  return prisma.$transaction(async (tx) => {
    const removed = await tx.twoFactor.deleteMany({ where: { userId: user.id } });
    if (removed.count === 0) return refuse("CONFLICT", `${user.name} has no two-factor authentication to reset.`);
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.authSession.deleteMany({ where: { userId: user.id } });
    await logAccountEvent(tx, user.id, {
      action: "user.two_factor_reset",
      summary: `Two-factor authentication of ${user.name} reset by the operator; their sessions ended`,
    });
    await notify(tx, user.id, "off", now);
    return { ok: true as const, name: user.name };
  });
}
