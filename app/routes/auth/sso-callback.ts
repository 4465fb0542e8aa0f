/**
 * GET /sso/callback — where the school's provider sends the browser back
 * (ADR 0016): the redirect URI an admin registers at the provider. Success
 * opens an SSO session; any refusal goes back to the sign-in page with its
 * reason (the activity log has the details).
 */
import { redirect } from "react-router";
import { safeRedirect } from "#app/auth/guards.server";
import { clearedFlowCookie, completeSsoSignIn } from "#app/domain/sso/sign-in.server";
import { sessionCookie } from "#app/utils/session.server";
import type { Route } from "./+types/sso-callback";

export async function loader({ request }: Route.LoaderArgs) {
  const result = await completeSsoSignIn(request);
  const headers = new Headers({ "Cache-Control": "no-store" });
  headers.append("Set-Cookie", clearedFlowCookie());
  if (!result.ok) {
    const params = new URLSearchParams({ sso_error: result.reason });
    if (result.school) params.set("school", result.school.slug);
    return redirect(`/login?${params.toString()}`, { headers });
  }
  headers.append("Set-Cookie", sessionCookie(result.token, result.expiresAt));
  return redirect(safeRedirect(result.redirectTo), { headers });
}
