import { describe, expect, it } from "vitest";
import { CONTENT_AREAS } from "#app/domain/reference";
import { FINDING_KIND_IDS, FINDING_KINDS } from "#app/domain/vocabulary";
import {
  areaIdsInKey,
  fillTemplate,
  MEASURES,
  MEASURES_BY_FINDING,
  mentions,
  QUESTION_BANKS,
  TARGETED_RESOURCES,
  targetedResourcesFor,
  usedBefore,
} from "./resources";

describe("reference lists", () => {
  it("key every targeted resource by real content-area ids", () => {
    for (const resource of TARGETED_RESOURCES) {
      for (const prefix of resource.areaPrefixes) {
        const matches = CONTENT_AREAS.some((a) => a.id === prefix || a.id.startsWith(`${prefix}.`));
        expect(matches, `${resource.name}: ${prefix}`).toBe(true);
      }
    }
  });

  it("give every resource and measure a reason", () => {
    for (const item of [...QUESTION_BANKS, ...TARGETED_RESOURCES, ...MEASURES]) expect(item.why.length).toBeGreaterThan(15);
    expect(new Set(TARGETED_RESOURCES.map((r) => r.id)).size).toBe(TARGETED_RESOURCES.length);
    expect(new Set(MEASURES.map((m) => m.id)).size).toBe(MEASURES.length);
  });

  it("have a primary question bank for every retake exam", () => {
    for (const exam of ["STEP1", "STEP2_CK", "STEP3"] as const) {
      expect(QUESTION_BANKS.filter((b) => b.primary && b.exams.includes(exam)).length).toBeGreaterThan(1);
    }
  });

  it("give every finding except content gaps at least one known measure", () => {
    for (const kind of FINDING_KIND_IDS) {
      const ids = MEASURES_BY_FINDING[kind];
      if (kind === "CONTENT_GAP") expect(ids).toEqual([]);
      else expect(ids.length, kind).toBeGreaterThan(0);
      for (const id of ids) expect(MEASURES.map((m) => m.id)).toContain(id);
    }
    expect(Object.keys(MEASURES_BY_FINDING).sort()).toEqual(Object.keys(FINDING_KINDS).sort());
  });

  it("answer the seed's anxiety and sleep advice", () => {
    const titles = (kind: keyof typeof MEASURES_BY_FINDING) =>
      MEASURES_BY_FINDING[kind].map((id) => MEASURES.find((m) => m.id === id)?.title);
    expect(titles("TEST_ANXIETY")).toEqual(["Simulated test days", "Box breathing", "Counselling referral"]);
    expect(titles("SLEEP_WELLBEING")).toContain("Fixed sleep schedule");
    expect(titles("NO_SIMULATION")).toContain("Weekly full-length simulation");
  });
});

describe("matching what the student used before", () => {
  it("matches whole words, ignoring case and punctuation", () => {
    expect(mentions("UWorld Step 1 (2025)", ["uworld"])).toBe(true);
    expect(mentions("B&B videos", ["b&b"])).toBe(true);
    expect(mentions("Boards & Beyond", ["boards & beyond"])).toBe(true);
    expect(mentions("Kaplanesque notes", ["kaplan"])).toBe(false);
    expect(mentions("anything", [""])).toBe(false);
  });

  it("recognises a resource by its full name too", () => {
    expect(usedBefore(["pathoma"], { name: "Pathoma", aliases: [] })).toBe(true);
    expect(usedBefore(["Sketchy Micro"], TARGETED_RESOURCES[0])).toBe(true);
    expect(usedBefore([], TARGETED_RESOURCES[0])).toBe(false);
  });
});

describe("targeted resources", () => {
  it("reads area ids out of focus keys", () => {
    expect(areaIdsInKey("step1.discipline.pharmacology")).toEqual(["step1.discipline.pharmacology"]);
    expect(areaIdsInKey("cluster:step1.system.cardiovascular|step1.discipline.physiology")).toEqual([
      "step1.system.cardiovascular",
      "step1.discipline.physiology",
    ]);
    expect(areaIdsInKey("strategy:timing")).toEqual([]);
    expect(areaIdsInKey("cluster:DISCIPLINE_ACROSS_SYSTEMS")).toEqual([]);
    // Every content area of every exam in the reference data is recognised.
    for (const area of CONTENT_AREAS) expect(areaIdsInKey(`cluster:${area.id}`), area.id).toEqual([area.id]);
  });

  it("puts the most specific resource first", () => {
    expect(targetedResourcesFor(["step1.discipline.microbiology"]).map((r) => r.id)).toEqual([
      "sketchy-micro",
      "boards-and-beyond",
      "first-aid-step1",
    ]);
    expect(targetedResourcesFor(["step2ck.discipline.surgery"])[0].id).toBe("pestana");
    expect(targetedResourcesFor(["step3.system.cardiovascular"])[0].id).toBe("online-meded");
    expect(targetedResourcesFor(["step3.system.biostatistics"])[0].id).toBe("uworld-biostats");
    expect(targetedResourcesFor([])).toEqual([]);
  });

  it("does not match a prefix that is only part of a segment", () => {
    expect(targetedResourcesFor(["step1.discipline.pathologyx"]).map((r) => r.id)).toEqual(["first-aid-step1"]);
  });
});

describe("fillTemplate", () => {
  it("fills known placeholders and leaves unknown ones visible", () => {
    expect(fillTemplate("{n} blocks of {m} min, {x}", { n: 4, m: 30 })).toBe("4 blocks of 30 min, {x}");
  });
});
