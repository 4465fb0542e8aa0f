import { Link } from "react-router";
import { requireOffice } from "#app/auth/guards.server";
import { OUTCOME_STYLES, SINGLE_SERIES_COLOR, STATUS_STYLES } from "#app/components/charts/palette";
import { BarChartPanel } from "#app/components/dashboard/bar-chart-panel";
import { gainPanelsByFamily, monthLabel, SMALL_GROUP } from "#app/domain/dashboard/chart-data";
import { EXAMS_SOON_DAYS, EXAMS_SOON_LINK, OVERDUE_ESCALATIONS_LINK } from "#app/domain/dashboard/links";
import { loadDashboard } from "#app/domain/dashboard/queries.server";
import { today } from "#app/domain/dates";
import { type ExamId, examLabel } from "#app/domain/reference";
import { CASE_OUTCOME_LABELS, CASE_OUTCOMES, CASE_STATUS_LABELS, CASE_STATUSES } from "#app/domain/vocabulary";
import type { Route } from "./+types/dashboard";

export async function loader(args: Route.LoaderArgs) {
  const { schoolIds } = requireOffice(args);
  return { dashboard: await loadDashboard(schoolIds, today()) };
}

export function meta() {
  return [{ title: "Office dashboard · Retake Desk" }];
}

function Figure({ label, value, to, detail }: { label: string; value: number | string; to: string; detail?: string }) {
  return (
    <Link to={to} className="card block no-underline hover:border-brand-600 hover:no-underline">
      <p className="text-3xl font-semibold text-slate-900">{value}</p>
      <p className="mt-1 text-sm text-slate-800">{label}</p>
      {detail ? <p className="text-xs text-slate-600">{detail}</p> : null}
    </Link>
  );
}

