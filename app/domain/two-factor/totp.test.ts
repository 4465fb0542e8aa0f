import { decodeBase32 } from "@oslojs/encoding";
import { generateHOTP, generateTOTP } from "@oslojs/otp";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  counterAt,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  manualKey,
  matchTotp,
  newRecoveryCodes,
  newTotpKey,
  normaliseRecoveryCode,
  TOTP_PERIOD_SECONDS,
  totpKeyUri,
} from "./totp";

const key = new TextEncoder().encode("12345678901234567890"); // RFC 6238 test key (SHA-1)

describe("authenticator codes", () => {
  it("match RFC 6238's published SHA-1 test vectors", () => {
    // RFC 6238 Appendix B: T=59 → 94287082 (8 digits); the 6-digit code is its last six.
    expect(generateHOTP(key, BigInt(counterAt(59_000)), 8)).toBe("94287082");
    expect(generateHOTP(key, BigInt(counterAt(1_111_111_109_000)), 8)).toBe("07081804");
    expect(matchTotp(key, "287082", 59_000, null)).toBe(1);
  });

  it("accepts one step either side of now (clock drift), not two", () => {
    const now = 1_700_000_000_000;
    const step = counterAt(now);
    for (const offset of [-1, 0, 1]) expect(matchTotp(key, generateHOTP(key, BigInt(step + offset), 6), now, null)).toBe(step + offset);
    for (const offset of [-2, 2]) expect(matchTotp(key, generateHOTP(key, BigInt(step + offset), 6), now, null)).toBeNull();
  });

  it("refuses a code of a step at or before the last one accepted (each code works once)", () => {
    const now = 1_700_000_000_000;
    const step = counterAt(now);
    const code = generateHOTP(key, BigInt(step), 6);
    expect(matchTotp(key, code, now, step)).toBeNull();
    expect(matchTotp(key, code, now, step - 1)).toBe(step);
    expect(matchTotp(key, generateHOTP(key, BigInt(step - 1), 6), now, step - 1)).toBeNull();
  });

  it("takes the code with spaces or a dash, and refuses anything that is not six digits", () => {
    const now = 1_700_000_000_000;
    const code = generateHOTP(key, BigInt(counterAt(now)), 6);
    expect(matchTotp(key, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).not.toBeNull();
    expect(matchTotp(key, `${code.slice(0, 3)}-${code.slice(3)}`, now, null)).not.toBeNull();
    for (const bad of ["", "12345", "1234567", "abcdef", `${code}0`]) expect(matchTotp(key, bad, now, null)).toBeNull();
  });

  it("agrees with the app side: the key URI carries the key an app would use", () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    try {
      const fresh = newTotpKey();
      expect(fresh).toHaveLength(20);
      const uri = new URL(totpKeyUri(fresh, "ada@school.edu"));
      expect(uri.protocol).toBe("otpauth:");
      expect(uri.searchParams.get("issuer")).toBe("Retake Desk");
      expect(uri.searchParams.get("period")).toBe(String(TOTP_PERIOD_SECONDS));
      expect(uri.searchParams.get("digits")).toBe("6");
      const fromUri = decodeBase32(uri.searchParams.get("secret") as string);
      expect(decodeBase32(manualKey(fresh).replaceAll(" ", ""))).toEqual(fresh);
      expect(matchTotp(fresh, generateTOTP(fromUri, 30, 6), Date.now(), null)).toBe(counterAt(Date.now()));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("recovery codes", () => {
  it("are ten different codes of 50 random bits, shown in two groups of five", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
    }
  });

  it("hash the same however they are typed, and differently from each other", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z2-7]{10}$/), (raw) => {
        const shown = `${raw.slice(0, 5)}-${raw.slice(5)}`;
        expect(hashRecoveryCode(shown)).toBe(hashRecoveryCode(raw.toUpperCase()));
        expect(hashRecoveryCode(` ${raw.slice(0, 5)} ${raw.slice(5)} `)).toBe(hashRecoveryCode(shown));
        expect(normaliseRecoveryCode(shown)).toBe(raw);
      }),
    );
    expect(hashRecoveryCode("aaaaa-aaaaa")).not.toBe(hashRecoveryCode("aaaaa-aaaab"));
    expect(hashRecoveryCode("aaaaa-aaaaa")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("tell a recovery code from an authenticator code", () => {
    expect(looksLikeRecoveryCode("123456")).toBe(false);
    expect(looksLikeRecoveryCode("abcde-fgh1j")).toBe(false); // 1 is not base32
  });
});
