/**
 * Everything the committee packet prints, read at the office tier
 * (`PACKET_VIEWER`) through the same paths as the case's pages: the privacy
 * layer's notes, `loadPlan` for plan versions, the diagnosis summary, the
 * case assessment (trajectory charts, readiness, risk flags, the comparison of
 * attempts), the escalations with their history, and the decisions on the
 * exam date. Callers authorize the office on the case first.
 */

import { summarizeAttempts } from "#app/domain/attempts/rules";
import { loadCaseAssessment } from "#app/domain/cases/derive.server";
import { loadCheckIns } from "#app/domain/checkins/queries.server";
import type { IsoDate } from "#app/domain/dates";
import { loadDecisions } from "#app/domain/decision/queries.server";
import { loadDiagnosisSummary } from "#app/domain/diagnostics/queries.server";
import { loadCaseEscalations } from "#app/domain/escalations/queries.server";
import { loadPlan } from "#app/domain/plans/queries.server";
import { visibleNotes } from "#app/domain/privacy/queries.server";
import { noteView } from "#app/domain/privacy/visibility";
import { examLabel } from "#app/domain/reference";
import { prisma } from "#app/utils/db.server";
import { checkInAdherence, PACKET_VIEWER } from "./packet";

export async function loadPacket(caseId: string, today: IsoDate) {
  const row = await prisma.retakeCase.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      id: true,
      exam: true,
      status: true,
      targetExamDate: true,
      studentId: true,
      school: { select: { name: true } },
      tutor: { select: { name: true } },
      student: { select: { externalId: true, user: { select: { name: true, email: true } } } },
    },
  });
  const [escalations, attempts, assessed, diagnosis, plan, notes, checkIns, decisions, records] = await Promise.all([
    loadCaseEscalations(caseId, today),
    prisma.examAttempt.findMany({
      where: { studentId: row.studentId },
      select: { id: true, exam: true, takenOn: true, outcome: true, score: true },
      orderBy: { takenOn: "asc" },
    }),
    loadCaseAssessment(caseId, today),
    loadDiagnosisSummary(caseId, PACKET_VIEWER),
    loadPlan(caseId, PACKET_VIEWER),
    visibleNotes(caseId, PACKET_VIEWER),
    loadCheckIns(caseId),
    loadDecisions(caseId),
    loadSessionRecords(caseId),
  ]);
  const summary = summarizeAttempts(attempts, { schoolAttemptLimit: assessed?.input.settings.schoolAttemptLimit ?? null });
  const firstVersion = plan?.versions[0] ?? null;
  return {
    caseId,
    studentName: row.student.user.name,
    studentNumber: row.student.externalId,
    studentEmail: row.student.user.email,
    schoolName: row.school.name,
    tutorName: row.tutor?.name ?? null,
    exam: row.exam,
    examLabel: examLabel(row.exam),
    status: row.status,
    targetExamDate: row.targetExamDate,
    preparedOn: today,
    escalations,
    attempts: summary.attempted.flatMap((s) =>
      s.attempts.map((a) => ({ id: a.id, exam: s.label, number: a.number, takenOn: a.takenOn, outcome: a.outcome, score: a.score })),
    ),
    attemptsLeft: summary.byExam[row.exam].attemptsLeft,
    ineligibleReason: summary.ineligibleReason,
    diagnosis,
    comparison: assessed?.assessment.comparison ?? null,
    planVersions: (plan?.versions ?? []).map((v) => ({
      number: v.number,
      createdAt: v.createdAt,
      createdBy: v.createdBy,
      reason: v.reason,
      startDate: v.data.startDate,
      examDate: v.data.examDate,
    })),
    charts: assessed?.assessment.charts ?? [],
    readiness: assessed?.assessment.readiness ?? null,
    risk: assessed?.assessment.risk ?? null,
    sessionRecords: records,
    sessions: notes.map((n) => ({ id: n.id, sessionOn: n.sessionOn, body: n.body, visibility: n.visibility, authorName: n.authorName })),
    checkIns: checkIns.checkIns.map((c) => ({
      id: c.id,
      weekOf: c.weekOf,
      questionsDone: c.questionsDone,
      percentCorrect: c.percentCorrect,
      hoursStudied: c.hoursStudied,
    })),
    adherence: checkInAdherence(
      firstVersion?.data.startDate ?? null,
      row.targetExamDate,
      today,
      checkIns.checkIns.map((c) => c.weekOf),
    ),
    decisions,
  };
}

/** The committee packet as its page shows it. */
export type Packet = Awaited<ReturnType<typeof loadPacket>>;

/**
 * The sessions held: their date, kind, length and attendance are the case's
 * facts, listed for every session; a summary only when its tier is the
 * office's or the student's (the same rule as a session note's, `noteView`).
 */
async function loadSessionRecords(caseId: string) {
  const rows = await prisma.sessionRecord.findMany({
    where: { caseId, deletedAt: null, status: "HELD" },
    select: {
      id: true,
      sessionOn: true,
      kind: true,
      durationMinutes: true,
      attendance: true,
      summary: true,
      visibility: true,
      authorId: true,
    },
    orderBy: [{ sessionOn: "desc" }, { createdAt: "desc" }],
  });
  return rows.map(({ summary, visibility, authorId, ...facts }) => ({
    ...facts,
    summary: noteView({ authorId, visibility }, PACKET_VIEWER) === "FULL" ? summary : null,
  }));
}

/** How the disclosure log finds the packet's student: their e-mail address. */
export async function packetStudentKey(studentId: string): Promise<string> {
  const row = await prisma.studentProfile.findUniqueOrThrow({ where: { id: studentId }, select: { user: { select: { email: true } } } });
  return row.user.email;
}
