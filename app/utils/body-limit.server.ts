/**
 * Reads a request's form data only while its body stays within a size limit:
 * a declared Content-Length over the limit is refused before reading, and a
 * body sent without one (chunked) is counted as it streams in, so an upload
 * can never be buffered beyond the limit (see ./request-body.server.ts).
 */
import { readFormBody } from "./request-body.server";

type LimitedFormData = { ok: true; form: FormData } | { ok: false; reason: "TOO_LARGE" | "UNREADABLE" };

export async function formDataWithin(request: Request, maxBytes: number): Promise<LimitedFormData> {
  const read = await readFormBody(request, maxBytes);
  if (read.ok) return { ok: true, form: read.form };
  return { ok: false, reason: read.problem.status === 413 ? "TOO_LARGE" : "UNREADABLE" };
}
