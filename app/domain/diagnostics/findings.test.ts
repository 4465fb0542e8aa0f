import { describe, expect, it } from "vitest";
import { FINDING_KIND_IDS } from "#app/domain/vocabulary";
import { canManageFinding, findingChange, findingKindGroups } from "./findings";

const tutor = { userId: "tutor", relation: "TUTOR" as const };
const office = { userId: "advisor", relation: "OFFICE" as const };
const student = { userId: "student", relation: "STUDENT" as const };

describe("canManageFinding", () => {
  it("lets the author and the office manage a finding they can read, never a student", () => {
    const shared = { authorId: "tutor", visibility: "OFFICE" as const, kind: "TIMING" };
    expect(canManageFinding(shared, tutor)).toBe(true);
    expect(canManageFinding(shared, office)).toBe(true);
    expect(canManageFinding(shared, { userId: "other-tutor", relation: "TUTOR" })).toBe(false);
    expect(canManageFinding({ ...shared, visibility: "STUDENT" }, student)).toBe(false);
  });

  it("keeps a private finding with its author, even from the office", () => {
    const mine = { authorId: "tutor", visibility: "PRIVATE" as const, kind: "TEST_ANXIETY" };
    expect(canManageFinding(mine, tutor)).toBe(true);
    expect(canManageFinding(mine, office)).toBe(false);
  });
});

describe("findingChange", () => {
  const before = {
    kind: "TEST_ANXIETY" as const,
    severity: 2,
    visibility: "OFFICE" as const,
    evidence: "Goes blank in block 1.",
    areaIds: [],
  };

  it("records kind, severity, visibility and areas as values, the evidence only as changed", () => {
    const change = findingChange(before, {
      ...before,
      severity: 3,
      visibility: "STUDENT",
      evidence: "Goes blank in blocks 1 and 2; panic before the exam.",
    });
    expect(change).toEqual({
      before: { severity: 2, visibility: "OFFICE" },
      after: { severity: 3, visibility: "STUDENT", evidenceChanged: true },
      changed: true,
    });
    expect(JSON.stringify(change)).not.toMatch(/blank|panic/);
  });

  it("sees no change when nothing changed (area order aside)", () => {
    const withAreas = { ...before, kind: "CONTENT_GAP" as const, areaIds: ["a", "b"] };
    expect(findingChange(withAreas, { ...withAreas, areaIds: ["b", "a"] }).changed).toBe(false);
    expect(findingChange(withAreas, { ...withAreas, areaIds: ["a"] })).toMatchObject({
      before: { areaIds: ["a", "b"] },
      after: { areaIds: ["a"] },
    });
  });
});

describe("findingKindGroups", () => {
  it("lists every kind once, under its family", () => {
    const groups = findingKindGroups();
    expect(groups.map((g) => g.family)).toEqual(["CONTENT", "STRATEGY", "METHOD", "EXTERNAL"]);
    expect(groups.flatMap((g) => g.kinds.map((k) => k.id)).sort()).toEqual([...FINDING_KIND_IDS].sort());
    expect(groups.find((g) => g.family === "EXTERNAL")?.kinds.find((k) => k.id === "TEST_ANXIETY")?.sensitive).toBe(true);
  });
});
