/**
 * Step 1 of building a plan: the few inputs the generator needs. A GET form:
 * proposing changes nothing, so the proposal lives in the URL (it survives a
 * reload and works without JavaScript); step 2 edits and assigns it.
 */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "react-router";
import { Field, FormErrors, SelectField, TextareaField } from "#app/components/forms";
import type { PlanBuilderDefaults } from "#app/domain/plans/builder.server";
import { PLAN_LIMITS, planBuilderSchema, WEEKDAY_NAMES } from "#app/domain/plans/schema";

export const REST_DAY_OPTIONS = WEEKDAY_NAMES.map((name, i) => ({ value: String(i + 1), label: name }));

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
  const [form, fields] = useForm({
    id: "plan-builder",
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    constraint: getZodConstraint(planBuilderSchema),
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: planBuilderSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="get" className="grid gap-3 sm:grid-cols-2" {...getFormProps(form)}>
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
      </div>
      <Field
        label="Start date"
        errors={fields.startDate.errors}
        min={today}
        {...getInputProps(fields.startDate, { type: "date" })}
        key={fields.startDate.key}
      />
      <Field
        label="Target exam date"
        hint="Checked against the USMLE attempt-spacing rules."
        errors={fields.examDate.errors}
        {...getInputProps(fields.examDate, { type: "date" })}
        key={fields.examDate.key}
      />
      <Field
        label="Study hours per day"
        step="0.5"
        min={PLAN_LIMITS.minHoursPerDay}
        max={PLAN_LIMITS.maxHoursPerDay}
        inputMode="decimal"
        errors={fields.hoursPerDay.errors}
        {...getInputProps(fields.hoursPerDay, { type: "number" })}
        key={fields.hoursPerDay.key}
      />
      <SelectField
        label="Protected rest day"
        options={REST_DAY_OPTIONS}
        errors={fields.restDay.errors}
        {...getSelectProps(fields.restDay)}
        key={fields.restDay.key}
      />
      <TextareaField
        className="sm:col-span-2"
        label="Question banks and resources used before"
        hint="One per line or separated by commas, e.g. UWorld, First Aid. The plan suggests a fresh question bank and skips what did not work."
        errors={fields.previousResources.errors}
        {...getTextareaProps(fields.previousResources)}
        key={fields.previousResources.key}
      />
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
          Propose a plan
        </button>
      </div>
    </Form>
  );
}
