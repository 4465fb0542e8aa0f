import { describe, expect, it } from "vitest";
import { addDays } from "#app/domain/dates";
import type { InstrumentId } from "#app/domain/reference";
import type { PracticeExamEntry } from "./practice";
import {
  classifyCbssa,
  DEFAULT_READINESS_GATE,
  evaluateReadiness,
  gateDistance,
  type ReadinessGate,
  type ReadinessGateInput,
  readinessGateOrDefault,
  readinessGateSchema,
} from "./readiness";
import { trajectoryRisks } from "./risks";

let nextId = 0;
function entry(instrumentId: InstrumentId, takenOn: string, score: number, extra: Partial<PracticeExamEntry> = {}): PracticeExamEntry {
  nextId += 1;
  return { id: `pe${String(nextId).padStart(3, "0")}`, instrumentId, form: null, takenOn, score, ...extra };
}

const gate = (overrides: ReadinessGateInput = {}): ReadinessGate => readinessGateSchema.parse(overrides);
const BAND = { low: 62, high: 68 };

describe("classifyCbssa (NBME's four scenarios, likely range = EPC ± 4, band 62–68)", () => {
  it.each([
    [50, "BELOW"],
    [57, "BELOW"], // 53–61: entirely below
    [58, "PARTLY_BELOW"], // 54–62: touches the band's bottom, so not entirely below
    [65, "PARTLY_BELOW"], // 61–69
    [65.9, "PARTLY_BELOW"],
    [66, "WITHIN_OR_JUST_ABOVE"], // 62–70: low end on the band's bottom
    [70, "WITHIN_OR_JUST_ABOVE"],
    [72, "WITHIN_OR_JUST_ABOVE"], // 68–76: low end equals the band's top: still touches it
    [72.5, "ABOVE"],
    [73, "ABOVE"], // 69–77: the April 2026 sample (99% pass probability)
    [100, "ABOVE"],
  ] as const)("EPC %f → %s", (score, scenario) => {
    expect(classifyCbssa(score, BAND)).toBe(scenario);
  });

  it("clamps the likely range to the scale before comparing", () => {
    expect(classifyCbssa(2, { low: 0, high: 5 })).toBe("WITHIN_OR_JUST_ABOVE");
    expect(classifyCbssa(1, { low: 6, high: 10 })).toBe("BELOW");
  });
});

