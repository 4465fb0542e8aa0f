import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addWeeks, daysBetween, isoWeekday } from "#app/domain/dates";
import { examFormatOn, instrumentsFor, RETAKE_GUIDANCE } from "#app/domain/reference";
import { FINDING_KIND_IDS } from "#app/domain/vocabulary";
import {
  buildFocusAreas,
  defaultExamDate,
  fullLengthWeekday,
  type GeneratedPlan,
  type GeneratePlanInput,
  generatePlan,
  sessionMinutes,
} from "./generator";
import { type PlanBlock, planVersionSchema } from "./schema";
import { FOCUS_RULES, MILESTONE_INSTRUMENTS } from "./templates";

/** A Monday, well after the 2026 format change. */
const START = "2027-01-04";

function input(overrides: Partial<GeneratePlanInput> = {}): GeneratePlanInput {
  return {
    exam: "STEP1",
    failureNumber: 1,
    startDate: START,
    examDate: addWeeks(START, 8),
    hoursPerDay: 8,
    restDay: 7,
    previousResources: ["UWorld"],
    focusCandidates: [
      { key: "step1.discipline.pharmacology", label: "Pharmacology", kind: "AREA", weight: 3 },
      { key: "step1.discipline.microbiology", label: "Microbiology", kind: "AREA", weight: 2 },
      { key: "cluster:step1.system.cardiovascular", label: "Cardiovascular", kind: "CLUSTER", weight: 2 },
    ],
    strongAreas: [{ key: "step1.system.gastrointestinal", label: "Gastrointestinal System" }],
    findingKinds: [],
    sharedFindingKinds: [],
    spacingViolations: [],
    ...overrides,
  };
}

function planOf(overrides: Partial<GeneratePlanInput> = {}): { plan: GeneratedPlan; warnings: string[] } {
  const result = generatePlan(input(overrides));
  if (result.plan === null) throw new Error(`Unexpected errors: ${JSON.stringify(result.errors)}`);
  return { plan: result.plan, warnings: result.warnings };
}

function blocksOf(plan: GeneratedPlan, kind: PlanBlock["kind"]): PlanBlock[] {
  return plan.content.rhythm.flatMap((d) => d.blocks).filter((b) => b.kind === kind);
}

function milestone(plan: GeneratedPlan, uid: string) {
  const found = plan.content.milestones.find((m) => m.uid === uid);
  if (!found) throw new Error(`No ${uid} milestone`);
  return found;
}

describe("generatePlan: duration", () => {
  it("builds a first retake of 8 weeks with no warnings", () => {
    const { plan, warnings } = planOf();
    expect(plan.template).toBe("first-retake");
    expect(plan.durationWeeks).toBe(8);
    expect(warnings).toEqual([]);
    expect(planVersionSchema.safeParse(plan).success).toBe(true);
  });

  it("suggests the default length of each template for the exam date", () => {
    expect(daysBetween(START, defaultExamDate(START, 1))).toBe(RETAKE_GUIDANCE.firstRetakeWeeks.default * 7);
    expect(daysBetween(START, defaultExamDate(START, 2))).toBe(RETAKE_GUIDANCE.laterRetakeWeeks.default * 7);
  });

  it("builds a second-failure plan of at least 12 weeks", () => {
    const { plan, warnings } = planOf({ failureNumber: 2, examDate: defaultExamDate(START, 2) });
    expect(plan.template).toBe("later-retake");
    expect(plan.durationWeeks).toBeGreaterThanOrEqual(12);
    expect(warnings).toEqual([]);
  });

  it("warns when a second-failure plan is shorter than 3 months", () => {
    const { warnings } = planOf({ failureNumber: 2, examDate: addWeeks(START, 10) });
    expect(warnings).toEqual([expect.stringContaining("shorter than the usual 13–26 weeks")]);
  });

  it("warns that an exam date 4 weeks away is rushed, but still proposes a plan", () => {
    const { plan, warnings } = planOf({ examDate: addWeeks(START, 4) });
    expect(warnings.some((w) => w.includes("rushed retakes often fail again"))).toBe(true);
    expect(plan.durationWeeks).toBe(4);
  });

  it("warns when a first retake runs past 12 weeks", () => {
    const { warnings } = planOf({ examDate: addWeeks(START, 14) });
    expect(warnings).toEqual([expect.stringContaining("longer than the usual 6–12 weeks")]);
  });

  it("does not warn at the edges of the first-retake window", () => {
    expect(planOf({ examDate: addWeeks(START, 6) }).warnings).toEqual([]);
    expect(planOf({ examDate: addWeeks(START, 12) }).warnings).toEqual([]);
  });

  it("warns before the last attempt the rules allow and refuses after it", () => {
    expect(planOf({ failureNumber: 3, examDate: addWeeks(START, 16) }).warnings).toEqual([expect.stringContaining("last Step 1 attempt")]);
    const refused = generatePlan(input({ failureNumber: 4, examDate: addWeeks(START, 16) }));
    expect(refused.plan).toBeNull();
    expect(refused.errors).toEqual([{ field: "failureNumber", message: expect.stringContaining("no further attempt") }]);
  });
});

