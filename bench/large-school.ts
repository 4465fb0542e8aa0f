/**
 * Large schools for the query-count test and the benchmark: rows are inserted with
 * createMany (a statement per table, not per row); the cases' derived figures
 * (risk, readiness, latest practice score and trend) are then computed by the
 * app's own refresh from the rows inserted, as the daily refresh would.
 */
import { randomUUID } from "node:crypto";
import { DERIVE_BATCH, refreshDerived } from "#app/domain/cases/derive.server";
import { addDays, today } from "#app/domain/dates";
import { prisma } from "#app/utils/db.server";

export async function bulkSchool(options: { cases: number; tutorId: string; schoolId: string; practicePerCase?: number }) {
  const now = today();
  const ids = Array.from({ length: options.cases }, (_, i) => ({
    user: randomUUID(),
    profile: randomUUID(),
    case: randomUUID(),
    attempt: randomUUID(),
    i,
  }));
  const chunk = <T>(rows: T[], size = 500) =>
    Array.from({ length: Math.ceil(rows.length / size) }, (_, k) => rows.slice(k * size, (k + 1) * size));
  // Every tenth case waits in the intake queue.
  const inIntake = (i: number) => i % 10 === 0;
  for (const part of chunk(ids)) {
    await prisma.user.createMany({
      data: part.map((r) => ({ id: r.user, email: `bulk-${r.user}@example.edu`, name: `Bulk Student ${String(r.i).padStart(5, "0")}` })),
    });
    await prisma.membership.createMany({
      data: part.map((r) => ({ userId: r.user, schoolId: options.schoolId, role: "STUDENT" as const })),
    });
    await prisma.studentProfile.createMany({
      data: part.map((r) => ({ id: r.profile, userId: r.user, schoolId: options.schoolId, externalId: `B-${r.i}-${r.user.slice(0, 6)}` })),
    });
    await prisma.examAttempt.createMany({
      data: part.map((r) => ({
        id: r.attempt,
        schoolId: options.schoolId,
        studentId: r.profile,
        exam: "STEP1" as const,
        takenOn: addDays(now, -30 - (r.i % 60)),
        outcome: "FAIL" as const,
      })),
    });
    await prisma.retakeCase.createMany({
      data: part.map((r) => ({
        id: r.case,
        schoolId: options.schoolId,
        studentId: r.profile,
        exam: "STEP1" as const,
        status: inIntake(r.i) ? ("INTAKE" as const) : ("ACTIVE" as const),
        tutorId: inIntake(r.i) ? null : options.tutorId,
        openingAttemptId: r.attempt,
        attemptsUsed: 1,
        targetExamDate: addDays(now, 10 + (r.i % 90)),
      })),
    });
    // The tutor took each of their cases on from the intake queue, as takeCase records it.
    await prisma.caseAssignment.createMany({
      data: part
        .filter((r) => !inIntake(r.i))
        .map((r) => ({ caseId: r.case, tutorId: options.tutorId, assignedById: options.tutorId, kind: "TAKEN" })),
    });
    const perCase = options.practicePerCase ?? 0;
    if (perCase > 0) {
      await prisma.practiceExam.createMany({
        data: part.flatMap((r) =>
          Array.from({ length: perCase }, (_, k) => ({
            studentId: r.profile,
            caseId: r.case,
            instrumentId: "NBME_CBSSA",
            form: `Form ${26 + (k % 8)}`,
            takenOn: addDays(now, -7 * (perCase - k)),
            score: 55 + k + (r.i % 10),
          })),
        ),
      });
    }
  }
  // Risk, readiness, latest score and trend from the rows above, by the app's own
  // assessment: a transaction per batch, as the daily refresh does.
  const caseIds = ids.map((r) => r.case);
  for (let k = 0; k < caseIds.length; k += DERIVE_BATCH) {
    const batch = caseIds.slice(k, k + DERIVE_BATCH);
    await prisma.$transaction((tx) => refreshDerived(tx, batch, now));
  }
  return caseIds;
}
