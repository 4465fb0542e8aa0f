import { Form } from "react-router";
import { FieldErrors, FormErrors } from "#app/components/forms";
import { TWO_FACTOR_REQUIREMENT_LABELS, TWO_FACTOR_REQUIREMENTS } from "#app/domain/sign-in/policy";

interface TwoFactorPolicyFormProps {
  /** The settings' version, sent back so a concurrent change is refused. */
  version: number;
  /** The requirement shown chosen: the one typed before a refusal, else the saved one. */
  requirement: string;
  formError: string | null;
  errors: string[] | undefined;
  busy: boolean;
}

/** Who at the school must use a second factor (docs/decisions/0017-two-factor-authentication.md). */
export function TwoFactorPolicyForm({ version, requirement, formError, errors, busy }: TwoFactorPolicyFormProps) {
  return (
    <section aria-labelledby="tf-heading" className="card space-y-3">
      <h2 id="tf-heading">Two-factor authentication</h2>
      <p className="hint">
        People in these roles must use a code from an authenticator app after their password; anyone without one is asked to set it up at
        once. Those who sign in through your provider follow its own multi-factor policy.
      </p>
      <Form method="post" className="space-y-3" key={`${version}:${requirement}`}>
        <input type="hidden" name="intent" value="two-factor" />
        <input type="hidden" name="expectedVersion" value={version} />
        <FormErrors errors={formError ? [formError] : null} />
        <fieldset aria-describedby={errors ? "twoFactorRequiredFor-error" : undefined}>
          <legend className="label">Required for</legend>
          {TWO_FACTOR_REQUIREMENTS.map((value) => (
            <label key={value} className="flex items-center gap-2 py-1.5 text-sm">
              <input type="radio" name="twoFactorRequiredFor" value={value} defaultChecked={requirement === value} className="size-4" />
              {TWO_FACTOR_REQUIREMENT_LABELS[value]}
            </label>
          ))}
          <FieldErrors id="twoFactorRequiredFor-error" errors={errors} />
        </fieldset>
        <button type="submit" className="btn-primary" disabled={busy}>
          Save two-factor requirement
        </button>
      </Form>
    </section>
  );
}
