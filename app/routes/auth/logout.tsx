import { redirect } from "react-router";
import { authContext } from "../../context";
import { clearedSessionCookie, invalidateSession } from "../../utils/session.server";
import type { Route } from "./+types/logout";

/** Signing out only by POST: a link or image cannot sign someone out. */
export function loader() {
  return redirect("/");
}

export async function action({ context }: Route.ActionArgs) {
  const auth = context.get(authContext);
  if (auth) await invalidateSession(auth.sessionId);
  return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie() } });
}
