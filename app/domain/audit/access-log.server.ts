/**
 * Reads of the access log for the school's administrators: filtered by staff
 * member, student and dates, a page at a time or whole for the CSV export.
 */

import { personMatching } from "#app/domain/users/queries.server";
import { prisma } from "#app/utils/db.server";
import type { Prisma } from "#generated/prisma/client";
import { ACCESS_LOG_EXPORT_MAX, ACCESS_LOG_PAGE_SIZE, type AccessLogFilter, accessLogRange } from "./access-log";

function accessLogWhere(schoolIds: readonly string[], filter: AccessLogFilter): Prisma.AccessLogWhereInput {
  const range = accessLogRange(filter);
  return {
    schoolId: { in: [...schoolIds] },
    ...(filter.person ? { user: personMatching(filter.person) } : {}),
    ...(filter.student
      ? { OR: [{ student: { user: personMatching(filter.student) } }, { case: { student: { user: personMatching(filter.student) } } }] }
      : {}),
    ...(range.gte || range.lt ? { createdAt: range } : {}),
  };
}

const entrySelect = {
  id: true,
  path: true,
  detail: true,
  students: true,
  createdAt: true,
  caseId: true,
  studentId: true,
  user: { select: { name: true, email: true } },
  student: { select: { user: { select: { name: true, email: true } } } },
  case: { select: { exam: true, student: { select: { id: true, user: { select: { name: true, email: true } } } } } },
} satisfies Prisma.AccessLogSelect;

type EntryRow = Prisma.AccessLogGetPayload<{ select: typeof entrySelect }>;

interface AccessLogEntry {
  id: string;
  createdAt: string;
  path: string;
  detail: string | null;
  students: number;
  caseId: string | null;
  studentId: string | null;
  staff: { name: string; email: string };
  /** The one student read, when there was one. */
  student: { name: string; email: string } | null;
}

function entry(row: EntryRow): AccessLogEntry {
  const student = row.student?.user ?? row.case?.student.user ?? null;
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    path: row.path,
    detail: row.detail,
    students: row.students,
    caseId: row.caseId,
    studentId: row.studentId ?? row.case?.student.id ?? null,
    staff: row.user,
    student,
  };
}

export async function loadAccessLog(schoolIds: readonly string[], filter: AccessLogFilter) {
  const where = accessLogWhere(schoolIds, filter);
  const total = await prisma.accessLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / ACCESS_LOG_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = await prisma.accessLog.findMany({
    where,
    select: entrySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * ACCESS_LOG_PAGE_SIZE,
    take: ACCESS_LOG_PAGE_SIZE,
  });
  return { entries: rows.map(entry), total, page, pageCount };
}

/** Every entry the filter matches, newest first (up to the export's ceiling), and whether more were left out. */
export async function exportAccessLog(schoolIds: readonly string[], filter: AccessLogFilter) {
  const rows = await prisma.accessLog.findMany({
    where: accessLogWhere(schoolIds, filter),
    select: entrySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ACCESS_LOG_EXPORT_MAX + 1,
  });
  return { entries: rows.slice(0, ACCESS_LOG_EXPORT_MAX).map(entry), truncated: rows.length > ACCESS_LOG_EXPORT_MAX };
}

/** The export's rows: a header, then one line per entry, every text cell safe from spreadsheet formulas. */
export function accessLogCsvRows(entries: readonly AccessLogEntry[]): Array<Array<string | number>> {
  const safe = (value: string | null) => (value === null ? "" : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  return [
    ["When (UTC)", "Staff member", "Staff email", "Student", "Student email", "Students read", "Case", "Page", "What"],
    ...entries.map((e) => [
      e.createdAt,
      safe(e.staff.name),
      safe(e.staff.email),
      safe(e.student?.name ?? null),
      safe(e.student?.email ?? null),
      e.students,
      e.caseId ?? "",
      safe(e.path),
      safe(e.detail),
    ]),
  ];
}
