import { parseWithZod } from "@conform-to/zod/v4";
import { notUnderstood, reply } from "#app/actions/reply";
import { rowActionState, rowRef } from "#app/actions/row-actions";
import { caseAccess, forbidden } from "#app/auth/guards.server";
import { ClosedCaseError } from "#app/components/closed-case-error";
import { NoteForm } from "#app/components/notes/note-form";
import { NotesList } from "#app/components/notes/notes-list";
import { RecordSessionForm, ScheduleSessionForm } from "#app/components/sessions/session-forms";
import { SessionsList } from "#app/components/sessions/sessions-list";
import { today } from "#app/domain/dates";
import { createNote, deleteNote, updateNote } from "#app/domain/notes/mutations.server";
import { loadSessionNotes } from "#app/domain/notes/queries.server";
import { noteSchema } from "#app/domain/notes/schema";
import { recordSession, scheduleSession, setNextStepDone } from "#app/domain/sessions/mutations.server";
import { loadSessions } from "#app/domain/sessions/queries.server";
import { scheduleSchema, sessionSchema } from "#app/domain/sessions/schema";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/notes";

export async function loader(args: Route.LoaderArgs) {
  const access = await caseAccess(args);
  const viewer = { userId: access.user.id, relation: access.relation };
  const [notes, sessions] = await Promise.all([loadSessionNotes(access.caseRow.id, viewer), loadSessions(access.caseRow.id, viewer)]);
  const edit = new URL(args.request.url).searchParams.get("edit");
  return {
    caseId: access.caseRow.id,
    relation: access.relation,
    closed: access.caseRow.status === "CLOSED",
    today: today(),
    notes,
    sessions,
    editing: notes.some((n) => n.id === edit && n.canEdit) ? edit : null,
  };
}

export async function action(args: Route.ActionArgs) {
  const access = await caseAccess(args);
  if (access.relation === "STUDENT") forbidden("Session notes are written by your tutor; you can read the ones shared with you.");
  const { id: caseId, schoolId } = access.caseRow;
  const actor = { userId: access.user.id, relation: access.relation };
  const back = `/cases/${caseId}/notes`;
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  const schema = noteSchema(today());

  if (intent === "add-note") {
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return reply({ intent, submission });
    const result = await createNote({ caseId, schoolId, actorId: actor.userId, form: submission.value });
    if (!result.ok) return reply({ intent, submission }, result);
    return redirectWithToast(back, { title: "Session note added" });
  }

  if (intent === "edit-note" || intent === "delete-note") {
    const { rowId: noteId, expectedVersion } = rowRef(formData, "noteId");
    if (intent === "delete-note") {
      const result = await deleteNote({ caseId, schoolId, noteId, actor, expectedVersion });
      if (!result.ok) return reply({ intent, rowId: noteId }, result);
      return redirectWithToast(back, { title: "Session note removed" });
    }
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return reply({ intent, rowId: noteId, submission });
    const result = await updateNote({ caseId, schoolId, noteId, actor, form: submission.value, expectedVersion });
    if (!result.ok) return reply({ intent, rowId: noteId, submission }, result);
    return redirectWithToast(`${back}#note-${noteId}`, { title: result.changed ? "Session note saved" : "Nothing changed" });
  }

  if (intent === "record-session") {
    const submission = parseWithZod(formData, { schema: sessionSchema(today()) });
    if (submission.status !== "success") return reply({ intent, submission });
    const result = await recordSession({ caseId, schoolId, actorId: actor.userId, form: submission.value });
    if (!result.ok) return reply({ intent, submission }, result);
    return redirectWithToast(`${back}#session-${result.sessionId}`, { title: "Session recorded" });
  }

  if (intent === "schedule-session") {
    const submission = parseWithZod(formData, { schema: scheduleSchema(today()) });
    if (submission.status !== "success") return reply({ intent, submission });
    const result = await scheduleSession({ caseId, schoolId, actorId: actor.userId, form: submission.value });
    if (!result.ok) return reply({ intent, submission }, result);
    return redirectWithToast(`${back}#session-${result.sessionId}`, {
      title: "Session scheduled: the student sees it in their week and calendar",
    });
  }

  if (intent === "next-step-done") {
    const { rowId: stepId, expectedVersion } = rowRef(formData, "stepId");
    const result = await setNextStepDone({ caseId, schoolId, stepId, actor, done: formData.get("done") === "true", expectedVersion });
    if (!result.ok) return reply({ intent, rowId: stepId }, result);
    return redirectWithToast(back, { title: "Next step updated" });
  }

  notUnderstood();
}

export default function Notes({ loaderData, actionData }: Route.ComponentProps) {
  const { caseId, relation, closed, notes, sessions, editing, today: serverToday } = loaderData;
  const base = `/cases/${caseId}/notes`;
  const student = relation === "STUDENT";
  const { forIntent, editResult, rowError, editingId, pageError } = rowActionState(
    actionData,
    { edit: "edit-note", remove: "delete-note" },
    notes,
    editing,
  );
  return (
    <div className="space-y-4">
      <ClosedCaseError closed={closed} error={pageError} />
      {!student && !closed ? (
        <section aria-labelledby="add-note-heading" className="card">
          <h2 id="add-note-heading">Add a session note</h2>
          <p className="hint">Adding a note records the contact on the caseload's “days since contact”.</p>
          <div className="mt-3">
            <NoteForm
              key={notes.map((n) => `${n.id}:${n.version}`).join(",")}
              today={serverToday}
              lastResult={forIntent("add-note")?.result}
              error={forIntent("add-note")?.error}
            />
          </div>
        </section>
      ) : null}
      {!student && !closed ? (
        <section aria-labelledby="record-session-heading" className="card">
          <h2 id="record-session-heading">Record a session</h2>
          <p className="hint">A meeting, call or message moves “days since contact”; two no-shows in a row raise a risk flag.</p>
          <div className="mt-3">
            <RecordSessionForm
              key={sessions.map((x) => x.id).join(",")}
              today={serverToday}
              lastResult={forIntent("record-session")?.result}
              error={forIntent("record-session")?.error}
            />
          </div>
          <h3 className="mt-6">Schedule the next session</h3>
          <div className="mt-2">
            <ScheduleSessionForm
              key={`schedule-${sessions.length}`}
              today={serverToday}
              lastResult={forIntent("schedule-session")?.result}
              error={forIntent("schedule-session")?.error}
            />
          </div>
        </section>
      ) : null}
      <section aria-labelledby="sessions-heading" className="card">
        <h2 id="sessions-heading">{student ? "Your sessions" : "Sessions"}</h2>
        {forIntent("next-step-done")?.error ? (
          <p role="alert" className="mt-2 text-sm text-red-900">
            {forIntent("next-step-done")?.error}
          </p>
        ) : null}
        <SessionsList sessions={sessions} canWork={!student && !closed} />
      </section>
      <section aria-labelledby="notes-heading" className="card">
        <h2 id="notes-heading">{student ? "Notes your tutor shared with you" : "Session notes"}</h2>
        {notes.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">
            {student
              ? "Nothing shared yet. After a session, the notes your tutor shares with you appear here."
              : "No session notes you can read yet."}
          </p>
        ) : (
          <NotesList
            notes={notes}
            editing={closed ? null : editingId}
            editResult={editResult}
            rowError={rowError}
            today={serverToday}
            baseHref={base}
            showVisibility={!student}
          />
        )}
      </section>
    </div>
  );
}
