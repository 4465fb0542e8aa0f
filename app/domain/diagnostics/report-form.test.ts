import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { contentAreasFor } from "#app/domain/reference";
import {
  applyPrintedLabels,
  bandCounts,
  defaultReferenceGroup,
  gridAreas,
  initialReportValues,
  PRINTED_ROWS,
  printedLabelIssues,
  reportEntrySchema,
  reportGrid,
  submittedReportValues,
} from "./report-form";
import { reportedBands } from "./schema";

const MICRO = "step1.discipline.microbiology";
const IMMUNO = "step1.discipline.immunology";

/** A form post of the Step 1 grid with some bands set, the way the browser sends it. */
function post(bands: Record<string, string>, extra: Record<string, string> = {}) {
  const fd = new FormData();
  fd.set("intent", "report");
  fd.set("attemptId", "att_1");
  fd.set("bandScale", "CURRENT");
  fd.set("referenceGroup", "LOW_PASS");
  fd.set("distanceFromPassing", "");
  fd.set("distanceNote", "");
  gridAreas("STEP1").forEach((area, i) => {
    fd.set(`areas[${i}].areaId`, area.id);
    fd.set(`areas[${i}].band`, bands[area.id] ?? "");
    fd.set(`areas[${i}].printedLabel`, "");
  });
  for (let j = 0; j < PRINTED_ROWS; j++) {
    fd.set(`printed[${j}].label`, "");
    fd.set(`printed[${j}].band`, "");
  }
  for (const [k, v] of Object.entries(extra)) fd.set(k, v);
  return fd;
}
const indexOf = (id: string) => gridAreas("STEP1").findIndex((a) => a.id === id);

describe("reportGrid", () => {
  it("groups each exam's own areas by dimension, from the reference data", () => {
    const step1 = reportGrid("STEP1");
    expect(step1.map((d) => d.dimension)).toEqual(["PHYSICIAN_TASK", "SYSTEM", "DISCIPLINE"]);
    expect(step1.flatMap((d) => d.areas.map((a) => a.id)).sort()).toEqual(
      contentAreasFor("STEP1", { includeLegacy: true })
        .map((a) => a.id)
        .sort(),
    );
    const ck = reportGrid("STEP2_CK");
    expect(ck.find((d) => d.dimension === "DISCIPLINE")?.areas.map((a) => a.name)).toEqual([
      "Medicine",
      "Surgery",
      "Pediatrics",
      "Obstetrics & Gynecology",
      "Psychiatry",
    ]);
    // Step 3 reports no disciplines.
    expect(reportGrid("STEP3").map((d) => d.dimension)).toEqual(["PHYSICIAN_TASK", "SYSTEM"]);
    expect(
      reportGrid("STEP3")
        .flatMap((d) => d.areas)
        .every((a) => a.id.startsWith("step3.")),
    ).toBe(true);
  });

  it("puts legacy areas last in their dimension and lists the printed aliases of each area", () => {
    const systems = reportGrid("STEP1").find((d) => d.dimension === "SYSTEM")?.areas ?? [];
    expect(systems[systems.length - 1]).toMatchObject({ name: "General Principles", legacy: true });
    const micro = gridAreas("STEP1").find((a) => a.id === MICRO);
    expect(micro?.aliases).toContain("Microbiology & Immunology");
    expect(micro?.weightLabel).toBe("10–20%");
  });
});

