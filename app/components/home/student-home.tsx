import { Link } from "react-router";
import { StatusBadge } from "#app/components/badges";
import { CheckInSection, StudentPlanSummary } from "#app/components/plans/student-plan";
import { formatDate } from "#app/domain/dates";
import type { StudentHomeData } from "#app/domain/home/student.server";
import { examLabel } from "#app/domain/reference";
import { SESSION_KIND_LABELS } from "#app/domain/sessions/schema";
import { SinceLastVisitPanel } from "./since-last-visit";

type HomeCase = StudentHomeData["cases"][number];

export function StudentHome({
  data,
  name,
  renderTrajectory,
}: {
  data: StudentHomeData;
  name: string;
  /**
   * The trajectory chart of a case (its practice-exam scores against passing),
   * rendered under the week when given. Left to the trajectory feature: this
   * component only reserves its place.
   */
  renderTrajectory?: (caseId: string) => React.ReactNode;
}) {
  const withPlans = data.cases.filter((c) => c.plan);
  const waiting = data.cases.filter((c) => c.open && !c.plan);
  return (
    <div className="space-y-6">
      <h1>Welcome, {name.split(" ")[0]}</h1>
      <SinceLastVisitPanel since={data.since} />

      {data.sessions.length ? (
        <section aria-labelledby="sessions-heading" className="card">
          <h2 id="sessions-heading">Sessions with your tutor</h2>
          <ul className="mt-2 divide-y divide-slate-200">
            {data.sessions.map((x) => (
              <li key={x.id} className="flex flex-wrap gap-x-3 py-2 text-sm">
                <span className="font-medium">
                  {formatDate(x.sessionOn)}
                  {x.startTime ? ` at ${x.startTime}` : ""}
                </span>
                <span>
                  {SESSION_KIND_LABELS[x.kind]}
                  {x.tutorName ? ` with ${x.tutorName}` : ""}
                  {x.durationMinutes ? ` · ${x.durationMinutes} min` : ""}
                </span>
                {x.thisWeek ? <span className="badge bg-sky-100 text-sky-900">This week</span> : null}
              </li>
            ))}
          </ul>
          <p className="hint">They are in your calendar file too, with your plan's milestones.</p>
        </section>
      ) : null}

      {withPlans.map((c) => (
        <PlanCard key={c.id} c={c} renderTrajectory={renderTrajectory} />
      ))}

      {waiting.map((c) => (
        <section key={c.id} aria-labelledby={`waiting-${c.id}`} className="card space-y-3">
          <h2 id={`waiting-${c.id}`}>Your {examLabel(c.exam)} plan</h2>
          <p className="text-slate-700">
            {c.tutor
              ? `${c.tutor.name} is preparing your plan from your score report. You will see this week's schedule here as soon as it is ready.`
              : "A tutor will be assigned to you soon; together you will build a plan from your score report."}
          </p>
          {c.checkIn ? <CheckInSection caseId={c.id} checkIn={c.checkIn} redirectTo="/" nested /> : null}
        </section>
      ))}

      <section aria-labelledby="cases-heading" className="card">
        <h2 id="cases-heading">Your retake</h2>
        {data.cases.length === 0 ? (
          <p className="mt-2 text-slate-700">
            You have no retake case. If you did not pass an exam, <Link to="/attempts/new">record the result</Link> and your school's office
            will help you plan what comes next.
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200">
            {data.cases.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-3 py-2">
                <Link to={`/cases/${c.id}`} className="font-medium">
                  {examLabel(c.exam)}
                </Link>
                <StatusBadge status={c.status} outcome={c.outcome} />
                {c.targetExamDate ? <span className="text-sm text-slate-600">Exam {formatDate(c.targetExamDate)}</span> : null}
                <span className="text-sm text-slate-600">{c.tutor ? `Tutor: ${c.tutor.name}` : "A tutor will be assigned soon"}</span>
                {c.plan ? (
                  <Link to={`/cases/${c.id}/plan`} className="text-sm">
                    Your {examLabel(c.exam)} plan
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function PlanCard({ c, renderTrajectory }: { c: HomeCase; renderTrajectory?: (caseId: string) => React.ReactNode }) {
  const view = c.plan;
  if (!view) return null;
  const label = examLabel(c.exam);
  return (
    <section aria-labelledby={`plan-${c.id}`} className="card space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`plan-${c.id}`}>Your {label} plan</h2>
        <Link to={`/cases/${c.id}/plan`} className="text-sm">
          The whole plan
        </Link>
      </div>
      <StudentPlanSummary caseId={c.id} view={view} examLabel={label} idPrefix={`plan-${c.id}`} />
      {/* Trajectory chart: provided by the trajectory feature through `renderTrajectory`. */}
      {renderTrajectory ? <div data-slot="trajectory">{renderTrajectory(c.id)}</div> : null}
      {c.checkIn ? <CheckInSection caseId={c.id} checkIn={c.checkIn} redirectTo="/" nested /> : null}
    </section>
  );
}
