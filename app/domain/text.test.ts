import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay } from "./dates";
import { blankToUndefined, capitalize, joinWords, ordinal, plural, sentence } from "./text";

describe("text helpers", () => {
  it("pluralizes with the count, regular or given", () => {
    expect(plural(1, "score")).toBe("1 score");
    expect(plural(0, "score")).toBe("0 scores");
    expect(plural(2, "child", "children")).toBe("2 children");
  });

  it("joins words the way a sentence does", () => {
    expect(joinWords([])).toBe("");
    expect(joinWords(["a"])).toBe("a");
    expect(joinWords(["a", "b"])).toBe("a and b");
    expect(joinWords(["a", "b", "c"])).toBe("a, b and c");
    expect(joinWords(["a", "b", "c"], "or")).toBe("a, b or c");
  });

  it("makes a clause a sentence, and leaves empty text empty", () => {
    expect(capitalize("renal")).toBe("Renal");
    expect(sentence("two scores above 210")).toBe("Two scores above 210.");
    expect(sentence("")).toBe("");
  });

  it("treats blank form values as not given, and keeps the rest", () => {
    for (const blank of ["", "   ", null, undefined]) expect(blankToUndefined(blank)).toBeUndefined();
    expect(blankToUndefined(" x ")).toBe(" x ");
    expect(blankToUndefined(0)).toBe(0);
  });
});

describe("instant formatting", () => {
  it("prints the UTC day and time of an instant, the same everywhere", () => {
    expect(formatDay("2026-03-03T23:59:00.000Z")).toBe("3 Mar 2026");
    expect(formatDay(new Date("2026-11-01T00:00:00.000Z"))).toBe("1 Nov 2026");
    expect(formatDateTime("2026-03-03T14:05:09.000Z")).toBe("3 Mar 2026, 14:05 UTC");
  });
});

describe("ordinal", () => {
  it("says attempt numbers the way people do", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "101st",
    ]);
  });
});
