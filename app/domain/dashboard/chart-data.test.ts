import { describe, expect, it } from "vitest";
import { gainPanelsByFamily, lastMonths, median, monthLabel, outcomesByMonth, passRate, templateName } from "./chart-data";

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

describe("median gains", () => {
  it("name plan templates as tutors know them, never by their keys", () => {
    expect(templateName("first-retake")).toBe("First retake (8-week rhythm)");
    expect(templateName("later-retake")).toMatch(/^After a second failure \(3–6 months\)$/);
    expect(templateName("toString")).toBe("A retired template (toString)");
  });

  it("put percent-correct and three-digit gains on separate charts, never one axis", () => {
    const rows = [
      { group: "A", family: "THREE_DIGIT" as const, median: 4, students: 3 },
      { group: "A", family: "PERCENT" as const, median: 1.5, students: 6 },
      { group: "B", family: "PERCENT" as const, median: 2, students: 2 },
    ];
    const panels = gainPanelsByFamily(rows);
    expect(panels.map((p) => [p.family, p.rows.map((r) => r.group)])).toEqual([
      ["PERCENT", ["A", "B"]],
      ["THREE_DIGIT", ["A"]],
    ]);
    for (const panel of panels) expect(new Set(panel.rows.map((r) => r.family))).toEqual(new Set([panel.family]));
    expect(panels[0].unit).toBe("percentage points per week");
    expect(panels[1].unit).toBe("score points per week");
    expect(gainPanelsByFamily([])).toEqual([]);
  });
});
