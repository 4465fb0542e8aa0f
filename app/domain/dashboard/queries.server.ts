/**
 * The office dashboard's figures, each an aggregate query over the school's
 * cases (no per-student loops): the number of queries is the same for ten
 * cases or ten thousand.
 */

import type { IsoDate } from "#app/domain/dates";
import { PRACTICE_INSTRUMENTS, SCALE_FAMILY_LABELS, type ScaleFamily } from "#app/domain/reference";
import type { CaseOutcome, CaseStatus } from "#app/domain/vocabulary";
import { prisma } from "#app/utils/db.server";
import { Prisma } from "#generated/prisma/client";
import { lastMonths, outcomesByMonth, passRate, templateName } from "./chart-data";
import { examsSoonWindow } from "./links";

const OUTCOME_MONTHS = 12;

export { examsSoonWindow } from "./links";

const n = (v: number | bigint | null | undefined) => Number(v ?? 0);

/** The scale family of the instrument behind a case's latest score, as SQL built from reference data. */
const familySql = Prisma.raw(
  `CASE c."latestPracticeInstrument" ${PRACTICE_INSTRUMENTS.map((i) => `WHEN '${i.id}' THEN '${i.scaleFamily}'`).join(" ")} END`,
);

async function medianGain(schoolIds: string[], groupBy: "template" | "tutor") {
  const group = groupBy === "template" ? Prisma.sql`v."template"` : Prisma.sql`COALESCE(t."name", 'No tutor')`;
  // Each case's weekly gain is the slope of its latest instrument's series (kept on the case row).
  return prisma.$queryRaw<Array<{ grp: string; family: ScaleFamily; median: number; students: number | bigint }>>`
    WITH gains AS (
      SELECT ${group} AS grp, ${familySql} AS family, c."practiceTrend" AS gain
      FROM "RetakeCase" c
      JOIN "Plan" p ON p."caseId" = c."id"
      JOIN "PlanVersion" v ON v."planId" = p."id" AND v."number" = p."currentVersion"
      LEFT JOIN "User" t ON t."id" = c."tutorId"
      WHERE c."schoolId" IN (${Prisma.join(schoolIds)}) AND c."practiceTrend" IS NOT NULL
    ),
    ranked AS (
      SELECT grp, family, gain,
             ROW_NUMBER() OVER (PARTITION BY grp, family ORDER BY gain) AS rn,
             COUNT(*) OVER (PARTITION BY grp, family) AS cnt
      FROM gains
    )
    SELECT grp, family, AVG(gain) AS median, MAX(cnt) AS students
    FROM ranked
    WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2)
    GROUP BY grp, family
    ORDER BY family, grp`;
}

/**
 * The unresolved escalations of the schools and how many of them are overdue,
 * in one statement. "Overdue" is the escalation workflow's rule
 * (escalations/workflow.ts `overdueState`, as a Prisma filter
 * `overdueEscalationWhere`), spelled here in SQL: keep the two the same.
 */
export async function escalationCounts(schoolIds: readonly string[], today: IsoDate): Promise<{ open: number; overdue: number }> {
  if (schoolIds.length === 0) return { open: 0, overdue: 0 };
  const [row] = await prisma.$queryRaw<Array<{ open: number | bigint; overdue: number | bigint }>>`
    SELECT
      COUNT(*) AS "open",
      SUM(CASE WHEN "resolveBy" < ${today} OR ("status" = 'OPEN' AND "acknowledgedAt" IS NULL AND "acknowledgeBy" < ${today})
          THEN 1 ELSE 0 END) AS "overdue"
    FROM "Escalation" WHERE "schoolId" IN (${Prisma.join(schoolIds)}) AND "status" <> 'RESOLVED'`;
  return { open: n(row?.open), overdue: n(row?.overdue) };
}

