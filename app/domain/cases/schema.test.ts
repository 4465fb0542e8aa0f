import { describe, expect, it } from "vitest";
import { statusSchema, targetDateSchema } from "./schema";

const TODAY = "2026-11-22";

describe("targetDateSchema", () => {
  it("accepts today or later, and a blank date as clearing it", () => {
    expect(targetDateSchema(TODAY).parse({ targetExamDate: TODAY, expectedVersion: "3" })).toEqual({
      targetExamDate: TODAY,
      expectedVersion: 3,
    });
    expect(targetDateSchema(TODAY).parse({ targetExamDate: "  ", expectedVersion: "3" }).targetExamDate).toBeUndefined();
  });

  it("refuses a past or impossible date as an error on the field", () => {
    const past = targetDateSchema(TODAY).safeParse({ targetExamDate: "2026-11-21", expectedVersion: "3" });
    expect(past.success).toBe(false);
    expect(past.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["targetExamDate", "Choose a date from today on."]]);
    const impossible = targetDateSchema(TODAY).safeParse({ targetExamDate: "2027-02-30", expectedVersion: "3" });
    expect(impossible.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["targetExamDate", "Enter a date like 2027-03-14."],
    ]);
    expect(targetDateSchema(TODAY).safeParse({ targetExamDate: TODAY, expectedVersion: "0" }).success).toBe(false);
  });
});

describe("statusSchema", () => {
  it("reads a status change with an optional note", () => {
    expect(statusSchema.parse({ to: "PLANNING", expectedVersion: "2", note: " " })).toEqual({ to: "PLANNING", expectedVersion: 2 });
    expect(statusSchema.safeParse({ to: "REOPENED", expectedVersion: "2" }).success).toBe(false);
    expect(statusSchema.safeParse({ to: "PLANNING", expectedVersion: "2", note: "x".repeat(501) }).success).toBe(false);
  });
});
