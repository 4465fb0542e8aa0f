import { describe, expect, it } from "vitest";
import { analyzeDiagnosis } from "./analysis";
import { buildDiagnosisSummary, studentReportGroups } from "./summary";

const lower = (areaId: string) => ({ areaId, band: "LOWER" as const, referenceGroup: "LOW_PASS" as const });

describe("studentReportGroups", () => {
  it("puts the report's areas in plain, supportive groups and leaves out what was not reported", () => {
    const { intro, groups } = studentReportGroups([
      { contentAreaId: "step1.discipline.pathology", band: "LOWER", referenceGroup: "LOW_PASS" },
      { contentAreaId: "step1.discipline.physiology", band: "SAME", referenceGroup: "LOW_PASS" },
      { contentAreaId: "step1.system.cardiovascular", band: "HIGHER", referenceGroup: "LOW_PASS" },
    ]);
    expect(intro).toMatch(/examinees who just passed/);
    expect(groups.map((g) => [g.key, g.areas])).toEqual([
      ["FOCUS", ["Pathology"]],
      ["STEADY", ["Physiology"]],
      ["STRENGTH", ["Cardiovascular System"]],
    ]);
    for (const g of groups) expect(`${g.title} ${g.text}`).not.toMatch(/\b(fail|weak|poor|bad)\b/i);
  });

  it("says when there is no report yet", () => {
    expect(studentReportGroups([])).toEqual({ intro: expect.stringMatching(/not entered/), groups: [] });
  });
});

describe("buildDiagnosisSummary", () => {
  const analysis = analyzeDiagnosis({
    exam: "STEP1",
    areas: [lower("step1.discipline.pathology"), lower("step1.system.cardiovascular"), lower("step1.system.gastrointestinal")],
    findings: [{ kind: "TIMING", severity: 2, areaIds: [] }],
    previous: { areas: [lower("step1.discipline.pathology")] },
  });

  it("gives staff the figures: character, focus, magnitude and persisting areas", () => {
    const s = buildDiagnosisSummary({
      caseId: "c1",
      audience: "STAFF",
      analysis,
      report: { takenOn: "2026-03-10" },
      findings: { shown: 1, presentOnly: 0 },
    });
    expect(s.report).toEqual({ takenOn: "2026-03-10", reported: 3, lower: 3 });
    expect(s.focus).toEqual(["Pathology", "Cardiovascular System", "Gastrointestinal System"]);
    expect(s.persisting).toEqual(["Pathology"]);
    expect(s.magnitude).toMatch(/3 of 3 reported areas are Lower/);
    expect(s.href).toBe("/cases/c1/diagnostics");
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it("gives the student their own words and no staff figures", () => {
    const s = buildDiagnosisSummary({
      caseId: "c1",
      audience: "STUDENT",
      analysis,
      report: { takenOn: "2026-03-10" },
      findings: { shown: 1, presentOnly: 1 },
    });
    expect(s.magnitude).toBeNull();
    expect(s.comparison).toBeNull();
    expect(s.persisting).toEqual([]);
    expect(s.character.text).toMatch(/your plan/i);
  });
});
