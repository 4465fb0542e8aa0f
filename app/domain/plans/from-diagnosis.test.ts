import { describe, expect, it } from "vitest";
import { analyzeDiagnosis } from "#app/domain/diagnostics/analysis";
import { focusFromDiagnosis, PERSISTING_WEIGHT } from "./from-diagnosis";

const lower = (areaId: string) => ({ areaId, band: "LOWER" as const, referenceGroup: "LOW_PASS" as const });
const higher = (areaId: string) => ({ areaId, band: "HIGHER" as const, referenceGroup: "LOW_PASS" as const });

describe("focus from the diagnosis", () => {
  it("puts Lower areas first, heaviest outline weight first, and keeps strong areas for light review", () => {
    const areas = [
      lower("step1.discipline.pathology"),
      lower("step1.discipline.genetics"),
      lower("step1.system.cardiovascular"),
      higher("step1.discipline.physiology"),
    ];
    const analysis = analyzeDiagnosis({ exam: "STEP1", areas, findings: [] });
    const { focusCandidates, strongAreas } = focusFromDiagnosis(analysis, areas);
    const areaKeys = focusCandidates.filter((c) => c.kind === "AREA").map((c) => c.key);
    expect(areaKeys[0]).toBe("step1.discipline.pathology");
    expect(areaKeys).toContain("step1.discipline.genetics");
    expect(strongAreas).toEqual([{ key: "step1.discipline.physiology", label: "Physiology" }]);
  });

  it("weighs a weakness that persisted across attempts more", () => {
    const areas = [lower("step1.discipline.pharmacology"), lower("step1.discipline.microbiology"), lower("step1.discipline.genetics")];
    const now = analyzeDiagnosis({ exam: "STEP1", areas, findings: [] });
    const again = analyzeDiagnosis({ exam: "STEP1", areas, findings: [], previous: { areas: [lower("step1.discipline.pharmacology")] } });
    const weight = (a: typeof now) =>
      focusFromDiagnosis(a, areas).focusCandidates.find((c) => c.key === "step1.discipline.pharmacology")?.weight ?? 0;
    expect(weight(again)).toBeCloseTo(weight(now) * PERSISTING_WEIGHT);
  });

  it("adds a reasoning focus when Patient Care: Diagnosis is Lower", () => {
    const areas = [lower("step1.task.diagnosis"), lower("step1.system.cardiovascular")];
    const { focusCandidates } = focusFromDiagnosis(analyzeDiagnosis({ exam: "STEP1", areas, findings: [] }), areas);
    expect(focusCandidates.some((c) => c.kind === "STRATEGY")).toBe(true);
  });
});
