import { describe, expect, it } from "vitest";
import { checkNewPassword, isCommonPassword } from "./common-passwords.server";
import { normalizePassword, PASSWORD_MAX, PASSWORD_MIN, passwordBase, passwordProblem } from "./password-policy";

const never = () => false;

describe("password policy (NIST SP 800-63B)", () => {
  it("asks for 15 to 255 characters, counted as characters rather than bytes", () => {
    expect(PASSWORD_MIN).toBe(15);
    expect(passwordProblem("fourteen chars", never)).toBe("Use at least 15 characters.");
    expect(passwordProblem("fifteen chars!!", never)).toBeNull();
    expect(passwordProblem("üüü ñandú pájaro z", never)).toBeNull();
    expect(passwordProblem("x".repeat(PASSWORD_MAX + 1), never)).toBe(`Use at most ${PASSWORD_MAX} characters.`);
  });

  it("sets no composition rules: a long phrase of plain words is fine", () => {
    expect(passwordProblem("tangerine lantern orbit", never)).toBeNull();
    expect(passwordProblem("correct horse battery", never)).toBeNull();
  });

  it("refuses repetitions of too few characters", () => {
    expect(passwordProblem("aaaaaaaaaaaaaaaa", never)).toMatch(/repeats too few/);
    expect(passwordProblem("abababababababab", never)).toMatch(/repeats too few/);
  });

  it("normalises case and separators, and finds the word under digits, symbols and repetition", () => {
    expect(normalizePassword("Pass-Word_1.2 3")).toBe("password123");
    expect(passwordBase("password123456789")).toBe("password");
    expect(passwordBase("!!sunshine2024!!")).toBe("sunshine");
    expect(passwordBase("monkeymonkeymonkey")).toBe("monkey");
  });

  it("refuses passwords from the bundled list, however they are decorated", () => {
    for (const common of [
      "passwordpassword",
      "Password123456789",
      "qwertyuiopasdfghjkl",
      "iloveyouiloveyou",
      "1234567890123456",
      "!!Sunshine2024!!",
    ]) {
      expect(checkNewPassword(common), common).toMatch(/too common|repeats too few/);
    }
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("tangerine lantern orbit")).toBe(false);
    expect(checkNewPassword("tangerine lantern orbit")).toBeNull();
  });

  it("refuses the service's name and the person's own address or name", () => {
    expect(passwordProblem("my retake desk password", never)).toMatch(/name of the service/);
    expect(passwordProblem("jordan.lee forever and ever", never, { email: "jordan.lee@northfield.edu" })).toMatch(/email address/);
    expect(passwordProblem("Jordan Lee Jordan Lee", never, { name: "Jordan Lee" })).toMatch(/your name/);
    expect(passwordProblem("jordan likes long mountain walks", never, { name: "Jordan Lee" })).toBeNull();
  });
});
