/**
 * The shared shape of a tab whose rows (findings, session notes) are added,
 * edited in place and removed: what its action answers when it does not
 * redirect, how it reads the row a request is about, and which row shows the
 * edit form or a refusal afterwards. Client-safe.
 */
import type { SubmissionResult } from "@conform-to/react";
import { data } from "react-router";
import { z } from "zod";

/** An action's answer: for which form (intent) and row, the form's reply (the user's values, field errors), a refusal. */
export interface RowActionResult {
  intent: string;
  rowId: string | null;
  result: SubmissionResult<string[]> | null;
  error: string | null;
}

export function reply(body: RowActionResult, status: number) {
  return data(body, { status });
}

/** The HTTP status of a refused write. */
export const REFUSAL_STATUS = { INVALID: 400, REFUSED: 403, NOT_FOUND: 404, CONFLICT: 409, CLOSED: 409 } as const;

export function badRequest(): never {
  throw data({ message: "That request was not understood." }, { status: 400 });
}

const refSchema = z.object({ rowId: z.string().min(1), expectedVersion: z.coerce.number().int().min(1) });

/** The row an edit or removal is about (its id under `idField`) and the version the editor started from; anything else is a bad request. */
export function rowRef(formData: FormData, idField: string): { rowId: string; expectedVersion: number } {
  const ref = refSchema.safeParse({ rowId: formData.get(idField), expectedVersion: formData.get("expectedVersion") });
  if (!ref.success) badRequest();
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
  const answer = actionData as RowActionResult | undefined;
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
