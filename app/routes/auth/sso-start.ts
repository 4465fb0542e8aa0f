/**
 * GET /sso/:slug — leaves for the school's OpenID Connect provider (ADR 0016).
 * A GET (a link), because a form post that redirects to another origin is
 * stopped by the CSP's form-action. Each start counts against the client
 * address's sign-in budget, like a password attempt.
 */
import { redirect } from "react-router";
import { requireAnonymous, safeRedirect } from "#app/auth/guards.server";
import { refuseThrottledStart, startSsoSignIn } from "#app/domain/sso/sign-in.server";
import { clientAddress, loginBuckets } from "#app/utils/rate-limit.server";
import type { Route } from "./+types/sso-start";

const backToLogin = (slug: string | null, reason: string, redirectTo: string) => {
  const params = new URLSearchParams();
  if (slug) params.set("school", slug);
  params.set("sso_error", reason);
  if (redirectTo !== "/") params.set("redirectTo", redirectTo);
  return redirect(`/login?${params.toString()}`);
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireAnonymous({ context });
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"));
  const hint = url.searchParams.get("login_hint")?.trim().slice(0, 254) || null;
  if (!(await loginBuckets.consume(clientAddress(request)))) {
    await refuseThrottledStart(params.slug);
    return backToLogin(params.slug, "throttled", redirectTo);
  }
  const started = await startSsoSignIn({ slug: params.slug, redirectTo, loginHint: hint });
  if (!started.ok) return backToLogin(started.school?.slug ?? null, started.reason, redirectTo);
  return redirect(started.location, { headers: { "Set-Cookie": started.cookie, "Cache-Control": "no-store" } });
}
