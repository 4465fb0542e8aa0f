/**
 * A tab whose rows (findings, session notes) are added, edited in place and
 * removed: how its action reads the row a request is about, and which row
 * shows the edit form or a refusal afterwards. Client-safe.
 */
import { z } from "zod";
import { type ActionReply, notUnderstood } from "./reply";

const refSchema = z.object({ rowId: z.string().min(1), expectedVersion: z.coerce.number().int().min(1) });

/** The row an edit or removal is about (its id under `idField`) and the version the editor started from; anything else is a bad request. */
export function rowRef(formData: FormData, idField: string): { rowId: string; expectedVersion: number } {
  const ref = refSchema.safeParse({ rowId: formData.get(idField), expectedVersion: formData.get("expectedVersion") });
  if (!ref.success) notUnderstood();
  return ref.data;
}

/**
 * What the page shows after an action: the answer to each form, the row whose
 * edit form is open (asked for in the URL, or kept open by a refused edit),
 * the refusal to show at its row, and a refusal about no row (its form shows
 * it; the page does once the case is closed and the forms are gone).
 */
export function rowActionState(
  actionData: unknown,
  intents: { edit: string; remove: string },
  rows: readonly { id: string }[],
  editing: string | null,
) {
  const answer = actionData as ActionReply | undefined;
  const forIntent = (intent: string) => (answer?.intent === intent ? answer : null);
  const edited = forIntent(intents.edit);
  const refusedRow = [edited, forIntent(intents.remove)].find((a) => a?.error && a.rowId) ?? null;
  return {
    forIntent,
    editResult: edited?.result,
    rowError: refusedRow?.rowId && refusedRow.error ? { rowId: refusedRow.rowId, message: refusedRow.error } : null,
    editingId: editing ?? (edited?.rowId && rows.some((r) => r.id === edited.rowId) ? edited.rowId : null),
    pageError: answer?.error && !answer.rowId ? answer.error : null,
  };
}
