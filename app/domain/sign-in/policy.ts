/**
 * What a session may reach, given how it was signed in and the rules of the
 * schools its person belongs to (ADR 0016, 0017). Evaluated on every request,
 * so a school's new rule applies at once, not at the next sign-in.
 *
 * - An SSO session reaches only the school whose provider vouched for it.
 * - A password session does not reach a school that requires SSO of its staff
 *   for a staff membership there.
 * - A person with an authenticator must pass it in every session.
 * - A person whose school requires a second factor for their role, and who has
 *   none, must set one up before reaching anything (an SSO session satisfies
 *   its own school's requirement: that school's provider enforces its MFA).
 */
import { type Role, STAFF_ROLES } from "#app/domain/vocabulary";

export const TWO_FACTOR_REQUIREMENTS = ["NONE", "OFFICE", "OFFICE_AND_TUTORS"] as const;
export type TwoFactorRequirement = (typeof TWO_FACTOR_REQUIREMENTS)[number];

export const TWO_FACTOR_REQUIREMENT_LABELS: Record<TwoFactorRequirement, string> = {
  NONE: "Nobody is required to (anyone may turn it on)",
  OFFICE: "Advisors and administrators",
  OFFICE_AND_TUTORS: "Advisors, administrators and tutors",
};

const REQUIRED_ROLES: Record<TwoFactorRequirement, readonly Role[]> = {
  NONE: [],
  OFFICE: ["ADMIN", "ADVISOR"],
  OFFICE_AND_TUTORS: ["ADMIN", "ADVISOR", "TUTOR"],
};

export function asTwoFactorRequirement(value: string | null | undefined): TwoFactorRequirement {
  return (TWO_FACTOR_REQUIREMENTS as readonly string[]).includes(value ?? "") ? (value as TwoFactorRequirement) : "NONE";
}

export function roleNeedsTwoFactor(requirement: TwoFactorRequirement, role: Role): boolean {
  return REQUIRED_ROLES[requirement].includes(role);
}

const isStaffRole = (role: Role) => (STAFF_ROLES as readonly Role[]).includes(role);

interface SessionFacts {
  method: "PASSWORD" | "SSO";
  ssoSchoolId: string | null;
  secondFactorPassed: boolean;
}

export interface MembershipFacts {
  schoolId: string;
  role: Role;
  /** The school has SSO on and requires it of its staff. */
  ssoRequiredForStaff: boolean;
  twoFactorRequiredFor: TwoFactorRequirement;
}

/**
 * complete: the session reaches `memberships`.
 * verify: the person has an authenticator and this session has not passed it yet.
 * enrol: a school requires a second factor of this person, who has none yet.
 * refused: the person belongs to schools, but this session reaches none of them.
 */
type SignInStep = "complete" | "verify" | "enrol" | "refused";

interface SignInResolution<M extends MembershipFacts> {
  step: SignInStep;
  /** The memberships the session reaches (when complete). */
  memberships: M[];
  /** Memberships left out because their school requires SSO (password sessions) or another provider vouched (SSO sessions). */
  excluded: M[];
  /** The memberships whose school requires the second factor of this person. */
  requiringTwoFactor: M[];
}

export function resolveSignIn<M extends MembershipFacts>(
  session: SessionFacts,
  twoFactorEnrolled: boolean,
  memberships: readonly M[],
): SignInResolution<M> {
  const reaches = (m: M) =>
    session.method === "SSO" ? m.schoolId === session.ssoSchoolId : !(m.ssoRequiredForStaff && isStaffRole(m.role));
  const kept = memberships.filter(reaches);
  const excluded = memberships.filter((m) => !reaches(m));
  const requiringTwoFactor = kept.filter(
    (m) =>
      roleNeedsTwoFactor(m.twoFactorRequiredFor, m.role) &&
      // That school's own provider authenticated this session: its MFA policy is the school's to enforce there.
      !(session.method === "SSO" && session.ssoSchoolId === m.schoolId),
  );
  let step: SignInStep = "complete";
  if (memberships.length > 0 && kept.length === 0) step = "refused";
  else if (twoFactorEnrolled && !session.secondFactorPassed) step = "verify";
  else if (!twoFactorEnrolled && requiringTwoFactor.length > 0) step = "enrol";
  return { step, memberships: kept, excluded, requiringTwoFactor };
}
