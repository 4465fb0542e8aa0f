/**
 * /login/two-factor — the second step of signing in for a person with an
 * authenticator (ADR 0017): a code from the app, or a recovery code. Until it
 * is passed the session reaches nothing else.
 */

import { Form, redirect, useNavigation } from "react-router";
import { z } from "zod";
import { reply } from "#app/actions/reply";
import { getAuth, getPendingSignIn, safeRedirect, secondFactorPath } from "#app/auth/guards.server";
import { AuthPage } from "#app/components/auth-page";
import { CodeField } from "#app/components/two-factor";
import { refuse } from "#app/domain/result";
import { verifySecondFactor } from "#app/domain/two-factor/two-factor.server";
import { clientAddress, loginBuckets } from "#app/utils/rate-limit.server";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/two-factor";

type Args = Pick<Route.LoaderArgs, "request" | "context">;

/** The pending session that owes a code, or a redirect to wherever this visitor belongs. */
function requireVerifyStep({ request, context }: Args) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (getAuth(context)) throw redirect(redirectTo);
  const pending = getPendingSignIn(context);
  if (!pending) throw redirect("/login");
  if (pending.step !== "verify") throw redirect(secondFactorPath(pending, redirectTo));
  return { pending, redirectTo };
}

export function loader(args: Route.LoaderArgs) {
  const { pending } = requireVerifyStep(args);
  return { email: pending.email };
}

const codeSchema = z.object({ code: z.string().trim().min(1).max(64) });

export async function action(args: Route.ActionArgs) {
  const { pending, redirectTo } = requireVerifyStep(args);
  const parsed = codeSchema.safeParse(Object.fromEntries(await args.request.formData()));
  const answer = { intent: "verify" };
  if (!parsed.success) return reply(answer, refuse("INVALID", "Enter the code from your app, or a recovery code.", { field: "code" }));
  if (!(await loginBuckets.consume(clientAddress(args.request)))) {
    return reply(answer, refuse("LIMITED", "Too many sign-in attempts from this network. Wait a minute, then try again."));
  }
  const result = await verifySecondFactor({ userId: pending.userId, sessionId: pending.sessionId, code: parsed.data.code });
  if (!result.ok) return reply(answer, result);
  if (result.usedRecoveryCode) {
    return redirectWithToast(redirectTo, {
      kind: result.recoveryCodesLeft <= 2 ? "error" : "info",
      title: `You used a recovery code: ${result.recoveryCodesLeft} left`,
      description: "Each works once. Make new ones under My account → Two-factor authentication.",
    });
  }
  return redirect(redirectTo);
}

export function meta() {
  return [{ title: "Two-factor authentication · Retake Desk" }];
}

export default function TwoFactorVerify({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  return (
    <AuthPage
      title="Two-factor authentication"
      intro={<p>Enter the 6-digit code from your authenticator app for {loaderData.email}.</p>}
      footer={
        <Form method="post" action="/logout">
          <button type="submit" className="btn-link">
            Not you, or no code? Sign out
          </button>
        </Form>
      }
    >
      <Form method="post" className="space-y-4">
        <CodeField
          hint="Lost your phone? Enter one of your recovery codes instead."
          errors={actionData?.error ? [actionData.error] : undefined}
          autoFocus
        />
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          Verify
        </button>
      </Form>
    </AuthPage>
  );
}
