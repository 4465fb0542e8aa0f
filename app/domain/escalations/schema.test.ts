import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ESCALATION_ACTIONS } from "#app/domain/vocabulary";
import {
  actionRecordSchema,
  ESCALATION_TEXT_LIMITS,
  escalationNoteSchema,
  manualEscalationSchema,
  ownerChangeSchema,
  statusChangeSchema,
} from "./schema";

/** "path: message" for every issue, or [] on success. */
function issues(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}
const paths = (result: z.ZodSafeParseResult<unknown>) => (result.success ? [] : result.error.issues.map((i) => i.path.join(".")));

describe("manualEscalationSchema", () => {
  it("trims the reason and drops a blank note", () => {
    const result = manualEscalationSchema.safeParse({ reason: "  Second failure; student not coping  ", note: "   " });
    expect(result.success && result.data).toEqual({ reason: "Second failure; student not coping", note: undefined });
  });

  it("keeps a note, trimmed", () => {
    const result = manualEscalationSchema.safeParse({ reason: "Student not coping with the plan", note: " Spoke on Monday " });
    expect(result.success && result.data.note).toBe("Spoke on Monday");
  });

  it("requires a reason of 10 to 1000 characters after trimming", () => {
    expect(issues(manualEscalationSchema.safeParse({}))).toEqual(["reason: Say why the case needs the office"]);
    expect(issues(manualEscalationSchema.safeParse({ reason: "   123456789   " }))).toEqual([
      "reason: Say why the case needs the office (at least 10 characters)",
    ]);
    expect(manualEscalationSchema.safeParse({ reason: "1234567890" }).success).toBe(true);
    expect(manualEscalationSchema.safeParse({ reason: "x".repeat(ESCALATION_TEXT_LIMITS.reasonMax) }).success).toBe(true);
    expect(issues(manualEscalationSchema.safeParse({ reason: "x".repeat(1001) }))).toEqual([
      "reason: Keep the reason under 1000 characters",
    ]);
  });

  it("limits the note to 1000 characters", () => {
    expect(paths(manualEscalationSchema.safeParse({ reason: "A clear reason", note: "n".repeat(1001) }))).toEqual(["note"]);
  });
});

describe("escalationNoteSchema", () => {
  it("requires non-blank text up to 1000 characters", () => {
    expect(escalationNoteSchema.safeParse({ note: " Called the student " }).data).toEqual({ note: "Called the student" });
    expect(paths(escalationNoteSchema.safeParse({ note: "  " }))).toEqual(["note"]);
    expect(paths(escalationNoteSchema.safeParse({ note: "n".repeat(1001) }))).toEqual(["note"]);
  });
});

describe("statusChangeSchema", () => {
  it("accepts a move with its expected version; an outcome is dropped unless resolving", () => {
    expect(statusChangeSchema.safeParse({ to: "ACKNOWLEDGED", expectedVersion: 3, outcome: "stray" }).data).toEqual({
      to: "ACKNOWLEDGED",
      expectedVersion: 3,
      outcome: undefined,
    });
  });

  it("resolving requires an outcome, with the error on the outcome field", () => {
    for (const outcome of [undefined, "", "   "]) {
      expect(issues(statusChangeSchema.safeParse({ to: "RESOLVED", expectedVersion: 2, outcome }))).toEqual([
        "outcome: Say what the outcome is: whoever raised the escalation is told it",
      ]);
    }
    expect(statusChangeSchema.safeParse({ to: "RESOLVED", expectedVersion: 2, outcome: " Plan rebuilt with the office " }).data).toEqual({
      to: "RESOLVED",
      expectedVersion: 2,
      outcome: "Plan rebuilt with the office",
    });
  });

  it("reports the missing outcome together with other field errors", () => {
    expect(paths(statusChangeSchema.safeParse({ to: "RESOLVED" }))).toEqual(["expectedVersion", "outcome"]);
  });

  it("refuses an unknown status, a missing or fractional version, and an over-long outcome", () => {
    expect(issues(statusChangeSchema.safeParse({ to: "REOPENED", expectedVersion: 1 }))).toEqual(["to: Choose the new status"]);
    expect(paths(statusChangeSchema.safeParse({ to: "ACKNOWLEDGED" }))).toEqual(["expectedVersion"]);
    expect(paths(statusChangeSchema.safeParse({ to: "ACKNOWLEDGED", expectedVersion: 1.5 }))).toEqual(["expectedVersion"]);
    expect(paths(statusChangeSchema.safeParse({ to: "ACKNOWLEDGED", expectedVersion: 0 }))).toEqual(["expectedVersion"]);
    expect(issues(statusChangeSchema.safeParse({ to: "RESOLVED", expectedVersion: 1, outcome: "o".repeat(1001) }))).toEqual([
      "outcome: Keep the outcome under 1000 characters",
    ]);
  });
});

