/**
 * /cases/:caseId/plan/print — the whole plan on paper: clean typography, no
 * navigation when printed (the app's header and footer are hidden with print:
 * variants from this page), tables that do not split mid-row.
 */
import { Link } from "react-router";
import { caseAccess } from "#app/auth/guards.server";
import { PlanDetails } from "#app/components/plans/plan-details";
import { loadCaseHeaderPeople } from "#app/domain/cases/header.server";
import { formatDate, formatDay, today } from "#app/domain/dates";
import { loadPlan } from "#app/domain/plans/queries.server";
import { examLabel } from "#app/domain/reference";
import type { Route } from "./+types/plan-print";

export async function loader(args: Route.LoaderArgs) {
  const access = await caseAccess(args);
  const caseId = access.caseRow.id;
  const viewer = { userId: access.user.id, relation: access.relation };
  // The names are not among the case's access facts; the exam is.
  const [row, plan] = await Promise.all([loadCaseHeaderPeople(caseId), loadPlan(caseId, viewer)]);
  return {
    caseId,
    relation: access.relation,
    studentName: row.student.user.name,
    tutorName: row.tutor?.name ?? null,
    examLabel: examLabel(access.caseRow.exam),
    printedOn: today(),
    plan: plan
      ? {
          number: plan.current.number,
          data: plan.current.data,
          createdAt: plan.current.createdAt,
          reason: plan.current.reason,
        }
      : null,
  };
}

export function meta({ loaderData }: Route.MetaArgs) {
  if (!loaderData) return [{ title: "Plan · Retake Desk" }];
  return [{ title: `Retake plan · ${loaderData.studentName} · ${loaderData.examLabel} · Retake Desk` }];
}

/**
 * Hides the app shell's header and footer when this page is printed:
 * `body:has(this page) header` and so on, only under @media print.
 */
const PRINT_HIDES_SHELL = "print:[body:has(&)_header]:hidden print:[body:has(&)_footer]:hidden print:[body:has(&)_main]:p-0";

export default function PlanPrint({ loaderData: d }: Route.ComponentProps) {
  return (
    <article
      className={`mx-auto max-w-4xl space-y-6 font-serif text-[15px] leading-relaxed print:max-w-none print:text-[11pt] ${PRINT_HIDES_SHELL}`}
    >
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <Link to={`/cases/${d.caseId}/plan`}>Back to the plan</Link>
        <PrintButton />
      </div>
      <div className="border-b border-slate-300 pb-3">
        <p className="font-sans text-sm text-slate-600">Retake Desk · retake plan</p>
        <h1 className="font-serif">
          {d.studentName} · {d.examLabel}
        </h1>
        {d.plan ? (
          <p className="mt-1 font-sans text-sm text-slate-700">
            Version {d.plan.number}, saved {formatDay(d.plan.createdAt)}
            {d.tutorName ? ` · Tutor: ${d.tutorName}` : ""} · Printed {formatDate(d.printedOn)}
          </p>
        ) : null}
        {d.plan?.reason ? <p className="mt-1 font-sans text-sm">Latest change: {d.plan.reason}</p> : null}
      </div>
      {d.plan ? (
        <div className="font-sans">
          <PlanDetails data={d.plan.data} headingLevel="h2" idPrefix="print" showMeasureFindings={d.relation !== "STUDENT"} />
        </div>
      ) : (
        <p className="font-sans">No plan has been assigned yet.</p>
      )}
    </article>
  );
}

/** Printing needs JavaScript; without it the browser's own Print command does the same. */
function PrintButton() {
  return (
    <>
      <button type="button" className="btn-primary" onClick={() => window.print()}>
        Print this plan
      </button>
      <span className="text-sm text-slate-600">or use your browser's Print command.</span>
    </>
  );
}
