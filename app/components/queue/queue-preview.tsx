import { Form, Link } from "react-router";
import { AttemptResultCells, AttemptResultHeaders } from "#app/components/attempt-cells";
import { ScrollRegion } from "#app/components/scroll-region";
import type { QueuePreview } from "#app/domain/cases/queue.server";
import { formatDate } from "#app/domain/dates";
import { examLabel } from "#app/domain/reference";
import { plural } from "#app/domain/text";

/**
 * A read-only look at a case in the intake queue before taking it on: who,
 * which exam, the attempt history and what is left. The "Take on" button posts
 * to the queue, where the first tutor wins.
 */
export function QueuePreviewCard({ preview, canTake }: { preview: Omit<QueuePreview, "studentUserId">; canTake: boolean }) {
  const waiting = preview.open && preview.tutorId === null;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link to="/queue">Back to the intake queue</Link>
      </p>
      <div>
        <h1>
          {preview.studentName} · {examLabel(preview.exam)}
        </h1>
        <p className="text-sm text-slate-700">
          Preview: read only. {waiting ? `Waiting ${plural(preview.waitingDays, "day")} since the failure.` : null}
        </p>
      </div>
      {!waiting ? (
        <p role="status" className="card text-slate-800">
          {preview.open
            ? `${preview.tutorName ?? "Another tutor"} has already taken on this case.`
            : "This case is closed: it is no longer in the intake queue."}
        </p>
      ) : null}
      <section aria-labelledby="preview-facts-heading" className="card">
        <h2 id="preview-facts-heading">The case</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          <dt className="text-slate-600">Failed on</dt>
          <dd>{preview.failedOn ? formatDate(preview.failedOn) : "Not recorded"}</dd>
          <dt className="text-slate-600">Attempts used / left</dt>
          <dd>
            {preview.attemptsUsed} / {preview.attemptsLeft}
          </dd>
          <dt className="text-slate-600">Score report</dt>
          <dd>{preview.hasScoreReport ? "Entered" : "Not entered yet"}</dd>
          <dt className="text-slate-600">International graduate</dt>
          <dd>{preview.internationalGraduate ? "Yes" : "No"}</dd>
          <dt className="text-slate-600">Escalated to the office</dt>
          <dd>{preview.openEscalations > 0 ? plural(preview.openEscalations, "open escalation") : "No"}</dd>
          <dt className="text-slate-600">School</dt>
          <dd>{preview.schoolName}</dd>
        </dl>
      </section>
      <section aria-labelledby="preview-attempts-heading" className="card">
        <h2 id="preview-attempts-heading">Attempt history</h2>
        <ScrollRegion className="mt-2" labelledBy="preview-attempts-heading">
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left">
                <th scope="col">Exam</th>
                <AttemptResultHeaders />
              </tr>
            </thead>
            <tbody>
              {preview.attempts.map((a) => (
                <tr key={`${a.exam}-${a.takenOn}`}>
                  <td>{examLabel(a.exam)}</td>
                  <AttemptResultCells attempt={a} />
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
      {waiting && canTake ? (
        <Form method="post" action="/queue?index">
          <input type="hidden" name="intent" value="take" />
          <input type="hidden" name="caseId" value={preview.id} />
          <button type="submit" className="btn-primary">
            Take on<span className="sr-only"> {preview.studentName}</span>
          </button>
        </Form>
      ) : null}
    </div>
  );
}
