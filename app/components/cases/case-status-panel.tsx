import type { SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "react-router";
import { StatusBadge } from "#app/components/badges";
import { FormErrors } from "#app/components/forms";
import { type ManualTransition, READY_REASON_MIN_LENGTH } from "#app/domain/cases/status";
import type { CaseOverviewData } from "./overview-data";

/** A status change offered on the page. */
export type TransitionOption = Pick<ManualTransition, "to" | "outcome" | "label" | "description" | "kind">;

/**
 * The case's status and, for staff, the changes they may make to it. Marking a
 * case ready while the readiness gate is not met asks why.
 */
export function CaseStatusPanel({
  caseRow,
  transitions,
  staff,
  gateUnmet,
  error,
  readyResult,
}: {
  caseRow: Pick<CaseOverviewData["caseRow"], "status" | "outcome" | "version">;
  transitions: readonly TransitionOption[];
  staff: boolean;
  /** How far the student is from the readiness gate when it is not met (null when it is, or does not apply). */
  gateUnmet: string | null;
  error: string | null;
  /** The answer to a refused "mark ready": the reason's error and what was typed. */
  readyResult: SubmissionResult<string[]> | null | undefined;
}) {
  const navigation = useNavigation();
  return (
    <section aria-labelledby="status-heading" className="card">
      <h2 id="status-heading">Status</h2>
      <p className="mt-2">
        <StatusBadge status={caseRow.status} outcome={caseRow.outcome} />
      </p>
      {error ? (
        <div className="mt-2">
          <FormErrors errors={[error]} />
        </div>
      ) : null}
      {staff && transitions.length > 0 ? (
        <ul className="mt-3 space-y-2">
          {transitions.map((t) => (
            <li key={`${t.to}-${t.outcome ?? ""}`}>
              <Form method="post">
                <input type="hidden" name="intent" value="status" />
                <input type="hidden" name="to" value={t.to} />
                {t.outcome ? <input type="hidden" name="outcome" value={t.outcome} /> : null}
                <input type="hidden" name="expectedVersion" value={caseRow.version} />
                {t.to === "READY" && gateUnmet !== null ? (
                  <ReadyReasonField
                    howFar={gateUnmet}
                    error={readyResult?.error?.note?.[0] ?? null}
                    typed={String(readyResult?.initialValue?.note ?? "")}
                  />
                ) : null}
                <button
                  type="submit"
                  className={t.kind === "CLOSE" ? "btn-danger w-full" : t.kind === "BACK" ? "btn-secondary w-full" : "btn-primary w-full"}
                  disabled={navigation.state === "submitting"}
                >
                  {t.label}
                </button>
                <p className="hint">{t.description}</p>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Marking a case ready while the readiness gate is not met asks why; the activity log keeps the answer. */
function ReadyReasonField({ howFar, error, typed }: { howFar: string; error: string | null; typed: string }) {
  return (
    <div className="mb-2">
      <label htmlFor="ready-reason" className="label">
        Why is the student ready? The readiness gate is not met ({howFar}).
      </label>
      <textarea
        id="ready-reason"
        name="note"
        className="input w-full"
        rows={3}
        required
        minLength={READY_REASON_MIN_LENGTH}
        maxLength={500}
        defaultValue={typed}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "ready-reason-error" : undefined}
      />
      {error ? (
        <p id="ready-reason-error" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
