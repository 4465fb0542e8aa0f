import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONTENT_AREAS, contentArea, contentAreasFor, type ExamId } from "#app/domain/reference";
import { BANDS, type Band, type ReferenceGroup } from "#app/domain/vocabulary";
import {
  AREA_CHANGES,
  analyzeDiagnosis,
  bandLevel,
  CHARACTERS,
  DIAGNOSIS_THRESHOLDS,
  type DiagnosisFinding,
  type DiagnosisInput,
  isStrongBand,
  isWeakBand,
  type ReportedBand,
  TASK_PATTERNS,
  taskPattern,
} from "./analysis";

const S1 = {
  medicalKnowledge: "step1.task.medical-knowledge",
  diagnosis: "step1.task.diagnosis",
  communicationTask: "step1.task.communication",
  reproEndo: "step1.system.reproductive-endocrine",
  respRenal: "step1.system.respiratory-renal",
  behavioral: "step1.system.behavioral-nervous",
  bloodImmune: "step1.system.blood-immune",
  cardio: "step1.system.cardiovascular",
  gi: "step1.system.gastrointestinal",
  humanDev: "step1.system.human-development",
  generalPrinciples: "step1.system.general-principles",
  pathology: "step1.discipline.pathology",
  physiology: "step1.discipline.physiology",
  pharmacology: "step1.discipline.pharmacology",
  microbiology: "step1.discipline.microbiology",
  immunology: "step1.discipline.immunology",
  biochemistry: "step1.discipline.biochemistry",
} as const;

/** Every current area of the exam at `band`, with some overridden. */
function report(exam: ExamId, band: Band, overrides: Record<string, Band> = {}, group: ReferenceGroup = "LOW_PASS"): ReportedBand[] {
  return contentAreasFor(exam).map((a) => ({ areaId: a.id, band: overrides[a.id] ?? band, referenceGroup: group }));
}

function only(bands: Record<string, Band>, group: ReferenceGroup = "LOW_PASS"): ReportedBand[] {
  return Object.entries(bands).map(([areaId, band]) => ({ areaId, band, referenceGroup: group }));
}

function input(partial: Partial<DiagnosisInput> & { areas: ReportedBand[] }): DiagnosisInput {
  return { exam: "STEP1", findings: [], ...partial };
}

const finding = (kind: DiagnosisFinding["kind"], severity: 1 | 2 | 3, areaIds: string[] = []): DiagnosisFinding => ({
  kind,
  severity,
  areaIds,
});

