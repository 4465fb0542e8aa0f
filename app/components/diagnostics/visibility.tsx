import { RadioGroupField } from "#app/components/forms";
import { VISIBILITIES, VISIBILITY_LABELS, type Visibility } from "#app/domain/vocabulary";

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
  // Someone other than the author may keep a private record private, never make one.
  const options = VISIBILITIES.filter((v) => allowPrivate || v !== "PRIVATE" || defaultValue === "PRIVATE").map((v) => ({
    value: v,
    label: VISIBILITY_LABELS[v],
    hint: hints[v],
  }));
  return (
    <RadioGroupField id={id} legend={legend} name={name} options={options} defaultValue={defaultValue} errors={errors} hint={extraHint} />
  );
}
