import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "react-router";
import { Field, FormErrors, TextareaField } from "#app/components/forms";
import { useFormResult } from "#app/components/use-form-result";
import { useZodForm } from "#app/components/use-zod-form";
import { decisionSchema } from "#app/domain/decision/schema";

/** One way to record the decision (sit on the planned date, or postpone), with its reason. */
export function DecisionForm(props: {
  intent: "sit" | "postpone";
  title: string;
  today: string;
  planned: string | null;
  examDate: string;
  caseVersion: number;
  lastResult: SubmissionResult<string[]> | null | undefined;
  error: string | null;
}) {
  const navigation = useNavigation();
  const schema = decisionSchema(props.today, props.planned);
  const formId = `decision-${props.intent}`;
  const result = useFormResult(props.lastResult, formId);
  const [form, fields] = useZodForm({
    id: formId,
    schema,
    lastResult: result.lastResult,
    defaultValue: { examDate: props.examDate, reason: "" },
  });
  const sit = props.intent === "sit";
  return (
    <Form method="post" {...getFormProps(form)} onSubmit={result.onSubmit(form.onSubmit)} className="space-y-3">
      <h3 className="text-base font-semibold">{props.title}</h3>
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="choice" value={sit ? "SIT" : "POSTPONE"} />
      <input type="hidden" name="expectedCaseVersion" value={props.caseVersion} />
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(props.error ? [props.error] : [])]} />
      {sit ? (
        <input type="hidden" name="examDate" value={props.examDate} />
      ) : (
        <Field
          label="New exam date"
          {...getInputProps(fields.examDate, { type: "date" })}
          key={fields.examDate.key}
          min={props.today}
          errors={fields.examDate.errors}
          className="max-w-xs"
        />
      )}
      <TextareaField
        label={sit ? "Reason for sitting (the student reads it)" : "Reason for postponing (the student reads it)"}
        {...getTextareaProps(fields.reason)}
        key={fields.reason.key}
        errors={fields.reason.errors}
      />
      <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
        {sit ? "Record: sit on the planned date" : "Record: postpone"}
      </button>
    </Form>
  );
}