describe("analyzeDiagnosis: weakest areas", () => {
  it("with no Lower areas ranks the Same areas, finds no cluster and no content gap", () => {
    const a = analyzeDiagnosis(input({ areas: report("STEP1", "SAME", { [S1.pathology]: "HIGHER", [S1.cardio]: "HIGHER" }) }));
    const all = contentAreasFor("STEP1");
    expect(a.weakestAreas).toHaveLength(all.length - 2);
    expect(a.weakestAreas.every((w) => w.band === "SAME")).toBe(true);
    expect(a.weakestAreas.map((w) => w.id)).not.toContain(S1.pathology);
    // Heaviest first within the band: Medical Knowledge (65%) leads, Physiology (35%) next.
    expect(a.weakestAreas[0]).toMatchObject({ id: S1.medicalKnowledge, rank: 1, weight: 65, dimension: "PHYSICIAN_TASK" });
    expect(a.weakestAreas[1].id).toBe(S1.physiology);
    expect(a.clusters).toEqual([]);
    expect(a.magnitude.lower).toBe(0);
    expect(a.magnitude.summary).toMatch(/^No area is Lower/);
    expect(a.character.character).toBe("UNCLEAR");
    expect(a.character.reasons.join(" ")).toMatch(/does not point to a content gap/);
    expect(a.comparison).toBeNull();
  });

  it("ranks Lower before Borderline before Same, never Higher, heavier first within a band", () => {
    const a = analyzeDiagnosis(
      input({
        areas: only({
          [S1.cardio]: "LOWER",
          [S1.pathology]: "LOWER",
          [S1.gi]: "SAME",
          [S1.reproEndo]: "BORDERLINE",
          [S1.physiology]: "HIGHER",
          [S1.humanDev]: "BORDERLINE",
        }),
      }),
    );
    expect(a.weakestAreas.map((w) => [w.id, w.band, w.rank])).toEqual([
      [S1.pathology, "LOWER", 1],
      [S1.cardio, "LOWER", 2],
      [S1.reproEndo, "BORDERLINE", 3],
      [S1.humanDev, "BORDERLINE", 4],
      [S1.gi, "SAME", 5],
    ]);
    expect(a.weakestAreas[0]).toMatchObject({ name: "Pathology", dimension: "DISCIPLINE", weight: 50, weightEstimated: false });
  });

  it("uses the dimension's equal share when the outline gives no weight", () => {
    const a = analyzeDiagnosis({
      exam: "STEP2_CK",
      areas: only({
        "step2ck.discipline.pediatrics": "LOWER",
        "step2ck.discipline.surgery": "LOWER",
        "step2ck.discipline.medicine": "LOWER",
      }),
      findings: [],
    });
    expect(a.weakestAreas.map((w) => w.name)).toEqual(["Medicine", "Surgery", "Pediatrics"]);
    expect(a.weakestAreas[2]).toMatchObject({ weight: 20, weightEstimated: true });
  });

  it("ignores areas of another exam, keeps legacy areas and reads a duplicate as its weakest band", () => {
    const a = analyzeDiagnosis(
      input({
        areas: [
          ...only({ [S1.generalPrinciples]: "LOWER", "step3.system.skin": "LOWER", "nonsense.id": "LOWER" }),
          ...only({ [S1.gi]: "SAME" }),
          ...only({ [S1.gi]: "LOWER" }),
          ...only({ [S1.gi]: "HIGHER" }),
        ],
      }),
    );
    expect(a.unknownAreaIds).toEqual(["step3.system.skin", "nonsense.id"]);
    expect(a.weakestAreas.map((w) => [w.id, w.band])).toEqual([
      [S1.generalPrinciples, "LOWER"],
      [S1.gi, "LOWER"],
    ]);
  });

  it("flags areas a content-gap finding names", () => {
    const a = analyzeDiagnosis(
      input({
        areas: only({ [S1.cardio]: "LOWER", [S1.gi]: "LOWER" }),
        findings: [finding("CONTENT_GAP", 2, [S1.gi]), finding("TIMING", 1, [S1.cardio])],
      }),
    );
    expect(a.weakestAreas.map((w) => [w.id, w.hasContentGapFinding])).toEqual([
      [S1.cardio, false],
      [S1.gi, true],
    ]);
  });
});

describe("analyzeDiagnosis: every area Lower", () => {
  const a = analyzeDiagnosis(input({ areas: report("STEP1", "LOWER"), distanceFromPassing: 20 }));

  it("ranks every area, heaviest first", () => {
    expect(a.weakestAreas).toHaveLength(contentAreasFor("STEP1").length);
    expect(a.weakestAreas.map((w) => w.id).slice(0, 3)).toEqual([S1.medicalKnowledge, S1.pathology, S1.physiology]);
  });

  it("calls it broad rather than pinning it on one of many Lower disciplines", () => {
    const kinds = a.clusters.map((c) => c.kind);
    expect(kinds).not.toContain("DISCIPLINE_ACROSS_SYSTEMS");
    expect(kinds).toContain("BROAD_SYSTEMS");
    expect(kinds).toContain("FOUNDATIONAL_KNOWLEDGE");
    expect(kinds).toContain("DIAGNOSTIC_REASONING");
    const broad = a.clusters.find((c) => c.kind === "BROAD_SYSTEMS");
    expect(broad?.explanation).toMatch(/no single discipline explains it/);
  });

  it("is content-driven, the reasoning task read as mirroring the content gaps", () => {
    expect(a.character.character).toBe("CONTENT");
    expect(a.character.points.CONTENT).toBeGreaterThan(a.character.points.STRATEGY);
    expect(a.character.reasons.join(" ")).toMatch(/content is broadly weak/);
    expect(a.character.reasons.join(" ")).toMatch(/may mirror the content gaps/);
  });

  it("covers the whole outline weight of every dimension", () => {
    expect(a.magnitude.lower).toBe(contentAreasFor("STEP1").length);
    expect(a.magnitude.byDimension.map((d) => [d.dimension, d.lowerWeightPercent])).toEqual([
      ["PHYSICIAN_TASK", 100],
      ["SYSTEM", 100],
      ["DISCIPLINE", 100],
    ]);
    expect(a.magnitude.distanceFromPassing).toBe(20);
    expect(a.magnitude.summary).toMatch(/20 points from passing\.$/);
  });
});

