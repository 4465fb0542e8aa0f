import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "react-router";
import { reply } from "#app/actions/reply";
import { requireOffice } from "#app/auth/guards.server";
import { TableCard } from "#app/components/data-table";
import { Field, FormErrors, SelectField } from "#app/components/forms";
import { useFormResult } from "#app/components/use-form-result";
import { useZodForm } from "#app/components/use-zod-form";
import { formatDate, today } from "#app/domain/dates";
import { disclosureSchema } from "#app/domain/records/disclosures";
import { listDisclosures, logDisclosure } from "#app/domain/records/disclosures.server";
import { schoolOptions } from "#app/domain/school-choice";
import { noteRecordsRead } from "#app/utils/access-log.server";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/disclosures";

export async function loader(args: Route.LoaderArgs) {
  const { user, schoolIds } = requireOffice(args);
  const disclosures = await listDisclosures(schoolIds);
  noteRecordsRead(
    args.context,
    disclosures.map((d) => ({ studentId: d.studentId, schoolId: d.schoolId })),
    "Disclosure log",
  );
  return {
    disclosures,
    today: today(),
    schools: schoolOptions(user, schoolIds),
  };
}

export async function action(args: Route.ActionArgs) {
  const { user, schoolIds } = requireOffice(args);
  const submission = parseWithZod(await args.request.formData(), { schema: disclosureSchema(today(), schoolIds) });
  if (submission.status !== "success") return reply({ intent: "disclose", submission });
  const result = await logDisclosure({ form: submission.value, schoolIds, actorId: user.id });
  if (!result.ok) return reply({ intent: "disclose", submission }, result);
  return redirectWithToast("/office/disclosures", { title: "Disclosure logged", description: "The student can see it in their record." });
}

export function meta() {
  return [{ title: "Disclosure log · Retake Desk" }];
}

export default function Disclosures({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const { schools } = loaderData;
  const schema = disclosureSchema(
    loaderData.today,
    schools.map((s) => s.value),
  );
  // Logged, the form is cleared for the next disclosure (the page redirects back to itself and keeps the form).
  const result = useFormResult(actionData?.result, "disclosure");
  const [form, fields] = useZodForm({
    id: "disclosure",
    schema,
    lastResult: result.lastResult,
    constraint: true,
    defaultValue: { disclosedOn: loaderData.today },
  });
  return (
    <div className="max-w-4xl space-y-4">
      <h1>Disclosure log</h1>
      <p className="text-slate-700">
        Log every disclosure of a student's record outside the school (for example to a residency program or a licensing board, with the
        student's written consent). Reads by your own staff are logged automatically and are not disclosures.
      </p>
      <section aria-labelledby="new-heading" className="card">
        <h2 id="new-heading">Log a disclosure</h2>
        <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2" {...getFormProps(form)} onSubmit={result.onSubmit(form.onSubmit)}>
          <div className="sm:col-span-2">
            <FormErrors id={form.errorId} errors={form.errors} />
          </div>
          {schools.length > 1 ? (
            <SelectField
              label="School"
              options={[{ value: "", label: "Choose a school" }, ...schools]}
              errors={fields.schoolId.errors}
              {...getSelectProps(fields.schoolId)}
              key={fields.schoolId.key}
            />
          ) : null}
          <Field
            label="Student (email or student number)"
            errors={fields.student.errors}
            {...getInputProps(fields.student, { type: "text" })}
            key={fields.student.key}
          />
          <Field
            label="Recipient"
            errors={fields.recipient.errors}
            {...getInputProps(fields.recipient, { type: "text" })}
            key={fields.recipient.key}
          />
          <Field
            label="Purpose"
            errors={fields.purpose.errors}
            {...getInputProps(fields.purpose, { type: "text" })}
            key={fields.purpose.key}
          />
          <Field
            label="Records disclosed"
            errors={fields.records.errors}
            {...getInputProps(fields.records, { type: "text" })}
            key={fields.records.key}
          />
          <Field
            label="Date disclosed"
            max={loaderData.today}
            errors={fields.disclosedOn.errors}
            {...getInputProps(fields.disclosedOn, { type: "date" })}
            key={fields.disclosedOn.key}
          />
          <Field
            label="Consent reference (optional)"
            hint="Where the student's written consent is kept."
            errors={fields.consentReference.errors}
            {...getInputProps(fields.consentReference, { type: "text" })}
            key={fields.consentReference.key}
          />
          <div className="sm:col-span-2">
            <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
              Log the disclosure
            </button>
          </div>
        </Form>
      </section>
      <TableCard
        id="log-heading"
        title="Recent disclosures"
        empty={<p className="mt-2 text-sm text-slate-700">None logged.</p>}
        columns={["Date", "Student", "Recipient", "Purpose", "Records", "Consent", "Logged by"]}
        className="mt-2"
        rows={loaderData.disclosures}
        row={(d) => (
          <tr key={d.id}>
            <td className="whitespace-nowrap">{formatDate(d.disclosedOn)}</td>
            <td>{d.student.user.name}</td>
            <td>{d.recipient}</td>
            <td>{d.purpose}</td>
            <td>{d.records}</td>
            <td>{d.consentReference ?? "—"}</td>
            <td>{d.recordedBy?.name ?? "—"}</td>
          </tr>
        )}
      />
    </div>
  );
}
