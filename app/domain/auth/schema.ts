import { z } from "zod";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 255;

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

/** Passwords keep every character as typed (no trimming); length is the only rule. */
export const newPasswordSchema = z
  .object({
    name: z.string({ error: "Enter your name." }).trim().min(1, { error: "Enter your name." }).max(120),
    password: z
      .string({ error: "Choose a password." })
      .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.` })
      .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.` }),
    confirm: z.string({ error: "Type the password again." }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "The two passwords differ." });

export const inviteSchema = z.object({
  email: emailSchema,
  name: z.string({ error: "Enter the person's name." }).trim().min(1, { error: "Enter the person's name." }).max(120),
  role: z.enum(["ADMIN", "ADVISOR", "TUTOR", "STUDENT"], { error: "Choose a role." }),
  schoolId: z.string({ error: "Choose a school." }).min(1),
});
