/**
 * Step 1 of building a plan: the few inputs the generator needs. A GET form:
 * proposing changes nothing, so the proposal lives in the URL (it survives a
 * reload and works without JavaScript); step 2 edits and assigns it.
 */
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "react-router";
import { FormErrors, TextareaMetaField } from "#app/components/forms";
import { useZodForm } from "#app/components/use-zod-form";
import type { PlanBuilderDefaults } from "#app/domain/plans/builder.server";
import { planBuilderSchema } from "#app/domain/plans/schema";
import { PlanBasicsFields } from "./plan-basics-fields";

export function PlanBuilderForm({
  defaults,
  lastResult,
  today,
}: {
  defaults: PlanBuilderDefaults;
  lastResult: SubmissionResult<string[]> | null;
  today: string;
}) {
  const navigation = useNavigation();
  const [form, fields] = useZodForm({
    id: "plan-builder",
    schema: planBuilderSchema,
    lastResult,
    constraint: true,
    defaultValue: defaults,
  });
  return (
    <Form method="get" className="grid gap-3 sm:grid-cols-2" {...getFormProps(form)}>
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
      </div>
      <PlanBasicsFields
        fields={fields}
        startMin={today}
        examDateLabel="Target exam date"
        examDateHint="Checked against the USMLE attempt-spacing rules."
      />
      <TextareaMetaField
        className="sm:col-span-2"
        label="Question banks and resources used before"
        hint="One per line or separated by commas, e.g. UWorld, First Aid. The plan suggests a fresh question bank and skips what did not work."
        meta={fields.previousResources}
      />
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
          Propose a plan
        </button>
      </div>
    </Form>
  );
}
