/**
 * Guards for loaders and actions. Each either returns what the caller needs or
 * throws: a redirect to /login for anonymous visitors, a 403 for the rest.
 */
import { createContext, data, type MiddlewareFunction, type RouterContextProvider, redirect } from "react-router";
import { type Auth, authContext, type PendingSignIn, pendingSignInContext, type SessionUser } from "#app/context";
import { actorOf, type CaseRelation, caseRelation, hasRole, roleAt, schoolsWhere } from "#app/domain/access/policy";
import { OFFICE_ROLES, type Role } from "#app/domain/vocabulary";
import { noteRecordsRead } from "#app/utils/access-log.server";
import { prisma } from "#app/utils/db.server";
import type { Prisma } from "#generated/prisma/client";

interface Args {
  request: Request;
  context: Readonly<RouterContextProvider>;
}

export function forbidden(message = "You do not have access to this page."): never {
  throw data({ message }, { status: 403 });
}

export function notFound(message = "We could not find that page."): never {
  throw data({ message }, { status: 404 });
}

export function getAuth(context: Readonly<RouterContextProvider>): Auth | null {
  return context.get(authContext);
}

/** Tabs, newlines and other control characters, which browsers drop from a Location, and backslashes, which they read as `/`. */
const unsafeInPath = (to: string) => [...to].some((ch) => ch === "\\" || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/** The target as it reads once every layer of percent-encoding is undone (null when an encoding is broken). */
function fullyDecoded(to: string): string | null {
  let current = to;
  for (let i = 0; i < 5; i += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

const SAME_SITE = "http://same-site.invalid";

/** A path that stays on this site however it is read: one leading slash, no backslash or control character. */
const staysOnSite = (path: string) => path.startsWith("/") && !path.startsWith("//") && !unsafeInPath(path);

/**
 * Only same-site paths; anything else falls back to the home page. The target
 * is judged as a browser (or a proxy that decodes it first) would finally
 * read it: percent-encodings undone, dot segments resolved (`/.//evil.example`
 * resolves to `//evil.example`, another host), backslashes and control
 * characters refused. What is returned is the resolved path, so the Location
 * sent is exactly the one that was checked.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string" || to.length > 2048) return fallback;
  const decoded = fullyDecoded(to);
  if (decoded === null || !staysOnSite(to) || !staysOnSite(decoded)) return fallback;
  for (const form of [to, decoded]) {
    const resolved = new URL(form, SAME_SITE);
    if (resolved.origin !== SAME_SITE || !staysOnSite(resolved.pathname)) return fallback;
  }
  const resolved = new URL(to, SAME_SITE);
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/** A session that owes a second factor (ADR 0017), or null. */
export function getPendingSignIn(context: Readonly<RouterContextProvider>): PendingSignIn | null {
  return context.get(pendingSignInContext);
}

/** Where a session that owes a second factor goes next: entering a code, or setting one up. */
export function secondFactorPath(pending: PendingSignIn, redirectTo?: string | null): string {
  const base = pending.step === "verify" ? "/login/two-factor" : "/login/two-factor/setup";
  return redirectTo && redirectTo !== "/" ? `${base}?redirectTo=${encodeURIComponent(redirectTo)}` : base;
}

/** The page a request is for, to come back to after signing in: a data request's page, without React Router's own parameters. */
function returnPath(url: URL): string {
  let pathname = url.pathname.replace(/\.data$/, "");
  if (pathname === "/_") pathname = "/"; // the home page's data request
  const params = new URLSearchParams(url.search);
  params.delete("_routes");
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

export function requireUser({ request, context }: Args): SessionUser {
  const auth = getAuth(context);
  if (auth) return auth.user;
  const path = returnPath(new URL(request.url));
  const pending = getPendingSignIn(context);
  if (pending) throw redirect(secondFactorPath(pending, path));
  const target = path === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(path)}`;
  throw redirect(target);
}

export function requireAnonymous({ context }: Pick<Args, "context">): void {
  if (getAuth(context)) throw redirect("/");
  const pending = getPendingSignIn(context);
  if (pending) throw redirect(secondFactorPath(pending));
}

/** Requires one of `roles` at some school; returns those school ids. */
export function requireRole(args: Args, roles: readonly Role[]): { user: SessionUser; schoolIds: string[] } {
  const user = requireUser(args);
  const actor = actorOf(user);
  if (!hasRole(actor, roles)) forbidden();
  return { user, schoolIds: schoolsWhere(actor, roles) };
}

/** The office (advisors and admins) of one or more schools. */
export function requireOffice(args: Args) {
  return requireRole(args, OFFICE_ROLES);
}

const caseAccessSelect = {
  id: true,
  schoolId: true,
  studentId: true,
  tutorId: true,
  exam: true,
  status: true,
  openSlot: true,
  targetExamDate: true,
  version: true,
  student: { select: { userId: true } },
} satisfies Prisma.RetakeCaseSelect;

interface CaseAccess {
  user: SessionUser;
  relation: CaseRelation;
  /** The person's role at the case's school (a relation implies one). */
  role: Role;
  caseRow: Omit<Prisma.RetakeCaseGetPayload<{ select: typeof caseAccessSelect }>, "student">;
}

/**
 * Loads a case's access facts and refuses anyone outside it: the office of
 * another school, a tutor not assigned to it, another student. A staff
 * member let in is noted in the request's access log (one row per request,
 * whichever loaders, actions or downloads ask).
 */
async function loadCaseAccess(args: Args, caseId: string): Promise<CaseAccess> {
  const user = requireUser(args);
  const row = await prisma.retakeCase.findUnique({
    where: { id: caseId },
    select: caseAccessSelect,
  });
  if (!row) notFound("We could not find that case.");
  const relation = caseRelation(actorOf(user), {
    schoolId: row.schoolId,
    tutorId: row.tutorId,
    studentUserId: row.student.userId,
    status: row.status,
  });
  const role = roleAt(actorOf(user), row.schoolId);
  if (!relation || !role) forbidden("This case is not yours to open.");
  const { student: _student, ...caseRow } = row;
  if (relation !== "STUDENT") noteRecordsRead(args.context, [{ caseId: row.id, schoolId: row.schoolId, studentId: row.studentId }]);
  return { user, relation, role, caseRow };
}

/** The request's checked case access, so the case layout and its tabs ask the database once (ADR 0015). */
const caseAccessContext = createContext<{ caseId: string; access: Promise<CaseAccess> } | null>(null);

/**
 * The case a request is about and the person's relation to it, or a 404/403.
 * Checked once per request and case: the case layout's middleware asks first,
 * and every loader and action of the request gets the same answer. `allowed`
 * narrows who may use a page (the escalations tab is for staff only).
 */
export async function requireCaseAccess(args: Args, caseId: string | undefined, allowed?: readonly CaseRelation[]): Promise<CaseAccess> {
  requireUser(args);
  if (!caseId) notFound();
  let checked = args.context.get(caseAccessContext);
  if (checked?.caseId !== caseId) {
    checked = { caseId, access: loadCaseAccess(args, caseId) };
    args.context.set(caseAccessContext, checked);
  }
  const access = await checked.access;
  if (allowed && !allowed.includes(access.relation)) forbidden("This case is not yours to open.");
  return access;
}

/** The access of a case page's request: `requireCaseAccess` for its `:caseId`. */
export function caseAccess(args: Args & { params: { caseId?: string } }, allowed?: readonly CaseRelation[]): Promise<CaseAccess> {
  return requireCaseAccess(args, args.params.caseId, allowed);
}

/**
 * The case layout's middleware: checks the case before any loader or action
 * runs. A refusal is not thrown here but by every loader and action that asks
 * (they all do), so it shows in the case layout's error boundary, inside the
 * app's shell — a middleware's error would replace the whole page.
 */
export const caseAccessMiddleware: MiddlewareFunction<Response> = async (args, next) => {
  await caseAccess(args).catch(() => undefined);
  return next();
};

/**
 * Whose cases a person's caseload holds: every case of the schools where they
 * are in the office, plus the cases they tutor. Students have no caseload.
 */
export function requireCaseloadScope(args: Args): {
  user: SessionUser;
  scope: { officeSchoolIds: string[]; tutorId: string | null };
  isOffice: boolean;
} {
  const user = requireUser(args);
  const actor = actorOf(user);
  const officeSchoolIds = schoolsWhere(actor, OFFICE_ROLES);
  const tutors = hasRole(actor, ["TUTOR"]);
  if (!officeSchoolIds.length && !tutors) forbidden("The caseload is for tutors and the office.");
  return { user, scope: { officeSchoolIds, tutorId: tutors ? user.id : null }, isOffice: officeSchoolIds.length > 0 };
}
