/**
 * Which school, if any, signs in an address's domain (ADR 0016): the sign-in
 * page asks while the person types. A resource route, so the answer is data and
 * never a redirect — a lookup still in flight when the person signs in cannot
 * send their browser anywhere.
 */
import { ssoLookupSchema } from "#app/domain/auth/schema";
import { ssoOfferForEmail } from "#app/domain/sso/sign-in.server";
import type { Route } from "./+types/sso-offer";

export async function loader({ request }: Route.LoaderArgs) {
  const lookup = ssoLookupSchema.safeParse({ email: new URL(request.url).searchParams.get("email") ?? "" });
  const sso = lookup.success ? await ssoOfferForEmail(lookup.data.email) : null;
  return Response.json({ sso }, { headers: { "Cache-Control": "no-store" } });
}
