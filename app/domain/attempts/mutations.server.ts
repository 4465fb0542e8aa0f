/**
 * Recording exam attempts: the decision is ./decide.ts (pure); this module
 * loads the students' state, writes the effects in the caller's transaction
 * and keeps the cases' counters and derived figures current. The forms record
 * one attempt at a time, the CSV import thousands in one transaction with the
 * writes batched; the rules are the same.
 */
import { randomUUID } from "node:crypto";
import { recountCases } from "#app/domain/cases/counters.server";
import { refreshDerived } from "#app/domain/cases/derive.server";
import { formatDate, type IsoDate, today as todayOf } from "#app/domain/dates";
import { escalateFailure, newEscalationLookups } from "#app/domain/escalations/auto.server";
import { EXAM_IDS, type ExamId } from "#app/domain/reference";
import { type Refusal, type Result, refuse } from "#app/domain/result";
import { loadSchoolSettings } from "#app/domain/settings/queries.server";
import type { SchoolSettings } from "#app/domain/settings/settings";
import { chunk, inChunks } from "#app/utils/chunks";
import type { Tx } from "#app/utils/db.server";
import { isUniqueViolation, prisma } from "#app/utils/db.server";
import type { Prisma } from "#generated/prisma/client";
import { type AttemptEffects, decideAttempt, type StudentState } from "./decide";
import type { AttemptFieldErrors, AttemptInput } from "./rules";

interface RecordAttemptInput extends AttemptInput {
  studentId: string;
  actorId: string | null;
  source?: "MANUAL" | "IMPORT" | "SEED";
  today?: IsoDate;
}

type RecordAttemptResult = Result<{
  attemptId: string;
  /** The same attempt was already recorded: nothing changed. */
  duplicate: boolean;
  caseId: string | null;
  caseOpened: boolean;
  escalationId: string | null;
  ineligible: boolean;
}>;

/** An attempt the rules refuse: each message at its field. */
function invalidAttempt(errors: AttemptFieldErrors): Refusal {
  const fieldErrors = Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, [message as string]]));
  return refuse("INVALID", Object.values(errors)[0] ?? "This attempt cannot be recorded.", { fieldErrors });
}

/** The students' attempts and open cases, as the decision needs them (a fixed number of queries per 500 students). */
async function loadStudentStates(tx: Tx, studentIds: readonly string[]): Promise<Map<string, StudentState>> {
  const ids = [...new Set(studentIds)];
  const [students, attempts, cases] = await Promise.all([
    inChunks(ids, (part) =>
      tx.studentProfile.findMany({
        where: { id: { in: part } },
        select: { id: true, schoolId: true, ineligibleSince: true, user: { select: { name: true } } },
      }),
    ),
    inChunks(ids, (part) =>
      tx.examAttempt.findMany({
        where: { studentId: { in: part } },
        select: { id: true, studentId: true, exam: true, takenOn: true, outcome: true, score: true, caseId: true },
      }),
    ),
    inChunks(ids, (part) =>
      tx.retakeCase.findMany({
        where: { studentId: { in: part }, openSlot: "OPEN" },
        select: { id: true, studentId: true, exam: true, status: true, tutorId: true },
      }),
    ),
  ]);
  const states = new Map<string, StudentState>();
  for (const s of students) {
    states.set(s.id, {
      studentId: s.id,
      schoolId: s.schoolId,
      name: s.user.name,
      ineligibleSince: s.ineligibleSince,
      attempts: [],
      openCases: [],
    });
  }
  for (const { studentId, ...a } of attempts) states.get(studentId)?.attempts.push(a);
  for (const { studentId, ...c } of cases) states.get(studentId)?.openCases.push(c);
  return states;
}

interface Recorded {
  effects: AttemptEffects;
  state: StudentState;
  actorId: string | null;
  source: "MANUAL" | "IMPORT" | "SEED";
}

/**
 * Writes the effects of recorded attempts in the caller's transaction, batched:
 * new cases and attempts (foreign keys checked at commit, as each points at the
 * other), the activity log, status changes, ineligibility, then escalations in
 * order. Returns the escalation opened or raised for each attempt.
 */
