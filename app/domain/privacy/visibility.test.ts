import { describe, expect, it } from "vitest";
import { FINDING_KIND_IDS, FINDING_KINDS } from "#app/domain/vocabulary";
import { findingView, isSensitiveKind, noteView, type Viewer } from "./visibility";

const author: Viewer = { userId: "tutor-1", relation: "TUTOR" };
const office: Viewer = { userId: "advisor-1", relation: "OFFICE" };
const otherTutor: Viewer = { userId: "tutor-2", relation: "TUTOR" };
const student: Viewer = { userId: "student-1", relation: "STUDENT" };

const finding = (visibility: "PRIVATE" | "OFFICE" | "STUDENT", kind = "TIMING") => ({ authorId: "tutor-1", visibility, kind });

describe("finding visibility", () => {
  it("treats as sensitive exactly the kinds the vocabulary marks sensitive", () => {
    expect(isSensitiveKind("TEST_ANXIETY")).toBe(true);
    expect(isSensitiveKind("TIMING")).toBe(false);
    expect(FINDING_KIND_IDS.filter(isSensitiveKind)).toEqual(FINDING_KIND_IDS.filter((k) => FINDING_KINDS[k].sensitive));
  });

  it("shows a private finding to its author only", () => {
    expect(findingView(finding("PRIVATE"), author)).toBe("FULL");
    expect(findingView(finding("PRIVATE"), office)).toBe("HIDDEN");
    expect(findingView(finding("PRIVATE"), otherTutor)).toBe("HIDDEN");
    expect(findingView(finding("PRIVATE"), student)).toBe("HIDDEN");
    // Even a sensitive one: private means invisible, not "present".
    expect(findingView(finding("PRIVATE", "TEST_ANXIETY"), office)).toBe("HIDDEN");
    expect(findingView(finding("PRIVATE", "TEST_ANXIETY"), student)).toBe("HIDDEN");
  });

  it("shows an office finding to staff, and a sensitive one to the student only as present", () => {
    expect(findingView(finding("OFFICE"), office)).toBe("FULL");
    expect(findingView(finding("OFFICE"), otherTutor)).toBe("FULL");
    expect(findingView(finding("OFFICE"), student)).toBe("HIDDEN");
    expect(findingView(finding("OFFICE", "TEST_ANXIETY"), student)).toBe("PRESENT_ONLY");
    expect(findingView(finding("OFFICE", "FINANCES"), student)).toBe("PRESENT_ONLY");
  });

  it("shows a finding shared with the student to everyone on the case", () => {
    for (const viewer of [author, office, otherTutor, student]) expect(findingView(finding("STUDENT", "HEALTH"), viewer)).toBe("FULL");
  });
});

describe("note visibility", () => {
  it("follows the same tiers without a present-only view", () => {
    const note = (visibility: "PRIVATE" | "OFFICE" | "STUDENT") => ({ authorId: "tutor-1", visibility });
    expect(noteView(note("PRIVATE"), author)).toBe("FULL");
    expect(noteView(note("PRIVATE"), office)).toBe("HIDDEN");
    expect(noteView(note("OFFICE"), office)).toBe("FULL");
    expect(noteView(note("OFFICE"), student)).toBe("HIDDEN");
    expect(noteView(note("STUDENT"), student)).toBe("FULL");
  });
});