describe("generatePlan: refusals", () => {
  it("refuses an exam date that breaks the spacing rules", () => {
    const result = generatePlan(input({ spacingViolations: ["A fourth attempt needs 6 months after the latest one (from 1 Apr 2027)."] }));
    expect(result.plan).toBeNull();
    expect(result.errors).toEqual([
      { field: "examDate", message: "A fourth attempt needs 6 months after the latest one (from 1 Apr 2027)." },
    ]);
  });

  it("refuses an exam date before or on the start date", () => {
    for (const examDate of [addDays(START, -1), START]) {
      const result = generatePlan(input({ examDate }));
      expect(result.plan).toBeNull();
      expect(result.errors).toEqual([{ field: "examDate", message: "The exam date must be after the start date" }]);
    }
  });

  it("refuses a date before any known exam format", () => {
    const result = generatePlan(input({ startDate: "1999-01-04", examDate: "1999-03-01" }));
    expect(result.errors).toEqual([{ field: "startDate", message: "No Step 1 test-day format is known for that date" }]);
  });

  it("names each bad field", () => {
    const result = generatePlan(input({ startDate: "2027-02-30", hoursPerDay: 15, restDay: 0, exam: "STEP2_CS", failureNumber: 0 }));
    expect(result.errors.map((e) => e.field).sort()).toEqual(["exam", "failureNumber", "hoursPerDay", "restDay", "startDate"]);
  });
});

