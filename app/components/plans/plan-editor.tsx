/**
 * Step 2 of building a plan, and the form that adjusts one: the tutor edits
 * dates, study hours and the rest day (the weekly rhythm follows from them),
 * focus areas and their shares, resources, milestones and measures. Lists grow
 * and shrink with Conform's intent buttons, which work without JavaScript (the
 * server answers the intent with the updated form).
 */
import {
  type DefaultValue,
  type FieldMetadata,
  type FormMetadata,
  getFieldsetProps,
  getFormProps,
  getInputProps,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "react-router";
import { Field, FieldErrors, FormErrors, InputField, SelectMetaField, TextareaMetaField } from "#app/components/forms";
import { editorBaseVersion, newFocusKey, type PlanEditorValues, planAdjustEditorSchema, planEditorSchema } from "#app/domain/plans/editor";
import {
  FOCUS_KIND_LABELS,
  FOCUS_KINDS,
  newCustomMilestoneUid,
  PLAN_LIMITS,
  RESOURCE_KIND_LABELS,
  RESOURCE_KINDS,
  WEEKDAY_NAMES,
} from "#app/domain/plans/schema";
import { MILESTONE_KIND_NAMES } from "#app/domain/plans/templates";
import { INSTRUMENT_IDS, instrument } from "#app/domain/reference";
import { capitalize } from "#app/domain/text";
import { FINDING_KIND_IDS, FINDING_KINDS, MILESTONE_KINDS } from "#app/domain/vocabulary";
import { PlanBasicsFields } from "./plan-basics-fields";

type Option = { value: string; label: string };

const FOCUS_KIND_OPTIONS = FOCUS_KINDS.map((k) => ({ value: k, label: FOCUS_KIND_LABELS[k] }));
const RESOURCE_KIND_OPTIONS = RESOURCE_KINDS.map((k) => ({ value: k, label: RESOURCE_KIND_LABELS[k] }));
const MILESTONE_KIND_OPTIONS = MILESTONE_KINDS.map((k) => ({ value: k, label: MILESTONE_KIND_NAMES[k] }));
const INSTRUMENT_OPTIONS = [
  { value: "", label: "No instrument" },
  ...INSTRUMENT_IDS.map((id) => ({ value: id, label: instrument(id).name })),
];
const FINDING_OPTIONS = FINDING_KIND_IDS.map((k) => ({ value: k, label: FINDING_KINDS[k].label }));

/** Both modes' fields; the adjust-only ones are absent when assigning. */
type EditorShape = PlanEditorValues & {
  reason?: string;
  promptedByPracticeExamId?: string;
  promptedByCheckInId?: string;
  expectedVersion?: number;
};

export interface PlanEditorProps {
  mode: "assign" | "adjust";
  defaultValue: PlanEditorValues;
  lastResult: SubmissionResult<string[]> | null | undefined;
  /** The plan version the edits start from (adjust only). */
  currentVersion?: number;
  /** After a refused save: the version someone saved meanwhile, which the next save builds on. */
  savedMeanwhile?: number | null;
  /** The case's version the form is shown with: a save never puts back a target exam date changed meanwhile. */
  caseVersion: number;
  promptOptions?: { practiceExams: Option[]; checkIns: Option[] };
  /** Shown above the save button (e.g. the conflict's changes). */
  children?: React.ReactNode;
}

export function PlanEditor({
  mode,
  defaultValue,
  lastResult,
  currentVersion,
  savedMeanwhile,
  caseVersion,
  promptOptions,
  children,
}: PlanEditorProps) {
  const navigation = useNavigation();
  const baseVersion = editorBaseVersion(currentVersion ?? 0, savedMeanwhile);
  const schema = mode === "assign" ? planEditorSchema : planAdjustEditorSchema;
  const [form, fields] = useForm<EditorShape>({
    id: `plan-editor-${mode}`,
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    constraint: getZodConstraint(schema),
    defaultValue: mode === "assign" ? defaultValue : { ...defaultValue, reason: "", promptedByPracticeExamId: "", promptedByCheckInId: "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const value = form.value as Partial<PlanEditorValues> | undefined;
  const shareTotal = (value?.focusAreas ?? []).reduce((sum, f) => sum + (Number(f?.sharePercent) || 0), 0);
  const existingKeys = (value?.focusAreas ?? []).flatMap((f) => (f?.key ? [{ key: String(f.key) }] : []));
  const existingUids = (value?.milestones ?? []).flatMap((m) => (m?.uid ? [String(m.uid)] : []));

  return (
    <Form method="post" className="space-y-6" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={mode} />
      {mode === "adjust" ? <input type="hidden" name="expectedVersion" value={baseVersion} /> : null}
      <input type="hidden" name="expectedCaseVersion" value={caseVersion} />
      <FormErrors id={form.errorId} errors={form.errors} />

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">Dates and weekly rhythm</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <PlanBasicsFields fields={fields} examDateLabel="Exam date" />
        </div>
        <p className="hint">
          The weekly rhythm follows from these: timed blocks in the exam's format in the mornings, review in the afternoons, recall and
          targeted content in the evenings, a full-length practice exam once a week and the rest day kept free.
        </p>
        <DayHoursFields
          defaults={defaultValue.hoursByDay ?? []}
          usualHours={defaultValue.hoursPerDay}
          errors={form.allErrors as Record<string, string[] | undefined>}
        />
      </fieldset>

      <RepeatableList
        form={form}
        field={fields.focusAreas}
        legend="Focus areas and their share of the week"
        noun="focus area"
        intro={
          <p className="text-sm text-slate-700" aria-live="polite">
            Shares add up to <span className="font-semibold">{shareTotal}%</span>
            {shareTotal !== 100 ? " — they must add up to 100%." : "."}
          </p>
        }
        newItem={() => ({ key: newFocusKey(existingKeys), label: "", kind: "AREA", sharePercent: 0 })}
        renderItem={(f, remove) => (
          <>
            <input {...getInputProps(f.key, { type: "hidden" })} key={f.key.key} />
            <div className="grid gap-3 sm:grid-cols-[1fr_12rem_8rem_auto] sm:items-end">
              <InputField label="Name" meta={f.label} />
              <SelectMetaField label="Kind" options={FOCUS_KIND_OPTIONS} meta={f.kind} />
              <InputField label="Share (%)" min={0} max={100} inputMode="numeric" type="number" meta={f.sharePercent} />
              {remove}
            </div>
            <FieldErrors id={`${f.key.id}-error`} errors={f.key.errors} />
          </>
        )}
      />

      <RepeatableList
        form={form}
        field={fields.resources}
        legend="Resources"
        noun="resource"
        newItem={() => ({ kind: "TARGETED", name: "", reason: "" })}
        renderItem={(r, remove) => (
          <>
            <div className="grid gap-3 sm:grid-cols-[14rem_1fr_auto] sm:items-end">
              <SelectMetaField label="Change" options={RESOURCE_KIND_OPTIONS} meta={r.kind} />
              <InputField label="Name" meta={r.name} />
              {remove}
            </div>
            <TextareaMetaField className="mt-2" label="Why" rows={2} meta={r.reason} />
          </>
        )}
      />

      <RepeatableList
        form={form}
        field={fields.milestones}
        legend="Practice-exam milestones"
        noun="milestone"
        newItem={() => ({ uid: newCustomMilestoneUid(existingUids), kind: "CUSTOM", dueOn: "", instrumentId: "", label: "" })}
        renderItem={(m, remove) => (
          <>
            <input {...getInputProps(m.uid, { type: "hidden" })} key={m.uid.key} />
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_12rem_11rem_14rem_auto] lg:items-end">
              <InputField label="Label" meta={m.label} />
              <SelectMetaField label="Kind" options={MILESTONE_KIND_OPTIONS} meta={m.kind} />
              <InputField label="Date" type="date" meta={m.dueOn} />
              <SelectMetaField label="Instrument" options={INSTRUMENT_OPTIONS} meta={m.instrumentId} />
              {remove}
            </div>
            <FieldErrors id={`${m.uid.id}-error`} errors={m.uid.errors} />
          </>
        )}
      />

      <RepeatableList
        form={form}
        field={fields.measures}
        legend="Well-being and strategy measures"
        noun="measure"
        intro={
          <p className="hint">
            The student reads the measures that answer findings shared with them (or no finding). A measure answering a finding they cannot
            see stays hidden from them, and one that only another staff member can see is kept as it is when you save.
          </p>
        }
        newItem={() => ({ findingKind: "SLEEP_WELLBEING", title: "", description: "" })}
        renderItem={(m, remove) => (
          <>
            <div className="grid gap-3 sm:grid-cols-[1fr_16rem_auto] sm:items-end">
              <InputField label="Title" meta={m.title} />
              <SelectMetaField label="Answers the finding" options={FINDING_OPTIONS} meta={m.findingKind} />
              {remove}
            </div>
            <TextareaMetaField className="mt-2" label="What to do" rows={2} meta={m.description} />
          </>
        )}
      />

      {mode === "adjust" ? (
        <fieldset className="space-y-3">
          <legend className="text-base font-semibold">Why the plan changes</legend>
          <AdjustFields fields={fields} promptOptions={promptOptions} />
        </fieldset>
      ) : null}

      {children}

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {mode === "assign" ? "Assign the plan" : `Save as version ${baseVersion + 1}`}
        </button>
        <p className="text-sm text-slate-600">
          {mode === "assign"
            ? "The student sees the plan as soon as it is assigned."
            : "The current version stays in the history; the student is told what changed and why."}
        </p>
      </div>
    </Form>
  );
}

/**
 * Days with their own study hours (clerkship days): one field per weekday,
 * empty for the usual hours. The rest day and the full-length day keep theirs
 * (the server says so next to the field if one is filled in).
 */
function DayHoursFields({
  defaults,
  usualHours,
  errors,
}: {
  defaults: ReadonlyArray<number | undefined>;
  usualHours: number;
  errors: Record<string, string[] | undefined>;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">Days with other study hours (e.g. clerkship days)</legend>
      <p className="hint">
        Leave a day empty for the usual {usualHours} hours. A shorter day keeps one timed block at least and shortens review and recall.
      </p>
      <div className="grid gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {WEEKDAY_NAMES.map((day, i) => (
          <Field
            key={day}
            label={day}
            name={`hoursByDay[${i}]`}
            type="number"
            step="0.5"
            min={PLAN_LIMITS.minHoursPerDay}
            max={PLAN_LIMITS.maxHoursPerDay}
            inputMode="decimal"
            defaultValue={defaults[i] ?? ""}
            errors={errors[`hoursByDay[${i}]`]}
          />
        ))}
      </div>
    </fieldset>
  );
}

