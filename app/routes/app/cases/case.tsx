import { NavLink, Outlet } from "react-router";
import { caseAccess, caseAccessMiddleware } from "#app/auth/guards.server";
import { StatusBadge } from "#app/components/badges";
import { ErrorMessage } from "#app/components/error-page";
import { loadCaseHeaderPeople } from "#app/domain/cases/header.server";
import { daysBetween, formatDate, today } from "#app/domain/dates";
import { examLabel } from "#app/domain/reference";
import type { Route } from "./+types/case";

/** The case is checked once per request, before the layout and its tabs load (ADR 0015). */
export const middleware: Route.MiddlewareFunction[] = [caseAccessMiddleware];

export async function loader(args: Route.LoaderArgs) {
  const access = await caseAccess(args);
  // The access check already read the case's exam, status and date; only the names and the outcome are left.
  const { id, exam, status, targetExamDate } = access.caseRow;
  const header = { id, exam, status, targetExamDate, ...(await loadCaseHeaderPeople(id)) };
  const daysLeft = header.targetExamDate ? daysBetween(today(), header.targetExamDate) : null;
  return { header, daysLeft, relation: access.relation };
}

export function meta({ loaderData }: Route.MetaArgs) {
  if (!loaderData) return [{ title: "Case · Retake Desk" }];
  return [{ title: `${loaderData.header.student.user.name} · ${examLabel(loaderData.header.exam)} · Retake Desk` }];
}

export default function CaseLayout({ loaderData }: Route.ComponentProps) {
  const { header, daysLeft, relation } = loaderData;
  const tabs = [
    { to: ".", label: "Overview", end: true },
    { to: "diagnostics", label: "Diagnostics", end: false },
    { to: "plan", label: "Plan", end: false },
    { to: "progress", label: "Progress", end: false },
    { to: "notes", label: "Session notes", end: false },
    { to: "escalations", label: "Escalations", end: false },
    { to: "decision", label: relation === "STUDENT" ? "Exam date" : "Sit or postpone?", end: false },
  ].filter((tab) => relation !== "STUDENT" || tab.to !== "escalations");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">{relation === "STUDENT" ? "Your retake" : header.student.user.email}</p>
          <h1>{relation === "STUDENT" ? examLabel(header.exam) : `${header.student.user.name} · ${examLabel(header.exam)}`}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-700">
            <StatusBadge status={header.status} outcome={header.outcome} />
            <span>{header.tutor ? `Tutor: ${header.tutor.name}` : "No tutor yet"}</span>
            <span>
              {header.targetExamDate
                ? `Exam ${formatDate(header.targetExamDate)}${daysLeft !== null && daysLeft >= 0 ? ` · ${daysLeft} days left` : ""}`
                : "No exam date set"}
            </span>
          </p>
        </div>
      </div>
      <nav aria-label="Case sections" className="border-b border-slate-300">
        <ul className="flex flex-wrap gap-1">
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink
                to={tab.to}
                end={tab.end}
                className={({ isActive }) =>
                  `inline-block border-b-2 px-3 py-2 text-sm font-medium no-underline hover:no-underline ${
                    isActive ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:border-slate-400"
                  }`
                }
              >
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

/** A tab's refusal shows under the app's navigation; a refusal of the case itself replaces the case's header. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return (
    <div className="max-w-xl">
      <ErrorMessage error={error} />
    </div>
  );
}
