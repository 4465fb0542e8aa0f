import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, Form, redirect, useNavigation } from "react-router";
import { Field, FormErrors } from "../../components/forms";
import { newPasswordSchema } from "../../domain/auth/schema";
import { acceptInvitation, findInvitationByToken, invitationState } from "../../domain/invitations/mutations.server";
import { ROLE_LABELS } from "../../domain/vocabulary";
import { getAuth } from "../../utils/auth.server";
import { clientAddress, loginBuckets } from "../../utils/rate-limit.server";
import { createSession, invalidateSession, sessionCookie } from "../../utils/session.server";
import { redirectWithToast } from "../../utils/toast.server";
import type { Route } from "./+types/invite";

export async function loader({ params }: Route.LoaderArgs) {
  const invitation = await findInvitationByToken(params.token);
  if (!invitation || invitationState(invitation) !== "PENDING") {
    return { invitation: null };
  }
  return {
    invitation: { name: invitation.name, email: invitation.email, role: invitation.role, school: invitation.school.name },
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: newPasswordSchema });
  const refuse = (message: string, status: number) =>
    data({ result: submission.reply({ formErrors: [message], hideFields: ["password", "confirm"] }) }, { status });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password", "confirm"] }) }, { status: 400 });
  }
  // Accepting may hash a password: it shares the sign-in budget of the sender's address.
  if (!loginBuckets.consume(clientAddress(request))) {
    return refuse("Too many attempts from this network. Wait a minute, then try again.", 429);
  }
  const result = await acceptInvitation(params.token, submission.value);
  if (!result.ok) return refuse(result.reason, 410);
  // Whoever was signed in on this browser is signed out: the link decides whose session follows.
  const current = getAuth(context);
  if (current) await invalidateSession(current.sessionId);
  if (result.existingUser) {
    return redirectWithToast("/login", { title: "Invitation accepted", description: "Sign in with your existing password." });
  }
  const { token, session } = await createSession(result.userId);
  return redirect("/", { headers: { "Set-Cookie": sessionCookie(token, session.expiresAt) } });
}

export function meta() {
  return [{ title: "Accept your invitation · Retake Desk" }];
}

export default function Invite({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const invitation = loaderData.invitation;
  const [form, fields] = useForm({
    id: "invite",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    constraint: getZodConstraint(newPasswordSchema),
    defaultValue: { name: invitation?.name ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newPasswordSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <p className="text-center text-sm font-semibold tracking-wide text-brand-700 uppercase">Retake Desk</p>
        {invitation ? (
          <>
            <h1 className="mt-2 text-center">Welcome, {invitation.name}</h1>
            <p className="mt-2 text-center text-slate-700">
              {invitation.school} invited you as {ROLE_LABELS[invitation.role].toLowerCase()} ({invitation.email}). Choose a password to
              finish.
            </p>
            <div className="card mt-6">
              <Form method="post" className="space-y-4" {...getFormProps(form)}>
                <FormErrors id={form.errorId} errors={form.errors} />
                <Field
                  label="Your name"
                  autoComplete="name"
                  errors={fields.name.errors}
                  {...getInputProps(fields.name, { type: "text" })}
                  key={fields.name.key}
                />
                <Field
                  label="Password"
                  hint="At least 8 characters. A passphrase is easiest to remember."
                  autoComplete="new-password"
                  errors={fields.password.errors}
                  {...getInputProps(fields.password, { type: "password" })}
                  key={fields.password.key}
                />
                <Field
                  label="Password again"
                  autoComplete="new-password"
                  errors={fields.confirm.errors}
                  {...getInputProps(fields.confirm, { type: "password" })}
                  key={fields.confirm.key}
                />
                <button type="submit" className="btn-primary w-full">
                  Create my account
                </button>
              </Form>
            </div>
          </>
        ) : (
          <>
            <h1 className="mt-2 text-center">This link no longer works</h1>
            <p className="mt-3 text-center text-slate-700">
              Invitation links work once and expire after a week. Ask your school's office to send you a new one.
            </p>
            <p className="mt-6 text-center">
              <a href="/login">Go to sign in</a>
            </p>
          </>
        )}
      </div>
    </main>
  );
}
