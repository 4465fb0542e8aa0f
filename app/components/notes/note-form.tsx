import type { SubmissionResult } from "@conform-to/react";
import { Link, useNavigation } from "react-router";
import { VisibilityFieldset } from "#app/components/diagnostics/visibility";
import { ConformForm, InputField, TextareaMetaField } from "#app/components/forms";
import { useZodForm } from "#app/components/use-zod-form";
import { NOTE_BODY_MAX, noteSchema } from "#app/domain/notes/schema";
import type { Visibility } from "#app/domain/vocabulary";

interface NoteDefaults {
  id: string;
  version: number;
  sessionOn: string;
  body: string;
  visibility: Visibility;
}

/** Adding or editing a session note; works without JavaScript. */
export function NoteForm({
  today,
  note,
  lastResult,
  error,
  cancelHref,
}: {
  /** The server's today: sessions cannot be dated after it. */
  today: string;
  note?: NoteDefaults;
  lastResult: SubmissionResult<string[]> | null | undefined;
  error?: string | null;
  cancelHref?: string;
}) {
  const navigation = useNavigation();
  const schema = noteSchema(today);
  const id = note ? `note-${note.id}` : "note-new";
  const [form, fields] = useZodForm({
    id,
    schema,
    lastResult,
    defaultValue: note
      ? { sessionOn: note.sessionOn, body: note.body, visibility: note.visibility }
      : { sessionOn: today, visibility: "PRIVATE" },
  });
  return (
    <ConformForm form={form} intent={note ? "edit-note" : "add-note"} error={error} className="space-y-3">
      {note ? (
        <>
          <input type="hidden" name="noteId" value={note.id} />
          <input type="hidden" name="expectedVersion" value={note.version} />
        </>
      ) : null}
      <InputField label="Session date" className="max-w-xs" max={today} meta={fields.sessionOn} type="date" />
      <TextareaMetaField label="Note" maxLength={NOTE_BODY_MAX} meta={fields.body} />
      <VisibilityFieldset
        id={`${id}-visibility`}
        name={fields.visibility.name}
        defaultValue={(fields.visibility.value as string | undefined) ?? note?.visibility ?? "PRIVATE"}
        errors={fields.visibility.errors}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {note ? "Save the note" : "Add the note"}
        </button>
        {cancelHref ? <Link to={cancelHref}>Cancel</Link> : null}
      </div>
    </ConformForm>
  );
}