describe("initial values", () => {
  it("defaults the reference group by exam, or to what most stored areas use", () => {
    expect(defaultReferenceGroup("STEP1")).toBe("LOW_PASS");
    expect(defaultReferenceGroup("STEP2_CK")).toBe("OWN_OVERALL");
    expect(
      defaultReferenceGroup("STEP1", [
        { referenceGroup: "OWN_OVERALL" },
        { referenceGroup: "OWN_OVERALL" },
        { referenceGroup: "LOW_PASS" },
      ]),
    ).toBe("OWN_OVERALL");
  });

  it("fills the grid from a stored report and leaves the rest blank (not reported)", () => {
    const values = initialReportValues("STEP1", "att_1", {
      bandScale: "LEGACY",
      distanceFromPassing: 4,
      distanceNote: null,
      areas: [{ contentAreaId: MICRO, band: "BORDERLINE", referenceGroup: "LOW_PASS", printedLabel: "Microbiology & Immunology" }],
    });
    expect(values).toMatchObject({ attemptId: "att_1", bandScale: "LEGACY", distanceFromPassing: "4", distanceNote: "" });
    expect(values.areas[indexOf(MICRO)]).toEqual({ areaId: MICRO, band: "BORDERLINE", printedLabel: "Microbiology & Immunology" });
    expect(values.areas.filter((a) => a.band !== "")).toHaveLength(1);
    expect(values.printed).toHaveLength(PRINTED_ROWS);
  });

  it("shows back exactly what was submitted, by area id", () => {
    const initial = initialReportValues("STEP1", "att_1", null);
    const back = submittedReportValues(
      "STEP1",
      {
        bandScale: "LEGACY",
        distanceNote: "close",
        areas: [{ areaId: MICRO, band: "LOWER", printedLabel: "x" }],
        printed: [{ label: "y" }],
      },
      initial,
    );
    expect(back.bandScale).toBe("LEGACY");
    expect(back.distanceNote).toBe("close");
    expect(back.areas[indexOf(MICRO)]).toEqual({ areaId: MICRO, band: "LOWER", printedLabel: "x" });
    expect(back.printed[0]).toEqual({ label: "y", band: "" });
  });
});

