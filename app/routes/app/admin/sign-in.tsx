/**
 * /admin/sign-in — a school's sign-in settings (ADR 0016, 0017): its OpenID
 * Connect provider (the client secret is stored encrypted and never shown
 * again), who must use it, and who must use a second factor.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "react-router";
import { notUnderstood, reply } from "#app/actions/reply";
import { requireAdminSchool } from "#app/auth/admin-school.server";
import { getAuth } from "#app/auth/guards.server";
import { SchoolPicker } from "#app/components/admin/school-picker";
import { TwoFactorPolicyForm } from "#app/components/admin/two-factor-policy-form";
import { Field, FieldErrors, FormErrors } from "#app/components/forms";
import { actorOf, roleAt } from "#app/domain/access/policy";
import { httpLoopbackAllowed } from "#app/domain/sso/oidc.server";
import { ssoFormSchema, twoFactorPolicySchema } from "#app/domain/sso/schema";
import { loadSignInSettings, NO_ENCRYPTION_KEY, saveSsoSettings, saveTwoFactorPolicy } from "#app/domain/sso/settings.server";
import { redirectUri } from "#app/domain/sso/sign-in.server";
import { encryptionAvailable } from "#app/utils/secret-box.server";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/sign-in";

export async function loader(args: Route.LoaderArgs) {
  const { user, schoolId, schools } = requireAdminSchool(args);
  const settings = await loadSignInSettings(schoolId);
  return {
    schoolId,
    schools,
    schoolName: user.memberships.find((m) => m.schoolId === schoolId)?.schoolName ?? "",
    settings,
    redirectUri: redirectUri(),
    encryption: encryptionAvailable() ? null : NO_ENCRYPTION_KEY,
  };
}

export async function action(args: Route.ActionArgs) {
  const { user, schoolId } = requireAdminSchool(args);
  const auth = getAuth(args.context);
  const session = { method: auth?.method ?? "PASSWORD", ssoSchoolId: auth?.ssoSchoolId ?? null } as const;
  const formData = await args.request.formData();
  const intent = formData.get("intent");
  if (intent === "sso") {
    const submission = parseWithZod(formData, { schema: ssoFormSchema(httpLoopbackAllowed()) });
    // The typed values come back after a refusal — except the secret, which is never sent to a page.
    const answer = { intent, submission, messageIn: "form" as const, hideFields: ["clientSecret"] };
    if (submission.status !== "success") return reply(answer);
    const saved = await saveSsoSettings({ schoolId, actorId: user.id, session, form: submission.value });
    if (!saved.ok) return reply(answer, saved);
    return redirectWithToast(`/admin/sign-in?school=${schoolId}`, { title: "Single sign-on settings saved" });
  }
  if (intent === "two-factor") {
    const submission = parseWithZod(formData, { schema: twoFactorPolicySchema });
    const answer = { intent, submission, messageIn: "form" as const };
    if (submission.status !== "success") return reply(answer);
    const role = roleAt(actorOf(user), schoolId) ?? "ADMIN";
    const saved = await saveTwoFactorPolicy({ schoolId, actorId: user.id, actorRole: role, session, form: submission.value });
    if (!saved.ok) return reply(answer, saved);
    return redirectWithToast(`/admin/sign-in?school=${schoolId}`, { title: "Two-factor requirement saved" });
  }
  notUnderstood();
}

export function meta() {
  return [{ title: "Sign-in and security · Retake Desk" }];
}

export default function SignInSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { settings, schools, schoolId, schoolName } = loaderData;
  const navigation = useNavigation();
  const answer = (intent: "sso" | "two-factor") => {
    const result = actionData?.intent === intent ? actionData.result : null;
    return result
      ? {
          typed: (result.initialValue ?? null) as Record<string, unknown> | null,
          errors: result.error ?? {},
          formError: result.error?.[""]?.[0] ?? null,
        }
      : null;
  };
  const sso = answer("sso");
  const tf = answer("two-factor");
  const typed = (name: string, fallback: string) => (sso?.typed && name in sso.typed ? String(sso.typed[name] ?? "") : fallback);
  const checked = (name: string, fallback: boolean) => (sso?.typed ? sso.typed[name] === "on" : fallback);
  const ssoErrors = sso?.errors ?? {};
  const requirement = tf?.typed?.twoFactorRequiredFor ? String(tf.typed.twoFactorRequiredFor) : settings.twoFactorRequiredFor;

  return (
    <div className="max-w-3xl space-y-4">
      <h1>Sign-in and security</h1>
      <SchoolPicker schools={schools} schoolId={schoolId} />

      <section aria-labelledby="sso-heading" className="card space-y-3">
        <h2 id="sso-heading">Single sign-on (OpenID Connect)</h2>
        <p className="hint">
          Your people sign in with their {schoolName} account at your identity provider (Microsoft Entra ID, Okta, Google Workspace,
          Shibboleth with an OpenID Connect front…). Register Retake Desk there as a web application with this redirect URI, and copy the
          issuer URL, client ID and client secret here.
        </p>
        <p className="text-sm">
          Redirect URI: <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm">{loaderData.redirectUri}</code>
        </p>
        {loaderData.encryption ? <FormErrors errors={[loaderData.encryption]} /> : null}
        <Form method="post" className="space-y-4" key={`${settings.version}:${JSON.stringify(sso?.typed ?? null)}`}>
          <input type="hidden" name="intent" value="sso" />
          <input type="hidden" name="expectedVersion" value={settings.version} />
          <FormErrors errors={sso?.formError ? [sso.formError] : null} />
          <div className="flex items-start gap-2">
            <input
              id="ssoEnabled"
              name="ssoEnabled"
              type="checkbox"
              className="mt-1 size-4"
              defaultChecked={checked("ssoEnabled", settings.ssoEnabled)}
              aria-describedby={ssoErrors.ssoEnabled ? "ssoEnabled-error" : undefined}
            />
            <label htmlFor="ssoEnabled" className="font-medium">
              Offer “Sign in with {schoolName}”
            </label>
          </div>
          <Field
            id="issuer"
            name="issuer"
            label="Issuer URL"
            hint="For example https://login.microsoftonline.com/<tenant id>/v2.0 or https://your-org.okta.com"
            defaultValue={typed("issuer", settings.issuer)}
            errors={ssoErrors.issuer ?? undefined}
            inputMode="url"
            autoComplete="off"
          />
          <Field
            id="clientId"
            name="clientId"
            label="Client ID"
            defaultValue={typed("clientId", settings.clientId)}
            errors={ssoErrors.clientId ?? undefined}
            autoComplete="off"
          />
          <Field
            id="clientSecret"
            name="clientSecret"
            type="password"
            label="Client secret"
            hint={
              settings.hasSecret
                ? "A secret is saved (encrypted; it is never shown again). Leave this empty to keep it, or enter a new one to replace it."
                : "Stored encrypted; it is never shown again."
            }
            errors={ssoErrors.clientSecret ?? undefined}
            autoComplete="new-password"
          />
          <Field
            id="domains"
            name="domains"
            label="E-mail domains"
            hint="Addresses at these domains are offered your sign-in, separated by commas, e.g. northfield.edu, students.northfield.edu"
            defaultValue={typed("domains", settings.domains.join(", "))}
            errors={ssoErrors.domains ?? undefined}
            autoComplete="off"
          />
          <fieldset className="space-y-2">
            <legend className="font-medium">Rules</legend>
            <div className="flex items-start gap-2">
              <input
                id="ssoRequiredForStaff"
                name="ssoRequiredForStaff"
                type="checkbox"
                className="mt-1 size-4"
                defaultChecked={checked("ssoRequiredForStaff", settings.ssoRequiredForStaff)}
                aria-describedby={`ssoRequiredForStaff-hint${ssoErrors.ssoRequiredForStaff ? " ssoRequiredForStaff-error" : ""}`}
              />
              <div>
                <label htmlFor="ssoRequiredForStaff">Require single sign-on for staff</label>
                <p id="ssoRequiredForStaff-hint" className="hint">
                  Tutors, advisors and administrators can no longer sign in here with a password. Turn it on from a session signed in
                  through your provider.
                </p>
                <FieldErrors id="ssoRequiredForStaff-error" errors={ssoErrors.ssoRequiredForStaff ?? undefined} />
              </div>
            </div>
            <div className="flex items-start gap-2">
              <input
                id="ssoJitStudents"
                name="ssoJitStudents"
                type="checkbox"
                className="mt-1 size-4"
                defaultChecked={checked("ssoJitStudents", settings.ssoJitStudents)}
                aria-describedby={`ssoJitStudents-hint${ssoErrors.ssoJitStudents ? " ssoJitStudents-error" : ""}`}
              />
              <div>
                <label htmlFor="ssoJitStudents">Create accounts for students at their first sign-in</label>
                <p id="ssoJitStudents-hint" className="hint">
                  Someone your provider vouches for, with a verified address at one of your domains and no Retake Desk account, gets a
                  student account at {schoolName}. Staff are always invited.
                </p>
                <FieldErrors id="ssoJitStudents-error" errors={ssoErrors.ssoJitStudents ?? undefined} />
              </div>
            </div>
          </fieldset>
          <FieldErrors id="ssoEnabled-error" errors={ssoErrors.ssoEnabled ?? undefined} />
          <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
            Save single sign-on
          </button>
        </Form>
      </section>

      <TwoFactorPolicyForm
        version={settings.version}
        requirement={requirement}
        formError={tf?.formError ?? null}
        errors={tf?.errors.twoFactorRequiredFor ?? undefined}
        busy={navigation.state === "submitting"}
      />
    </div>
  );
}
