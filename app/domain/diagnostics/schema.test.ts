import { describe, expect, it } from "vitest";
import { resolveAreaLabel } from "#app/domain/reference";
import { findingIssues, findingSchema, knownAreaIds, reportedBands, scoreReportIssues, scoreReportSchema } from "./schema";

type Issue = { path: PropertyKey[]; message: string };
const paths = (issues: Issue[]) => issues.map((i) => i.path.join("."));

const validReport = {
  attemptId: "att_1",
  bandScale: "CURRENT",
  referenceGroup: "LOW_PASS",
  distanceFromPassing: "",
  distanceNote: "",
  areas: [
    { areaId: "step1.discipline.pathology", band: "LOWER", printedLabel: "" },
    { areaId: "step1.system.cardiovascular", band: "SAME", printedLabel: "Cardiovascular System" },
    { areaId: "step1.discipline.microbiology", band: "", printedLabel: "Microbiology & Immunology" },
    { areaId: "step1.system.gastrointestinal", band: "HIGHER", referenceGroup: "OWN_OVERALL" },
  ],
};

describe("scoreReportSchema", () => {
  it("accepts a valid report, blanks becoming 'not reported' and undefined", () => {
    const result = scoreReportSchema("STEP1").safeParse(validReport);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.distanceFromPassing).toBeUndefined();
    expect(result.data.distanceNote).toBeUndefined();
    expect(result.data.areas.map((a) => a.band)).toEqual(["LOWER", "SAME", null, "HIGHER"]);
    expect(result.data.areas[0].printedLabel).toBeUndefined();
    expect(reportedBands(result.data)).toEqual([
      { areaId: "step1.discipline.pathology", band: "LOWER", referenceGroup: "LOW_PASS", printedLabel: null },
      { areaId: "step1.system.cardiovascular", band: "SAME", referenceGroup: "LOW_PASS", printedLabel: "Cardiovascular System" },
      { areaId: "step1.system.gastrointestinal", band: "HIGHER", referenceGroup: "OWN_OVERALL", printedLabel: null },
    ]);
  });

  it("coerces the distance from passing and trims the note", () => {
    const result = scoreReportSchema("STEP2_CK").safeParse({
      ...validReport,
      areas: [],
      distanceFromPassing: "12",
      distanceNote: "  about a block  ",
    });
    expect(result.success && result.data).toMatchObject({ distanceFromPassing: 12, distanceNote: "about a block" });
  });

  it("rejects a fractional or negative distance and an over-long note", () => {
    const result = scoreReportSchema("STEP1").safeParse({ ...validReport, distanceFromPassing: "2.5", distanceNote: "x".repeat(501) });
    expect(result.success).toBe(false);
    expect(paths(result.error?.issues ?? [])).toEqual(["distanceFromPassing", "distanceNote"]);
    const negative = scoreReportSchema("STEP1").safeParse({ ...validReport, distanceFromPassing: -3 });
    expect(paths(negative.error?.issues ?? [])).toEqual(["distanceFromPassing"]);
  });

  it("rejects Borderline on the current scale and Same on the legacy one, at the band's path", () => {
    const current = scoreReportSchema("STEP1").safeParse({
      ...validReport,
      areas: [...validReport.areas, { areaId: "step1.discipline.physiology", band: "BORDERLINE" }],
    });
    expect(current.success).toBe(false);
    expect(current.error?.issues).toEqual([
      expect.objectContaining({ path: ["areas", 4, "band"], message: expect.stringMatching(/Borderline is not on/) }),
    ]);

    const legacy = scoreReportSchema("STEP1").safeParse({ ...validReport, bandScale: "LEGACY" });
    expect(paths(legacy.error?.issues ?? [])).toEqual(["areas.1.band"]);
    const legacyOk = scoreReportSchema("STEP1").safeParse({
      ...validReport,
      bandScale: "LEGACY",
      areas: [{ areaId: "step1.system.general-principles", band: "BORDERLINE" }],
    });
    expect(legacyOk.success).toBe(true);
  });

  it("rejects an area of another exam and a repeated area, at the area's path", () => {
    const result = scoreReportSchema("STEP3").safeParse({
      ...validReport,
      areas: [
        { areaId: "step3.system.skin", band: "LOWER" },
        { areaId: "step1.discipline.pathology", band: "LOWER" },
        { areaId: "step3.system.skin", band: "SAME" },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["areas.1.areaId", "Not a content area of Step 3"],
      ["areas.2.areaId", "This area is already in the report"],
    ]);
  });

  it("reports every field error in one pass, including a band outside the set", () => {
    const result = scoreReportSchema("STEP1").safeParse({
      ...validReport,
      attemptId: " ",
      distanceFromPassing: "abc",
      areas: [
        { areaId: "step1.discipline.pathology", band: "MEDIUM" },
        { areaId: "unknown.area", band: "LOWER" },
        { areaId: "step1.system.cardiovascular", band: "BORDERLINE" },
      ],
    });
    expect(result.success).toBe(false);
    expect(paths(result.error?.issues ?? []).sort()).toEqual(
      ["attemptId", "distanceFromPassing", "areas.0.band", "areas.1.areaId", "areas.2.band"].sort(),
    );
  });

  it("rejects an unknown scale or reference group", () => {
    const result = scoreReportSchema("STEP1").safeParse({ ...validReport, bandScale: "NEW", referenceGroup: "PEERS" });
    expect(paths(result.error?.issues ?? [])).toEqual(["bandScale", "referenceGroup"]);
  });

  it("exposes the cross-field rule as a function of the exam", () => {
    expect(scoreReportIssues("STEP1", { bandScale: "CURRENT", areas: [{ areaId: "step1.discipline.pathology", band: "LOWER" }] })).toEqual(
      [],
    );
    expect(scoreReportIssues("STEP1", { bandScale: "CURRENT", areas: [{ areaId: "step2ck.discipline.medicine", band: "SAME" }] })).toEqual([
      { path: ["areas", 0, "areaId"], message: "Not a content area of Step 1" },
    ]);
    expect(scoreReportIssues("STEP1", "garbage")).toEqual([]);
  });

  it("works with labels resolved through aliases", () => {
    const ids = resolveAreaLabel("STEP1", "Microbiology & Immunology").map((a) => a.id);
    const result = scoreReportSchema("STEP1").safeParse({
      ...validReport,
      areas: ids.map((areaId) => ({ areaId, band: "LOWER", printedLabel: "Microbiology & Immunology" })),
    });
    expect(result.success).toBe(true);
    expect(knownAreaIds("STEP1").has("step1.system.general-principles")).toBe(true);
  });
});

