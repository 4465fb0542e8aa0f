import { describe, expect, it } from "vitest";
import { formatBreakdown, parseBreakdown, readStoredBreakdown } from "./breakdown";

describe("per-area breakdown", () => {
  it("reads one area per line, with or without a percent sign, skipping blank lines", () => {
    expect(parseBreakdown("Cardiovascular: 62\n\n  Renal = 71.5 % \nBiochemistry:48%")).toEqual({
      ok: true,
      entries: [
        { area: "Cardiovascular", percent: 62 },
        { area: "Renal", percent: 71.5 },
        { area: "Biochemistry", percent: 48 },
      ],
    });
  });

  it("treats empty text as no breakdown", () => {
    expect(parseBreakdown("")).toEqual({ ok: true, entries: [] });
    expect(parseBreakdown(undefined)).toEqual({ ok: true, entries: [] });
  });

  it("names the line that is not understood, above 100, or repeated", () => {
    expect(parseBreakdown("Renal: 60\nCardio sixty")).toEqual({
      ok: false,
      message: "Line 2: write it as “Area: percent”, for example “Cardiovascular: 62”",
    });
    expect(parseBreakdown("Renal: 101")).toEqual({ ok: false, message: "Line 1: a percent correct runs from 0 to 100" });
    expect(parseBreakdown("Renal: 60\nrenal: 61")).toEqual({ ok: false, message: "Line 2: “renal” appears twice" });
  });

  it("accepts the bounds 0 and 100 and refuses more than 40 lines", () => {
    expect(parseBreakdown("A: 0\nB: 100").ok).toBe(true);
    const many = Array.from({ length: 41 }, (_, i) => `Area ${i}: 50`).join("\n");
    expect(parseBreakdown(many)).toEqual({ ok: false, message: "Keep the breakdown to 40 areas or fewer" });
  });

  it("round-trips through the textarea and the stored JSON", () => {
    const entries = [
      { area: "Renal", percent: 60 },
      { area: "Pharmacology", percent: 55.5 },
    ];
    expect(parseBreakdown(formatBreakdown(entries))).toEqual({ ok: true, entries });
    expect(readStoredBreakdown(JSON.stringify(entries))).toEqual(entries);
    expect(readStoredBreakdown("not json")).toBeNull();
    expect(readStoredBreakdown(null)).toBeNull();
    expect(readStoredBreakdown("[]")).toBeNull();
  });
});
