/**
 * The caseload query: one page of cases with everything the table shows, in a
 * fixed number of queries however large the school (rows + count, the page's
 * attempts, the schools' attempt limits).
 */
import type { Prisma } from "#generated/prisma/client";
import { prisma } from "../../utils/db.server";
import { summarizeAttempts } from "../attempts/rules";
import { daysBetween, type IsoDate } from "../dates";
import type { ExamId, InstrumentId } from "../reference";
import { instrument } from "../reference";
import type { CaseOutcome, CaseStatus, RiskLevel } from "../vocabulary";
import type { CaseloadParams, SortKey } from "./caseload";

/** Whose cases: the office's schools, and/or the cases a tutor holds. */
export interface CaseloadScope {
  officeSchoolIds: string[];
  tutorId: string | null;
}

export interface CaseloadRow {
  id: string;
  studentName: string;
  studentEmail: string;
  exam: ExamId;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  tutorName: string | null;
  attemptsUsed: number;
  attemptsLeft: number | null;
  targetExamDate: IsoDate | null;
  daysToExam: number | null;
  practice: { score: number; instrument: string; instrumentId: string; on: IsoDate; trendPerWeek: number | null; unit: string } | null;
  readinessMet: boolean | null;
  riskLevel: RiskLevel | null;
  openEscalations: number;
  daysSinceContact: number | null;
}

export function scopeWhere(scope: CaseloadScope): Prisma.RetakeCaseWhereInput {
  const or: Prisma.RetakeCaseWhereInput[] = [];
  if (scope.officeSchoolIds.length) or.push({ schoolId: { in: scope.officeSchoolIds } });
  if (scope.tutorId) or.push({ tutorId: scope.tutorId });
  return or.length ? { OR: or } : { id: { in: [] } };
}

export function caseloadWhere(scope: CaseloadScope, params: CaseloadParams): Prisma.RetakeCaseWhereInput {
  const and: Prisma.RetakeCaseWhereInput[] = [scopeWhere(scope)];
  and.push(params.status.length ? { status: { in: params.status } } : { status: { not: "CLOSED" } });
  if (params.exam.length) and.push({ exam: { in: params.exam } });
  if (params.risk.length) and.push({ riskLevel: { in: params.risk } });
  if (params.q) {
    const q = params.q;
    and.push({ student: { user: { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }] } } });
  }
  return { AND: and };
}

/** The allow-list from a sort key to the query's order: user input never reaches `orderBy` directly. */
const ORDER: Record<SortKey, (dir: Prisma.SortOrder) => Prisma.RetakeCaseOrderByWithRelationInput[]> = {
  student: (dir) => [{ student: { user: { name: dir } } }],
  exam: (dir) => [{ exam: dir }, { student: { user: { name: "asc" } } }],
  status: (dir) => [{ status: dir }],
  tutor: (dir) => [{ tutor: { name: dir } }],
  attempts: (dir) => [{ attemptsUsed: dir }],
  daysToExam: (dir) => [{ targetExamDate: { sort: dir, nulls: "last" } }],
  practice: (dir) => [{ latestPracticeScore: { sort: dir, nulls: "last" } }],
  readiness: (dir) => [{ readinessMet: { sort: dir, nulls: "last" } }],
  risk: (dir) => [{ riskRank: dir }],
  escalations: (dir) => [{ openEscalations: dir }],
  // Longest since contact first when descending: an older contact date.
  lastContact: (dir) => [{ lastContactAt: { sort: dir === "asc" ? "desc" : "asc", nulls: "first" } }],
  opened: (dir) => [{ openedAt: dir }],
};

export function caseloadOrder(params: CaseloadParams): Prisma.RetakeCaseOrderByWithRelationInput[] {
  return [...ORDER[params.sort](params.dir), { openedAt: "asc" }, { id: "asc" }];
}

const rowSelect = {
  id: true,
  schoolId: true,
  studentId: true,
  exam: true,
  status: true,
  outcome: true,
  targetExamDate: true,
  attemptsUsed: true,
  openEscalations: true,
  riskLevel: true,
  readinessMet: true,
  latestPracticeScore: true,
  latestPracticeInstrument: true,
  latestPracticeOn: true,
  practiceTrend: true,
  lastContactAt: true,
  student: { select: { user: { select: { name: true, email: true } } } },
  tutor: { select: { name: true } },
} satisfies Prisma.RetakeCaseSelect;

/** The most rows one export holds. */
export const EXPORT_LIMIT = 10_000;

export async function loadCaseload(scope: CaseloadScope, params: CaseloadParams, today: IsoDate, options: { all?: boolean } = {}) {
  const where = caseloadWhere(scope, params);
  const [rows, total] = await prisma.$transaction([
    prisma.retakeCase.findMany({
      where,
      select: rowSelect,
      orderBy: caseloadOrder(params),
      skip: options.all ? 0 : (params.page - 1) * params.size,
      take: options.all ? EXPORT_LIMIT : params.size,
    }),
    prisma.retakeCase.count({ where }),
  ]);
  const studentIds = [...new Set(rows.map((r) => r.studentId))];
  const schoolIds = [...new Set(rows.map((r) => r.schoolId))];
  const [attempts, settings] = await Promise.all([
    studentIds.length
      ? prisma.examAttempt.findMany({
          where: { studentId: { in: studentIds } },
          select: { studentId: true, exam: true, takenOn: true, outcome: true },
        })
      : Promise.resolve([]),
    schoolIds.length
      ? prisma.schoolSettings.findMany({ where: { schoolId: { in: schoolIds } }, select: { schoolId: true, schoolAttemptLimit: true } })
      : Promise.resolve([]),
  ]);
  const limitBySchool = new Map(settings.map((s) => [s.schoolId, s.schoolAttemptLimit]));
  const attemptsByStudent = new Map<string, typeof attempts>();
  for (const a of attempts) attemptsByStudent.set(a.studentId, [...(attemptsByStudent.get(a.studentId) ?? []), a]);

  const now = new Date(`${today}T12:00:00Z`);
  const result: CaseloadRow[] = rows.map((r) => {
    const summary = summarizeAttempts(attemptsByStudent.get(r.studentId) ?? [], {
      schoolAttemptLimit: limitBySchool.get(r.schoolId) ?? null,
    });
    const exam = summary.byExam[r.exam];
    const instrumentId = r.latestPracticeInstrument as InstrumentId | null;
    return {
      id: r.id,
      studentName: r.student.user.name,
      studentEmail: r.student.user.email,
      exam: r.exam,
      status: r.status,
      outcome: r.outcome,
      tutorName: r.tutor?.name ?? null,
      attemptsUsed: r.attemptsUsed,
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
              unit: instrument(instrumentId).scaleFamily === "PERCENT" ? "%" : "",
            }
          : null,
      readinessMet: r.readinessMet,
      riskLevel: r.riskLevel,
      openEscalations: r.openEscalations,
      daysSinceContact: r.lastContactAt ? Math.max(0, Math.floor((now.getTime() - r.lastContactAt.getTime()) / 86_400_000)) : null,
    };
  });
  return { rows: result, total, pageCount: Math.max(1, Math.ceil(total / params.size)) };
}
