import { describe, expect, it } from "vitest";
import { dayList, diffPlanVersions, groupChanges } from "./diff";
import { type GeneratedPlan, generatePlan } from "./generator";
import type { PlanVersionData } from "./schema";

function base(): PlanVersionData {
  const result = generatePlan({
    exam: "STEP1",
    failureNumber: 1,
    startDate: "2027-01-18",
    examDate: "2027-03-14",
    hoursPerDay: 8,
    restDay: 7,
    previousResources: ["UWorld", "Sketchy"],
    focusCandidates: [
      { key: "step1.system.cardiovascular", label: "Cardiovascular", kind: "AREA", weight: 2 },
      { key: "step1.discipline.pharmacology", label: "Pharmacology", kind: "AREA", weight: 2 },
    ],
    strongAreas: [],
    findingKinds: ["TEST_ANXIETY"],
    sharedFindingKinds: ["TEST_ANXIETY"],
    spacingViolations: [],
  });
  if (!result.plan) throw new Error("no plan");
  const { template: _template, durationWeeks: _weeks, ...version } = result.plan as GeneratedPlan;
  return structuredClone(version);
}

const texts = (a: PlanVersionData, b: PlanVersionData) => diffPlanVersions(a, b).map((c) => `${c.section}: ${c.text}`);

