import { VISIBILITIES, VISIBILITY_LABELS, type Visibility } from "../../domain/vocabulary";
import { FieldErrors } from "../forms";

const tone: Record<Visibility, string> = {
  PRIVATE: "bg-slate-200 text-slate-800",
  OFFICE: "bg-indigo-100 text-indigo-900",
  STUDENT: "bg-emerald-100 text-emerald-900",
};

/** Who can read a finding or note. */
export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  return <span className={`badge ${tone[visibility]}`}>{VISIBILITY_LABELS[visibility]}</span>;
}

const hints: Record<Visibility, string> = {
  PRIVATE: "Only you can read it.",
  OFFICE: "The school's office and the case's tutor can read it; the student cannot.",
  STUDENT: "The student can read it too.",
};

/** Radio buttons for a record's visibility; works without JavaScript. */
export function VisibilityFieldset({
  id,
  name,
  defaultValue,
  errors,
  legend = "Who can read this",
  allowPrivate = true,
  extraHint,
}: {
  id: string;
  name: string;
  defaultValue: string | undefined;
  errors?: string[];
  legend?: string;
  allowPrivate?: boolean;
  extraHint?: string;
}) {
  const errorId = `${id}-error`;
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="label">{legend}</legend>
      {extraHint ? <p className="hint mt-0 mb-1">{extraHint}</p> : null}
      <div className="space-y-1">
        {VISIBILITIES.filter((v) => allowPrivate || v !== "PRIVATE" || defaultValue === "PRIVATE").map((v) => (
          <div key={v} className="flex items-start gap-2">
            <input id={`${id}-${v}`} type="radio" name={name} value={v} defaultChecked={defaultValue === v} className="mt-1" />
            <label htmlFor={`${id}-${v}`} className="text-sm">
              <span className="font-medium">{VISIBILITY_LABELS[v]}</span> <span className="text-slate-600">{hints[v]}</span>
            </label>
          </div>
        ))}
      </div>
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
