import { getFormProps, getSelectProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "react-router";
import { FieldErrors, FormErrors, SelectField, TextareaField } from "#app/components/forms";
import { useZodForm } from "#app/components/use-zod-form";
import { findingKindGroups, SEVERITY_LABELS } from "#app/domain/diagnostics/findings";
import { reportGrid } from "#app/domain/diagnostics/report-form";
import { EVIDENCE_MAX, findingSchema } from "#app/domain/diagnostics/schema";
import type { ExamId } from "#app/domain/reference";
import type { FindingKind, Visibility } from "#app/domain/vocabulary";
import { VisibilityFieldset } from "./visibility";

interface FindingDefaults {
  id: string;
  version: number;
  kind: FindingKind;
  severity: number;
  evidence: string;
  visibility: Visibility;
  areaIds: string[];
}

type FindingFields = { kind: string; severity: string; evidence: string; visibility: string; areaIds: string[] };

/** The kinds by family; a sensitive kind says so. */
const KIND_GROUPS = findingKindGroups().map((group) => ({
  label: group.label,
  options: group.kinds.map((k) => ({ value: k.id, label: `${k.label}${k.sensitive ? " (sensitive)" : ""}` })),
}));

const SEVERITY_OPTIONS = ([1, 2, 3] as const).map((s) => ({ value: String(s), label: SEVERITY_LABELS[s] }));

/**
 * Adding or editing a finding: kind (grouped by family), severity 1–3,
 * evidence, who can read it, and content areas for a content gap. Works
 * without JavaScript; with it, the areas open when the kind is a content gap.
 */
export function FindingForm({
  exam,
  finding,
  lastResult,
  error,
  cancelHref,
  isAuthor = true,
}: {
  exam: ExamId;
  /** The finding being edited; none to add one. */
  finding?: FindingDefaults;
  lastResult: SubmissionResult<string[]> | null | undefined;
  /** A refusal or conflict from the server. */
  error?: string | null;
  cancelHref?: string;
  /** Only the author may make a finding private. */
  isAuthor?: boolean;
}) {
  const navigation = useNavigation();
  const schema = findingSchema(exam);
  const id = finding ? `finding-${finding.id}` : "finding-new";
  const [form, fields] = useZodForm<ReturnType<typeof findingSchema>, FindingFields>({
    id,
    schema,
    lastResult,
    defaultValue: finding
      ? {
          kind: finding.kind,
          severity: String(finding.severity),
          evidence: finding.evidence,
          visibility: finding.visibility,
          areaIds: finding.areaIds,
        }
      : { visibility: "OFFICE", severity: "2" },
  });
  const allErrors = (form.allErrors ?? {}) as Record<string, string[] | undefined>;
  const areaErrors = Object.entries(allErrors)
    .filter(([key]) => key === "areaIds" || key.startsWith("areaIds["))
    .flatMap(([, list]) => list ?? []);
  const chosenAreas = new Set(
    Array.isArray(fields.areaIds.value) ? (fields.areaIds.value as string[]) : fields.areaIds.value ? [String(fields.areaIds.value)] : [],
  );
  const kind = (fields.kind.value ?? finding?.kind ?? "") as string;
  const visibility = (fields.visibility.value ?? finding?.visibility ?? "OFFICE") as string;
  const formErrors = [...(form.errors ?? []), ...(error ? [error] : [])];

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value={finding ? "edit-finding" : "add-finding"} />
      {finding ? (
        <>
          <input type="hidden" name="findingId" value={finding.id} />
          <input type="hidden" name="expectedVersion" value={finding.version} />
        </>
      ) : null}
      <FormErrors id={form.errorId} errors={formErrors.length ? formErrors : null} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <SelectField
          label="Kind"
          options={[{ value: "", label: "Choose a kind…" }]}
          groups={KIND_GROUPS}
          errors={fields.kind.errors}
          {...getSelectProps(fields.kind)}
          key={fields.kind.key}
        />
        <SelectField
          label="Severity"
          options={SEVERITY_OPTIONS}
          errors={fields.severity.errors}
          {...getSelectProps(fields.severity)}
          key={fields.severity.key}
        />
      </div>
      <TextareaField
        label="Evidence"
        hint="What you saw: the report, practice data, what the student said. Others see this only if you share the finding with them."
        maxLength={EVIDENCE_MAX}
        errors={fields.evidence.errors}
        {...getTextareaProps(fields.evidence)}
        key={fields.evidence.key}
      />
      <VisibilityFieldset
        id={`${id}-visibility`}
        name={fields.visibility.name}
        defaultValue={visibility}
        errors={fields.visibility.errors}
        allowPrivate={isAuthor}
        extraHint="Sensitive findings (anxiety, sleep and well-being, health, family, finances) show to those you do not share them with only as “present”."
      />
      <details
        className="rounded-md border border-slate-200 p-3"
        open={kind === "CONTENT_GAP" || areaErrors.length > 0 || chosenAreas.size > 0}
      >
        <summary className="cursor-pointer text-sm font-medium">Content areas (for a content gap)</summary>
        <fieldset className="mt-2" aria-describedby={areaErrors.length ? `${id}-areas-error` : undefined}>
          <legend className="sr-only">Content areas of the gap</legend>
          <div className="grid gap-3 md:grid-cols-3">
            {reportGrid(exam).map((dimension) => (
              <div key={dimension.dimension}>
                <p className="text-sm font-semibold">{dimension.label}</p>
                <ul className="mt-1 space-y-1">
                  {dimension.areas
                    .filter((a) => !a.legacy || chosenAreas.has(a.id))
                    .map((area) => (
                      <li key={area.id} className="flex items-start gap-2 text-sm">
                        <input
                          id={`${id}-area-${area.id}`}
                          type="checkbox"
                          name={fields.areaIds.name}
                          value={area.id}
                          defaultChecked={chosenAreas.has(area.id)}
                          className="mt-1"
                        />
                        <label htmlFor={`${id}-area-${area.id}`}>{area.name}</label>
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </div>
          <FieldErrors id={`${id}-areas-error`} errors={areaErrors.length ? [...new Set(areaErrors)] : null} />
        </fieldset>
      </details>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {finding ? "Save the finding" : "Add the finding"}
        </button>
        {cancelHref ? <Link to={cancelHref}>Cancel</Link> : null}
      </div>
    </Form>
  );
}
