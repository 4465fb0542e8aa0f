import { describe, expect, it } from "vitest";
import { checkInSchema, checkInWeeks, weekNotAllowed } from "./schema";

describe("checkInWeeks", () => {
  it("offers this week and three before it, newest first", () => {
    const weeks = checkInWeeks("2027-01-20");
    expect(weeks.map((w) => w.value)).toEqual(["2027-01-18", "2027-01-11", "2027-01-04", "2026-12-28"]);
    expect(weeks[0].label).toBe("This week (18 Jan – 24 Jan)");
    expect(weeks[1].label).toMatch(/^Last week/);
  });

  it("does not go back before the plan's first week", () => {
    expect(checkInWeeks("2027-01-20", "2027-01-13").map((w) => w.value)).toEqual(["2027-01-18", "2027-01-11"]);
    // A plan starting later still lets the student check in for this week.
    expect(checkInWeeks("2027-01-20", "2027-02-01").map((w) => w.value)).toEqual(["2027-01-18"]);
  });
});

describe("weekNotAllowed", () => {
  it("refuses future weeks and weeks too long ago", () => {
    expect(weekNotAllowed("2027-01-18", "2027-01-20")).toBeNull();
    expect(weekNotAllowed("2026-12-28", "2027-01-20")).toBeNull();
    expect(weekNotAllowed("2027-01-25", "2027-01-20")).toMatch(/not started yet/);
    expect(weekNotAllowed("2026-12-21", "2027-01-20")).toMatch(/3 weeks before/);
  });
});

describe("checkInSchema", () => {
  it("accepts a full check-in and an empty note", () => {
    const parsed = checkInSchema.parse({ weekOf: "2027-01-18", questionsDone: 0, percentCorrect: 0, hoursStudied: 0, mood: 1 });
    expect(parsed.note).toBeNull();
  });

  it("needs a Monday and a mood from 1 to 5", () => {
    const result = checkInSchema.safeParse({ weekOf: "2027-01-19", questionsDone: 10, percentCorrect: 50, hoursStudied: 5, mood: 6 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(["mood", "weekOf"]);
  });
});
