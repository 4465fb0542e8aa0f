/**
 * Keeps each case's derived figures (risk level, readiness, latest practice
 * score and trend) current on the case row, where the caseload sorts and
 * filters by them. Mutations refresh the cases they touch in their own
 * transaction; time alone also changes some flags (a practice gap grows, an
 * exam comes near), so open cases are refreshed once a day as well.
 *
 * Loading is batched: a fixed number of queries per batch of cases.
 */

import { type IsoDate, today as todayOf } from "#app/domain/dates";
import { alignEscalationSeverity } from "#app/domain/escalations/severity.server";
import { type InstrumentId, instrumentInforms } from "#app/domain/reference";
import { settingsFromRow } from "#app/domain/settings/settings";
import type { MilestoneEntry, PracticeExamEntry } from "#app/domain/trajectory/practice";
import type { Tx } from "#app/utils/db.server";
import { prisma } from "#app/utils/db.server";
import { Prisma } from "#generated/prisma/client";
import { assessCase, type CaseAssessment, type CaseAssessmentInput } from "./assessment";
import { CASE_IDENTITY_SELECT } from "./identity";

export const DERIVE_BATCH = 200;

/** Loads every fact the assessment needs for these cases, in a fixed number of queries. */
export async function loadAssessmentInputs(db: Tx, caseIds: readonly string[], today: IsoDate): Promise<Map<string, CaseAssessmentInput>> {
  if (caseIds.length === 0) return new Map();
  const cases = await db.retakeCase.findMany({
    where: { id: { in: [...caseIds] } },
    select: {
      ...CASE_IDENTITY_SELECT,
      status: true,
      targetExamDate: true,
      student: { select: { ineligibleSince: true } },
      plan: { select: { versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, startDate: true } } } },
    },
  });
  const studentIds = [...new Set(cases.map((c) => c.studentId))];
  const schoolIds = [...new Set(cases.map((c) => c.schoolId))];
  const versionIds = cases.flatMap((c) => c.plan?.versions.map((v) => v.id) ?? []);
  const [attempts, practice, milestones, reports, settingsRows, ladders, sessions] = await Promise.all([
    db.examAttempt.findMany({
      where: { studentId: { in: studentIds } },
      select: { studentId: true, exam: true, takenOn: true, outcome: true },
    }),
    db.practiceExam.findMany({
      where: { studentId: { in: studentIds } },
      select: {
        id: true,
        studentId: true,
        caseId: true,
        instrumentId: true,
        form: true,
        takenOn: true,
        score: true,
        lowPassLow: true,
        lowPassHigh: true,
        passProbability: true,
        milestoneUid: true,
      },
      orderBy: { takenOn: "asc" },
    }),
    versionIds.length
      ? db.milestone.findMany({
          where: { planVersionId: { in: versionIds } },
          select: { caseId: true, uid: true, kind: true, dueOn: true, label: true, instrumentId: true },
        })
      : Promise.resolve([]),
    db.scoreReport.findMany({
      where: { caseId: { in: [...caseIds] } },
      select: {
        caseId: true,
        attempt: { select: { takenOn: true } },
        areas: { select: { contentAreaId: true, band: true, referenceGroup: true } },
      },
    }),
    db.schoolSettings.findMany({
      where: { schoolId: { in: schoolIds } },
      select: {
        schoolId: true,
        readinessGate: true,
        acknowledgeWithinBusinessDays: true,
        resolveWithinBusinessDays: true,
        schoolAttemptLimit: true,
      },
    }),
    db.policyRung.findMany({
      where: { schoolId: { in: schoolIds } },
      select: { schoolId: true, failureNumber: true, consequence: true, description: true },
    }),
    // Sessions held: their kinds and dates only (the no-show rule), never their text.
    db.sessionRecord.findMany({
      where: { caseId: { in: [...caseIds] }, status: "HELD", deletedAt: null },
      select: { caseId: true, kind: true, sessionOn: true },
    }),
  ]);
  const group = <T, K>(rows: readonly T[], key: (row: T) => K) => {
    const map = new Map<K, T[]>();
    for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
    return map;
  };
  const attemptsBy = group(attempts, (a) => a.studentId);
  const practiceBy = group(practice, (p) => p.studentId);
  const milestonesBy = group(milestones, (m) => m.caseId);
  const reportsBy = group(reports, (r) => r.caseId);
  const settingsBy = new Map(settingsRows.map((r) => [r.schoolId, r]));
  const laddersBy = group(ladders, (l) => l.schoolId);
  const sessionsBy = group(sessions, (x) => x.caseId);

  const inputs = new Map<string, CaseAssessmentInput>();
  for (const c of cases) {
    // A student's practice exams inform every case of theirs whose exam the instrument targets.
    const entries: PracticeExamEntry[] = (practiceBy.get(c.studentId) ?? [])
      .filter((p) => instrumentInforms(p.instrumentId as InstrumentId, c.exam))
      .map((p) => ({
        id: p.id,
        instrumentId: p.instrumentId as InstrumentId,
        form: p.form || null,
        takenOn: p.takenOn,
        score: p.score,
        lowPassLow: p.lowPassLow,
        lowPassHigh: p.lowPassHigh,
        passProbability: p.passProbability,
        milestoneUid: p.caseId === c.id ? p.milestoneUid : null,
      }));
    const ms: MilestoneEntry[] = (milestonesBy.get(c.id) ?? []).map((m) => ({
      uid: m.uid,
      kind: m.kind,
      dueOn: m.dueOn,
      label: m.label,
      instrumentId: (m.instrumentId as InstrumentId | null) ?? null,
    }));
    inputs.set(c.id, {
      status: c.status,
      exam: c.exam,
      targetExamDate: c.targetExamDate,
      today,
      attempts: attemptsBy.get(c.studentId) ?? [],
      practiceExams: entries,
      milestones: ms,
      activeSince: c.plan?.versions[0]?.startDate ?? null,
      settings: settingsFromRow(settingsBy.get(c.schoolId) ?? null, laddersBy.get(c.schoolId) ?? []),
      reports: (reportsBy.get(c.id) ?? [])
        .sort((a, b) => a.attempt.takenOn.localeCompare(b.attempt.takenOn))
        .map((r) => ({ areas: r.areas.map((a) => ({ areaId: a.contentAreaId, band: a.band, referenceGroup: a.referenceGroup })) })),
      studentIneligible: c.student.ineligibleSince !== null,
      sessions: (sessionsBy.get(c.id) ?? []).map((x) => ({ kind: x.kind, sessionOn: x.sessionOn })),
    });
  }
  return inputs;
}