describe("analyzeDiagnosis: clusters", () => {
  it("finds a discipline cluster: a Lower discipline with several Lower systems", () => {
    const a = analyzeDiagnosis(
      input({
        areas: report("STEP1", "SAME", { [S1.pathology]: "LOWER", [S1.cardio]: "LOWER", [S1.respRenal]: "LOWER", [S1.gi]: "LOWER" }),
      }),
    );
    expect(a.clusters).toHaveLength(1);
    const [cluster] = a.clusters;
    expect(cluster.kind).toBe("DISCIPLINE_ACROSS_SYSTEMS");
    expect(cluster.title).toBe("Discipline cluster: Pathology is weak across 3 systems");
    expect(cluster.areas.map((x) => x.id)).toEqual([S1.pathology, S1.respRenal, S1.cardio, S1.gi]);
    expect(cluster.explanation).toMatch(/Pathology itself/);
    expect(cluster.pointsTo).toBe("CONTENT");
  });

  it(`needs ${DIAGNOSIS_THRESHOLDS.disciplineClusterSystemsMin} Lower systems beside the discipline`, () => {
    const a = analyzeDiagnosis(input({ areas: only({ [S1.pathology]: "LOWER", [S1.cardio]: "LOWER" }) }));
    expect(a.clusters).toEqual([]);
  });

  it("names each of two Lower disciplines running through the same systems", () => {
    const a = analyzeDiagnosis(
      input({ areas: only({ [S1.pharmacology]: "LOWER", [S1.physiology]: "LOWER", [S1.cardio]: "LOWER", [S1.respRenal]: "LOWER" }) }),
    );
    expect(a.clusters.map((c) => c.title)).toEqual([
      "Discipline cluster: Physiology is weak across 2 systems",
      "Discipline cluster: Pharmacology is weak across 2 systems",
    ]);
  });

  it("finds a broad weakness across systems when no discipline is Lower", () => {
    const a = analyzeDiagnosis(
      input({ areas: report("STEP1", "SAME", { [S1.cardio]: "LOWER", [S1.bloodImmune]: "LOWER", [S1.behavioral]: "LOWER" }) }),
    );
    expect(a.clusters.map((c) => c.kind)).toEqual(["BROAD_SYSTEMS"]);
    expect(a.clusters[0].title).toBe("Broad content weakness across 3 systems");
    expect(a.clusters[0].explanation).toMatch(/look for a shared discipline/);
  });

  it("on Step 3, which has no disciplines, looks for another shared thread", () => {
    const a = analyzeDiagnosis({
      exam: "STEP3",
      areas: only({ "step3.system.cardiovascular": "LOWER", "step3.system.respiratory": "LOWER", "step3.system.endocrine": "LOWER" }),
      findings: [],
    });
    expect(a.clusters[0].kind).toBe("BROAD_SYSTEMS");
    expect(a.clusters[0].explanation).toMatch(/reports no disciplines/);
  });

  it("reads a Lower diagnosis task across systems as a reasoning problem, not a content one", () => {
    const a = analyzeDiagnosis(input({ areas: report("STEP1", "SAME", { [S1.diagnosis]: "LOWER", [S1.gi]: "LOWER" }) }));
    expect(a.clusters).toHaveLength(1);
    expect(a.clusters[0]).toMatchObject({ kind: "DIAGNOSTIC_REASONING", pointsTo: "STRATEGY" });
    expect(a.clusters[0].title).toBe("Reasoning pattern: Patient Care: Diagnosis Lower across systems");
    expect(a.clusters[0].explanation).toMatch(/clinical reasoning/);
    expect(a.character.character).toBe("STRATEGY");
    expect(a.character.reasons.join(" ")).toMatch(/a reasoning problem, not a content one/);
  });

  it("reads Medical Knowledge Lower as foundational content", () => {
    const a = analyzeDiagnosis(input({ areas: report("STEP1", "SAME", { [S1.medicalKnowledge]: "LOWER" }) }));
    expect(a.clusters.map((c) => [c.kind, c.pointsTo])).toEqual([["FOUNDATIONAL_KNOWLEDGE", "CONTENT"]]);
    expect(a.character.character).toBe("CONTENT");
  });

  it("groups the management tasks of Step 2 CK into one cluster", () => {
    const a = analyzeDiagnosis({
      exam: "STEP2_CK",
      areas: report("STEP2_CK", "SAME", { "step2ck.task.pharmacotherapy": "LOWER", "step2ck.task.mixed-management": "LOWER" }),
      findings: [],
    });
    expect(a.clusters).toHaveLength(1);
    expect(a.clusters[0].kind).toBe("MANAGEMENT_REASONING");
    expect(a.clusters[0].areas.map((x) => x.id).sort()).toEqual(["step2ck.task.mixed-management", "step2ck.task.pharmacotherapy"]);
  });

  it("maps every physician task of every exam to a pattern", () => {
    const tasks = CONTENT_AREAS.filter((x) => x.dimension === "PHYSICIAN_TASK");
    expect(new Set(tasks.map((x) => x.exam))).toEqual(new Set(["STEP1", "STEP2_CK", "STEP3"]));
    for (const area of tasks) expect(taskPattern(area), area.id).not.toBeNull();
    expect(taskPattern({ id: S1.cardio, dimension: "SYSTEM" })).toBeNull();
  });

  it("keys task patterns by real physician-task area ids only", () => {
    for (const id of Object.keys(TASK_PATTERNS)) expect(contentArea(id)?.dimension, id).toBe("PHYSICIAN_TASK");
    expect(taskPattern({ id: "constructor", dimension: "PHYSICIAN_TASK" })).toBeNull();
  });

  it("reads Lower as the only weak band and Higher as the only strong one", () => {
    expect(BANDS.filter(isWeakBand)).toEqual(["LOWER"]);
    expect(BANDS.filter(isStrongBand)).toEqual(["HIGHER"]);
  });
});

