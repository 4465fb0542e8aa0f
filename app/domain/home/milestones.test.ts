import { describe, expect, it } from "vitest";
import { type HomeMilestoneInput, homeMilestones } from "./milestones";

const window = { today: "2026-12-02", weekStart: "2026-11-30", weekEnd: "2026-12-06" };
const m = (over: Partial<HomeMilestoneInput>): HomeMilestoneInput => ({
  caseId: "c1",
  exam: "STEP1",
  studentName: "Ana",
  uid: "u",
  label: "Final: CBSSA",
  dueOn: "2026-11-20",
  kind: "FINAL",
  instrumentId: "NBME_CBSSA",
  ...over,
});
const students = new Map([["c1", "s1"]]);

describe("homeMilestones", () => {
  it("keeps an earlier milestone with no practice exam as missed, first", () => {
    const shown = homeMilestones([m({ uid: "w", dueOn: "2026-12-04", label: "Midpoint" }), m({ uid: "f" })], [], students, window);
    expect(shown.map((s) => [s.label, s.state])).toEqual([
      ["Final: CBSSA", "MISSED"],
      ["Midpoint", "DUE"],
    ]);
  });

  it("drops an earlier milestone a practice exam fulfilled (linked, or of its instrument within the grace days)", () => {
    const linked = [{ caseId: "c1", studentKey: "s1", instrumentId: "UWSA" as const, takenOn: "2026-11-25", milestoneUid: "f" }];
    expect(homeMilestones([m({ uid: "f" })], linked, students, window)).toEqual([]);
    const near = [{ caseId: null, studentKey: "s1", instrumentId: "NBME_CBSSA" as const, takenOn: "2026-11-23", milestoneUid: null }];
    expect(homeMilestones([m({ uid: "f" })], near, students, window)).toEqual([]);
    // Four days after, of another student, or of another instrument: still missed.
    const far = [
      { caseId: null, studentKey: "s1", instrumentId: "NBME_CBSSA" as const, takenOn: "2026-11-24", milestoneUid: null },
      { caseId: null, studentKey: "s2", instrumentId: "NBME_CBSSA" as const, takenOn: "2026-11-20", milestoneUid: null },
      { caseId: null, studentKey: "s1", instrumentId: "UWSA" as const, takenOn: "2026-11-20", milestoneUid: null },
    ];
    expect(homeMilestones([m({ uid: "f" })], far, students, window).map((s) => s.state)).toEqual(["MISSED"]);
  });

  it("shows this week's milestones in every state and nothing after the week", () => {
    const exams = [{ caseId: "c1", studentKey: "s1", instrumentId: "NBME_CBSSA" as const, takenOn: "2026-11-30", milestoneUid: "a" }];
    const shown = homeMilestones(
      [
        m({ uid: "a", dueOn: "2026-11-30" }),
        m({ uid: "b", dueOn: "2026-12-01" }),
        m({ uid: "c", dueOn: "2026-12-02" }),
        m({ uid: "d", dueOn: "2026-12-07" }),
      ],
      exams,
      students,
      window,
    );
    // b was due yesterday: the exam on the 30th fulfils it too (within the grace days).
    expect(shown.map((s) => [s.dueOn, s.state])).toEqual([
      ["2026-11-30", "DONE"],
      ["2026-12-01", "DONE"],
      ["2026-12-02", "DONE"],
    ]);
    const none = homeMilestones([m({ uid: "b", dueOn: "2026-12-01" })], [], students, window);
    expect(none.map((s) => s.state)).toEqual(["MISSED"]);
  });
});
