/**
 * Large schools for the query-count test and the benchmark: rows are inserted with
 * createMany (a statement per table, not per row).
 */
import { randomUUID } from "node:crypto";
import { addDays, today } from "../app/domain/dates";
import { prisma } from "../app/utils/db.server";

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
        // Every tenth case waits in the intake queue.
        status: r.i % 10 === 0 ? ("INTAKE" as const) : ("ACTIVE" as const),
        tutorId: r.i % 10 === 0 ? null : options.tutorId,
        openingAttemptId: r.attempt,
        attemptsUsed: 1,
        targetExamDate: addDays(now, 10 + (r.i % 90)),
        riskLevel: (["LOW", "MODERATE", "HIGH", "CRITICAL"] as const)[r.i % 4],
        riskRank: (r.i % 4) + 1,
        latestPracticeScore: 55 + (r.i % 25),
        latestPracticeInstrument: "NBME_CBSSA",
        latestPracticeOn: addDays(now, -(r.i % 20)),
        practiceTrend: (r.i % 7) - 3,
      })),
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
  return ids.map((r) => r.case);
}
