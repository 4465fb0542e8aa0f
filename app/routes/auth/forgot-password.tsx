import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "react-router";
import { reply } from "#app/actions/reply";
import { AuthPage } from "#app/components/auth-page";
import { Field, FormErrors } from "#app/components/forms";
import { RESET_TTL_MINUTES } from "#app/domain/accounts/link-lifetimes";
import { requestPasswordReset } from "#app/domain/accounts/mutations.server";
import { forgotPasswordSchema } from "#app/domain/auth/schema";
import { refuse } from "#app/domain/result";
import { clientAddress, resetRequestsPerClient, resetRequestsPerEmail } from "#app/utils/rate-limit.server";
import type { Route } from "./+types/forgot-password";

export async function action({ request }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema });
  const answer = { intent: "reset", submission, messageIn: "form" as const, extra: { sentTo: null } };
  if (submission.status !== "success") return reply(answer);
  if (!(await resetRequestsPerClient.consume(clientAddress(request)))) {
    return reply(answer, refuse("LIMITED", "Too many requests from this network. Wait a few minutes, then try again."));
  }
  const { email } = submission.value;
  // The answer is the same whether or not the address has an account, and whether or not this address was throttled.
  if ((await resetRequestsPerEmail.retryAfter(email)) === 0) {
    await resetRequestsPerEmail.fail(email);
    await requestPasswordReset(email);
  }
  return { result: submission.reply({ resetForm: true }), sentTo: email };
}

export function meta() {
  return [{ title: "Forgot your password? · Retake Desk" }];
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    constraint: getZodConstraint(forgotPasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
    shouldRevalidate: "onInput",
  });
  if (actionData?.sentTo) {
    return (
      <AuthPage
        title="Check your e-mail"
        intro={
          <>
            <p role="status">
              If {actionData.sentTo} belongs to a Retake Desk account, we have sent it a link to choose a new password. The link works once
              and for {RESET_TTL_MINUTES} minutes.
            </p>
            <p>Nothing arrived after a few minutes? Check your spam folder, or ask again.</p>
          </>
        }
        footer={<a href="/login">Back to sign in</a>}
      />
    );
  }
  return (
    <AuthPage
      title="Forgot your password?"
      intro={<p>Enter the email address you sign in with. We will e-mail you a link to choose a new password.</p>}
      footer={<a href="/login">Back to sign in</a>}
    >
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label="Email"
          autoComplete="email"
          errors={fields.email.errors}
          {...getInputProps(fields.email, { type: "email" })}
          key={fields.email.key}
        />
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          Send me a link
        </button>
      </Form>
    </AuthPage>
  );
}
