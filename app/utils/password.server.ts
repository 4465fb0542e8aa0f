/**
 * Argon2id password hashing with the parameters of ADR 0003 (m=19456 KiB, t=3,
 * p=1): at least OWASP's and the Copenhagen Book's minimum. The full PHC string
 * is stored, so parameters can be raised later without a migration.
 */
import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 defaults to Argon2id (its const enum cannot be imported under isolatedModules).
const OPTIONS = { memoryCost: 19456, timeCost: 3, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword("decoy-password-for-unknown-accounts");
  return decoy;
}
