/**
 * Invitations: an admin invites a person by email to a school with a role; the
 * link carries a random secret whose SHA-256 alone is stored. A link works once
 * and expires; resending rotates the secret, so older links stop working.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Role } from "../vocabulary";
import { logActivity } from "../../utils/activity.server";
import { prisma } from "../../utils/db.server";
import { hashPassword } from "../../utils/password.server";
import { changeMembershipRole } from "../users/release.server";

export const INVITATION_TTL_DAYS = 7;

function newSecret(): { token: string; tokenHash: string } {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  const token = encodeBase32LowerCaseNoPadding(bytes);
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

const expiry = (now: Date) => new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);

export interface NewInvitation {
  schoolId: string;
  email: string;
  name: string;
  role: Role;
  invitedById: string;
}

export const PENDING_INVITATION_MESSAGE = "This person already has a pending invitation: resend it below.";

export type CreateInvitationResult = { ok: true; id: string; token: string } | { ok: false; reason: string };

/**
 * Creates an invitation and returns the secret token for the link (shown
 * once). Refused while the address has a pending invitation to the school:
 * the check and the insert share one transaction.
 */
export async function createInvitation(input: NewInvitation, now = new Date()): Promise<CreateInvitationResult> {
  const { token, tokenHash } = newSecret();
  return prisma.$transaction(async (tx) => {
    const pending = await tx.invitation.count({
      where: { email: input.email, schoolId: input.schoolId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    });
    if (pending > 0) return { ok: false, reason: PENDING_INVITATION_MESSAGE } as const;
    const created = await tx.invitation.create({
      data: { ...input, tokenHash, expiresAt: expiry(now) },
      select: { id: true },
    });
    await logActivity(tx, {
      schoolId: input.schoolId,
      actorId: input.invitedById,
      entity: "Invitation",
      entityId: created.id,
      action: "invitation.created",
      summary: `Invited ${input.name} <${input.email}> as ${input.role.toLowerCase()}`,
      after: { email: input.email, role: input.role },
    });
    return { ok: true, id: created.id, token } as const;
  });
}

/** A fresh link and expiry for a pending invitation; null when it is no longer pending. */
export async function resendInvitation(
  id: string,
  schoolIds: string[],
  actorId: string,
  now = new Date(),
): Promise<{ token: string; email: string } | null> {
  const { token, tokenHash } = newSecret();
  return prisma.$transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({
      where: { id, schoolId: { in: schoolIds }, acceptedAt: null, revokedAt: null },
      data: { tokenHash, expiresAt: expiry(now) },
    });
    if (updated.count !== 1) return null;
    const row = await tx.invitation.findUniqueOrThrow({ where: { id }, select: { schoolId: true, email: true } });
    await logActivity(tx, {
      schoolId: row.schoolId,
      actorId,
      entity: "Invitation",
      entityId: id,
      action: "invitation.resent",
      summary: `Sent a new invitation link to ${row.email}`,
    });
    return { token, email: row.email };
  });
}

export async function revokeInvitation(id: string, schoolIds: string[], actorId: string, now = new Date()): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({
      where: { id, schoolId: { in: schoolIds }, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (updated.count !== 1) return false;
    const row = await tx.invitation.findUniqueOrThrow({ where: { id }, select: { schoolId: true, email: true } });
    await logActivity(tx, {
      schoolId: row.schoolId,
      actorId,
      entity: "Invitation",
      entityId: id,
      action: "invitation.revoked",
      summary: `Revoked the invitation of ${row.email}`,
    });
    return true;
  });
}

export type InvitationState = "PENDING" | "ACCEPTED" | "REVOKED" | "EXPIRED";

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

export type AcceptResult = { ok: true; userId: string; existingUser: boolean } | { ok: false; reason: string };

/**
 * Accepts the invitation exactly once: the conditional update only succeeds for
 * a pending, unexpired invitation, so a second use (or a race) finds nothing.
 */
export async function acceptInvitation(token: string, input: { name: string; password: string }, now = new Date()): Promise<AcceptResult> {
  const unusable = {
    ok: false,
    reason: "This invitation link has expired or was already used. Ask your school's office for a new one.",
  } as const;
  // The password is hashed (deliberately slow) only for a usable link whose account has none yet.
  const pending = await findInvitationByToken(token);
  if (!pending || invitationState(pending, now) !== "PENDING") return unusable;
  const known = await prisma.user.findUnique({ where: { email: pending.email }, select: { passwordHash: true } });
  const passwordHash = known?.passwordHash ? null : await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const tokenHash = hashToken(token);
    const claimed = await tx.invitation.updateMany({
      where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) return unusable;
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { tokenHash },
      select: { id: true, email: true, role: true, schoolId: true, invitedById: true },
    });
    const existing = await tx.user.findUnique({
      where: { email: invitation.email },
      select: { id: true, name: true, passwordHash: true },
    });
    // An existing account keeps its password; only a never-activated one takes the new one.
    const newPassword = existing?.passwordHash ? null : (passwordHash ?? (await hashPassword(input.password)));
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: newPassword ? { name: input.name, passwordHash: newPassword } : {},
          select: { id: true },
        })
      : await tx.user.create({ data: { email: invitation.email, name: input.name, passwordHash: newPassword }, select: { id: true } });
    const userName = existing?.passwordHash ? existing.name : input.name;
    const membership = await tx.membership.findUnique({
      where: { userId_schoolId: { userId: user.id, schoolId: invitation.schoolId } },
      select: { id: true, role: true },
    });
    if (membership && membership.role !== invitation.role) {
      // The same change an admin makes by hand: released cases and escalations, and its own entry.
      const changed = await changeMembershipRole(tx, {
        membershipId: membership.id,
        userId: user.id,
        schoolId: invitation.schoolId,
        userName,
        from: membership.role,
        to: invitation.role,
        actorId: invitation.invitedById ?? user.id,
        now,
      });
      // Inside this transaction nothing else can have changed the role since it was read.
      if (!changed) throw new Error("membership role changed during invitation acceptance");
    } else if (!membership) {
      await tx.membership.create({ data: { userId: user.id, schoolId: invitation.schoolId, role: invitation.role } });
    }
    if (invitation.role === "STUDENT") {
      await tx.studentProfile.upsert({
        where: { userId_schoolId: { userId: user.id, schoolId: invitation.schoolId } },
        create: { userId: user.id, schoolId: invitation.schoolId },
        update: {},
      });
    }
    await logActivity(tx, {
      schoolId: invitation.schoolId,
      actorId: user.id,
      entity: "Invitation",
      entityId: invitation.id,
      action: "invitation.accepted",
      summary: `${userName} accepted the invitation as ${invitation.role.toLowerCase()}`,
    });
    return { ok: true, userId: user.id, existingUser: Boolean(existing?.passwordHash) } as const;
  });
}
