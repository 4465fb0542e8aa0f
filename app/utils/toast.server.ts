/**
 * One-time messages after a mutation ("Case taken on"), carried across the
 * redirect in a short-lived cookie that the root loader reads and clears.
 */
import { createCookie, redirect } from "react-router";
import { z } from "zod";
import { secureCookies } from "./env.server";

const toastSchema = z.object({
  kind: z.enum(["success", "error", "info"]).default("success"),
  title: z.string().max(200),
  description: z.string().max(500).optional(),
});
type Toast = z.infer<typeof toastSchema>;

const toastCookie = createCookie("rd_toast", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: secureCookies(),
  maxAge: 60,
});

export async function toastHeader(toast: z.input<typeof toastSchema>): Promise<string> {
  return toastCookie.serialize(toastSchema.parse(toast));
}

export async function redirectWithToast(url: string, toast: z.input<typeof toastSchema>, init: ResponseInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await toastHeader(toast));
  return redirect(url, { ...init, headers });
}

/** The pending toast, and the header that clears it (null when there is none). */
export async function readToast(request: Request): Promise<{ toast: Toast | null; clear: string | null }> {
  const raw = await toastCookie.parse(request.headers.get("Cookie"));
  if (!raw) return { toast: null, clear: null };
  const parsed = toastSchema.safeParse(raw);
  return {
    toast: parsed.success ? parsed.data : null,
    clear: await toastCookie.serialize("", { maxAge: 0, expires: new Date(0) }),
  };
}