async function applyEffects(tx: Tx, recorded: readonly Recorded[], context: { today: IsoDate; settings: Map<string, SchoolSettings> }) {
  const lookups = newEscalationLookups();
  if (recorded.length === 0) return new Map<string, string | null>();
  await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
  const now = new Date();
  const opened = recorded.flatMap((r) => (r.effects.openedCase ? [{ r, opened: r.effects.openedCase }] : []));
  for (const part of chunk(opened)) {
    await tx.retakeCase.createMany({
      data: part.map(({ r, opened }) => ({
        id: opened.id,
        schoolId: r.state.schoolId,
        studentId: r.state.studentId,
        exam: opened.exam,
        openingAttemptId: r.effects.attempt.id,
      })),
    });
  }
  for (const part of chunk(recorded)) {
    await tx.examAttempt.createMany({
      data: part.map((r) => ({
        id: r.effects.attempt.id,
        schoolId: r.state.schoolId,
        studentId: r.state.studentId,
        exam: r.effects.attempt.exam,
        takenOn: r.effects.attempt.takenOn,
        outcome: r.effects.attempt.outcome,
        score: r.effects.attempt.score,
        caseId: r.effects.attempt.caseId,
        recordedById: r.actorId,
        source: r.source,
      })),
    });
  }

  const activity: Prisma.ActivityLogCreateManyInput[] = [];
  for (const r of recorded) {
    const { effects, state, actorId } = r;
    const base = { schoolId: state.schoolId, actorId, createdAt: now };
    if (effects.openedCase) {
      activity.push({
        ...base,
        caseId: effects.openedCase.id,
        entity: "RetakeCase",
        entityId: effects.openedCase.id,
        action: "case.opened",
        summary: `Retake case opened in the intake queue after the failure on ${formatDate(effects.attempt.takenOn)}`,
        after: JSON.stringify({ status: "INTAKE" }),
      });
    }
    activity.push({
      ...base,
      caseId: effects.attempt.caseId,
      entity: "ExamAttempt",
      entityId: effects.attempt.id,
      action: "attempt.recorded",
      summary: effects.summary,
      after: JSON.stringify({
        exam: effects.attempt.exam,
        takenOn: effects.attempt.takenOn,
        outcome: effects.attempt.outcome,
        score: effects.attempt.score,
      }),
    });
    for (const s of effects.statusChanges) {
      activity.push({
        ...base,
        caseId: s.caseId,
        entity: "RetakeCase",
        entityId: s.caseId,
        action: "case.status_changed",
        summary: s.change.reason,
        before: JSON.stringify({ status: s.from }),
        after: JSON.stringify({ status: s.change.status, outcome: s.change.outcome }),
      });
    }
    if (effects.ineligible) {
      activity.push({
        ...base,
        entity: "StudentProfile",
        entityId: state.studentId,
        action: "student.ineligible",
        summary: effects.ineligible.reason,
      });
    }
  }
  for (const part of chunk(activity)) await tx.activityLog.createMany({ data: part });

  // Each case ends in the status of its last change; its version counts every change.
  const finalStatus = new Map<string, { change: AttemptEffects["statusChanges"][number]["change"]; count: number }>();
  for (const r of recorded) {
    for (const s of r.effects.statusChanges)
      finalStatus.set(s.caseId, { change: s.change, count: (finalStatus.get(s.caseId)?.count ?? 0) + 1 });
  }
  for (const [caseId, { change, count }] of finalStatus) {
    const closing = change.status === "CLOSED";
    await tx.retakeCase.update({
      where: { id: caseId },
      data: {
        status: change.status,
        outcome: change.outcome,
        version: { increment: count },
        ...(closing ? { openSlot: null, closedAt: now } : {}),
      },
    });
  }
  for (const r of recorded) {
    if (r.effects.ineligible)
      await tx.studentProfile.update({ where: { id: r.state.studentId }, data: { ineligibleSince: r.effects.ineligible.since } });
  }

  const escalations = new Map<string, string | null>();
  for (const r of recorded) {
    const e = r.effects.escalation;
    if (!e) continue;
    let settings = context.settings.get(r.state.schoolId);
    if (!settings) {
      settings = await loadSchoolSettings(r.state.schoolId, tx);
      context.settings.set(r.state.schoolId, settings);
    }
    const tutorId = e.tutorId ?? r.state.openCases.find((c) => c.id === e.caseId)?.tutorId ?? null;
    escalations.set(
      r.effects.attempt.id,
      await escalateFailure(tx, {
        schoolId: r.state.schoolId,
        caseId: e.caseId,
        attemptId: r.effects.attempt.id,
        exam: e.exam,
        failureNumber: e.failureNumber,
        failureDates: e.failureDates,
        studentName: r.state.name,
        tutorId,
        actorId: r.actorId,
        today: context.today,
        settings,
        lookups,
      }),
    );
  }
  return escalations;
}

/** The cases an attempt touched: its own, and every case the student has open or just had closed. */
function touchedCases(recorded: readonly Recorded[]): string[] {
  const ids = new Set<string>();
  for (const r of recorded) {
    if (r.effects.attempt.caseId) ids.add(r.effects.attempt.caseId);
    for (const c of r.state.openCases) ids.add(c.id);
    for (const s of r.effects.statusChanges) ids.add(s.caseId);
  }
  return [...ids];
}

