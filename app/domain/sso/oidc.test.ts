/**
 * What the code exchange asks openid-client to check (ADR 0016). The library
 * refuses an ID token whose nonce differs from the one it is told to expect,
 * so an end-to-end test of a wrong nonce cannot tell whether we pass this
 * sign-in's nonce at all; here the grant is replaced by a recorder, and the
 * test fails if `expectedNonce` (or state, or the PKCE verifier) is not the
 * flow's own.
 */
import type * as oidc from "openid-client";
import { beforeEach, describe, expect, it, vi } from "vitest";

const grant = vi.hoisted(() => ({ calls: [] as unknown[][], answer: undefined as unknown, error: undefined as unknown }));

vi.mock("openid-client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("openid-client")>();
  return {
    ...actual,
    authorizationCodeGrant: async (...args: unknown[]) => {
      grant.calls.push(args);
      if (grant.error) throw grant.error;
      return grant.answer;
    },
  };
});

const { ExchangeError, exchangeCode, newFlow } = await import("./oidc.server");

const config = {} as oidc.Configuration;
const callbackUrl = new URL("http://localhost:3000/sso/callback?code=abc&state=s");

beforeEach(() => {
  grant.calls = [];
  grant.error = undefined;
  grant.answer = {
    access_token: "at",
    claims: () => ({ sub: "subject-1", email: "Tutor@Example.edu", email_verified: true, name: "A Tutor" }),
  };
});

describe("exchangeCode", () => {
  it("asks for this flow's nonce, state and PKCE verifier, and an ID token", async () => {
    const flow = newFlow();
    const identity = await exchangeCode(config, callbackUrl, flow);
    expect(grant.calls).toHaveLength(1);
    const [passedConfig, passedUrl, checks] = grant.calls[0];
    expect(passedConfig).toBe(config);
    expect(passedUrl).toBe(callbackUrl);
    expect(checks).toEqual({
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    expect(identity).toEqual({ subject: "subject-1", email: "tutor@example.edu", emailVerified: true, name: "A Tutor" });
  });

  it("gives every flow a nonce of its own", () => {
    const nonces = new Set(Array.from({ length: 20 }, () => newFlow().nonce));
    expect(nonces.size).toBe(20);
    for (const nonce of nonces) expect(nonce).toMatch(/^[\w-]{43}$/);
  });

  it("answers a nonce the library refused (wrong or missing) as a nonce refusal, and no ID token as a provider error", async () => {
    grant.error = Object.assign(new Error('unexpected JWT "nonce" (nonce) claim value'), { claim: "nonce" });
    await expect(exchangeCode(config, callbackUrl, newFlow())).rejects.toMatchObject({ reason: "nonce" });
    grant.error = new Error('JWT "nonce" (nonce) claim missing');
    await expect(exchangeCode(config, callbackUrl, newFlow())).rejects.toMatchObject({ reason: "nonce" });
    grant.error = undefined;
    grant.answer = { access_token: "at", claims: () => undefined };
    const refused = await exchangeCode(config, callbackUrl, newFlow()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ExchangeError);
    expect(refused).toMatchObject({ reason: "provider_error" });
  });
});
