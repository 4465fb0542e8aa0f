/**
 * Session notes (docs/product.md "Workflow": session notes): the form and who may
 * change a note. Pure and client-safe.
 */
import { z } from "zod";
import { addDays, formatDate, type IsoDate, isIsoDate } from "#app/domain/dates";
import { noteView, type Viewer } from "#app/domain/privacy/visibility";
import { VISIBILITIES, type Visibility } from "#app/domain/vocabulary";

/** Longest note body. */
export const NOTE_BODY_MAX = 5000;
/** How far back a session may be dated (a note for a session two years ago is a typo). */
const NOTE_MAX_AGE_DAYS = 730;

/** The note form; `today` bounds the session date (no sessions in the future). */
export function noteSchema(today: IsoDate) {
  const earliest = addDays(today, -NOTE_MAX_AGE_DAYS);
  return z.object({
    sessionOn: z
      .string({ error: "Enter the session's date" })
      .trim()
      .refine(isIsoDate, { message: "Enter the session's date", abort: true })
      .refine((d) => d <= today, "A session cannot be in the future")
      .refine((d) => d >= earliest, `Enter a date from ${formatDate(earliest)} on`),
    body: z.string({ error: "Write the note" }).trim().min(1, "Write the note").max(NOTE_BODY_MAX, `At most ${NOTE_BODY_MAX} characters`),
    visibility: z.enum(VISIBILITIES, { error: "Choose who can read this note" }),
  });
}

export type NoteForm = z.output<ReturnType<typeof noteSchema>>;

interface NoteFacts {
  authorId: string | null;
  visibility: Visibility;
}

/** Only the author edits a note: it is their record of the session. */
export function canEditNote(note: NoteFacts, viewer: Viewer): boolean {
  return viewer.relation !== "STUDENT" && note.authorId !== null && note.authorId === viewer.userId;
}

/**
 * The author deletes their note; the office may also remove a note shared
 * with it (e.g. one shared with the student by mistake). Nobody deletes what
 * they cannot read.
 */
export function canDeleteNote(note: NoteFacts, viewer: Viewer): boolean {
  if (viewer.relation === "STUDENT" || noteView(note, viewer) !== "FULL") return false;
  return canEditNote(note, viewer) || viewer.relation === "OFFICE";
}
