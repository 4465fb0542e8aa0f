/**
 * Reads and writes of a person's saved caseload views. A view is the person's
 * own preference, like the remembered columns: it names no student and belongs
 * to no school, so it has no activity-log entry (docs/decisions/0024).
 */

import { type Result, refuse } from "#app/domain/result";
import { prisma } from "#app/utils/db.server";
import { normalizeViewSearch, SAVED_VIEWS_MAX } from "./saved-views";

export function loadSavedViews(userId: string) {
  return prisma.savedView.findMany({
    where: { userId },
    select: { id: true, name: true, search: true },
    orderBy: { name: "asc" },
  });
}

/** Saves the view under its name, replacing the person's view of the same name. */
export async function saveView(input: { userId: string; name: string; search: string }): Promise<Result<{ search: string }>> {
  const search = normalizeViewSearch(input.search);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.savedView.findUnique({
      where: { userId_name: { userId: input.userId, name: input.name } },
      select: { id: true },
    });
    if (!existing && (await tx.savedView.count({ where: { userId: input.userId } })) >= SAVED_VIEWS_MAX) {
      return refuse("INVALID", `You can keep ${SAVED_VIEWS_MAX} views: delete one first`, { field: "name" });
    }
    await tx.savedView.upsert({
      where: { userId_name: { userId: input.userId, name: input.name } },
      create: { userId: input.userId, name: input.name, search },
      update: { search },
    });
    return { ok: true as const, search };
  });
}

/** Deletes one of the person's own views; another person's view id deletes nothing. */
export async function deleteView(input: { userId: string; viewId: string }): Promise<Result> {
  const { count } = await prisma.savedView.deleteMany({ where: { id: input.viewId, userId: input.userId } });
  return count === 1 ? { ok: true } : refuse("NOT_FOUND", "We could not find that view.");
}
