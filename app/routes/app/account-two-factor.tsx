/**
 * /account/two-factor — anyone can turn on two-factor authentication (ADR
 * 0017): set up an authenticator (QR code or key, then a first code), receive
 * recovery codes once, make new ones, or turn it off — each change with a
 * fresh code.
 */

import { Form } from "react-router";
import { z } from "zod";
import { reply } from "#app/actions/reply";
import { getAuth, requireUser } from "#app/auth/guards.server";
import { FormErrors } from "#app/components/forms";
import { CodeField, RecoveryCodes, TotpSetup } from "#app/components/two-factor";
import { formatInstant } from "#app/domain/accounts/mutations.server";
import { type Refusal, refuse } from "#app/domain/result";
import { qrSvg } from "#app/domain/two-factor/qr.server";
import {
  beginEnrolment,
  confirmEnrolment,
  disableTwoFactor,
  pendingEnrolment,
  regenerateRecoveryCodes,
  twoFactorRequiredBy,
  twoFactorStatus,
} from "#app/domain/two-factor/two-factor.server";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/account-two-factor";

export async function loader(args: Route.LoaderArgs) {
  const user = requireUser(args);
  const [status, requiredBy] = await Promise.all([twoFactorStatus(user.id), twoFactorRequiredBy(user.id)]);
  const pending = status.pending ? await pendingEnrolment(user.id, user.email) : null;
  return {
    enrolled: status.enrolled,
    enrolledAt: status.enrolledAt ? formatInstant(status.enrolledAt) : null,
    recoveryCodesLeft: status.recoveryCodesLeft,
    available: status.available,
    requiredBy,
    setup: pending ? { manualKey: pending.manualKey, qrSvg: await qrSvg(pending.uri) } : null,
  };
}

const formSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start") }),
  z.object({ intent: z.literal("confirm"), code: z.string().trim().min(1).max(64) }),
  z.object({ intent: z.literal("disable"), code: z.string().trim().min(1).max(64) }),
  z.object({ intent: z.literal("codes"), code: z.string().trim().min(1).max(64) }),
]);

export async function action(args: Route.ActionArgs) {
  const user = requireUser(args);
  const auth = getAuth(args.context);
  const parsed = formSchema.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) {
    return reply({ intent: "unknown", extra: { codes: null } }, refuse("INVALID", "Enter the code from your app, or a recovery code."));
  }
  const form = parsed.data;
  const refused = (refusal: Refusal) => reply({ intent: form.intent, extra: { codes: null } }, refusal);
  switch (form.intent) {
    case "start": {
      const result = await beginEnrolment(user.id);
      if (!result.ok) return refused(result);
      return redirectWithToast("/account/two-factor", { kind: "info", title: "Scan the QR code with your authenticator app" });
    }
    case "confirm": {
      const result = await confirmEnrolment({ userId: user.id, sessionId: auth?.sessionId ?? "", code: form.code });
      if (!result.ok) return refused(result);
      return { intent: form.intent, error: null, codes: result.recoveryCodes };
    }
    case "codes": {
      const result = await regenerateRecoveryCodes({ userId: user.id, code: form.code });
      if (!result.ok) return refused(result);
      return { intent: form.intent, error: null, codes: result.recoveryCodes };
    }
    case "disable": {
      const result = await disableTwoFactor({ userId: user.id, code: form.code });
      if (!result.ok) return refused(result);
      return redirectWithToast("/account", { title: "Two-factor authentication is off", description: "We e-mailed you a notice." });
    }
  }
}

export function meta() {
  return [{ title: "Two-factor authentication · Retake Desk" }];
}

export default function AccountTwoFactor({ loaderData, actionData }: Route.ComponentProps) {
  const errorsFor = (intent: string) => (actionData?.intent === intent && actionData.error ? [actionData.error] : undefined);
  const required = loaderData.requiredBy.length > 0;
  return (
    <div className="max-w-2xl space-y-6">
      <p className="text-sm">
        <a href="/account">← My account</a>
      </p>
      <h1>Two-factor authentication</h1>
      <p className="text-slate-700">
        With two-factor authentication, signing in with your password also asks for a code from an app on your phone, so a stolen password
        alone does not open your account.
        {required ? ` ${loaderData.requiredBy.join(" and ")} requires it for your role.` : ""}
      </p>

      {actionData?.codes ? (
        <section aria-labelledby="done-heading" className="card space-y-4">
          <h2 id="done-heading">{actionData.intent === "confirm" ? "Two-factor authentication is on" : "New recovery codes"}</h2>
          <RecoveryCodes codes={actionData.codes} />
          <a href="/account/two-factor" className="btn-primary">
            I have saved my recovery codes
          </a>
        </section>
      ) : loaderData.enrolled ? (
        <>
          <section aria-labelledby="status-heading" className="card space-y-2">
            <h2 id="status-heading">It is on</h2>
            <p className="text-sm text-slate-800">
              Turned on {loaderData.enrolledAt}. You have {loaderData.recoveryCodesLeft} unused recovery code
              {loaderData.recoveryCodesLeft === 1 ? "" : "s"}.
            </p>
          </section>
          <section aria-labelledby="codes-heading" className="card space-y-3">
            <h2 id="codes-heading">New recovery codes</h2>
            <p className="hint">Makes ten new codes; the old ones stop working.</p>
            <Form method="post" className="space-y-3">
              <input type="hidden" name="intent" value="codes" />
              <FormErrors errors={errorsFor("codes")} />
              <CodeField label="Code from your app" />
              <button type="submit" className="btn-secondary">
                Make new recovery codes
              </button>
            </Form>
          </section>
          <section aria-labelledby="off-heading" className="card space-y-3">
            <h2 id="off-heading">Turn it off</h2>
            {required ? <p className="hint">Your school requires it: after turning it off you will be asked to set it up again.</p> : null}
            <Form method="post" className="space-y-3">
              <input type="hidden" name="intent" value="disable" />
              <FormErrors errors={errorsFor("disable")} />
              <CodeField label="Code from your app, or a recovery code" />
              <button type="submit" className="btn-danger">
                Turn off two-factor authentication
              </button>
            </Form>
          </section>
        </>
      ) : loaderData.setup ? (
        <section aria-labelledby="setup-heading" className="card space-y-3">
          <h2 id="setup-heading">Set it up</h2>
          <TotpSetup qrSvg={loaderData.setup.qrSvg} manualKey={loaderData.setup.manualKey} errors={errorsFor("confirm")} />
        </section>
      ) : (
        <section aria-labelledby="start-heading" className="card space-y-3">
          <h2 id="start-heading">It is off</h2>
          {loaderData.available ? (
            <Form method="post" className="space-y-3">
              <input type="hidden" name="intent" value="start" />
              <FormErrors errors={errorsFor("start")} />
              <button type="submit" className="btn-primary">
                Set up two-factor authentication
              </button>
            </Form>
          ) : (
            <p className="text-sm text-slate-800">
              Two-factor authentication is not available on this server yet: whoever runs Retake Desk needs to set DATA_ENCRYPTION_KEY.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