describe("analyzeDiagnosis: character", () => {
  it("is strategy-driven with few Lower areas and strategy findings", () => {
    const a = analyzeDiagnosis(
      input({
        areas: report("STEP1", "SAME", { [S1.cardio]: "LOWER", [S1.pathology]: "HIGHER" }),
        findings: [finding("TIMING", 3), finding("MISREADING", 2), finding("CONTENT_GAP", 1, [S1.cardio])],
      }),
    );
    expect(a.character.character).toBe("STRATEGY");
    expect(a.character.families).toEqual(["STRATEGY"]);
    expect(a.character.points).toEqual({ CONTENT: 2, STRATEGY: 5, METHOD: 0 });
    const reasons = a.character.reasons.join(" ");
    expect(reasons).toMatch(/Only 1 of 21 reported systems and disciplines is Lower/);
    expect(reasons).toMatch(/Strategy findings: Timing and pacing \(severity 3\), Misreading question stems \(severity 2\)/);
    expect(reasons).toMatch(/Strategy leads/);
  });

  it("is method-driven when study-method findings dominate", () => {
    const a = analyzeDiagnosis(
      input({
        areas: only({ [S1.gi]: "LOWER" }),
        findings: [finding("PASSIVE_REVIEW", 3), finding("QBANK_VOLUME", 2), finding("TIMING", 1)],
      }),
    );
    expect(a.character.character).toBe("METHOD");
  });

  it("is mixed when content and strategy weigh about the same", () => {
    const a = analyzeDiagnosis(
      input({
        areas: report("STEP1", "SAME", { [S1.cardio]: "LOWER", [S1.gi]: "LOWER", [S1.respRenal]: "LOWER", [S1.reproEndo]: "LOWER" }),
        findings: [finding("REASONING", 3), finding("STAMINA", 1)],
      }),
    );
    expect(a.character.points.CONTENT).toBe(DIAGNOSIS_THRESHOLDS.reportPoints.broadContent);
    expect(a.character.character).toBe("MIXED");
    expect(a.character.families).toEqual(["STRATEGY", "CONTENT"]);
    expect(a.character.reasons.at(-1)).toMatch(/Strategy and content weigh about the same/);
  });

  it("counts external factors without naming them and never lets them decide", () => {
    const a = analyzeDiagnosis(input({ areas: [], findings: [finding("TEST_ANXIETY", 3), finding("FINANCES", 2)] }));
    expect(a.character.character).toBe("UNCLEAR");
    const reasons = a.character.reasons.join(" ");
    expect(reasons).toMatch(/2 external factors recorded/);
    expect(reasons).not.toMatch(/anxiety|finances/i);
  });

  it("says when no strategy or method finding backs the report", () => {
    const a = analyzeDiagnosis(input({ areas: only({ [S1.gi]: "LOWER" }) }));
    expect(a.character.character).toBe("CONTENT");
    expect(a.character.reasons.join(" ")).toMatch(/rests on the score report alone/);
  });
});

