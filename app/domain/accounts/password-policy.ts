/**
 * Password rules after NIST SP 800-63B (ADR 0012): a length range and a
 * refusal of passwords that are common, expected or about this service or
 * person — no composition rules, no expiry. Pure: the list of common passwords
 * is passed in (common-passwords.server.ts loads the bundled file).
 */

/** SP 800-63B-4 §3.1.1.2: at least 15 characters for a password that is the only factor. */
export const PASSWORD_MIN = 15;
/** At least 64 must be allowed; 255 bounds the hashing work. */
export const PASSWORD_MAX = 255;

export interface PasswordContext {
  email?: string | null;
  name?: string | null;
}

const SERVICE_WORDS = ["retakedesk"];

/** Lower case, without the separators people put between words. */
export function normalizePassword(password: string): string {
  return password
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-_.]+/g, "");
}

/** The word under a common decoration: digits and symbols around it stripped, a repetition ("abcabc") reduced to its unit. */
export function passwordBase(normalized: string): string {
  const stripped = normalized.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  const unit = /^(.+?)\1+$/u.exec(stripped)?.[1];
  return unit ?? stripped;
}

/** The first reason to refuse `password`, or null when it may be used. */
export function passwordProblem(password: string, isCommon: (candidate: string) => boolean, context: PasswordContext = {}): string | null {
  if ([...password].length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if ([...password].length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const normalized = normalizePassword(password);
  if (new Set(normalized).size < 4) return "This password repeats too few characters. A few unrelated words are easier to remember.";
  const base = passwordBase(normalized);
  const repeated = /^(.+?)\1+$/u.exec(normalized)?.[1];
  if ([normalized, base, repeated].some((candidate) => candidate && isCommon(candidate))) {
    return "This password is too common and easy to guess. Choose a few unrelated words instead.";
  }
  if (SERVICE_WORDS.some((word) => normalized.includes(word))) return "Leave the name of the service out of your password.";
  const local = context.email
    ?.split("@")[0]
    ?.toLowerCase()
    .replace(/[\s\-_.]+/g, "");
  if (local && local.length >= 4 && normalized.includes(local)) return "Leave your email address out of your password.";
  // What is left once the person's name is taken out must be a password on its own.
  const nameParts = (context.name ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .split(/\s+/)
    .filter((part) => part.length >= 3);
  if (nameParts.length && nameParts.some((part) => normalized.includes(part))) {
    const rest = nameParts.reduce((left, part) => left.replaceAll(part, ""), normalized);
    if (rest.length < 8) return "A password made of your name is easy to guess. Choose a few unrelated words instead.";
  }
  return null;
}
