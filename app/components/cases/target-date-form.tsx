import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { FormErrors, InputField } from "#app/components/forms";
import { useFormResult } from "#app/components/use-form-result";
import { targetDateSchema } from "#app/domain/cases/schema";

/**
 * Staff set (or clear) the case's target exam date. The server parses the same
 * schema; a refused date comes back next to the field with what was typed, a
 * refusal of the whole form (someone changed the case meanwhile) beside it.
 */
export function TargetDateForm({
  version,
  targetExamDate,
  today,
  lastResult,
  error,
}: {
  /** The case's version when the page loaded: a stale form is refused, not applied. */
  version: number;
  targetExamDate: string | null;
  today: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  error: string | null;
}) {
  const schema = targetDateSchema(today);
  const result = useFormResult(lastResult, "target-date");
  const [form, fields] = useForm({
    id: "target-date",
    lastResult: result.lastResult,
    constraint: getZodConstraint(schema),
    defaultValue: { targetExamDate: targetExamDate ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const formErrors = [...(form.errors ?? []), ...(error ? [error] : [])];
  return (
    <Form
      method="post"
      className="mt-4 flex flex-wrap items-end gap-2 border-t border-slate-200 pt-3"
      {...getFormProps(form)}
      onSubmit={result.onSubmit(form.onSubmit)}
    >
      <input type="hidden" name="intent" value="target" />
      <input type="hidden" name="expectedVersion" value={version} />
      <InputField label="Target exam date" type="date" min={today} meta={fields.targetExamDate} />
      <button type="submit" className="btn-secondary">
        Save date
      </button>
      {formErrors.length ? <FormErrors id={form.errorId} errors={formErrors} /> : null}
    </Form>
  );
}
