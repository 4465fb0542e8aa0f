import { Link } from "react-router";
import { requireRole } from "#app/auth/guards.server";
import { ScrollRegion } from "#app/components/scroll-region";
import { TableHead } from "#app/components/table-head";
import { formatDate } from "#app/domain/dates";
import { loadStudentRecordSummary } from "#app/domain/records/student-record.server";
import { examLabel } from "#app/domain/reference";
import { ATTEMPT_OUTCOME_LABELS } from "#app/domain/vocabulary";
import type { Route } from "./+types/record";

export async function loader(args: Route.LoaderArgs) {
  const { user } = requireRole(args, ["STUDENT"]);
  return loadStudentRecordSummary(user.id);
}

export function meta() {
  return [{ title: "Your record · Retake Desk" }];
}

export default function MyRecord({ loaderData }: Route.ComponentProps) {
  const { attempts, disclosures, findings, counts } = loaderData;
  return (
    <div className="max-w-3xl space-y-4">
      <h1>Your record</h1>
      <p className="text-slate-700">
        This is what Retake Desk holds about your retake. You can download all of it at any time. If something looks wrong, tell your tutor
        or your school's office: you have the right to ask for a correction.
      </p>
      <p>
        <a href="/me/record.json" className="btn-primary" download>
          Download your record (JSON)
        </a>
      </p>
      <section aria-labelledby="contents-heading" className="card">
        <h2 id="contents-heading">What the download holds</h2>
        <ul className="mt-2 list-disc pl-5 text-sm">
          <li>{attempts.length} exam attempts</li>
          <li>{counts.reports} score reports</li>
          <li>{counts.findings} findings shared with you</li>
          <li>{counts.notes} session notes shared with you</li>
          <li>{counts.planVersions} plan versions</li>
          <li>{counts.practiceExams} practice exams</li>
          <li>{counts.checkIns} weekly check-ins</li>
          <li>{counts.escalationOutcomes} outcomes of reviews by the office</li>
          <li>{disclosures.length} disclosures outside your school</li>
        </ul>
      </section>
      <section aria-labelledby="attempts-heading" className="card">
        <h2 id="attempts-heading">Exam attempts</h2>
        {attempts.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">None recorded.</p>
        ) : (
          <ul className="mt-2 text-sm">
            {attempts.map((a) => (
              <li key={`${a.exam}-${a.takenOn}`}>
                {examLabel(a.exam)}, {formatDate(a.takenOn)}: {ATTEMPT_OUTCOME_LABELS[a.outcome]}
                {a.score ? ` (${a.score})` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="findings-heading" className="card">
        <h2 id="findings-heading">What your tutor noted</h2>
        {findings.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">Nothing has been shared with you yet.</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {findings.map((f, i) => (
              // Findings have no order of their own here; the download lists them in the same order.
              // biome-ignore lint/suspicious/noArrayIndexKey: two findings may read alike
              <li key={i}>
                <span className="font-medium">{f.title}</span>
                <span className="block text-slate-700">{f.meaning}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="disclosures-heading" className="card">
        <h2 id="disclosures-heading">Disclosures outside your school</h2>
        <p className="hint">
          Every time your school shares your record with someone outside it (for example a residency program, with your consent), it is
          listed here.
        </p>
        {disclosures.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">Your record has not been shared outside your school.</p>
        ) : (
          <ScrollRegion className="mt-2">
            <table className="data-table">
              <TableHead columns={["Date", "Recipient", "Purpose", "Records", "Consent"]} />
              <tbody>
                {disclosures.map((d) => (
                  <tr key={`${d.disclosedOn}-${d.recipient}`}>
                    <td>{formatDate(d.disclosedOn)}</td>
                    <td>{d.recipient}</td>
                    <td>{d.purpose}</td>
                    <td>{d.records}</td>
                    <td>{d.consentReference ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
      <p className="text-sm">
        <Link to="/">Back to your home</Link>
      </p>
    </div>
  );
}
