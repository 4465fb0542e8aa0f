import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useState } from "react";
import { flushSync } from "react-dom";
import { Form, useNavigation } from "react-router";
import { type GridDimension, printedLabelsFor, type ReportFormValues, reportEntrySchema } from "../../domain/diagnostics/report-form";
import { DISTANCE_NOTE_MAX, PRINTED_LABEL_MAX } from "../../domain/diagnostics/schema";
import { type ExamId, examInfo } from "../../domain/reference";
import { BAND_LABELS, BAND_SCALES, type Band, type BandScale, REFERENCE_GROUP_LABELS, REFERENCE_GROUPS } from "../../domain/vocabulary";
import { FieldErrors, FormErrors } from "../forms";

const SCALE_LABELS: Record<BandScale, string> = {
  CURRENT: "Current: Lower / Same / Higher",
  LEGACY: "Legacy: Lower / Borderline / Higher",
};

/** The band options of a scale, plus the current value when it is off the scale (so it is not lost; the server explains it). */
function BandOptions({ scale, value }: { scale: BandScale; value: string }) {
  const bands: readonly Band[] = BAND_SCALES[scale];
  const off = value !== "" && !bands.includes(value as Band) && value in BAND_LABELS;
  return (
    <>
      <option value="">Not reported</option>
      {bands.map((b) => (
        <option key={b} value={b}>
          {BAND_LABELS[b]}
        </option>
      ))}
      {off ? <option value={value}>{BAND_LABELS[value as Band]} (not on this scale)</option> : null}
    </>
  );
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
  const [scale, setScale] = useState<BandScale>(values.bandScale);
  const [form] = useForm({
    id: "score-report",
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reportEntrySchema(exam) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  /** Switching the scale turns the middle band over (Same ↔ Borderline) instead of losing it. */
  function changeScale(event: React.ChangeEvent<HTMLSelectElement>) {
    const next = event.currentTarget.value as BandScale;
    const selects = [...(event.currentTarget.form?.querySelectorAll<HTMLSelectElement>("select[data-band]") ?? [])];
    const before = selects.map((select) => select.value);
    const [from, to] = next === "LEGACY" ? ["SAME", "BORDERLINE"] : ["BORDERLINE", "SAME"];
    flushSync(() => setScale(next));
    selects.forEach((select, i) => {
      select.value = before[i] === from ? to : before[i];
    });
  }
  const errors = (form.allErrors ?? {}) as Record<string, string[] | undefined>;
  const err = (name: string) => errors[name];
  const labels = printedLabelsFor(exam);
  const info = examInfo(exam);
  const formErrors = [...(form.errors ?? []), ...(err("attemptId") ?? [])];
  let index = 0;

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-5">
      <input type="hidden" name="intent" value="report" />
      <input type="hidden" name="attemptId" value={values.attemptId} />
      <input type="hidden" name="expectedVersion" value={expectedVersion ?? ""} />
      <p className="text-sm text-slate-700">{attemptLabel}</p>
      <FormErrors id={form.errorId} errors={formErrors.length ? formErrors : null} />

      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="report-band-scale" className="label">
            Band scale
          </label>
          <select
            id="report-band-scale"
            name="bandScale"
            className="input"
            defaultValue={values.bandScale}
            onChange={changeScale}
            aria-invalid={err("bandScale") ? true : undefined}
            aria-describedby={err("bandScale") ? "report-band-scale-error" : "report-band-scale-hint"}
          >
            {(Object.keys(SCALE_LABELS) as BandScale[]).map((s) => (
              <option key={s} value={s}>
                {SCALE_LABELS[s]}
              </option>
            ))}
          </select>
          <p id="report-band-scale-hint" className="hint">
            Older reports print a Borderline band instead of Same; switching the scale turns one into the other.
          </p>
          <FieldErrors id="report-band-scale-error" errors={err("bandScale")} />
        </div>
        <div>
          <label htmlFor="report-reference-group" className="label">
            The bands compare with
          </label>
          <select
            id="report-reference-group"
            name="referenceGroup"
            className="input"
            defaultValue={values.referenceGroup}
            aria-invalid={err("referenceGroup") ? true : undefined}
            aria-describedby={err("referenceGroup") ? "report-reference-group-error" : undefined}
          >
            {REFERENCE_GROUPS.map((g) => (
              <option key={g} value={g}>
                {REFERENCE_GROUP_LABELS[g]}
              </option>
            ))}
          </select>
          <FieldErrors id="report-reference-group-error" errors={err("referenceGroup")} />
        </div>
      </div>

      <div>
        <h3>Content areas</h3>
        <p className="hint">
          Leave an area on “Not reported” when the report does not show it: blank is never “Same”. Tab from band to band and type the band's
          first letter.
        </p>
        {grid.map((dimension) => (
          <div key={dimension.dimension} className="mt-3 overflow-x-auto">
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
                {dimension.areas.map((area) => {
                  const i = index++;
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
                          data-band=""
                          className="input"
                          aria-label={`${area.name}: band`}
                          defaultValue={row.band}
                          aria-invalid={bandErrors.length ? true : undefined}
                          aria-describedby={bandErrors.length ? `band-${i}-error` : undefined}
                        >
                          <BandOptions scale={scale} value={row.band} />
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
          </div>
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
              <div>
                <label htmlFor={`printed-${j}-label`} className="label">
                  Printed label {j + 1}
                </label>
                <input
                  id={`printed-${j}-label`}
                  name={labelName}
                  className="input"
                  list="printed-labels"
                  maxLength={PRINTED_LABEL_MAX}
                  defaultValue={row.label}
                  aria-invalid={err(labelName) ? true : undefined}
                  aria-describedby={err(labelName) ? `printed-${j}-label-error` : undefined}
                />
                <FieldErrors id={`printed-${j}-label-error`} errors={err(labelName)} />
              </div>
              <div>
                <label htmlFor={`printed-${j}-band`} className="label">
                  Band of printed label {j + 1}
                </label>
                <select
                  id={`printed-${j}-band`}
                  name={bandName}
                  data-band=""
                  className="input"
                  defaultValue={row.band}
                  aria-invalid={err(bandName) ? true : undefined}
                  aria-describedby={err(bandName) ? `printed-${j}-band-error` : undefined}
                >
                  <BandOptions scale={scale} value={row.band} />
                </select>
                <FieldErrors id={`printed-${j}-band-error`} errors={err(bandName)} />
              </div>
            </div>
          );
        })}
      </fieldset>

      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="report-distance" className="label">
            Points from passing (optional)
          </label>
          <input
            id="report-distance"
            name="distanceFromPassing"
            inputMode="numeric"
            className="input"
            defaultValue={values.distanceFromPassing}
            aria-invalid={err("distanceFromPassing") ? true : undefined}
            aria-describedby={`report-distance-hint${err("distanceFromPassing") ? " report-distance-error" : ""}`}
          />
          <p id="report-distance-hint" className="hint">
            Points below the passing standard on the {info.label} scale ({info.scaleMin}–{info.scaleMax}), when the report says.
          </p>
          <FieldErrors id="report-distance-error" errors={err("distanceFromPassing")} />
        </div>
        <div>
          <label htmlFor="report-distance-note" className="label">
            How far from passing, in words (optional)
          </label>
          <textarea
            id="report-distance-note"
            name="distanceNote"
            className="input min-h-20"
            maxLength={DISTANCE_NOTE_MAX}
            defaultValue={values.distanceNote}
            aria-invalid={err("distanceNote") ? true : undefined}
            aria-describedby={err("distanceNote") ? "report-distance-note-error" : undefined}
          />
          <FieldErrors id="report-distance-note-error" errors={err("distanceNote")} />
        </div>
      </div>

      <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
        Save the score report
      </button>
    </Form>
  );
}
