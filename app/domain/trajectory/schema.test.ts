import { describe, expect, it } from "vitest";
import { z } from "zod";
import { practiceExamSchema, scoreRangeMessage } from "./schema";

const today = "2026-03-01";
const step1 = practiceExamSchema({ exam: "STEP1", today });
const step2 = practiceExamSchema({ exam: "STEP2_CK", today });

const cbssa = { instrumentId: "NBME_CBSSA", form: "Form 31", takenOn: "2026-02-27", score: 68 };
const uwsa = { instrumentId: "UWSA", form: "UWSA 2", takenOn: "2026-02-27", score: 221 };

function fieldErrors(schema: ReturnType<typeof practiceExamSchema>, input: unknown): Record<string, string[] | undefined> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return z.flattenError(result.error).fieldErrors as Record<string, string[] | undefined>;
}

describe("practiceExamSchema", () => {
  it("accepts a valid CBSSA with its band and pass probability", () => {
    const result = step1.safeParse({ ...cbssa, passProbability: 72, lowPassLow: 62, lowPassHigh: 68, milestoneUid: "ms-1" });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ ...cbssa, passProbability: 72, lowPassLow: 62, lowPassHigh: 68, milestoneUid: "ms-1" });
  });

  it("accepts a valid UWSA for Step 2 CK", () => {
    expect(step2.safeParse(uwsa).success).toBe(true);
  });

  it("refuses a CBSSA of 101% with a field error on score", () => {
    expect(fieldErrors(step1, { ...cbssa, score: 101 })).toEqual({ score: ["CBSSA scores run from 0 to 100%"] });
    expect(fieldErrors(step1, { ...cbssa, score: -1 })).toEqual({ score: ["CBSSA scores run from 0 to 100%"] });
  });

  it("refuses a UWSA of 320 with a field error on score", () => {
    expect(fieldErrors(step2, { ...uwsa, score: 320 })).toEqual({ score: ["UWSA scores run from 1 to 300"] });
    expect(fieldErrors(step2, { ...uwsa, score: 0 })).toEqual({ score: ["UWSA scores run from 1 to 300"] });
  });

  it("accepts the scale's own bounds", () => {
    expect(step1.safeParse({ ...cbssa, score: 0 }).success).toBe(true);
    expect(step1.safeParse({ ...cbssa, score: 100 }).success).toBe(true);
    expect(step2.safeParse({ ...uwsa, score: 1 }).success).toBe(true);
    expect(step2.safeParse({ ...uwsa, score: 300 }).success).toBe(true);
  });

  it("names each instrument's scale", () => {
    expect(scoreRangeMessage("NBME_CCMSA")).toBe("CCMSA scores run from 10 to 800");
    expect(scoreRangeMessage("FREE_120")).toBe("Free 120 scores run from 0 to 100%");
  });

  it("reports the score error alongside other field errors", () => {
    expect(fieldErrors(step1, { ...cbssa, score: 101, takenOn: "2026-02-30" })).toEqual({
      score: ["CBSSA scores run from 0 to 100%"],
      takenOn: ["Enter the date as YYYY-MM-DD"],
    });
  });

  it("refuses an unknown instrument and a missing score", () => {
    expect(Object.keys(fieldErrors(step1, { ...cbssa, instrumentId: "KAPLAN" }))).toEqual(["instrumentId"]);
    expect(fieldErrors(step1, { ...cbssa, score: undefined }).score).toEqual(["Enter the score as a number"]);
  });

  it("refuses an instrument that does not prepare for the case's exam", () => {
    expect(fieldErrors(step2, { ...cbssa })).toEqual({ instrumentId: ["CBSSA is not used to prepare for Step 2 CK"] });
  });

  it("requires one of the instrument's active forms for the exam", () => {
    expect(fieldErrors(step1, { ...cbssa, form: "Form 25" })).toEqual({
      form: ["Choose one of the current CBSSA forms: Form 26, Form 27, Form 28, Form 29, Form 30, Form 31, Form 32, Form 33"],
    });
    expect(fieldErrors(step1, { ...cbssa, form: undefined })).toEqual({ form: ["Choose the CBSSA form"] });
    expect(fieldErrors(step2, { ...uwsa, form: "UWSA 4" }).form).toHaveLength(1);
    // A retired form already stored on the record being edited stays acceptable.
    const editing = practiceExamSchema({ exam: "STEP1", today, existingForm: "Form 25" });
    expect(editing.safeParse({ ...cbssa, form: "Form 25" }).success).toBe(true);
  });

  it("lets instruments without forms take any short label, or none", () => {
    const amboss = { instrumentId: "AMBOSS_SA", takenOn: "2026-02-27", score: 64 };
    expect(step1.parse(amboss).form).toBe("");
    expect(step1.parse({ ...amboss, form: " SA 2 " }).form).toBe("SA 2");
  });

  it("refuses a future date and accepts today", () => {
    expect(fieldErrors(step1, { ...cbssa, takenOn: "2026-03-02" })).toEqual({ takenOn: ["The date cannot be in the future"] });
    expect(step1.safeParse({ ...cbssa, takenOn: today }).success).toBe(true);
  });

  it("accepts a pass probability only from instruments that report one, within 0–100", () => {
    expect(fieldErrors(step1, { ...cbssa, passProbability: 101 })).toEqual({
      passProbability: ["The pass probability runs from 0 to 100%"],
    });
    expect(fieldErrors(step2, { ...uwsa, passProbability: 60 })).toEqual({ passProbability: ["UWSA reports no pass probability"] });
  });

  it("checks the low-pass band: CBSSA only, both ends, in order, within 0–100", () => {
    expect(step1.safeParse({ ...cbssa, lowPassLow: 65, lowPassHigh: 65 }).success).toBe(true);
    expect(fieldErrors(step1, { ...cbssa, lowPassLow: 69, lowPassHigh: 68 })).toEqual({
      lowPassHigh: ["The top of the low-pass band must be at or above its bottom"],
    });
    expect(fieldErrors(step1, { ...cbssa, lowPassLow: 62 })).toEqual({ lowPassHigh: ["Enter both ends of the low-pass band"] });
    expect(fieldErrors(step1, { ...cbssa, lowPassHigh: 68 })).toEqual({ lowPassLow: ["Enter both ends of the low-pass band"] });
    expect(fieldErrors(step1, { ...cbssa, lowPassLow: 62, lowPassHigh: 101 }).lowPassHigh).toContain(
      "The low-pass band runs from 0 to 100%",
    );
    expect(fieldErrors(step2, { ...uwsa, lowPassLow: 200, lowPassHigh: 210 }).lowPassLow).toContain("UWSA reports no low-pass band");
  });

  it("checks the milestone link against the plan when the plan is known", () => {
    const withPlan = practiceExamSchema({ exam: "STEP1", today, milestoneUids: ["ms-1", "ms-2"] });
    expect(withPlan.safeParse({ ...cbssa, milestoneUid: "ms-2" }).success).toBe(true);
    expect(fieldErrors(withPlan, { ...cbssa, milestoneUid: "ms-9" })).toEqual({ milestoneUid: ["Choose one of the plan's milestones"] });
  });
});
