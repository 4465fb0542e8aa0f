/**
 * Labelled form controls that show their errors next to the field and point
 * to them with aria-describedby, so screen readers announce them.
 */
import { useId } from "react";

export type ErrorList = string[] | undefined | null;

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

export function SelectField({
  label,
  hint,
  errors,
  className,
  options,
  ...select
}: FieldProps & React.SelectHTMLAttributes<HTMLSelectElement> & { options: ReadonlyArray<{ value: string; label: string }> }) {
  const ids = useFieldIds(select.id, hint, errors);
  return (
    <FieldFrame label={label} hint={hint} errors={errors} className={className} ids={ids}>
      <select {...select} id={ids.id} className="input" aria-invalid={ids.invalid} aria-describedby={ids.describedBy}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
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

/** Errors that belong to the whole form (e.g. "Wrong email or password"). */
export function FormErrors({ id, errors }: { id?: string; errors: ErrorList }) {
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}
