import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "#app/domain/accounts/password-policy";

const emailWith = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Enter a valid email address." }));

/** An email address as stored: trimmed and lower-cased, then checked (invitations, CSV import). */
export const emailSchema = emailWith("Enter an email address.");

export const loginSchema = z.object({
  email: emailWith("Enter your email address."),
  password: z.string({ error: "Enter your password." }).min(1, { error: "Enter your password." }).max(PASSWORD_MAX),
  redirectTo: z.string().optional(),
});

/**
 * Passwords keep every character as typed (no trimming). The length is checked
 * here (also in the browser); the server then refuses common passwords
 * (accounts/common-passwords.server.ts, ADR 0012).
 */
const newPassword = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.` })
  .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.` });
const confirmPassword = z.string({ error: "Type the password again." });
const samePasswords: [(v: { password: string; confirm: string }) => boolean, { path: string[]; error: string }] = [
  (v) => v.password === v.confirm,
  { path: ["confirm"], error: "The two passwords differ." },
];

/** A new account from an invitation: a name and a password. */
export const newPasswordSchema = z
  .object({
    name: z.string({ error: "Enter your name." }).trim().min(1, { error: "Enter your name." }).max(120),
    password: newPassword,
    confirm: confirmPassword,
  })
  .refine(...samePasswords);

/** Choosing a password from an activation or reset link. */
export const choosePasswordSchema = z.object({ password: newPassword, confirm: confirmPassword }).refine(...samePasswords);

/** "My account": the current password, then the new one twice. */
export const changePasswordSchema = z
  .object({
    current: z.string({ error: "Enter your current password." }).min(1, { error: "Enter your current password." }).max(PASSWORD_MAX),
    password: newPassword,
    confirm: confirmPassword,
  })
  .refine(...samePasswords);

export const forgotPasswordSchema = z.object({ email: emailWith("Enter your email address.") });

export const inviteSchema = z.object({
  email: emailSchema,
  name: z.string({ error: "Enter the person's name." }).trim().min(1, { error: "Enter the person's name." }).max(120),
  role: z.enum(["ADMIN", "ADVISOR", "TUTOR", "STUDENT"], { error: "Choose a role." }),
  schoolId: z.string({ error: "Choose a school." }).min(1),
});

/** The address whose school's single sign-on to offer (ADR 0016). */
export const ssoLookupSchema = z.object({ email: emailWith("Enter your email address.") });
