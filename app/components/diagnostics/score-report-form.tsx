import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "react-router";
import { Field, FieldErrors, FormErrors, SelectField, type SelectOption, TextareaField } from "#app/components/forms";
import { ScrollRegion } from "#app/components/scroll-region";
import { type GridDimension, printedLabelsFor, type ReportFormValues, reportEntrySchema } from "#app/domain/diagnostics/report-form";
import { DISTANCE_NOTE_MAX, PRINTED_LABEL_MAX } from "#app/domain/diagnostics/schema";
import { type ExamId, examInfo } from "#app/domain/reference";
import { BAND_LABELS, BAND_SCALES, type Band, type BandScale, REFERENCE_GROUP_LABELS, REFERENCE_GROUPS } from "#app/domain/vocabulary";

const SCALE_OPTIONS: SelectOption[] = [
  { value: "CURRENT", label: "Current: Lower / Same / Higher" },
  { value: "LEGACY", label: "Legacy: Lower / Borderline / Higher" },
];

const REFERENCE_GROUP_OPTIONS: SelectOption[] = REFERENCE_GROUPS.map((g) => ({ value: g, label: REFERENCE_GROUP_LABELS[g] }));

const onScale = (scale: BandScale, value: string) => (BAND_SCALES[scale] as readonly string[]).includes(value);

/**
 * The options of a band select on `scale`. The middle band (Same or
 * Borderline) keeps one key, so switching the scale turns a chosen Same into
 * Borderline and back in place. A stored value off the scale the form opened
 * with stays an option, so it is not lost (the server explains it).
 */
function bandOptions(scale: BandScale, value: string, openedWith: BandScale): SelectOption[] {
  const options: SelectOption[] = [{ value: "", label: "Not reported" }];
  for (const band of BAND_SCALES[scale]) {
    options.push({ key: band === "LOWER" || band === "HIGHER" ? band : "middle", value: band, label: BAND_LABELS[band] });
  }
  if (value in BAND_LABELS && !onScale(openedWith, value)) {
    const label = BAND_LABELS[value as Band];
    options.push({ key: "off", value, label: onScale(scale, value) ? label : `${label} (not on this scale)` });
  }
  return options;
}

/**
 * The score report of one failed attempt: the exam's content-area grid from
 * the reference data, one band select per area in tab order (type L, S, H or
 * B to choose), the label as printed when it differs, and rows for labels a
 * report prints for several areas. Works without JavaScript; errors show next
 * to their fields and everything typed is kept.
 */
