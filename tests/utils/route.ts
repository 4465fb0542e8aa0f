/**
 * Calls route loaders and actions the way React Router would, with a signed-in
 * user (or none) in the context — without an HTTP server.
 */
import { RouterContextProvider } from "react-router";
import { type Auth, authContext, type SessionUser } from "#app/context";
import { prisma } from "#app/utils/db.server";

export const ORIGIN = "http://localhost:3000";

export async function sessionUser(userId: string): Promise<SessionUser> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      memberships: { select: { schoolId: true, role: true, school: { select: { name: true } } } },
    },
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    memberships: user.memberships.map((m) => ({ schoolId: m.schoolId, role: m.role, schoolName: m.school.name })),
  };
}

/** `sessionId` is the signed-in session's id, for code that ends it (a placeholder otherwise). */
export async function contextFor(userId: string | null, sessionId = "test-session"): Promise<RouterContextProvider> {
  const context = new RouterContextProvider();
  const auth: Auth | null = userId ? { user: await sessionUser(userId), sessionId } : null;
  context.set(authContext, auth);
  return context;
}

interface CallOptions {
  userId: string | null;
  /** The signed-in person's real session id, for code that ends the session. */
  sessionId?: string;
  path: string;
  params?: Record<string, string>;
  /** A form posted as the browser posts one without a file (url-encoded). */
  form?: Record<string, string | string[]>;
  /** Any other body: a multipart FormData (a form with a file input) or a stream. */
  body?: FormData | ReadableStream<Uint8Array>;
  method?: string;
  /** Request headers besides the ones the body implies (a declared Content-Length, the client address). */
  headers?: Record<string, string>;
  /** A context made elsewhere (e.g. by the session middleware) instead of one for `userId`. */
  context?: RouterContextProvider;
}

// biome-ignore lint/suspicious/noExplicitAny: loaders and actions each type their own args
type Handler = (args: any) => unknown;

function buildRequest({ path, form, body, method, headers }: CallOptions): Request {
  const url = new URL(path, ORIGIN);
  if (form) {
    const encoded = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) {
      for (const v of Array.isArray(value) ? value : [value]) encoded.append(key, v);
    }
    return new Request(url, {
      method: method ?? "POST",
      body: encoded,
      headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", ...headers },
    });
  }
  if (body) {
    // A stream needs half-duplex; a FormData sets its own multipart Content-Type.
    const init = { method: method ?? "POST", body, headers: { Origin: ORIGIN, ...headers }, duplex: "half" };
    return new Request(url, init as RequestInit);
  }
  return new Request(url, { method: method ?? "GET", headers });
}

/**
 * Runs a loader or action; thrown Responses and `data()` results are returned
 * (as `{ thrown: true, status, … }`) so tests can assert refusals; anything
 * else the handler throws is rethrown, so the test fails.
 */
export async function call(handler: Handler, options: CallOptions) {
  const request = buildRequest(options);
  const context = options.context ?? (await contextFor(options.userId, options.sessionId));
  try {
    const result = await handler({ request, context, params: options.params ?? {}, url: new URL(request.url), pattern: "" });
    return { thrown: false as const, ...unwrap(result) };
  } catch (error) {
    // Only what React Router turns into a response is a refusal the test can
    // assert; anything else (an Error, a string, a plain object) is a crash.
    if (!(error instanceof Response) && !isDataWithResponseInit(error)) throw error;
    return { thrown: true as const, ...unwrap(error, 500) };
  }
}

function isDataWithResponseInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return (
    typeof value === "object" &&
    value !== null &&
    "type" in value &&
    "data" in value &&
    "init" in value &&
    (value as { type: unknown }).type === "DataWithResponseInit"
  );
}

interface Unwrapped {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the route returned
  data: any;
  headers: Headers;
  location: string | null;
  /** The Response itself when the handler answered with one (a download's body is read from it). */
  response: Response | null;
}

function unwrap(value: unknown, defaultStatus = 200): Unwrapped {
  if (value instanceof Response) {
    return { status: value.status, data: null, headers: value.headers, location: value.headers.get("Location"), response: value };
  }
  if (isDataWithResponseInit(value)) {
    // A thrown data() without a status is a 500 in React Router, a returned one a 200.
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? defaultStatus, data: value.data, headers, location: headers.get("Location"), response: null };
  }
  if (value instanceof Error) throw value;
  return { status: 200, data: value, headers: new Headers(), location: null, response: null };
}

/**
 * Runs a resource route (a download) and returns the Response it answered
 * with; a refusal, or an answer that is not a Response, fails the test.
 */
export async function download(handler: Handler, options: CallOptions): Promise<Response> {
  const result = await call(handler, options);
  if (result.thrown || !result.response) {
    throw new Error(`expected a download from ${options.path}, got ${result.status}${result.thrown ? " (thrown)" : ""}`);
  }
  return result.response;
}
