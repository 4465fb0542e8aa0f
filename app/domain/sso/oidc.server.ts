/**
 * The OpenID Connect client side of a school's provider (ADR 0016), through
 * `openid-client`: discovery, the authorization code flow with PKCE, `state`
 * and `nonce`, and ID token validation (signature, issuer, audience, expiry,
 * nonce). Discovery documents are kept for ten minutes per configuration.
 */
import * as oidc from "openid-client";
import { env } from "#app/utils/env.server";
import { openText } from "#app/utils/secret-box.server";
import { isHttpLoopbackIssuer } from "./schema";

interface ProviderSettings {
  schoolId: string;
  issuer: string;
  clientId: string;
  /** The sealed client secret, as stored. */
  sealedSecret: string;
}

/** The provider could not be reached (down, unknown host, timed out, or a server error). */
class ProviderUnreachableError extends Error {
  constructor(cause: unknown) {
    super("the provider could not be reached", { cause });
    this.name = "ProviderUnreachableError";
  }
}

const DISCOVERY_TTL_MS = 10 * 60_000;
const TIMEOUT_SECONDS = 8;
const cache = new Map<string, { config: oidc.Configuration; at: number }>();

export const secretContext = (schoolId: string) => `sso-client-secret:${schoolId}`;

/** Tests only: plain http to a provider on this machine (SSO_ALLOW_HTTP_LOOPBACK_ISSUER). */
export function httpLoopbackAllowed(): boolean {
  const flag = env().SSO_ALLOW_HTTP_LOOPBACK_ISSUER;
  return flag === "1" || flag === "true";
}

const cacheKey = (p: ProviderSettings) => JSON.stringify([p.schoolId, p.issuer, p.clientId, p.sealedSecret]);

/** Forgets the school's discovery document (its settings changed). */
export function forgetProvider(schoolId: string): void {
  for (const [key] of cache) if (JSON.parse(key)[0] === schoolId) cache.delete(key);
}

/** Network failures, timeouts and 5xx answers: the provider is down, not wrong. */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof ProviderUnreachableError) return true;
  if (!(error instanceof Error)) return false;
  if (error.name === "TimeoutError" || error.name === "AbortError") return true;
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return true;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Response && cause.status >= 500) return true;
  return cause instanceof Error && cause !== error ? isUnreachable(cause) : false;
}

/** The provider's configuration (its discovery document) with our client's credentials. */
export async function providerConfiguration(settings: ProviderSettings, now = Date.now()): Promise<oidc.Configuration> {
  const key = cacheKey(settings);
  const hit = cache.get(key);
  if (hit && now - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const secret = openText(settings.sealedSecret, secretContext(settings.schoolId));
  const insecure = isHttpLoopbackIssuer(settings.issuer);
  if (insecure && !httpLoopbackAllowed()) throw new Error("http issuers are for the local test provider only");
  let config: oidc.Configuration;
  try {
    config = await oidc.discovery(new URL(settings.issuer), settings.clientId, undefined, oidc.ClientSecretBasic(secret), {
      execute: insecure ? [oidc.allowInsecureRequests] : [],
      timeout: TIMEOUT_SECONDS,
    });
  } catch (error) {
    throw isUnreachable(error) ? new ProviderUnreachableError(error) : error;
  }
  cache.set(key, { config, at: now });
  return config;
}

/** Reads a provider's discovery document, to check a configuration before saving it; returns the problem or null. */
export async function checkDiscovery(issuer: string): Promise<string | null> {
  const insecure = isHttpLoopbackIssuer(issuer);
  try {
    await oidc.discovery(new URL(issuer), "retake-desk-check", undefined, oidc.None(), {
      execute: insecure && httpLoopbackAllowed() ? [oidc.allowInsecureRequests] : [],
      timeout: TIMEOUT_SECONDS,
    });
    return null;
  } catch (error) {
    if (isUnreachable(error)) return `We could not reach ${issuer}. Check the URL, or try again when the provider is up.`;
    return `${issuer}/.well-known/openid-configuration is not a usable OpenID Connect discovery document (its issuer must be exactly this URL).`;
  }
}

export interface Flow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export function newFlow(): Flow {
  return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
}

export async function authorizationUrl(
  config: oidc.Configuration,
  flow: Flow,
  redirectUri: string,
  loginHint: string | null,
): Promise<URL> {
  const parameters: Record<string, string> = {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
  };
  if (loginHint) parameters.login_hint = loginHint;
  return oidc.buildAuthorizationUrl(config, parameters);
}

export interface ProviderIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

type ExchangeFailure = "nonce" | "unreachable" | "denied" | "provider_error";

export class ExchangeError extends Error {
  constructor(
    readonly reason: ExchangeFailure,
    cause: unknown,
  ) {
    super(`code exchange failed: ${reason}`, { cause });
    this.name = "ExchangeError";
  }
}

/** The ID token claim a validation error is about: a claim of the wrong value, or one missing (`JWT "nonce" (nonce) claim missing`). */
const claimOf = (error: unknown): string | undefined => {
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === "object"; i++) {
    const claim = (e as { claim?: unknown }).claim;
    if (typeof claim === "string") return claim;
    const missing = e instanceof Error ? /^JWT "(\w+)" \(.*\) claim missing$/.exec(e.message) : null;
    if (missing) return missing[1];
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
};

/**
 * Exchanges the code for tokens and validates the ID token against the flow:
 * `state` (again, after our own check), PKCE and `nonce`. The e-mail claims
 * come from the ID token, or from the userinfo endpoint when the provider keeps
 * them there (its subject must match).
 */
export async function exchangeCode(config: oidc.Configuration, callbackUrl: URL, flow: Flow): Promise<ProviderIdentity> {
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    if (isUnreachable(error)) throw new ExchangeError("unreachable", error);
    if (error instanceof oidc.AuthorizationResponseError) throw new ExchangeError("denied", error);
    if (claimOf(error) === "nonce") throw new ExchangeError("nonce", error);
    throw new ExchangeError("provider_error", error);
  }
  const claims = tokens.claims();
  if (!claims) throw new ExchangeError("provider_error", new Error("no ID token"));
  let source: Record<string, unknown> = claims;
  if (typeof claims.email !== "string" || typeof claims.email_verified !== "boolean") {
    try {
      source = { ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
    } catch (error) {
      throw new ExchangeError(isUnreachable(error) ? "unreachable" : "provider_error", error);
    }
  }
  const email = typeof source.email === "string" ? source.email.trim().toLowerCase() : null;
  return {
    subject: claims.sub,
    email: email || null,
    emailVerified: source.email_verified === true,
    name: typeof source.name === "string" ? source.name : null,
  };
}