describe("generatePlan: milestones", () => {
  it("lands on week 1, the midpoint and 1–2 weeks before the exam", () => {
    const { plan } = planOf();
    const baseline = milestone(plan, "baseline");
    const midpoint = milestone(plan, "midpoint");
    const final = milestone(plan, "final");
    expect(daysBetween(START, baseline.dueOn)).toBeLessThan(7);
    expect(midpoint.dueOn).toBe("2027-01-30"); // the Saturday nearest day 28 (1 Feb)
    expect(daysBetween(final.dueOn, plan.examDate)).toBeGreaterThanOrEqual(7);
    expect(daysBetween(final.dueOn, plan.examDate)).toBeLessThanOrEqual(14);
    expect(plan.content.milestones.map((m) => [m.uid, m.kind, m.instrumentId])).toEqual([
      ["baseline", "BASELINE", "NBME_CBSSA"],
      ["midpoint", "MIDPOINT", "NBME_CBSSA"],
      ["final", "FINAL", "NBME_CBSSA"],
    ]);
  });

  it("holds for any start day and any plan of 6 weeks or more", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 42, max: 200 }),
        fc.integer({ min: 1, max: 7 }),
        (offset, days, restDay) => {
          const startDate = addDays("2026-01-01", offset);
          const examDate = addDays(startDate, days);
          const { plan } = planOf({ startDate, examDate, restDay, failureNumber: days > 90 ? 2 : 1 });
          const [baseline, midpoint, final] = plan.content.milestones;
          expect(plan.content.milestones).toHaveLength(3);
          expect(daysBetween(startDate, baseline.dueOn)).toBeLessThan(7);
          expect(Math.abs(daysBetween(addDays(startDate, Math.round(days / 2)), midpoint.dueOn))).toBeLessThanOrEqual(3);
          const { min, max } = RETAKE_GUIDANCE.finalMilestoneDaysBeforeExam;
          expect(daysBetween(final.dueOn, examDate)).toBeGreaterThanOrEqual(min);
          expect(daysBetween(final.dueOn, examDate)).toBeLessThanOrEqual(max);
          // Milestones fall on the full-length day, so the week's practice exam is the milestone.
          for (const m of plan.content.milestones) expect(isoWeekday(m.dueOn)).toBe(fullLengthWeekday(restDay));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("uses each exam's instrument, with the Free 120 as Step 3's final check", () => {
    const step3 = planOf({ exam: "STEP3", focusCandidates: [] }).plan;
    expect(step3.content.milestones.map((m) => m.instrumentId)).toEqual(["NBME_CCMSA", "NBME_CCMSA", "FREE_120"]);
    const ck = planOf({ exam: "STEP2_CK", focusCandidates: [] }).plan;
    expect(ck.content.milestones.map((m) => m.instrumentId)).toEqual(["NBME_CCSSA", "NBME_CCSSA", "NBME_CCSSA"]);
    for (const [exam, byKind] of Object.entries(MILESTONE_INSTRUMENTS)) {
      const allowed = instrumentsFor(exam as keyof typeof MILESTONE_INSTRUMENTS).map((i) => i.id);
      for (const id of Object.values(byKind)) expect(allowed).toContain(id);
    }
  });

  it("leaves out what a very short plan cannot hold, and says so", () => {
    const { plan, warnings } = planOf({ examDate: addDays(START, 10) });
    expect(plan.content.milestones.map((m) => m.uid)).toEqual(["baseline"]);
    expect(warnings).toContainEqual(expect.stringContaining("too short for a final practice exam"));
  });
});

