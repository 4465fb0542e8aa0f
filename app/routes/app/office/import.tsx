import { data, Form, Link, useNavigation } from "react-router";
import { z } from "zod";
import { requireOffice } from "#app/auth/guards.server";
import { Field, FormErrors, SelectField } from "#app/components/forms";
import { ScrollRegion } from "#app/components/scroll-region";
import { formatDay } from "#app/domain/dates";
import { commitImport, previewImport, recentImports } from "#app/domain/imports/import.server";
import {
  FILE_TOO_LARGE,
  IMPORT_COLUMNS,
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  type ImportKind,
  importFormSchema,
  MAX_IMPORT_BYTES,
  type RowError,
} from "#app/domain/imports/schema";
import { schoolOptions } from "#app/domain/school-choice";
import { formDataWithin } from "#app/utils/body-limit.server";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/import";

/** Room for the form's other fields and the multipart framing around the file. */
const FORM_OVERHEAD_BYTES = 10_000;

export async function loader(args: Route.LoaderArgs) {
  const { user, schoolIds } = requireOffice(args);
  const recent = await recentImports(schoolIds);
  return {
    schools: schoolOptions(user, schoolIds),
    recent: recent.map((r) => ({
      ...r,
      summary: r.summary ? (JSON.parse(r.summary) as { create: number; update: number; unchanged: number }) : null,
    })),
  };
}

type UploadFieldErrors = Partial<Record<"kind" | "schoolId" | "file", string[]>>;

type ActionData =
  | {
      step: "preview";
      kind: ImportKind;
      schoolId: string;
      fileName: string;
      ok: true;
      batchId: string;
      summary: { rows: number; create: number; update: number; unchanged: number };
      alreadyImportedOn: string | null;
    }
  | {
      step: "preview";
      kind: ImportKind | null;
      schoolId: string | null;
      fileName: string;
      ok: false;
      errors: RowError[];
      errorCount: number;
      rows: number;
      message: string | null;
      fieldErrors: UploadFieldErrors;
    }
  | { step: "commit"; ok: false; errors: RowError[]; message: string };

export async function action(args: Route.ActionArgs) {
  const { user, schoolIds } = requireOffice(args);
  const refused = (
    status: number,
    message: string | null,
    fieldErrors: UploadFieldErrors = {},
    values: { kind: ImportKind | null; schoolId: string | null } = { kind: null, schoolId: null },
  ) =>
    data<ActionData>(
      { step: "preview", ...values, fileName: "", ok: false, errors: [], errorCount: 0, rows: 0, message, fieldErrors },
      { status },
    );
  const body = await formDataWithin(args.request, MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES);
  if (!body.ok) return body.reason === "TOO_LARGE" ? refused(413, FILE_TOO_LARGE) : refused(400, "That upload could not be read.");
  const form = body.form;
  const parsed = importFormSchema(schoolIds).safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    if (form.get("intent") === "commit")
      return data<ActionData>({ step: "commit", ok: false, errors: [], message: "That import was not found." }, { status: 400 });
    // The choices made are kept (a browser never refills a file input).
    const kind = IMPORT_KINDS.find((k) => k === form.get("kind")) ?? null;
    const schoolId = schoolIds.find((id) => id === form.get("schoolId")) ?? null;
    const { fieldErrors } = z.flattenError(parsed.error) as { fieldErrors: Record<string, string[] | undefined> };
    const upload: UploadFieldErrors = { kind: fieldErrors.kind, schoolId: fieldErrors.schoolId, file: fieldErrors.file };
    const file = form.get("file");
    const tooLarge = file instanceof File && file.size > MAX_IMPORT_BYTES;
    const unknown = !upload.kind && !upload.schoolId && !upload.file;
    return refused(tooLarge ? 413 : 400, unknown ? "That request was not understood." : null, upload, { kind, schoolId });
  }
  const input = parsed.data;
  if (input.intent === "commit") {
    const result = await commitImport({ batchId: input.batchId, schoolIds, actorId: user.id });
    if (!result.ok) return data<ActionData>({ step: "commit", ok: false, errors: result.errors, message: result.message }, { status: 409 });
    const s = result.summary;
    return redirectWithToast("/office/import", {
      title: `${IMPORT_KIND_LABELS[result.kind]} imported`,
      description: `${s.create} new, ${s.update} updated, ${s.unchanged} unchanged.`,
    });
  }
  const { kind, schoolId, file } = input;
  const preview = await previewImport({ schoolId, kind, fileName: file.name, content: await file.text(), actorId: user.id });
  if (!preview.ok) {
    return data<ActionData>(
      {
        step: "preview",
        kind,
        schoolId,
        fileName: file.name,
        ok: false,
        errors: preview.errors,
        errorCount: preview.errorCount,
        rows: preview.rows,
        message: null,
        fieldErrors: {},
      },
      { status: 400 },
    );
  }
  return data<ActionData>({ step: "preview", kind, schoolId, fileName: file.name, ...preview });
}

export function meta() {
  return [{ title: "Import CSV · Retake Desk" }];
}

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
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Value</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
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

export default function Import({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const committing = busy && navigation.formData?.get("intent") === "commit";
  const result = actionData as ActionData | undefined;
  const { schools } = loaderData;
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

      {failed && (failed.message || failed.errorCount > 0) ? (
        <section aria-labelledby="problems-heading" className="card space-y-3">
          <h2 id="problems-heading">{failed.fileName ? `${failed.fileName}: not imported` : "Not imported"}</h2>
          {failed.message ? <FormErrors errors={[failed.message]} /> : <ErrorTable errors={failed.errors} total={failed.errorCount} />}
        </section>
      ) : null}

      {result?.step === "commit" && !result.ok ? (
        <section aria-labelledby="commit-problems-heading" className="card space-y-3">
          <h2 id="commit-problems-heading">Not imported</h2>
          <FormErrors errors={[result.message]} />
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
        {loaderData.recent.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">None yet.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {loaderData.recent.map((r) => (
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
