/**
 * A school's sign-in settings (ADR 0016, 0017): reading them for the admin
 * page (never the secret) and saving them — one transaction with an activity
 * entry, guarded by the row's version.
 */

import { type Result, refuse } from "#app/domain/result";
import { asTwoFactorRequirement, roleNeedsTwoFactor, type TwoFactorRequirement } from "#app/domain/sign-in/policy";
import type { Role } from "#app/domain/vocabulary";
import { logActivity } from "#app/utils/activity.server";
import { isUniqueViolation, prisma } from "#app/utils/db.server";
import { encryptionAvailable, seal } from "#app/utils/secret-box.server";
import { checkDiscovery, forgetProvider, secretContext } from "./oidc.server";
import type { SsoForm, TwoFactorPolicyForm } from "./schema";

interface SignInSettingsView {
  version: number;
  ssoEnabled: boolean;
  issuer: string;
  clientId: string;
  /** Whether a client secret is stored (the secret itself never leaves the server). */
  hasSecret: boolean;
  domains: string[];
  ssoRequiredForStaff: boolean;
  ssoJitStudents: boolean;
  twoFactorRequiredFor: TwoFactorRequirement;
}

/** The single sign-on columns the page shows and a save compares against. */
const SSO_COLUMNS = {
  version: true,
  ssoEnabled: true,
  ssoIssuer: true,
  ssoClientId: true,
  ssoClientSecret: true,
  ssoRequiredForStaff: true,
  ssoJitStudents: true,
} as const;

export async function loadSignInSettings(schoolId: string): Promise<SignInSettingsView> {
  const row = await prisma.schoolSignIn.findUnique({
    where: { schoolId },
    select: {
      ...SSO_COLUMNS,
      twoFactorRequiredFor: true,
      domains: { select: { domain: true }, orderBy: { domain: "asc" } },
    },
  });
  return {
    version: row?.version ?? 0,
    ssoEnabled: row?.ssoEnabled ?? false,
    issuer: row?.ssoIssuer ?? "",
    clientId: row?.ssoClientId ?? "",
    hasSecret: Boolean(row?.ssoClientSecret),
    domains: row?.domains.map((d) => d.domain) ?? [],
    ssoRequiredForStaff: row?.ssoRequiredForStaff ?? false,
    ssoJitStudents: row?.ssoJitStudents ?? false,
    twoFactorRequiredFor: asTwoFactorRequirement(row?.twoFactorRequiredFor),
  };
}

/** Refused on fields (INVALID, or CONFLICT for a domain just taken), as a whole (CONFLICT: saved meanwhile), or UNAVAILABLE without an encryption key. */
type SaveResult = Result;

const SIGN_IN_CONFLICT =
  "Someone else saved the sign-in settings while you were editing. Nothing was saved: compare with the current values and save again.";
export const NO_ENCRYPTION_KEY =
  "Single sign-on cannot be configured on this server yet: it needs DATA_ENCRYPTION_KEY (32 random bytes, base64) to store the client secret encrypted. Ask whoever runs Retake Desk to set it and restart.";

class Conflict extends Error {}

/** The session saving the settings: how it was signed in. */
interface ActingSession {
  method: "PASSWORD" | "SSO";
  ssoSchoolId: string | null;
}

