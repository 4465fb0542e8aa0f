/**
 * A student's own education record, as they may inspect and export it (FERPA:
 * the right to inspect and review): attempts, score reports, the findings and
 * session notes shared with them, plans, practice exams, check-ins, the
 * outcomes of escalations, and every disclosure of their record outside the
 * school. Findings and notes go through the privacy module, and plans through
 * their one read path, like every read: what is derived from a finding the
 * student may not see is left out, and a sensitive finding shown to them only
 * as present reads in the same neutral words as on their pages (ADR 0012).
 */

import { STUDENT_PRESENT_ONLY_WORDS, studentFindingWords } from "#app/domain/diagnostics/student-view";
import { loadPlans } from "#app/domain/plans/queries.server";
import { type VisibleFinding, visibleFindings, visibleNotes } from "#app/domain/privacy/queries.server";
import { contentArea } from "#app/domain/reference";
import { FINDING_KINDS } from "#app/domain/vocabulary";
import { prisma } from "#app/utils/db.server";

/**
 * A finding as the student's record shows it, on the record page and in the
 * download alike: in the student's words, with what the tutor wrote when it
 * is shared with them; the neutral words, and nothing else, when it is not.
 */
function recordFinding(f: VisibleFinding) {
  if (f.view === "PRESENT_ONLY") return { ...STUDENT_PRESENT_ONLY_WORDS, sharedWithYou: false as const };
  const words = studentFindingWords(f.kind, f.areaIds.map((id) => contentArea(id)?.name ?? "").filter(Boolean));
  return {
    ...words,
    sharedWithYou: true as const,
    kind: FINDING_KINDS[f.kind].label,
    severity: f.severity,
    evidence: f.evidence,
  };
}

export async function loadStudentRecord(userId: string) {
  const profiles = await prisma.studentProfile.findMany({
    where: { userId },
    select: {
      id: true,
      externalId: true,
      graduationYear: true,
      internationalGraduate: true,
      accommodationStatus: true,
      ineligibleSince: true,
      school: { select: { name: true } },
      user: { select: { name: true, email: true } },
    },
  });
  const studentIds = profiles.map((p) => p.id);
  const cases = await prisma.retakeCase.findMany({
    where: { studentId: { in: studentIds } },
    select: { id: true, exam: true, status: true, outcome: true, targetExamDate: true, openedAt: true, closedAt: true },
    orderBy: { openedAt: "asc" },
  });
  const caseIds = cases.map((c) => c.id);
  const viewer = { userId, relation: "STUDENT" as const };
  const [attempts, reports, findings, notes, plans, practice, checkIns, escalations, disclosures] = await Promise.all([
    prisma.examAttempt.findMany({
      where: { studentId: { in: studentIds } },
      select: { exam: true, takenOn: true, outcome: true, score: true },
      orderBy: { takenOn: "asc" },
    }),
    prisma.scoreReport.findMany({
      where: { caseId: { in: caseIds } },
      select: {
        attempt: { select: { exam: true, takenOn: true } },
        bandScale: true,
        distanceFromPassing: true,
        distanceNote: true,
        areas: {
          select: { contentArea: { select: { name: true, dimension: true } }, band: true, referenceGroup: true, printedLabel: true },
        },
      },
    }),
    visibleFindings(caseIds, viewer),
    visibleNotes(caseIds, viewer),
    loadPlans(caseIds, viewer),
    prisma.practiceExam.findMany({
      where: { studentId: { in: studentIds } },
      select: { instrumentId: true, form: true, takenOn: true, score: true, passProbability: true, lowPassLow: true, lowPassHigh: true },
      orderBy: { takenOn: "asc" },
    }),
    prisma.checkIn.findMany({
      where: { studentId: { in: studentIds } },
      select: { weekOf: true, questionsDone: true, percentCorrect: true, hoursStudied: true, mood: true, note: true },
      orderBy: { weekOf: "asc" },
    }),
    // Outcomes only: the office's deliberations stay with the office.
    prisma.escalation.findMany({
      where: { caseId: { in: caseIds }, status: "RESOLVED" },
      select: { caseId: true, resolvedAt: true, outcome: true },
      orderBy: { resolvedAt: "asc" },
    }),
    prisma.disclosure.findMany({
      where: { studentId: { in: studentIds } },
      select: { recipient: true, purpose: true, records: true, disclosedOn: true, consentReference: true },
      orderBy: { disclosedOn: "desc" },
    }),
  ]);
  return {
    generatedAt: new Date().toISOString(),
    student: profiles.map((p) => ({
      school: p.school.name,
      name: p.user.name,
      email: p.user.email,
      studentNumber: p.externalId,
      graduationYear: p.graduationYear,
      internationalGraduate: p.internationalGraduate,
      accommodationStatus: p.accommodationStatus,
      ineligibleSince: p.ineligibleSince,
    })),
    cases,
    attempts,
    scoreReports: reports.map((r) => ({
      exam: r.attempt.exam,
      takenOn: r.attempt.takenOn,
      bandScale: r.bandScale,
      distanceFromPassing: r.distanceFromPassing,
      distanceNote: r.distanceNote,
      areas: r.areas.map((a) => ({
        area: a.contentArea.name,
        dimension: a.contentArea.dimension,
        band: a.band,
        referenceGroup: a.referenceGroup,
        printedLabel: a.printedLabel,
      })),
    })),
    findings: findings.map(recordFinding),
    sessionNotes: notes.map((n) => ({ sessionOn: n.sessionOn, body: n.body, tutor: n.authorName })),
    plans: cases.flatMap((c) =>
      (plans.get(c.id)?.versions ?? []).map((v) => {
        const { measures, supportNote, ...content } = v.data.content;
        return {
          caseId: c.id,
          version: v.number,
          reason: v.reason,
          startDate: v.data.startDate,
          examDate: v.data.examDate,
          hoursPerDay: v.data.hoursPerDay,
          restDay: v.data.restDay,
          content: {
            ...content,
            measures: measures.map(({ audience: _audience, ...m }) => m),
            ...(supportNote ? { supportNote } : {}),
          },
          createdAt: v.createdAt,
        };
      }),
    ),
    practiceExams: practice,
    checkIns,
    escalationOutcomes: escalations,
    disclosures,
  };
}

