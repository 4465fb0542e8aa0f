import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { generatePlan } from "./generator";
import {
  adjustmentDefaults,
  adjustmentToVersion,
  newCustomMilestoneUid,
  type PlanVersionData,
  parsePlanContent,
  planAdjustmentSchema,
  planBlockSchema,
  planBuilderSchema,
  planContentSchema,
  planVersionSchema,
  versionConflict,
} from "./schema";

function version(): PlanVersionData {
  const result = generatePlan({
    exam: "STEP1",
    failureNumber: 1,
    startDate: "2027-01-04",
    examDate: "2027-03-01",
    hoursPerDay: 8,
    restDay: 7,
    previousResources: [],
    focusCandidates: [
      { key: "step1.discipline.pathology", label: "Pathology", kind: "AREA", weight: 2 },
      { key: "step1.discipline.physiology", label: "Physiology", kind: "AREA", weight: 1 },
    ],
    strongAreas: [],
    findingKinds: ["TEST_ANXIETY"],
    sharedFindingKinds: ["TEST_ANXIETY"],
    spacingViolations: [],
  });
  if (!result.plan) throw new Error("no plan");
  const { template: _t, durationWeeks: _d, ...data } = result.plan;
  return structuredClone(data);
}

/** Issues as "path: message", for readable assertions. */
function issues(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("planBuilderSchema", () => {
  const valid = { startDate: "2027-01-04", examDate: "2027-03-01", hoursPerDay: 8, restDay: 7, previousResources: ["UWorld"] };

  it("accepts a complete form", () => {
    expect(planBuilderSchema.parse(valid)).toEqual(valid);
  });

  it("puts each error on its field", () => {
    const result = planBuilderSchema.safeParse({ startDate: "2027-02-30", examDate: "soon", hoursPerDay: 15, restDay: 8 });
    expect(issues(result)).toEqual([
      "startDate: Enter a real date as YYYY-MM-DD",
      "examDate: Enter a real date as YYYY-MM-DD",
      "hoursPerDay: At most 14 hours a day: rest is part of the plan",
      "restDay: Choose a day of the week",
    ]);
  });

  it("refuses an exam date on or before the start, on the exam date field", () => {
    expect(issues(planBuilderSchema.safeParse({ ...valid, examDate: "2027-01-04" }))).toEqual([
      "examDate: The exam date must be after the start date",
    ]);
  });

  it("accepts half hours only", () => {
    expect(planBuilderSchema.safeParse({ ...valid, hoursPerDay: 7.5 }).success).toBe(true);
    expect(issues(planBuilderSchema.safeParse({ ...valid, hoursPerDay: 7.25 }))).toEqual(["hoursPerDay: Use whole or half hours"]);
    expect(issues(planBuilderSchema.safeParse({ ...valid, hoursPerDay: 0.5 }))).toEqual(["hoursPerDay: At least 1 hour a day"]);
  });

  it("reads previous resources from a list or a text, dropping blanks and repeats", () => {
    const parse = (previousResources: unknown) => planBuilderSchema.parse({ ...valid, previousResources }).previousResources;
    expect(parse("UWorld, Sketchy\nPathoma;; uworld")).toEqual(["UWorld", "Sketchy", "Pathoma"]);
    expect(parse([" AMBOSS ", "", undefined, "amboss"])).toEqual(["AMBOSS"]);
    expect(parse(undefined)).toEqual([]);
  });
});

describe("planContentSchema", () => {
  it("accepts what the generator produces and round-trips through JSON", () => {
    const v = version();
    expect(planVersionSchema.safeParse(v).success).toBe(true);
    expect(parsePlanContent(JSON.stringify(v.content))).toEqual(v.content);
  });

  it("refuses shares that do not add up to 100%", () => {
    const v = version();
    v.content.focusAreas[0].sharePercent -= 5;
    expect(issues(planContentSchema.safeParse(v.content))).toEqual(["focusAreas: The shares add up to 95%; they must add up to 100%"]);
  });

  it("refuses duplicates with the path of the second one", () => {
    const v = version();
    v.content.focusAreas[1].key = v.content.focusAreas[0].key;
    v.content.resources.push({ ...v.content.resources[0], name: v.content.resources[0].name.toUpperCase() });
    v.content.milestones[1].uid = "baseline";
    expect(issues(planContentSchema.safeParse(v.content))).toEqual([
      "focusAreas.1.key: This focus area is listed twice",
      `resources.${v.content.resources.length - 1}.name: This resource is listed twice`,
      "milestones.1.uid: Two milestones share this id",
    ]);
  });

  it("allows one milestone of each standard kind", () => {
    const v = version();
    v.content.milestones[1].kind = "BASELINE";
    expect(issues(planContentSchema.safeParse(v.content))).toEqual(["milestones.1.kind: Only one baseline milestone per plan"]);
  });

  it("keeps the week to seven days, Monday first", () => {
    const v = version();
    expect(issues(planContentSchema.safeParse({ ...v.content, rhythm: v.content.rhythm.slice(1) }))).toEqual([
      "rhythm: The weekly rhythm has one entry for each day, Monday to Sunday",
    ]);
    const swapped = [v.content.rhythm[1], v.content.rhythm[0], ...v.content.rhythm.slice(2)];
    expect(issues(planContentSchema.safeParse({ ...v.content, rhythm: swapped }))).toEqual([
      "rhythm.0.weekday: Expected Monday here",
      "rhythm.1.weekday: Expected Tuesday here",
    ]);
  });

  it("throws a readable error for stored content that no longer parses", () => {
    expect(() => parsePlanContent({ rhythm: [] })).toThrow(/Stored plan content is invalid at rhythm/);
  });
});

describe("planBlockSchema", () => {
  const timed = {
    slot: "MORNING",
    kind: "TIMED_BLOCKS",
    description: "Blocks",
    minutes: 120,
    blockCount: 2,
    blockMinutes: 60,
    itemsPerBlock: 40,
  };

  it("needs the block structure on timed blocks", () => {
    expect(issues(planBlockSchema.safeParse({ ...timed, blockCount: undefined, itemsPerBlock: undefined }))).toEqual([
      "blockCount: Required for timed blocks",
      "itemsPerBlock: Required for timed blocks",
    ]);
  });

  it("refuses blocks that do not fit the session", () => {
    expect(issues(planBlockSchema.safeParse({ ...timed, blockCount: 3 }))).toEqual([
      "blockCount: 3 blocks of 60 minutes need 180 minutes; the session has 120",
    ]);
  });

  it("refuses a block structure on other activities, and empty study sessions", () => {
    expect(issues(planBlockSchema.safeParse({ ...timed, kind: "REVIEW", minutes: 0 }))).toEqual([
      "blockCount: Only timed blocks and full-length exams have blocks",
      "blockMinutes: Only timed blocks and full-length exams have blocks",
      "itemsPerBlock: Only timed blocks and full-length exams have blocks",
      "minutes: Give the session at least 5 minutes",
    ]);
    expect(planBlockSchema.safeParse({ slot: "EVENING", kind: "REST", description: "Rest", minutes: 0 }).success).toBe(true);
  });
});

describe("planAdjustmentSchema", () => {
  const form = () => ({ ...adjustmentDefaults(version(), 3), reason: "Midpoint CBSSA 61%: more pathology." });

  it("accepts an adjustment and turns it into the next version", () => {
    const parsed = planAdjustmentSchema.parse(form());
    expect(parsed.expectedVersion).toBe(3);
    expect(parsed.promptedByPracticeExamId).toBeUndefined();
    expect(adjustmentToVersion(parsed)).toEqual(version());
  });

  it("needs a reason, trimmed", () => {
    expect(issues(planAdjustmentSchema.safeParse({ ...form(), reason: "   short   " }))).toEqual([
      "reason: Say why the plan changes (at least 10 characters): the student reads it",
    ]);
    expect(planAdjustmentSchema.parse({ ...form(), reason: "  Moved the exam date.  " }).reason).toBe("Moved the exam date.");
  });

  it("keeps optional prompts and treats empty ones as absent", () => {
    const parsed = planAdjustmentSchema.parse({ ...form(), promptedByPracticeExamId: "ckx1", promptedByCheckInId: "" });
    expect(parsed.promptedByPracticeExamId).toBe("ckx1");
    expect(parsed.promptedByCheckInId).toBeUndefined();
  });

  it("needs the version the editor started from", () => {
    expect(issues(planAdjustmentSchema.safeParse({ ...form(), expectedVersion: undefined }))).toEqual([
      "expectedVersion: Missing plan version; reload the page",
    ]);
  });

  it("points at nested fields", () => {
    const f = form();
    f.focusAreas[1].sharePercent = 150;
    f.rhythm[2].blocks[0].minutes = -5;
    expect(issues(planAdjustmentSchema.safeParse(f))).toEqual(
      expect.arrayContaining([
        "focusAreas.1.sharePercent: A share cannot exceed 100%",
        "rhythm.2.blocks.0.minutes: Minutes cannot be negative",
      ]),
    );
  });

  it("keeps the rest day protected", () => {
    const f = form();
    f.restDay = 6;
    expect(issues(planAdjustmentSchema.safeParse(f))).toEqual([
      "rhythm.5.blocks.0.kind: Saturday is the protected rest day: only rest or light review",
      "rhythm.5.blocks.1.kind: Saturday is the protected rest day: only rest or light review",
      "rhythm.5.blocks.2.kind: Saturday is the protected rest day: only rest or light review",
    ]);
  });

  it("keeps milestones between the start and the exam", () => {
    const f = form();
    f.examDate = "2027-02-15";
    expect(issues(planAdjustmentSchema.safeParse(f))).toEqual([
      "milestones.2.dueOn: A milestone falls on or after the start date and before the exam date",
    ]);
    const g = form();
    g.examDate = "2027-01-01";
    expect(issues(planAdjustmentSchema.safeParse(g))).toContain("examDate: The exam date must be after the start date");
  });

  it("stores an empty instrument as null", () => {
    const f = form();
    f.milestones.push({
      uid: newCustomMilestoneUid(f.milestones.map((m) => m.uid)),
      kind: "CUSTOM",
      dueOn: "2027-02-10",
      instrumentId: null,
      label: "Free 120",
    });
    const { instrumentId: _omit, ...withoutInstrument } = f.milestones[3];
    f.milestones[3] = withoutInstrument as (typeof f.milestones)[number];
    expect(planAdjustmentSchema.parse(f).milestones[3]).toMatchObject({ uid: "custom-1", instrumentId: null });
  });
});

describe("newCustomMilestoneUid", () => {
  it("never reuses an id", () => {
    expect(newCustomMilestoneUid(["baseline"])).toBe("custom-1");
    expect(newCustomMilestoneUid(["custom-1", "custom-3"])).toBe("custom-2");
  });
});

describe("versionConflict", () => {
  it("lets a save on the current version through and refuses a stale one", () => {
    expect(versionConflict(3, 3)).toBeNull();
    expect(versionConflict(3, 4)).toEqual({ field: "expectedVersion", message: expect.stringContaining("Someone saved version 4") });
  });
});
