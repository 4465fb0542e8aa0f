import { describe, expect, it } from "vitest";
import { addWeeks, daysBetween, isoWeekday } from "../dates";
import { generatePlan } from "../plans/generator";
import { planVersionSchema } from "../plans/schema";
import { respacedVersion, respaceMilestones } from "./respace";

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
    spacingViolations: [],
  });
  if (!result.plan) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

const due = (milestones: { uid: string; dueOn: string }[], uid: string) => milestones.find((m) => m.uid === uid)?.dueOn;

describe("a postponement's re-spaced plan", () => {
  it("moves the exam date, keeps past milestones, keeps the final one's distance before the exam and stretches the rest on their weekday", () => {
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
    const finalBefore = daysBetween(due(before, "final") ?? "", current.examDate);
    expect(daysBetween(due(after, "final") ?? "", to)).toBe(finalBefore);
    const midBefore = due(before, "midpoint") ?? "";
    const midAfter = due(after, "midpoint") ?? "";
    expect(midAfter > midBefore).toBe(true);
    expect(isoWeekday(midAfter)).toBe(isoWeekday(midBefore));
    expect(midAfter < (due(after, "final") ?? "")).toBe(true);
    // The whole version is valid as stored; the rest of the plan is unchanged.
    expect(planVersionSchema.safeParse(result.data).success).toBe(true);
    expect(result.data.content.focusAreas).toEqual(current.content.focusAreas);
    expect(result.data.hoursPerDay).toBe(current.hoursPerDay);
  });

  it("leaves milestones alone when the exam date does not move", () => {
    const current = plan();
    const moved = respaceMilestones(current.content.milestones, {
      today: START,
      startDate: START,
      fromExamDate: current.examDate,
      toExamDate: current.examDate,
    });
    expect(moved).toEqual(current.content.milestones);
  });

  it("is refused with the plan's own reasons when the new date makes no valid version", () => {
    const current = plan();
    const result = respacedVersion("STEP1", current, START, START);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(" ")).toMatch(/after the start date/);
  });
});
