import { describe, expect, it } from "vitest";
import { addBusinessDays, addMonths, daysBetween, formatDate, isIsoDate, isoWeekday, startOfIsoWeek } from "./dates";

describe("calendar dates", () => {
  it("validates ISO dates strictly", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-2-1")).toBe(false);
  });

  it("clamps month arithmetic to the month's end", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2025-08-31", 6)).toBe("2026-02-28");
    expect(addMonths("2026-03-15", 12)).toBe("2027-03-15");
  });

  it("counts days and weekdays in UTC", () => {
    expect(daysBetween("2026-03-01", "2026-03-31")).toBe(30);
    expect(daysBetween("2026-03-31", "2026-03-01")).toBe(-30);
    expect(isoWeekday("2026-11-22")).toBe(7);
    expect(startOfIsoWeek("2026-11-22")).toBe("2026-11-16");
  });

  it("skips weekends when adding business days", () => {
    expect(addBusinessDays("2026-11-20", 1)).toBe("2026-11-23");
    expect(addBusinessDays("2026-11-20", 5)).toBe("2026-11-27");
  });

  it("formats dates for people", () => {
    expect(formatDate("2026-03-14")).toBe("14 Mar 2026");
    expect(formatDate("2026-03-14", false)).toBe("14 Mar");
  });
});
