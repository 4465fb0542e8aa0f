import { renderToString } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { checkInWeeks } from "#app/domain/checkins/schema";
import { generatePlan } from "#app/domain/plans/generator";
import { type LoadedPlan, type PlanVersionRow, studentPlanView } from "#app/domain/plans/queries.server";
import { CheckInSection, StudentPlanSummary } from "./student-plan";

const generated = generatePlan({
  exam: "STEP1",
  failureNumber: 1,
  startDate: "2026-03-02",
  examDate: "2026-04-27",
  hoursPerDay: 8,
  restDay: 7,
  previousResources: ["UWorld"],
  focusCandidates: [{ key: "step1.discipline.pathology", label: "Pathology", kind: "AREA", weight: 3 }],
  strongAreas: [],
  findingKinds: [],
  sharedFindingKinds: [],
  spacingViolations: [],
});
if (!generated.plan) throw new Error(JSON.stringify(generated.errors));
const { template, durationWeeks: _weeks, ...generatedData } = generated.plan;
// As the student's read path gives it: every measure theirs to see, nothing held back.
const data: PlanVersionRow["data"] = {
  ...generatedData,
  content: {
    ...generatedData.content,
    measures: generatedData.content.measures.map((m) => ({ ...m, audience: "STUDENT" })),
    supportNote: null,
  },
};

const version = (number: number, changes: Partial<PlanVersionRow["data"]> = {}): PlanVersionRow => ({
  id: `v${number}`,
  number,
  createdBy: "Tess Tutor",
  createdAt: new Date("2026-03-10T09:30:00Z"),
  reason: number === 1 ? null : "Baseline below target: one more hour a day.",
  template,
  promptedByPracticeExamId: null,
  promptedByCheckInId: null,
  promptedBy: null,
  data: { ...data, ...changes },
});
const v1 = version(1);
const v2 = version(2, { hoursPerDay: 9 });
const plan: LoadedPlan = { planId: "p1", currentVersion: 2, versions: [v1, v2], current: v2 };

/** The check-in form posts through a fetcher: it needs a data router. React's text separators are dropped to read the sentences. */
function render(element: React.ReactNode): string {
  return renderToString(<RouterProvider router={createMemoryRouter([{ path: "/", element }])} />).replaceAll("<!-- -->", "");
}

describe("the student's plan", () => {
  it("reads the same wherever it is shown: days to the exam, the latest change, the week, the milestones and the links", () => {
    const html = render(
      <StudentPlanSummary caseId="c1" view={studentPlanView(plan, "2026-03-11")} examLabel="Step 1" idPrefix="home-c1" />,
    );
    expect(html).toContain("47 days to your Step 1 exam on 27 Apr 2026.");
    expect(html).toContain('<h3 id="home-c1-change-heading">What changed in your plan</h3>');
    expect(html).toContain("Your plan was updated on 10 Mar 2026");
    // The change's sections as ChangeGroups draws them, one level under the note's heading.
    expect(html).toMatch(/<h4 class="text-sm font-semibold">Weekly rhythm<\/h4>/);
    expect(html).toContain('<h3 id="home-c1-week-heading">This week: week 2 of 8</h3>');
    expect(html).toContain('<h3 id="home-c1-milestones-heading">Next milestones</h3>');
    expect(html).toContain('href="/cases/c1/calendar.ics"');
    expect(html).toContain('href="/cases/c1/plan/print"');
  });

  it("shows the first week before the plan starts", () => {
    const html = render(<StudentPlanSummary caseId="c1" view={studentPlanView(plan, "2026-02-25")} examLabel="Step 1" idPrefix="tab" />);
    expect(html).toContain('<h3 id="tab-week-heading">Your first week</h3>');
    expect(html).toContain("Your plan starts on 2 Mar 2026 (in 5 days)");
  });

  it("gives the check-in a card of its own, or a part of another card", () => {
    const checkIn = { weeks: checkInWeeks("2026-03-11", "2026-03-02"), existing: null };
    const card = render(<CheckInSection caseId="c1" checkIn={checkIn} redirectTo="/cases/c1/plan" />);
    expect(card).toMatch(/^<section aria-labelledby="check-in-heading-c1" class="card"><h2 id="check-in-heading-c1">Weekly check-in<\/h2>/);
    expect(card).toContain('name="redirectTo" value="/cases/c1/plan"');
    expect(card).toContain(">3 · Okay</span>");
    const nested = render(<CheckInSection caseId="c1" checkIn={checkIn} redirectTo="/" nested />);
    expect(nested).toMatch(
      /^<section aria-labelledby="check-in-heading-c1" class="border-t border-slate-200 pt-4"><h3 id="check-in-heading-c1">/,
    );
    expect(nested).toContain('name="redirectTo" value="/"');
  });
});
