import { describe, expect, it } from "vitest";
import { RETAKE_GUIDANCE } from "#app/domain/reference";
import { PLAN_TEMPLATES, templateFor } from "./templates";

describe("plan templates", () => {
  it("build their labels and windows from the retake guidance", () => {
    expect(PLAN_TEMPLATES["first-retake"]).toMatchObject({
      label: "First retake (8-week rhythm)",
      weeks: RETAKE_GUIDANCE.firstRetakeWeeks,
      windowText: "6–12 weeks for a first retake",
    });
    expect(PLAN_TEMPLATES["later-retake"]).toMatchObject({
      label: "After a second failure (3–6 months)",
      weeks: RETAKE_GUIDANCE.laterRetakeWeeks,
      windowText: "13–26 weeks (3–6 months) after a second failure",
    });
  });

  it("switches to the later-retake window from the guidance's second failure on", () => {
    const second = RETAKE_GUIDANCE.secondFailureCount;
    expect(templateFor(1).id).toBe("first-retake");
    expect(templateFor(second - 1).id).toBe("first-retake");
    expect(templateFor(second).id).toBe("later-retake");
    expect(templateFor(second + 1).id).toBe("later-retake");
  });
});
