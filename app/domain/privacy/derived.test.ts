import { describe, expect, it } from "vitest";
import { derivedView, provenanceOf, type SourceFinding, TYPED } from "./derived";
import type { Viewer } from "./visibility";

const tutor: Viewer = { userId: "tutor-1", relation: "TUTOR" };
const otherTutor: Viewer = { userId: "tutor-2", relation: "TUTOR" };
const office: Viewer = { userId: "advisor-1", relation: "OFFICE" };
const student: Viewer = { userId: "student-1", relation: "STUDENT" };

const f = (id: string, visibility: SourceFinding["visibility"], kind = "TIMING", authorId = "tutor-1"): SourceFinding => ({
  id,
  kind,
  visibility,
  authorId,
});
const byId = (...findings: SourceFinding[]) => new Map(findings.map((x) => [x.id, x]));

describe("provenance of a derived item", () => {
  it("is the author's own text when no finding calls for it", () => {
    expect(provenanceOf([])).toEqual(TYPED);
  });

  it("comes from the most widely shared of the findings that call for it, at their tier", () => {
    expect(provenanceOf([f("a", "PRIVATE"), f("b", "OFFICE"), f("c", "OFFICE")])).toEqual({ tier: "OFFICE", sources: ["b", "c"] });
    expect(provenanceOf([f("a", "OFFICE"), f("b", "STUDENT")])).toEqual({ tier: "STUDENT", sources: ["b"] });
  });

  it("names the authors of private sources, who alone may see it", () => {
    expect(provenanceOf([f("a", "PRIVATE", "FINANCES", "tutor-1")])).toEqual({ tier: "PRIVATE", sources: ["a"], owners: ["tutor-1"] });
  });
});

describe("how a viewer sees a derived item", () => {
  it("shows staff-written text to everyone on the case", () => {
    for (const viewer of [tutor, office, student]) expect(derivedView(TYPED, new Map(), viewer, false).view).toBe("FULL");
  });

  it("shows an item from a private finding to its author only", () => {
    const sources = byId(f("a", "PRIVATE", "FINANCES"));
    const p = provenanceOf([...sources.values()]);
    expect(derivedView(p, sources, tutor, true)).toEqual({ view: "FULL", tier: "PRIVATE" });
    for (const viewer of [otherTutor, office, student]) expect(derivedView(p, sources, viewer, true).view).toBe("HIDDEN");
  });

  it("shows a student an item from an office-only sensitive finding only as present, and hides a non-sensitive one", () => {
    const anxiety = byId(f("a", "OFFICE", "TEST_ANXIETY"));
    expect(derivedView(provenanceOf([...anxiety.values()]), anxiety, student, true).view).toBe("PRESENT_ONLY");
    expect(derivedView(provenanceOf([...anxiety.values()]), anxiety, office, true).view).toBe("FULL");
    const timing = byId(f("b", "OFFICE", "TIMING"));
    expect(derivedView(provenanceOf([...timing.values()]), timing, student, false).view).toBe("HIDDEN");
  });

  it("is no more visible than its least visible source, as the sources are now", () => {
    const p = { tier: "STUDENT" as const, sources: ["a", "b"] };
    expect(derivedView(p, byId(f("a", "STUDENT"), f("b", "STUDENT")), student, false)).toEqual({ view: "FULL", tier: "STUDENT" });
    // One source made private since: hidden from everyone but its author.
    expect(derivedView(p, byId(f("a", "STUDENT"), f("b", "PRIVATE")), student, false)).toEqual({ view: "HIDDEN", tier: "PRIVATE" });
    expect(derivedView(p, byId(f("a", "STUDENT"), f("b", "PRIVATE")), tutor, false).view).toBe("FULL");
  });

  it("judges a deleted source by the tier stored with the item", () => {
    const p = provenanceOf([f("a", "OFFICE")]);
    const deleted = byId({ ...f("a", "STUDENT"), deleted: true });
    expect(derivedView(p, deleted, student, false).view).toBe("HIDDEN");
    expect(derivedView(p, new Map(), office, false).view).toBe("FULL");
    expect(derivedView(p, new Map(), student, true).view).toBe("PRESENT_ONLY");
    const mine = provenanceOf([f("a", "PRIVATE")]);
    expect(derivedView(mine, new Map(), tutor, false).view).toBe("FULL");
    expect(derivedView(mine, new Map(), office, false).view).toBe("HIDDEN");
  });
});
