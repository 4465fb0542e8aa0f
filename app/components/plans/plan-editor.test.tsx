import { renderToString } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import type { PlanEditorValues } from "#app/domain/plans/editor";
import { PlanEditor } from "./plan-editor";

const values: PlanEditorValues = {
  startDate: "2026-03-02",
  examDate: "2026-04-27",
  hoursPerDay: 8,
  restDay: 7,
  focusAreas: [
    { key: "step1.discipline.pathology", label: "Pathology", kind: "AREA", sharePercent: 60 },
    { key: "light-review", label: "Light review", kind: "LIGHT_REVIEW", sharePercent: 40 },
  ],
  resources: [{ kind: "TARGETED", name: "Pathoma", reason: "Pathology foundations." }],
  measures: [{ findingKind: "TEST_ANXIETY", title: "Box breathing", description: "Breathe in for 4." }],
  milestones: [{ uid: "baseline", kind: "BASELINE", dueOn: "2026-03-07", instrumentId: "NBME_CBSSA", label: "Baseline" }],
};

/** The editor needs a data router (its Form and useNavigation). */
function render(element: React.ReactNode): string {
  return renderToString(<RouterProvider router={createMemoryRouter([{ path: "/", element }])} />);
}

describe("the plan editor", () => {
  it("numbers each list's items, with their Remove and Add buttons, and carries the versions it was shown with", () => {
    const html = render(<PlanEditor mode="adjust" defaultValue={values} lastResult={null} currentVersion={3} caseVersion={7} />);
    for (const [legend, noun] of [
      ["Focus areas and their share of the week", "focus area"],
      ["Resources", "resource"],
      ["Practice-exam milestones", "milestone"],
      ["Well-being and strategy measures", "measure"],
    ]) {
      expect(html).toContain(`>${legend}</legend>`);
      expect(html).toContain(`>Add a ${noun}</button>`);
      expect(html).toContain(`aria-label="Remove ${noun} 1"`);
      expect(html).toContain(`>${noun.charAt(0).toUpperCase()}${noun.slice(1)} 1</legend>`);
    }
    expect(html).toContain(">Focus area 2</legend>");
    expect(html).not.toContain(">Focus area 3</legend>");
    expect(html).toMatch(/<input type="hidden" name="expectedVersion" value="3"\/>/);
    expect(html).toMatch(/<input type="hidden" name="expectedCaseVersion" value="7"\/>/);
    expect(html).toContain(">Save as version 4</button>");
  });

  it("after a refused save, names and expects the version saved meanwhile, not the one the page was shown with", () => {
    // The page's data is still version 3 (a refused save does not reload it); someone saved version 5.
    const html = render(
      <PlanEditor mode="adjust" defaultValue={values} lastResult={null} currentVersion={3} savedMeanwhile={5} caseVersion={7} />,
    );
    expect(html).toMatch(/<input type="hidden" name="expectedVersion" value="5"\/>/);
    expect(html).toContain(">Save as version 6</button>");
    expect(html).not.toContain("Save as version 4");
  });

  it("has a study-hours field for each day, filled for the days with their own hours", () => {
    const html = render(
      <PlanEditor
        mode="adjust"
        defaultValue={{ ...values, hoursByDay: [3, undefined, 3] }}
        lastResult={null}
        currentVersion={1}
        caseVersion={1}
      />,
    );
    expect(html).toContain(">Days with other study hours (e.g. clerkship days)</legend>");
    for (let i = 0; i < 7; i++) expect(html).toContain(`name="hoursByDay[${i}]"`);
    expect(html).toMatch(/name="hoursByDay\[0\]"[^>]*value="3"/);
    expect(html).toMatch(/name="hoursByDay\[1\]"[^>]*value=""/);
  });

  it("assigns without a plan version, but with the case's", () => {
    const html = render(<PlanEditor mode="assign" defaultValue={values} lastResult={null} caseVersion={2} />);
    expect(html).not.toContain('name="expectedVersion"');
    expect(html).toMatch(/<input type="hidden" name="expectedCaseVersion" value="2"\/>/);
    expect(html).toContain(">Assign the plan</button>");
  });
});
