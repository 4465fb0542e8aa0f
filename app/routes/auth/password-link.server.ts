/**
 * The two pages that take a password link from a mail — activation and reset
 * (ADR 0012) — share their loader and action; only the wording and where the
 * person lands differ.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect } from "react-router";
import { reply } from "#app/actions/reply";
import { findUsableToken, setPasswordWithToken, type TokenPurpose, UNUSABLE_LINK } from "#app/domain/accounts/mutations.server";
import { isWellFormedToken } from "#app/domain/accounts/tokens.server";
import { TOO_MANY_ATTEMPTS } from "#app/domain/auth/refusals";
import { choosePasswordSchema } from "#app/domain/auth/schema";
import { refuse } from "#app/domain/result";
import { clientAddress, loginBuckets } from "#app/utils/rate-limit.server";
import { clearedSessionCookie, createSession, sessionCookie } from "#app/utils/session.server";
import { toastHeader } from "#app/utils/toast.server";

export async function passwordLinkLoader(purpose: TokenPurpose, token: string | undefined) {
  const found = isWellFormedToken(token) ? await findUsableToken(purpose, token) : null;
  return { account: found ? { email: found.email, name: found.name } : null };
}

export async function passwordLinkAction(purpose: TokenPurpose, request: Request, token: string | undefined) {
  const submission = parseWithZod(await request.formData(), { schema: choosePasswordSchema });
  const answer = { intent: "password", submission, messageIn: "form" as const, hideFields: ["password", "confirm"] };
  if (submission.status !== "success") return reply(answer);
  if (!(await loginBuckets.consume(clientAddress(request)))) return reply(answer, TOO_MANY_ATTEMPTS);
  const result = isWellFormedToken(token)
    ? await setPasswordWithToken(purpose, token, submission.value.password)
    : refuse("GONE", UNUSABLE_LINK);
  if (!result.ok) return reply(answer, result);
  if (purpose === "ACTIVATION") {
    // The owner of the address just proved it: they are signed in.
    const { token: sessionToken, session } = await createSession(result.userId);
    const headers = new Headers({ "Set-Cookie": sessionCookie(sessionToken, session.expiresAt) });
    headers.append("Set-Cookie", await toastHeader({ title: "Your account is ready", description: "Welcome to Retake Desk." }));
    return redirect("/", { headers });
  }
  // Every session ended with the reset, this browser's included: sign in with the new password.
  const headers = new Headers({ "Set-Cookie": clearedSessionCookie() });
  headers.append("Set-Cookie", await toastHeader({ title: "Password changed", description: "Sign in with your new password." }));
  return redirect("/login", { headers });
}
