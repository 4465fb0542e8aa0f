import { redirect } from "react-router";
import { authContext, pendingSignInContext } from "#app/context";
import { clearedSessionCookie, invalidateSession } from "#app/utils/session.server";
import type { Route } from "./+types/logout";

/** Signing out only by POST: a link or image cannot sign someone out. */
export function loader() {
  return redirect("/");
}

export async function action({ context }: Route.ActionArgs) {
  // A session still owing its second factor can be ended too (ADR 0017).
  const sessionId = context.get(authContext)?.sessionId ?? context.get(pendingSignInContext)?.sessionId;
  if (sessionId) await invalidateSession(sessionId);
  return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie() } });
}