describe("reportEntrySchema through the form post", () => {
  it("accepts the grid, blanks being not reported", () => {
    const submission = parseWithZod(post({ "step1.discipline.pathology": "LOWER", "step1.task.diagnosis": "SAME" }), {
      schema: reportEntrySchema("STEP1"),
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(reportedBands(submission.value)).toEqual([
      { areaId: "step1.task.diagnosis", band: "SAME", referenceGroup: "LOW_PASS", printedLabel: null },
      { areaId: "step1.discipline.pathology", band: "LOWER", referenceGroup: "LOW_PASS", printedLabel: null },
    ]);
  });

  it("maps a printed alias to its canonical areas", () => {
    const submission = parseWithZod(post({}, { "printed[0].label": "Microbiology & Immunology", "printed[0].band": "LOWER" }), {
      schema: reportEntrySchema("STEP1"),
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(reportedBands(submission.value)).toEqual([
      { areaId: MICRO, band: "LOWER", referenceGroup: "LOW_PASS", printedLabel: "Microbiology & Immunology" },
      { areaId: IMMUNO, band: "LOWER", referenceGroup: "LOW_PASS", printedLabel: "Microbiology & Immunology" },
    ]);
  });

  it("accepts an alias typed as the printed label on one of its areas' rows", () => {
    const submission = parseWithZod(
      post({ [MICRO]: "LOWER" }, { [`areas[${indexOf(MICRO)}].printedLabel`]: "Microbiology & Immunology" }),
      { schema: reportEntrySchema("STEP1") },
    );
    expect(submission.status).toBe("success");
  });

  it("reports every problem at its field at once: unknown area, band off the scale, wrong or unknown printed labels", () => {
    const i = indexOf("step1.system.cardiovascular");
    const submission = parseWithZod(
      post(
        { "step1.discipline.pathology": "BORDERLINE", [MICRO]: "SAME" },
        {
          [`areas[${i}].areaId`]: "step2ck.system.cardiovascular",
          [`areas[${i}].band`]: "LOWER",
          [`areas[${indexOf("step1.discipline.physiology")}].printedLabel`]: "Microbiology & Immunology",
          "printed[0].label": "Microbiology & Immunology",
          "printed[0].band": "LOWER",
          "printed[1].label": "Basket weaving",
          "printed[1].band": "LOWER",
          distanceFromPassing: "many",
        },
      ),
      { schema: reportEntrySchema("STEP1") },
    );
    expect(submission.status).toBe("error");
    const errors = (submission.status === "error" ? submission.error : null) ?? {};
    expect(Object.keys(errors).sort()).toEqual(
      [
        "distanceFromPassing",
        `areas[${i}].areaId`,
        `areas[${indexOf("step1.discipline.pathology")}].band`,
        `areas[${indexOf("step1.discipline.physiology")}].printedLabel`,
        "printed[0].band",
        "printed[1].label",
      ].sort(),
    );
    expect(errors[`areas[${i}].areaId`]?.[0]).toMatch(/Not a content area of Step 1/);
    expect(errors["printed[0].band"]?.[0]).toMatch(/Microbiology is Same in the grid/);
    // The reply keeps every typed value for the form.
    expect(submission.reply().initialValue).toMatchObject({
      distanceFromPassing: "many",
      printed: [{ label: "Microbiology & Immunology" }, { label: "Basket weaving" }],
    });
  });

  it("asks for the missing half of a printed-label row", () => {
    const issues = printedLabelIssues("STEP1", {
      bandScale: "CURRENT",
      areas: [],
      printed: [{ label: "Microbiology & Immunology" }, { band: "LOWER" }],
    });
    expect(issues.map((i) => i.path.join("."))).toEqual(["printed.0.band", "printed.1.label"]);
  });
});

describe("reading what was posted: missing, wrong-typed and out-of-range values", () => {
  const initial = initialReportValues("STEP1", "att_1", {
    bandScale: "LEGACY",
    distanceFromPassing: 4,
    distanceNote: "close",
    areas: [{ contentAreaId: MICRO, band: "BORDERLINE", referenceGroup: "OWN_OVERALL", printedLabel: null }],
  });

  it("falls back to the stored values when the payload is not an object", () => {
    expect(submittedReportValues("STEP1", null, initial)).toBe(initial);
    expect(submittedReportValues("STEP1", "areas", initial)).toBe(initial);
    expect(submittedReportValues("STEP1", 7, initial)).toBe(initial);
  });

  it("shows missing fields blank, keeping only the attempt, scale and group to fall back on", () => {
    for (const payload of [{}, []]) {
      const back = submittedReportValues("STEP1", payload, initial);
      expect(back).toMatchObject({
        attemptId: "att_1",
        bandScale: "LEGACY",
        referenceGroup: "OWN_OVERALL",
        distanceFromPassing: "",
        distanceNote: "",
      });
      expect(back.areas.every((a) => a.band === "" && a.printedLabel === "")).toBe(true);
      expect(back.areas).toHaveLength(gridAreas("STEP1").length);
      expect(back.printed).toEqual(Array.from({ length: PRINTED_ROWS }, () => ({ label: "", band: "" })));
    }
  });

  it("reads values of the wrong type as blank or as the fallback, and numbers as digits", () => {
    const back = submittedReportValues(
      "STEP1",
      {
        attemptId: 12,
        bandScale: "WEEKLY",
        referenceGroup: 3,
        distanceFromPassing: 250,
        distanceNote: { text: "x" },
        areas: "not a list",
        printed: [null, { label: ["y"], band: "LOWER" }],
      },
      initial,
    );
    expect(back).toMatchObject({ attemptId: "12", bandScale: "LEGACY", referenceGroup: "OWN_OVERALL", distanceFromPassing: "250" });
    expect(back.distanceNote).toBe("");
    expect(back.areas.every((a) => a.band === "")).toBe(true);
    expect(back.printed).toEqual([
      { label: "", band: "" },
      { label: "", band: "LOWER" },
    ]);
  });

  it("finds a row by its area id when it is not at its grid index, and ignores rows that are not objects", () => {
    const i = indexOf(MICRO);
    const areas: unknown[] = [null, 4, "x", { areaId: MICRO, band: "HIGHER", printedLabel: 9 }];
    const back = submittedReportValues("STEP1", { areas }, initial);
    expect(back.areas[i]).toEqual({ areaId: MICRO, band: "HIGHER", printedLabel: "9" });
    expect(back.areas.filter((a) => a.band !== "")).toHaveLength(1);
  });

  it("refuses a distance from passing that is not a whole number in range, and takes a blank or missing one as none", () => {
    const distance = (value: string | null) => {
      const fd = post({ [MICRO]: "LOWER" });
      if (value === null) fd.delete("distanceFromPassing");
      else fd.set("distanceFromPassing", value);
      const submission = parseWithZod(fd, { schema: reportEntrySchema("STEP1") });
      return submission.status === "success"
        ? { value: submission.value.distanceFromPassing }
        : { error: submission.error?.distanceFromPassing?.[0] };
    };
    expect(distance(null)).toEqual({ value: undefined });
    expect(distance("   ")).toEqual({ value: undefined });
    expect(distance("0")).toEqual({ value: 0 });
    expect(distance(" 12 ")).toEqual({ value: 12 });
    expect(distance("300")).toEqual({ value: 300 });
    expect(distance("twelve")).toEqual({ error: "Enter a whole number of points" });
    expect(distance("12.5")).toEqual({ error: "Enter a whole number of points" });
    expect(distance("-1")).toEqual({ error: "Enter 0 or more points" });
    expect(distance("301")).toEqual({ error: "At most 300 points on the Step 1 scale" });
  });

  it("refuses a missing attempt, scale or group and an unknown band, each at its field", () => {
    const fd = post({});
    fd.delete("attemptId");
    fd.set("bandScale", "WEEKLY");
    fd.delete("referenceGroup");
    fd.set(`areas[${indexOf(MICRO)}].band`, "TERRIBLE");
    fd.set("printed[0].band", "AWFUL");
    const submission = parseWithZod(fd, { schema: reportEntrySchema("STEP1") });
    const errors = (submission.status === "error" ? submission.error : null) ?? {};
    expect(errors).toMatchObject({
      attemptId: [expect.any(String)],
      bandScale: ["Choose the report's band scale"],
      referenceGroup: ["Choose what the bands compare with"],
      [`areas[${indexOf(MICRO)}].band`]: ["Choose a band or leave it blank"],
      "printed[0].band": ["Choose a band or leave it blank"],
    });
  });

  it("leaves input it cannot read for the schema to refuse, and finds no printed-label problem in it", () => {
    expect(applyPrintedLabels("STEP1", null)).toBeNull();
    const notRows = { bandScale: "CURRENT", areas: [{ areaId: MICRO, band: "" }], printed: "Microbiology & Immunology" };
    expect(applyPrintedLabels("STEP1", notRows)).toBe(notRows);
    expect(printedLabelIssues("STEP1", "text")).toEqual([]);
    expect(printedLabelIssues("STEP1", { areas: "x", printed: [7, null, { label: "", band: "" }] })).toEqual([]);
  });

  it("applies a printed label beside rows that are not objects, keeping them for the schema", () => {
    const out = applyPrintedLabels("STEP1", {
      bandScale: "CURRENT",
      areas: [null, { areaId: MICRO, band: "LOWER" }],
      printed: [7, { label: "Microbiology & Immunology", band: "LOWER" }],
    });
    expect(out).toMatchObject({
      areas: [
        null,
        { areaId: MICRO, band: "LOWER", printedLabel: "Microbiology & Immunology" },
        { areaId: IMMUNO, band: "LOWER", printedLabel: "Microbiology & Immunology" },
      ],
    });
  });

  it("does not apply a band off the report's scale, and says so at the row", () => {
    const raw = { bandScale: "LEGACY", areas: [], printed: [{ label: "Microbiology & Immunology", band: "SAME" }] };
    expect(applyPrintedLabels("STEP1", raw)).toMatchObject({ areas: [] });
    expect(printedLabelIssues("STEP1", raw).map((i) => i.path.join("."))).toEqual(["printed.0.band"]);
  });
});

describe("applyPrintedLabels", () => {
  it("leaves the grid alone when the row conflicts or the band is off the scale", () => {
    const raw = {
      bandScale: "CURRENT",
      areas: [
        { areaId: MICRO, band: "SAME" },
        { areaId: IMMUNO, band: "" },
      ],
      printed: [
        { label: "Microbiology & Immunology", band: "LOWER" },
        { label: "Microbiology & Immunology", band: "BORDERLINE" },
      ],
    };
    expect(applyPrintedLabels("STEP1", raw)).toEqual(raw);
  });

  it("fills blank rows and appends areas the grid did not post", () => {
    const out = applyPrintedLabels("STEP1", {
      bandScale: "CURRENT",
      areas: [{ areaId: MICRO, band: "", printedLabel: "" }],
      printed: [{ label: " Microbiology & Immunology ", band: "HIGHER" }],
    }) as { areas: unknown[] };
    expect(out.areas).toEqual([
      { areaId: MICRO, band: "HIGHER", printedLabel: "Microbiology & Immunology" },
      { areaId: IMMUNO, band: "HIGHER", printedLabel: "Microbiology & Immunology" },
    ]);
  });
});

describe("bandCounts", () => {
  it("counts bands for the activity log", () => {
    expect(bandCounts([{ band: "LOWER" }, { band: "LOWER" }, { band: "HIGHER" }])).toEqual({
      LOWER: 2,
      BORDERLINE: 0,
      SAME: 0,
      HIGHER: 1,
      reported: 3,
    });
  });
});
