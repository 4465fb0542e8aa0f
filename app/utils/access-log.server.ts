/**
 * The access log of staff reads of students' records (ADR 0012; FERPA's
 * "reasonable methods" call for an internal access audit, docs/domain.md §7).
 *
 * Reads are collected per request, not per loader: `requireCaseAccess` notes
 * every case a staff member opens, and the loaders of lists and exports note
 * the students they return. The root `accessLogMiddleware` (app/middleware)
 * then writes one
 * row per request and school — however the request came (a page, the data
 * request of a client navigation with or without `_routes`, a print view, a
 * download), and however many loaders it ran. If the row cannot be written,
 * the request fails rather than answer unlogged.
 */
import { createContext, type RouterContextProvider } from "react-router";
import { prisma } from "./db.server";

/** One record a response carries: a case, or a student known by profile or by account within some schools. */
export type RecordRead =
  | { caseId: string; schoolId?: string; studentId?: string }
  | { studentId: string; schoolId?: string }
  | { studentUserId: string; schoolIds: readonly string[] };

export interface AccessTrail {
  reads: RecordRead[];
  details: string[];
}

export const accessTrailContext = createContext<AccessTrail | null>(null);

/**
 * Notes that this request's response carries these students' records (and,
 * for a list or an export, what was asked for). Staff reads only: a student's
 * reads of their own record are not logged. Without the middleware (a loader
 * called on its own) there is nothing to note into.
 */
export function noteRecordsRead(context: Readonly<RouterContextProvider>, reads: readonly RecordRead[], detail?: string): void {
  const trail = context.get(accessTrailContext);
  if (!trail) return;
  trail.reads.push(...reads);
  if (detail && !trail.details.includes(detail)) trail.details.push(detail);
}

/** The page a request reads, as people know it: without the `.data` of a client navigation's request. */
export function readPath(request: Request): string {
  const { pathname } = new URL(request.url);
  return pathname.replace(/_\.data$/, "").replace(/\.data$/, "");
}

interface Resolved {
  schoolId: string;
  caseId: string | null;
  studentId: string | null;
  /** What counts as one student when nothing better is known. */
  key: string;
}

/** Every read with its school and student: one query for cases and one for students named by account, at most. */
async function resolve(reads: readonly RecordRead[]): Promise<Resolved[]> {
  const caseIds = reads.flatMap((r) => ("caseId" in r && (!r.schoolId || !r.studentId) ? [r.caseId] : []));
  const studentUsers = reads.flatMap((r) => ("studentUserId" in r ? [r] : []));
  const profileIds = reads.flatMap((r) => ("studentId" in r && !("caseId" in r) && !r.schoolId ? [r.studentId] : []));
  const [cases, profiles] = await Promise.all([
    caseIds.length
      ? prisma.retakeCase.findMany({ where: { id: { in: [...new Set(caseIds)] } }, select: { id: true, schoolId: true, studentId: true } })
      : Promise.resolve([]),
    studentUsers.length || profileIds.length
      ? prisma.studentProfile.findMany({
          where: { OR: [{ id: { in: profileIds } }, { userId: { in: studentUsers.map((s) => s.studentUserId) } }] },
          select: { id: true, userId: true, schoolId: true },
        })
      : Promise.resolve([]),
  ]);
  const caseFacts = new Map(cases.map((c) => [c.id, c]));
  const profileById = new Map(profiles.map((p) => [p.id, p]));
  return reads.flatMap((read): Resolved[] => {
    if ("caseId" in read) {
      const facts = read.schoolId && read.studentId ? { schoolId: read.schoolId, studentId: read.studentId } : caseFacts.get(read.caseId);
      return facts ? [{ schoolId: facts.schoolId, caseId: read.caseId, studentId: facts.studentId, key: facts.studentId }] : [];
    }
    if ("studentUserId" in read) {
      return profiles
        .filter((p) => p.userId === read.studentUserId && read.schoolIds.includes(p.schoolId))
        .map((p) => ({ schoolId: p.schoolId, caseId: null, studentId: p.id, key: p.id }));
    }
    const schoolId = read.schoolId ?? profileById.get(read.studentId)?.schoolId;
    return schoolId ? [{ schoolId, caseId: null, studentId: read.studentId, key: read.studentId }] : [];
  });
}

/** One row per school the reads touched: the case and the student when there is exactly one of each, and how many students. */
export async function writeAccessRows(userId: string, path: string, trail: AccessTrail): Promise<void> {
  const resolved = await resolve(trail.reads);
  const bySchool = new Map<string, Resolved[]>();
  for (const r of resolved) bySchool.set(r.schoolId, [...(bySchool.get(r.schoolId) ?? []), r]);
  const detail = trail.details.length ? trail.details.join("; ").slice(0, 1000) : null;
  const rows = [...bySchool].map(([schoolId, reads]) => {
    const cases = new Set(reads.flatMap((r) => (r.caseId ? [r.caseId] : [])));
    const students = new Set(reads.map((r) => r.studentId ?? r.key));
    const [onlyCase] = cases;
    const [onlyStudent] = students;
    const singleStudent = students.size === 1 && reads.every((r) => r.studentId === onlyStudent);
    return {
      schoolId,
      userId,
      caseId: cases.size === 1 ? onlyCase : null,
      studentId: singleStudent ? onlyStudent : null,
      students: students.size,
      detail,
      path,
    };
  });
  if (rows.length) await prisma.accessLog.createMany({ data: rows });
}