export async function loadDashboard(schoolIds: string[], today: IsoDate) {
  const schools = Prisma.join(schoolIds);
  const months = lastMonths(today, OUTCOME_MONTHS);
  const since = `${months[0]}-01`;
  const soon = examsSoonWindow(today);
  const [statuses, figures, escalations, outcomes, retakes, byTemplate, byTutor, workload] = await Promise.all([
    prisma.$queryRaw<Array<{ status: CaseStatus; count: number | bigint }>>`
      SELECT "status", COUNT(*) AS "count" FROM "RetakeCase" WHERE "schoolId" IN (${schools}) GROUP BY "status"`,
    prisma.$queryRaw<
      Array<{
        atRisk: number | bigint;
        readinessMet: number | bigint;
        readinessApplicable: number | bigint;
        examsSoon: number | bigint;
        open: number | bigint;
      }>
    >`
      SELECT
        COUNT(*) AS "open",
        SUM(CASE WHEN "riskLevel" IN ('HIGH', 'CRITICAL') THEN 1 ELSE 0 END) AS "atRisk",
        SUM(CASE WHEN "readinessMet" = 1 THEN 1 ELSE 0 END) AS "readinessMet",
        SUM(CASE WHEN "readinessMet" IS NOT NULL THEN 1 ELSE 0 END) AS "readinessApplicable",
        SUM(CASE WHEN "targetExamDate" BETWEEN ${soon.from} AND ${soon.to} THEN 1 ELSE 0 END) AS "examsSoon"
      FROM "RetakeCase" WHERE "schoolId" IN (${schools}) AND "openSlot" = 'OPEN'`,
    escalationCounts(schoolIds, today),
    prisma.$queryRaw<Array<{ month: string; outcome: CaseOutcome; count: number | bigint }>>`
      SELECT substr("closedAt", 1, 7) AS "month", "outcome", COUNT(*) AS "count"
      FROM "RetakeCase"
      WHERE "schoolId" IN (${schools}) AND "closedAt" IS NOT NULL AND "outcome" IS NOT NULL AND "closedAt" >= ${since}
      GROUP BY 1, 2`,
    // A "next attempt" is any attempt with a result that follows an earlier attempt at the same exam.
    prisma.$queryRaw<Array<{ exam: string; total: number | bigint; passed: number | bigint }>>`
      SELECT a."exam", COUNT(*) AS "total", SUM(CASE WHEN a."outcome" = 'PASS' THEN 1 ELSE 0 END) AS "passed"
      FROM "ExamAttempt" a
      WHERE a."schoolId" IN (${schools}) AND a."outcome" IN ('PASS', 'FAIL')
        AND EXISTS (SELECT 1 FROM "ExamAttempt" b WHERE b."studentId" = a."studentId" AND b."exam" = a."exam" AND b."takenOn" < a."takenOn")
      GROUP BY a."exam"`,
    medianGain(schoolIds, "template"),
    medianGain(schoolIds, "tutor"),
    prisma.$queryRaw<Array<{ tutorId: string; name: string; status: CaseStatus | null; count: number | bigint }>>`
      SELECT u."id" AS "tutorId", u."name", c."status", COUNT(c."id") AS "count"
      FROM "Membership" m
      JOIN "User" u ON u."id" = m."userId"
      LEFT JOIN "RetakeCase" c ON c."tutorId" = u."id" AND c."schoolId" = m."schoolId" AND c."openSlot" = 'OPEN'
      WHERE m."schoolId" IN (${schools}) AND m."role" = 'TUTOR' AND u."status" = 'ACTIVE'
      GROUP BY u."id", u."name", c."status"
      ORDER BY u."name"`,
  ]);

  const statusCounts = Object.fromEntries(statuses.map((s) => [s.status, n(s.count)])) as Partial<Record<CaseStatus, number>>;
  const f = figures[0];
  const retakeRows = retakes.map((r) => ({
    exam: r.exam,
    total: n(r.total),
    passed: n(r.passed),
    rate: passRate(n(r.passed), n(r.total)),
  }));
  const totalRetakes = retakeRows.reduce((s, r) => s + r.total, 0);
  const totalPassed = retakeRows.reduce((s, r) => s + r.passed, 0);
  const gain = (rows: Awaited<ReturnType<typeof medianGain>>, name: (grp: string) => string = (grp) => grp) =>
    rows.map((r) => ({
      group: name(r.grp),
      family: r.family,
      familyLabel: SCALE_FAMILY_LABELS[r.family],
      median: Math.round(Number(r.median) * 10) / 10,
      students: n(r.students),
    }));
  const tutors = new Map<string, { tutorId: string; name: string; total: number; byStatus: Partial<Record<CaseStatus, number>> }>();
  for (const row of workload) {
    const entry = tutors.get(row.tutorId) ?? { tutorId: row.tutorId, name: row.name, total: 0, byStatus: {} };
    if (row.status) {
      entry.byStatus[row.status] = n(row.count);
      entry.total += n(row.count);
    }
    tutors.set(row.tutorId, entry);
  }
  return {
    figures: {
      statusCounts,
      open: n(f?.open),
      atRisk: n(f?.atRisk),
      readinessMet: n(f?.readinessMet),
      readinessApplicable: n(f?.readinessApplicable),
      examsSoon: n(f?.examsSoon),
      openEscalations: escalations.open,
      overdueEscalations: escalations.overdue,
    },
    outcomes: outcomesByMonth(
      outcomes.map((o) => ({ month: o.month, outcome: o.outcome, count: n(o.count) })),
      months,
    ),
    nextAttempt: { byExam: retakeRows, total: totalRetakes, passed: totalPassed, rate: passRate(totalPassed, totalRetakes) },
    gainByTemplate: gain(byTemplate, templateName),
    gainByTutor: gain(byTutor),
    workload: [...tutors.values()],
  };
}
