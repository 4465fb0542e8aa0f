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

  it("comes from every finding that calls for it, at the most restrictive of their tiers", () => {
    expect(provenanceOf([f("a", "PRIVATE"), f("b", "OFFICE"), f("c", "STUDENT")])).toEqual({
      tier: "PRIVATE",
      sources: ["a", "b", "c"],
      owners: ["tutor-1"],
    });
    expect(provenanceOf([f("a", "OFFICE"), f("b", "STUDENT")])).toEqual({ tier: "OFFICE", sources: ["a", "b"] });
    expect(provenanceOf([f("a", "STUDENT"), f("b", "STUDENT")])).toEqual({ tier: "STUDENT", sources: ["a", "b"] });
  });

  it("names as owners only the authors of its private sources", () => {
    const p = provenanceOf([f("a", "STUDENT", "STAMINA", "advisor-1"), f("b", "PRIVATE", "TEST_ANXIETY", "tutor-1")]);
    expect(p.owners).toEqual(["tutor-1"]);
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

  it("hides from the student an item a shared and a private finding both call for", () => {
    const sources = byId(f("s", "STUDENT", "STAMINA", "tutor-1"), f("p", "PRIVATE", "TEST_ANXIETY", "tutor-1"));
    const p = provenanceOf([...sources.values()]);
    expect(derivedView(p, sources, student, true).view).toBe("HIDDEN");
    expect(derivedView(p, sources, office, true).view).toBe("HIDDEN");
    expect(derivedView(p, sources, tutor, true)).toEqual({ view: "FULL", tier: "PRIVATE" });
  });

  it("is never made more visible than its sources by deleting or narrowing one", () => {
    const shared = f("s", "STUDENT", "STAMINA");
    const office1 = f("o", "OFFICE", "TIMING");
    const p = provenanceOf([shared, office1]);
    // The office-only source deleted: judged by the tier stored with the item, still office-only.
    expect(derivedView(p, byId(shared, { ...office1, deleted: true }), student, false).view).toBe("HIDDEN");
    expect(derivedView(p, byId(shared), student, false).view).toBe("HIDDEN");
    expect(derivedView(p, byId(shared), office, false).view).toBe("FULL");
    // The shared source narrowed to private: hidden from the office too.
    expect(derivedView(p, byId({ ...shared, visibility: "PRIVATE" }, office1), office, false).view).toBe("HIDDEN");
    // Every source shared with the student: only then does the student see it.
    expect(derivedView(p, byId(shared, { ...office1, visibility: "STUDENT" }), student, false).view).toBe("FULL");
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
