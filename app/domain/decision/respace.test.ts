import { describe, expect, it } from "vitest";
import { addWeeks, daysBetween } from "#app/domain/dates";
import { generatePlan } from "#app/domain/plans/generator";
import { planVersionSchema } from "#app/domain/plans/schema";
import { RETAKE_GUIDANCE } from "#app/domain/reference";
import { respacedVersion } from "./respace";

/** A Monday, well after the 2026 format change. */
const START = "2027-01-04";

function plan() {
  const result = generatePlan({
    exam: "STEP1",
    failureNumber: 1,
    startDate: START,
    examDate: addWeeks(START, 8),
    hoursPerDay: 8,
    restDay: 7,
    previousResources: [],
    focusCandidates: [{ key: "step1.discipline.pharmacology", label: "Pharmacology", kind: "AREA", weight: 3 }],
    strongAreas: [],
    findingKinds: [],
    sharedFindingKinds: [],
    spacingViolations: [],
  });
  if (!result.plan) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

const due = (milestones: { uid: string; dueOn: string }[], uid: string) => milestones.find((m) => m.uid === uid)?.dueOn ?? "";

describe("a postponement's re-spaced plan", () => {
  it("moves the exam date, keeps past milestones, and re-spaces the rest by the plan's own rule", () => {
    const current = plan();
    const today = addWeeks(START, 2);
    const to = addWeeks(current.examDate, 4);
    const result = respacedVersion("STEP1", current, to, today);
    if (!result.ok) throw new Error(result.errors.join("; "));
    const before = current.content.milestones;
    const after = result.data.content.milestones;
    expect(result.data.examDate).toBe(to);
    expect(result.data.startDate).toBe(current.startDate);
    expect(due(after, "baseline")).toBe(due(before, "baseline"));
    const { min, max } = RETAKE_GUIDANCE.finalMilestoneDaysBeforeExam;
    const finalBefore = daysBetween(due(after, "final"), to);
    expect(finalBefore).toBeGreaterThanOrEqual(min);
    expect(finalBefore).toBeLessThanOrEqual(max);
    expect(due(after, "midpoint") > due(before, "midpoint")).toBe(true);
    // The whole version is valid as stored; the rest of the plan is unchanged.
    expect(planVersionSchema.safeParse(result.data).success).toBe(true);
    expect(result.data.content.focusAreas).toEqual(current.content.focusAreas);
    expect(result.data.hoursPerDay).toBe(current.hoursPerDay);
  });

  it("leaves milestones alone when the exam date does not move", () => {
    const current = plan();
    const result = respacedVersion("STEP1", current, current.examDate, START);
    if (!result.ok) throw new Error(result.errors.join("; "));
    expect(result.data.content.milestones).toEqual(current.content.milestones);
  });

  it("is refused with the plan's own reasons when the new date makes no valid version", () => {
    const current = plan();
    const result = respacedVersion("STEP1", current, START, START);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(" ")).toMatch(/after the start date/);
  });
});
