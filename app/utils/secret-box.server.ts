/**
 * Secrets the app must be able to read back (an SSO client secret, an
 * authenticator key) are stored sealed with AES-256-GCM under a key from the
 * environment (ADR 0016): `v1.<key id>.<iv>.<ciphertext>.<tag>`, base64url.
 * Each value is bound to what it is for (`context`, e.g. "totp:<userId>"), so
 * a sealed value copied into another row does not open there.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { decodeKey, env } from "./env.server";

const FORMAT = "v1";

export class EncryptionUnavailableError extends Error {
  constructor() {
    super("No DATA_ENCRYPTION_KEY is set on the server.");
    this.name = "EncryptionUnavailableError";
  }
}

/** A sealed value that this server cannot open: another key, a damaged value, or another row's value. */
export class SealedValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealedValueError";
  }
}

interface Key {
  id: string;
  bytes: Buffer;
}

const keyId = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex").slice(0, 8);

function keys(): { current: Key | null; all: Key[] } {
  const current = decodeKey(env().DATA_ENCRYPTION_KEY);
  const previous = decodeKey(env().DATA_ENCRYPTION_KEY_PREVIOUS);
  const all = [current, previous].filter((k): k is Buffer => k !== null).map((bytes) => ({ id: keyId(bytes), bytes }));
  return { current: current ? { id: keyId(current), bytes: current } : null, all };
}

/** True when secrets can be sealed: DATA_ENCRYPTION_KEY is set. */
export function encryptionAvailable(): boolean {
  return keys().current !== null;
}

export function seal(plaintext: string | Uint8Array, context: string): string {
  const key = keys().current;
  if (!key) throw new EncryptionUnavailableError();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(typeof plaintext === "string" ? Buffer.from(plaintext, "utf8") : plaintext), cipher.final()]);
  const parts = [iv, body, cipher.getAuthTag()].map((b) => b.toString("base64url"));
  return [FORMAT, key.id, ...parts].join(".");
}

export function open(sealed: string, context: string): Buffer {
  const [format, id, iv, body, tag, ...rest] = sealed.split(".");
  if (format !== FORMAT || !id || !iv || body === undefined || !tag || rest.length) throw new SealedValueError("not a sealed value");
  const { all } = keys();
  if (all.length === 0) throw new EncryptionUnavailableError();
  const key = all.find((k) => k.id === id);
  if (!key) throw new SealedValueError("sealed with a key this server does not have (DATA_ENCRYPTION_KEY changed?)");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
  } catch {
    throw new SealedValueError("the sealed value does not open (damaged, or sealed for something else)");
  }
}

export function openText(sealed: string, context: string): string {
  return open(sealed, context).toString("utf8");
}
