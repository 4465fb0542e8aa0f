import { describe, expect, it } from "vitest";
import { passingDistance } from "./distance";
import type { PracticeExamEntry } from "./practice";

const entry = (over: Partial<PracticeExamEntry>): PracticeExamEntry => ({
  id: "p",
  instrumentId: "NBME_CBSSA",
  form: null,
  takenOn: "2026-11-20",
  score: 75,
  ...over,
});
const step1 = { exam: "STEP1" as const, examDate: "2027-01-10", today: "2026-12-02" };
const step2 = { exam: "STEP2_CK" as const, examDate: "2027-01-10", today: "2026-12-02" };

describe("passingDistance", () => {
  it("measures a CBSSA from the low end of its low-pass band in standard errors (the report's band, else the default)", () => {
    expect(passingDistance(entry({ score: 75 }), step1)).toBeCloseTo((75 - 62) / 4);
    expect(passingDistance(entry({ score: 58, lowPassLow: 60, lowPassHigh: 66 }), step1)).toBeCloseTo(-0.5);
    expect(passingDistance(entry({ score: 62 }), step1)).toBe(0);
  });

  it("measures a three-digit score from the exam's standard on the exam date", () => {
    expect(passingDistance(entry({ instrumentId: "UWSA", score: 238 }), step2)).toBeCloseTo((238 - 218) / 9);
    expect(passingDistance(entry({ instrumentId: "UWSA", score: 238 }), step1)).toBeCloseTo((238 - 196) / 9);
    // Before July 2025 the Step 2 CK standard was 214.
    expect(passingDistance(entry({ instrumentId: "NBME_CCSSA", score: 214 }), { ...step2, examDate: "2025-06-30" })).toBe(0);
  });

  it("ranks a UWSA 238 for Step 2 CK below a CBSSA 75%, though its number is larger", () => {
    const uwsa = passingDistance(entry({ instrumentId: "UWSA", score: 238 }), step2) ?? Number.NaN;
    const cbssa = passingDistance(entry({ score: 75 }), step1) ?? Number.NaN;
    expect(uwsa).toBeLessThan(cbssa);
  });

  it("has no distance for a score without a passing line on its scale", () => {
    expect(passingDistance(entry({ instrumentId: "NBME_CCMSA", score: 500 }), { ...step2, exam: "STEP3" })).toBeNull();
    expect(passingDistance(entry({ instrumentId: "FREE_120", score: 70 }), step1)).toBeNull();
    expect(passingDistance(entry({ instrumentId: "NBME_CBSE", score: 70 }), step1)).toBeNull();
  });
});
