/**
 * Reads for the Session notes tab, through the privacy layer only. Callers
 * authorize the viewer on the case first.
 */
import { visibleNotes } from "#app/domain/privacy/queries.server";
import type { Viewer } from "#app/domain/privacy/visibility";
import { canDeleteNote, canEditNote } from "./schema";

export async function loadSessionNotes(caseId: string, viewer: Viewer) {
  const notes = await visibleNotes(caseId, viewer);
  return notes.map((n) => ({
    id: n.id,
    sessionOn: n.sessionOn,
    body: n.body,
    visibility: n.visibility,
    version: n.version,
    authorName: n.authorName,
    mine: n.authorId !== null && n.authorId === viewer.userId,
    canEdit: canEditNote(n, viewer),
    canDelete: canDeleteNote(n, viewer),
  }));
}