describe("readinessGateSchema", () => {
  it("fills every default from an empty object", () => {
    expect(readinessGateSchema.parse({})).toEqual({
      cbssa: { enabled: true, minCount: 2, withinDays: 21, rule: "LIKELY_RANGE_ABOVE_LOW_PASS" },
      threeDigit: { enabled: true, margin: 9, withinDaysOfExam: 28, instruments: ["NBME_CCSSA", "UWSA"] },
    });
  });

  it("keeps the school's values and defaults the rest", () => {
    const parsed = gate({ cbssa: { minCount: 3 }, threeDigit: { margin: 5, instruments: ["NBME_CCSSA"] } });
    expect(parsed.cbssa).toEqual({ ...DEFAULT_READINESS_GATE.cbssa, minCount: 3 });
    expect(parsed.threeDigit).toEqual({ ...DEFAULT_READINESS_GATE.threeDigit, margin: 5, instruments: ["NBME_CCSSA"] });
  });

  it("survives a JSON round trip unchanged", () => {
    const parsed = gate({ cbssa: { rule: "LIKELY_RANGE_WITHIN_OR_ABOVE_LOW_PASS" } });
    expect(readinessGateSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  it("refuses nonsense settings", () => {
    expect(readinessGateSchema.safeParse({ cbssa: { minCount: 0 } }).success).toBe(false);
    expect(readinessGateSchema.safeParse({ cbssa: { withinDays: 2.5 } }).success).toBe(false);
    expect(readinessGateSchema.safeParse({ cbssa: { rule: "VIBES" } }).success).toBe(false);
    expect(readinessGateSchema.safeParse({ threeDigit: { margin: -1 } }).success).toBe(false);
    expect(readinessGateSchema.safeParse({ threeDigit: { instruments: [] } }).success).toBe(false);
    // A percent-scale instrument cannot count towards a three-digit rule.
    expect(readinessGateSchema.safeParse({ threeDigit: { instruments: ["NBME_CBSSA"] } }).success).toBe(false);
  });

  it("falls back to the defaults for missing or broken stored settings", () => {
    expect(readinessGateOrDefault(null)).toEqual(DEFAULT_READINESS_GATE);
    expect(readinessGateOrDefault({ cbssa: { minCount: "two" } })).toEqual(DEFAULT_READINESS_GATE);
    expect(readinessGateOrDefault({ cbssa: { minCount: 1 } }).cbssa.minCount).toBe(1);
  });
});

describe("evaluateReadiness: which rules apply", () => {
  const today = "2026-03-01";

  it("applies only the CBSSA rule to Step 1 (pass/fail: no numeric standard)", () => {
    const result = evaluateReadiness({ exam: "STEP1", examDate: "2026-03-20", today, practiceExams: [], gate: gate() });
    expect(result.applicable).toBe(true);
    expect(result.rules.map((r) => r.rule)).toEqual(["LIKELY_RANGE_ABOVE_LOW_PASS"]);
  });

  it("applies only the three-digit rule to Step 2 CK", () => {
    const result = evaluateReadiness({ exam: "STEP2_CK", examDate: "2026-03-20", today, practiceExams: [], gate: gate() });
    expect(result.rules.map((r) => r.rule)).toEqual(["THREE_DIGIT_STANDARD_PLUS_MARGIN"]);
  });

  it("is not applicable when no configured instrument informs the exam (Step 3)", () => {
    const result = evaluateReadiness({ exam: "STEP3", examDate: "2026-03-20", today, practiceExams: [], gate: gate() });
    expect(result).toMatchObject({ applicable: false, met: false, rules: [], howFar: "Not applicable" });
    expect(result.summary).toBe("No readiness gate applies to Step 3 with the school's settings.");
  });

  it("skips disabled rules", () => {
    const result = evaluateReadiness({
      exam: "STEP1",
      examDate: "2026-03-20",
      today,
      practiceExams: [],
      gate: gate({ cbssa: { enabled: false } }),
    });
    expect(result.applicable).toBe(false);
  });
});

describe("evaluateReadiness: CBSSA rule (2 in the last 21 days, likely range entirely above the band)", () => {
  const today = "2026-03-01";
  const run = (practiceExams: PracticeExamEntry[], overrides: ReadinessGateInput = {}) =>
    evaluateReadiness({ exam: "STEP1", examDate: "2026-03-20", today, practiceExams, gate: gate(overrides) });

  it("is met with exactly minCount qualifying CBSSAs", () => {
    const result = run([entry("NBME_CBSSA", "2026-02-20", 73), entry("NBME_CBSSA", "2026-02-27", 74)]);
    expect(result.met).toBe(true);
    expect(result.howFar).toBe("Met");
    expect(result.rules[0]).toEqual({
      rule: "LIKELY_RANGE_ABOVE_LOW_PASS",
      met: true,
      detail: "2 CBSSAs in the last 21 days with the likely range entirely above the low-pass band (2 needed)",
    });
  });

  it("is not met one short of minCount", () => {
    const result = run([entry("NBME_CBSSA", "2026-02-27", 74)]);
    expect(result.met).toBe(false);
    expect(result.rules[0]).toMatchObject({ met: false, missingCount: 1 });
    expect(result.rules[0].shortBy).toBeUndefined();
    expect(result.howFar).toBe("1 more CBSSA needed");
  });

  it("counts a CBSSA exactly withinDays old, but not one a day older", () => {
    const edge = addDays(today, -21);
    expect(run([entry("NBME_CBSSA", edge, 73), entry("NBME_CBSSA", today, 73)]).met).toBe(true);
    expect(run([entry("NBME_CBSSA", addDays(edge, -1), 73), entry("NBME_CBSSA", today, 73)]).met).toBe(false);
  });

  it("is strict: a likely-range low equal to the band's top does not count", () => {
    // 72 → 68–76 against 62–68: touches the band.
    const touching = run([entry("NBME_CBSSA", "2026-02-20", 73), entry("NBME_CBSSA", "2026-02-27", 72)]);
    expect(touching.met).toBe(false);
    expect(touching.rules[0]).toMatchObject({ missingCount: 1, shortBy: 0 });
    expect(touching.rules[0].detail).toBe(
      "1 of 2 CBSSAs in the last 21 days with the likely range entirely above the low-pass band; " +
        "the latest, 72% on 27 Feb 2026, is at 72%, not above it, the score its likely range (now 68–76%) must be above to clear the low-pass band (62–68%, typical band)",
    );
    expect(touching.howFar).toBe("1 more CBSSA needed; at 72%, not above it");
    // 72.5 → 68.5–76.5: clears it.
    expect(run([entry("NBME_CBSSA", "2026-02-20", 73), entry("NBME_CBSSA", "2026-02-27", 72.5)]).met).toBe(true);
  });

  it("says by how much the latest likely range overlaps the band", () => {
    const result = run([entry("NBME_CBSSA", "2026-02-20", 73), entry("NBME_CBSSA", "2026-02-27", 67)]);
    expect(result.rules[0]).toMatchObject({ met: false, missingCount: 1, shortBy: 5 });
    expect(result.rules[0].detail).toContain(
      "the latest, 67% on 27 Feb 2026, is 5 points below 72%, the score its likely range (now 63–71%) must be above to clear the low-pass band (62–68%, typical band)",
    );
    expect(result.howFar).toBe("1 more CBSSA needed; 5 points below 72%");
    expect(result.summary).toMatch(/^Readiness gate not met: 1 of 2 CBSSAs/);
  });

  it("says by how much the latest likely range lies below the band", () => {
    const result = run([entry("NBME_CBSSA", "2026-02-27", 55)]);
    expect(result.rules[0].detail).toContain(
      "the latest, 55% on 27 Feb 2026, is 17 points below 72%, the score its likely range (now 51–59%)",
    );
    expect(result.rules[0]).toMatchObject({ shortBy: 17, target: 72, missingCount: 2 });
  });

  it("words the distance one way everywhere: the reason, how far, and the flag near the exam name one figure", () => {
    // 53% under the typical 62–68% band: once "19 points short" beside "below the band by 5 points".
    const practiceExams = [entry("NBME_CBSSA", "2026-02-27", 53)];
    const result = run(practiceExams);
    const distance = gateDistance(result.rules[0]);
    expect(distance).toBe("19 points below 72%");
    expect(result.howFar).toBe(`2 more CBSSAs needed; ${distance}`);
    expect(result.rules[0].detail).toContain(`is ${distance},`);
    const flag = trajectoryRisks({
      status: "ACTIVE",
      exam: "STEP1",
      examDate: "2026-03-10",
      today,
      practiceExams,
      milestones: [],
      readiness: result,
    });
    const gateFlag = flag.find((f) => f.code === "GATE_UNMET_NEAR_EXAM");
    expect(gateFlag?.reason).toContain(distance);
    for (const text of [result.howFar, result.rules[0].detail, result.summary, gateFlag?.reason ?? ""]) {
      expect(text.match(/\d+ points?/g)).toEqual(["19 points"]);
    }
  });

  it("judges each report by the band it printed, else the latest recorded band", () => {
    // Printed band 60–66: 71 → 67–75 is entirely above it (it would not clear the default 62–68).
    const own = run([entry("NBME_CBSSA", "2026-02-20", 71, { lowPassLow: 60, lowPassHigh: 66 }), entry("NBME_CBSSA", "2026-02-27", 71)]);
    expect(own.met).toBe(true);
    const defaults = run([entry("NBME_CBSSA", "2026-02-20", 71), entry("NBME_CBSSA", "2026-02-27", 71)]);
    expect(defaults.met).toBe(false);
  });

  it("accepts 'within or just above' under the lenient rule", () => {
    const lenient = { cbssa: { rule: "LIKELY_RANGE_WITHIN_OR_ABOVE_LOW_PASS" as const } };
    expect(run([entry("NBME_CBSSA", "2026-02-20", 66), entry("NBME_CBSSA", "2026-02-27", 66)], lenient).met).toBe(true);
    const partly = run([entry("NBME_CBSSA", "2026-02-20", 66), entry("NBME_CBSSA", "2026-02-27", 65)], lenient);
    expect(partly.met).toBe(false);
    expect(partly.rules[0]).toMatchObject({ rule: "LIKELY_RANGE_WITHIN_OR_ABOVE_LOW_PASS", shortBy: 1, target: 66 });
    expect(partly.howFar).toBe("1 more CBSSA needed; 1 point below 66%");
  });

  it("honours the school's count and window", () => {
    const practiceExams = [entry("NBME_CBSSA", "2026-02-01", 74), entry("NBME_CBSSA", "2026-02-27", 74)];
    expect(run(practiceExams).met).toBe(false);
    expect(run(practiceExams, { cbssa: { withinDays: 28 } }).met).toBe(true);
    expect(run(practiceExams, { cbssa: { minCount: 1 } }).met).toBe(true);
  });

  it("ignores other instruments and future-dated entries", () => {
    const result = run([entry("FREE_120", "2026-02-25", 90), entry("NBME_CBSSA", "2026-02-27", 75), entry("NBME_CBSSA", "2026-03-02", 80)]);
    expect(result.rules[0]).toMatchObject({ met: false, missingCount: 1 });
  });

  it("says how old the latest CBSSA is when none falls in the window", () => {
    expect(run([entry("NBME_CBSSA", "2026-01-30", 75)]).rules[0].detail).toBe(
      "0 of 2 CBSSAs in the last 21 days with the likely range entirely above the low-pass band; the latest CBSSA, on 30 Jan 2026, is 30 days old",
    );
    expect(run([]).rules[0].detail).toMatch(/; no CBSSA logged yet$/);
    expect(run([]).howFar).toBe("2 more CBSSAs needed");
  });
});

describe("evaluateReadiness: three-digit rule (standard + 9 within 14 days of the exam)", () => {
  const examDate = "2026-03-15"; // Step 2 CK standard 218 → target 227; window opens 1 Mar 2026
  const run = (
    practiceExams: PracticeExamEntry[],
    today = "2026-03-10",
    overrides: ReadinessGateInput = {},
    date: string | null = examDate,
  ) =>
    evaluateReadiness({
      exam: "STEP2_CK",
      examDate: date,
      today,
      practiceExams,
      // A 14-day window keeps these boundary cases short; the default window is 28 days.
      gate: gate({ ...overrides, threeDigit: { withinDaysOfExam: 14, ...overrides.threeDigit } }),
    });

  it("is met when the margin is exactly met", () => {
    const result = run([entry("NBME_CCSSA", "2026-03-05", 227)]);
    expect(result.met).toBe(true);
    expect(result.rules[0]).toEqual({
      rule: "THREE_DIGIT_STANDARD_PLUS_MARGIN",
      met: true,
      target: 227,
      detail: "latest CCSSA 227 on 5 Mar 2026, at or above 227 (passing 218 + margin 9)",
    });
  });

  it("is not met one point short, and says so", () => {
    const result = run([entry("UWSA", "2026-03-05", 226)]);
    expect(result.met).toBe(false);
    expect(result.rules[0]).toMatchObject({ shortBy: 1, target: 227 });
    expect(result.rules[0].detail).toBe("latest UWSA 226 on 5 Mar 2026, 1 point below 227 (passing 218 + margin 9)");
    expect(result.howFar).toBe("1 point below 227");
  });

  it("counts a score exactly withinDaysOfExam before the exam, but not a day earlier", () => {
    expect(run([entry("NBME_CCSSA", "2026-03-01", 230)]).met).toBe(true);
    const early = run([entry("NBME_CCSSA", "2026-02-28", 230)]);
    expect(early.met).toBe(false);
    expect(early.rules[0].shortBy).toBeUndefined();
    expect(early.rules[0].detail).toBe(
      "no CCSSA or UWSA score in the 14 days before the exam; the latest, CCSSA 230 on 28 Feb 2026, reached 227 (passing 218 + margin 9) but is too early to count",
    );
    expect(early.howFar).toBe("No recent three-digit score");
  });

  it("judges the latest score: a newer, lower score supersedes an older pass", () => {
    const result = run([entry("NBME_CCSSA", "2026-03-02", 235), entry("UWSA", "2026-03-06", 220)]);
    expect(result.met).toBe(false);
    expect(result.rules[0].shortBy).toBe(7);
  });

  it("says when the window opens and how far the latest score is", () => {
    const result = run([entry("UWSA", "2026-02-10", 215)], "2026-02-15");
    expect(result.rules[0]).toMatchObject({ met: false, shortBy: 12 });
    expect(result.rules[0].detail).toBe(
      "no CCSSA or UWSA score in the 14 days before the exam (the window opens on 1 Mar 2026); the latest, UWSA 215 on 10 Feb 2026, is 12 points below 227 (passing 218 + margin 9)",
    );
  });

  it("counts only the configured instruments", () => {
    expect(run([entry("UWSA", "2026-03-05", 240)], "2026-03-10", { threeDigit: { instruments: ["NBME_CCSSA"] } }).met).toBe(false);
  });

  it("uses the standard in force on the exam date, with the school's margin", () => {
    const before = evaluateReadiness({
      exam: "STEP2_CK",
      examDate: "2025-06-30",
      today: "2025-06-25",
      practiceExams: [entry("NBME_CCSSA", "2025-06-24", 223)],
      gate: gate(),
    });
    expect(before.rules[0]).toMatchObject({ met: true, target: 223 });
    const after = evaluateReadiness({
      exam: "STEP2_CK",
      examDate: "2025-07-10",
      today: "2025-06-30",
      practiceExams: [entry("NBME_CCSSA", "2025-06-30", 223)],
      gate: gate({ threeDigit: { margin: 5 } }),
    });
    expect(after.rules[0]).toMatchObject({ met: true, target: 223 });
    expect(after.rules[0].detail).toContain("(passing 218 + margin 5)");
  });

  it("is unmet without an exam date", () => {
    const result = run([entry("NBME_CCSSA", "2026-03-05", 240)], "2026-03-10", {}, null);
    expect(result.rules[0]).toMatchObject({ met: false });
    expect(result.rules[0].detail).toBe("no exam date set; the rule counts CCSSA or UWSA scores in the 14 days before it");
  });
});