describe("generatePlan: weekly rhythm", () => {
  it("uses 30-minute, 20-item blocks for a Step 1 exam after 14 May 2026", () => {
    const { plan } = planOf({ startDate: "2026-06-01", examDate: "2026-07-27" });
    const structured = [...blocksOf(plan, "TIMED_BLOCKS"), ...blocksOf(plan, "FULL_LENGTH")];
    expect(structured.length).toBeGreaterThan(0);
    for (const block of structured) {
      expect(block.blockMinutes).toBe(30);
      expect(block.itemsPerBlock).toBe(20);
    }
  });

  it("uses the earlier 60-minute, 40-item format for a Step 1 exam before the change", () => {
    const { plan } = planOf({ startDate: "2026-02-02", examDate: "2026-03-30" });
    for (const block of [...blocksOf(plan, "TIMED_BLOCKS"), ...blocksOf(plan, "FULL_LENGTH")]) {
      expect(block.blockMinutes).toBe(60);
      expect(block.itemsPerBlock).toBe(40);
    }
  });

  it("trains for the format in force on the exam date when the change falls inside the plan", () => {
    const { plan, warnings } = planOf({ startDate: "2026-04-01", examDate: "2026-05-27" });
    expect(blocksOf(plan, "TIMED_BLOCKS")[0]).toMatchObject({ blockMinutes: 30, itemsPerBlock: 20 });
    expect(warnings).toEqual([expect.stringContaining("format changes on 14 May 2026")]);
  });

  it("follows Step 2 CK's own change date (7 May 2026)", () => {
    const before = planOf({ exam: "STEP2_CK", startDate: "2026-03-02", examDate: "2026-05-06" }).plan;
    const after = planOf({ exam: "STEP2_CK", startDate: "2026-03-16", examDate: "2026-05-07" }).plan;
    expect(blocksOf(before, "TIMED_BLOCKS")[0]).toMatchObject({ blockMinutes: 60, itemsPerBlock: 40 });
    expect(blocksOf(after, "TIMED_BLOCKS")[0]).toMatchObject({ blockMinutes: 30, itemsPerBlock: 20 });
  });

  it("makes the full-length practice exam the real test day's blocks for the exam and its date", () => {
    // Reference data (docs/domain.md §1.6): Step 1 7×60 → 14×30 from 14 May 2026, Step 2 CK 8×60 → 16×30
    // from 7 May 2026, Step 3 (first day) 6×60 → 12×30 from 10 Mar 2026; each side of the change date.
    const cases = [
      { exam: "STEP1", before: "2026-05-13", after: "2026-05-14", old: [7, 60, 40], current: [14, 30, 20] },
      { exam: "STEP2_CK", before: "2026-05-06", after: "2026-05-07", old: [8, 60, 40], current: [16, 30, 20] },
      { exam: "STEP3", before: "2026-03-09", after: "2026-03-10", old: [6, 60, 39], current: [12, 30, 20] },
    ] as const;
    for (const c of cases) {
      for (const [examDate, [blockCount, blockMinutes, itemsPerBlock]] of [
        [c.before, c.old],
        [c.after, c.current],
      ] as const) {
        const { plan } = planOf({ exam: c.exam, startDate: addWeeks(examDate, -8), examDate });
        const fullLength = blocksOf(plan, "FULL_LENGTH");
        expect(fullLength, `${c.exam} on ${examDate}`).toHaveLength(1);
        expect(fullLength[0], `${c.exam} on ${examDate}`).toMatchObject({ blockCount, blockMinutes, itemsPerBlock });
        expect(fullLength[0].minutes).toBe(blockCount * blockMinutes);
        expect(fullLength[0].description).toContain(`${blockCount} timed blocks of ${blockMinutes} minutes`);
        expect(planVersionSchema.safeParse(plan).success, `${c.exam} on ${examDate}`).toBe(true);
      }
    }
  });

  it("asks for the same number of questions a day in either format", () => {
    const items = (b: PlanBlock) => (b.blockCount ?? 0) * (b.itemsPerBlock ?? 0);
    const old = blocksOf(planOf({ startDate: "2026-02-02", examDate: "2026-03-30" }).plan, "TIMED_BLOCKS")[0];
    const current = blocksOf(planOf().plan, "TIMED_BLOCKS")[0];
    expect(items(old)).toBe(80);
    expect(items(current)).toBe(80);
  });

  it("lays out the seed's week: timed mornings, review afternoons, recall or content evenings, Saturday full-length, Sunday rest", () => {
    const { plan } = planOf();
    const kinds = plan.content.rhythm.map((d) => d.blocks.map((b) => `${b.slot}:${b.kind}`));
    for (let weekday = 1; weekday <= 5; weekday += 1) {
      expect(kinds[weekday - 1]).toEqual([
        "MORNING:TIMED_BLOCKS",
        "AFTERNOON:REVIEW",
        weekday % 2 === 1 ? "EVENING:ACTIVE_RECALL" : "EVENING:TARGETED_CONTENT",
      ]);
    }
    expect(kinds[5]).toEqual(["MORNING:FULL_LENGTH", "AFTERNOON:REVIEW", "EVENING:PLANNING"]);
    expect(kinds[6]).toEqual(["MORNING:LIGHT_REVIEW", "AFTERNOON:REST", "EVENING:REST"]);
    // Weekdays add up to the hours the student has.
    for (const day of plan.content.rhythm.slice(0, 5)) {
      expect(day.blocks.reduce((sum, b) => sum + b.minutes, 0)).toBe(8 * 60);
    }
  });

  it("moves the full-length exam to Friday when Saturday is the rest day", () => {
    const { plan } = planOf({ restDay: 6 });
    const byDay = (weekday: number) => plan.content.rhythm[weekday - 1].blocks.map((b) => b.kind);
    expect(byDay(5)).toContain("FULL_LENGTH");
    expect(byDay(6)).toEqual(["LIGHT_REVIEW", "REST", "REST"]);
    expect(byDay(7)).toContain("TIMED_BLOCKS");
    for (const m of plan.content.milestones) expect(isoWeekday(m.dueOn)).toBe(5);
  });

  it("keeps any rest day free of study sessions", () => {
    for (let restDay = 1; restDay <= 7; restDay += 1) {
      const { plan } = planOf({ restDay });
      expect(plan.content.rhythm[restDay - 1].blocks.every((b) => b.kind === "REST" || b.kind === "LIGHT_REVIEW")).toBe(true);
      expect(blocksOf(plan, "FULL_LENGTH")).toHaveLength(1);
    }
  });

  it("splits a day into sessions that fit, even on short days", () => {
    expect(sessionMinutes(8, 60)).toEqual({ morning: 195, afternoon: 195, evening: 90, timed: 120 });
    expect(sessionMinutes(2, 60)).toEqual({ morning: 60, afternoon: 30, evening: 30, timed: 60 });
    expect(sessionMinutes(1, 60)).toEqual({ morning: 60, afternoon: 0, evening: 0, timed: 60 });
    const { plan, warnings } = planOf({ hoursPerDay: 1 });
    expect(warnings).toContainEqual(expect.stringContaining("little time to review"));
    expect(planVersionSchema.safeParse(plan).success).toBe(true);
  });

  it("always produces a version the schema accepts", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("STEP1" as const, "STEP2_CK" as const, "STEP3" as const),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 1, max: 220 }),
        fc.integer({ min: 2, max: 28 }),
        fc.integer({ min: 1, max: 7 }),
        fc.subarray([...FINDING_KIND_IDS]),
        (exam, offset, days, halfHours, restDay, findingKinds) => {
          const startDate = addDays("2025-10-01", offset);
          const { plan } = planOf({
            exam,
            startDate,
            examDate: addDays(startDate, days),
            hoursPerDay: halfHours / 2,
            restDay,
            findingKinds,
            sharedFindingKinds: findingKinds,
            focusCandidates: [],
          });
          const parsed = planVersionSchema.safeParse(plan);
          expect(parsed.error?.issues ?? []).toEqual([]);
          const format = examFormatOn(exam, plan.examDate);
          for (const b of blocksOf(plan, "TIMED_BLOCKS")) expect(b.blockMinutes).toBe(format.blockMinutes);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("generatePlan: focus areas", () => {
  it("gives weak areas most of the time and strong areas a small light-review share", () => {
    const { plan } = planOf();
    // 5% floor each, the other 75% split 3 : 2 : 2; the spare point goes to the weaker-ranked of the tied pair.
    expect(plan.content.focusAreas).toEqual([
      { key: "step1.discipline.pharmacology", label: "Pharmacology", kind: "AREA", sharePercent: 37 },
      { key: "step1.discipline.microbiology", label: "Microbiology", kind: "AREA", sharePercent: 27 },
      { key: "cluster:step1.system.cardiovascular", label: "Cardiovascular", kind: "CLUSTER", sharePercent: 26 },
      { key: "light-review", label: "Light review of strong areas: Gastrointestinal System", kind: "LIGHT_REVIEW", sharePercent: 10 },
    ]);
  });

  it("keeps the weakest areas when there are too many, and says which wait", () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ key: `k${i}`, label: `Area ${i}`, kind: "AREA" as const, weight: 1 }));
    const { focusAreas, warnings } = buildFocusAreas(many, []);
    expect(focusAreas.map((f) => f.key)).toEqual(["k0", "k1", "k2", "k3", "k4", "k5"]);
    expect(warnings).toEqual([expect.stringContaining("Area 6, Area 7, Area 8")]);
  });

  it("falls back to mixed review when the diagnosis names no weak area", () => {
    const { focusAreas, warnings } = buildFocusAreas([], [{ key: "a", label: "A" }]);
    expect(focusAreas.map((f) => [f.key, f.sharePercent])).toEqual([
      ["mixed", 90],
      ["light-review", 10],
    ]);
    expect(warnings).toHaveLength(1);
  });

  it("sums to exactly 100% with a floor for every weak area, whatever the weights", () => {
    const candidate = fc.record({
      key: fc.string({ minLength: 1, maxLength: 6 }),
      label: fc.string({ minLength: 1, maxLength: 20 }),
      kind: fc.constantFrom("AREA" as const, "CLUSTER" as const, "STRATEGY" as const),
      weight: fc.oneof(fc.double(), fc.integer({ min: 0, max: 1000 })),
    });
    const strong = fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), label: fc.string({ minLength: 1, maxLength: 60 }) });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 12 }), fc.array(strong, { maxLength: 8 }), (candidates, strongAreas) => {
        const { focusAreas } = buildFocusAreas(candidates, strongAreas);
        expect(focusAreas.reduce((sum, f) => sum + f.sharePercent, 0)).toBe(100);
        for (const f of focusAreas) expect(Number.isInteger(f.sharePercent)).toBe(true);
        const weak = focusAreas.filter((f) => f.kind !== "LIGHT_REVIEW");
        const light = focusAreas.filter((f) => f.kind === "LIGHT_REVIEW");
        expect(light.length).toBeLessThanOrEqual(1);
        for (const f of weak) expect(f.sharePercent).toBeGreaterThanOrEqual(FOCUS_RULES.minSharePercent);
        expect(weak.reduce((s, f) => s + f.sharePercent, 0)).toBeGreaterThan(light.reduce((s, f) => s + f.sharePercent, 0));
        expect(new Set(focusAreas.map((f) => f.key)).size).toBe(focusAreas.length);
      }),
    );
  });
});

