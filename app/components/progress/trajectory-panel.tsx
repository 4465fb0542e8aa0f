/**
 * TrajectoryPanel: the practice-exam trajectory, one chart per scale family
 * (percent and three-digit scales never share an axis). Each chart comes with
 * its text summary and a table alternative rendered on the server; the
 * Recharts drawing appears once the page is hydrated.
 *
 * Props are the serializable charts of `buildTrajectoryCharts` (or
 * `assessment.charts` from `loadCaseAssessment`), so any loader can pass them
 * straight through: the case's Progress tab and the student's home both use it.
 */
import { Fragment, lazy, Suspense } from "react";
import { ScrollRegion } from "#app/components/scroll-region";
import { TableHead } from "#app/components/table-head";
import { formatDate } from "#app/domain/dates";
import { sentence } from "#app/domain/text";
import { describeProjection, describeReference, type TrajectoryChart as TrajectoryChartData } from "#app/domain/trajectory/chart-data";
import { useHydrated } from "#app/utils/use-hydrated";

/** The chart code (Recharts) is fetched only when a chart is drawn, after hydration. */
const TrajectoryChart = lazy(() => import("#app/components/charts/trajectory-chart").then((m) => ({ default: m.TrajectoryChart })));

const placeholderClass = "flex h-full items-center justify-center rounded-md border border-dashed border-slate-300 text-sm text-slate-600";

interface TrajectoryPanelProps {
  charts: readonly TrajectoryChartData[];
  /** Level of each chart's heading (default 3, under a section's h2). */
  headingLevel?: 2 | 3 | 4;
  /** Keeps element ids unique when the panel appears twice on a page. */
  idPrefix?: string;
  /** Shown when no practice exam is logged yet. */
  emptyMessage?: string;
  /** Show each chart's table open (print, where a closed one would be lost). */
  tablesOpen?: boolean;
}

export function TrajectoryPanel({ charts, headingLevel = 3, idPrefix = "trajectory", emptyMessage, tablesOpen }: TrajectoryPanelProps) {
  if (charts.length === 0) {
    return <p className="text-slate-700">{emptyMessage ?? "No practice exams logged yet. The chart appears with the first score."}</p>;
  }
  return (
    <div className="space-y-8">
      {charts.map((chart) => (
        <TrajectoryFigure
          key={chart.scaleFamily}
          chart={chart}
          headingLevel={headingLevel}
          idPrefix={`${idPrefix}-${chart.scaleFamily}`}
          tableOpen={tablesOpen}
        />
      ))}
    </div>
  );
}

function TrajectoryFigure({
  chart,
  headingLevel,
  idPrefix,
  tableOpen,
}: {
  chart: TrajectoryChartData;
  headingLevel: 2 | 3 | 4;
  idPrefix: string;
  tableOpen?: boolean;
}) {
  const hydrated = useHydrated();
  const Heading = `h${headingLevel}` as "h2" | "h3" | "h4";
  const headingId = `${idPrefix}-heading`;
  const summaryId = `${idPrefix}-summary`;
  const reference = chart.passingReference;
  return (
    <section aria-labelledby={headingId} className="space-y-3" data-scale-family={chart.scaleFamily}>
      <Heading id={headingId}>{chart.title}</Heading>
      <p id={summaryId} className="text-sm text-slate-800">
        {sentence(chart.summary)}
      </p>
      <div className="h-72 w-full" data-testid="trajectory-chart">
        {hydrated ? (
          <Suspense fallback={<p className={placeholderClass}>The chart is loading; the table below lists the same scores.</p>}>
            <TrajectoryChart chart={chart} descriptionId={summaryId} />
          </Suspense>
        ) : (
          <p className={placeholderClass}>The chart draws when the page has loaded; the table below lists the same scores.</p>
        )}
      </div>
      <details className="text-sm" open={tableOpen}>
        <summary className="cursor-pointer font-medium text-brand-700">Table of the scores in this chart</summary>
        <ScrollRegion className="mt-2">
          <table className="data-table">
            <caption className="mb-1 text-left text-slate-700">{chart.table.caption}</caption>
            <TableHead columns={chart.table.columns} />
            <tbody>
              {chart.table.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <time dateTime={row.takenOn}>{row.date}</time>
                  </td>
                  <td>{row.instrument}</td>
                  <td>{row.form || "—"}</td>
                  <td>{row.scoreLabel}</td>
                  <td>{row.likelyRangeLabel || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          {chart.series.map((s) => (
            <Fragment key={s.instrumentId}>
              <dt className="font-medium">{s.label}</dt>
              <dd>{sentence(describeProjection(s.projection, s.points, chart.scaleFamily))}</dd>
            </Fragment>
          ))}
          {reference ? (
            <>
              <dt className="font-medium">Passing reference</dt>
              <dd>
                {sentence(describeReference(reference, chart.scaleFamily))}
                {reference.kind === "PASSING_STANDARD"
                  ? ` The standard in force on ${formatDate(reference.onDate)} (since ${formatDate(reference.effectiveFrom)}).`
                  : reference.recordedOn
                    ? ` As printed on the report of ${formatDate(reference.recordedOn)}.`
                    : ""}
              </dd>
            </>
          ) : null}
          <dt className="font-medium">Exam date</dt>
          <dd>{chart.examDate ? formatDate(chart.examDate) : "Not set yet"}</dd>
          <dt className="font-medium">Milestones</dt>
          <dd>
            {chart.milestones.length === 0
              ? "None on this scale"
              : chart.milestones.map((m) => `${m.label} (${formatDate(m.dueOn)})`).join("; ")}
          </dd>
        </dl>
      </details>
    </section>
  );
}
