import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildTrajectoryCharts } from "#app/domain/trajectory/chart-data";
import type { PracticeExamEntry } from "#app/domain/trajectory/practice";
import { TrajectoryPanel } from "./trajectory-panel";

const entry = (
  id: string,
  instrumentId: PracticeExamEntry["instrumentId"],
  takenOn: string,
  score: number,
  form: string,
): PracticeExamEntry => ({
  id,
  instrumentId,
  form,
  takenOn,
  score,
});

const charts = buildTrajectoryCharts({
  exam: "STEP1",
  examDate: "2026-04-01",
  today: "2026-03-01",
  practiceExams: [
    entry("a", "NBME_CBSSA", "2026-02-01", 60, "Form 30"),
    entry("b", "NBME_CBSSA", "2026-02-08", 62, "Form 31"),
    entry("c", "NBME_CBSSA", "2026-02-15", 65, "Form 32"),
    entry("u", "UWSA", "2026-02-10", 201, "UWSA 1"),
  ],
  milestones: [{ uid: "baseline", kind: "BASELINE", dueOn: "2026-02-01", label: "Baseline: CBSSA", instrumentId: "NBME_CBSSA" }],
});

describe("TrajectoryPanel on the server", () => {
  const html = renderToString(<TrajectoryPanel charts={charts} />);

  it("renders each chart's summary and table alternative in the server HTML", () => {
    expect(html).toContain("Percent correct: practice exam scores");
    expect(html).toContain("Three-digit score: practice exam scores");
    expect(html).toContain("<table");
    expect(html).toContain("Form 31");
    expect(html).toContain("62%");
    expect(html).toContain("58–66%"); // the CBSSA likely range, score ± 4
    expect(html).toContain("CBSSA: projected");
    expect(html).toContain("Low-pass band 62–68%");
    expect(html).toContain("Baseline: CBSSA (1 Feb 2026)");
  });

  it("keeps each scale in its own section: no CBSSA row in the three-digit table", () => {
    const threeDigit = html.slice(html.indexOf('data-scale-family="THREE_DIGIT"'));
    expect(threeDigit).toContain("UWSA");
    expect(threeDigit).not.toContain("CBSSA");
  });

  it("leaves the drawing to the browser (Recharts measures its box after hydration)", () => {
    expect(html).not.toContain("recharts-surface");
    expect(html).toContain("The chart draws when the page has loaded");
  });

  it("says so when there is nothing to chart", () => {
    expect(renderToString(<TrajectoryPanel charts={[]} emptyMessage="Nothing yet." />)).toContain("Nothing yet.");
  });
});
