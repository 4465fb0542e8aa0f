import { Form, Link, useNavigation } from "react-router";
import type { ActionReply } from "#app/actions/reply";
import { Field, FormErrors, SelectField } from "#app/components/forms";
import { ScrollRegion } from "#app/components/scroll-region";
import { TableHead } from "#app/components/table-head";
import { formatDay } from "#app/domain/dates";
import { IMPORT_COLUMNS, IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind, type RowError } from "#app/domain/imports/schema";

export type UploadFieldErrors = Partial<Record<"kind" | "schoolId" | "file", string[]>>;
type Summary = { rows: number; create: number; update: number; unchanged: number };

/** What the import action adds to its reply: which step answered, and what that step shows. */
export type ImportExtra =
  | {
      step: "preview";
      ok: true;
      kind: ImportKind;
      schoolId: string;
      fileName: string;
      batchId: string;
      summary: Summary;
      alreadyImportedOn: string | null;
    }
  | {
      step: "preview";
      ok: false;
      kind: ImportKind | null;
      schoolId: string | null;
      fileName: string;
      errors: RowError[];
      errorCount: number;
      rows: number;
      fieldErrors: UploadFieldErrors;
    }
  | { step: "commit"; ok: false; errors: RowError[] };

export type ImportAnswer = ActionReply & ImportExtra;

interface SchoolOption {
  value: string;
  label: string;
}

export interface RecentImport {
  id: string;
  committedAt: Date | string | null;
  kind: string;
  fileName: string;
  rowCount: number;
  school: { name: string };
  summary: Omit<Summary, "rows"> | null;
}

const hasFieldErrors = (fieldErrors: UploadFieldErrors) => Object.values(fieldErrors).some((messages) => messages?.length);

function Spinner() {
  return <span aria-hidden="true" className="inline-block size-4 animate-spin rounded-full border-2 border-white border-t-transparent" />;
}

