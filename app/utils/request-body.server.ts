/**
 * What a request body must look like before any action reads it (ADR 0012):
 * a form — url-encoded, or multipart with a boundary — within a size limit,
 * that parses, with no field sent twice unless the field is a list. Anything
 * else is answered 400, 413 or 415 here, never a 500 from deep inside an
 * action. The body is counted as it streams in, so an upload is never
 * buffered beyond its limit, with or without a declared Content-Length.
 */

/** A form without a file: the longest the app's forms send (a plan with every list full) is far below this. */
const FORM_BODY_LIMIT = 256 * 1024;
/**
 * A multipart body (a form with a file). The routes that take files check
 * their own, smaller limit with a message next to the field; this one only
 * stops anything larger before it is read.
 */
export const UPLOAD_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * Fields a form may send more than once (checkbox groups). Any other field
 * sent twice is refused: `get()` would silently keep the first value. A new
 * checkbox group adds its name here.
 */
const MULTI_VALUE_FIELDS: ReadonlySet<string> = new Set(["areaIds", "show"]);

type BodyProblem = { status: 400 | 413 | 415; message: string };

type FormBody = { ok: true; form: FormData; bytes: number } | { ok: false; problem: BodyProblem };

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"] as const;

const BODY_PROBLEMS = {
  notAForm: {
    status: 415,
    message: "This address accepts only forms (application/x-www-form-urlencoded or multipart/form-data); the request was refused.",
  },
  noBoundary: { status: 400, message: "The form could not be read: its multipart boundary is missing." },
  unreadable: { status: 400, message: "The form could not be read. Reload the page and send it again." },
  tooLarge: (limit: number) => ({
    status: 413,
    message: `The form is too large (more than ${formatBytes(limit)}). Shorten it, or upload a smaller file.`,
  }),
  duplicated: (name: string) => ({
    status: 400,
    message: `The form sent the field “${name.slice(0, 60)}” more than once. Reload the page and send it again.`,
  }),
} as const satisfies Record<string, BodyProblem | ((arg: never) => BodyProblem)>;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The form's media type, lower-cased without parameters; null when there is none. */
function mediaType(request: Request): string | null {
  const header = request.headers.get("Content-Type");
  if (!header) return null;
  return header.split(";")[0].trim().toLowerCase() || null;
}

/** The largest body a request of this content type may send. */
function bodyLimitFor(request: Request): number {
  return mediaType(request) === "multipart/form-data" ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT;
}

/** Whether the request carries a body at all (an empty form, e.g. the sign-out button's, has nothing to parse). */
export function hasBody(request: Request): boolean {
  if (!request.body) return false;
  const declared = request.headers.get("Content-Length");
  return declared === null || declared.trim() !== "0";
}

/** The content-type and declared-size checks, made before a byte of the body is read. */
export function checkHeaders(request: Request, limit = bodyLimitFor(request)): BodyProblem | null {
  const type = mediaType(request);
  if (!type || !(FORM_TYPES as readonly string[]).includes(type)) return BODY_PROBLEMS.notAForm;
  if (type === "multipart/form-data" && !/;\s*boundary=/i.test(request.headers.get("Content-Type") ?? "")) return BODY_PROBLEMS.noBoundary;
  const declared = Number.parseInt(request.headers.get("Content-Length") ?? "", 10);
  if (Number.isFinite(declared) && declared > limit) return BODY_PROBLEMS.tooLarge(limit);
  return null;
}

/** The body's bytes, read as they stream in and given up once past `limit`. */
async function readWithin(request: Request, limit: number): Promise<{ ok: true; body: Uint8Array } | { ok: false }> {
  if (!request.body) return { ok: true, body: new Uint8Array() };
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: cancelling one branch of a cloned body settles only once the other branch is cancelled too.
      reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    parts.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.byteLength;
  }
  return { ok: true, body };
}

/** The first field sent more than once that may not be, or null. */
function duplicatedField(form: FormData): string | null {
  const seen = new Set<string>();
  for (const name of form.keys()) {
    if (seen.has(name) && !MULTI_VALUE_FIELDS.has(name)) return name;
    seen.add(name);
  }
  return null;
}

/**
 * Reads and checks a request's form. Consumes the request's body: pass a
 * clone to leave the body for the action.
 */
export async function readFormBody(request: Request, limit = bodyLimitFor(request)): Promise<FormBody> {
  const problem = checkHeaders(request, limit);
  if (problem) return { ok: false, problem };
  let read: Awaited<ReturnType<typeof readWithin>>;
  try {
    read = await readWithin(request, limit);
  } catch {
    return { ok: false, problem: BODY_PROBLEMS.unreadable };
  }
  if (!read.ok) return { ok: false, problem: BODY_PROBLEMS.tooLarge(limit) };
  let form: FormData;
  try {
    form = await new Response(read.body as BodyInit, { headers: { "Content-Type": request.headers.get("Content-Type") ?? "" } }).formData();
  } catch {
    return { ok: false, problem: BODY_PROBLEMS.unreadable };
  }
  const duplicated = duplicatedField(form);
  if (duplicated !== null) return { ok: false, problem: BODY_PROBLEMS.duplicated(duplicated) };
  return { ok: true, form, bytes: read.body.byteLength };
}
