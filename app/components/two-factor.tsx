/**
 * The pieces of two-factor authentication pages (ADR 0017): setting up an
 * authenticator (QR code drawn on the server, the key as text, the first
 * code), entering a code, and the recovery codes shown once.
 */
import { Form } from "react-router";
import { Field, FormErrors } from "./forms";

export function CodeField({
  label = "Code",
  hint,
  errors,
  autoFocus,
}: {
  label?: string;
  hint?: string;
  errors?: string[];
  autoFocus?: boolean;
}) {
  return (
    <Field
      id="code"
      name="code"
      label={label}
      hint={hint}
      errors={errors}
      autoComplete="one-time-code"
      spellCheck={false}
      autoCapitalize="none"
      maxLength={32}
      required
      autoFocus={autoFocus}
    />
  );
}

export function TotpSetup({
  qrSvg,
  manualKey,
  errors,
  formErrors,
  submitLabel = "Turn on two-factor authentication",
}: {
  qrSvg: string;
  manualKey: string;
  errors?: string[];
  formErrors?: string[];
  submitLabel?: string;
}) {
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-800">
        <li>
          Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator, 1Password or Authy) and add an
          account by scanning this code:
          <div
            role="img"
            aria-label="QR code of your authenticator key; the same key is written out below"
            className="mt-2 w-44 rounded border border-slate-200 bg-white p-1"
            // The SVG is drawn on the server by the qrcode library from our own key URI.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: server-made SVG, no user input in it
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
        </li>
        <li>
          Or type this key into the app (time-based, 6 digits):
          <p className="mt-1">
            <code data-testid="manual-key" className="rounded bg-slate-100 px-2 py-1 font-mono text-sm tracking-wider">
              {manualKey}
            </code>
          </p>
        </li>
        <li>Enter the 6-digit code the app now shows, to check that it works.</li>
      </ol>
      <Form method="post" className="space-y-3">
        <input type="hidden" name="intent" value="confirm" />
        <FormErrors errors={formErrors} />
        <CodeField label="Code from your app" errors={errors} />
        <button type="submit" className="btn-primary">
          {submitLabel}
        </button>
      </Form>
    </div>
  );
}

export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <section aria-labelledby="recovery-heading" className="space-y-3">
      <h2 id="recovery-heading">Your recovery codes</h2>
      <p className="text-sm text-slate-800">
        If you lose your phone, each of these codes signs you in once instead of a code from the app. Keep them somewhere safe — a password
        manager, or printed — now: they are shown only this once.
      </p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 font-mono text-sm">
        {codes.map((code) => (
          <li key={code} className="rounded bg-slate-100 px-2 py-1 text-center tracking-wider">
            {code}
          </li>
        ))}
      </ul>
    </section>
  );
}
