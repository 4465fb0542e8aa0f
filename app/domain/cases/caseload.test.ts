import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  caseloadSearch,
  DEFAULT_CASELOAD_PARAMS,
  hiddenColumns,
  nextSort,
  parseCaseloadParams,
  parseHiddenColumns,
  parseHideParam,
} from "./caseload";

const parse = (query: string) => parseCaseloadParams(new URLSearchParams(query));

describe("caseload URL state", () => {
  it("reads valid parameters", () => {
    expect(parse("page=3&size=50&sort=risk&dir=desc&status=ACTIVE&status=READY&exam=STEP1&risk=HIGH&examWithin=14&q=lee")).toEqual({
      page: 3,
      size: 50,
      sort: "risk",
      dir: "desc",
      status: ["ACTIVE", "READY"],
      exam: ["STEP1"],
      risk: ["HIGH"],
      examWithin: 14,
      q: "lee",
      hide: null,
    });
  });

  it("falls back to defaults field by field for bad or forged values", () => {
    const params = parse("page=-2&size=33&sort=student.user.passwordHash&dir=sideways&status=HACKED&exam=STEP2_CS&risk=NONE&q=ok");
    expect(params).toEqual({ ...DEFAULT_CASELOAD_PARAMS, q: "ok" });
    expect(parse("sort=__proto__").sort).toBe(DEFAULT_CASELOAD_PARAMS.sort);
    expect(parse("page=abc").page).toBe(1);
  });

  it("round-trips any valid state through the URL", () => {
    fc.assert(
      fc.property(
        fc.record({
          page: fc.integer({ min: 1, max: 500 }),
          size: fc.constantFrom(10 as const, 25 as const, 50 as const, 100 as const),
          sort: fc.constantFrom("student" as const, "risk" as const, "daysToExam" as const, "opened" as const),
          dir: fc.constantFrom("asc" as const, "desc" as const),
          status: fc.uniqueArray(fc.constantFrom("INTAKE" as const, "ACTIVE" as const, "CLOSED" as const)),
          exam: fc.uniqueArray(fc.constantFrom("STEP1" as const, "STEP3" as const)),
          risk: fc.uniqueArray(fc.constantFrom("LOW" as const, "CRITICAL" as const)),
          examWithin: fc.constantFrom(null, 7 as const, 30 as const, 90 as const),
          q: fc.string({ maxLength: 20 }).map((s) => s.trim()),
          hide: fc.option(fc.subarray(["exam" as const, "tutor" as const, "risk" as const, "lastContact" as const]), { nil: null }),
        }),
        (state) => {
          expect(parse(caseloadSearch(state, { page: state.page }).slice(1))).toEqual(state);
        },
      ),
    );
  });

  it("reads an exam window only from the allowed lengths", () => {
    expect(parse("examWithin=30").examWithin).toBe(30);
    expect(parse("examWithin=31").examWithin).toBeNull();
    expect(parse("examWithin=-1").examWithin).toBeNull();
    expect(parse("examWithin=").examWithin).toBeNull();
  });

  it("starts again at page 1 when a filter or sort changes", () => {
    const params = { ...DEFAULT_CASELOAD_PARAMS, page: 4 };
    expect(caseloadSearch(params, { exam: ["STEP1"] })).toBe("?exam=STEP1");
    expect(caseloadSearch(params, { page: 5 })).toBe("?page=5");
  });

  it("flips the direction of the sorted column and starts a new one ascending", () => {
    const params = { ...DEFAULT_CASELOAD_PARAMS, sort: "risk" as const, dir: "asc" as const };
    expect(nextSort(params, "risk")).toEqual({ sort: "risk", dir: "desc" });
    expect(nextSort(params, "student")).toEqual({ sort: "student", dir: "asc" });
  });

  it("remembers only hideable, known columns", () => {
    expect(parseHiddenColumns("tutor,risk,student,bogus", [])).toEqual(["tutor", "risk"]);
    expect(parseHiddenColumns(null, ["tutor"])).toEqual(["tutor"]);
    expect(parseHiddenColumns("", ["tutor"])).toEqual([]);
  });

  it("reads the column choice from the URL: hideable columns only, in table order; an empty choice shows every column", () => {
    expect(parseHideParam(null)).toBeNull();
    expect(parseHideParam("")).toEqual([]);
    expect(parseHideParam("risk,student,nope,tutor,tutor")).toEqual(["tutor", "risk"]);
    const params = parse("hide=tutor");
    expect(hiddenColumns(params, "risk", [])).toEqual(["tutor"]);
    expect(hiddenColumns(parse(""), "risk", [])).toEqual(["risk"]);
    expect(hiddenColumns(parse(""), null, ["tutor"])).toEqual(["tutor"]);
    // Choosing columns keeps the page; it travels in every link the table makes.
    expect(caseloadSearch({ ...params, page: 3 }, { hide: ["exam"] })).toBe("?hide=exam&page=3");
    expect(caseloadSearch({ ...params, page: 3 }, { sort: "risk" })).toBe("?sort=risk&dir=asc&hide=tutor");
  });
});
