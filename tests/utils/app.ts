/**
 * The whole app in process: a React Router server build assembled from
 * `app/routes.ts` and the route modules, served by React Router's own request
 * handler. Requests go through everything a browser's would — root middleware
 * (Origin check, headers, session), route middleware, loaders and actions,
 * single-fetch `.data` requests, resource routes and document rendering — but
 * without a build step or an HTTP server. Tests that must cover every route
 * walk `appRoutes()`, so a route added to routes.ts is covered without
 * editing them.
 */
import path from "node:path";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import {
  createRequestHandler,
  type ServerBuild,
  UNSAFE_withComponentProps,
  UNSAFE_withErrorBoundaryProps,
  UNSAFE_withHydrateFallbackProps,
} from "react-router";
import routeConfig from "#app/routes";
import { createSession, SESSION_COOKIE } from "#app/utils/session.server";
import config from "../../react-router.config";

export const ORIGIN = "http://localhost:3000";

const APP_DIR = path.resolve(import.meta.dirname, "..", "..", "app");
const modules = import.meta.glob<Record<string, unknown>>(["../../app/root.tsx", "../../app/routes/**/*.{ts,tsx}"]);

export interface AppRoute {
  /** React Router's route id: the module's path under app/ without its extension ("routes/app/cases/notes"). */
  id: string;
  parentId: string | undefined;
  /** The full URL pattern ("/cases/:caseId/notes"). */
  pattern: string;
  /** Names of the dynamic segments, in order. */
  params: string[];
  file: string;
  index: boolean;
  module: Record<string, unknown>;
  hasLoader: boolean;
  hasAction: boolean;
  /** A route without a component answers with whatever its loader returns (a download, a redirect). */
  isResource: boolean;
}

const routeId = (file: string) => file.replace(/\.[jt]sx?$/, "");

function flatten(
  entries: readonly RouteConfigEntry[],
  parentId: string,
  parentPath: string,
  out: Array<{ entry: RouteConfigEntry; parentId: string; pattern: string }>,
) {
  for (const entry of entries) {
    const own = entry.path ?? "";
    const pattern = own ? `${parentPath.replace(/\/$/, "")}/${own}` : parentPath;
    out.push({ entry, parentId, pattern: pattern || "/" });
    if (entry.children) flatten(entry.children, entry.id ?? routeId(entry.file), pattern, out);
  }
  return out;
}

let loaded: Promise<AppRoute[]> | undefined;

/** Every route of app/routes.ts with its module, parents before children. */
export function appRoutes(): Promise<AppRoute[]> {
  loaded ??= (async () => {
    const flat = flatten(routeConfig, "root", "", []);
    return Promise.all(
      flat.map(async ({ entry, parentId, pattern }) => {
        const load = modules[`../../app/${entry.file}`];
        if (!load) throw new Error(`routes.ts names ${entry.file}, which tests/utils/app.ts cannot import`);
        const module = await load();
        return {
          id: entry.id ?? routeId(entry.file),
          parentId,
          pattern,
          params: [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]),
          file: entry.file,
          index: entry.index === true,
          module,
          hasLoader: typeof module.loader === "function",
          hasAction: typeof module.action === "function",
          isResource: typeof module.default !== "function",
        } satisfies AppRoute;
      }),
    );
  })();
  return loaded;
}

/** Errors the app did not handle (React Router answered 500 for them), oldest first; tests read and clear it. */
export const unhandled: unknown[] = [];

/** What the Vite plugin does to a route module: its components receive loaderData, params and the rest as props. */
function asBuilt(module: Record<string, unknown>): Record<string, unknown> {
  const wrapped = { ...module };
  // biome-ignore lint/suspicious/noExplicitAny: route components each type their own props
  const component = (value: unknown) => value as any;
  if (typeof module.default === "function") wrapped.default = UNSAFE_withComponentProps(component(module.default));
  if (typeof module.ErrorBoundary === "function") wrapped.ErrorBoundary = UNSAFE_withErrorBoundaryProps(component(module.ErrorBoundary));
  if (typeof module.HydrateFallback === "function")
    wrapped.HydrateFallback = UNSAFE_withHydrateFallbackProps(component(module.HydrateFallback));
  return wrapped;
}

let handler: Promise<(request: Request) => Promise<Response>> | undefined;
let built: Promise<ServerBuild> | undefined;

/** The server build the handler serves, for code that builds its own handler (the production server in server/index.ts). */
export function appBuild(): Promise<ServerBuild> {
  built ??= assembleBuild();
  return built;
}

async function buildHandler() {
  const handle = createRequestHandler(await appBuild(), "production");
  return (request: Request) => handle(request);
}

