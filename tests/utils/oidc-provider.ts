/**
 * A real OpenID Connect provider for tests (`oidc-provider`, the certified Node
 * implementation) with its development sign-in pages: any login name and any
 * password sign in, and the login name is the account. Claims come from the
 * login name: "ada@school.edu" has that address, verified; "unverified:ada@school.edu"
 * has it unverified; tests can also set an account's claims outright.
 * Integration tests start it in-process; the end-to-end run starts it as a
 * process of its own (scripts/e2e-oidc.ts).
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type ClientMetadata } from "oidc-provider";

export interface TestProvider {
  issuer: string;
  port: number;
  provider: Provider;
  /** Claims for a login name (other than `sub`), overriding what the name implies. */
  setAccount(login: string, claims: Record<string, unknown>): void;
  close(): Promise<void>;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

/** The provider's subject ("sub") is the login name. */
export function claimsFor(login: string, overrides?: Record<string, unknown>): Record<string, unknown> {
  const unverified = login.startsWith("unverified:");
  const email = unverified ? login.slice("unverified:".length) : login;
  return {
    email,
    email_verified: !unverified,
    name: email.split("@")[0].replace(/[._]/g, " "),
    ...overrides,
  };
}

export async function startTestProvider(options: { port?: number; host?: string; clients: TestClient[] }): Promise<TestProvider> {
  const host = options.host ?? "127.0.0.1";
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${host === "127.0.0.1" ? "127.0.0.1" : host}:${port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };
  const accounts = new Map<string, Record<string, unknown>>();

  const clients: ClientMetadata[] = options.clients.map((c) => ({
    client_id: c.clientId,
    client_secret: c.clientSecret,
    redirect_uris: c.redirectUris,
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: "client_secret_basic",
  }));

  const provider = new Provider(issuer, {
    clients,
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: true } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    async findAccount(_ctx, id) {
      const claims = accounts.get(id) ?? claimsFor(id);
      return {
        accountId: id,
        async claims() {
          return { ...claims, sub: id };
        },
      };
    },
  });
  // Silence the provider's own error logging of expected refusals in tests.
  provider.on("server_error", () => {});
  server.on("request", provider.callback());

  return {
    issuer,
    port,
    provider,
    setAccount(login, claims) {
      accounts.set(login, claimsFor(login, claims));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A cookie jar good enough for one browser-like walk through the provider's pages. */
class Jar {
  private readonly cookies = new Map<string, string>();
  store(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(header) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

function formOf(html: string, base: string): { action: string; fields: Record<string, string> } | null {
  const form = html.match(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/);
  if (!form) return null;
  const fields: Record<string, string> = {};
  for (const input of form[2].matchAll(/<input[^>]*>/g)) {
    const name = input[0].match(/name="([^"]+)"/)?.[1];
    const value = input[0].match(/value="([^"]*)"/)?.[1] ?? "";
    if (name) fields[name] = value;
  }
  return { action: new URL(form[1].replace(/&amp;/g, "&"), base).href, fields };
}

/**
 * Follows an authorization URL the way a browser would, signing in at the
 * provider's own sign-in page as `login` and confirming its consent page,
 * until the provider redirects to `callbackPrefix`; returns that URL.
 */
export async function signInAtProvider(authorizationUrl: string, login: string, callbackPrefix: string): Promise<URL> {
  const jar = new Jar();
  let url = authorizationUrl;
  let init: RequestInit = { method: "GET" };
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers ?? {}), cookie: jar.header() } });
    jar.store(response);
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get("location") ?? "", url).href;
      if (next.startsWith(callbackPrefix)) return new URL(next);
      url = next;
      init = { method: "GET" };
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`provider answered ${response.status} at ${url}: ${html.slice(0, 300)}`);
    const form = formOf(html, url);
    if (!form) throw new Error(`no form on the provider's page at ${url}`);
    const body = new URLSearchParams(form.fields);
    if (form.fields.prompt === "login") {
      body.set("login", login);
      body.set("password", "any password");
    }
    url = form.action;
    init = { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } };
  }
  throw new Error("the provider never redirected back");
}