export function ScoreReportForm({
  exam,
  grid,
  values,
  expectedVersion,
  lastResult,
  attemptLabel,
}: {
  exam: ExamId;
  /** The exam's content areas by dimension (`reportGrid(exam)`, from the reference data). */
  grid: GridDimension[];
  values: ReportFormValues;
  expectedVersion: number | null;
  lastResult: SubmissionResult<string[]> | null | undefined;
  attemptLabel: string;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "score-report",
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reportEntrySchema(exam) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  // The scale as chosen now (Conform follows the form's values as they change).
  const chosenScale = fields.bandScale.value;
  const scale: BandScale = typeof chosenScale === "string" && chosenScale in BAND_SCALES ? (chosenScale as BandScale) : values.bandScale;
  const options = (value: string) => bandOptions(scale, value, values.bandScale);
  const errors = (form.allErrors ?? {}) as Record<string, string[] | undefined>;
  const err = (name: string) => errors[name];
  const labels = printedLabelsFor(exam);
  const info = examInfo(exam);
  const formErrors = [...(form.errors ?? []), ...(err("attemptId") ?? [])];
  // Each dimension's first row in the form's `areas` list (the grid's areas in order).
  const firstRow = grid.map((_, k) => grid.slice(0, k).reduce((n, d) => n + d.areas.length, 0));

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-5">
      <input type="hidden" name="intent" value="report" />
      <input type="hidden" name="attemptId" value={values.attemptId} />
      <input type="hidden" name="expectedVersion" value={expectedVersion ?? ""} />
      <p className="text-sm text-slate-700">{attemptLabel}</p>
      <FormErrors id={form.errorId} errors={formErrors.length ? formErrors : null} />

      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          id="report-band-scale"
          label="Band scale"
          hint="Older reports print a Borderline band instead of Same; switching the scale turns one into the other."
          name="bandScale"
          defaultValue={values.bandScale}
          options={SCALE_OPTIONS}
          errors={err("bandScale")}
        />
        <SelectField
          id="report-reference-group"
          label="The bands compare with"
          name="referenceGroup"
          defaultValue={values.referenceGroup}
          options={REFERENCE_GROUP_OPTIONS}
          errors={err("referenceGroup")}
        />
      </div>

      <div>
        <h3>Content areas</h3>
        <p className="hint">
          Leave an area on “Not reported” when the report does not show it: blank is never “Same”. Tab from band to band and type the band's
          first letter.
        </p>
        {grid.map((dimension, k) => (
          <ScrollRegion key={dimension.dimension} className="mt-3">
            <table className="data-table">
              <caption className="py-1 text-left font-semibold text-slate-900">{dimension.label}</caption>
              <thead>
                <tr>
                  <th scope="col">Area</th>
                  <th scope="col" className="w-24">
                    Outline weight
                  </th>
                  <th scope="col" className="w-48">
                    Band
                  </th>
                  <th scope="col">Label as printed, if different</th>
                </tr>
              </thead>
              <tbody>
                {dimension.areas.map((area, j) => {
                  const i = firstRow[k] + j;
                  const row = values.areas[i] ?? { areaId: area.id, band: "", printedLabel: "" };
                  const bandName = `areas[${i}].band`;
                  const labelName = `areas[${i}].printedLabel`;
                  const bandErrors = [...(err(`areas[${i}].areaId`) ?? []), ...(err(bandName) ?? [])];
                  return (
                    <tr key={area.id}>
                      <th scope="row" className="bg-transparent font-normal">
                        {area.name}
                        {area.legacy ? <span className="text-slate-600"> (older outlines)</span> : null}
                        {area.aliases.length ? (
                          <span className="block text-xs text-slate-600">
                            Also printed as {area.aliases.map((a) => `“${a}”`).join(", ")}
                          </span>
                        ) : null}
                      </th>
                      <td className="text-slate-700">{area.weightLabel ?? "—"}</td>
                      <td>
                        <input type="hidden" name={`areas[${i}].areaId`} value={area.id} />
                        <select
                          name={bandName}
                          className="input"
                          aria-label={`${area.name}: band`}
                          defaultValue={row.band}
                          aria-invalid={bandErrors.length ? true : undefined}
                          aria-describedby={bandErrors.length ? `band-${i}-error` : undefined}
                        >
                          {options(row.band).map((o) => (
                            <option key={o.key ?? o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                        <FieldErrors id={`band-${i}-error`} errors={bandErrors.length ? bandErrors : null} />
                      </td>
                      <td>
                        <input
                          name={labelName}
                          className="input"
                          list="printed-labels"
                          maxLength={PRINTED_LABEL_MAX}
                          aria-label={`${area.name}: label as printed`}
                          defaultValue={row.printedLabel}
                          aria-invalid={err(labelName) ? true : undefined}
                          aria-describedby={err(labelName) ? `label-${i}-error` : undefined}
                        />
                        <FieldErrors id={`label-${i}-error`} errors={err(labelName)} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        ))}
        <datalist id="printed-labels">
          {labels.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
      </div>

      <fieldset className="space-y-2">
        <legend className="font-semibold text-slate-900">Areas printed under another name</legend>
        <p className="hint mt-0">
          Type a label exactly as the report prints it (for example “{labels[0] ?? "Microbiology & Immunology"}”) and its band: it goes to
          every area the label stands for.
        </p>
        {values.printed.map((row, j) => {
          const labelName = `printed[${j}].label`;
          const bandName = `printed[${j}].band`;
          return (
            <div key={labelName} className="grid gap-2 sm:grid-cols-[1fr_12rem]">
              <Field
                id={`printed-${j}-label`}
                label={`Printed label ${j + 1}`}
                name={labelName}
                list="printed-labels"
                maxLength={PRINTED_LABEL_MAX}
                defaultValue={row.label}
                errors={err(labelName)}
              />
              <SelectField
                id={`printed-${j}-band`}
                label={`Band of printed label ${j + 1}`}
                name={bandName}
                defaultValue={row.band}
                options={options(row.band)}
                errors={err(bandName)}
              />
            </div>
          );
        })}
      </fieldset>

      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id="report-distance"
          label="Points from passing (optional)"
          hint={`Points below the passing standard on the ${info.label} scale (${info.scaleMin}–${info.scaleMax}), when the report says.`}
          name="distanceFromPassing"
          inputMode="numeric"
          defaultValue={values.distanceFromPassing}
          errors={err("distanceFromPassing")}
        />
        <TextareaField
          id="report-distance-note"
          label="How far from passing, in words (optional)"
          name="distanceNote"
          maxLength={DISTANCE_NOTE_MAX}
          defaultValue={values.distanceNote}
          errors={err("distanceNote")}
        />
      </div>

      <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
        Save the score report
      </button>
    </Form>
  );
}