/** Records one attempt in the caller's transaction. */
export async function recordAttemptIn(tx: Tx, input: RecordAttemptInput): Promise<RecordAttemptResult> {
  const today = input.today ?? todayOf();
  const state = (await loadStudentStates(tx, [input.studentId])).get(input.studentId);
  if (!state) throw new Error(`No student ${input.studentId}`);
  const settings = await loadSchoolSettings(state.schoolId, tx);
  const decision = decideAttempt(state, input, { today, schoolAttemptLimit: settings.schoolAttemptLimit, newId: randomUUID });
  if (decision.kind === "REFUSED") return invalidAttempt(decision.errors);
  if (decision.kind === "DUPLICATE") {
    return {
      ok: true,
      attemptId: decision.attemptId,
      duplicate: true,
      caseId: decision.caseId,
      caseOpened: false,
      escalationId: null,
      ineligible: state.ineligibleSince !== null,
    };
  }
  const recorded: Recorded = { effects: decision.effects, state, actorId: input.actorId, source: input.source ?? "MANUAL" };
  const escalations = await applyEffects(tx, [recorded], { today, settings: new Map([[state.schoolId, settings]]) });
  const touched = touchedCases([recorded]);
  await recountCases(tx, touched);
  await refreshDerived(tx, touched, today);
  return {
    ok: true,
    attemptId: decision.effects.attempt.id,
    duplicate: false,
    caseId: decision.effects.attempt.caseId,
    caseOpened: decision.effects.openedCase !== null,
    escalationId: escalations.get(decision.effects.attempt.id) ?? null,
    ineligible: decision.next.ineligibleSince !== null,
  };
}

interface BulkAttemptRow extends AttemptInput {
  studentId: string;
}

/**
 * Records many attempts in the caller's transaction, each decided against the
 * student's history so far (rows are taken in date order). Counters are
 * recounted in one statement per chunk; the derived figures of the returned
 * `touched` cases are the caller's to refresh or mark stale (the import decides
 * by their number). Throws on a row the rules refuse: the caller validated
 * them (the import's preview) and the transaction then rolls back.
 */
export async function recordAttemptsBulk(
  tx: Tx,
  rows: readonly BulkAttemptRow[],
  options: { actorId: string | null; source: "IMPORT" | "SEED"; today?: IsoDate },
) {
  const today = options.today ?? todayOf();
  const states = await loadStudentStates(
    tx,
    rows.map((r) => r.studentId),
  );
  const settings = new Map<string, SchoolSettings>();
  const recorded: Recorded[] = [];
  let duplicates = 0;
  const ordered = [...rows].sort((a, b) => a.takenOn.localeCompare(b.takenOn));
  for (const row of ordered) {
    const state = states.get(row.studentId);
    if (!state) throw new Error(`No student ${row.studentId}`);
    let schoolSettings = settings.get(state.schoolId);
    if (!schoolSettings) {
      schoolSettings = await loadSchoolSettings(state.schoolId, tx);
      settings.set(state.schoolId, schoolSettings);
    }
    const decision = decideAttempt(state, row, { today, schoolAttemptLimit: schoolSettings.schoolAttemptLimit, newId: randomUUID });
    if (decision.kind === "REFUSED") throw new Error(`Attempt refused: ${JSON.stringify(decision.errors)}`);
    if (decision.kind === "DUPLICATE") {
      duplicates += 1;
      continue;
    }
    recorded.push({ effects: decision.effects, state, actorId: options.actorId, source: options.source });
    states.set(row.studentId, decision.next);
  }
  await applyEffects(tx, recorded, { today, settings });
  const touched = touchedCases(recorded);
  await recountCases(tx, touched);
  return { created: recorded.length, duplicates, touched };
}

/**
 * Records one attempt in its own transaction. A concurrent duplicate that slips
 * past the check meets the unique index and is answered as "already recorded".
 */
export async function recordAttempt(input: RecordAttemptInput): Promise<RecordAttemptResult> {
  try {
    return await prisma.$transaction((tx) => recordAttemptIn(tx, input));
  } catch (error) {
    const exam = (EXAM_IDS as readonly string[]).includes(input.exam) ? (input.exam as ExamId) : null;
    if (isUniqueViolation(error) && exam) {
      const existing = await prisma.examAttempt.findFirst({
        where: { studentId: input.studentId, exam, takenOn: input.takenOn },
        select: { id: true, caseId: true, outcome: true },
      });
      if (existing && existing.outcome === input.outcome) {
        return {
          ok: true,
          attemptId: existing.id,
          duplicate: true,
          caseId: existing.caseId,
          caseOpened: false,
          escalationId: null,
          ineligible: false,
        };
      }
      return refuse("INVALID", `An attempt on ${formatDate(input.takenOn)} is already recorded.`, { field: "takenOn" });
    }
    throw error;
  }
}
