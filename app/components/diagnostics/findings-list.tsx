import type { SubmissionResult } from "@conform-to/react";
import { RowActions } from "#app/components/row-actions";
import { formatDay } from "#app/domain/dates";
import { SEVERITY_LABELS } from "#app/domain/diagnostics/findings";
import type { StaffFinding } from "#app/domain/diagnostics/queries.server";
import type { ExamId } from "#app/domain/reference";
import { FINDING_FAMILIES, FINDING_FAMILY_LABELS, FINDING_KINDS } from "#app/domain/vocabulary";
import { FindingForm } from "./finding-form";
import { VisibilityBadge } from "./visibility";

const severityTone: Record<number, string> = {
  1: "bg-slate-100 text-slate-800",
  2: "bg-amber-100 text-amber-900",
  3: "bg-red-100 text-red-900",
};

/**
 * The case's findings the viewer may read, grouped by family. The author and
 * the office get Edit (in place, a link that works without JavaScript) and
 * Remove.
 */
export function FindingsList({
  exam,
  findings,
  editing,
  editResult,
  rowError,
  viewerId,
  baseHref,
}: {
  exam: ExamId;
  findings: StaffFinding[];
  /** The finding whose edit form is open. */
  editing: string | null;
  editResult: SubmissionResult<string[]> | null | undefined;
  /** A refusal or conflict about one finding. */
  rowError: { rowId: string; message: string } | null;
  viewerId: string;
  baseHref: string;
}) {
  if (findings.length === 0) {
    return <p className="mt-2 text-sm text-slate-700">No findings recorded yet.</p>;
  }
  return (
    <div className="mt-3 space-y-4">
      {FINDING_FAMILIES.map((family) => {
        const list = findings.filter((f) => FINDING_KINDS[f.kind].family === family);
        if (list.length === 0) return null;
        return (
          <section key={family} aria-labelledby={`family-${family}`}>
            <h3 id={`family-${family}`}>{FINDING_FAMILY_LABELS[family]}</h3>
            <ul className="mt-2 space-y-2">
              {list.map((f) => (
                <li key={f.id} id={`finding-${f.id}`} className="rounded-md border border-slate-200 p-3">
                  {editing === f.id && f.canManage ? (
                    <>
                      <h4 className="mb-2 font-semibold">Edit: {FINDING_KINDS[f.kind].label}</h4>
                      <FindingForm
                        exam={exam}
                        finding={f}
                        lastResult={editResult}
                        error={rowError?.rowId === f.id ? rowError.message : null}
                        cancelHref={baseHref}
                        isAuthor={f.authorId === viewerId}
                      />
                    </>
                  ) : (
                    <article aria-labelledby={`finding-${f.id}-title`}>
                      <div className="flex flex-wrap items-center gap-2">
                        <h4 id={`finding-${f.id}-title`} className="font-semibold">
                          {FINDING_KINDS[f.kind].label}
                        </h4>
                        <span className={`badge ${severityTone[f.severity] ?? severityTone[1]}`}>
                          Severity {SEVERITY_LABELS[f.severity as 1 | 2 | 3] ?? f.severity}
                        </span>
                        <VisibilityBadge visibility={f.visibility} />
                        {FINDING_KINDS[f.kind].sensitive ? <span className="badge bg-violet-100 text-violet-900">Sensitive</span> : null}
                      </div>
                      {f.areaNames.length ? <p className="mt-1 text-sm">Areas: {f.areaNames.join(", ")}</p> : null}
                      <p className="mt-1 text-sm whitespace-pre-line">{f.evidence}</p>
                      <p className="mt-1 text-xs text-slate-600">
                        {f.authorName ?? "Former staff member"} · updated {formatDay(f.updatedAt)}
                      </p>
                      <RowActions
                        rowId={f.id}
                        version={f.version}
                        error={rowError?.rowId === f.id ? rowError.message : null}
                        editHref={f.canManage ? `${baseHref}?edit=${f.id}#finding-${f.id}` : null}
                        editLabel={`Edit the finding “${FINDING_KINDS[f.kind].label}”`}
                        remove={
                          f.canManage
                            ? {
                                intent: "delete-finding",
                                idField: "findingId",
                                label: `Remove the finding “${FINDING_KINDS[f.kind].label}”`,
                                confirm: "Remove this finding? The activity log keeps that it existed.",
                              }
                            : null
                        }
                      />
                    </article>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
