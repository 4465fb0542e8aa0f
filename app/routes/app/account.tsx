import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, Form, useNavigation } from "react-router";
import { z } from "zod";
import { notUnderstood, reply } from "#app/actions/reply";
import { getAuth, requireUser } from "#app/auth/guards.server";
import { Field, FormErrors } from "#app/components/forms";
import { NewPasswordFields } from "#app/components/new-password-fields";
import { changePassword, formatInstant, setWeeklyDigest } from "#app/domain/accounts/mutations.server";
import { changePasswordSchema } from "#app/domain/auth/schema";
import { refuse } from "#app/domain/result";
import { twoFactorStatus } from "#app/domain/two-factor/two-factor.server";
import { ROLE_LABELS } from "#app/domain/vocabulary";
import { prisma } from "#app/utils/db.server";
import { loginFailures } from "#app/utils/rate-limit.server";
import { toastHeader } from "#app/utils/toast.server";
import type { Route } from "./+types/account";

/** Who gets the weekly digest: the people with cases (tutors) or a school's cases (advisors). */
const DIGEST_ROLES = new Set(["TUTOR", "ADVISOR"]);

export async function loader(args: Route.LoaderArgs) {
  const user = requireUser(args);
  const [row, twoFactor] = await Promise.all([
    prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { email: true, name: true, weeklyDigest: true, passwordChangedAt: true },
    }),
    twoFactorStatus(user.id),
  ]);
  return {
    account: {
      email: row.email,
      name: row.name,
      weeklyDigest: row.weeklyDigest,
      passwordChangedAt: row.passwordChangedAt ? formatInstant(row.passwordChangedAt) : null,
    },
    memberships: user.memberships.map((m) => ({ school: m.schoolName, role: ROLE_LABELS[m.role] })),
    digestOffered: user.memberships.some((m) => DIGEST_ROLES.has(m.role)),
    twoFactor: { enrolled: twoFactor.enrolled, recoveryCodesLeft: twoFactor.recoveryCodesLeft },
  };
}

const intentSchema = z.enum(["password", "digest"]);

export async function action(args: Route.ActionArgs) {
  const user = requireUser(args);
  const auth = getAuth(args.context);
  const formData = await args.request.formData();
  const intent = intentSchema.safeParse(formData.get("intent"));
  if (!intent.success) notUnderstood();
  if (intent.data === "digest") {
    await setWeeklyDigest({ userId: user.id, weeklyDigest: formData.get("weeklyDigest") === "on" });
    return data(
      { result: null },
      {
        headers: {
          "Set-Cookie": await toastHeader({ title: formData.get("weeklyDigest") === "on" ? "Weekly digest on" : "Weekly digest off" }),
        },
      },
    );
  }
  const submission = parseWithZod(formData, { schema: changePasswordSchema });
  const answer = { intent: "password", submission, messageIn: "form" as const, hideFields: ["current", "password", "confirm"] };
  if (submission.status !== "success") return reply(answer);
  const key = `account:${user.id}`;
  const retryMs = await loginFailures.retryAfter(key);
  if (retryMs > 0)
    return reply(answer, refuse("LIMITED", `Too many wrong passwords. Wait ${Math.ceil(retryMs / 1000)} seconds, then try again.`));
  const result = await changePassword({
    userId: user.id,
    sessionId: auth?.sessionId ?? "",
    current: submission.value.current,
    password: submission.value.password,
  });
  if (!result.ok) {
    if (result.field === "current") await loginFailures.fail(key);
    return reply(answer, result);
  }
  await loginFailures.reset(key);
  return data(
    { result: submission.reply({ resetForm: true }) },
    {
      headers: {
        "Set-Cookie": await toastHeader({ title: "Password changed", description: "You were signed out on your other devices." }),
      },
    },
  );
}

export function meta() {
  return [{ title: "My account · Retake Desk" }];
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const { account } = loaderData;
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    constraint: getZodConstraint(changePasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="max-w-2xl space-y-6">
      <h1>My account</h1>
      <section aria-labelledby="me-heading" className="card">
        <h2 id="me-heading">You</h2>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">Name</dt>
          <dd>{account.name}</dd>
          <dt className="font-medium">Email</dt>
          <dd>{account.email}</dd>
          <dt className="font-medium">Schools</dt>
          <dd>
            <ul>
              {loaderData.memberships.map((m) => (
                <li key={m.school}>
                  {m.school} · {m.role}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      </section>

      <section aria-labelledby="password-heading" className="card">
        <h2 id="password-heading">Change your password</h2>
        <p className="hint">
          {account.passwordChangedAt ? `Last changed ${account.passwordChangedAt}. ` : ""}Changing it signs you out on your other devices,
          and we e-mail you a notice.
        </p>
        <Form method="post" className="mt-3 space-y-4" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="password" />
          <input type="email" name="username" autoComplete="username" value={account.email} readOnly hidden />
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field
            label="Current password"
            autoComplete="current-password"
            errors={fields.current.errors}
            {...getInputProps(fields.current, { type: "password" })}
            key={fields.current.key}
          />
          <NewPasswordFields password={fields.password} confirm={fields.confirm} />
          <button type="submit" className="btn-primary">
            Change password
          </button>
        </Form>
      </section>

      <section aria-labelledby="two-factor-heading" className="card">
        <h2 id="two-factor-heading">Two-factor authentication</h2>
        <p className="mt-2 text-sm text-slate-800">
          {loaderData.twoFactor.enrolled
            ? `On: signing in with your password also asks for a code from your authenticator app. ${loaderData.twoFactor.recoveryCodesLeft} recovery codes left.`
            : "Off. With it on, signing in with your password also asks for a code from an app on your phone."}
        </p>
        <p className="mt-3">
          <a href="/account/two-factor" className="btn-secondary">
            {loaderData.twoFactor.enrolled ? "Manage two-factor authentication" : "Set up two-factor authentication"}
          </a>
        </p>
      </section>

      {loaderData.digestOffered ? (
        <section aria-labelledby="digest-heading" className="card">
          <h2 id="digest-heading">Weekly digest</h2>
          <Form method="post" className="mt-3 space-y-3">
            <input type="hidden" name="intent" value="digest" />
            <div className="flex items-start gap-2">
              <input
                id="weekly-digest"
                name="weeklyDigest"
                type="checkbox"
                className="mt-1"
                defaultChecked={account.weeklyDigest}
                aria-describedby="weekly-digest-hint"
              />
              <div>
                <label htmlFor="weekly-digest" className="font-medium">
                  E-mail me a weekly digest
                </label>
                <p id="weekly-digest-hint" className="hint">
                  Every Monday: what changed in your cases the week before. No student details are put in the e-mail.
                </p>
              </div>
            </div>
            <button type="submit" className="btn-secondary">
              Save
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