describe("diffPlanVersions", () => {
  it("finds nothing between identical versions", () => {
    expect(diffPlanVersions(base(), base())).toEqual([]);
  });

  it("says how far the exam date moved", () => {
    const b = base();
    b.examDate = "2027-03-28";
    expect(texts(base(), b)).toEqual(["DATES: Exam date moved from 14 Mar 2027 to 28 Mar 2027 (+14 days)"]);
    const c = base();
    c.startDate = "2027-01-15";
    expect(texts(base(), c)).toEqual(["DATES: Start date moved from 18 Jan 2027 to 15 Jan 2027 (−3 days)"]);
  });

  it("reports focus shares, additions, removals and order", () => {
    const a = base();
    expect(a.content.focusAreas.map((f) => f.sharePercent)).toEqual([50, 50]);
    a.content.focusAreas = [
      { ...a.content.focusAreas[0], sharePercent: 20 },
      { ...a.content.focusAreas[1], sharePercent: 80 },
    ];
    const b = structuredClone(a);
    b.content.focusAreas = [
      { ...a.content.focusAreas[1], sharePercent: 60 },
      { ...a.content.focusAreas[0], sharePercent: 30 },
      { key: "step1.discipline.microbiology", label: "Microbiology", kind: "AREA", sharePercent: 10 },
    ];
    expect(texts(a, b)).toEqual([
      "FOCUS: Pharmacology share 80% → 60%",
      "FOCUS: Cardiovascular share 20% → 30%",
      "FOCUS: Added focus: Microbiology (10%)",
      "FOCUS: Focus order now: Pharmacology, Cardiovascular",
    ]);
    expect(texts(b, a)).toContain("FOCUS: Removed focus: Microbiology (was 10%)");
  });

  it("reports resources added, removed and changed", () => {
    const a = base();
    const b = structuredClone(a);
    b.content.resources.push({ kind: "TARGETED", name: "Sketchy Pharmacology", reason: "For Pharmacology: visual mnemonics." });
    expect(texts(a, b)).toEqual(["RESOURCES: Added resource: Sketchy Pharmacology"]);
    expect(texts(b, a)).toEqual(["RESOURCES: Removed resource: Sketchy Pharmacology"]);
    const c = structuredClone(a);
    c.content.resources[0] = { ...c.content.resources[0], kind: "ADD_QBANK" };
    expect(texts(a, c)).toEqual(["RESOURCES: AMBOSS Qbank: switch question bank → add question bank"]);
    const d = structuredClone(a);
    d.content.resources.shift();
    expect(texts(a, d)).toEqual(["RESOURCES: Removed resource: AMBOSS Qbank (switch question bank)"]);
  });

  it("follows milestones by uid", () => {
    const a = base();
    const midpoint = a.content.milestones.find((m) => m.uid === "midpoint");
    expect(midpoint?.dueOn).toBe("2027-02-13");
    const b = structuredClone(a);
    b.content.milestones = b.content.milestones.map((m) => (m.uid === "midpoint" ? { ...m, dueOn: "2027-02-20" } : m));
    expect(texts(a, b)).toEqual(["MILESTONES: Midpoint practice exam moved from 13 Feb to 20 Feb (+7 days)"]);

    const c = structuredClone(a);
    c.content.milestones = c.content.milestones.map((m) =>
      m.uid === "final" ? { ...m, instrumentId: "FREE_120" as const, label: "Final practice exam: Free 120" } : m,
    );
    c.content.milestones.push({ uid: "custom-1", kind: "CUSTOM", dueOn: "2027-02-27", instrumentId: "UWSA", label: "Extra UWSA" });
    expect(texts(a, c)).toEqual([
      "MILESTONES: Added milestone: Extra UWSA on 27 Feb 2027 (UWSA)",
      "MILESTONES: Final practice exam: CBSSA → Free 120",
    ]);
    expect(texts(c, a)).toContain("MILESTONES: Removed milestone: Extra UWSA (was 27 Feb 2027)");
  });

  it("says a rhythm change once for all the days it applies to", () => {
    const a = base();
    const b = structuredClone(a);
    for (const day of b.content.rhythm) {
      for (const block of day.blocks) {
        if (block.kind === "TIMED_BLOCKS") block.blockCount = (block.blockCount ?? 0) + 1;
      }
    }
    expect(a.content.rhythm[0].blocks[0].blockCount).toBe(4);
    expect(texts(a, b)).toEqual(["RHYTHM: Morning (Mon–Fri): 4 → 5 timed blocks"]);
  });

  it("names a single day, and hours and rest-day changes", () => {
    const a = base();
    const b = structuredClone(a);
    b.hoursPerDay = 6;
    b.content.rhythm[1].blocks[2] = { ...b.content.rhythm[1].blocks[2], kind: "ACTIVE_RECALL" };
    b.content.rhythm[3].blocks[1] = { ...b.content.rhythm[3].blocks[1], minutes: 120 };
    b.content.rhythm[3].blocks.push({ slot: "EVENING", kind: "REVIEW", description: "Error log", minutes: 30 });
    expect(texts(a, b)).toEqual([
      "RHYTHM: Study hours per day: 8 → 6",
      "RHYTHM: Thursday afternoon: 195 → 120 min",
      "RHYTHM: Tuesday evening: targeted content → active recall",
      "RHYTHM: Thursday evening: added in-depth review (30 min)",
    ]);
  });

  it("describes a change of block format", () => {
    const a = base();
    const b = structuredClone(a);
    for (const day of b.content.rhythm) {
      for (const block of day.blocks) {
        if (block.kind === "TIMED_BLOCKS") Object.assign(block, { blockCount: 2, blockMinutes: 60, itemsPerBlock: 40 });
      }
    }
    expect(texts(a, b)).toEqual([
      "RHYTHM: Morning (Mon–Fri): 4 → 2 timed blocks",
      "RHYTHM: Morning (Mon–Fri): blocks of 30 min / 20 items → 60 min / 40 items",
    ]);
  });

  it("reports a moved rest day", () => {
    const a = base();
    const b = structuredClone(a);
    b.restDay = 6;
    expect(texts(a, b)[0]).toBe("RHYTHM: Rest day: Sunday → Saturday");
  });

  it("reports measures", () => {
    const a = base();
    const b = structuredClone(a);
    b.content.measures = b.content.measures.filter((m) => m.title !== "Box breathing");
    b.content.measures[0] = { ...b.content.measures[0], description: "Once, two weeks before the exam." };
    b.content.measures.push({ findingKind: "SLEEP_WELLBEING", title: "Fixed sleep schedule", description: "Up at 6:30 every day." });
    expect(texts(a, b)).toEqual([
      "MEASURES: Updated measure: Simulated test days",
      "MEASURES: Added measure: Fixed sleep schedule",
      "MEASURES: Removed measure: Box breathing",
    ]);
  });

  it("groups changes by section in a fixed order", () => {
    const a = base();
    const b = structuredClone(a);
    b.examDate = "2027-03-21";
    b.content.measures = [];
    b.content.focusAreas[0].sharePercent = 40;
    b.content.focusAreas[1].sharePercent = 60;
    expect(groupChanges(diffPlanVersions(a, b)).map((g) => [g.label, g.texts.length])).toEqual([
      ["Dates", 1],
      ["Focus areas", 2],
      ["Measures", 3],
    ]);
  });
});

describe("dayList", () => {
  it("compresses runs of days", () => {
    expect(dayList([1, 2, 3, 4, 5])).toBe("Mon–Fri");
    expect(dayList([1, 3, 5])).toBe("Mon, Wed, Fri");
    expect(dayList([6, 1, 2, 3])).toBe("Mon–Wed, Sat");
    expect(dayList([6, 7])).toBe("Sat, Sun");
    expect(dayList([1, 2, 3, 4, 5, 6, 7])).toBe("every day");
  });
});
