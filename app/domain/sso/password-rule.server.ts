/**
 * A school can require single sign-on of its staff (ADR 0016): their password
 * then opens nothing there. Checked after the password (so a refusal says
 * nothing about an address to someone who does not know its password), with
 * the same rule the session middleware applies on every request.
 */

import { asTwoFactorRequirement, resolveSignIn } from "#app/domain/sign-in/policy";
import { logActivity } from "#app/utils/activity.server";
import { prisma } from "#app/utils/db.server";
import type { SsoOffer } from "./sign-in.server";

type PasswordRule = { ok: true } | { ok: false; offers: SsoOffer[] };

export async function passwordSignInRule(userId: string): Promise<PasswordRule> {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    select: {
      schoolId: true,
      role: true,
      school: {
        select: { slug: true, name: true, signIn: { select: { ssoEnabled: true, ssoRequiredForStaff: true, twoFactorRequiredFor: true } } },
      },
    },
  });
  const resolution = resolveSignIn(
    { method: "PASSWORD", ssoSchoolId: null, secondFactorPassed: false },
    false,
    memberships.map((m) => ({
      schoolId: m.schoolId,
      role: m.role,
      school: m.school,
      ssoRequiredForStaff: Boolean(m.school.signIn?.ssoEnabled && m.school.signIn.ssoRequiredForStaff),
      twoFactorRequiredFor: asTwoFactorRequirement(m.school.signIn?.twoFactorRequiredFor),
    })),
  );
  if (resolution.step !== "refused") return { ok: true };
  await prisma.$transaction(async (tx) => {
    for (const m of resolution.excluded) {
      await logActivity(tx, {
        schoolId: m.schoolId,
        actorId: userId,
        entity: "SignIn",
        entityId: userId,
        action: "sso.password_refused",
        summary: "Password sign-in refused: the school requires single sign-on for staff",
      });
    }
  });
  return { ok: false, offers: resolution.excluded.map((m) => ({ slug: m.school.slug, name: m.school.name, requiredForStaff: true })) };
}
