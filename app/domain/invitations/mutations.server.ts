/**
 * Invitations (ADR 0012): a school offers a person a membership with a role.
 * The link travels by mail to the invited address and only there — the admin
 * who sent it never sees it — and its secret is stored hashed. Accepting grants
 * the membership at the inviting school and nothing else:
 * - no account at that address yet: the person chooses their name and password;
 * - an account exists (in any state): its owner must be signed in as it; an
 *   invitation never sets, resets or replaces the credentials of an account.
 * A link works once, expires after a week, and a resend replaces it.
 */

import { checkNewPassword } from "#app/domain/accounts/common-passwords.server";
import { hashToken, INVITATION_TTL_DAYS, invitationExpiry, newSecret } from "#app/domain/accounts/tokens.server";
import { appUrl, enqueueMail } from "#app/domain/mail/outbox.server";
import { invitationMail } from "#app/domain/mail/templates";
import { type Refusal, type Result, refuse } from "#app/domain/result";
import { changeMembershipRole } from "#app/domain/users/release.server";
import { ROLE_LABELS, type Role } from "#app/domain/vocabulary";
import { logActivity } from "#app/utils/activity.server";
import { prisma, type Tx } from "#app/utils/db.server";
import { allowedOrigins } from "#app/utils/env.server";
import { hashPassword } from "#app/utils/password.server";

interface NewInvitation {
  schoolId: string;
  email: string;
  name: string;
  role: Role;
  invitedById: string;
}

const PENDING_INVITATION_MESSAGE = "This person already has a pending invitation: resend it below.";
export const ALREADY_MEMBER_MESSAGE = "This person is already a member of this school: change their role below.";

type CreateInvitationResult = Result<{ id: string }>;

const origin = () => allowedOrigins()[0] ?? "http://localhost:3000";

/** Writes the invitation's mail with a fresh link; the link exists only in that mail. */
async function mailInvitation(
  tx: Tx,
  invitation: { id: string; schoolId: string; email: string; role: Role; invitedById: string | null },
  token: string,
  now: Date,
) {
  const [school, inviter] = await Promise.all([
    tx.school.findUniqueOrThrow({ where: { id: invitation.schoolId }, select: { name: true } }),
    invitation.invitedById ? tx.user.findUnique({ where: { id: invitation.invitedById }, select: { name: true } }) : null,
  ]);
  await enqueueMail(
    tx,
    {
      kind: "INVITATION",
      to: invitation.email,
      schoolId: invitation.schoolId,
      ref: `invitation:${invitation.id}`,
      content: invitationMail({
        schoolName: school.name,
        roleLabel: ROLE_LABELS[invitation.role],
        inviterName: inviter?.name ?? null,
        url: appUrl(origin(), `/invite/${token}`),
        days: INVITATION_TTL_DAYS,
      }),
    },
    now,
  );
}

/**
 * Creates an invitation and its mail in one transaction. Refused while the
 * address has a pending invitation to the school, or is already a member of it.
 * Returns no link: it is only in the mail.
 */
export async function createInvitation(input: NewInvitation, now = new Date()): Promise<CreateInvitationResult> {
  return prisma.$transaction((tx) => createInvitationIn(tx, input, now));
}