/**
 * What the record page shows: the attempts and disclosures themselves, and how
 * many of everything else the download holds — counted, not loaded (findings
 * and notes still go through the privacy module, so the counts are of what the
 * student may see). The filters are the export's, so the numbers match it.
 */
export async function loadStudentRecordSummary(userId: string) {
  const mine = { student: { userId } };
  const cases = await prisma.retakeCase.findMany({ where: mine, select: { id: true } });
  const caseIds = cases.map((c) => c.id);
  const viewer = { userId, relation: "STUDENT" as const };
  const [attempts, disclosures, reports, findings, notes, planVersions, practiceExams, checkIns, escalationOutcomes] = await Promise.all([
    prisma.examAttempt.findMany({
      where: mine,
      select: { exam: true, takenOn: true, outcome: true, score: true },
      orderBy: { takenOn: "asc" },
    }),
    prisma.disclosure.findMany({
      where: mine,
      select: { recipient: true, purpose: true, records: true, disclosedOn: true, consentReference: true },
      orderBy: { disclosedOn: "desc" },
    }),
    prisma.scoreReport.count({ where: { caseId: { in: caseIds } } }),
    visibleFindings(caseIds, viewer),
    visibleNotes(caseIds, viewer),
    prisma.planVersion.count({ where: { plan: { caseId: { in: caseIds } } } }),
    prisma.practiceExam.count({ where: mine }),
    prisma.checkIn.count({ where: mine }),
    prisma.escalation.count({ where: { caseId: { in: caseIds }, status: "RESOLVED" } }),
  ]);
  return {
    attempts,
    disclosures,
    findings: findings.map((f) => {
      const { title, meaning } = recordFinding(f);
      return { title, meaning };
    }),
    counts: {
      reports,
      findings: findings.length,
      notes: notes.length,
      planVersions,
      practiceExams,
      checkIns,
      escalationOutcomes,
    },
  };
}
