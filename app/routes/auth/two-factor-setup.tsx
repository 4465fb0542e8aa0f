/**
 * /login/two-factor/setup — a person whose school requires a second factor of
 * their role, and who has none, sets one up before reaching anything else
 * (ADR 0017). Confirming the first code passes the second factor for this
 * session and shows the recovery codes once.
 */

import { Form, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import { z } from "zod";
import { reply } from "#app/actions/reply";
import { getAuth, getPendingSignIn, safeRedirect, secondFactorPath } from "#app/auth/guards.server";
import { AuthPage } from "#app/components/auth-page";
import { FormErrors } from "#app/components/forms";
import { RecoveryCodes, TotpSetup } from "#app/components/two-factor";
import { refuse } from "#app/domain/result";
import { qrSvg } from "#app/domain/two-factor/qr.server";
import { beginEnrolment, confirmEnrolment, pendingEnrolment, TWO_FACTOR_UNAVAILABLE } from "#app/domain/two-factor/two-factor.server";
import { encryptionAvailable } from "#app/utils/secret-box.server";
import type { Route } from "./+types/two-factor-setup";

type Args = Pick<Route.LoaderArgs, "request" | "context">;

function requireEnrolStep({ request, context }: Args) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (getAuth(context)) throw redirect(redirectTo);
  const pending = getPendingSignIn(context);
  if (!pending) throw redirect("/login");
  if (pending.step !== "enrol") throw redirect(secondFactorPath(pending, redirectTo));
  return { pending, redirectTo };
}

export async function loader(args: Route.LoaderArgs) {
  const { pending } = requireEnrolStep(args);
  const base = { requiredBy: pending.requiredBy, email: pending.email };
  if (!encryptionAvailable()) return { ...base, setup: null, unavailable: TWO_FACTOR_UNAVAILABLE };
  // The key to set up is made on arrival (and kept until confirmed), so the page works without a first click.
  let setup = await pendingEnrolment(pending.userId, pending.email);
  if (!setup && (await beginEnrolment(pending.userId)).ok) setup = await pendingEnrolment(pending.userId, pending.email);
  // No key after a confirmation in this very request (a form posted without JavaScript): the page shows the codes.
  if (!setup) return { ...base, setup: null, unavailable: null };
  return { ...base, setup: { manualKey: setup.manualKey, qrSvg: await qrSvg(setup.uri) }, unavailable: null };
}

const confirmSchema = z.object({ intent: z.literal("confirm"), code: z.string().trim().min(1).max(64) });

export async function action(args: Route.ActionArgs) {
  const { pending, redirectTo } = requireEnrolStep(args);
  const parsed = confirmSchema.safeParse(Object.fromEntries(await args.request.formData()));
  const answer = { intent: "confirm", extra: { codes: null, redirectTo } };
  if (!parsed.success) return reply(answer, refuse("INVALID", "Enter the 6-digit code your app shows.", { field: "code" }));
  const result = await confirmEnrolment({ userId: pending.userId, sessionId: pending.sessionId, code: parsed.data.code });
  if (!result.ok) return reply(answer, result);
  return { error: null, codes: result.recoveryCodes, redirectTo };
}

/**
 * After the first right code the session is complete, and this page's loader
 * would send it on at once: keep the page (and its recovery codes) instead.
 */
export function shouldRevalidate({ actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (actionResult?.codes) return false;
  return defaultShouldRevalidate;
}

export function meta() {
  return [{ title: "Set up two-factor authentication · Retake Desk" }];
}

function requiredByText(schools: string[]) {
  if (schools.length === 0) return "Your school requires a second factor for your role.";
  const list = schools.length === 1 ? schools[0] : `${schools.slice(0, -1).join(", ")} and ${schools.at(-1)}`;
  return `${list} require${schools.length === 1 ? "s" : ""} a second factor for your role: set it up once, and from now on you sign in with your password and a code from your phone.`;
}

export default function TwoFactorSetup({ loaderData, actionData }: Route.ComponentProps) {
  if (actionData?.codes) {
    return (
      <AuthPage title="Two-factor authentication is on">
        <div className="space-y-4">
          <RecoveryCodes codes={actionData.codes} />
          <a href={actionData.redirectTo} className="btn-primary w-full">
            I have saved my recovery codes — continue
          </a>
        </div>
      </AuthPage>
    );
  }
  return (
    <AuthPage
      title="Set up two-factor authentication"
      intro={<p>{requiredByText(loaderData.requiredBy)}</p>}
      footer={
        <Form method="post" action="/logout">
          <button type="submit" className="btn-link">
            Not now: sign out
          </button>
        </Form>
      }
    >
      {loaderData.setup ? (
        <TotpSetup
          qrSvg={loaderData.setup.qrSvg}
          manualKey={loaderData.setup.manualKey}
          errors={actionData?.error ? [actionData.error] : undefined}
        />
      ) : loaderData.unavailable ? (
        <FormErrors errors={[loaderData.unavailable]} />
      ) : (
        <a href="/" className="btn-primary w-full">
          Continue
        </a>
      )}
    </AuthPage>
  );
}
