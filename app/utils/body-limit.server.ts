/**
 * Reads a request's form data only while its body stays within a size limit:
 * a declared Content-Length over the limit is refused before reading, and a
 * body sent without one (chunked) is counted as it streams in, so an upload
 * can never be buffered beyond the limit.
 */
export type LimitedFormData = { ok: true; form: FormData } | { ok: false; reason: "TOO_LARGE" | "UNREADABLE" };

export async function formDataWithin(request: Request, maxBytes: number): Promise<LimitedFormData> {
  const declared = Number.parseInt(request.headers.get("Content-Length") ?? "", 10);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: "TOO_LARGE" };
  try {
    if (Number.isFinite(declared) || !request.body) return { ok: true, form: await request.formData() };
    const reader = request.body.getReader();
    const parts: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, reason: "TOO_LARGE" };
      }
      parts.push(value);
    }
    const body = new Blob(parts as BlobPart[]);
    const form = await new Response(body, { headers: { "Content-Type": request.headers.get("Content-Type") ?? "" } }).formData();
    return { ok: true, form };
  } catch {
    return { ok: false, reason: "UNREADABLE" };
  }
}
