/**
 * Counts kept on the case row so the caseload can sort and filter by them
 * without a query per case: attempts used at the case's exam and open
 * escalations. Recounted (not incremented) in the transaction that changed
 * them, so they cannot drift.
 */

import { inChunks } from "#app/utils/chunks";
import type { Tx } from "#app/utils/db.server";
import { Prisma } from "#generated/prisma/client";

/** Recounts the cases' attempts and open escalations in one statement per chunk. */
export async function recountCases(tx: Tx, caseIds: readonly string[]): Promise<void> {
  await inChunks(caseIds, async (part) => [
    await tx.$executeRaw`
      UPDATE "RetakeCase" SET
        "attemptsUsed" = (SELECT COUNT(*) FROM "ExamAttempt" a WHERE a."studentId" = "RetakeCase"."studentId" AND a."exam" = "RetakeCase"."exam"),
        "openEscalations" = (SELECT COUNT(*) FROM "Escalation" e WHERE e."caseId" = "RetakeCase"."id" AND e."status" <> 'RESOLVED')
      WHERE "id" IN (${Prisma.join(part)})`,
  ]);
}

export async function syncCaseCounters(tx: Tx, caseId: string): Promise<void> {
  await recountCases(tx, [caseId]);
}