const validFinding = {
  kind: "CONTENT_GAP",
  severity: "2",
  evidence: "  Missed most renal pharmacology items.  ",
  visibility: "STUDENT",
  areaIds: ["step1.discipline.pharmacology"],
};

describe("findingSchema", () => {
  it("accepts a valid finding, coercing severity and trimming evidence", () => {
    const result = findingSchema("STEP1").safeParse(validFinding);
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      kind: "CONTENT_GAP",
      severity: 2,
      evidence: "Missed most renal pharmacology items.",
      visibility: "STUDENT",
      areaIds: ["step1.discipline.pharmacology"],
    });
  });

  it("takes a single checkbox value or none as a list, without duplicates", () => {
    expect(findingSchema("STEP1").parse({ ...validFinding, areaIds: "step1.discipline.pathology" }).areaIds).toEqual([
      "step1.discipline.pathology",
    ]);
    expect(findingSchema("STEP1").parse({ ...validFinding, kind: "TIMING", areaIds: undefined }).areaIds).toEqual([]);
    expect(
      findingSchema("STEP1").parse({ ...validFinding, areaIds: ["step1.discipline.pathology", "step1.discipline.pathology"] }).areaIds,
    ).toEqual(["step1.discipline.pathology"]);
  });

  it.each([["4"], ["0"], [""], ["2.5"], ["high"]])("rejects severity %j at the severity path", (severity) => {
    const result = findingSchema("STEP1").safeParse({ ...validFinding, severity });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["severity"], message: "Choose a severity from 1 to 3" })]);
  });

  it("requires evidence and caps its length", () => {
    expect(paths(findingSchema("STEP1").safeParse({ ...validFinding, evidence: "   " }).error?.issues ?? [])).toEqual(["evidence"]);
    expect(paths(findingSchema("STEP1").safeParse({ ...validFinding, evidence: "x".repeat(2001) }).error?.issues ?? [])).toEqual([
      "evidence",
    ]);
    expect(findingSchema("STEP1").safeParse({ ...validFinding, evidence: "x".repeat(2000) }).success).toBe(true);
  });

  it("rejects an area of another exam at its index, together with other errors", () => {
    const result = findingSchema("STEP1").safeParse({
      ...validFinding,
      severity: "4",
      visibility: "EVERYONE",
      areaIds: ["step1.discipline.pathology", "step3.system.skin"],
    });
    expect(paths(result.error?.issues ?? []).sort()).toEqual(["areaIds.1", "severity", "visibility"]);
  });

  it("links only content gaps to areas", () => {
    const result = findingSchema("STEP1").safeParse({ ...validFinding, kind: "TIMING" });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["areaIds"], message: "Only a content gap is linked to content areas" }),
    ]);
    expect(findingIssues("STEP1", { kind: "TIMING", areaIds: [] })).toEqual([]);
  });

  it("rejects an unknown kind", () => {
    expect(paths(findingSchema("STEP1").safeParse({ ...validFinding, kind: "BAD_LUCK" }).error?.issues ?? [])).toEqual(["kind"]);
  });
});