const small = (students: number) => (students < SMALL_GROUP ? ` (only ${students}: read with care)` : "");

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const d = loaderData.dashboard;
  const f = d.figures;
  const open = CASE_STATUSES.filter((s) => s !== "CLOSED");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1>Office dashboard</h1>
        <p className="text-sm">
          <Link to="/cases">All cases</Link> · <Link to="/office/escalations">Escalations</Link> · <Link to="/office/import">Import</Link>
        </p>
      </div>

      <section aria-labelledby="status-heading">
        <h2 id="status-heading" className="mb-2">
          Open cases by status
        </h2>
        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {open.map((s) => (
            <Figure key={s} label={CASE_STATUS_LABELS[s]} value={f.statusCounts[s] ?? 0} to={`/cases?status=${s}`} />
          ))}
        </div>
      </section>

      <section aria-labelledby="attention-heading">
        <h2 id="attention-heading" className="mb-2">
          Needs attention
        </h2>
        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
          <Figure label="Open escalations" value={f.openEscalations} to="/office/escalations" />
          <Figure label="Overdue escalations" value={f.overdueEscalations} to={OVERDUE_ESCALATIONS_LINK} />
          <Figure label="At-risk students (high or critical)" value={f.atRisk} to="/cases?risk=HIGH&risk=CRITICAL&sort=risk&dir=desc" />
          <Figure
            label="Readiness gate met"
            value={f.readinessMet}
            detail={`of ${f.readinessApplicable} cases the gate applies to`}
            to="/cases?sort=readiness&dir=desc"
          />
          <Figure label={`Exams in the next ${EXAMS_SOON_DAYS} days`} value={f.examsSoon} to={EXAMS_SOON_LINK} />
        </div>
      </section>

      <div className="grid gap-4 xl:grid-cols-2">
        <BarChartPanel
          id="outcomes"
          title="Outcomes per month"
          description={`Cases closed in each of the last ${d.outcomes.length} months, by outcome.`}
          data={d.outcomes.map((o) => ({ ...o, label: monthLabel(o.month) }))}
          xKey="label"
          stacked
          series={CASE_OUTCOMES.map((o) => ({ key: o, label: CASE_OUTCOME_LABELS[o], ...OUTCOME_STYLES[o] }))}
          table={{
            caption: "Closed cases per month",
            columns: ["Month", ...CASE_OUTCOMES.map((o) => CASE_OUTCOME_LABELS[o])],
            rows: d.outcomes.map((o) => [monthLabel(o.month), ...CASE_OUTCOMES.map((c) => o[c])]),
          }}
        />
        <BarChartPanel
          id="pass-rate"
          title="Next-attempt pass rate"
          description={
            d.nextAttempt.rate === null
              ? "No retake results yet."
              : `${d.nextAttempt.rate}% of ${d.nextAttempt.total} attempts after an earlier attempt at the same exam passed (incomplete attempts left out).`
          }
          data={d.nextAttempt.byExam.map((r) => ({ exam: examLabel(r.exam as ExamId), rate: r.rate }))}
          xKey="exam"
          unit="%"
          series={[{ key: "rate", label: "Pass rate", color: SINGLE_SERIES_COLOR }]}
          table={{
            caption: "Retake attempts and how many passed, per exam",
            columns: ["Exam", "Attempts", "Passed", "Pass rate"],
            rows: d.nextAttempt.byExam.map((r) => [examLabel(r.exam as ExamId), r.total, r.passed, r.rate === null ? "—" : `${r.rate}%`]),
          }}
        />
        {d.gainByTemplate.length === 0 && d.gainByTutor.length === 0 ? (
          <section aria-labelledby="gain-heading" className="card">
            <h2 id="gain-heading">Median practice-score gain per week</h2>
            <p className="mt-2 text-sm text-slate-700">No practice-score trends yet: each scale gets its own chart once there are some.</p>
          </section>
        ) : null}
        {gainPanelsByFamily(d.gainByTemplate).map((panel) => (
          <BarChartPanel
            key={`gain-template-${panel.family}`}
            id={`gain-template-${panel.family.toLowerCase()}`}
            title={`Median practice-score gain per week, by plan template: ${panel.label.toLowerCase()}`}
            description={`The median weekly slope of each student's latest practice-exam series on this scale, by the template their plan started from, in ${panel.unit}. Each scale has its own chart: gains on different scales are not comparable.`}
            data={panel.rows.map((g) => ({ group: g.group, median: g.median }))}
            xKey="group"
            yLabel={panel.unit}
            series={[{ key: "median", label: `Median ${panel.unit}`, color: SINGLE_SERIES_COLOR }]}
            table={{
              caption: `Median weekly gain by plan template (${panel.label.toLowerCase()}), with the number of students behind each figure`,
              columns: ["Plan template", "Scale", "Median per week", "Students"],
              rows: panel.rows.map((g) => [g.group, g.familyLabel, g.median, `${g.students}${small(g.students)}`]),
            }}
          />
        ))}
        {gainPanelsByFamily(d.gainByTutor).map((panel) => (
          <BarChartPanel
            key={`gain-tutor-${panel.family}`}
            id={`gain-tutor-${panel.family.toLowerCase()}`}
            title={`Median practice-score gain per week, by tutor: ${panel.label.toLowerCase()}`}
            description={`The same figure by the case's current tutor, in ${panel.unit}. Small groups say little about a tutor.`}
            data={panel.rows.map((g) => ({ group: g.group, median: g.median }))}
            xKey="group"
            yLabel={panel.unit}
            series={[{ key: "median", label: `Median ${panel.unit}`, color: "#CC79A7" }]}
            table={{
              caption: `Median weekly gain by tutor (${panel.label.toLowerCase()}), with the number of students behind each figure`,
              columns: ["Tutor", "Scale", "Median per week", "Students"],
              rows: panel.rows.map((g) => [g.group, g.familyLabel, g.median, `${g.students}${small(g.students)}`]),
            }}
          />
        ))}
        <BarChartPanel
          id="workload"
          title="Tutor workload"
          description="Open cases per tutor, by status."
          data={d.workload.map((w) => ({ tutor: w.name, ...Object.fromEntries(open.map((s) => [s, w.byStatus[s] ?? 0])) }))}
          xKey="tutor"
          stacked
          series={open.map((s) => ({ key: s, label: CASE_STATUS_LABELS[s], ...STATUS_STYLES[s] }))}
          table={{
            caption: "Open cases per tutor",
            columns: ["Tutor", ...open.map((s) => CASE_STATUS_LABELS[s]), "Total"],
            rows: d.workload.map((w) => [w.name, ...open.map((s) => w.byStatus[s] ?? 0), w.total]),
          }}
        />
      </div>
    </div>
  );
}
