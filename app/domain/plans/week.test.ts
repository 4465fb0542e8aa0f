import { describe, expect, it } from "vitest";
import { generatePlan } from "./generator";
import type { PlanMilestone } from "./schema";
import { daysToExam, nextMilestones, sortMilestones, totalPlanWeeks, type WeekPlan, weekView } from "./week";

function plan(startDate: string, examDate: string, restDay = 7): WeekPlan {
  const result = generatePlan({
    exam: "STEP1",
    failureNumber: 1,
    startDate,
    examDate,
    hoursPerDay: 8,
    restDay,
    previousResources: [],
    focusCandidates: [{ key: "step1.discipline.pathology", label: "Pathology", kind: "AREA", weight: 1 }],
    strongAreas: [],
    findingKinds: [],
    sharedFindingKinds: [],
    spacingViolations: [],
  });
  if (!result.plan) throw new Error("no plan");
  return result.plan;
}

// Monday 4 Jan 2027 to Monday 1 Mar 2027: eight full weeks.
const EIGHT_WEEKS = plan("2027-01-04", "2027-03-01");

describe("weekView", () => {
  it("shows the week of a date, Monday to Sunday, with each day's sessions", () => {
    const week = weekView(EIGHT_WEEKS, "2027-01-07");
    expect(week.weekStart).toBe("2027-01-04");
    expect(week.weekEnd).toBe("2027-01-10");
    expect(week.weekNumber).toBe(1);
    expect(week.totalWeeks).toBe(8);
    expect(week.days.map((d) => d.weekdayName)).toEqual(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]);
    expect(week.days.every((d) => d.inPlan && d.isStudyDay)).toBe(true);
    expect(week.days[0].blocks.map((b) => b.kind)).toEqual(["TIMED_BLOCKS", "REVIEW", "ACTIVE_RECALL"]);
    expect(week.days[5].blocks[0].kind).toBe("FULL_LENGTH");
    expect(week.days[6].isRestDay).toBe(true);
    expect(week.days[6].blocks.map((b) => b.kind)).toEqual(["LIGHT_REVIEW", "REST", "REST"]);
  });

  it("puts the week's milestones on their days", () => {
    const week = weekView(EIGHT_WEEKS, "2027-01-04");
    expect(week.milestones.map((m) => m.uid)).toEqual(["baseline"]);
    expect(week.days[5].milestones.map((m) => m.uid)).toEqual(["baseline"]);
    expect(week.days[4].milestones).toEqual([]);
    expect(weekView(EIGHT_WEEKS, "2027-02-20").milestones.map((m) => m.dueOn)).toEqual(["2027-02-20"]);
  });

  it("shows nothing to do outside the plan", () => {
    const before = weekView(EIGHT_WEEKS, "2026-12-30");
    expect(before.weekNumber).toBeNull();
    expect(before.days.every((d) => !d.inPlan && d.blocks.length === 0)).toBe(true);
    expect(before.milestones).toEqual([]);
  });

  it("marks the exam day, with no sessions on it or after it", () => {
    const week = weekView(EIGHT_WEEKS, "2027-03-03");
    expect(week.examInWeek).toBe(true);
    expect(week.weekNumber).toBeNull(); // the exam falls on Monday: no study day left that week
    expect(week.days[0]).toMatchObject({ date: "2027-03-01", isExamDay: true, inPlan: true, isStudyDay: false, blocks: [] });
    expect(week.days.slice(1).every((d) => !d.inPlan && d.blocks.length === 0)).toBe(true);
  });

  it("handles a plan that starts mid-week", () => {
    const thursday = plan("2027-01-07", "2027-03-05");
    const week = weekView(thursday, "2027-01-08");
    expect(week.days.map((d) => d.isStudyDay)).toEqual([false, false, false, true, true, true, true]);
    expect(week.days[0].blocks).toEqual([]);
    expect(week.weekNumber).toBe(1);
    expect(weekView(thursday, "2027-03-04").weekNumber).toBe(totalPlanWeeks("2027-01-07", "2027-03-05"));
    expect(totalPlanWeeks("2027-01-07", "2027-03-05")).toBe(9);
  });

  it("counts a plan's weeks one way for the tutor and the student (Wed 4 Mar 2026 to the exam on 18 Mar)", () => {
    const proposal = generatePlan({
      exam: "STEP1",
      failureNumber: 1,
      startDate: "2026-03-04",
      examDate: "2026-03-18",
      hoursPerDay: 8,
      restDay: 7,
      previousResources: [],
      focusCandidates: [],
      strongAreas: [],
      findingKinds: [],
      sharedFindingKinds: [],
      spacingViolations: [],
    }).plan;
    if (!proposal) throw new Error("no plan");
    const lastWeek = weekView(proposal, "2026-03-17");
    expect(lastWeek.weekNumber).toBe(3);
    expect(lastWeek.totalWeeks).toBe(3);
    expect(proposal.durationWeeks).toBe(lastWeek.totalWeeks);
    expect(totalPlanWeeks("2026-03-04", "2026-03-18")).toBe(3);
  });

  it("returns copies, so a caller cannot change the plan through the view", () => {
    const week = weekView(EIGHT_WEEKS, "2027-01-04");
    week.days[0].blocks[0].minutes = 1;
    expect(EIGHT_WEEKS.content.rhythm[0].blocks[0].minutes).not.toBe(1);
  });
});

