import { describe, expect, it } from "vitest";
import { CASELOAD_COLUMNS, CASELOAD_EXPORT, type CaseloadRow, caseloadExportTable, neutralizeFormula } from "./caseload";

const row: CaseloadRow = {
  id: "c1",
  studentName: "Ana Lee",
  studentEmail: "ana@example.edu",
  exam: "STEP1",
  status: "ACTIVE",
  outcome: null,
  tutorName: null,
  attemptsUsed: 2,
  attemptsLeft: 2,
  targetExamDate: "2027-03-14",
  daysToExam: 40,
  practice: {
    score: 61.26,
    instrument: "CBSSA",
    instrumentId: "NBME_CBSSA",
    on: "2027-02-01",
    trendPerWeek: -1.04,
    unit: "%",
    distance: -0.2,
  },
  readinessMet: false,
  riskLevel: "HIGH",
  openEscalations: 1,
  daysSinceContact: null,
};

describe("the caseload CSV", () => {
  it("gives every column as many values as headers, for a full row and an empty one", () => {
    const bare: CaseloadRow = { ...row, practice: null, targetExamDate: null, daysToExam: null, riskLevel: null, readinessMet: null };
    for (const c of CASELOAD_COLUMNS) {
      expect(CASELOAD_EXPORT[c.id].values(row)).toHaveLength(CASELOAD_EXPORT[c.id].headers.length);
      expect(CASELOAD_EXPORT[c.id].values(bare)).toHaveLength(CASELOAD_EXPORT[c.id].headers.length);
    }
  });

  it("has a header without rows, and follows the hidden columns", () => {
    const [header, ...body] = caseloadExportTable([], ["practice", "tutor"]);
    expect(body).toEqual([]);
    expect(header).toContain("Student");
    expect(header).not.toContain("Tutor");
    expect(header).not.toContain("Latest practice score");
  });

  it("writes the row's values, blanks for nothing, and rounded numbers kept as numbers", () => {
    const [header, values] = caseloadExportTable([row], []);
    const cell = (name: string) => values[header.indexOf(name)];
    expect(cell("Student")).toBe("Ana Lee");
    expect(cell("Exam")).toBe("Step 1");
    expect(cell("Tutor")).toBe("");
    expect(cell("Latest practice score")).toBe(61.3);
    expect(cell("Trend per week")).toBe(-1);
    expect(cell("Readiness")).toBe("Not met");
    expect(cell("Days since contact")).toBe("");
  });

  it("neutralizes text that starts like a formula, and only that", () => {
    for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutralizeFormula(text)).toBe(`'${text}`);
    for (const text of ["Ana", "a=b", " =x", ""]) expect(neutralizeFormula(text)).toBe(text);
    expect(neutralizeFormula(-3)).toBe(-3);
    expect(neutralizeFormula(null)).toBe("");
    const [, values] = caseloadExportTable([{ ...row, studentName: '=HYPERLINK("x")', studentEmail: "@evil" }], []);
    expect(values.slice(0, 2)).toEqual(['\'=HYPERLINK("x")', "'@evil"]);
  });
});
