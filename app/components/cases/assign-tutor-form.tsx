import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "react-router";
import { FormErrors, InputField, SelectMetaField } from "#app/components/forms";
import { useZodForm } from "#app/components/use-zod-form";
import { assignSchema } from "#app/domain/cases/schema";

/**
 * The office assigns (or reassigns) a tutor to a case, with a reason. Used on
 * the case overview and in the intake queue; works without JavaScript, and a
 * refused form keeps what was typed with each error next to its field.
 */
export function AssignTutorForm({
  caseId,
  version,
  tutors,
  currentTutorId = null,
  studentName,
  lastResult,
  error,
  layout = "stacked",
}: {
  caseId: string;
  /** The case's version when the page loaded: a stale form is refused, not applied. */
  version: number;
  /** The school's active tutors. */
  tutors: ReadonlyArray<{ id: string; name: string }>;
  currentTutorId?: string | null;
  /** Read out on the button when several forms share a page. */
  studentName?: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  /** A refusal of the whole form (someone else changed the case, the case is closed). */
  error?: string | null;
  layout?: "stacked" | "inline";
}) {
  const navigation = useNavigation();
  const [form, fields] = useZodForm({ id: `assign-${caseId}`, schema: assignSchema, lastResult });
  const reassign = currentTutorId !== null;
  const formErrors = [...(form.errors ?? []), ...(error ? [error] : [])];
  const pending = navigation.state === "submitting" && navigation.formData?.get("caseId") === caseId;
  const options = [
    { value: "", label: "Choose a tutor…" },
    ...tutors.filter((t) => t.id !== currentTutorId).map((t) => ({ value: t.id, label: t.name })),
  ];
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className={layout === "inline" ? "grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-start" : "space-y-2"}
    >
      <input type="hidden" name="intent" value="assign" />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="expectedVersion" value={version} />
      {formErrors.length ? (
        <div className={layout === "inline" ? "sm:col-span-3" : undefined}>
          <FormErrors id={form.errorId} errors={formErrors} />
        </div>
      ) : null}
      <SelectMetaField label={reassign ? "Reassign to" : "Assign a tutor"} options={options} meta={fields.tutorId} />
      <InputField label="Reason" placeholder="e.g. Step 1 specialist with capacity" meta={fields.reason} />
      <div className={layout === "inline" ? "sm:pt-6" : undefined}>
        <button type="submit" className="btn-secondary" disabled={pending}>
          {reassign ? "Reassign" : "Assign"}
          {studentName ? <span className="sr-only"> {studentName}</span> : null}
        </button>
      </div>
    </Form>
  );
}