function ErrorTable({ errors, total }: { errors: RowError[]; total: number }) {
  return (
    <ScrollRegion>
      <table className="data-table">
        <caption className="text-left text-sm text-slate-700">
          {total} {total === 1 ? "problem" : "problems"}
          {total > errors.length ? ` (the first ${errors.length} shown)` : ""}: fix them in the file and upload it again. Nothing was
          imported.
        </caption>
        <TableHead columns={["Row", "Column", "Value", "Problem"]} />
        <tbody>
          {errors.map((e) => (
            <tr key={`${e.row}-${e.column}-${e.message}`}>
              <td>{e.row}</td>
              <td className="font-mono text-xs">{e.column || "—"}</td>
              <td className="font-mono text-xs">{e.value ?? "—"}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/**
 * The import page: templates, the upload, then either the rows at fault or the
 * preview with its Import button, and the recent imports.
 */
export function ImportPage({
  schools,
  recent,
  answer,
}: {
  schools: SchoolOption[];
  recent: RecentImport[];
  answer: ImportAnswer | undefined;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const committing = busy && navigation.formData?.get("intent") === "commit";
  const result = answer;
  const several = schools.length > 1;
  const schoolName = (id: string | null) => schools.find((s) => s.value === id)?.label ?? "";
  const failed = result?.step === "preview" && !result.ok ? result : null;
  return (
    <div className="max-w-4xl space-y-4">
      <h1>Import from CSV</h1>
      <p className="text-slate-700">
        Upload a file, check the preview, then import it. Every row is validated first; if any row has a problem, nothing is imported. Rows
        are matched on the student's number (and exam and date), so importing the same file again changes nothing.
      </p>

      <section aria-labelledby="templates-heading" className="card">
        <h2 id="templates-heading">Templates</h2>
        <ul className="mt-2 space-y-2 text-sm">
          {IMPORT_KINDS.map((kind) => (
            <li key={kind}>
              <a href={`/office/import/templates/${kind.toLowerCase()}`} download>
                {IMPORT_KIND_LABELS[kind]} template
              </a>
              <span className="text-slate-600">
                {" "}
                — columns: {IMPORT_COLUMNS[kind].map((c) => `${c.name}${c.required ? "" : " (optional)"}`).join(", ")}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="upload-heading" className="card">
        <h2 id="upload-heading">Upload</h2>
        <Form method="post" encType="multipart/form-data" className="mt-3 flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="preview" />
          <SelectField
            id="kind"
            name="kind"
            label="The file holds"
            options={IMPORT_KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k] }))}
            defaultValue={result?.step === "preview" ? (result.kind ?? "STUDENTS") : "STUDENTS"}
            errors={failed?.fieldErrors.kind}
          />
          {several ? (
            <SelectField
              id="schoolId"
              name="schoolId"
              label="Import into"
              options={[{ value: "", label: "Choose a school" }, ...schools]}
              defaultValue={result?.step === "preview" ? (result.schoolId ?? "") : ""}
              errors={failed?.fieldErrors.schoolId}
              required
            />
          ) : null}
          <Field id="file" name="file" type="file" label="CSV file" accept=".csv,text/csv" required errors={failed?.fieldErrors.file} />
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? "Checking…" : "Preview"}
          </button>
        </Form>
      </section>

      {failed && (failed.errorCount > 0 || !hasFieldErrors(failed.fieldErrors)) ? (
        <section aria-labelledby="problems-heading" className="card space-y-3">
          <h2 id="problems-heading">{failed.fileName ? `${failed.fileName}: not imported` : "Not imported"}</h2>
          {failed.errorCount > 0 ? (
            <ErrorTable errors={failed.errors} total={failed.errorCount} />
          ) : (
            <FormErrors errors={failed.error ? [failed.error] : []} />
          )}
        </section>
      ) : null}

      {result?.step === "commit" && !result.ok ? (
        <section aria-labelledby="commit-problems-heading" className="card space-y-3">
          <h2 id="commit-problems-heading">Not imported</h2>
          <FormErrors errors={result.error ? [result.error] : []} />
          {result.errors.length ? <ErrorTable errors={result.errors} total={result.errors.length} /> : null}
        </section>
      ) : null}

      {result?.step === "preview" && result.ok ? (
        <section aria-labelledby="preview-heading" className="card space-y-3">
          <h2 id="preview-heading">
            Preview of {result.fileName} ({IMPORT_KIND_LABELS[result.kind]}
            {several ? ` into ${schoolName(result.schoolId)}` : ""})
          </h2>
          <p role="status">
            All {result.summary.rows} rows are valid: {result.summary.create} new, {result.summary.update} to update,{" "}
            {result.summary.unchanged} unchanged.
          </p>
          {result.alreadyImportedOn ? (
            <p className="text-sm text-slate-700">
              This same file was imported on {result.alreadyImportedOn}; importing it again changes nothing new.
            </p>
          ) : null}
          {result.kind === "STUDENTS" && result.summary.create > 0 ? (
            <p className="text-sm text-slate-700">
              Each new student is e-mailed a link to choose a password and activate their account; an admin can send it again from{" "}
              <Link to="/admin/users">Users</Link>.
            </p>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="commit" />
            <input type="hidden" name="batchId" value={result.batchId} />
            <button type="submit" className="btn-primary" disabled={busy} aria-describedby="import-progress">
              {committing ? <Spinner /> : null}
              {committing ? "Importing…" : `Import ${result.summary.rows} rows`}
            </button>
          </Form>
          {/* A large file takes seconds: say so while it runs (read out once). */}
          <div id="import-progress" role="status" className="text-sm text-slate-700">
            {committing ? (
              <>
                <p>Importing {result.summary.rows} rows; this can take a few seconds. Stay on this page.</p>
                <progress className="mt-1 w-full" aria-label="Import in progress" />
              </>
            ) : null}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="recent-heading" className="card">
        <h2 id="recent-heading">Recent imports</h2>
        {recent.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">None yet.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {recent.map((r) => (
              <li key={r.id}>
                {r.committedAt ? formatDay(r.committedAt) : ""} · {IMPORT_KIND_LABELS[r.kind as ImportKind]} ·{" "}
                {several ? `${r.school.name} · ` : ""}
                {r.fileName} · {r.rowCount} rows
                {r.summary ? ` (${r.summary.create} new, ${r.summary.update} updated, ${r.summary.unchanged} unchanged)` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
