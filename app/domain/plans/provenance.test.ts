import { describe, expect, it } from "vitest";
import { STUDENT_PRESENT_ONLY_WORDS } from "#app/domain/diagnostics/student-view";
import type { SourceFinding } from "#app/domain/privacy/derived";
import type { Viewer } from "#app/domain/privacy/visibility";
import { findingsCallingFor, hiddenMeasures, viewContent, withProvenance } from "./provenance";
import type { PlanContent, PlanMeasure } from "./schema";

const tutor: Viewer = { userId: "tutor-1", relation: "TUTOR" };
const office: Viewer = { userId: "advisor-1", relation: "OFFICE" };
const student: Viewer = { userId: "student-1", relation: "STUDENT" };

const finding = (id: string, kind: string, visibility: SourceFinding["visibility"], authorId = "tutor-1"): SourceFinding => ({
  id,
  kind,
  visibility,
  authorId,
});
const measure = (title: string, findingKind: PlanMeasure["findingKind"] = "SLEEP_WELLBEING"): PlanMeasure => ({
  title,
  findingKind,
  description: `${title}: what to do.`,
});
const content = (measures: PlanContent["measures"]): PlanContent => ({
  rhythm: [],
  focusAreas: [],
  resources: [],
  milestones: [],
  measures,
});

describe("plan measures and the findings they come from", () => {
  it("finds the findings that call for a measure by its title or by the kind it answers", () => {
    const findings = [finding("s", "STAMINA", "STUDENT"), finding("a", "TEST_ANXIETY", "OFFICE"), finding("t", "TIMING", "OFFICE")];
    // Simulated test days answers stamina, no simulation and test anxiety.
    expect(findingsCallingFor(measure("Simulated test days", "STAMINA"), findings).map((f) => f.id)).toEqual(["s", "a"]);
    expect(findingsCallingFor(measure("My own idea", "TIMING"), findings).map((f) => f.id)).toEqual(["t"]);
    expect(findingsCallingFor(measure("My own idea", "HEALTH"), findings)).toEqual([]);
  });

  it("derives a measure several findings call for from all of them, at the most restrictive tier", () => {
    const readable = [finding("a", "TEST_ANXIETY", "OFFICE"), finding("s", "STAMINA", "STUDENT")];
    const [stored] = withProvenance([measure("Simulated test days", "TEST_ANXIETY")], readable);
    expect(stored.provenance).toEqual({ tier: "OFFICE", sources: ["a", "s"] });
    expect(stored.findingKind).toBe("TEST_ANXIETY");
    const findings = new Map(readable.map((f) => [f.id, f]));
    // The shared stamina finding does not make it the student's: the office-only anxiety finding calls for it too.
    expect(viewContent(content([stored]), findings, student, "tutor-1").measures).toEqual([]);
    expect(viewContent(content([stored]), findings, office, "tutor-1").measures.map((m) => m.title)).toEqual(["Simulated test days"]);
    // A measure typed as answering a kind no source has takes a source's kind.
    const [typed] = withProvenance([measure("Simulated test days", "HEALTH")], [finding("s", "STAMINA", "STUDENT")]);
    expect(typed.findingKind).toBe("STAMINA");
  });

  it("shows each viewer what they may see, a student the neutral words once for sensitive measures", () => {
    const findings = new Map(
      [finding("f", "FINANCES", "PRIVATE"), finding("a", "TEST_ANXIETY", "OFFICE"), finding("m", "MISREADING", "STUDENT")].map((f) => [
        f.id,
        f,
      ]),
    );
    const stored = withProvenance(
      [
        measure("Financial-aid referral", "FINANCES"),
        measure("Box breathing", "TEST_ANXIETY"),
        measure("Counselling referral", "TEST_ANXIETY"),
        measure("Read the question first", "MISREADING"),
        measure("Lights out by eleven"),
      ],
      [...findings.values()],
    );
    const titles = (viewer: Viewer) => viewContent(content(stored), findings, viewer, "tutor-1").measures.map((m) => m.title);
    expect(titles(tutor)).toEqual([
      "Financial-aid referral",
      "Box breathing",
      "Counselling referral",
      "Read the question first",
      "Lights out by eleven",
    ]);
    expect(titles(office)).toEqual(["Box breathing", "Counselling referral", "Read the question first", "Lights out by eleven"]);
    expect(titles(student)).toEqual(["Read the question first", "Lights out by eleven"]);
    expect(viewContent(content(stored), findings, student, "tutor-1").supportNote).toEqual(STUDENT_PRESENT_ONLY_WORDS);
    expect(viewContent(content(stored), findings, office, "tutor-1").supportNote).toBeNull();
    expect(viewContent(content(stored), findings, tutor, "tutor-1").measures[0].audience).toBe("PRIVATE");
    // What the office may not see stays when it saves.
    expect(hiddenMeasures(content(stored), findings, office, "tutor-1").map((m) => m.title)).toEqual(["Financial-aid referral"]);
  });

  it("reads a measure stored without provenance as its findings say, or as its saver's alone", () => {
    const findings = new Map([finding("a", "TEST_ANXIETY", "OFFICE")].map((f) => [f.id, f]));
    const legacy = content([measure("Box breathing", "TEST_ANXIETY"), measure("Typed long ago", "FAMILY")]);
    expect(viewContent(legacy, findings, office, "tutor-1").measures.map((m) => m.title)).toEqual(["Box breathing"]);
    expect(viewContent(legacy, findings, tutor, "tutor-1").measures.map((m) => m.title)).toEqual(["Box breathing", "Typed long ago"]);
    expect(viewContent(legacy, findings, student, "tutor-1").measures).toEqual([]);
    // Kept for an editor who cannot see it, with the provenance it was read with.
    const kept = hiddenMeasures(legacy, findings, office, "tutor-1");
    expect(kept).toEqual([{ ...measure("Typed long ago", "FAMILY"), provenance: { tier: "PRIVATE", sources: [], owners: ["tutor-1"] } }]);
    // Saved into the office's next version, it stays its saver's alone.
    expect(viewContent(content(kept), findings, office, "advisor-1").measures).toEqual([]);
    expect(viewContent(content(kept), findings, tutor, "advisor-1").measures.map((m) => m.title)).toEqual(["Typed long ago"]);
  });
});
