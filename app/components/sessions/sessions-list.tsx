import { Form } from "react-router";
import { formatDate } from "#app/domain/dates";
import type { SessionRow } from "#app/domain/sessions/queries.server";
import { SESSION_ATTENDANCE_LABELS, SESSION_KIND_LABELS } from "#app/domain/sessions/schema";

/** The case's sessions, newest first: facts, and the summary and next steps where the viewer may read them. */
export function SessionsList({ sessions, canWork }: { sessions: readonly SessionRow[]; canWork: boolean }) {
  if (sessions.length === 0) return <p className="mt-2 text-sm text-slate-700">No sessions recorded or scheduled yet.</p>;
  return (
    <ul className="mt-2 divide-y divide-slate-200">
      {sessions.map((s) => (
        <li key={s.id} id={`session-${s.id}`} className="space-y-1 py-3 text-sm">
          <p>
            <span className="font-medium">
              {s.status === "SCHEDULED" ? "Scheduled: " : ""}
              {SESSION_KIND_LABELS[s.kind]} · {formatDate(s.sessionOn)}
              {s.startTime ? ` at ${s.startTime}` : ""}
            </span>
            {s.durationMinutes ? ` · ${s.durationMinutes} min` : ""}
            {s.attendance ? ` · ${SESSION_ATTENDANCE_LABELS[s.attendance]}` : ""}
            {s.authorName ? <span className="text-slate-600"> · {s.authorName}</span> : null}
          </p>
          {s.summary ? <p className="whitespace-pre-line text-slate-800">{s.summary}</p> : null}
          {!s.readable ? <p className="text-slate-600">The summary and next steps are private to who recorded it.</p> : null}
          {s.nextSteps.length ? (
            <ul className="ml-4 list-disc">
              {s.nextSteps.map((step) => (
                <li key={step.id}>
                  <span className={step.doneOn ? "line-through" : undefined}>{step.text}</span> — due {formatDate(step.dueOn)}
                  {step.doneOn ? ` (done ${formatDate(step.doneOn)})` : null}
                  {canWork ? (
                    <Form method="post" className="ml-2 inline">
                      <input type="hidden" name="intent" value="next-step-done" />
                      <input type="hidden" name="stepId" value={step.id} />
                      <input type="hidden" name="expectedVersion" value={step.version} />
                      <input type="hidden" name="done" value={step.doneOn ? "false" : "true"} />
                      <button type="submit" className="btn-secondary">
                        {step.doneOn ? "Open again" : "Mark done"}
                        <span className="sr-only">: {step.text}</span>
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
