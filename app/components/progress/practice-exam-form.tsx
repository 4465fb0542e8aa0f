/**
 * Logging or correcting a practice exam, on the instrument's own scale. The
 * form's choices depend on the instrument: with JavaScript the form list and
 * the CBSSA report fields follow the chosen instrument; without it every
 * instrument's forms are listed (grouped) and the server says which are valid.
 */
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "react-router";
import { FieldErrors, FormErrors, InputField, SelectMetaField, TextareaMetaField } from "#app/components/forms";
import { useFormResult } from "#app/components/use-form-result";
import { useZodForm } from "#app/components/use-zod-form";
import { formatDate } from "#app/domain/dates";
import { logPracticeSchema, updatePracticeSchema } from "#app/domain/practice/schema";
import { activeForms, type ExamId, type InstrumentId, instrument, instrumentsFor } from "#app/domain/reference";
import { formatRange, likelyRange, printsLowPassBand, scaleUnit } from "#app/domain/trajectory/practice";
import { useHydrated } from "#app/utils/use-hydrated";

interface PracticeFormMilestone {
  uid: string;
  label: string;
  dueOn: string;
}

interface PracticeFormDefaults {
  instrumentId?: string;
  form?: string;
  takenOn?: string;
  score?: string;
  passProbability?: string;
  lowPassLow?: string;
  lowPassHigh?: string;
  milestoneUid?: string;
  breakdown?: string;
}

interface PracticeExamFormProps {
  /** "log" for a new score, "update" to correct one. */
  intent: "log" | "update";
  exam: ExamId;
  today: string;
  milestones: readonly PracticeFormMilestone[];
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: PracticeFormDefaults;
  /** The record being corrected. */
  record?: { id: string; version: number; form: string; milestoneUid: string | null };
  submitLabel: string;
  children?: React.ReactNode;
}

const isInstrument = (value: unknown, exam: ExamId): value is InstrumentId =>
  typeof value === "string" && instrumentsFor(exam).some((i) => i.id === value);

function scaleHint(id: InstrumentId): string {
  const info = instrument(id);
  const unit = scaleUnit(info.scaleFamily);
  const range = info.likelyRangeHalfWidth !== null ? ` The likely range (score ± ${info.likelyRangeHalfWidth}) is worked out for you.` : "";
  return `${info.scaleLabel}, ${info.scaleMin}–${info.scaleMax}${unit}.${range}`;
}

