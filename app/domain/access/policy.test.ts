import { describe, expect, it } from "vitest";
import { type Actor, canTakeCase, caseRelation, primaryRole } from "./policy";

const facts = { schoolId: "s1", tutorId: "t1", studentUserId: "st1", status: "ACTIVE" };
const actor = (userId: string, role: Actor["memberships"][number]["role"], schoolId = "s1"): Actor => ({
  userId,
  memberships: [{ schoolId, role }],
});

describe("case access", () => {
  it("lets the office of the case's school see it", () => {
    expect(caseRelation(actor("a", "ADVISOR"), facts)).toBe("OFFICE");
    expect(caseRelation(actor("a", "ADMIN"), facts)).toBe("OFFICE");
  });

  it("refuses the office of another school", () => {
    expect(caseRelation(actor("a", "ADVISOR", "s2"), facts)).toBeNull();
  });

  it("lets only the assigned tutor see a case", () => {
    expect(caseRelation(actor("t1", "TUTOR"), facts)).toBe("TUTOR");
    expect(caseRelation(actor("t2", "TUTOR"), facts)).toBeNull();
    expect(caseRelation(actor("t1", "TUTOR", "s2"), facts)).toBeNull();
  });

  it("lets a student see only their own case", () => {
    expect(caseRelation(actor("st1", "STUDENT"), facts)).toBe("STUDENT");
    expect(caseRelation(actor("st2", "STUDENT"), facts)).toBeNull();
  });

  it("lets only a tutor of the case's school take on its cases", () => {
    expect(canTakeCase(actor("t2", "TUTOR"), "s1")).toBe(true);
    expect(canTakeCase(actor("t2", "TUTOR", "s2"), "s1")).toBe(false);
    expect(canTakeCase(actor("a", "ADVISOR"), "s1")).toBe(false);
    expect(canTakeCase(actor("st1", "STUDENT"), "s1")).toBe(false);
  });

  it("picks the most senior role for the home page", () => {
    expect(
      primaryRole({
        userId: "x",
        memberships: [
          { schoolId: "s1", role: "TUTOR" },
          { schoolId: "s2", role: "ADMIN" },
        ],
      }),
    ).toBe("ADMIN");
    expect(primaryRole({ userId: "x", memberships: [] })).toBeNull();
  });
});