describe("generatePlan: resources", () => {
  it("switches to a question bank the student has not used", () => {
    const { plan } = planOf({ previousResources: ["UWorld Step 1 Qbank"] });
    const bank = plan.content.resources.find((r) => r.kind === "SWITCH_QBANK");
    expect(bank?.name).toBe("AMBOSS Qbank");
    expect(bank?.reason).toContain("Replaces UWorld Qbank");
  });

  it("adds a primary question bank when none was used", () => {
    const { plan } = planOf({ previousResources: [] });
    expect(plan.content.resources[0]).toMatchObject({ kind: "ADD_QBANK", name: "UWorld Qbank" });
  });

  it("resets a used bank, with a warning, when every bank was used", () => {
    const { plan, warnings } = planOf({ previousResources: ["UWorld", "AMBOSS", "USMLE-Rx", "Kaplan", "TrueLearn", "BoardVitals"] });
    expect(plan.content.resources.some((r) => r.kind === "SWITCH_QBANK" || r.kind === "ADD_QBANK")).toBe(false);
    expect(plan.content.resources[0]).toMatchObject({ kind: "OTHER", name: "UWorld Qbank (reset, timed random mode)" });
    expect(warnings).toContainEqual(expect.stringContaining("Every question bank"));
  });

  it("suggests targeted resources for weak subjects, skipping ones used before", () => {
    const fresh = planOf({ previousResources: [] }).plan.content.resources;
    expect(fresh.filter((r) => r.kind === "TARGETED").map((r) => r.name)).toEqual([
      "Sketchy Pharmacology",
      "Sketchy Microbiology",
      "Boards and Beyond",
    ]);
    const afterSketchy = planOf({ previousResources: ["Sketchy"] }).plan.content.resources;
    expect(afterSketchy.filter((r) => r.kind === "TARGETED")).toEqual([
      { kind: "TARGETED", name: "Boards and Beyond", reason: expect.stringContaining("For Pharmacology, Microbiology and Cardiovascular") },
    ]);
  });

  it("always adds flashcards from missed questions, and every resource says why", () => {
    const { plan } = planOf();
    expect(plan.content.resources.filter((r) => r.kind === "FLASHCARDS")).toHaveLength(1);
    for (const r of plan.content.resources) expect(r.reason.length).toBeGreaterThan(20);
  });

  it("suggests fewer targeted resources after a resource-overload finding shared with the student, and only then", () => {
    const candidates = ["pathology", "physiology", "biochemistry", "genetics"].map((d) => ({
      key: `step1.discipline.${d}`,
      label: d,
      kind: "AREA" as const,
      weight: 1,
    }));
    const count = (findingKinds: GeneratePlanInput["findingKinds"], sharedFindingKinds: GeneratePlanInput["sharedFindingKinds"]) =>
      planOf({ focusCandidates: candidates, findingKinds, sharedFindingKinds, previousResources: [] }).plan.content.resources.filter(
        (r) => r.kind === "TARGETED",
      ).length;
    expect(count([], [])).toBe(3);
    expect(count(["RESOURCE_OVERLOAD"], ["RESOURCE_OVERLOAD"])).toBe(2);
    // An overload finding the student may not read (office-only or private) calls for its measure, which carries the
    // finding's tier, but does not shape the resources everyone on the case reads.
    const unshared = planOf({
      focusCandidates: candidates,
      findingKinds: ["RESOURCE_OVERLOAD"],
      sharedFindingKinds: [],
      previousResources: [],
    });
    expect(unshared.plan.content.resources.filter((r) => r.kind === "TARGETED")).toHaveLength(3);
    expect(unshared.plan.content.measures.map((m) => m.findingKind)).toEqual(["RESOURCE_OVERLOAD"]);
    const none = planOf({ focusCandidates: candidates, findingKinds: [], sharedFindingKinds: [], previousResources: [] }).plan.content;
    expect({ ...unshared.plan.content, measures: [] }).toEqual(none);
  });
});

