import { describe, expect, it } from "vitest";
import { checkInTrend, percentDeltas } from "./trend";

const point = (weekOf: string, percentCorrect: number, mood = 4) => ({
  weekOf,
  percentCorrect,
  questionsDone: 300,
  hoursStudied: 40,
  mood,
});

describe("checkInTrend", () => {
  it("says nothing without check-ins", () => {
    expect(checkInTrend([])).toEqual({ weeks: 0, direction: null, percentChange: null, averages: null, lines: [] });
  });

  it("reports a rise over the last four check-ins whatever the input order", () => {
    const trend = checkInTrend([
      point("2027-01-25", 66),
      point("2027-01-04", 50),
      point("2027-01-11", 58),
      point("2027-01-18", 61),
      point("2027-02-01", 70),
    ]);
    expect(trend.weeks).toBe(4);
    expect(trend.direction).toBe("UP");
    expect(trend.percentChange).toBe(12);
    expect(trend.lines[0]).toBe("Percent correct up 12 points over the last 4 check-ins (58% → 70%).");
    expect(trend.lines[1]).toBe("About 300 questions and 40 hours a week.");
  });

  it("calls a small change steady and points at hard weeks", () => {
    const trend = checkInTrend([point("2027-01-04", 60, 2), point("2027-01-11", 61, 4)]);
    expect(trend.direction).toBe("STEADY");
    expect(trend.lines[0]).toMatch(/steady around 60.5%/);
    expect(trend.lines[2]).toMatch(/; 1 week was hard \(4 Jan\): worth asking about\.$/);
    const both = checkInTrend([point("2027-01-04", 60, 1), point("2027-01-11", 61, 2)]);
    expect(both.lines[2]).toMatch(/; 2 weeks were hard \(4 Jan, 11 Jan\): worth asking about\.$/);
  });

  it("handles a single check-in", () => {
    const trend = checkInTrend([point("2027-01-04", 55)]);
    expect(trend.direction).toBeNull();
    expect(trend.lines[0]).toBe("One check-in so far: 55% correct in the week of 4 Jan 2027.");
  });
});

describe("percentDeltas", () => {
  it("compares each week with the check-in before it", () => {
    const deltas = percentDeltas([point("2027-01-11", 62.5), point("2027-01-04", 60)]);
    expect(deltas.get("2027-01-04")).toBeNull();
    expect(deltas.get("2027-01-11")).toBe(2.5);
  });
});