/**
 * The derived columns of each case, written in one statement per batch (a
 * statement per case costs more in Prisma's machinery than in SQLite). SQLite
 * has no boolean: readiness is stored as 1 or 0, as Prisma stores it; a Date
 * parameter is stored in the same text form as Prisma's own writes.
 */
function derivedRowSql(caseId: string, assessment: CaseAssessment, derivedAt: Date): Prisma.Sql {
  const practice = assessment.latestPractice;
  const readinessMet = assessment.readiness.applicable ? (assessment.readiness.met ? 1 : 0) : null;
  return Prisma.sql`SELECT ${caseId} AS "id", ${assessment.risk.level} AS "riskLevel", ${assessment.riskRank} AS "riskRank",
    ${assessment.risk.flags.length} AS "riskFlagCount", ${readinessMet} AS "readinessMet",
    ${practice?.score ?? null} AS "latestPracticeScore", ${practice?.instrumentId ?? null} AS "latestPracticeInstrument",
    ${practice?.on ?? null} AS "latestPracticeOn", ${practice?.trendPerWeek ?? null} AS "practiceTrend",
    ${practice?.distance ?? null} AS "practiceDistance", ${derivedAt} AS "derivedAt"`;
}

/** Recomputes and stores the derived figures of these cases, inside the caller's transaction. */
export async function refreshDerived(db: Tx, caseIds: readonly string[], today: IsoDate = todayOf()): Promise<void> {
  const derivedAt = new Date();
  for (let i = 0; i < caseIds.length; i += DERIVE_BATCH) {
    const inputs = await loadAssessmentInputs(db, caseIds.slice(i, i + DERIVE_BATCH), today);
    if (inputs.size === 0) continue;
    const rows = [...inputs].map(([caseId, input]) => derivedRowSql(caseId, assessCase(input), derivedAt));
    await db.$executeRaw`
      UPDATE "RetakeCase" SET
        "riskLevel" = v."riskLevel", "riskRank" = v."riskRank", "riskFlagCount" = v."riskFlagCount",
        "readinessMet" = v."readinessMet", "latestPracticeScore" = v."latestPracticeScore",
        "latestPracticeInstrument" = v."latestPracticeInstrument", "latestPracticeOn" = v."latestPracticeOn",
        "practiceTrend" = v."practiceTrend", "practiceDistance" = v."practiceDistance", "derivedAt" = v."derivedAt"
      FROM (${Prisma.join(rows, " UNION ALL ")}) AS v
      WHERE "RetakeCase"."id" = v."id"`;
    // A rule-raised escalation's severity is the case's risk level (never below its failure-count floor).
    await alignEscalationSeverity(db, [...inputs.keys()]);
  }
}

/** The case page's full assessment, computed fresh for one case. */
export async function loadCaseAssessment(caseId: string, today: IsoDate = todayOf()) {
  const input = (await loadAssessmentInputs(prisma, [caseId], today)).get(caseId);
  if (!input) return null;
  return { input, assessment: assessCase(input) };
}

let running: Promise<number> | null = null;

/**
 * Refreshes open cases not yet refreshed today (time moves the flags); returns
 * how many. A call while a refresh runs joins it rather than starting another.
 */
export function refreshStaleCases(today: IsoDate = todayOf()): Promise<number> {
  running ??= refreshStale(today).finally(() => {
    running = null;
  });
  return running;
}

async function refreshStale(today: IsoDate): Promise<number> {
  const startOfDay = new Date(`${today}T00:00:00.000Z`);
  let refreshed = 0;
  for (;;) {
    const stale = await prisma.retakeCase.findMany({
      where: { openSlot: "OPEN", OR: [{ derivedAt: null }, { derivedAt: { lt: startOfDay } }] },
      select: { id: true },
      take: DERIVE_BATCH,
    });
    if (stale.length === 0) return refreshed;
    await prisma.$transaction((tx) =>
      refreshDerived(
        tx,
        stale.map((c) => c.id),
        today,
      ),
    );
    refreshed += stale.length;
  }
}