describe("analyzeDiagnosis: magnitude", () => {
  it("measures the Lower areas' share of each dimension's outline weight", () => {
    const a = analyzeDiagnosis(
      input({
        areas: report("STEP1", "SAME", { [S1.pathology]: "LOWER", [S1.physiology]: "LOWER", [S1.cardio]: "LOWER" }),
        distanceFromPassing: 6,
      }),
    );
    const byDim = Object.fromEntries(a.magnitude.byDimension.map((d) => [d.dimension, d]));
    // Disciplines' midpoints sum to 180: (50 + 35) / 180.
    expect(byDim.DISCIPLINE).toMatchObject({ reported: 10, lower: 2, lowerWeightPercent: 47 });
    // Systems' midpoints sum to 100: 9 / 100.
    expect(byDim.SYSTEM).toMatchObject({ reported: 11, lower: 1, lowerWeightPercent: 9 });
    expect(byDim.PHYSICIAN_TASK).toMatchObject({ lower: 0, lowerWeightPercent: 0 });
    expect(a.magnitude.summary).toBe(
      "3 of 25 reported areas are Lower, covering 9% of systems and 47% of disciplines by outline weight. 6 points from passing.",
    );
  });

  it("says when the weights are estimates", () => {
    const a = analyzeDiagnosis({ exam: "STEP2_CK", areas: only({ "step2ck.system.cardiovascular": "LOWER" }), findings: [] });
    const systems = a.magnitude.byDimension.find((d) => d.dimension === "SYSTEM");
    expect(systems).toMatchObject({ lower: 1, lowerWeightPercent: 7, weightEstimated: true });
    expect(a.magnitude.summary).toMatch(/roughly 7% of systems/);
  });
});

describe("analyzeDiagnosis: comparison with the previous attempt", () => {
  const previous = only({
    [S1.cardio]: "LOWER",
    [S1.gi]: "LOWER",
    [S1.pathology]: "LOWER",
    [S1.respRenal]: "SAME",
    [S1.pharmacology]: "HIGHER",
    [S1.biochemistry]: "BORDERLINE",
    [S1.immunology]: "HIGHER",
  });
  const current = [
    ...only({
      [S1.cardio]: "SAME",
      [S1.gi]: "LOWER",
      [S1.respRenal]: "LOWER",
      [S1.pharmacology]: "SAME",
      [S1.biochemistry]: "SAME",
      [S1.microbiology]: "LOWER",
    }),
    ...only({ [S1.pathology]: "LOWER" }, "OWN_OVERALL"),
  ];
  const a = analyzeDiagnosis(input({ areas: current, previous: { areas: previous } }));
  const c = a.comparison;

  it("sorts every area into improved, persisted, worsened, new weak and unchanged", () => {
    expect(c).not.toBeNull();
    if (!c) return;
    expect(c.improved.map((x) => x.id)).toEqual([S1.cardio]);
    expect(c.worsened.map((x) => x.id)).toEqual([S1.pharmacology]);
    expect(c.newWeak.map((x) => x.id)).toEqual([S1.microbiology, S1.respRenal]);
    // Borderline (legacy) and Same (current) are both the middle band.
    expect(c.unchanged.map((x) => x.id)).toEqual([S1.biochemistry]);
    const immunology = c.areas.find((x) => x.area.id === S1.immunology);
    expect(immunology).toMatchObject({ before: "HIGHER", after: null, change: "NOT_COMPARABLE" });
  });

  it("lists the persisting weaknesses explicitly, heaviest first, and says to consider escalation", () => {
    if (!c) throw new Error("no comparison");
    expect(c.persistingWeakAreas.map((x) => x.id)).toEqual([S1.pathology, S1.gi]);
    expect(c.summary).toBe(
      "Since the previous report: 1 area improved, 2 areas still Lower, 2 new Lower areas, 1 area worsened. Persisting after a retake: Pathology and Gastrointestinal System; consider escalation.",
    );
  });

  it("flags an area whose reference group changed between reports", () => {
    if (!c) throw new Error("no comparison");
    expect(c.areas.find((x) => x.area.id === S1.pathology)?.referenceChanged).toBe(true);
    expect(c.areas.find((x) => x.area.id === S1.gi)?.referenceChanged).toBe(false);
  });

  it("reports no change when the two reports agree", () => {
    const same = analyzeDiagnosis(input({ areas: only({ [S1.gi]: "SAME" }), previous: { areas: only({ [S1.gi]: "SAME" }) } }));
    expect(same.comparison?.summary).toBe("No change in weak areas since the previous report.");
  });
});

