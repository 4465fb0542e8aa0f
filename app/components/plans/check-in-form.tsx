/**
 * The student's weekly check-in. It posts to the case's Plan tab (which owns
 * the action) from wherever it is shown: with JavaScript through a fetcher, so
 * errors appear in place on the home page too; without it as a plain form, and
 * errors then appear on the Plan tab with what was typed kept.
 */
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { useFetcher } from "react-router";
import { FormErrors, InputField, RadioMetaField, SelectMetaField, TextareaMetaField } from "#app/components/forms";
import { useZodForm } from "#app/components/use-zod-form";
import { CHECK_IN_LIMITS, checkInSchema, MOOD_LABELS, MOODS, type WeekOption } from "#app/domain/checkins/schema";

const MOOD_OPTIONS = MOODS.map((m) => ({ value: String(m), label: `${m} · ${MOOD_LABELS[m]}` }));

export interface CheckInDefaults {
  weekOf: string;
  questionsDone: number;
  percentCorrect: number;
  hoursStudied: number;
  mood: number;
  note: string | null;
}

export function CheckInForm({
  caseId,
  weeks,
  existing,
  lastResult,
  redirectTo,
}: {
  caseId: string;
  weeks: WeekOption[];
  /** This week's check-in when it was already sent: the form updates it. */
  existing: CheckInDefaults | null;
  /** The Plan tab's action result (the no-JavaScript path). */
  lastResult?: SubmissionResult<string[]> | null;
  /** Where to go back after sending ("/" from the home page). */
  redirectTo: string;
}) {
  const fetcher = useFetcher<{ intent?: string; result?: SubmissionResult<string[]> }>({ key: `check-in-${caseId}` });
  const fetched = fetcher.state === "idle" && fetcher.data?.intent === "checkin" ? fetcher.data.result : undefined;
  const [form, fields] = useZodForm({
    id: `checkin-form-${caseId}`,
    schema: checkInSchema,
    lastResult: fetched ?? lastResult,
    constraint: true,
    defaultValue: existing
      ? { ...existing, note: existing.note ?? "" }
      : { weekOf: weeks[0]?.value ?? "", questionsDone: "", percentCorrect: "", hoursStudied: "", mood: "", note: "" },
  });
  return (
    <fetcher.Form method="post" action={`/cases/${caseId}/plan`} className="space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="checkin" />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {existing ? (
        <p className="text-sm text-slate-700">
          You already checked in for this week. Sending the form again updates that check-in; nothing is lost.
        </p>
      ) : null}
      <SelectMetaField label="Week" options={weeks} meta={fields.weekOf} />
      <div className="grid gap-3 sm:grid-cols-3">
        <InputField
          label="Questions done"
          type="number"
          inputMode="numeric"
          max={CHECK_IN_LIMITS.maxQuestions}
          meta={fields.questionsDone}
        />
        <InputField label="Percent correct" type="number" inputMode="decimal" step="0.1" meta={fields.percentCorrect} />
        <InputField label="Hours studied" type="number" inputMode="decimal" step="0.5" meta={fields.hoursStudied} />
      </div>
      <RadioMetaField legend="How do you feel this week?" options={MOOD_OPTIONS} meta={fields.mood} />
      <TextareaMetaField
        label="Anything you want your tutor to know? (optional)"
        hint="What went well, what was hard, what you need."
        meta={fields.note}
      />
      <button type="submit" className="btn-primary" disabled={fetcher.state !== "idle"}>
        {existing ? "Update this week's check-in" : "Send check-in"}
      </button>
    </fetcher.Form>
  );
}
