import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "react-router";
import { choosePasswordSchema } from "#app/domain/auth/schema";
import { AuthPage } from "./auth-page";
import { FormErrors } from "./forms";
import { NewPasswordFields } from "./new-password-fields";

/** Choosing a password from an activation or reset link; a spent or expired link says how to get a new one. */
export function PasswordLinkPage({
  account,
  result,
  title,
  intro,
  submitLabel,
}: {
  account: { email: string; name: string } | null;
  result: SubmissionResult<string[]> | null | undefined;
  title: string;
  intro: string;
  submitLabel: string;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "choose-password",
    lastResult: navigation.state === "idle" ? result : undefined,
    constraint: getZodConstraint(choosePasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: choosePasswordSchema }),
    shouldRevalidate: "onInput",
  });
  if (!account) {
    return (
      <AuthPage
        title="This link no longer works"
        intro={
          <p>
            Links work once and expire (password reset links after an hour). <a href="/forgot-password">Ask for a new link</a>.
          </p>
        }
        footer={<a href="/login">Go to sign in</a>}
      />
    );
  }
  return (
    <AuthPage title={title} intro={<p>{intro.replace("{email}", account.email)}</p>}>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={account.email} readOnly hidden />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} />
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </Form>
    </AuthPage>
  );
}
