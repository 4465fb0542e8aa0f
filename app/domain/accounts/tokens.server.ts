/**
 * Secrets for links sent by mail (ADR 0012): 256 random bits, base32; only
 * their SHA-256 is stored, so a copy of the database holds no usable link.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

import { ACTIVATION_TTL_DAYS, INVITATION_TTL_DAYS, RESET_TTL_MINUTES } from "./link-lifetimes";

export { ACTIVATION_TTL_DAYS, INVITATION_TTL_DAYS, RESET_TTL_MINUTES };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export function newSecret(): { token: string; tokenHash: string } {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  const token = encodeBase32LowerCaseNoPadding(bytes);
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export const invitationExpiry = (now: Date) => new Date(now.getTime() + INVITATION_TTL_DAYS * DAY);
export const activationExpiry = (now: Date) => new Date(now.getTime() + ACTIVATION_TTL_DAYS * DAY);
export const resetExpiry = (now: Date) => new Date(now.getTime() + RESET_TTL_MINUTES * MINUTE);

/** A link's token as it appears in a path segment: base32 only, so anything else is refused before a lookup. */
export function isWellFormedToken(token: string | undefined): token is string {
  return typeof token === "string" && /^[a-z2-7]{20,80}$/.test(token);
}
