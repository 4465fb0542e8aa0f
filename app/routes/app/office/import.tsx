import { z } from "zod";
import { notUnderstood, reply } from "#app/actions/reply";
import { requireOffice } from "#app/auth/guards.server";
import { type ImportAnswer, type ImportExtra, ImportPage, type UploadFieldErrors } from "#app/components/imports/import-page";
import { commitImport, previewImport, recentImports } from "#app/domain/imports/import.server";
import {
  FILE_TOO_LARGE,
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  type ImportKind,
  importFormSchema,
  MAX_IMPORT_BYTES,
} from "#app/domain/imports/schema";
import { type Refusal, refuse } from "#app/domain/result";
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

/** The import action's one way to answer: reply() with the step's facts beside the refusal. */
const answer = (extra: ImportExtra, refusal?: Refusal) =>
  reply<ImportExtra>({ intent: extra.step, extra, status: refusal ? undefined : 200 }, refusal);

/** An upload refused before any row was read: the choices made are kept (a browser never refills a file input). */
function uploadRefused(
  refusal: Refusal,
  fieldErrors: UploadFieldErrors = {},
  values: { kind: ImportKind | null; schoolId: string | null } = { kind: null, schoolId: null },
) {
  return answer({ step: "preview", ok: false, ...values, fileName: "", errors: [], errorCount: 0, rows: 0, fieldErrors }, refusal);
}

export async function action(args: Route.ActionArgs) {
  const { user, schoolIds } = requireOffice(args);
  const body = await formDataWithin(args.request, MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES);
  if (!body.ok)
    return uploadRefused(
      body.reason === "TOO_LARGE" ? refuse("TOO_LARGE", FILE_TOO_LARGE) : refuse("INVALID", "That upload could not be read."),
    );
  const form = body.form;
  const intent = form.get("intent");
  if (intent !== "preview" && intent !== "commit") notUnderstood();
  const parsed = importFormSchema(schoolIds).safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    if (intent === "commit") return answer({ step: "commit", ok: false, errors: [] }, refuse("INVALID", "That import was not found."));
    const kind = IMPORT_KINDS.find((k) => k === form.get("kind")) ?? null;
    const schoolId = schoolIds.find((id) => id === form.get("schoolId")) ?? null;
    const { fieldErrors } = z.flattenError(parsed.error) as { fieldErrors: Record<string, string[] | undefined> };
    const upload: UploadFieldErrors = { kind: fieldErrors.kind, schoolId: fieldErrors.schoolId, file: fieldErrors.file };
    const file = form.get("file");
    const tooLarge = file instanceof File && file.size > MAX_IMPORT_BYTES;
    const refusal = refuse(tooLarge ? "TOO_LARGE" : "INVALID", tooLarge ? FILE_TOO_LARGE : "Correct the fields marked below.");
    return uploadRefused(refusal, upload, { kind, schoolId });
  }
  const input = parsed.data;
  if (input.intent === "commit") {
    const result = await commitImport({ batchId: input.batchId, schoolIds, actorId: user.id });
    if (!result.ok) return answer({ step: "commit", ok: false, errors: result.errors }, result);
    const s = result.summary;
    return redirectWithToast("/office/import", {
      title: `${IMPORT_KIND_LABELS[result.kind]} imported`,
      description: `${s.create} new, ${s.update} updated, ${s.unchanged} unchanged.`,
    });
  }
  const { kind, schoolId, file } = input;
  const preview = await previewImport({ schoolId, kind, fileName: file.name, content: await file.text(), actorId: user.id });
  const fileName = file.name;
  if (!preview.ok) {
    const { errors, errorCount, rows } = preview;
    return answer({ step: "preview", ok: false, kind, schoolId, fileName, errors, errorCount, rows, fieldErrors: {} }, preview);
  }
  const { batchId, summary, alreadyImportedOn } = preview;
  return answer({ step: "preview", ok: true, kind, schoolId, fileName, batchId, summary, alreadyImportedOn });
}

export function meta() {
  return [{ title: "Import CSV · Retake Desk" }];
}

export default function Import({ loaderData, actionData }: Route.ComponentProps) {
  return <ImportPage schools={loaderData.schools} recent={loaderData.recent} answer={actionData as ImportAnswer | undefined} />;
}
