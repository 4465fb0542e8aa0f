import { Link } from "react-router";
import type { CaseOutcome, CaseStatus } from "../../domain/vocabulary";
import { formatDate } from "../../domain/dates";
import { examLabel, type ExamId } from "../../domain/reference";
import { StatusBadge } from "../badges";
import { SinceLastVisitPanel } from "./since-last-visit";

interface StudentHomeData {
  cases: Array<{
    id: string;
    exam: ExamId;
    status: CaseStatus;
    outcome: CaseOutcome | null;
    targetExamDate: string | null;
    tutor: { name: string } | null;
  }>;
  since: { lines: string[]; total: number };
}

export function StudentHome({ data, name }: { data: StudentHomeData; name: string }) {
  return (
    <div className="space-y-6">
      <h1>Welcome, {name.split(" ")[0]}</h1>
      <SinceLastVisitPanel since={data.since} />
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
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