function AdjustFields({
  fields,
  promptOptions,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: Conform's field map for the adjust schema
  fields: Record<string, FieldMetadata<any, any, string[]>>;
  promptOptions?: { practiceExams: Option[]; checkIns: Option[] };
}) {
  return (
    <>
      <TextareaMetaField
        label="Reason for this version"
        hint={`The student reads it. At least ${PLAN_LIMITS.reasonMinLength} characters, e.g. "Midpoint CBSSA below target: more time on renal and cardiology."`}
        rows={3}
        meta={fields.reason}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectMetaField
          label="Prompted by a practice exam (optional)"
          options={[{ value: "", label: "None" }, ...(promptOptions?.practiceExams ?? [])]}
          meta={fields.promptedByPracticeExamId}
        />
        <SelectMetaField
          label="Prompted by a check-in (optional)"
          options={[{ value: "", label: "None" }, ...(promptOptions?.checkIns ?? [])]}
          meta={fields.promptedByCheckInId}
        />
      </div>
    </>
  );
}

/**
 * A list the tutor grows and shrinks: a fieldset with its legend and errors,
 * each item a numbered fieldset ("Milestone 2") with its Remove button, and an
 * "Add a milestone" button. The buttons are Conform intents, so they work
 * without JavaScript too.
 */
