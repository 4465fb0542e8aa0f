import { Link } from "react-router";
import { CaseloadTable } from "#app/components/caseload/caseload-table";
import { DEFAULT_CASELOAD_PARAMS } from "#app/domain/cases/caseload";
import type { CaseloadRow } from "#app/domain/cases/caseload.server";
import { EXAMS_SOON_DAYS, EXAMS_SOON_LINK, OVERDUE_ESCALATIONS_LINK } from "#app/domain/dashboard/links";
import { formatDate } from "#app/domain/dates";
import { HOME_MILESTONE_STATE_LABELS, type HomeMilestone } from "#app/domain/home/milestones";
import { SinceLastVisitPanel } from "./since-last-visit";

interface StaffHomeData {
  isOffice: boolean;
  nearest: { rows: CaseloadRow[]; total: number } | null;
  queueCount: number;
  milestones: HomeMilestone[];
  since: { lines: string[]; total: number };
  escalations: { open: number; overdue: number } | null;
  examsSoon: number;
  weekStart: string;
  weekEnd: string;
  nextSteps: Array<{ id: string; caseId: string; studentName: string; text: string; dueOn: string }>;
}

function Figure({ label, value, to, tone = "text-slate-900" }: { label: string; value: number; to: string; tone?: string }) {
  return (
    <Link to={to} className="card block no-underline hover:border-brand-600 hover:no-underline">
      <p className={`text-3xl font-semibold ${tone}`}>{value}</p>
      <p className="mt-1 text-sm text-slate-700">{label}</p>
    </Link>
  );
}

export function StaffHome({ data, name }: { data: StaffHomeData; name: string }) {
  return (
    <div className="space-y-6">
      <h1>Welcome, {name.split(" ")[0]}</h1>
      <SinceLastVisitPanel since={data.since} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Figure
          label="Waiting in the intake queue"
          value={data.queueCount}
          to="/queue"
          tone={data.queueCount ? "text-amber-800" : undefined}
        />
        {data.escalations ? (
          <>
            <Figure label="Open escalations" value={data.escalations.open} to="/office/escalations" />
            <Figure
              label="Overdue escalations"
              value={data.escalations.overdue}
              to={OVERDUE_ESCALATIONS_LINK}
              tone={data.escalations.overdue ? "text-red-800" : undefined}
            />
            <Figure label={`Exams in the next ${EXAMS_SOON_DAYS} days`} value={data.examsSoon} to={EXAMS_SOON_LINK} />
          </>
        ) : null}
        {data.nearest ? <Figure label="Your open cases" value={data.nearest.total} to="/cases" /> : null}
      </div>

      {data.nearest ? (
        <section aria-labelledby="week-heading" className="card">
          <h2 id="week-heading">
            This week's milestones ({formatDate(data.weekStart, false)} – {formatDate(data.weekEnd, false)})
          </h2>
          <p className="hint">Also earlier milestones still open: past their date with no practice exam logged.</p>
          {data.milestones.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">No practice-exam milestones this week, and none missed.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-200">
              {data.milestones.map((m) => (
                <li key={`${m.caseId}-${m.dueOn}-${m.label}`} className="flex flex-wrap gap-x-3 py-2 text-sm">
                  <span className="font-medium">{formatDate(m.dueOn, false)}</span>
                  <Link to={`/cases/${m.caseId}/progress`}>{m.studentName}</Link>
                  <span className="text-slate-700">{m.label}</span>
                  <span className={m.state === "MISSED" ? "badge bg-red-100 text-red-900" : "text-slate-700"}>
                    {HOME_MILESTONE_STATE_LABELS[m.state]}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {data.nearest ? (
        <section aria-labelledby="next-steps-heading" className="card">
          <h2 id="next-steps-heading">Next steps from your sessions</h2>
          {data.nextSteps.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">No open next steps. Record a session on a case's Session notes tab to add some.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-200">
              {data.nextSteps.map((n) => (
                <li key={n.id} className="flex flex-wrap gap-x-3 py-2 text-sm">
                  <span className="font-medium">Due {formatDate(n.dueOn, false)}</span>
                  <Link to={`/cases/${n.caseId}/notes`}>{n.studentName}</Link>
                  <span className="text-slate-700">{n.text}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {data.nearest ? (
        <section aria-labelledby="nearest-heading" className="card overflow-x-auto">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="nearest-heading">Your students, nearest exam first</h2>
            <Link to="/cases">The whole caseload</Link>
          </div>
          {data.nearest.rows.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">
              No cases yet. Take one on from the <Link to="/queue">intake queue</Link>.
            </p>
          ) : (
            <div className="mt-3">
              <CaseloadTable rows={data.nearest.rows} params={{ ...DEFAULT_CASELOAD_PARAMS, size: 10 }} hidden={["tutor", "escalations"]} />
            </div>
          )}
        </section>
      ) : null}

      {data.isOffice ? (
        <p className="flex flex-wrap gap-2">
          <Link to="/office" className="btn-primary">
            Open the office dashboard
          </Link>
          <Link to="/cases" className="btn-secondary">
            Open the school's caseload
          </Link>
        </p>
      ) : null}
    </div>
  );
}
