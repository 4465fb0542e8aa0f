import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "react-router";
import { attemptFormSchema } from "#app/domain/attempts/schema";
import { examLabel, RETAKE_EXAM_IDS } from "#app/domain/reference";
import { ATTEMPT_OUTCOME_LABELS, ATTEMPT_OUTCOMES } from "#app/domain/vocabulary";
import { FormErrors, InputField, SelectMetaField } from "./forms";
import { useZodForm } from "./use-zod-form";

/**
 * Recording an exam result. Works without JavaScript; errors from the server
 * (a duplicate, a score the passing standard contradicts) appear next to the field.
 */
export function AttemptForm({
  lastResult,
  defaultExam,
  today,
  children,
  intent = "attempt",
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultExam: string;
  today: string;
  children?: React.ReactNode;
  intent?: string;
}) {
  const navigation = useNavigation();
  const [form, fields] = useZodForm({
    id: "attempt",
    schema: attemptFormSchema,
    lastResult,
    defaultValue: { exam: defaultExam, outcome: "FAIL" },
    constraint: true,
  });
  return (
    <Form method="post" className="grid gap-3 sm:grid-cols-2" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      {children}
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
      </div>
      <SelectMetaField label="Exam" options={RETAKE_EXAM_IDS.map((e) => ({ value: e, label: examLabel(e) }))} meta={fields.exam} />
      <InputField label="Date taken (first test day)" max={today} meta={fields.takenOn} type="date" />
      <SelectMetaField
        label="Result"
        options={ATTEMPT_OUTCOMES.map((o) => ({ value: o, label: ATTEMPT_OUTCOME_LABELS[o] }))}
        meta={fields.outcome}
      />
      <InputField
        label="Three-digit score (optional)"
        hint="Leave empty for Step 1 taken since 26 Jan 2022 (pass/fail only) and for incomplete attempts."
        inputMode="numeric"
        meta={fields.score}
      />
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          Record the result
        </button>
      </div>
    </Form>
  );
}
