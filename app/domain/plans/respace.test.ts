import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addWeeks, daysBetween, isoWeekday } from "#app/domain/dates";
import { RETAKE_GUIDANCE } from "#app/domain/reference";
import { buildMilestones } from "./generator";
import { describeMoves, milestonesDatedByHand, respaceMilestones } from "./respace";
import type { PlanMilestone } from "./schema";

/** A Monday; an eight-week Step 1 plan, Sunday rest, so full-length practice exams fall on Saturdays. */
const START = "2027-01-04";
const EXAM = addWeeks(START, 8);
const before = { startDate: START, examDate: EXAM, restDay: 7 };
const generated = buildMilestones("STEP1", START, EXAM, 7).milestones;
const due = (milestones: readonly PlanMilestone[], uid: string) => milestones.find((m) => m.uid === uid)?.dueOn;
const { min, max } = RETAKE_GUIDANCE.finalMilestoneDaysBeforeExam;

describe("respaceMilestones", () => {
  it("moves the final practice exam back to 1–2 weeks before an exam that moved a week later, and says what moved", () => {
    expect(due(generated, "final")).toBe("2027-02-20");
    const after = { ...before, examDate: addWeeks(EXAM, 1) };
    // Left alone, the final would now end 16 days before the exam.
    expect(daysBetween("2027-02-20", after.examDate)).toBe(16);
    const { milestones, moves } = respaceMilestones({ milestones: generated, before, after, today: START });
    expect(due(milestones, "baseline")).toBe(due(generated, "baseline"));
    expect(due(milestones, "final")).toBe("2027-02-27");
    expect(daysBetween(due(milestones, "final") ?? "", after.examDate)).toBe(9);
    expect(moves.map((m) => m.uid)).toContain("final");
    expect(moves.find((m) => m.uid === "final")).toMatchObject({ from: "2027-02-20", to: "2027-02-27" });
    expect(describeMoves(moves, after.examDate)).toContainEqual(
      "Final practice exam: CBSSA moves from 20 Feb 2027 to 27 Feb 2027, 9 days before the exam.",
    );
    for (const m of milestones) expect(isoWeekday(m.dueOn)).toBe(6);
  });

  it("leaves the past, and the milestones the tutor dated by hand, where they are", () => {
    const today = "2027-02-01";
    const after = { ...before, examDate: addWeeks(EXAM, 3) };
    const edited = generated.map((m) => (m.uid === "midpoint" ? { ...m, dueOn: "2027-02-06" } : m));
    const keep = milestonesDatedByHand(generated, edited);
    expect([...keep]).toEqual(["midpoint"]);
    const { milestones, moves } = respaceMilestones({ milestones: edited, before, after, today, keep });
    expect(due(milestones, "baseline")).toBe(due(generated, "baseline"));
    expect(due(milestones, "midpoint")).toBe("2027-02-06");
    expect(moves.map((m) => m.uid)).toEqual(["final"]);
  });

  it("keeps a tutor's own milestone the same number of days before the exam", () => {
    const custom: PlanMilestone = { uid: "custom-1", kind: "CUSTOM", dueOn: addDays(EXAM, -21), instrumentId: "UWSA", label: "UWSA 2" };
    const after = { ...before, examDate: addDays(EXAM, 10) };
    const { milestones, moves } = respaceMilestones({ milestones: [...generated, custom], before, after, today: START });
    expect(due(milestones, "custom-1")).toBe(addDays(after.examDate, -21));
    expect(moves.find((m) => m.uid === "custom-1")).toMatchObject({ from: custom.dueOn, to: addDays(after.examDate, -21) });
  });

  it("takes out a milestone the new dates leave no room for, and says so", () => {
    const after = { ...before, examDate: addDays(START, 10) };
    const { milestones, moves } = respaceMilestones({ milestones: generated, before, after, today: START });
    expect(milestones.map((m) => m.uid)).toEqual(["baseline"]);
    expect(moves.filter((m) => m.to === null).map((m) => m.uid)).toEqual(["midpoint", "final"]);
    expect(describeMoves(moves, after.examDate)[0]).toMatch(/^Midpoint practice exam: CBSSA \(was .+\) is taken out/);
  });

  it("changes nothing when the dates did not move", () => {
    expect(respaceMilestones({ milestones: generated, before, after: { ...before }, today: START })).toEqual({
      milestones: generated,
      moves: [],
    });
  });

  it("follows a new rest day: milestones move to the new full-length day", () => {
    const after = { ...before, restDay: 6 };
    const { milestones } = respaceMilestones({ milestones: generated, before, after, today: START });
    for (const m of milestones) expect(isoWeekday(m.dueOn)).toBe(5);
  });

  it("for any move of the exam date, leaves every future milestone inside the period and the final 1–2 weeks before the exam", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 60 }), fc.integer({ min: 0, max: 40 }), (shift, elapsed) => {
        const today = addDays(START, elapsed);
        const after = { ...before, examDate: addDays(EXAM, shift) };
        if (after.examDate <= addDays(today, 1)) return;
        const { milestones, moves } = respaceMilestones({ milestones: generated, before, after, today });
        for (const m of milestones) {
          if (m.dueOn < today) {
            expect(m.dueOn).toBe(due(generated, m.uid));
            continue;
          }
          expect(m.dueOn >= after.startDate && m.dueOn < after.examDate).toBe(true);
        }
        const final = due(milestones, "final");
        if (final !== undefined && final >= today) {
          const days = daysBetween(final, after.examDate);
          expect(days >= min && days <= max).toBe(true);
        }
        for (const move of moves) expect(move.from).not.toBe(move.to);
      }),
    );
  });
});
