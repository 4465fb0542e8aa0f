import { getFormProps, getInputProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "react-router";
import { Field } from "#app/components/forms";
import { saveViewSchema } from "#app/domain/cases/saved-views";

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
  const [form, fields] = useForm({
    id: "save-view",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: saveViewSchema }),
    shouldValidate: "onSubmit",
  });
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
      <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="save-view" />
        <input type="hidden" name="search" value={search} />
        <Field label="Save this view as" {...getInputProps(fields.name, { type: "text" })} errors={fields.name.errors} />
        <button type="submit" className="btn-secondary">
          Save view
        </button>
      </Form>
    </section>
  );
}
