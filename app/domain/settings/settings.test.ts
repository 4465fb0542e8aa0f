import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY_LADDER, policyFor, settingsFromRow } from "./settings";

describe("policy ladder", () => {
  it("finds the rung for a failure number, or the highest below it", () => {
    expect(policyFor(DEFAULT_POLICY_LADDER, 1)?.consequence).toBe("WARNING");
    expect(policyFor(DEFAULT_POLICY_LADDER, 2)?.consequence).toBe("COMMITTEE_REVIEW");
    expect(policyFor(DEFAULT_POLICY_LADDER, 4)?.consequence).toBe("DISMISSAL_REVIEW");
    expect(policyFor(DEFAULT_POLICY_LADDER, 0)).toBeNull();
    expect(policyFor([], 1)).toBeNull();
  });

  it("falls back to the default gate when the stored one is not valid JSON", () => {
    const settings = settingsFromRow(
      { readinessGate: "{not json", acknowledgeWithinBusinessDays: 3, resolveWithinBusinessDays: 10, schoolAttemptLimit: 3 },
      [{ failureNumber: 1, consequence: "WARNING", description: "Warning" }],
    );
    expect(settings.readinessGate.cbssa.enabled).toBe(true);
    expect(settings.schoolAttemptLimit).toBe(3);
    expect(settings.policyLadder).toHaveLength(1);
  });

  it("uses the defaults for a school without settings", () => {
    const settings = settingsFromRow(null, []);
    expect(settings.policyLadder).toEqual(DEFAULT_POLICY_LADDER);
    expect(settings.acknowledgeWithinBusinessDays).toBe(2);
  });
});
