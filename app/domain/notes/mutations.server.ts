/**
 * Writes to session notes. Each runs in one transaction with an activity-log
 * entry that never carries the note's body; edits and deletions are guarded by
 * the note's version, and a closed case's notes no longer change. Adding a
 * note records the contact on the case (the caseload's "days since contact").
 * Callers authorize the actor on the case (staff only) and pass its school;
 * who may change which note is checked here.
 */

import { recordContact } from "#app/domain/cases/contact.server";
import { formatDate, type IsoDate, today as todayOf } from "#app/domain/dates";
import { notify } from "#app/domain/notifications/notify.server";
import { noteView, type Viewer } from "#app/domain/privacy/visibility";
import { CASE_CLOSED, type Result, refuse } from "#app/domain/result";
import type { Visibility } from "#app/domain/vocabulary";
import { type ActivityEntry, changedFields, logActivity } from "#app/utils/activity.server";
import { prisma, type Tx } from "#app/utils/db.server";
import { canDeleteNote, canEditNote, type NoteForm } from "./schema";

/** Who a note is for, in words that read right in anyone's activity log. */
const AUDIENCE: Record<Visibility, string> = { PRIVATE: "private", OFFICE: "shared with the office", STUDENT: "shared with the student" };

const NOTE_CONFLICT_MESSAGE =
  "This note was changed somewhere else while you were editing it. Nothing was saved: your text is still below; review the current note, then save again.";

/** Whether the case is still open, read in the writer's transaction (a closed case's notes stay as they were). */
async function isOpen(tx: Tx, caseId: string): Promise<boolean> {
  const kase = await tx.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { openSlot: true } });
  return kase.openSlot !== null;
}

/** When a session on `sessionOn` happened, as an instant: now for today, midday otherwise. */
export function contactInstant(sessionOn: IsoDate, now: Date = new Date()): Date {
  return sessionOn >= todayOf(now) ? now : new Date(`${sessionOn}T12:00:00Z`);
}

async function tellStudent(tx: Tx, input: { caseId: string; schoolId: string; noteId: string; sessionOn: IsoDate }) {
  const kase = await tx.retakeCase.findUniqueOrThrow({ where: { id: input.caseId }, select: { student: { select: { userId: true } } } });
  await notify(tx, {
    userIds: [kase.student.userId],
    schoolId: input.schoolId,
    caseId: input.caseId,
    kind: "NOTE_SHARED",
    title: "Your tutor shared notes from a session",
    body: `Notes from your session on ${formatDate(input.sessionOn)} are ready to read.`,
    link: `/cases/${input.caseId}/notes`,
    dedupeKey: `note:${input.noteId}:shared`,
    sourceNoteId: input.noteId,
  });
}

/** The case a note write is on, and its school (for the activity log). */
interface OnCase {
  caseId: string;
  schoolId: string;
}

/** A change to an existing note: which one, by whom, from which version. */
interface NoteChange extends OnCase {
  noteId: string;
  actor: Viewer;
  expectedVersion: number;
}

export async function createNote(input: OnCase & { actorId: string; form: NoteForm }): Promise<Result<{ noteId: string }>> {
  const { form } = input;
  return prisma.$transaction(async (tx) => {
    if (!(await isOpen(tx, input.caseId))) return CASE_CLOSED;
    const note = await tx.sessionNote.create({
      data: { caseId: input.caseId, authorId: input.actorId, sessionOn: form.sessionOn, body: form.body, visibility: form.visibility },
      select: { id: true },
    });
    await recordContact(tx, input.caseId, contactInstant(form.sessionOn));
    await logActivity(tx, {
      schoolId: input.schoolId,
      actorId: input.actorId,
      caseId: input.caseId,
      entity: "SessionNote",
      entityId: note.id,
      action: "note.created",
      summary: `Session note of ${formatDate(form.sessionOn)} added (${AUDIENCE[form.visibility]})`,
      after: { sessionOn: form.sessionOn, visibility: form.visibility },
    });
    if (form.visibility === "STUDENT")
      await tellStudent(tx, { caseId: input.caseId, schoolId: input.schoolId, noteId: note.id, sessionOn: form.sessionOn });
    return { ok: true, noteId: note.id } as const;
  });
}

const noteSelect = { id: true, authorId: true, sessionOn: true, body: true, visibility: true, version: true } as const;

