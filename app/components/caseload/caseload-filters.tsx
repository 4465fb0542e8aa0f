/**
 * The caseload's filters (a GET form whose state lives in the URL; with
 * JavaScript they apply as they change) and its column chooser (remembered
 * per browser, and put in the URL so a link shows what its sender saw).
 */
import { useRef } from "react";
import { Form, Link, useSubmit } from "react-router";
import {
  CASELOAD_COLUMNS,
  type CaseloadColumnId,
  type CaseloadParams,
  caseloadSearch,
  EXAM_WITHIN_DAYS,
  PAGE_SIZES,
  STATUS_FILTERS,
} from "#app/domain/cases/caseload";
import { examLabel, RETAKE_EXAM_IDS } from "#app/domain/reference";
import { CASE_STATUS_LABELS, RISK_LEVEL_LABELS, RISK_LEVELS } from "#app/domain/vocabulary";

export function CaseloadFilters({ params, filtered }: { params: CaseloadParams; filtered: boolean }) {
  const submit = useSubmit();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // With JavaScript, filters apply as they change (the search box after a pause); without, "Apply" submits.
  const autoSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const isText = (event.target as HTMLElement).getAttribute("type") === "search";
    clearTimeout(timer.current);
    timer.current = setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), isText ? 400 : 0);
  };

  return (
    <Form
      method="get"
      role="search"
      aria-label="Filter cases"
      className="card grid gap-4 lg:grid-cols-[minmax(12rem,1fr)_2fr]"
      onChange={autoSubmit}
    >
      <input type="hidden" name="sort" value={params.sort} />
      <input type="hidden" name="dir" value={params.dir} />
      {params.hide !== null ? <input type="hidden" name="hide" value={params.hide.join(",")} /> : null}
      <div className="space-y-3">
        <div>
          <label htmlFor="q" className="label">
            Search by name or email
          </label>
          <input id="q" name="q" type="search" defaultValue={params.q} className="input" />
        </div>
        <div>
          <label htmlFor="examWithin" className="label">
            Exam date
          </label>
          <select id="examWithin" name="examWithin" defaultValue={params.examWithin ?? ""} className="input w-auto">
            <option value="">Any date</option>
            {EXAM_WITHIN_DAYS.map((n) => (
              <option key={n} value={n}>
                In the next {n} days
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="size" className="label">
            Rows per page
          </label>
          <select id="size" name="size" defaultValue={params.size} className="input w-auto">
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="space-y-3">
        <CheckboxGroup
          legend="Status (none checked: all open cases)"
          name="status"
          options={STATUS_FILTERS.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
          selected={params.status}
        />
        <CheckboxGroup
          legend="Exam"
          name="exam"
          options={RETAKE_EXAM_IDS.map((e) => ({ value: e, label: examLabel(e) }))}
          selected={params.exam}
        />
        <CheckboxGroup
          legend="Risk"
          name="risk"
          options={RISK_LEVELS.map((r) => ({ value: r, label: RISK_LEVEL_LABELS[r] }))}
          selected={params.risk}
        />
        <div className="flex gap-2">
          <button type="submit" className="btn-primary">
            Apply
          </button>
          {filtered ? (
            <Link
              to={caseloadSearch({ ...params, q: "", status: [], exam: [], risk: [], examWithin: null }, { page: 1 }) || "/cases"}
              className="btn-secondary"
            >
              Clear filters
            </Link>
          ) : null}
        </div>
      </div>
    </Form>
  );
}

/** The columns to show: the hideable ones, checked when shown. */
export function ColumnChooser({ hidden, viewSearch }: { hidden: readonly CaseloadColumnId[]; viewSearch: string }) {
  return (
    <details className="card">
      <summary className="cursor-pointer text-sm font-medium">Choose columns</summary>
      <Form method="post" className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="columns" />
        <input type="hidden" name="search" value={viewSearch} />
        <CheckboxGroup
          legend="Columns to show"
          hideLegend
          name="show"
          options={CASELOAD_COLUMNS.filter((c) => c.hideable).map((c) => ({ value: c.id, label: c.label }))}
          selected={CASELOAD_COLUMNS.filter((c) => !hidden.includes(c.id)).map((c) => c.id)}
        />
        <button type="submit" className="btn-secondary">
          Show these columns
        </button>
      </Form>
    </details>
  );
}

function CheckboxGroup({
  legend,
  name,
  options,
  selected,
  hideLegend = false,
}: {
  legend: string;
  name: string;
  options: Array<{ value: string; label: string }>;
  selected: readonly string[];
  /** The legend is still read out by screen readers, only not shown (when the surrounding heading says it). */
  hideLegend?: boolean;
}) {
  return (
    <fieldset>
      <legend className={hideLegend ? "sr-only" : "label"}>{legend}</legend>
      <div className="flex flex-wrap gap-x-3 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-1.5 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} className="size-4" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
