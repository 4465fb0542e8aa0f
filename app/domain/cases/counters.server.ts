/**
 * Counts kept on the case row so the caseload can sort and filter by them
 * without a query per case. Recounted (not incremented) in the transaction
 * that changed them, so they cannot drift.
 */
import type { Tx } from "../../utils/db.server";

export async function syncCaseCounters(tx: Tx, caseId: string): Promise<void> {
  const row = await tx.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { studentId: true, exam: true } });
  const [attemptsUsed, openEscalations] = await Promise.all([
    tx.examAttempt.count({ where: { studentId: row.studentId, exam: row.exam } }),
    tx.escalation.count({ where: { caseId, status: { not: "RESOLVED" } } }),
  ]);
  await tx.retakeCase.update({ where: { id: caseId }, data: { attemptsUsed, openEscalations } });
}