async function assembleBuild(): Promise<ServerBuild> {
  const routes = await appRoutes();
  const root = await modules["../../app/root.tsx"]();
  const entry = await import("#app/entry.server");
  const manifestRoute = (
    id: string,
    parentId: string | undefined,
    path: string | undefined,
    index: boolean,
    module: Record<string, unknown>,
  ) => ({
    id,
    parentId,
    path,
    index,
    caseSensitive: undefined,
    module: `/assets/${id}.js`,
    imports: [],
    css: [],
    hasAction: typeof module.action === "function",
    hasLoader: typeof module.loader === "function",
    hasClientAction: false,
    hasClientLoader: false,
    hasClientMiddleware: false,
    hasDefaultExport: typeof module.default === "function",
    hasErrorBoundary: typeof module.ErrorBoundary === "function",
  });
  const entries = flatten(routeConfig, "root", "", []);
  const serverRoutes: ServerBuild["routes"] = {
    root: { id: "root", parentId: undefined, path: "", index: undefined, caseSensitive: undefined, module: asBuilt(root) as never },
  };
  const manifestRoutes: Record<string, ReturnType<typeof manifestRoute>> = {
    root: manifestRoute("root", undefined, "", false, root),
  };
  for (const [i, { entry, parentId }] of entries.entries()) {
    const route = routes[i];
    serverRoutes[route.id] = {
      id: route.id,
      parentId,
      path: entry.path,
      index: entry.index,
      caseSensitive: entry.caseSensitive,
      module: asBuilt(route.module) as never,
    };
    manifestRoutes[route.id] = manifestRoute(route.id, parentId, entry.path, entry.index === true, route.module);
  }
  const build = {
    entry: {
      module: {
        ...entry,
        handleError: (error: unknown, args: Parameters<typeof entry.handleError>[1]) => {
          unhandled.push(error);
          entry.handleError(error, args);
        },
      },
    },
    routes: serverRoutes,
    assets: {
      entry: { module: "/assets/entry.client.js", imports: [], css: [] },
      routes: manifestRoutes,
      url: "/assets/manifest.js",
      version: "test",
    },
    publicPath: "/",
    assetsBuildDirectory: path.join(APP_DIR, "..", "build", "client"),
    basename: "/",
    future: config.future,
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: "lazy", manifestPath: "/__manifest" },
    allowedActionOrigins: config.allowedActionOrigins,
  } as unknown as ServerBuild;
  return build;
}

/** Sends a request through the whole app, as the production server would. */
export async function fetchApp(request: Request): Promise<Response> {
  handler ??= buildHandler();
  return (await handler)(request);
}

export interface AppRequest {
  method?: string;
  /** The session cookie to send (see `signIn`). */
  cookie?: string | null;
  headers?: Record<string, string>;
  body?: BodyInit | null;
}

/** A request to `path` on the app's origin; non-GET requests carry the app's Origin unless `headers` says otherwise (`Origin: ""` for none). */
export function appRequest(pathAndQuery: string, options: AppRequest = {}): Request {
  const method = options.method ?? "GET";
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  if (method !== "GET" && method !== "HEAD" && !headers.has("Origin")) headers.set("Origin", ORIGIN);
  // An empty Origin in `headers` means "send none".
  if (headers.get("Origin") === "") headers.delete("Origin");
  const init: RequestInit & { duplex?: "half" } = { method, headers, body: options.body ?? null };
  if (options.body instanceof ReadableStream) init.duplex = "half";
  return new Request(new URL(pathAndQuery, ORIGIN), init);
}

export function request(pathAndQuery: string, options: AppRequest = {}): Promise<Response> {
  return fetchApp(appRequest(pathAndQuery, options));
}

/** A real session for the user, as the sign-in form would create; the value is a Cookie header. */
export async function signIn(userId: string): Promise<string> {
  const { token } = await createSession(userId);
  return `${SESSION_COOKIE}=${token}`;
}

/** The `.data` URL a client navigation requests for a page (`_routes` narrows it to some route ids). */
export function dataUrl(pathAndQuery: string, routeIds?: readonly string[]): string {
  const url = new URL(pathAndQuery, ORIGIN);
  // With trailing-slash-aware data requests (react-router.config.ts), "/" and "/x/" ask for "/_.data" and "/x/_.data".
  url.pathname = url.pathname.endsWith("/") ? `${url.pathname}_.data` : `${url.pathname}.data`;
  if (routeIds) url.searchParams.set("_routes", routeIds.join(","));
  return `${url.pathname}${url.search}`;
}