/** `createInvitation` inside the caller's transaction (a new school invites its first admin). `invitedById` null: the operator. */
export async function createInvitationIn(
  tx: Tx,
  input: Omit<NewInvitation, "invitedById"> & { invitedById: string | null },
  now = new Date(),
): Promise<CreateInvitationResult> {
  const { token, tokenHash } = newSecret();
  {
    const pending = await tx.invitation.count({
      where: { email: input.email, schoolId: input.schoolId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    });
    if (pending > 0) return refuse("INVALID", PENDING_INVITATION_MESSAGE, { field: "email" });
    const member = await tx.membership.count({ where: { schoolId: input.schoolId, user: { email: input.email } } });
    if (member > 0) return refuse("INVALID", ALREADY_MEMBER_MESSAGE, { field: "email" });
    const created = await tx.invitation.create({
      data: { ...input, tokenHash, expiresAt: invitationExpiry(now), sentAt: now, createdAt: now },
      select: { id: true },
    });
    await mailInvitation(tx, { ...input, id: created.id }, token, now);
    await logActivity(tx, {
      schoolId: input.schoolId,
      actorId: input.invitedById,
      entity: "Invitation",
      entityId: created.id,
      action: "invitation.created",
      summary: `Invited ${input.name} <${input.email}> as ${input.role.toLowerCase()}; the link was e-mailed to them`,
      after: { email: input.email, role: input.role },
    });
    return { ok: true, id: created.id } as const;
  }
}

const NO_LONGER_PENDING = refuse("CONFLICT", "That invitation is no longer pending.");

/** A new link, mailed again, with a fresh week; the old link stops working. CONFLICT once it was accepted or revoked. */
export async function resendInvitation(
  id: string,
  schoolIds: string[],
  actorId: string,
  now = new Date(),
): Promise<Result<{ email: string }>> {
  const { token, tokenHash } = newSecret();
  return prisma.$transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({
      where: { id, schoolId: { in: schoolIds }, acceptedAt: null, revokedAt: null },
      data: { tokenHash, expiresAt: invitationExpiry(now), sentAt: now },
    });
    if (updated.count !== 1) return NO_LONGER_PENDING;
    const row = await tx.invitation.findUniqueOrThrow({
      where: { id },
      select: { id: true, schoolId: true, email: true, role: true, invitedById: true },
    });
    await mailInvitation(tx, row, token, now);
    await logActivity(tx, {
      schoolId: row.schoolId,
      actorId,
      entity: "Invitation",
      entityId: id,
      action: "invitation.resent",
      summary: `Sent a new invitation link to ${row.email}`,
    });
    return { ok: true, email: row.email } as const;
  });
}

export async function revokeInvitation(id: string, schoolIds: string[], actorId: string, now = new Date()): Promise<Result> {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({
      where: { id, schoolId: { in: schoolIds }, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (updated.count !== 1) return NO_LONGER_PENDING;
    const row = await tx.invitation.findUniqueOrThrow({ where: { id }, select: { schoolId: true, email: true } });
    await logActivity(tx, {
      schoolId: row.schoolId,
      actorId,
      entity: "Invitation",
      entityId: id,
      action: "invitation.revoked",
      summary: `Revoked the invitation of ${row.email}`,
    });
    return { ok: true } as const;
  });
}

type InvitationState = "PENDING" | "ACCEPTED" | "REVOKED" | "EXPIRED";

export function invitationState(
  row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationState {
  if (row.acceptedAt) return "ACCEPTED";
  if (row.revokedAt) return "REVOKED";
  if (row.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "PENDING";
}

export async function findInvitationByToken(token: string) {
  return prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      schoolId: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      school: { select: { name: true } },
    },
  });
}

export const UNUSABLE_INVITATION = "This invitation link has expired or was already used. Ask your school's office for a new one.";
export const SIGN_IN_FIRST = "An account with this email address already exists. Sign in to it, then open the link again to accept.";
export const WRONG_ACCOUNT = "This invitation is for another email address. Sign out, then sign in with the invited address.";
export const ACTIVATE_FIRST =
  'An account with this email address exists but has no password yet. Activate it from its activation e-mail, or use "Forgot your password?" on the sign-in page, then open this link again.';

/** What the invitation page offers the person holding the link. */
export type InvitationView =
  | { step: "unusable" }
  | {
      step: "create" | "join" | "sign-in" | "activate-first" | "wrong-account" | "deactivated";
      invitation: { email: string; name: string; role: Role; school: string };
    };

export async function viewInvitation(token: string, signedInUserId: string | null, now = new Date()): Promise<InvitationView> {
  const found = await findInvitationByToken(token);
  if (!found || invitationState(found, now) !== "PENDING") return { step: "unusable" };
  const invitation = { email: found.email, name: found.name, role: found.role, school: found.school.name };
  const account = await prisma.user.findUnique({ where: { email: found.email }, select: { id: true, passwordHash: true, status: true } });
  if (!account) return { step: "create", invitation };
  if (account.status !== "ACTIVE") return { step: "deactivated", invitation };
  if (!account.passwordHash) return { step: "activate-first", invitation };
  if (!signedInUserId) return { step: "sign-in", invitation };
  return { step: signedInUserId === account.id ? "join" : "wrong-account", invitation };
}

type AcceptInput =
  /** No account exists at the invited address: one is created with this name and password. */
  | { kind: "create"; name: string; password: string }
  /** The account exists and its owner is signed in as it. */
  | { kind: "join"; userId: string };

/**
 * A spent or expired link is GONE (410); an address that already has an
 * account must SIGN IN first (CONFLICT, as must an account never activated);
 * another person's or a deactivated account is FORBIDDEN; a refused password
 * is INVALID on `password`.
 */
export type AcceptResult = Result<{ userId: string; created: boolean }>;

