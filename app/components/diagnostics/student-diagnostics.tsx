import { formatDate } from "#app/domain/dates";
import type { StudentFinding } from "#app/domain/diagnostics/queries.server";
import type { StudentAreaGroup } from "#app/domain/diagnostics/summary";

const groupTone: Record<StudentAreaGroup["key"], string> = {
  FOCUS: "border-sky-300 bg-sky-50",
  STEADY: "border-slate-300 bg-slate-50",
  STRENGTH: "border-emerald-300 bg-emerald-50",
};

/**
 * The student's Diagnostics tab: what the results show in their words, their
 * report's areas in plain words, and the findings shared with them, each with
 * what the plan does about it. Nothing here can be edited.
 */
export function StudentDiagnostics({
  characterSummary,
  report,
  findings,
}: {
  characterSummary: string;
  report: { takenOn: string; intro: string; groups: StudentAreaGroup[] } | null;
  findings: StudentFinding[];
}) {
  return (
    <div className="space-y-4">
      <section aria-labelledby="student-summary-heading" className="card">
        <h2 id="student-summary-heading">What your results show</h2>
        <p className="mt-2">{characterSummary}</p>
      </section>

      <section aria-labelledby="student-report-heading" className="card">
        <h2 id="student-report-heading">Your score report</h2>
        {report ? (
          <>
            <p className="mt-2 text-sm text-slate-700">
              From your exam on {formatDate(report.takenOn)}. {report.intro}
            </p>
            <div className="mt-3 grid gap-3 md:grid-cols-3">
              {report.groups.map((g) => (
                <section key={g.key} aria-labelledby={`group-${g.key}`} className={`rounded-md border p-3 ${groupTone[g.key]}`}>
                  <h3 id={`group-${g.key}`}>{g.title}</h3>
                  <p className="mt-1 text-sm">{g.text}</p>
                  <ul className="mt-2 list-disc pl-5 text-sm">
                    {g.areas.map((a) => (
                      <li key={a}>{a}</li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          </>
        ) : (
          <p className="mt-2 text-sm text-slate-700">
            Your tutor has not entered your score report yet. Once they have, you will see here which subjects your plan starts with.
          </p>
        )}
      </section>

      <section aria-labelledby="student-findings-heading" className="card">
        <h2 id="student-findings-heading">What you and your tutor found</h2>
        {findings.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">
            Nothing shared with you yet. After your first sessions, your tutor shares here what they found and what your plan does about it.
          </p>
        ) : (
          <ul className="mt-3 space-y-3">
            {findings.map((f) => (
              <li key={f.id} className="rounded-md border border-slate-200 p-3">
                <article aria-labelledby={`student-finding-${f.id}`}>
                  <h3 id={`student-finding-${f.id}`}>{f.title}</h3>
                  <p className="mt-1 text-sm">{f.meaning}</p>
                  <p className="mt-1 text-sm">
                    <span className="font-medium">What your plan does: </span>
                    {f.plan}
                  </p>
                  {f.evidence ? (
                    <p className="mt-1 text-sm text-slate-700">
                      <span className="font-medium">Your tutor's note: </span>
                      <span className="whitespace-pre-line">{f.evidence}</span>
                    </p>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
