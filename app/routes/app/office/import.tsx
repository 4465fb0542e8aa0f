import { data, Form, Link, useNavigation } from "react-router";
import { FormErrors } from "../../../components/forms";
import { commitImport, MAX_IMPORT_BYTES, previewImport } from "../../../domain/imports/import.server";
import { IMPORT_COLUMNS, IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind, type RowError } from "../../../domain/imports/schema";
import { requireOffice } from "../../../utils/auth.server";
import { prisma } from "../../../utils/db.server";
import { redirectWithToast } from "../../../utils/toast.server";
import type { Route } from "./+types/import";

export async function loader(args: Route.LoaderArgs) {
  const { schoolIds } = requireOffice(args);
  const recent = await prisma.importBatch.findMany({
    where: { schoolId: { in: schoolIds }, status: "COMMITTED" },
    select: { id: true, kind: true, fileName: true, rowCount: true, committedAt: true, summary: true },
    orderBy: { committedAt: "desc" },
    take: 10,
  });
  return {
    recent: recent.map((r) => ({
      ...r,
      summary: r.summary ? (JSON.parse(r.summary) as { create: number; update: number; unchanged: number }) : null,
    })),
  };
}

type ActionData =
  | {
      step: "preview";
      kind: ImportKind;
      fileName: string;
      ok: true;
      batchId: string;
      summary: { rows: number; create: number; update: number; unchanged: number };
      alreadyImportedOn: string | null;
    }
  | {
      step: "preview";
      kind: ImportKind | null;
      fileName: string;
      ok: false;
      errors: RowError[];
      errorCount: number;
      rows: number;
      message: string | null;
    }
  | { step: "commit"; ok: false; errors: RowError[]; message: string };

export async function action(args: Route.ActionArgs) {
  const { user, schoolIds } = requireOffice(args);
  const length = Number(args.request.headers.get("Content-Length") ?? 0);
  if (length > MAX_IMPORT_BYTES + 10_000) {
    return data<ActionData>(
      {
        step: "preview",
        kind: null,
        fileName: "",
        ok: false,
        errors: [],
        errorCount: 0,
        rows: 0,
        message: "The file is too large (5 MB at most).",
      },
      { status: 413 },
    );
  }
  const form = await args.request.formData();
  const intent = form.get("intent");
  if (intent === "commit") {
    const result = await commitImport({ batchId: String(form.get("batchId") ?? ""), schoolIds, actorId: user.id });
    if (!result.ok) return data<ActionData>({ step: "commit", ok: false, errors: result.errors, message: result.message }, { status: 409 });
    const s = result.summary;
    return redirectWithToast("/office/import", {
      title: `${IMPORT_KIND_LABELS[result.kind]} imported`,
      description: `${s.create} new, ${s.update} updated, ${s.unchanged} unchanged.`,
    });
  }
  const kind = String(form.get("kind") ?? "") as ImportKind;
  const file = form.get("file");
  const fail = (message: string) =>
    data<ActionData>(
      {
        step: "preview",
        kind: (IMPORT_KINDS as readonly string[]).includes(kind) ? kind : null,
        fileName: "",
        ok: false,
        errors: [],
        errorCount: 0,
        rows: 0,
        message,
      },
      { status: 400 },
    );
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) return fail("Choose what the file holds.");
  if (!(file instanceof File) || file.size === 0) return fail("Choose a CSV file to upload.");
  if (file.size > MAX_IMPORT_BYTES) return fail("The file is too large (5 MB at most).");
  const preview = await previewImport({ schoolId: schoolIds[0], kind, fileName: file.name, content: await file.text(), actorId: user.id });
  if (!preview.ok) {
    return data<ActionData>(
      {
        step: "preview",
        kind,
        fileName: file.name,
        ok: false,
        errors: preview.errors,
        errorCount: preview.errorCount,
        rows: preview.rows,
        message: null,
      },
      { status: 400 },
    );
  }
  return data<ActionData>({ step: "preview", kind, fileName: file.name, ...preview });
}

export function meta() {
  return [{ title: "Import CSV · Retake Desk" }];
}

function ErrorTable({ errors, total }: { errors: RowError[]; total: number }) {
  return (
    <div className="overflow-x-auto">
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
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e) => (
            <tr key={`${e.row}-${e.column}-${e.message}`}>
              <td>{e.row}</td>
              <td className="font-mono text-xs">{e.column || "—"}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Import({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const result = actionData as ActionData | undefined;
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
          <div>
            <label htmlFor="kind" className="label">
              The file holds
            </label>
            <select
              id="kind"
              name="kind"
              className="input"
              defaultValue={result?.step === "preview" ? (result.kind ?? "STUDENTS") : "STUDENTS"}
            >
              {IMPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {IMPORT_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="file" className="label">
              CSV file
            </label>
            <input id="file" name="file" type="file" accept=".csv,text/csv" className="input" required />
          </div>
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? "Checking…" : "Preview"}
          </button>
        </Form>
      </section>

      {result?.step === "preview" && !result.ok ? (
        <section aria-labelledby="problems-heading" className="card space-y-3">
          <h2 id="problems-heading">{result.fileName ? `${result.fileName}: not imported` : "Not imported"}</h2>
          {result.message ? <FormErrors errors={[result.message]} /> : <ErrorTable errors={result.errors} total={result.errorCount} />}
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
            Preview of {result.fileName} ({IMPORT_KIND_LABELS[result.kind]})
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
              New students can sign in once they accept an invitation from <Link to="/admin/users">Users</Link>.
            </p>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="commit" />
            <input type="hidden" name="batchId" value={result.batchId} />
            <button type="submit" className="btn-primary" disabled={busy}>
              {busy ? "Importing…" : `Import ${result.summary.rows} rows`}
            </button>
          </Form>
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
                {r.committedAt ? new Date(r.committedAt).toISOString().slice(0, 10) : ""} · {IMPORT_KIND_LABELS[r.kind as ImportKind]} ·{" "}
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