/** The note, if it exists and the actor may read it (a hidden note is "not found" to them). */
async function findNote(tx: Tx, caseId: string, noteId: string, actor: Viewer) {
  const note = await tx.sessionNote.findFirst({ where: { id: noteId, caseId, deletedAt: null }, select: noteSelect });
  return note && noteView(note, actor) === "FULL" ? note : null;
}

const NOT_FOUND = refuse("NOT_FOUND", "That note no longer exists.");

/** The activity-log entry of a change to a note, by the actor on its case (never the note's body). */
function logNoteChange(tx: Tx, input: NoteChange, noteId: string, entry: Pick<ActivityEntry, "action" | "summary" | "before" | "after">) {
  return logActivity(tx, {
    schoolId: input.schoolId,
    actorId: input.actor.userId,
    caseId: input.caseId,
    entity: "SessionNote",
    entityId: noteId,
    ...entry,
  });
}

type StoredNote = NonNullable<Awaited<ReturnType<typeof findNote>>>;

/**
 * Changes a note the actor may change, in the writer's transaction: the case
 * must be open, the note there for the actor, `may` allow it and the note
 * still at the version the editor started from. Answers the note as it was.
 */
async function changeNote(
  tx: Tx,
  input: Omit<NoteChange, "schoolId">,
  may: { check: (note: StoredNote, actor: Viewer) => boolean; refusal: string },
  data: { sessionOn: IsoDate; body: string; visibility: Visibility } | { deletedAt: Date },
): Promise<Result<{ note: StoredNote }>> {
  if (!(await isOpen(tx, input.caseId))) return CASE_CLOSED;
  const note = await findNote(tx, input.caseId, input.noteId, input.actor);
  if (!note) return NOT_FOUND;
  if (!may.check(note, input.actor)) return refuse("FORBIDDEN", may.refusal);
  const written = await tx.sessionNote.updateMany({
    where: { id: note.id, version: input.expectedVersion, deletedAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  if (written.count !== 1) return refuse("CONFLICT", NOTE_CONFLICT_MESSAGE);
  return { ok: true, note };
}

export async function updateNote(input: NoteChange & { form: NoteForm }): Promise<Result<{ changed: boolean }>> {
  const { form } = input;
  return prisma.$transaction(async (tx) => {
    const changed = await changeNote(
      tx,
      input,
      { check: canEditNote, refusal: "Only the note's author can edit it." },
      { sessionOn: form.sessionOn, body: form.body, visibility: form.visibility },
    );
    if (!changed.ok) return changed;
    const current = changed.note;
    const change = changedFields(
      { sessionOn: current.sessionOn, visibility: current.visibility },
      { sessionOn: form.sessionOn, visibility: form.visibility },
    );
    // The body stays out of the log: only that it changed.
    const after = current.body.trim() !== form.body.trim() ? { ...change.after, bodyChanged: true } : change.after;
    await recordContact(tx, input.caseId, contactInstant(form.sessionOn));
    await logNoteChange(tx, input, current.id, {
      action: "note.updated",
      summary: `Session note of ${formatDate(form.sessionOn)} edited`,
      before: change.before,
      after,
    });
    if (form.visibility === "STUDENT" && current.visibility !== "STUDENT") {
      await tellStudent(tx, { caseId: input.caseId, schoolId: input.schoolId, noteId: current.id, sessionOn: form.sessionOn });
    }
    return { ok: true, changed: Object.keys(after).length > 0 } as const;
  });
}

export async function deleteNote(input: NoteChange): Promise<Result> {
  return prisma.$transaction(async (tx) => {
    const removed = await changeNote(
      tx,
      input,
      { check: canDeleteNote, refusal: "Only the note's author or the school's office can remove it." },
      { deletedAt: new Date() },
    );
    if (!removed.ok) return removed;
    const current = removed.note;
    await logNoteChange(tx, input, current.id, {
      action: "note.deleted",
      summary: `Session note of ${formatDate(current.sessionOn)} removed`,
      before: { sessionOn: current.sessionOn, visibility: current.visibility },
    });
    if (current.authorId && current.authorId !== input.actor.userId) {
      await notify(tx, {
        userIds: [current.authorId],
        schoolId: input.schoolId,
        caseId: input.caseId,
        kind: "NOTE_REMOVED",
        title: "The office removed one of your session notes",
        body: `Your note of the session on ${formatDate(current.sessionOn)} was removed; the case's activity log records it.`,
        link: `/cases/${input.caseId}/notes`,
        dedupeKey: `note:${current.id}:removed`,
      });
    }
    return { ok: true } as const;
  });
}