describe("generatePlan: measures", () => {
  it("adds none without findings that call for them", () => {
    expect(planOf({ findingKinds: [] }).plan.content.measures).toEqual([]);
    expect(planOf({ findingKinds: ["CONTENT_GAP"] }).plan.content.measures).toEqual([]);
  });

  it("answers test anxiety with simulated test days, box breathing and counselling", () => {
    const { measures } = planOf({ findingKinds: ["TEST_ANXIETY"] }).plan.content;
    expect(measures.map((m) => m.title)).toEqual(["Simulated test days", "Box breathing", "Counselling referral"]);
    expect(measures.every((m) => m.findingKind === "TEST_ANXIETY")).toBe(true);
    expect(measures[0].description).toContain("14 timed blocks of 30 minutes");
  });

  it("answers sleep problems with a fixed schedule", () => {
    const { measures } = planOf({ findingKinds: ["SLEEP_WELLBEING"] }).plan.content;
    expect(measures.map((m) => m.title)).toContain("Fixed sleep schedule");
  });

  it("lists each measure once even when several findings call for it", () => {
    const { measures } = planOf({ findingKinds: ["NO_SIMULATION", "STAMINA", "TEST_ANXIETY"] }).plan.content;
    const titles = measures.map((m) => m.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.filter((t) => t === "Simulated test days")).toHaveLength(1);
  });

  it("fills every placeholder", () => {
    const { measures } = planOf({ findingKinds: [...FINDING_KIND_IDS] }).plan.content;
    for (const m of measures) expect(m.description).not.toMatch(/[{}]/);
    expect(measures.find((m) => m.findingKind === "TIMING")?.description).toContain("about 90 seconds an item");
  });
});