export async function saveSsoSettings(input: {
  schoolId: string;
  actorId: string;
  session: ActingSession;
  form: SsoForm;
}): Promise<SaveResult> {
  const { form, schoolId } = input;
  const turningOn = form.ssoEnabled;
  if (turningOn && !encryptionAvailable()) return refuse("UNAVAILABLE", NO_ENCRYPTION_KEY);
  if (form.clientSecret && !encryptionAvailable()) return refuse("UNAVAILABLE", NO_ENCRYPTION_KEY);

  const current = await prisma.schoolSignIn.findUnique({
    where: { schoolId },
    select: SSO_COLUMNS,
  });
  if ((current?.version ?? 0) !== form.expectedVersion) return refuse("CONFLICT", SIGN_IN_CONFLICT);

  const fieldErrors: Record<string, string[]> = {};
  if (turningOn && !form.clientSecret && !current?.ssoClientSecret)
    fieldErrors.clientSecret = ["Enter the client secret the provider gave you."];
  const taken = form.domains.length
    ? await prisma.ssoDomain.findMany({ where: { domain: { in: form.domains }, schoolId: { not: schoolId } }, select: { domain: true } })
    : [];
  if (taken.length) {
    fieldErrors.domains = [
      `Already used by another school's sign-in: ${taken.map((d) => d.domain).join(", ")}. Ask whoever runs Retake Desk.`,
    ];
  }
  // Requiring SSO of staff locks every staff password out: only from a session that came through this provider, so it is known to work.
  if (
    form.ssoRequiredForStaff &&
    !current?.ssoRequiredForStaff &&
    !(input.session.method === "SSO" && input.session.ssoSchoolId === schoolId)
  ) {
    fieldErrors.ssoRequiredForStaff = [
      "Sign in through your school's provider first (sign out, then “Sign in with your school”): then you know it works before passwords stop working for staff.",
    ];
  }
  if (Object.keys(fieldErrors).length) return refuse("INVALID", "Some settings need correcting.", { fieldErrors });
  if (turningOn) {
    const problem = await checkDiscovery(form.issuer);
    if (problem) return refuse("INVALID", problem, { field: "issuer" });
  }

  const secret = form.clientSecret ? seal(form.clientSecret, secretContext(schoolId)) : (current?.ssoClientSecret ?? null);
  const values = {
    ssoEnabled: form.ssoEnabled,
    ssoIssuer: form.issuer || null,
    ssoClientId: form.clientId || null,
    ssoClientSecret: secret,
    ssoRequiredForStaff: form.ssoRequiredForStaff,
    ssoJitStudents: form.ssoJitStudents,
    updatedById: input.actorId,
  };
  const providerChanged = (current?.ssoIssuer ?? null) !== values.ssoIssuer || (current?.ssoClientId ?? null) !== values.ssoClientId;
  try {
    await prisma.$transaction(async (tx) => {
      if (!current) await tx.schoolSignIn.create({ data: { schoolId, ...values } });
      else {
        const updated = await tx.schoolSignIn.updateMany({
          where: { schoolId, version: form.expectedVersion },
          data: { ...values, version: { increment: 1 } },
        });
        if (updated.count !== 1) throw new Conflict();
      }
      const domainsBefore = await tx.ssoDomain.findMany({ where: { schoolId }, select: { domain: true }, orderBy: { domain: "asc" } });
      await tx.ssoDomain.deleteMany({ where: { schoolId } });
      if (form.domains.length) await tx.ssoDomain.createMany({ data: form.domains.map((domain) => ({ domain, schoolId })) });
      let endedSessions = 0;
      if (providerChanged || (current?.ssoEnabled && !form.ssoEnabled)) {
        // Another provider (or none): links to the old provider's subjects and the sessions it vouched for end.
        await tx.ssoIdentity.deleteMany({ where: { schoolId } });
        endedSessions = (await tx.authSession.deleteMany({ where: { method: "SSO", ssoSchoolId: schoolId } })).count;
      }
      const snapshotOf = (
        v: {
          ssoEnabled?: boolean;
          ssoIssuer?: string | null;
          ssoClientId?: string | null;
          ssoRequiredForStaff?: boolean;
          ssoJitStudents?: boolean;
        } | null,
      ) =>
        v
          ? {
              ssoEnabled: v.ssoEnabled,
              issuer: v.ssoIssuer,
              clientId: v.ssoClientId,
              ssoRequiredForStaff: v.ssoRequiredForStaff,
              ssoJitStudents: v.ssoJitStudents,
            }
          : null;
      await logActivity(tx, {
        schoolId,
        actorId: input.actorId,
        entity: "SchoolSignIn",
        entityId: schoolId,
        action: "sign_in.sso_saved",
        summary: `Single sign-on settings saved${form.ssoEnabled ? " (on)" : " (off)"}${endedSessions ? `; ${endedSessions} single sign-on session(s) ended` : ""}`,
        before: current ? { ...snapshotOf(current), domains: domainsBefore.map((d) => d.domain) } : null,
        // The secret is never logged, only whether it changed.
        after: {
          ...snapshotOf(values),
          domains: form.domains,
          clientSecret: form.clientSecret ? "replaced" : current?.ssoClientSecret ? "kept" : "none",
        },
      });
    });
  } catch (error) {
    if (error instanceof Conflict) return refuse("CONFLICT", SIGN_IN_CONFLICT);
    if (isUniqueViolation(error)) {
      // A first save that raced another first save, or a domain another school claimed meanwhile.
      if (!current) return refuse("CONFLICT", SIGN_IN_CONFLICT);
      return refuse("CONFLICT", "One of these domains was just taken by another school's sign-in.", { field: "domains" });
    }
    throw error;
  }
  forgetProvider(schoolId);
  return { ok: true };
}

/**
 * Who must use a second factor. An admin can require it of their own role only
 * once their own account has one (or signs in through the school's provider),
 * so that saving it does not shut them out of the page they are on.
 */
export async function saveTwoFactorPolicy(input: {
  schoolId: string;
  actorId: string;
  actorRole: Role;
  session: ActingSession;
  form: TwoFactorPolicyForm;
}): Promise<SaveResult> {
  const { form, schoolId } = input;
  if (roleNeedsTwoFactor(form.twoFactorRequiredFor, input.actorRole)) {
    const own = await prisma.twoFactor.findUnique({ where: { userId: input.actorId }, select: { confirmedAt: true } });
    const viaProvider = input.session.method === "SSO" && input.session.ssoSchoolId === schoolId;
    if (!own?.confirmedAt && !viaProvider) {
      return refuse("INVALID", "Turn on two-factor authentication for your own account first (My account → Two-factor authentication).", {
        field: "twoFactorRequiredFor",
      });
    }
  }
  try {
    await prisma.$transaction(async (tx) => {
      const current = await tx.schoolSignIn.findUnique({ where: { schoolId }, select: { version: true, twoFactorRequiredFor: true } });
      if ((current?.version ?? 0) !== form.expectedVersion) throw new Conflict();
      if (!current)
        await tx.schoolSignIn.create({ data: { schoolId, twoFactorRequiredFor: form.twoFactorRequiredFor, updatedById: input.actorId } });
      else {
        const updated = await tx.schoolSignIn.updateMany({
          where: { schoolId, version: form.expectedVersion },
          data: { twoFactorRequiredFor: form.twoFactorRequiredFor, updatedById: input.actorId, version: { increment: 1 } },
        });
        if (updated.count !== 1) throw new Conflict();
      }
      await logActivity(tx, {
        schoolId,
        actorId: input.actorId,
        entity: "SchoolSignIn",
        entityId: schoolId,
        action: "sign_in.two_factor_policy_saved",
        summary: `Two-factor requirement set to: ${form.twoFactorRequiredFor.toLowerCase().replaceAll("_", " ")}`,
        before: { twoFactorRequiredFor: current?.twoFactorRequiredFor ?? "NONE" },
        after: { twoFactorRequiredFor: form.twoFactorRequiredFor },
      });
    });
  } catch (error) {
    if (error instanceof Conflict || isUniqueViolation(error)) return refuse("CONFLICT", SIGN_IN_CONFLICT);
    throw error;
  }
  return { ok: true };
}
