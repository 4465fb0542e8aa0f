/**
 * The caseload query: one page of cases with everything the table shows, in a
 * fixed number of queries however large the school: the page (with the
 * schools' attempt limits), its total, and the page's attempts.
 */

import { summarizeAttempts } from "#app/domain/attempts/rules";
import { addDays, daysBetween, type IsoDate } from "#app/domain/dates";
import type { ExamId, InstrumentId } from "#app/domain/reference";
import { instrument } from "#app/domain/reference";
import type { AttemptOutcome, CaseOutcome, CaseStatus, RiskLevel } from "#app/domain/vocabulary";
import { prisma } from "#app/utils/db.server";
import { Prisma } from "#generated/prisma/client";
import type { CaseloadParams, CaseloadRow, SortKey } from "./caseload";

/** Kept here too for the components that read the row type next to the loader. */
export type { CaseloadRow } from "./caseload";

/** Whose cases: the office's schools, and/or the cases a tutor holds. */
interface CaseloadScope {
  officeSchoolIds: string[];
  tutorId: string | null;
}

const SQL_DIR = { asc: Prisma.sql`ASC`, desc: Prisma.sql`DESC` } as const;

/**
 * The allow-list from a sort key to SQL: only these fixed fragments ever reach
 * ORDER BY, never text from the request. Nulls sort last in both directions.
 */
const ORDER: Record<SortKey, (dir: Prisma.Sql, flipped: Prisma.Sql) => Prisma.Sql> = {
  student: (dir) => Prisma.sql`u."name" ${dir}`,
  exam: (dir) => Prisma.sql`c."exam" ${dir}, u."name" ASC`,
  status: (dir) => Prisma.sql`c."status" ${dir}`,
  tutor: (dir) => Prisma.sql`t."name" IS NULL, t."name" ${dir}`,
  attempts: (dir) => Prisma.sql`c."attemptsUsed" ${dir}`,
  daysToExam: (dir) => Prisma.sql`c."targetExamDate" IS NULL, c."targetExamDate" ${dir}`,
  // By distance to passing on each score's own scale (docs/decisions/0024); scores with no passing line after those with one.
  practice: (dir) =>
    Prisma.sql`c."latestPracticeScore" IS NULL, c."practiceDistance" IS NULL, c."practiceDistance" ${dir}, c."latestPracticeScore" ${dir}`,
  readiness: (dir) => Prisma.sql`c."readinessMet" IS NULL, c."readinessMet" ${dir}`,
  risk: (dir) => Prisma.sql`c."riskRank" ${dir}`,
  escalations: (dir) => Prisma.sql`c."openEscalations" ${dir}`,
  // Ascending means "most recent contact first"; never contacted sorts as the longest ago.
  lastContact: (_dir, flipped) => Prisma.sql`c."lastContactAt" IS NOT NULL, c."lastContactAt" ${flipped}`,
  opened: (dir) => Prisma.sql`c."openedAt" ${dir}`,
};

const list = (values: readonly string[]) => Prisma.join(values.map((v) => Prisma.sql`${v}`));

/** LIKE pattern for a search text, with the wildcards it contains escaped. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** The WHERE clause: the person's scope, then the table's filters, all as bound parameters. */
function caseloadWhereSql(scope: CaseloadScope, params: CaseloadParams, today: IsoDate): Prisma.Sql {
  const scopeParts: Prisma.Sql[] = [];
  if (scope.officeSchoolIds.length) scopeParts.push(Prisma.sql`c."schoolId" IN (${list(scope.officeSchoolIds)})`);
  if (scope.tutorId) scopeParts.push(Prisma.sql`c."tutorId" = ${scope.tutorId}`);
  const parts: Prisma.Sql[] = [scopeParts.length ? Prisma.sql`(${Prisma.join(scopeParts, " OR ")})` : Prisma.sql`0`];
  parts.push(params.status.length ? Prisma.sql`c."status" IN (${list(params.status)})` : Prisma.sql`c."status" <> 'CLOSED'`);
  if (params.exam.length) parts.push(Prisma.sql`c."exam" IN (${list(params.exam)})`);
  if (params.risk.length) parts.push(Prisma.sql`c."riskLevel" IN (${list(params.risk)})`);
  if (params.examWithin !== null) {
    parts.push(Prisma.sql`c."targetExamDate" BETWEEN ${today} AND ${addDays(today, params.examWithin)}`);
  }
  if (params.q) {
    const like = likePattern(params.q);
    parts.push(Prisma.sql`(u."name" LIKE ${like} ESCAPE '\\' OR u."email" LIKE ${like.toLowerCase()} ESCAPE '\\')`);
  }
  return Prisma.join(parts, " AND ");
}