/** Thrown inside the transaction to roll the claim back; the caller answers with its refusal. */
class AcceptRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/**
 * Accepts the invitation exactly once: the conditional update only succeeds
 * for a pending, unexpired invitation; every condition is checked again inside
 * the transaction, and a refusal rolls the claim back, so nothing changes.
 */
export async function acceptInvitation(token: string, input: AcceptInput, now = new Date()): Promise<AcceptResult> {
  const unusable = refuse("GONE", UNUSABLE_INVITATION);
  const pending = await findInvitationByToken(token);
  if (!pending || invitationState(pending, now) !== "PENDING") return unusable;
  let passwordHash: string | null = null;
  if (input.kind === "create") {
    // Checked before the (deliberately slow) hashing; checked again in the transaction.
    const existing = await prisma.user.findUnique({ where: { email: pending.email }, select: { id: true } });
    if (existing) return refuse("CONFLICT", SIGN_IN_FIRST);
    const problem = checkNewPassword(input.password, { email: pending.email, name: input.name });
    if (problem) return refuse("INVALID", problem, { field: "password" });
    passwordHash = await hashPassword(input.password);
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const tokenHash = hashToken(token);
      const claimed = await tx.invitation.updateMany({
        where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (claimed.count !== 1) throw new AcceptRefused(unusable);
      const invitation = await tx.invitation.findUniqueOrThrow({
        where: { tokenHash },
        select: { id: true, email: true, role: true, schoolId: true, invitedById: true },
      });
      const existing = await tx.user.findUnique({
        where: { email: invitation.email },
        select: { id: true, name: true, passwordHash: true, status: true },
      });
      let user: { id: string; name: string };
      if (input.kind === "create") {
        // Someone made an account at this address since the page was opened: it is theirs, not this link's.
        if (existing || !passwordHash) throw new AcceptRefused(refuse("CONFLICT", SIGN_IN_FIRST));
        user = await tx.user.create({
          data: { email: invitation.email, name: input.name, passwordHash, passwordChangedAt: now },
          select: { id: true, name: true },
        });
      } else {
        if (!existing) throw new AcceptRefused(unusable);
        if (existing.id !== input.userId) throw new AcceptRefused(refuse("FORBIDDEN", WRONG_ACCOUNT));
        if (existing.status !== "ACTIVE") throw new AcceptRefused(refuse("FORBIDDEN", "This account is deactivated."));
        if (!existing.passwordHash) throw new AcceptRefused(refuse("CONFLICT", ACTIVATE_FIRST));
        user = existing;
      }
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: user.id } });
      await grantMembership(tx, { ...invitation, userId: user.id, userName: user.name, now });
      await logActivity(tx, {
        schoolId: invitation.schoolId,
        actorId: user.id,
        entity: "Invitation",
        entityId: invitation.id,
        action: "invitation.accepted",
        summary: `${user.name} accepted the invitation as ${invitation.role.toLowerCase()}${input.kind === "create" ? " with a new account" : " with their existing account"}`,
      });
      return { ok: true, userId: user.id, created: input.kind === "create" } as const;
    });
  } catch (error) {
    if (error instanceof AcceptRefused) return error.refusal;
    throw error;
  }
}

/** The membership at the inviting school — the only thing an invitation grants. */
async function grantMembership(
  tx: Tx,
  input: { userId: string; userName: string; schoolId: string; role: Role; invitedById: string | null; now: Date },
) {
  const membership = await tx.membership.findUnique({
    where: { userId_schoolId: { userId: input.userId, schoolId: input.schoolId } },
    select: { id: true, role: true },
  });
  if (membership && membership.role !== input.role) {
    // The same change an admin makes by hand: released cases and escalations, and its own entry.
    const changed = await changeMembershipRole(tx, {
      membershipId: membership.id,
      userId: input.userId,
      schoolId: input.schoolId,
      userName: input.userName,
      from: membership.role,
      to: input.role,
      actorId: input.invitedById ?? input.userId,
      now: input.now,
    });
    if (!changed) throw new Error("membership role changed during invitation acceptance");
  } else if (!membership) {
    await tx.membership.create({ data: { userId: input.userId, schoolId: input.schoolId, role: input.role } });
  }
  if (input.role === "STUDENT") {
    await tx.studentProfile.upsert({
      where: { userId_schoolId: { userId: input.userId, schoolId: input.schoolId } },
      create: { userId: input.userId, schoolId: input.schoolId },
      update: {},
    });
  }
}
