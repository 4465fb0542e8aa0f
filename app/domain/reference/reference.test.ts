import { describe, expect, it } from "vitest";
import {
  CONTENT_AREAS,
  EXAM_IDS,
  EXAMS,
  examInfo,
  INSTRUMENT_IDS,
  instrument,
  instrumentInforms,
  instrumentsFor,
  instrumentsOnScale,
  SCALE_FAMILIES,
} from "./index";

describe("instruments by exam and scale", () => {
  it("says an instrument informs an exam exactly when instrumentsFor lists it", () => {
    for (const exam of EXAM_IDS) {
      const listed = instrumentsFor(exam).map((i) => i.id);
      expect(
        INSTRUMENT_IDS.filter((id) => instrumentInforms(id, exam)),
        exam,
      ).toEqual(listed);
    }
    expect(instrumentInforms("NBME_CBSSA", "STEP1")).toBe(true);
    expect(instrumentInforms("NBME_CBSSA", "STEP2_CK")).toBe(false);
  });

  it("partitions the instruments by scale family, in reference order", () => {
    expect(instrumentsOnScale("THREE_DIGIT")).toEqual(["NBME_CCSSA", "UWSA"]);
    expect(SCALE_FAMILIES.flatMap((f) => instrumentsOnScale(f)).sort()).toEqual([...INSTRUMENT_IDS].sort());
    for (const id of instrumentsOnScale("PERCENT")) expect(instrument(id).scaleFamily).toBe("PERCENT");
  });
});

describe("exams", () => {
  it("compare a Step 1 fail report with the low-pass group and the others with the examinee's own performance", () => {
    expect(Object.fromEntries(EXAMS.map((e) => [e.id, e.failReportReferenceGroup]))).toEqual({
      STEP1: "LOW_PASS",
      STEP2_CK: "OWN_OVERALL",
      STEP3: "OWN_OVERALL",
      STEP2_CS: "OWN_OVERALL",
    });
  });

  it("have a discipline axis exactly when their content areas include disciplines", () => {
    for (const exam of EXAM_IDS) {
      const hasDisciplineAreas = CONTENT_AREAS.some((a) => a.exam === exam && a.dimension === "DISCIPLINE");
      expect(examInfo(exam).hasDisciplines, exam).toBe(hasDisciplineAreas);
    }
  });
});
