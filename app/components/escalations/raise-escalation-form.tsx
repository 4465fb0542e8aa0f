import { getFormProps, getTextareaProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "react-router";
import { FormErrors, TextareaField } from "#app/components/forms";
import { useFormResult } from "#app/components/use-form-result";
import { manualEscalationSchema } from "#app/domain/escalations/schema";

/**
 * Escalating a case to the office by hand (reason, optional note). Works
 * without JavaScript; a refused form keeps what was typed.
 */
export function RaiseEscalationForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null | undefined }) {
  const navigation = useNavigation();
  const result = useFormResult(lastResult, "raise-escalation");
  const [form, fields] = useForm({
    id: "raise-escalation",
    lastResult: result.lastResult,
    constraint: getZodConstraint(manualEscalationSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: manualEscalationSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)} onSubmit={result.onSubmit(form.onSubmit)}>
      <input type="hidden" name="intent" value="raise" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextareaField
        label="Reason"
        hint="What the office needs to know and why the case needs more than tutoring."
        errors={fields.reason.errors}
        {...getTextareaProps(fields.reason)}
        key={fields.reason.key}
      />
      <TextareaField label="Note (optional)" errors={fields.note.errors} {...getTextareaProps(fields.note)} key={fields.note.key} />
      <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
        Escalate to the office
      </button>
    </Form>
  );
}
