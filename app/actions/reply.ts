/**
 * The one way an action answers when it does not redirect
 * (docs/decisions/0015-one-refusal-convention.md): `{ intent, rowId, result, error }`
 * with the HTTP status of what went wrong. `result` is the form's Conform
 * reply (the person's values and field errors); `error` a refusal shown
 * beside the form rather than in it. Client-safe: pages read `ActionReply`.
 */
import type { SubmissionResult } from "@conform-to/react";
import { data } from "react-router";
import type { Refusal, RefusalCode } from "#app/domain/result";

export interface ActionReply {
  /** Which form answered (the submitted `intent`). */
  intent: string;
  /** The row (note, finding, escalation, case) the form was about, if any. */
  rowId: string | null;
  result: SubmissionResult<string[]> | null;
  error: string | null;
}

/** The HTTP status of a refusal. */
export const REFUSAL_STATUS: Record<RefusalCode, 400 | 403 | 404 | 409 | 410 | 413 | 429 | 503> = {
  INVALID: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CLOSED: 409,
  GONE: 410,
  LIMITED: 429,
  UNAVAILABLE: 503,
  TOO_LARGE: 413,
};

interface ReplyOptions {
  formErrors?: string[];
  fieldErrors?: Record<string, string[]>;
  hideFields?: string[];
  resetForm?: boolean;
}

/** Any Conform submission: whatever its schema, it can answer with the values it was given. */
export interface AnySubmission {
  status?: "success" | "error";
  reply(options?: ReplyOptions): SubmissionResult<string[]>;
}

interface ReplyTo<Extra extends object> {
  intent: string;
  rowId?: string | null;
  /** The form's submission; without one (a button, a removal) only `error` answers. */
  submission?: AnySubmission | null;
  /** Where a refusal that names no field shows: beside the form (`error`, the default) or in it (`form`). */
  messageIn?: "error" | "form";
  hideFields?: string[];
  /** Further facts a page needs to show the answer (a plan's conflicting changes, a status change's target). */
  extra?: Extra;
  /** Only for answers that are not refusals: a form that came back changed (a list row added without JavaScript). */
  status?: number;
}

/**
 * The action's reply: with a refusal, its message in the right place and its
 * status; without one, the submission's own errors (400).
 */
export function reply<Extra extends object = object>(to: ReplyTo<Extra>, refusal?: Refusal) {
  const { intent, rowId = null, submission = null, messageIn = "error", hideFields, extra } = to;
  const fieldErrors = refusal?.fieldErrors ?? (refusal?.field ? { [refusal.field]: [refusal.message] } : undefined);
  // Without a form to show it in, a field's message shows beside the form like any other.
  const inFields = Boolean(submission && fieldErrors);
  const inForm = Boolean(refusal && submission && !fieldErrors && messageIn === "form");
  const result = submission
    ? submission.reply({ fieldErrors, formErrors: inForm && refusal ? [refusal.message] : undefined, hideFields })
    : null;
  const error = refusal && !inFields && !inForm ? refusal.message : null;
  const status = refusal ? REFUSAL_STATUS[refusal.code] : (to.status ?? 400);
  return data<ActionReply & Extra>({ intent, rowId, result, error, ...(extra as Extra) }, { status });
}

/** A request no form of this page sends (a forged or outdated one). */
export function notUnderstood(): never {
  throw data({ message: "That request was not understood." }, { status: 400 });
}

/** A refusal the page has no form to show it in: an error page with its status. */
export function refusalPage(refusal: Refusal): never {
  throw data({ message: refusal.message }, { status: REFUSAL_STATUS[refusal.code] });
}