function caseloadOrderSql(params: CaseloadParams): Prisma.Sql {
  const dir = SQL_DIR[params.dir];
  const flipped = SQL_DIR[params.dir === "asc" ? "desc" : "asc"];
  return Prisma.sql`${ORDER[params.sort](dir, flipped)}, c."openedAt" ASC, c."id" ASC`;
}

interface RawRow {
  id: string;
  schoolId: string;
  studentId: string;
  exam: ExamId;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  targetExamDate: string | null;
  attemptsUsed: number | bigint;
  openEscalations: number | bigint;
  riskLevel: RiskLevel | null;
  readinessMet: number | bigint | boolean | null;
  latestPracticeScore: number | null;
  latestPracticeInstrument: string | null;
  latestPracticeOn: string | null;
  practiceTrend: number | null;
  practiceDistance: number | null;
  lastContactAt: string | Date | null;
  studentName: string;
  studentEmail: string;
  tutorName: string | null;
  schoolAttemptLimit: number | bigint | null;
}

/** The most rows one export holds. */
const EXPORT_LIMIT = 10_000;

/**
 * One page of the caseload. A page past the end (a stale link, a shrunk filter)
 * shows the last page, and `page` says which page was shown.
 */
export async function loadCaseload(scope: CaseloadScope, params: CaseloadParams, today: IsoDate, options: { all?: boolean } = {}) {
  const first = await loadCaseloadPage(scope, params, today, options);
  if (options.all || first.rows.length > 0 || first.total === 0 || params.page <= first.pageCount) return first;
  return loadCaseloadPage(scope, { ...params, page: first.pageCount }, today, options);
}

