import { describe, expect, it } from "vitest";
import { checkInGroupKey, checkInTitle } from "./grouping";

describe("check-in notification groups", () => {
  it("share one key per student and day", () => {
    const morning = new Date("2026-12-02T08:00:00Z");
    const evening = new Date("2026-12-02T21:30:00Z");
    expect(checkInGroupKey("s1", morning)).toBe("checkin:s1:2026-12-02");
    expect(checkInGroupKey("s1", evening)).toBe(checkInGroupKey("s1", morning));
    expect(checkInGroupKey("s1", new Date("2026-12-03T08:00:00Z"))).not.toBe(checkInGroupKey("s1", morning));
    expect(checkInGroupKey("s2", morning)).not.toBe(checkInGroupKey("s1", morning));
  });

  it("title one check-in as before and a group by its count", () => {
    expect(checkInTitle("Jordan Lee", 1, false)).toBe("Jordan Lee sent a weekly check-in");
    expect(checkInTitle("Jordan Lee", 1, true)).toBe("Jordan Lee updated a weekly check-in");
    expect(checkInTitle("Jordan Lee", 3, false)).toBe("Jordan Lee sent 3 check-ins that day");
  });
});
