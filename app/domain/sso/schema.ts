/**
 * The school's sign-in settings forms (ADR 0016, 0017): its OpenID Connect
 * provider, and who must use SSO or a second factor. Flat fields, so the forms
 * work without JavaScript.
 */
import { z } from "zod";
import { TWO_FACTOR_REQUIREMENTS } from "#app/domain/sign-in/policy";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const expectedVersion = z.coerce.number().int().min(0);

/** The domain of an address, lower-case ("" when there is none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0
    ? ""
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const MAX_DOMAINS = 20;

/** "northfield.edu, @students.northfield.edu" → ["northfield.edu", "students.northfield.edu"]; null for a bad entry. */
export function parseDomains(text: string): { domains: string[]; bad: string[] } {
  const entries = text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  const bad = entries.filter((d) => !DOMAIN.test(d));
  return { domains: [...new Set(entries.filter((d) => DOMAIN.test(d)))], bad };
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Why an issuer URL cannot be used, or null. Providers are reached over https;
 * plain http only for a provider on this machine, and only when the test flag
 * allows it (SSO_ALLOW_HTTP_LOOPBACK_ISSUER).
 */
export function issuerProblem(raw: string, allowHttpLoopback: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter the provider's issuer URL, e.g. https://login.example.edu.";
  }
  if (url.username || url.password) return "The issuer URL cannot contain a user name or password.";
  if (url.search || url.hash) return "The issuer URL has no query or fragment: copy it from the provider's discovery document.";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && allowHttpLoopback && LOOPBACK.has(url.hostname)) return null;
  return "The issuer URL must start with https://.";
}

/** Whether requests to this issuer go over plain http (a local test provider). */
export function isHttpLoopbackIssuer(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" && LOOPBACK.has(url.hostname);
  } catch {
    return false;
  }
}

export function ssoFormSchema(allowHttpLoopback: boolean) {
  return z
    .object({
      intent: z.literal("sso"),
      expectedVersion,
      ssoEnabled: checkbox,
      issuer: z
        .string()
        .trim()
        .max(500, { error: "Keep the issuer URL under 500 characters." })
        .optional()
        .default("")
        .transform((v) => v.replace(/\/+$/, "")),
      clientId: z.string().trim().max(500, { error: "Keep the client ID under 500 characters." }).optional().default(""),
      /** Empty keeps the stored secret. */
      clientSecret: z.string().max(2000, { error: "Keep the client secret under 2,000 characters." }).optional().default(""),
      domains: z.string().max(5000).optional().default(""),
      ssoRequiredForStaff: checkbox,
      ssoJitStudents: checkbox,
    })
    .superRefine((value, ctx) => {
      const { domains, bad } = parseDomains(value.domains);
      if (bad.length) ctx.addIssue({ code: "custom", path: ["domains"], message: `Not a domain: ${bad.slice(0, 3).join(", ")}.` });
      if (domains.length > MAX_DOMAINS) ctx.addIssue({ code: "custom", path: ["domains"], message: `At most ${MAX_DOMAINS} domains.` });
      if (value.issuer || value.ssoEnabled) {
        const problem = value.issuer ? issuerProblem(value.issuer, allowHttpLoopback) : "Enter the provider's issuer URL.";
        if (problem) ctx.addIssue({ code: "custom", path: ["issuer"], message: problem });
      }
      if (value.ssoEnabled) {
        if (!value.clientId) ctx.addIssue({ code: "custom", path: ["clientId"], message: "Enter the client ID the provider gave you." });
        if (!domains.length && !bad.length)
          ctx.addIssue({ code: "custom", path: ["domains"], message: "Enter at least one e-mail domain whose people sign in this way." });
      }
      if (value.ssoRequiredForStaff && !value.ssoEnabled)
        ctx.addIssue({
          code: "custom",
          path: ["ssoRequiredForStaff"],
          message: "Staff can be required to use single sign-on only while it is on.",
        });
      if (value.ssoJitStudents && !value.ssoEnabled)
        ctx.addIssue({
          code: "custom",
          path: ["ssoJitStudents"],
          message: "Accounts are created on sign-in only while single sign-on is on.",
        });
    })
    .transform((value) => ({ ...value, domains: parseDomains(value.domains).domains }));
}

export type SsoForm = z.output<ReturnType<typeof ssoFormSchema>>;

export const twoFactorPolicySchema = z.object({
  intent: z.literal("two-factor"),
  expectedVersion,
  twoFactorRequiredFor: z.enum(TWO_FACTOR_REQUIREMENTS, { error: "Choose who must use a second factor." }),
});

export type TwoFactorPolicyForm = z.output<typeof twoFactorPolicySchema>;
