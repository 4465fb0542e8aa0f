import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, Form, redirect, useNavigation } from "react-router";
import { Field, FormErrors } from "../../components/forms";
import { loginSchema } from "../../domain/auth/schema";
import { requireAnonymous, safeRedirect } from "../../utils/auth.server";
import { prisma } from "../../utils/db.server";
import { decoyHash, verifyPassword } from "../../utils/password.server";
import { clientAddress, loginBuckets, loginFailures } from "../../utils/rate-limit.server";
import { createSession, sessionCookie } from "../../utils/session.server";
import type { Route } from "./+types/login";

export function loader({ request, context }: Route.LoaderArgs) {
  requireAnonymous({ context });
  const asked = new URL(request.url).searchParams.get("redirectTo");
  const redirectTo = safeRedirect(asked, "") || null;
  // An off-site target is dropped from the address too, so the page never carries it (not even in its form's action).
  if (asked !== null && redirectTo === null) throw redirect("/login");
  return { redirectTo };
}

export async function action({ request, context }: Route.ActionArgs) {
  requireAnonymous({ context });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), attempt: crypto.randomUUID() }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  // `attempt` remounts the password input so a refused password does not linger in the field.
  const refuse = (message: string, status: number) =>
    data({ result: submission.reply({ formErrors: [message], hideFields: ["password"] }), attempt: crypto.randomUUID() }, { status });

  const retryMs = loginFailures.retryAfter(email);
  if (retryMs > 0) {
    const seconds = Math.ceil(retryMs / 1000);
    return refuse(`Too many wrong passwords for this account. Wait ${seconds} seconds, then try again.`, 429);
  }
  if (!loginBuckets.consume(clientAddress(request))) {
    return refuse("Too many sign-in attempts from this network. Wait a minute, then try again.", 429);
  }

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, status: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user?.passwordHash || !valid) {
    loginFailures.fail(email);
    return refuse("Wrong email or password.", 400);
  }
  if (user.status !== "ACTIVE") {
    return refuse("This account has been deactivated. Contact your school's office.", 403);
  }
  loginFailures.reset(email);
  const { token, session } = await createSession(user.id);
  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": sessionCookie(token, session.expiresAt) } });
}

export function meta() {
  return [{ title: "Sign in · Retake Desk" }];
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    constraint: getZodConstraint(loginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="text-center text-sm font-semibold tracking-wide text-brand-700 uppercase">Retake Desk</p>
        <h1 className="mt-2 text-center">Sign in</h1>
        <div className="card mt-6">
          <Form method="post" action="/login" className="space-y-4" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="redirectTo" value={loaderData.redirectTo ?? ""} />
            <Field
              label="Email"
              autoComplete="username"
              errors={fields.email.errors}
              {...getInputProps(fields.email, { type: "email" })}
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
