import { describe, expect, it } from "vitest";
import { lastMonths, median, monthLabel, outcomesByMonth, passRate } from "./chart-data";

describe("dashboard shaping", () => {
  it("lists the last months, oldest first, across a year boundary", () => {
    expect(lastMonths("2026-02-15", 4)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("fills months without closures with zeros", () => {
    const rows = outcomesByMonth([{ month: "2026-01", outcome: "PASSED", count: 3 }], ["2025-12", "2026-01"]);
    expect(rows).toEqual([
      { month: "2025-12", PASSED: 0, WITHDRAWN: 0, INELIGIBLE: 0 },
      { month: "2026-01", PASSED: 3, WITHDRAWN: 0, INELIGIBLE: 0 },
    ]);
  });

  it("computes rates and medians, with none for an empty group", () => {
    expect(passRate(2, 3)).toBe(66.7);
    expect(passRate(0, 0)).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(monthLabel("2026-03")).toBe("Mar 26");
  });
});
