/**
 * The bundled list of common passwords (common-passwords.txt beside this file;
 * the production build copies it beside the server bundle). Read once, on the
 * first check; no network lookup.
 */
import { readFileSync } from "node:fs";
import { type PasswordContext, passwordProblem } from "./password-policy";

let common: Set<string> | undefined;

function list(): Set<string> {
  if (!common) {
    const text = readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8");
    common = new Set(
      text
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith("#")),
    );
  }
  return common;
}

export function isCommonPassword(candidate: string): boolean {
  return list().has(candidate);
}

/** The first reason to refuse a new password, or null. */
export function checkNewPassword(password: string, context: PasswordContext = {}): string | null {
  return passwordProblem(password, isCommonPassword, context);
}