describe("analyzeDiagnosis: empty report", () => {
  it("returns an empty, unclear analysis", () => {
    const a = analyzeDiagnosis(input({ areas: [], previous: null, distanceFromPassing: null }));
    expect(a.weakestAreas).toEqual([]);
    expect(a.clusters).toEqual([]);
    expect(a.unknownAreaIds).toEqual([]);
    expect(a.character).toMatchObject({ character: "UNCLEAR", families: [], points: { CONTENT: 0, STRATEGY: 0, METHOD: 0 } });
    expect(a.character.reasons).toEqual(["Nothing recorded yet: enter the score report and the findings."]);
    expect(a.magnitude).toMatchObject({ reported: 0, lower: 0, distanceFromPassing: null, summary: "No content areas recorded yet." });
    expect(a.comparison).toBeNull();
  });
});

describe("analyzeDiagnosis: properties", () => {
  const step1Areas = contentAreasFor("STEP1", { includeLegacy: true }).map((x) => x.id);
  const arbReport = fc.uniqueArray(
    fc.record({
      areaId: fc.constantFrom(...step1Areas),
      band: fc.constantFrom(...BANDS),
      referenceGroup: fc.constantFrom<ReferenceGroup>("OWN_OVERALL", "LOW_PASS", "BORDERLINE_REGION"),
    }),
    { selector: (x) => x.areaId, maxLength: step1Areas.length },
  );
  const arbFindings = fc.array(
    fc.record({
      kind: fc.constantFrom<DiagnosisFinding["kind"]>("CONTENT_GAP", "TIMING", "REASONING", "PASSIVE_REVIEW", "TEST_ANXIETY"),
      severity: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
      areaIds: fc.constant<string[]>([]),
    }),
    { maxLength: 6 },
  );
  const order: Record<Band, number> = { LOWER: 0, BORDERLINE: 1, SAME: 2, HIGHER: 3 };

  it("ranks exactly the non-Higher areas, sorted by band then weight", () => {
    fc.assert(
      fc.property(arbReport, arbFindings, (areas, findings) => {
        const a = analyzeDiagnosis({ exam: "STEP1", areas, findings });
        const expected = areas.filter((x) => x.band !== "HIGHER").map((x) => x.areaId);
        expect(a.weakestAreas.map((w) => w.id).sort()).toEqual([...expected].sort());
        a.weakestAreas.forEach((w, i) => {
          expect(w.rank).toBe(i + 1);
          if (i === 0) return;
          const prev = a.weakestAreas[i - 1];
          expect(order[prev.band]).toBeLessThanOrEqual(order[w.band]);
          if (prev.band === w.band) expect(prev.weight).toBeGreaterThanOrEqual(w.weight);
        });
        expect(a.magnitude.lower).toBe(areas.filter((x) => x.band === "LOWER").length);
        expect(CHARACTERS).toContain(a.character.character);
        for (const d of a.magnitude.byDimension) {
          expect(d.lowerWeightPercent).toBeGreaterThanOrEqual(0);
          expect(d.lowerWeightPercent).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it("puts every area of either report in exactly one change, persisting ones Lower in both", () => {
    fc.assert(
      fc.property(arbReport, arbReport, (now, before) => {
        const c = analyzeDiagnosis({ exam: "STEP1", areas: now, findings: [], previous: { areas: before } }).comparison;
        if (!c) throw new Error("no comparison");
        const ids = new Set([...now, ...before].map((x) => x.areaId));
        expect(c.areas.map((x) => x.area.id).sort()).toEqual([...ids].sort());
        for (const x of c.areas) {
          expect(AREA_CHANGES).toContain(x.change);
          if (x.change === "PERSISTED") expect([x.before, x.after]).toEqual(["LOWER", "LOWER"]);
          if (x.change === "IMPROVED" && x.before && x.after) expect(bandLevel(x.after)).toBeGreaterThan(bandLevel(x.before));
        }
        const persisting = now.filter((x) => x.band === "LOWER" && before.some((b) => b.areaId === x.areaId && b.band === "LOWER"));
        expect(c.persistingWeakAreas.map((x) => x.id).sort()).toEqual(persisting.map((x) => x.areaId).sort());
      }),
    );
  });
});
