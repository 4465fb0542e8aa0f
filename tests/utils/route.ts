/**
 * Calls route loaders and actions the way React Router would, with a signed-in
 * user (or none) in the context — without an HTTP server.
 */
import { RouterContextProvider } from "react-router";
import { type Auth, authContext, type SessionUser } from "../../app/context";
import { prisma } from "../../app/utils/db.server";

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

export async function contextFor(userId: string | null): Promise<RouterContextProvider> {
  const context = new RouterContextProvider();
  const auth: Auth | null = userId ? { user: await sessionUser(userId), sessionId: "test-session" } : null;
  context.set(authContext, auth);
  return context;
}

interface CallOptions {
  userId: string | null;
  path: string;
  params?: Record<string, string>;
  form?: Record<string, string | string[]>;
  method?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: loaders and actions each type their own args
type Handler = (args: any) => unknown;

function buildRequest({ path, form, method }: CallOptions): Request {
  const url = new URL(path, ORIGIN);
  if (!form) return new Request(url, { method: method ?? "GET" });
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return new Request(url, {
    method: method ?? "POST",
    body,
    headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
  });
}

/**
 * Runs a loader or action; thrown Responses and `data()` results are returned
 * (as `{ thrown: true, status, … }`) so tests can assert refusals; anything
 * else the handler throws is rethrown, so the test fails.
 */
export async function call(handler: Handler, options: CallOptions) {
  const request = buildRequest(options);
  const context = await contextFor(options.userId);
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

// biome-ignore lint/suspicious/noExplicitAny: tests read whatever the route returned
function unwrap(value: unknown, defaultStatus = 200): { status: number; data: any; headers: Headers; location: string | null } {
  if (value instanceof Response) {
    return { status: value.status, data: null, headers: value.headers, location: value.headers.get("Location") };
  }
  if (isDataWithResponseInit(value)) {
    // A thrown data() without a status is a 500 in React Router, a returned one a 200.
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? defaultStatus, data: value.data, headers, location: headers.get("Location") };
  }
  if (value instanceof Error) throw value;
  return { status: 200, data: value, headers: new Headers(), location: null };
}
