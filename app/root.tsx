import { useEffect } from "react";
import { data, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import { ErrorMessage } from "./components/error-page";
import { ToastMessage } from "./components/toast";
import { accessLogMiddleware } from "./middleware/access-log.server";
import { requestBodyMiddleware } from "./middleware/request-body.server";
import { sameOriginMiddleware, securityHeadersMiddleware } from "./middleware/security.server";
import { sessionMiddleware } from "./middleware/session.server";
import "./styles/app.css";
import { useNonce } from "./utils/nonce";
import { readToast } from "./utils/toast.server";

// Outermost first: the headers reach every response, refusals by the later ones included.
export const middleware: Route.MiddlewareFunction[] = [
  securityHeadersMiddleware,
  sameOriginMiddleware,
  requestBodyMiddleware,
  sessionMiddleware,
  accessLogMiddleware,
];

export const links: Route.LinksFunction = () => [{ rel: "icon", href: "/favicon.ico", sizes: "any" }];

export async function loader({ request }: Route.LoaderArgs) {
  const { toast, clear } = await readToast(request);
  return data({ toast }, clear ? { headers: { "Set-Cookie": clear } } : undefined);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const rootData = useRouteLoaderData<typeof loader>("root");
  useEffect(() => {
    // End-to-end tests wait for this before clicking: clicks before hydration are lost.
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    // The head's script marks the document as having JavaScript before the first paint, so the
    // phone's menu is drawn collapsed from the start (app/components/app-shell.tsx); the class it
    // adds is the one attribute of <html> the server did not render.
    <html lang="en" suppressHydrationWarning>
      <head>
        <meta charSet="utf-8" />
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant line of our own, no data in it */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: 'document.documentElement.classList.add("js")' }} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        {children}
        {rootData?.toast ? (
          <ToastMessage key={`${rootData.toast.title}:${rootData.toast.description ?? ""}`} toast={rootData.toast} />
        ) : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function meta() {
  return [{ title: "Retake Desk" }];
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <ErrorMessage error={error} />
    </main>
  );
}
