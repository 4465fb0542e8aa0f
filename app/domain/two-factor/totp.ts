/**
 * Authenticator codes (TOTP, RFC 6238: SHA-1, 30 seconds, 6 digits — what every
 * authenticator app reads from a QR code) and recovery codes (ADR 0017).
 * A code is accepted within one step either side of now (clock drift), and
 * only for a step later than the last one accepted, so a code works once.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeBase32UpperCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { createTOTPKeyURI, verifyHOTP } from "@oslojs/otp";

export const TOTP_PERIOD_SECONDS = 30;
const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one. */
const TOTP_DRIFT_STEPS = 1;
const TOTP_ISSUER = "Retake Desk";
const RECOVERY_CODE_COUNT = 10;

function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  crypto.getRandomValues(bytes);
  return bytes;
}

/** A new authenticator key: 160 bits, the size RFC 4226 recommends for HMAC-SHA-1. */
export function newTotpKey(): Uint8Array {
  return randomBytes(20);
}

/** The otpauth:// URI the QR code carries. */
export function totpKeyUri(key: Uint8Array, accountName: string): string {
  return createTOTPKeyURI(TOTP_ISSUER, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The key for typing into an app by hand: base32 in groups of four. */
export function manualKey(key: Uint8Array): string {
  return (encodeBase32UpperCaseNoPadding(key).match(/.{1,4}/g) ?? []).join(" ");
}

export function counterAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** What people type: digits, perhaps with spaces or a dash in the middle. */
function normaliseTotpCode(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export const looksLikeTotpCode = (input: string) => new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(normaliseTotpCode(input));

/**
 * The time step whose code `input` is, within the drift window around `nowMs`
 * and after `lastCounter`; null when it is none of them (wrong, stale or
 * already used).
 */
export function matchTotp(key: Uint8Array, input: string, nowMs: number, lastCounter: number | null): number | null {
  const code = normaliseTotpCode(input);
  if (!looksLikeTotpCode(code)) return null;
  const now = counterAt(nowMs);
  for (let counter = now - TOTP_DRIFT_STEPS; counter <= now + TOTP_DRIFT_STEPS; counter++) {
    if (lastCounter !== null && counter <= lastCounter) continue;
    if (verifyHOTP(key, BigInt(counter), TOTP_DIGITS, code)) return counter;
  }
  return null;
}

/** Ten codes of ten base32 characters (50 bits each), shown as "abcde-fghij". */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const raw = encodeBase32LowerCaseNoPadding(randomBytes(7)).slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/** Lower-case, without spaces or dashes: "ABCDE FGHIJ" and "abcde-fghij" are the same code. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "");
}

export const looksLikeRecoveryCode = (input: string) => /^[a-z2-7]{10}$/.test(normaliseRecoveryCode(input));

/** Recovery codes carry 50 random bits: a plain SHA-256 suffices (no password-style stretching needed). */
export function hashRecoveryCode(input: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normaliseRecoveryCode(input))));
}
