/**
 * Labelled form controls that show their errors next to the field and point
 * to them with aria-describedby, so screen readers announce them. A Conform
 * form passes each field's metadata to `InputField`, `SelectMetaField`,
 * `TextareaMetaField` or `RadioMetaField`, which spread its props, errors and
 * key in one place.
 */
import { type FieldMetadata, type FormMetadata, getFormProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { useId } from "react";
import { Form } from "react-router";

type ErrorList = string[] | undefined | null;

export function FieldErrors({ id, errors }: { id: string; errors: ErrorList }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-error">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

interface FieldProps {
  label: string;
  hint?: string;
  errors?: ErrorList;
  className?: string;
}

interface FieldIds {
  id: string;
  errorId: string;
  hintId: string;
  describedBy: string | undefined;
  invalid: true | undefined;
}

/** The ids that tie a control to its label, hint and errors (read out by screen readers). */
function useFieldIds(given: string | undefined, hint: string | undefined, errors: ErrorList): FieldIds {
  const fallback = useId();
  const id = given ?? fallback;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return { id, errorId, hintId, describedBy, invalid: errors?.length ? true : undefined };
}

function FieldFrame({ label, hint, errors, className, ids, children }: FieldProps & { ids: FieldIds; children: React.ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={ids.id} className="label">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={ids.hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={ids.errorId} errors={errors} />
    </div>
  );
}

export function Field({ label, hint, errors, className, ...input }: FieldProps & React.InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(input.id, hint, errors);
  return (
    <FieldFrame label={label} hint={hint} errors={errors} className={className} ids={ids}>
      <input {...input} id={ids.id} className="input" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} />
    </FieldFrame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  /**
   * A stable identity when the option's value changes in place (default: the
   * value). An option kept under the same key stays selected when its value
   * changes, e.g. a band that turns from Same to Borderline with the scale.
   */
  key?: string;
}

interface SelectOptionGroup {
  label: string;
  options: ReadonlyArray<SelectOption>;
}

function Options({ options }: { options: ReadonlyArray<SelectOption> }) {
  return options.map((o) => (
    <option key={o.key ?? o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

/** A labelled select: `options` first, then `groups` (each an optgroup). */
export function SelectField({
  label,
  hint,
  errors,
  className,
  options = [],
  groups = [],
  ...select
}: FieldProps &
  React.SelectHTMLAttributes<HTMLSelectElement> & { options?: ReadonlyArray<SelectOption>; groups?: ReadonlyArray<SelectOptionGroup> }) {
  const ids = useFieldIds(select.id, hint, errors);
  return (
    <FieldFrame label={label} hint={hint} errors={errors} className={className} ids={ids}>
      <select {...select} id={ids.id} className="input" aria-invalid={ids.invalid} aria-describedby={ids.describedBy}>
        <Options options={options} />
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            <Options options={g.options} />
          </optgroup>
        ))}
      </select>
    </FieldFrame>
  );
}

export function TextareaField({
  label,
  hint,
  errors,
  className,
  ...textarea
}: FieldProps & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(textarea.id, hint, errors);
  return (
    <FieldFrame label={label} hint={hint} errors={errors} className={className} ids={ids}>
      <textarea {...textarea} id={ids.id} className="input min-h-24" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} />
    </FieldFrame>
  );
}

interface RadioOption {
  value: string;
  label: string;
  /** Said after the label, in the radio's accessible name. */
  hint?: string;
}

/**
 * A group of radio buttons under a legend (works without JavaScript): the
 * group's hint and errors are tied to the fieldset, each option's hint is
 * part of its label.
 */
export function RadioGroupField({
  legend,
  name,
  options,
  defaultValue,
  errors,
  hint,
  id,
  className,
}: {
  legend: string;
  name: string;
  options: ReadonlyArray<RadioOption>;
  defaultValue?: string | null;
  errors?: ErrorList;
  hint?: string;
  /** The base of the options' ids (`${id}-${value}`); generated when absent. */
  id?: string;
  className?: string;
}) {
  const ids = useFieldIds(id, hint, errors);
  return (
    <fieldset className={className} aria-describedby={ids.describedBy}>
      <legend className="label">{legend}</legend>
      {hint ? (
        <p id={ids.hintId} className="hint mt-0 mb-1">
          {hint}
        </p>
      ) : null}
      <div className="space-y-1">
        {options.map((o) => (
          <div key={o.value} className="flex items-start gap-2">
            <input
              id={`${ids.id}-${o.value}`}
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={defaultValue === o.value}
              className="mt-1"
            />
            <label htmlFor={`${ids.id}-${o.value}`} className="text-sm">
              <span className="font-medium">{o.label}</span>
              {o.hint ? <span className="text-slate-600"> {o.hint}</span> : null}
            </label>
          </div>
        ))}
      </div>
      <FieldErrors id={ids.errorId} errors={errors} />
    </fieldset>
  );
}

/** The input types a labelled text-like field takes (checkboxes and radios have their own controls). */
type InputType = "date" | "email" | "number" | "password" | "text" | "time";

type MetaProps<Props, Schema> = Omit<Props, "errors" | "id" | "name" | "defaultValue" | "required"> & { meta: FieldMetadata<Schema> };

/** `Field` for a Conform field: its name, id, default value, constraints, errors and key come from `meta`. */
export function InputField<Schema>({
  meta,
  type = "text",
  ...field
}: MetaProps<Omit<React.ComponentProps<typeof Field>, "type">, Schema> & { type?: InputType }) {
  return <Field errors={meta.errors} {...field} {...getInputProps(meta, { type })} key={meta.key} />;
}

/** `SelectField` for a Conform field (see `InputField`). */
export function SelectMetaField<Schema>({ meta, ...field }: MetaProps<React.ComponentProps<typeof SelectField>, Schema>) {
  return <SelectField errors={meta.errors} {...field} {...getSelectProps(meta)} key={meta.key} />;
}

/** `TextareaField` for a Conform field (see `InputField`). */
export function TextareaMetaField<Schema>({ meta, ...field }: MetaProps<React.ComponentProps<typeof TextareaField>, Schema>) {
  return <TextareaField errors={meta.errors} {...field} {...getTextareaProps(meta)} key={meta.key} />;
}

/** `RadioGroupField` for a Conform field (see `InputField`); the options' ids start with the field's id. */
export function RadioMetaField<Schema>({ meta, ...field }: MetaProps<React.ComponentProps<typeof RadioGroupField>, Schema>) {
  return (
    <RadioGroupField
      {...field}
      id={meta.id}
      name={meta.name}
      defaultValue={meta.initialValue == null ? null : String(meta.initialValue)}
      errors={meta.errors}
      key={meta.key}
    />
  );
}

/**
 * A Conform form posted to the page's action with its `intent`: the form's own
 * errors (and the action's refusal, `error`) come first, then `children`.
 */
export function ConformForm<Schema extends Record<string, unknown>>({
  form,
  intent,
  error,
  className,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  intent: string;
  error?: string | null;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <Form method="post" {...getFormProps(form)} className={className}>
      <input type="hidden" name="intent" value={intent} />
      <ConformFormErrors form={form} also={error} />
      {children}
    </Form>
  );
}

/** A Conform form's own errors, and a refusal of the whole form the action gave outside Conform (`also`). */
export function ConformFormErrors({ form, also }: { form: { errorId: string; errors?: string[] }; also?: string | null }) {
  return <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(also ? [also] : [])]} />;
}

/** Errors that belong to the whole form (e.g. "Wrong email or password"); focusable, so a refused submission can move focus to them. */
export function FormErrors({ id, errors }: { id?: string; errors: ErrorList }) {
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" tabIndex={-1} className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}
