/**
 * The append-only activity log: every mutation writes one entry in the same
 * transaction as the change (who, what, when, before and after).
 */
import type { Tx } from "./db.server";

export interface ActivityEntry {
  schoolId: string;
  actorId: string | null;
  caseId?: string | null;
  entity: string;
  entityId: string;
  action: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

const snapshot = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export async function logActivity(tx: Tx, entry: ActivityEntry): Promise<void> {
  await tx.activityLog.create({
    data: {
      schoolId: entry.schoolId,
      actorId: entry.actorId,
      caseId: entry.caseId ?? null,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      summary: entry.summary,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
    },
  });
}

/** Only the fields that changed, for before/after snapshots. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
