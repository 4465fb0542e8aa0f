import { getFormProps, getInputProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, redirect, useNavigation } from "react-router";
import { refusalPage, reply } from "#app/actions/reply";
import { getAuth } from "#app/auth/guards.server";
import { AuthPage } from "#app/components/auth-page";
import { Field, FormErrors } from "#app/components/forms";
import { NewPasswordFields } from "#app/components/new-password-fields";
import { isWellFormedToken } from "#app/domain/accounts/tokens.server";
import { TOO_MANY_ATTEMPTS } from "#app/domain/auth/refusals";
import { newPasswordSchema } from "#app/domain/auth/schema";
import { acceptInvitation, type InvitationView, UNUSABLE_INVITATION, viewInvitation } from "#app/domain/invitations/mutations.server";
import { refuse } from "#app/domain/result";
import { ROLE_LABELS } from "#app/domain/vocabulary";
import { clientAddress, loginBuckets } from "#app/utils/rate-limit.server";
import { createSession, invalidateSession, sessionCookie } from "#app/utils/session.server";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/invite";

export async function loader({ params, context }: Route.LoaderArgs) {
  const view: InvitationView = isWellFormedToken(params.token)
    ? await viewInvitation(params.token, getAuth(context)?.user.id ?? null)
    : { step: "unusable" };
  return { view, path: `/invite/${params.token}` };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const formData = await request.formData();
  const auth = getAuth(context);
  // Accepting may hash a password: it shares the sign-in budget of the sender's address.
  const throttled = !(await loginBuckets.consume(clientAddress(request)));
  const token = isWellFormedToken(params.token) ? params.token : null;
  const unusable = refuse("GONE", UNUSABLE_INVITATION);

  if (formData.get("intent") === "join") {
    if (throttled) refusalPage(TOO_MANY_ATTEMPTS);
    if (!auth) throw redirect(`/login?redirectTo=${encodeURIComponent(`/invite/${params.token}`)}`);
    const result = token ? await acceptInvitation(token, { kind: "join", userId: auth.user.id }) : unusable;
    if (!result.ok) refusalPage(result);
    return redirectWithToast("/", { title: "Invitation accepted", description: "Your new school is now part of your account." });
  }

  const submission = parseWithZod(formData, { schema: newPasswordSchema });
  const answer = { intent: "create", submission, messageIn: "form" as const, hideFields: ["password", "confirm"] };
  if (submission.status !== "success") return reply(answer);
  if (throttled) return reply(answer, TOO_MANY_ATTEMPTS);
  if (!token) return reply(answer, unusable);
  const result = await acceptInvitation(token, { kind: "create", name: submission.value.name, password: submission.value.password });
  if (!result.ok) return reply(answer, result);
  // Whoever was signed in on this browser is signed out: the new account's session follows.
  if (auth) await invalidateSession(auth.sessionId);
  const { token: sessionToken, session } = await createSession(result.userId);
  return redirect("/", { headers: { "Set-Cookie": sessionCookie(sessionToken, session.expiresAt) } });
}

export function meta() {
  return [{ title: "Accept your invitation · Retake Desk" }];
}

export default function Invite({ loaderData, actionData }: Route.ComponentProps) {
  const { view, path } = loaderData;
  if (view.step === "unusable") {
    return (
      <AuthPage
        title="This link no longer works"
        intro={<p>Invitation links work once and expire after a week. Ask your school's office to send you a new one.</p>}
        footer={<a href="/login">Go to sign in</a>}
      />
    );
  }
  const { invitation } = view;
  const role = ROLE_LABELS[invitation.role].toLowerCase();
  const offer = `${invitation.school} invited you as ${role} (${invitation.email}).`;
  switch (view.step) {
    case "create":
      return <CreateAccount invitation={invitation} offer={offer} result={actionData?.result} />;
    case "join":
      return (
        <AuthPage title={`Join ${invitation.school}`} intro={<p>{offer}</p>}>
          <Form method="post" className="space-y-4">
            <p className="text-slate-700">Your account and password stay as they are; {invitation.school} is added to it.</p>
            <button type="submit" name="intent" value="join" className="btn-primary w-full">
              Accept and join {invitation.school}
            </button>
          </Form>
        </AuthPage>
      );
    case "sign-in":
      return (
        <AuthPage title={`Join ${invitation.school}`} intro={<p>{offer}</p>}>
          <p className="text-slate-700">You already have a Retake Desk account. Sign in to it to accept; your password stays as it is.</p>
          <p className="mt-4">
            <a className="btn-primary w-full" href={`/login?redirectTo=${encodeURIComponent(path)}`}>
              Sign in to accept
            </a>
          </p>
          <p className="mt-4 text-sm text-slate-700">
            Forgot your password? <a href="/forgot-password">Get a reset link by e-mail</a>, then open this invitation again.
          </p>
        </AuthPage>
      );
    case "activate-first":
      return (
        <AuthPage title={`Join ${invitation.school}`} intro={<p>{offer}</p>}>
          <p className="text-slate-700">
            An account with this address exists but has no password yet. Activate it first from its activation e-mail, or{" "}
            <a href="/forgot-password">ask for a password link</a>. Then open this invitation again.
          </p>
        </AuthPage>
      );
    case "wrong-account":
      return (
        <AuthPage title="This invitation is for someone else" intro={<p>{offer}</p>}>
          <p className="text-slate-700">
            You are signed in with another account. Sign out, sign in as {invitation.email}, then open the link again.
          </p>
          <Form method="post" action="/logout" className="mt-4">
            <button type="submit" className="btn-secondary w-full">
              Sign out
            </button>
          </Form>
        </AuthPage>
      );
    case "deactivated":
      return (
        <AuthPage
          title="This account is deactivated"
          intro={<p>The account with this address was deactivated. Contact {invitation.school}'s office.</p>}
          footer={<a href="/login">Go to sign in</a>}
        />
      );
  }
}

function CreateAccount({
  invitation,
  offer,
  result,
}: {
  invitation: { name: string };
  offer: string;
  result: SubmissionResult<string[]> | null | undefined;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: navigation.state === "idle" ? result : undefined,
    constraint: getZodConstraint(newPasswordSchema),
    defaultValue: { name: invitation.name },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newPasswordSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <AuthPage title={`Welcome, ${invitation.name}`} intro={<p>{offer} Choose a password to finish.</p>}>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label="Your name"
          autoComplete="name"
          errors={fields.name.errors}
          {...getInputProps(fields.name, { type: "text" })}
          key={fields.name.key}
        />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} label="Password" />
        <button type="submit" name="intent" value="create" className="btn-primary w-full">
          Create my account
        </button>
      </Form>
    </AuthPage>
  );
}
