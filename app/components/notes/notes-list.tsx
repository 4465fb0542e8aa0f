import type { SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "react-router";
import { formatDate } from "../../domain/dates";
import type { Visibility } from "../../domain/vocabulary";
import { VisibilityBadge } from "../diagnostics/visibility";
import { FormErrors } from "../forms";
import { NoteForm } from "./note-form";

export interface NoteItem {
  id: string;
  sessionOn: string;
  body: string;
  visibility: Visibility;
  version: number;
  authorName: string | null;
  mine: boolean;
  canEdit: boolean;
  canDelete: boolean;
}

/** Session notes, newest first; the author edits in place (a link), the author or the office removes. */
export function NotesList({
  notes,
  editing,
  editResult,
  rowError,
  today,
  baseHref,
  showVisibility = true,
}: {
  notes: NoteItem[];
  editing: string | null;
  editResult: SubmissionResult<string[]> | null | undefined;
  rowError: { noteId: string; message: string } | null;
  today: string;
  baseHref: string;
  showVisibility?: boolean;
}) {
  const navigation = useNavigation();
  return (
    <ul className="mt-3 space-y-3">
      {notes.map((n) => (
        <li key={n.id} id={`note-${n.id}`} className="rounded-md border border-slate-200 p-3">
          {editing === n.id && n.canEdit ? (
            <>
              <h3 className="mb-2">Edit the note of {formatDate(n.sessionOn)}</h3>
              <NoteForm
                today={today}
                note={n}
                lastResult={editResult}
                error={rowError?.noteId === n.id ? rowError.message : null}
                cancelHref={baseHref}
              />
            </>
          ) : (
            <article aria-labelledby={`note-${n.id}-title`}>
              <div className="flex flex-wrap items-center gap-2">
                <h3 id={`note-${n.id}-title`}>Session of {formatDate(n.sessionOn)}</h3>
                {showVisibility ? <VisibilityBadge visibility={n.visibility} /> : null}
              </div>
              <p className="mt-1 text-sm whitespace-pre-line">{n.body}</p>
              <p className="mt-1 text-xs text-slate-600">{n.mine ? "You" : (n.authorName ?? "Former staff member")}</p>
              {rowError?.noteId === n.id ? (
                <div className="mt-2">
                  <FormErrors errors={[rowError.message]} />
                </div>
              ) : null}
              {n.canEdit || n.canDelete ? (
                <div className="mt-2 flex flex-wrap items-center gap-3">
                  {n.canEdit ? (
                    <Link to={`${baseHref}?edit=${n.id}#note-${n.id}`} aria-label={`Edit the note of ${formatDate(n.sessionOn)}`}>
                      Edit
                    </Link>
                  ) : null}
                  {n.canDelete ? (
                    <Form
                      method="post"
                      onSubmit={(event) => {
                        if (!window.confirm("Remove this note? The activity log keeps that it existed.")) event.preventDefault();
                      }}
                    >
                      <input type="hidden" name="intent" value="delete-note" />
                      <input type="hidden" name="noteId" value={n.id} />
                      <input type="hidden" name="expectedVersion" value={n.version} />
                      <button
                        type="submit"
                        className="btn-link text-red-800"
                        disabled={navigation.state === "submitting"}
                        aria-label={`Remove the note of ${formatDate(n.sessionOn)}`}
                      >
                        Remove
                      </button>
                    </Form>
                  ) : null}
                </div>
              ) : null}
            </article>
          )}
        </li>
      ))}
    </ul>
  );
}
