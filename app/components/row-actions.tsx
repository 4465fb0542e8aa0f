import { Form, Link, useNavigation } from "react-router";
import { FormErrors } from "./forms";

/**
 * Under a row of a list (a finding, a session note): a refusal about it, the
 * Edit link (in place, works without JavaScript) and Remove, which asks first.
 * The removal posts `intent`, the row's id under `idField` and the version
 * the viewer saw.
 */
export function RowActions({
  rowId,
  version,
  error,
  editHref,
  editLabel,
  remove,
}: {
  rowId: string;
  version: number;
  /** A refusal or conflict about this row. */
  error?: string | null;
  /** Where Edit goes; no link when the viewer may not edit. */
  editHref?: string | null;
  /** The Edit link's accessible name, e.g. "Edit the note of 3 Nov 2026". */
  editLabel: string;
  /** The removal; none when the viewer may not remove the row. */
  remove?: { intent: string; idField: string; label: string; confirm: string } | null;
}) {
  const navigation = useNavigation();
  return (
    <>
      {error ? (
        <div className="mt-2">
          <FormErrors errors={[error]} />
        </div>
      ) : null}
      {editHref || remove ? (
        <div className="mt-2 flex flex-wrap items-center gap-3">
          {editHref ? (
            <Link to={editHref} aria-label={editLabel}>
              Edit
            </Link>
          ) : null}
          {remove ? (
            <Form
              method="post"
              onSubmit={(event) => {
                if (!window.confirm(remove.confirm)) event.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value={remove.intent} />
              <input type="hidden" name={remove.idField} value={rowId} />
              <input type="hidden" name="expectedVersion" value={version} />
              <button
                type="submit"
                className="btn-link text-red-800"
                disabled={navigation.state === "submitting"}
                aria-label={remove.label}
              >
                Remove
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
