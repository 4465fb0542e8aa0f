/**
 * The school identity provider of the end-to-end tests: a real OpenID Connect
 * provider (oidc-provider, tests/utils/oidc-provider.ts) with one client whose
 * redirect URI is the app's /sso/callback. Any login name signs in at its
 * development sign-in page; the name is the account's address. Playwright
 * starts it before the app (playwright.config.ts).
 *
 *   E2E_OIDC_PORT, APP_ORIGIN, E2E_OIDC_CLIENT_ID, E2E_OIDC_CLIENT_SECRET
 */
import { startTestProvider } from "../tests/utils/oidc-provider.ts";

const port = Number(process.env.E2E_OIDC_PORT ?? 5102);
const origin = process.env.APP_ORIGIN ?? "http://localhost:3100";

const provider = await startTestProvider({
  port,
  clients: [
    {
      clientId: process.env.E2E_OIDC_CLIENT_ID ?? "retake-desk-e2e",
      clientSecret: process.env.E2E_OIDC_CLIENT_SECRET ?? "e2e client secret",
      redirectUris: [`${origin}/sso/callback`],
    },
  ],
});
console.log(`e2e identity provider: ${provider.issuer} (client redirects to ${origin}/sso/callback)`);

const stop = async () => {
  await provider.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
