import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "react-router";
import { Field, FormErrors } from "#app/components/forms";
import { useFormResult } from "#app/components/use-form-result";
import { useZodForm } from "#app/components/use-zod-form";
import { packetDisclosureSchema } from "#app/domain/packet/packet";

/** Records in the student's disclosure log that the packet went to someone outside the school (office only). */
export function PacketDisclosureForm({
  lastResult,
  today: on,
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  today: string;
}) {
  const navigation = useNavigation();
  const result = useFormResult(lastResult, "packet-disclosure");
  const [form, fields] = useZodForm({
    id: "packet-disclosure",
    // The school is the case's, set by the server: the form's own fields are checked here as there.
    schema: packetDisclosureSchema(on, ""),
    lastResult: result.lastResult,
    defaultValue: { disclosedOn: on },
  });
  return (
    <section aria-labelledby="packet-disclose" className="card space-y-3 print:hidden">
      <h2 id="packet-disclose">Giving the packet to someone outside the school</h2>
      <p className="text-sm text-slate-700">
        The committee is part of the school. Anyone else who receives the packet — an outside reviewer, a licensing board — is recorded in
        the student's disclosure log, which the student can read.
      </p>
      <Form method="post" {...getFormProps(form)} onSubmit={result.onSubmit(form.onSubmit)} className="grid gap-3 md:grid-cols-2">
        <input type="hidden" name="intent" value="disclose" />
        <div className="md:col-span-2">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
        <Field
          label="Recipient"
          {...getInputProps(fields.recipient, { type: "text" })}
          key={fields.recipient.key}
          errors={fields.recipient.errors}
        />
        <Field
          label="Purpose"
          {...getInputProps(fields.purpose, { type: "text" })}
          key={fields.purpose.key}
          errors={fields.purpose.errors}
        />
        <Field
          label="Date given"
          {...getInputProps(fields.disclosedOn, { type: "date" })}
          key={fields.disclosedOn.key}
          max={on}
          errors={fields.disclosedOn.errors}
        />
        <Field
          label="Consent reference"
          hint="The signed consent, or the legal basis when none is needed"
          {...getInputProps(fields.consentReference, { type: "text" })}
          key={fields.consentReference.key}
          errors={fields.consentReference.errors}
        />
        <div className="md:col-span-2">
          <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
            Record the disclosure
          </button>
        </div>
      </Form>
    </section>
  );
}
