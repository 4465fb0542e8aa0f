import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, redirect, useNavigation } from "react-router";
import { reply } from "#app/actions/reply";
import { requireAnonymous, safeRedirect } from "#app/auth/guards.server";
import { Field, FormErrors } from "#app/components/forms";
import { SsoOfferBox, useSsoOffer } from "#app/components/sso-offer";
import { LOGIN_CONSTRAINT } from "#app/domain/auth/constraints";
import { loginSchema, ssoLookupSchema } from "#app/domain/auth/schema";
import { refuse } from "#app/domain/result";
import { passwordSignInRule } from "#app/domain/sso/password-rule.server";
import { SSO_REFUSAL_MESSAGES, type SsoOffer, type SsoRefusal, ssoOfferBySlug, ssoOfferForEmail } from "#app/domain/sso/sign-in.server";
import { prisma } from "#app/utils/db.server";
import { decoyHash, verifyPassword } from "#app/utils/password.server";
import { clientAddress, loginBuckets, loginFailures } from "#app/utils/rate-limit.server";
import { createSession, sessionCookie } from "#app/utils/session.server";
import type { Route } from "./+types/login";

/**
 * `?school=<slug>` offers that school's single sign-on; `?email=` looks up the
 * school of an address's domain (while the person types, the page asks
 * routes/resources/sso-offer.ts instead: a lookup must never redirect);
 * `?sso_error=` explains why a single sign-on did not work (ADR 0016).
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  requireAnonymous({ context });
  const params = new URL(request.url).searchParams;
  const asked = params.get("redirectTo");
  const redirectTo = safeRedirect(asked, "") || null;
  // An off-site target is dropped from the address too, so the page never carries it (not even in its form's action).
  if (asked !== null && redirectTo === null) throw redirect("/login");
  const slug = params.get("school");
  const lookup = ssoLookupSchema.safeParse({ email: params.get("email") ?? "" });
  const sso = slug ? await ssoOfferBySlug(slug) : lookup.success ? await ssoOfferForEmail(lookup.data.email) : null;
  const reason = params.get("sso_error");
  const ssoError = reason && reason in SSO_REFUSAL_MESSAGES ? SSO_REFUSAL_MESSAGES[reason as SsoRefusal] : null;
  return { redirectTo, sso, ssoError };
}

export async function action({ request, context }: Route.ActionArgs) {
  requireAnonymous({ context });
  const formData = await request.formData();
  if (formData.get("intent") === "sso") {
    // "Use my school's single sign-on": which school's provider signs in this address, if any.
    const lookup = parseWithZod(formData, { schema: ssoLookupSchema });
    if (lookup.status !== "success")
      return reply({ intent: "sso", submission: lookup, extra: { attempt: crypto.randomUUID(), sso: null } });
    const sso = await ssoOfferForEmail(lookup.value.email);
    const message = sso
      ? null
      : `No school signs in ${lookup.value.email.split("@")[1]} addresses through single sign-on. Use your password.`;
    return data({ result: lookup.reply({ formErrors: message ? [message] : undefined }), attempt: crypto.randomUUID(), sso });
  }
  const submission = parseWithZod(formData, { schema: loginSchema });
  // `attempt` remounts the password input so a refused password does not linger in the field.
  const answer = (sso: SsoOffer | null = null) => ({
    intent: "password",
    submission,
    messageIn: "form" as const,
    hideFields: ["password"],
    extra: { attempt: crypto.randomUUID(), sso },
  });
  if (submission.status !== "success") return reply(answer());
  const { email, password, redirectTo } = submission.value;

  const retryMs = await loginFailures.retryAfter(email);
  if (retryMs > 0) {
    const seconds = Math.ceil(retryMs / 1000);
    return reply(answer(), refuse("LIMITED", `Too many wrong passwords for this account. Wait ${seconds} seconds, then try again.`));
  }
  if (!(await loginBuckets.consume(clientAddress(request)))) {
    return reply(answer(), refuse("LIMITED", "Too many sign-in attempts from this network. Wait a minute, then try again."));
  }

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, status: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user?.passwordHash || !valid) {
    await loginFailures.fail(email);
    return reply(answer(await ssoOfferForEmail(email)), refuse("INVALID", "Wrong email or password."));
  }
  if (user.status !== "ACTIVE") {
    return reply(answer(), refuse("FORBIDDEN", "This account has been deactivated. Contact your school's office."));
  }
  await loginFailures.reset(email);
  const rule = await passwordSignInRule(user.id);
  if (!rule.ok) {
    const [first] = rule.offers;
    return reply(
      answer(first),
      refuse("FORBIDDEN", `${first.name} requires its staff to sign in through the school's own sign-in service, not with a password.`),
    );
  }
  const { token, session } = await createSession(user.id);
  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": sessionCookie(token, session.expiresAt) } });
}

export function meta() {
  return [{ title: "Sign in · Retake Desk" }];
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const lookup = useSsoOffer();
  const sso = actionData?.sso ?? lookup.offer ?? loaderData.sso;
  const typedEmail = actionData?.result?.initialValue?.email;
  const loginHint = lookup.email ?? (typeof typedEmail === "string" ? typedEmail : null);
  const [form, fields] = useForm({
    id: "login",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    // The browser checks that both fields are filled; the server checks the rest (loginSchema) and answers
    // with field errors. No schema library in the sign-in page's bundle: it is the first page most people load.
    constraint: LOGIN_CONSTRAINT,
  });
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="text-center text-sm font-semibold tracking-wide text-brand-700 uppercase">Retake Desk</p>
        <h1 className="mt-2 text-center">Sign in</h1>
        {loaderData.ssoError ? (
          <div role="alert" className="mt-6 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
            <p className="font-medium">Single sign-on did not work</p>
            <p>{loaderData.ssoError}</p>
            <p className="mt-1">If your school allows it, you can sign in with your password below.</p>
          </div>
        ) : null}
        {sso ? <SsoOfferBox offer={sso} redirectTo={loaderData.redirectTo} loginHint={loginHint} className="mt-6" /> : null}
        <div className="card mt-6">
          <Form method="post" action="/login" className="space-y-4" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="redirectTo" value={loaderData.redirectTo ?? ""} />
            <Field
              label="Email"
              autoComplete="username"
              errors={fields.email.errors}
              {...getInputProps(fields.email, { type: "email" })}
              onChange={(event) => lookup.check(event.currentTarget.value)}
              key={fields.email.key}
            />
            <Field
              label="Password"
              autoComplete="current-password"
              errors={fields.password.errors}
              {...getInputProps(fields.password, { type: "password" })}
              key={`${fields.password.key}-${actionData?.attempt ?? "first"}`}
            />
            <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? "Signing in…" : "Sign in"}
            </button>
            <button type="submit" name="intent" value="sso" formNoValidate className="btn-secondary w-full">
              Use my school's single sign-on
            </button>
          </Form>
        </div>
        <p className="mt-4 text-center text-sm">
          <a href="/forgot-password">Forgot your password?</a>
        </p>
        <p className="mt-2 text-center text-sm text-slate-600">Accounts are created by invitation from your school's office.</p>
      </div>
    </main>
  );
}
