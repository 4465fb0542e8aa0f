/**
 * What every write in the domain answers (docs/decisions/0015-one-refusal-convention.md):
 * `{ ok: true, …what the caller needs }`, or a refusal that says why in the
 * person's words. The code alone decides the HTTP status (`app/actions/reply.ts`);
 * `field` puts the message next to one form field, `fieldErrors` next to several.
 */

export const REFUSAL_CODES = [
  "INVALID",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "CLOSED",
  "GONE",
  "LIMITED",
  "UNAVAILABLE",
  "TOO_LARGE",
] as const;

/**
 * INVALID: the input breaks a rule the form could not check (400).
 * FORBIDDEN: this person may not do this (403).
 * NOT_FOUND: what it is about is gone, or not theirs to see (404).
 * CONFLICT: someone changed it meanwhile, or it already exists (409).
 * CLOSED: the case is closed and no longer changes (409).
 * GONE: a one-time link was used, has expired or was withdrawn (410).
 * LIMITED: too many attempts from this network or for this account; wait, then retry (429).
 * UNAVAILABLE: the server cannot do this now (a missing key or setting), whatever the input (503).
 * TOO_LARGE: the upload is larger than the page accepts (413).
 */
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: string;
  /** The form field the message belongs next to. */
  field?: string;
  /** Messages for several fields at once (the message then sums them up). */
  fieldErrors?: Record<string, string[]>;
}

/** A write's answer: what the caller needs on success, or a refusal. */
export type Result<T extends object = object> = ({ ok: true } & T) | Refusal;

export function refuse(code: RefusalCode, message: string, where: Pick<Refusal, "field" | "fieldErrors"> = {}): Refusal {
  return { ok: false, code, message, ...where };
}

export const CASE_CLOSED: Refusal = Object.freeze({ ok: false, code: "CLOSED", message: "This case is closed." });
