import type { SubmissionResult } from "@conform-to/react";
import { Form, Link } from "react-router";
import { SAVED_VIEW_NAME_MAX } from "#app/domain/cases/saved-view-constraints";

/**
 * The person's saved caseload views: each a link to the table as it was saved
 * (filters, sort, page size, columns), with "Delete"; and a form that saves the
 * current view under a name. Works without JavaScript.
 */
export function SavedViews({
  views,
  search,
  lastResult,
}: {
  views: ReadonlyArray<{ id: string; name: string; search: string }>;
  /** The current view's search, columns included. */
  search: string;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  // A plain form, not a Conform one: the browser checks the name is there and not too long, the server checks the
  // rest (saveViewSchema) and answers with the field's errors and the name typed. The caseload's bundle then
  // carries neither a schema library nor Conform's hooks (bench/README.md).
  const errors = lastResult?.error?.name ?? null;
  const typed = lastResult?.initialValue?.name;
  return (
    <section aria-labelledby="saved-views-heading" className="card space-y-3">
      <h2 id="saved-views-heading">Saved views</h2>
      {views.length === 0 ? (
        <p className="text-sm text-slate-700">None yet. A view keeps the filters, sort and columns; its link can be shared.</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {views.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5 text-sm">
              <Link to={`/cases${v.search}`}>{v.name}</Link>
              <Form method="post">
                <input type="hidden" name="intent" value="delete-view" />
                <input type="hidden" name="viewId" value={v.id} />
                <button type="submit" className="btn-secondary">
                  Delete<span className="sr-only"> the view {v.name}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" id="save-view" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="save-view" />
        <input type="hidden" name="search" value={search} />
        <div>
          <label htmlFor="save-view-name" className="label">
            Save this view as
          </label>
          <input
            id="save-view-name"
            name="name"
            type="text"
            required
            maxLength={SAVED_VIEW_NAME_MAX}
            defaultValue={typeof typed === "string" ? typed : undefined}
            className="input"
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={errors?.length ? "save-view-name-error" : undefined}
          />
          {errors?.length ? (
            <ul id="save-view-name-error" className="field-error">
              {errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <button type="submit" className="btn-secondary">
          Save view
        </button>
      </Form>
    </section>
  );
}
