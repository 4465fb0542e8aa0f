import { describe, expect, it } from "vitest";
import { type MembershipFacts, resolveSignIn, roleNeedsTwoFactor } from "./policy";

const m = (schoolId: string, role: MembershipFacts["role"], rules: Partial<MembershipFacts> = {}): MembershipFacts => ({
  schoolId,
  role,
  ssoRequiredForStaff: false,
  twoFactorRequiredFor: "NONE",
  ...rules,
});
const password = { method: "PASSWORD" as const, ssoSchoolId: null, secondFactorPassed: false };
const sso = (schoolId: string) => ({ method: "SSO" as const, ssoSchoolId: schoolId, secondFactorPassed: false });

describe("which roles need a second factor", () => {
  it("follows the school's choice", () => {
    expect(roleNeedsTwoFactor("NONE", "ADMIN")).toBe(false);
    expect(roleNeedsTwoFactor("OFFICE", "ADMIN")).toBe(true);
    expect(roleNeedsTwoFactor("OFFICE", "ADVISOR")).toBe(true);
    expect(roleNeedsTwoFactor("OFFICE", "TUTOR")).toBe(false);
    expect(roleNeedsTwoFactor("OFFICE_AND_TUTORS", "TUTOR")).toBe(true);
    expect(roleNeedsTwoFactor("OFFICE_AND_TUTORS", "STUDENT")).toBe(false);
  });
});

describe("what a session reaches", () => {
  it("a password session reaches every membership when no school has rules", () => {
    const r = resolveSignIn(password, false, [m("a", "TUTOR"), m("b", "STUDENT")]);
    expect(r.step).toBe("complete");
    expect(r.memberships.map((x) => x.schoolId)).toEqual(["a", "b"]);
  });

  it("an SSO session reaches only the school whose provider vouched", () => {
    const r = resolveSignIn(sso("a"), false, [m("a", "TUTOR"), m("b", "ADVISOR")]);
    expect(r.memberships.map((x) => x.schoolId)).toEqual(["a"]);
    expect(r.excluded.map((x) => x.schoolId)).toEqual(["b"]);
  });

  it("an SSO session of a school the person no longer belongs to reaches nothing", () => {
    expect(resolveSignIn(sso("gone"), false, [m("a", "TUTOR")]).step).toBe("refused");
  });

  it("a password session leaves out staff memberships at schools requiring SSO, but not student ones", () => {
    const r = resolveSignIn(password, false, [
      m("a", "TUTOR", { ssoRequiredForStaff: true }),
      m("b", "STUDENT", { ssoRequiredForStaff: true }),
    ]);
    expect(r.step).toBe("complete");
    expect(r.memberships.map((x) => x.schoolId)).toEqual(["b"]);
  });

  it("refuses a password session whose every membership requires SSO", () => {
    expect(resolveSignIn(password, false, [m("a", "ADMIN", { ssoRequiredForStaff: true })]).step).toBe("refused");
  });

  it("keeps a person without memberships signed in (nothing to refuse)", () => {
    expect(resolveSignIn(password, false, []).step).toBe("complete");
  });
});

describe("the second factor", () => {
  it("is asked of anyone enrolled until the session passes it, whatever the sign-in method", () => {
    expect(resolveSignIn(password, true, [m("a", "STUDENT")]).step).toBe("verify");
    expect(resolveSignIn(sso("a"), true, [m("a", "STUDENT")]).step).toBe("verify");
    expect(resolveSignIn({ ...password, secondFactorPassed: true }, true, [m("a", "STUDENT")]).step).toBe("complete");
  });

  it("sends people without one to set it up when a school requires it of their role", () => {
    const r = resolveSignIn(password, false, [m("a", "ADVISOR", { twoFactorRequiredFor: "OFFICE" }), m("b", "TUTOR")]);
    expect(r.step).toBe("enrol");
    expect(r.requiringTwoFactor.map((x) => x.schoolId)).toEqual(["a"]);
    expect(resolveSignIn(password, false, [m("a", "TUTOR", { twoFactorRequiredFor: "OFFICE" })]).step).toBe("complete");
  });

  it("leaves the requirement to the school's provider for its own SSO sessions", () => {
    expect(resolveSignIn(sso("a"), false, [m("a", "ADVISOR", { twoFactorRequiredFor: "OFFICE" })]).step).toBe("complete");
  });

  it("checks SSO scope before the second factor: a refused session is refused, not asked for a code", () => {
    expect(resolveSignIn(password, true, [m("a", "TUTOR", { ssoRequiredForStaff: true })]).step).toBe("refused");
  });
});
