import { Form } from "react-router";
import { formatDate } from "#app/domain/dates";
import { ordinal } from "#app/domain/text";
import type { CaseOverviewData } from "./overview-data";

/**
 * A date checked against the USMLE spacing rules (a GET form: checking changes
 * nothing, so the date lives in the URL); `children` is the staff's form that
 * sets the case's target date.
 */
export function NextAttemptDate({
  proposed,
  check,
  children,
}: {
  proposed: CaseOverviewData["proposed"];
  check: CaseOverviewData["check"];
  children?: React.ReactNode;
}) {
  return (
    <section aria-labelledby="next-date-heading" className="card">
      <h2 id="next-date-heading">Next attempt date</h2>
      <Form method="get" className="mt-2 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="proposed" className="label">
            Check a date against the USMLE spacing rules
          </label>
          <input id="proposed" name="proposed" type="date" className="input" defaultValue={proposed ?? ""} />
        </div>
        <button type="submit" className="btn-secondary">
          Check
        </button>
      </Form>
      {check ? (
        check.ok ? (
          <p className="mt-3 text-sm text-emerald-900" role="status">
            {formatDate(proposed as string)} respects the spacing rules: it would be the {ordinal(check.attemptNumber)} attempt
            {check.isLastChance ? " — the last one USMLE allows" : ""}.
          </p>
        ) : (
          <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" role="status">
            <p className="font-medium">{formatDate(proposed as string)} breaks the rules:</p>
            <ul className="mt-1 list-disc pl-5">
              {check.violations.map((v) => (
                <li key={v.code}>{v.message}</li>
              ))}
            </ul>
            {check.earliestAllowedDate ? (
              <p className="mt-1">The earliest date that works is {formatDate(check.earliestAllowedDate)}.</p>
            ) : null}
          </div>
        )
      ) : (
        <p className="mt-3 text-sm text-slate-600">No target date set yet.</p>
      )}
      {children}
    </section>
  );
}
