/**
 * What the browser checks on the sign-in form before it is sent: what Conform's
 * getZodConstraint would derive from loginSchema (./schema.ts), written out
 * here, in a module without Zod, so the sign-in page's bundle carries no schema
 * library. The server still checks everything with loginSchema.
 */
import { PASSWORD_MAX } from "#app/domain/accounts/password-policy";

export const LOGIN_CONSTRAINT = {
  email: { required: true },
  password: { required: true, maxLength: PASSWORD_MAX },
} as const;
