import { describe, expect, it } from "vitest";
import { findingView, noteView } from "#app/domain/privacy/visibility";
import { checkInAdherence, cssString, PACKET_VIEWER } from "./packet";

describe("the packet's viewer", () => {
  it("reads the office and student tiers and nothing private, whoever wrote it", () => {
    for (const authorId of ["advisor-1", "tutor-1", null]) {
      expect(noteView({ authorId, visibility: "PRIVATE" }, PACKET_VIEWER)).toBe("HIDDEN");
      expect(noteView({ authorId, visibility: "OFFICE" }, PACKET_VIEWER)).toBe("FULL");
      expect(findingView({ authorId, visibility: "PRIVATE", kind: "FINANCES" }, PACKET_VIEWER)).toBe("HIDDEN");
      expect(findingView({ authorId, visibility: "OFFICE", kind: "TEST_ANXIETY" }, PACKET_VIEWER)).toBe("FULL");
    }
  });
});

describe("check-in adherence", () => {
  it("counts the plan's weeks through the current one, and names the weeks missed", () => {
    // Plan from Wednesday 7 Jan 2026; today Tuesday 27 Jan: weeks of 5, 12, 19 and 26 Jan.
    const result = checkInAdherence("2026-01-07", "2026-03-02", "2026-01-27", ["2026-01-05", "2026-01-19"]);
    expect(result).toEqual({ expected: 4, done: 2, percent: 50, missed: ["2026-01-12", "2026-01-26"] });
  });

  it("stops at the exam's week, and has nothing to count before the plan starts", () => {
    const result = checkInAdherence("2026-01-05", "2026-01-14", "2026-02-20", ["2026-01-05", "2026-01-12"]);
    expect(result).toMatchObject({ expected: 2, done: 2, percent: 100 });
    expect(checkInAdherence("2026-03-02", null, "2026-02-20", [])).toEqual({ expected: 0, done: 0, percent: null, missed: [] });
    expect(checkInAdherence(null, null, "2026-02-20", [])).toMatchObject({ percent: null });
  });
});

describe("the name in the page margins", () => {
  it("cannot end the CSS string or the style element", () => {
    const escaped = cssString('Zoë "x" </style><script>');
    expect(escaped.startsWith('"') && escaped.endsWith('"')).toBe(true);
    expect(escaped.slice(1, -1)).not.toMatch(/["<>/]/);
    expect(escaped).toContain("Zoë");
  });
});
