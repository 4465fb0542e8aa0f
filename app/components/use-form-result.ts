import type { SubmissionResult } from "@conform-to/react";
import { useEffect, useRef, useState } from "react";
import { useNavigation } from "react-router";

type Result = SubmissionResult<string[]>;

/** Conform's reset: the form's values go back to its defaults and its errors go. */
const RESET = (): Result => ({ initialValue: null });
/** Errors gone, typed values kept. */
const CLEAR_ERRORS = (): Result => ({ error: {} });

/**
 * The `lastResult` for one Conform form among several on a page, and its
 * `onSubmit` (docs/decisions/0026-phones-and-forms.md). When an action
 * finishes:
 * - its answer for this form is shown (field errors, values kept; Conform
 *   focuses the first field in error, and a form-level error takes focus);
 * - when this form was sent and the action succeeded (it redirected back, so
 *   there is no answer), the form is cleared for the next entry;
 * - after any other form's action, this form's old errors go, its typed
 *   values stay.
 *
 * `own` is the action's answer when it belongs to this form (null otherwise);
 * `formId` is the form's Conform id (its form-level errors take focus).
 * Spread the returned `onSubmit` after `getFormProps(form)`:
 * `<Form {...getFormProps(form)} onSubmit={onSubmit(form.onSubmit)}>`.
 */
export function useFormResult(own: Result | null | undefined, formId?: string) {
  const navigation = useNavigation();
  const [lastResult, setLastResult] = useState<Result | undefined>(own ?? undefined);
  const sent = useRef(false);
  const acting = useRef(false);

  useEffect(() => {
    if (navigation.state !== "idle") {
      if (navigation.formMethod && navigation.formMethod.toUpperCase() !== "GET") acting.current = true;
      return;
    }
    if (!acting.current) return;
    acting.current = false;
    const mine = sent.current;
    sent.current = false;
    if (own) {
      setLastResult(own);
      const onlyFormErrors = own.error && Object.keys(own.error).every((name) => name === "");
      if (formId && own.error?.[""]?.length && onlyFormErrors) {
        // Conform's id for the form's own errors, once it has drawn them.
        requestAnimationFrame(() => document.getElementById(`${formId}-error`)?.focus());
      }
    } else setLastResult(mine ? RESET() : CLEAR_ERRORS());
  }, [navigation.state, navigation.formMethod, own, formId]);

  function onSubmit(conformOnSubmit: (event: React.FormEvent<HTMLFormElement>) => void) {
    return (event: React.FormEvent<HTMLFormElement>) => {
      conformOnSubmit(event);
      // Conform prevents a submission it refuses in the browser; a form that goes to the server is sent.
      if (!event.defaultPrevented) sent.current = true;
    };
  }

  return { lastResult, onSubmit };
}
