/**
 * Reads of a case's weekly check-ins: newest first, with the week-on-week
 * change and a little trend for the tutor. One query whatever the number.
 */

import type { IsoDate } from "#app/domain/dates";
import { prisma } from "#app/utils/db.server";
import { checkInTrend, percentDeltas } from "./trend";

/** How many weeks the Plan tab lists (a plan lasts at most about six months). */
const CHECK_IN_LIST_LIMIT = 30;

export interface CheckInRow {
  id: string;
  weekOf: IsoDate;
  questionsDone: number;
  percentCorrect: number;
  hoursStudied: number;
  mood: number;
  note: string | null;
  createdAt: Date;
  /** Points of percent correct against the check-in before (null for the first). */
  percentDelta: number | null;
}

export async function loadCheckIns(caseId: string, take = CHECK_IN_LIST_LIMIT) {
  const rows = await prisma.checkIn.findMany({
    where: { caseId },
    select: {
      id: true,
      weekOf: true,
      questionsDone: true,
      percentCorrect: true,
      hoursStudied: true,
      mood: true,
      note: true,
      createdAt: true,
    },
    orderBy: { weekOf: "desc" },
    take,
  });
  const deltas = percentDeltas(rows);
  const list: CheckInRow[] = rows.map((r) => ({ ...r, percentDelta: deltas.get(r.weekOf) ?? null }));
  return { checkIns: list, trend: checkInTrend(rows) };
}

/** The check-in of one week, to prefill the form when the student already sent it. */
export async function loadWeekCheckIn(caseId: string, weekOf: IsoDate) {
  return prisma.checkIn.findUnique({
    where: { caseId_weekOf: { caseId, weekOf } },
    select: { id: true, weekOf: true, questionsDone: true, percentCorrect: true, hoursStudied: true, mood: true, note: true },
  });
}
