import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATA_ENCRYPTION_KEY = Buffer.alloc(32, 1).toString("base64");
  process.env.DATA_ENCRYPTION_KEY_PREVIOUS = Buffer.alloc(32, 2).toString("hex");
});

import { createCipheriv, createHash } from "node:crypto";
import { decodeKey } from "./env.server";
import { encryptionAvailable, open, openText, SealedValueError, seal } from "./secret-box.server";

describe("sealed secrets", () => {
  it("open again with the same context, and never contain the plaintext", () => {
    expect(encryptionAvailable()).toBe(true);
    const sealed = seal("client secret 123", "sso-client-secret:school-a");
    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("client secret");
    expect(openText(sealed, "sso-client-secret:school-a")).toBe("client secret 123");
    // A fresh IV each time: the same secret never seals the same way twice.
    expect(seal("client secret 123", "sso-client-secret:school-a")).not.toBe(sealed);
  });

  it("do not open for another row, when tampered with, or malformed", () => {
    const sealed = seal("key bytes", "totp:user-1");
    expect(() => open(sealed, "totp:user-2")).toThrow(SealedValueError);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3], "base64url");
    body[0] ^= 1;
    parts[3] = body.toString("base64url");
    expect(() => open(parts.join("."), "totp:user-1")).toThrow(SealedValueError);
    expect(() => open("not sealed", "totp:user-1")).toThrow(SealedValueError);
    expect(() => open(sealed.replace(/^v1\.[0-9a-f]{8}/, "v1.00000000"), "totp:user-1")).toThrow(/key this server does not have/);
  });

  it("still open values sealed under the previous key after a rotation", () => {
    const previous = decodeKey(process.env.DATA_ENCRYPTION_KEY_PREVIOUS ?? "") as Buffer;
    const id = createHash("sha256").update(previous).digest("hex").slice(0, 8);
    const iv = Buffer.alloc(12, 9);
    const cipher = createCipheriv("aes-256-gcm", previous, iv);
    cipher.setAAD(Buffer.from("ctx"));
    const body = Buffer.concat([cipher.update("old value"), cipher.final()]);
    const sealed = ["v1", id, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
    expect(openText(sealed, "ctx")).toBe("old value");
  });

  it("read keys as 64 hex digits or base64 of 32 bytes, and nothing else", () => {
    expect(decodeKey("")).toBeNull();
    expect(decodeKey("ab".repeat(32))?.length).toBe(32);
    expect(decodeKey(Buffer.alloc(32, 5).toString("base64"))?.length).toBe(32);
    expect(decodeKey("too short")).toBeNull();
    expect(decodeKey(Buffer.alloc(16).toString("base64"))).toBeNull();
  });
});