describe("actionRecordSchema", () => {
  const today = "2026-03-20";
  const base = actionRecordSchema(today);
  /** The form as drawn from version 2 of the escalation. */
  const schema = { safeParse: (input: Record<string, unknown>) => base.safeParse({ expectedVersion: 2, ...input }) };

  it("accepts every action dated today, with a trimmed optional note", () => {
    for (const action of Object.keys(ESCALATION_ACTIONS)) {
      const input = {
        action,
        actionOn: today,
        note: " Booked ",
        accommodationStatus: action === "ACCOMMODATION_REQUEST" ? "REQUESTED" : "",
      };
      expect(schema.safeParse(input).success).toBe(true);
    }
    expect(schema.safeParse({ action: "COUNSELLING", actionOn: today, note: "" }).data).toEqual({
      action: "COUNSELLING",
      actionOn: today,
      note: undefined,
      accommodationStatus: undefined,
      expectedVersion: 2,
    });
  });

  it("requires the version the form was drawn from, reported with the other fields", () => {
    expect(issues(base.safeParse({ action: "COUNSELLING", actionOn: today }))).toEqual([
      "expectedVersion: Missing escalation version; reload the page",
    ]);
    for (const expectedVersion of [0, 1.5, "x"]) {
      expect(paths(base.safeParse({ action: "COUNSELLING", actionOn: today, expectedVersion }))).toEqual(["expectedVersion"]);
    }
    expect(paths(base.safeParse({ action: "ACCOMMODATION_REQUEST", actionOn: "2026-04-01" }))).toEqual([
      "actionOn",
      "expectedVersion",
      "accommodationStatus",
    ]);
  });

  it("refuses a date in the future: today is fine, tomorrow is not", () => {
    expect(schema.safeParse({ action: "COUNSELLING", actionOn: "2026-03-20" }).success).toBe(true);
    expect(issues(schema.safeParse({ action: "COUNSELLING", actionOn: "2026-03-21" }))).toEqual([
      "actionOn: The action date cannot be in the future (today is 20 Mar 2026)",
    ]);
  });

  it("refuses a date that is not a real ISO date", () => {
    expect(paths(schema.safeParse({ action: "COUNSELLING", actionOn: "2026-02-30" }))).toContain("actionOn");
    expect(paths(schema.safeParse({ action: "COUNSELLING", actionOn: "20/03/2026" }))).toContain("actionOn");
    expect(issues(schema.safeParse({ action: "COUNSELLING", actionOn: "9999-99-99" }))).toEqual([
      "actionOn: Enter a real date as YYYY-MM-DD",
    ]);
    expect(issues(schema.safeParse({ action: "COUNSELLING" }))).toEqual(["actionOn: Enter the date of the action"]);
  });

  it("refuses an unknown action", () => {
    expect(issues(schema.safeParse({ action: "EXPULSION", actionOn: today }))).toEqual(["action: Choose the action taken"]);
  });

  it("an accommodation request requires its status: requested, granted or denied", () => {
    expect(issues(schema.safeParse({ action: "ACCOMMODATION_REQUEST", actionOn: today }))).toEqual([
      "accommodationStatus: Choose the request's status: requested, granted or denied",
    ]);
    expect(paths(schema.safeParse({ action: "ACCOMMODATION_REQUEST", actionOn: today, accommodationStatus: "" }))).toEqual([
      "accommodationStatus",
    ]);
    for (const status of ["REQUESTED", "GRANTED", "DENIED"]) {
      expect(
        schema.safeParse({ action: "ACCOMMODATION_REQUEST", actionOn: today, accommodationStatus: status }).data?.accommodationStatus,
      ).toBe(status);
    }
  });

  it("refuses NONE or an unknown accommodation status", () => {
    for (const status of ["NONE", "PENDING"]) {
      expect(issues(schema.safeParse({ action: "ACCOMMODATION_REQUEST", actionOn: today, accommodationStatus: status }))).toEqual([
        "accommodationStatus: Choose requested, granted or denied",
      ]);
    }
  });

  it("drops a stray accommodation status on other actions", () => {
    expect(
      schema.safeParse({ action: "LEAVE_OF_ABSENCE", actionOn: today, accommodationStatus: "GRANTED" }).data?.accommodationStatus,
    ).toBeUndefined();
  });

  it("reports every field at once, the accommodation status included", () => {
    expect(paths(schema.safeParse({ action: "ACCOMMODATION_REQUEST", actionOn: "2026-04-01", note: "n".repeat(1001) }))).toEqual([
      "actionOn",
      "note",
      "accommodationStatus",
    ]);
  });
});

describe("ownerChangeSchema", () => {
  it("requires an owner id and the expected version", () => {
    expect(ownerChangeSchema.safeParse({ ownerId: " usr_1 ", expectedVersion: 4 }).data).toEqual({ ownerId: "usr_1", expectedVersion: 4 });
    expect(issues(ownerChangeSchema.safeParse({ ownerId: "  ", expectedVersion: 4 }))).toEqual([
      "ownerId: Choose who owns this escalation",
    ]);
    expect(paths(ownerChangeSchema.safeParse({}))).toEqual(["ownerId", "expectedVersion"]);
  });
});