async function loadCaseloadPage(scope: CaseloadScope, params: CaseloadParams, today: IsoDate, options: { all?: boolean }) {
  // The page's ids are chosen on the case table alone (a top-N sort over narrow rows), joining
  // people only when the search or the sort needs their names; only those rows are then read in full.
  const limit = options.all ? EXPORT_LIMIT : params.size;
  const offset = options.all ? 0 : (params.page - 1) * params.size;
  const order = caseloadOrderSql(params);
  const [rows, total] = await Promise.all([
    prisma.$queryRaw<RawRow[]>`
      SELECT c."id", c."schoolId", c."studentId", c."exam", c."status", c."outcome", c."targetExamDate",
             c."attemptsUsed", c."openEscalations", c."riskLevel", c."readinessMet", c."latestPracticeScore",
             c."latestPracticeInstrument", c."latestPracticeOn", c."practiceTrend", c."practiceDistance", c."lastContactAt",
             u."name" AS "studentName", u."email" AS "studentEmail", t."name" AS "tutorName",
             ss."schoolAttemptLimit" AS "schoolAttemptLimit"
      FROM (
        SELECT c."id" AS "pageId" FROM "RetakeCase" c ${peopleJoin(params)}
        WHERE ${caseloadWhereSql(scope, params, today)}
        ORDER BY ${order}
        LIMIT ${limit} OFFSET ${offset}
      ) p
      JOIN "RetakeCase" c ON c."id" = p."pageId"
      JOIN "StudentProfile" sp ON sp."id" = c."studentId"
      JOIN "User" u ON u."id" = sp."userId"
      LEFT JOIN "User" t ON t."id" = c."tutorId"
      LEFT JOIN "SchoolSettings" ss ON ss."schoolId" = c."schoolId"
      ORDER BY ${order}`,
    countCases(scope, params, today),
  ]);
  const studentIds = [...new Set(rows.map((r) => r.studentId))];
  const attempts = studentIds.length
    ? await prisma.$queryRaw<Array<{ studentId: string; exam: ExamId; takenOn: string; outcome: AttemptOutcome }>>`
        SELECT "studentId", "exam", "takenOn", "outcome" FROM "ExamAttempt" WHERE "studentId" IN (${Prisma.join(studentIds)})`
    : [];
  const attemptsByStudent = new Map<string, typeof attempts>();
  for (const a of attempts) attemptsByStudent.set(a.studentId, [...(attemptsByStudent.get(a.studentId) ?? []), a]);

  const now = new Date(`${today}T12:00:00Z`);
  const result: CaseloadRow[] = rows.map((r) => {
    const summary = summarizeAttempts(attemptsByStudent.get(r.studentId) ?? [], {
      schoolAttemptLimit: r.schoolAttemptLimit === null ? null : Number(r.schoolAttemptLimit),
    });
    const exam = summary.byExam[r.exam];
    const instrumentId = r.latestPracticeInstrument as InstrumentId | null;
    const lastContact = r.lastContactAt === null ? null : new Date(r.lastContactAt);
    return {
      id: r.id,
      studentName: r.studentName,
      studentEmail: r.studentEmail,
      exam: r.exam,
      status: r.status,
      outcome: r.outcome,
      tutorName: r.tutorName,
      attemptsUsed: Number(r.attemptsUsed),
      attemptsLeft: exam ? exam.attemptsLeft : null,
      targetExamDate: r.targetExamDate,
      daysToExam: r.targetExamDate ? daysBetween(today, r.targetExamDate) : null,
      practice:
        r.latestPracticeScore !== null && instrumentId && r.latestPracticeOn
          ? {
              score: r.latestPracticeScore,
              instrument: instrument(instrumentId).shortName,
              instrumentId,
              on: r.latestPracticeOn,
              trendPerWeek: r.practiceTrend,
              distance: r.practiceDistance,
              unit: instrument(instrumentId).scaleFamily === "PERCENT" ? "%" : "",
            }
          : null,
      readinessMet: r.readinessMet === null ? null : Boolean(Number(r.readinessMet)),
      riskLevel: r.riskLevel,
      openEscalations: Number(r.openEscalations),
      daysSinceContact: lastContact ? Math.max(0, Math.floor((now.getTime() - lastContact.getTime()) / 86_400_000)) : null,
    };
  });
  return { rows: result, total, page: options.all ? 1 : params.page, pageCount: Math.max(1, Math.ceil(total / params.size)) };
}

/** Joins the people's names into the page query only when the search or the sort reads them. */
function peopleJoin(params: CaseloadParams): Prisma.Sql {
  const student = params.q !== "" || params.sort === "student" || params.sort === "exam";
  const tutor = params.sort === "tutor";
  return Prisma.sql`${student ? Prisma.sql`JOIN "StudentProfile" sp ON sp."id" = c."studentId" JOIN "User" u ON u."id" = sp."userId"` : Prisma.empty} ${
    tutor ? Prisma.sql`LEFT JOIN "User" t ON t."id" = c."tutorId"` : Prisma.empty
  }`;
}

async function countCases(scope: CaseloadScope, params: CaseloadParams, today: IsoDate): Promise<number> {
  const [row] = await prisma.$queryRaw<Array<{ total: number | bigint }>>`
    SELECT COUNT(*) AS "total" FROM "RetakeCase" c ${params.q ? peopleJoin({ ...params, sort: "opened" }) : Prisma.empty}
    WHERE ${caseloadWhereSql(scope, params, today)}`;
  return Number(row?.total ?? 0);
}
