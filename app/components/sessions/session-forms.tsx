import type { SubmissionResult } from "@conform-to/react";
import { useNavigation } from "react-router";
import { VisibilityFieldset } from "#app/components/diagnostics/visibility";
import { ConformForm, Field, InputField, SelectMetaField, TextareaMetaField } from "#app/components/forms";
import { useZodForm } from "#app/components/use-zod-form";
import {
  NEXT_STEP_ROWS,
  SCHEDULABLE_KINDS,
  SESSION_ATTENDANCE,
  SESSION_ATTENDANCE_LABELS,
  SESSION_KIND_LABELS,
  SESSION_KINDS,
  SESSION_SUMMARY_MAX,
  scheduleSchema,
  sessionSchema,
} from "#app/domain/sessions/schema";

type Reply = SubmissionResult<string[]> | null | undefined;

/** Recording a session held (or a no-show) with up to three next steps; works without JavaScript. */
export function RecordSessionForm({ today, lastResult, error }: { today: string; lastResult: Reply; error?: string | null }) {
  const navigation = useNavigation();
  const [form, fields] = useZodForm({
    id: "session-new",
    schema: sessionSchema(today),
    defaultValue: { sessionOn: today, kind: "MEETING", visibility: "OFFICE" },
    lastResult,
  });
  return (
    <ConformForm form={form} intent="record-session" error={error} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectMetaField
          label="Kind"
          options={SESSION_KINDS.map((k) => ({ value: k, label: SESSION_KIND_LABELS[k] }))}
          meta={fields.kind}
        />
        <InputField label="Date" max={today} meta={fields.sessionOn} type="date" />
        <InputField label="Duration (minutes)" hint="Meetings and calls" inputMode="numeric" meta={fields.durationMinutes} />
        <SelectMetaField
          label="Attendance"
          hint="Meetings and calls"
          options={[{ value: "", label: "—" }, ...SESSION_ATTENDANCE.map((a) => ({ value: a, label: SESSION_ATTENDANCE_LABELS[a] }))]}
          meta={fields.attendance}
        />
      </div>
      <TextareaMetaField label="Summary" maxLength={SESSION_SUMMARY_MAX} meta={fields.summary} />
      <fieldset className="space-y-2">
        <legend className="label">Next steps (leave a row empty to skip it)</legend>
        {Array.from({ length: NEXT_STEP_ROWS }, (_, i) => {
          const row = `nextSteps[${i}]`;
          const errors = form.allErrors ?? {};
          return (
            <div key={row} className="grid gap-2 sm:grid-cols-[2fr_1fr]">
              <Field label={`Step ${i + 1}`} name={`${row}.text`} id={`next-step-${i}-text`} errors={errors[`${row}.text`]} />
              <Field
                label={`Step ${i + 1} due on`}
                name={`${row}.dueOn`}
                id={`next-step-${i}-due`}
                type="date"
                errors={errors[`${row}.dueOn`]}
              />
            </div>
          );
        })}
      </fieldset>
      <VisibilityFieldset
        id="session-new-visibility"
        name={fields.visibility.name}
        legend="Who can read the summary and next steps"
        defaultValue={(fields.visibility.value as string | undefined) ?? "OFFICE"}
        errors={fields.visibility.errors}
      />
      <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
        Record the session
      </button>
    </ConformForm>
  );
}

/** Scheduling the next session: it shows in the student's week and calendar. */
export function ScheduleSessionForm({ today, lastResult, error }: { today: string; lastResult: Reply; error?: string | null }) {
  const navigation = useNavigation();
  const [form, fields] = useZodForm({
    id: "session-schedule",
    schema: scheduleSchema(today),
    defaultValue: { kind: "MEETING" },
    lastResult,
  });
  return (
    <ConformForm form={form} intent="schedule-session" error={error} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectMetaField
          label="Kind"
          options={SCHEDULABLE_KINDS.map((k) => ({ value: k, label: SESSION_KIND_LABELS[k] }))}
          meta={fields.kind}
        />
        <InputField label="Date" min={today} meta={fields.sessionOn} type="date" />
        <InputField label="Time (optional)" meta={fields.startTime} type="time" />
        <InputField label="Duration in minutes (optional)" inputMode="numeric" meta={fields.durationMinutes} />
      </div>
      <button type="submit" className="btn-secondary" disabled={navigation.state === "submitting"}>
        Schedule the session
      </button>
    </ConformForm>
  );
}
