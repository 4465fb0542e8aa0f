import type { SubmissionResult } from "@conform-to/react";
import { VisibilityBadge } from "#app/components/diagnostics/visibility";
import { RowActions } from "#app/components/row-actions";
import { formatDate } from "#app/domain/dates";
import type { Visibility } from "#app/domain/vocabulary";
import { NoteForm } from "./note-form";

interface NoteItem {
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
  rowError: { rowId: string; message: string } | null;
  today: string;
  baseHref: string;
  showVisibility?: boolean;
}) {
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
                error={rowError?.rowId === n.id ? rowError.message : null}
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
              <RowActions
                rowId={n.id}
                version={n.version}
                error={rowError?.rowId === n.id ? rowError.message : null}
                editHref={n.canEdit ? `${baseHref}?edit=${n.id}#note-${n.id}` : null}
                editLabel={`Edit the note of ${formatDate(n.sessionOn)}`}
                remove={
                  n.canDelete
                    ? {
                        intent: "delete-note",
                        idField: "noteId",
                        label: `Remove the note of ${formatDate(n.sessionOn)}`,
                        confirm: "Remove this note? The activity log keeps that it existed.",
                      }
                    : null
                }
              />
            </article>
          )}
        </li>
      ))}
    </ul>
  );
}
