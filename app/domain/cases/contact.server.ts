/**
 * The case's last contact with the student (the caseload's "days since
 * contact"): a session note or a weekly check-in moves it, in the writer's
 * transaction.
 */
import type { Tx } from "#app/utils/db.server";

/** Moves the case's last contact forward to `at`, never back (an older session leaves a newer contact as it is). */
export async function recordContact(tx: Tx, caseId: string, at: Date): Promise<void> {
  await tx.retakeCase.updateMany({
    where: { id: caseId, OR: [{ lastContactAt: null }, { lastContactAt: { lt: at } }] },
    data: { lastContactAt: at },
  });
}