export function PracticeExamForm({
  intent,
  exam,
  today,
  milestones,
  lastResult,
  defaultValue,
  record,
  submitLabel,
  children,
}: PracticeExamFormProps) {
  const navigation = useNavigation();
  const hydrated = useHydrated();
  const instruments = instrumentsFor(exam);
  const schemaOptions = {
    exam,
    today,
    milestoneUids: [...milestones.map((m) => m.uid), ...(record?.milestoneUid ? [record.milestoneUid] : [])],
    existingForm: record?.form || undefined,
  };
  const schema = intent === "update" ? updatePracticeSchema(schemaOptions) : logPracticeSchema(schemaOptions);
  const formId = intent === "update" ? `practice-edit-${record?.id ?? ""}` : "practice-log";
  // Logged, the form is cleared for the next score (the page redirects back to itself and keeps the form).
  const result = useFormResult(lastResult, formId);
  const [form, fields] = useZodForm({
    id: formId,
    schema,
    lastResult: result.lastResult,
    defaultValue: { instrumentId: instruments[0]?.id, ...defaultValue },
  });

  const chosen = isInstrument(fields.instrumentId.value, exam) ? fields.instrumentId.value : (instruments[0]?.id ?? "OTHER");
  const info = instrument(chosen);
  const formsOfChosen = activeForms(chosen, exam);
  if (record?.form && info.forms.some((f) => f.name === record.form) && !formsOfChosen.includes(record.form)) {
    formsOfChosen.unshift(record.form);
  }
  const typedScore = Number(fields.score.value);
  const range = fields.score.value && Number.isFinite(typedScore) ? likelyRange(chosen, typedScore) : null;
  const showReportFields = !hydrated || printsLowPassBand(chosen) || info.reportsPassProbability;
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;

  return (
    <Form method="post" className="grid gap-3" {...getFormProps(form)} onSubmit={result.onSubmit(form.onSubmit)}>
      <input type="hidden" name="intent" value={intent} />
      {record ? (
        <>
          <input type="hidden" name="id" value={record.id} />
          <input type="hidden" name="expectedVersion" value={record.version} />
        </>
      ) : null}
      {children}
      <FormErrors id={form.errorId} errors={form.errors} />
      <SelectMetaField
        label="Practice exam"
        options={instruments.map((i) => ({ value: i.id, label: `${i.shortName} — ${i.name}` }))}
        meta={fields.instrumentId}
      />

      {hydrated && formsOfChosen.length === 0 ? (
        <InputField
          label="Form or label (optional)"
          hint={`${info.shortName} has no numbered forms; add a label if it helps you tell them apart.`}
          meta={fields.form}
          key={chosen}
        />
      ) : (
        <FormSelect
          id={`${formId}-form`}
          name={fields.form.name}
          defaultValue={(fields.form.initialValue as string | undefined) ?? ""}
          errors={fields.form.errors}
          errorId={fields.form.errorId}
          groups={
            hydrated
              ? [{ label: info.shortName, forms: formsOfChosen }]
              : instruments.map((i) => ({ label: i.shortName, forms: activeForms(i.id, exam) })).filter((g) => g.forms.length > 0)
          }
          grouped={!hydrated}
          key={`${fields.form.key}-${hydrated ? chosen : "all"}`}
        />
      )}

      <InputField label="Date taken" max={today} meta={fields.takenOn} type="date" />

      <div>
        <InputField
          label="Score"
          hint={
            hydrated
              ? scaleHint(chosen)
              : "On the exam's own scale: CBSSA and other percent scores 0–100%, UWSA and CCSSA three-digit scores 1–300."
          }
          inputMode="decimal"
          autoComplete="off"
          meta={fields.score}
        />
        {hydrated && range ? (
          <p className="hint" aria-live="polite">
            Likely range: {formatRange(range, info.scaleFamily)}
          </p>
        ) : null}
      </div>

      {showReportFields ? (
        <fieldset className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">From the CBSSA report (optional)</legend>
          <div className="grid gap-3 sm:grid-cols-3">
            <InputField label="Pass probability (%)" inputMode="decimal" autoComplete="off" meta={fields.passProbability} />
            <InputField label="Low-pass band from (%)" inputMode="decimal" autoComplete="off" meta={fields.lowPassLow} />
            <InputField label="Low-pass band to (%)" inputMode="decimal" autoComplete="off" meta={fields.lowPassHigh} />
          </div>
          <p className="hint">Copy them from the score report; leave them empty if the report does not show them.</p>
        </fieldset>
      ) : null}

      <SelectMetaField
        label="Plan milestone it fulfils"
        hint={milestones.length === 0 ? "The plan has no practice-exam milestones yet." : undefined}
        options={[
          { value: "", label: "Not linked to a milestone" },
          ...milestones.map((m) => ({ value: m.uid, label: `${m.label} — due ${formatDate(m.dueOn)}` })),
        ]}
        meta={fields.milestoneUid}
      />

      <TextareaMetaField
        label="Per-area breakdown (optional)"
        hint="One area per line with its percent correct, for example “Cardiovascular: 62”."
        meta={fields.breakdown}
      />

      <div>
        <button type="submit" className="btn-primary" disabled={submitting}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

/** The form select: grouped by instrument without JavaScript, the chosen instrument's forms with it. */
function FormSelect({
  id,
  name,
  defaultValue,
  errors,
  errorId,
  groups,
  grouped,
}: {
  id: string;
  name: string;
  defaultValue: string;
  errors: string[] | undefined;
  errorId: string;
  groups: Array<{ label: string; forms: string[] }>;
  grouped: boolean;
}) {
  const hintId = `${id}-hint`;
  return (
    <div>
      <label htmlFor={id} className="label">
        Form
      </label>
      <select
        id={id}
        name={name}
        className="input"
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[grouped ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined}
      >
        <option value="">{grouped ? "No form / not listed" : "Choose the form…"}</option>
        {grouped
          ? groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.forms.map((f) => (
                  <option key={`${g.label}-${f}`} value={f}>
                    {f}
                  </option>
                ))}
              </optgroup>
            ))
          : groups[0]?.forms.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
      </select>
      {grouped ? (
        <p id={hintId} className="hint">
          Choose a form of the practice exam chosen above.
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
