import type { FieldMetadata } from "@conform-to/react";
import { InputField } from "./forms";

export const NEW_PASSWORD_HINT = "At least 15 characters. A few unrelated words are easy to remember and hard to guess.";

/**
 * The "choose a password, then type it again" pair of every form that sets a
 * password (account page, invitation, activation and reset links).
 */
export function NewPasswordFields({
  password,
  confirm,
  label = "New password",
}: {
  password: FieldMetadata<string>;
  confirm: FieldMetadata<string>;
  /** The first field's label; the second one repeats it with "again". */
  label?: string;
}) {
  return (
    <>
      <InputField meta={password} type="password" label={label} hint={NEW_PASSWORD_HINT} autoComplete="new-password" />
      <InputField meta={confirm} type="password" label={`${label} again`} autoComplete="new-password" />
    </>
  );
}
