import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import { z } from "zod";
import { NoteForm } from "../../../components/notes/note-form";
import { NotesList } from "../../../components/notes/notes-list";
import { today } from "../../../domain/dates";
import { createNote, deleteNote, updateNote } from "../../../domain/notes/mutations.server";
import { loadSessionNotes } from "../../../domain/notes/queries.server";
import { noteSchema } from "../../../domain/notes/schema";
import { forbidden, requireCaseAccess } from "../../../utils/auth.server";
import { redirectWithToast } from "../../../utils/toast.server";
import type { Route } from "./+types/notes";

export async function loader(args: Route.LoaderArgs) {
  const access = await requireCaseAccess(args, args.params.caseId);
  const viewer = { userId: access.user.id, relation: access.relation };
  const notes = await loadSessionNotes(access.caseRow.id, viewer);
  const edit = new URL(args.request.url).searchParams.get("edit");
  return {
    caseId: access.caseRow.id,
    relation: access.relation,
    closed: access.caseRow.status === "CLOSED",
    today: today(),
    notes,
    editing: notes.some((n) => n.id === edit && n.canEdit) ? edit : null,
  };
}

const refSchema = z.object({ noteId: z.string().min(1), expectedVersion: z.coerce.number().int().min(1) });

type ActionResult = { intent: string; noteId: string | null; result: SubmissionResult<string[]> | null; error: string | null };

const reply = (body: ActionResult, status: number) => data(body, { status });

export async function action(args: Route.ActionArgs) {
  const access = await requireCaseAccess(args, args.params.caseId);
  if (access.relation === "STUDENT") forbidden("Session notes are written by your tutor; you can read the ones shared with you.");
  const caseId = access.caseRow.id;
  const actor = { userId: access.user.id, relation: access.relation };
  const back = `/cases/${caseId}/notes`;
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (access.caseRow.status === "CLOSED") {
    return reply({ intent, noteId: null, result: null, error: "This case is closed: its session notes can no longer change." }, 409);
  }
  const schema = noteSchema(today());

  if (intent === "add-note") {
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return reply({ intent, noteId: null, result: submission.reply(), error: null }, 400);
    await createNote({ caseId, actorId: actor.userId, form: submission.value });
    return redirectWithToast(back, { title: "Session note added" });
  }

  if (intent === "edit-note" || intent === "delete-note") {
    const ref = refSchema.safeParse({ noteId: formData.get("noteId"), expectedVersion: formData.get("expectedVersion") });
    if (!ref.success) throw data({ message: "That request was not understood." }, { status: 400 });
    const { noteId, expectedVersion } = ref.data;
    const status = { CONFLICT: 409, NOT_FOUND: 404, REFUSED: 403 } as const;
    if (intent === "delete-note") {
      const result = await deleteNote({ caseId, noteId, actor, expectedVersion });
      if (!result.ok) return reply({ intent, noteId, result: null, error: result.message }, status[result.code]);
      return redirectWithToast(back, { title: "Session note removed" });
    }
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return reply({ intent, noteId, result: submission.reply(), error: null }, 400);
    const result = await updateNote({ caseId, noteId, actor, form: submission.value, expectedVersion });
    if (!result.ok) return reply({ intent, noteId, result: submission.reply(), error: result.message }, status[result.code]);
    return redirectWithToast(`${back}#note-${noteId}`, { title: result.changed ? "Session note saved" : "Nothing changed" });
  }

  throw data({ message: "That request was not understood." }, { status: 400 });
}

export default function Notes({ loaderData, actionData }: Route.ComponentProps) {
  const { caseId, relation, closed, notes, editing, today: serverToday } = loaderData;
  const base = `/cases/${caseId}/notes`;
  const result = actionData as ActionResult | undefined;
  const forIntent = (intent: string) => (result?.intent === intent ? result : null);
  const student = relation === "STUDENT";
  const editResult = forIntent("edit-note");
  const deleteResult = forIntent("delete-note");
  const rowError =
    (editResult?.error && editResult.noteId ? { noteId: editResult.noteId, message: editResult.error } : null) ??
    (deleteResult?.error && deleteResult.noteId ? { noteId: deleteResult.noteId, message: deleteResult.error } : null);
  const editingId = editing ?? (editResult?.noteId && notes.some((n) => n.id === editResult.noteId) ? editResult.noteId : null);
  const closedError = result && !result.result && result.error && !result.noteId ? result.error : null;

  return (
    <div className="space-y-4">
      {closedError ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {closedError}
        </p>
      ) : null}
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
            editResult={editResult?.result}
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
