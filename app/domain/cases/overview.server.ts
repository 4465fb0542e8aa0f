/**
 * Everything the case overview shows, read for one viewer: the attempt history
 * with numbers and what is left, the next-attempt date check, the school's
 * policy for this failure, tutor history and the timeline.
 */

import { checkProposedAttempt, summarizeAttempts } from "#app/domain/attempts/rules";
import { type IsoDate, isIsoDate } from "#app/domain/dates";
import { visibleTimeline } from "#app/domain/privacy/queries.server";
import type { Viewer } from "#app/domain/privacy/visibility";
import { loadSchoolSettings } from "#app/domain/settings/queries.server";
import { policyFor } from "#app/domain/settings/settings";
import { prisma } from "#app/utils/db.server";
import { CASE_IDENTITY_SELECT } from "./identity";

export async function loadCaseOverview(caseId: string, viewer: Viewer, options: { proposed: string | null; today: IsoDate }) {
  const row = await prisma.retakeCase.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      ...CASE_IDENTITY_SELECT,
      status: true,
      outcome: true,
      version: true,
      tutorId: true,
      targetExamDate: true,
      openedAt: true,
      closedAt: true,
      student: { select: { ineligibleSince: true, accommodationStatus: true, internationalGraduate: true, graduationYear: true } },
    },
  });
  const staff = viewer.relation !== "STUDENT";
  const [attempts, settings, assignments, timeline, tutors] = await Promise.all([
    prisma.examAttempt.findMany({
      where: { studentId: row.studentId },
      select: { id: true, exam: true, takenOn: true, outcome: true, score: true, caseId: true },
      orderBy: [{ takenOn: "asc" }],
    }),
    loadSchoolSettings(row.schoolId),
    // The tutor history (with the office's reasons) is for staff: it never reaches a student's browser.
    staff
      ? prisma.caseAssignment.findMany({
          where: { caseId },
          select: {
            id: true,
            kind: true,
            reason: true,
            startedAt: true,
            endedAt: true,
            tutor: { select: { name: true } },
            assignedBy: { select: { name: true } },
          },
          orderBy: { startedAt: "desc" },
        })
      : Promise.resolve([]),
    visibleTimeline(caseId, viewer),
    viewer.relation === "OFFICE"
      ? prisma.membership.findMany({
          where: { schoolId: row.schoolId, role: "TUTOR", user: { status: "ACTIVE" } },
          select: { user: { select: { id: true, name: true } } },
          orderBy: { user: { name: "asc" } },
        })
      : Promise.resolve([]),
  ]);
  const summary = summarizeAttempts(attempts, { schoolAttemptLimit: settings.schoolAttemptLimit });
  const examSummary = summary.byExam[row.exam];
  const proposed = options.proposed && isIsoDate(options.proposed) ? options.proposed : row.targetExamDate;
  const check =
    proposed && row.status !== "CLOSED"
      ? checkProposedAttempt(attempts, row.exam, proposed, { schoolAttemptLimit: settings.schoolAttemptLimit })
      : null;
  const rung = policyFor(settings.policyLadder, examSummary.failures);
  return {
    caseRow: row,
    attempts: summary.attempted.flatMap((e) => e.attempts).sort((a, b) => a.takenOn.localeCompare(b.takenOn)),
    examSummary,
    ineligible: { ineligible: summary.ineligibleForAllExams, reason: summary.ineligibleReason },
    proposed,
    check,
    // A student reads what their own failure number means; the whole ladder is for staff.
    policy: {
      failureNumber: examSummary.failures,
      rung,
      ladder: staff ? settings.policyLadder : [],
      schoolAttemptLimit: settings.schoolAttemptLimit,
    },
    assignments,
    timeline,
    tutors: tutors.map((t) => t.user),
  };
}