/** The fields of one list item, as Conform's `getFieldset()` gives them. */
type ItemFields<Item> = { [Key in keyof Item]-?: FieldMetadata<Item[Key], EditorShape, string[]> };

function RepeatableList<Item>({
  form,
  field,
  legend,
  noun,
  intro,
  newItem,
  renderItem,
}: {
  form: FormMetadata<EditorShape, string[]>;
  field: FieldMetadata<Item[], EditorShape, string[]>;
  legend: string;
  /** One item, in lower case: "focus area". */
  noun: string;
  /** Shown under the legend, before the list's errors. */
  intro?: React.ReactNode;
  /** The values of an added item (computed when the button renders). */
  newItem: () => NoInfer<DefaultValue<Item>>;
  /** An item's fields; `remove` is its Remove button, to place in the layout. */
  renderItem: (fields: ItemFields<Item>, remove: React.ReactNode) => React.ReactNode;
}) {
  return (
    <fieldset className="space-y-3" {...getFieldsetProps(field)}>
      <legend className="text-base font-semibold">{legend}</legend>
      {intro}
      <FieldErrors id={`${field.id}-error`} errors={field.errors} />
      <ol className="space-y-2">
        {field.getFieldList().map((item, index) => {
          const name = `${capitalize(noun)} ${index + 1}`;
          return (
            <li key={item.key}>
              <fieldset className="rounded-md border border-slate-200 p-3">
                <legend className="px-1 text-sm font-medium">{name}</legend>
                {renderItem(
                  // Conform types an item's fieldset only for a known item type: what ItemFields spells out.
                  (item as unknown as { getFieldset: () => ItemFields<Item> }).getFieldset(),
                  <button
                    className="btn-secondary"
                    aria-label={`Remove ${noun} ${index + 1}`}
                    {...form.remove.getButtonProps({ name: field.name, index })}
                  >
                    Remove
                  </button>,
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button className="btn-secondary" {...form.insert.getButtonProps({ name: field.name, defaultValue: newItem() })}>
        {`Add a ${noun}`}
      </button>
    </fieldset>
  );
}