describe("nextMilestones", () => {
  const milestones: PlanMilestone[] = [
    { uid: "final", kind: "FINAL", dueOn: "2027-02-20", instrumentId: "NBME_CBSSA", label: "Final" },
    { uid: "baseline", kind: "BASELINE", dueOn: "2027-01-09", instrumentId: "NBME_CBSSA", label: "Baseline" },
    { uid: "custom-1", kind: "CUSTOM", dueOn: "2027-01-30", instrumentId: null, label: "Free 120" },
    { uid: "midpoint", kind: "MIDPOINT", dueOn: "2027-01-30", instrumentId: "NBME_CBSSA", label: "Midpoint" },
  ];

  it("lists the next ones from today, earliest first, with days to go", () => {
    expect(nextMilestones(milestones, "2027-01-10", 2).map((m) => [m.uid, m.daysUntil])).toEqual([
      ["midpoint", 20],
      ["custom-1", 20],
    ]);
    expect(nextMilestones(milestones, "2027-01-09", 1)).toEqual([{ ...milestones[1], daysUntil: 0 }]);
  });

  it("returns fewer when fewer are left, and none for n ≤ 0", () => {
    expect(nextMilestones(milestones, "2027-02-01", 5).map((m) => m.uid)).toEqual(["final"]);
    expect(nextMilestones(milestones, "2027-03-01", 5)).toEqual([]);
    expect(nextMilestones(milestones, "2027-01-01", 0)).toEqual([]);
  });
});

describe("sortMilestones", () => {
  it("orders by date, then kind on the same day, then uid, without changing the input", () => {
    const input = [
      { uid: "z", kind: "CUSTOM" as const, dueOn: "2027-01-30" },
      { uid: "midpoint", kind: "MIDPOINT" as const, dueOn: "2027-01-30" },
      { uid: "a", kind: "CUSTOM" as const, dueOn: "2027-01-30" },
      { uid: "baseline", kind: "BASELINE" as const, dueOn: "2027-01-09" },
    ];
    expect(sortMilestones(input).map((m) => m.uid)).toEqual(["baseline", "midpoint", "a", "z"]);
    expect(input[0].uid).toBe("z");
  });
});

describe("daysToExam", () => {
  it("counts whole days, negative after the exam", () => {
    expect(daysToExam("2027-03-01", "2027-02-27")).toBe(2);
    expect(daysToExam("2027-03-01", "2027-03-01")).toBe(0);
    expect(daysToExam("2027-03-01", "2027-03-02")).toBe(-1);
  });
});
