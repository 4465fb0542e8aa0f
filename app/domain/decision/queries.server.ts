/**
 * What "Sit or postpone?" shows: the comparison of dates from the case's
 * assessment facts (the same facts the Progress tab reads), the decisions
 * recorded so far, and for a date the tutor is considering, the re-spaced
 * plan version a postponement to it would write, as changes from the current one.
 */

import { loadCaseAssessment } from "#app/domain/cases/derive.server";
import type { IsoDate } from "#app/domain/dates";
import { diffPlanVersions, groupChanges } from "#app/domain/plans/diff";
import { loadPlan } from "#app/domain/plans/queries.server";
import type { Viewer } from "#app/domain/privacy/visibility";
import { isRetakeExam } from "#app/domain/reference";
import { prisma } from "#app/utils/db.server";
import { compareDates, type DecisionComparison } from "./compare";
import { respacedVersion } from "./respace";

export interface DecisionRow {
  id: string;
  choice: "SIT" | "POSTPONE";
  fromDate: IsoDate | null;
  examDate: IsoDate;
  reason: string;
  planVersion: number | null;
  decidedBy: string | null;
  createdAt: Date;
}

interface PostponementProposal {
  date: IsoDate;
  /** Null when the case has no plan yet: only the date moves. */
  changes: ReturnType<typeof groupChanges> | null;
  errors: string[];
}

export async function loadDecisions(caseId: string): Promise<DecisionRow[]> {
  const rows = await prisma.examDecision.findMany({
    where: { caseId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      choice: true,
      fromDate: true,
      examDate: true,
      reason: true,
      planVersion: true,
      createdAt: true,
      decidedBy: { select: { name: true } },
    },
  });
  return rows.map(({ decidedBy, ...r }) => ({ ...r, decidedBy: decidedBy?.name ?? null }));
}

export async function loadComparison(caseId: string, today: IsoDate, chosen: IsoDate | null): Promise<DecisionComparison | null> {
  const loaded = await loadCaseAssessment(caseId, today);
  if (!loaded) return null;
  const { input } = loaded;
  return compareDates(
    {
      exam: input.exam,
      today,
      plannedDate: input.targetExamDate,
      attempts: input.attempts,
      practiceExams: input.practiceExams,
      milestones: input.milestones,
      settings: input.settings,
    },
    chosen,
  );
}

/** The re-spaced version a postponement to `date` would write, as the viewer sees the plan. */
export async function loadPostponementProposal(
  caseId: string,
  viewer: Viewer,
  date: IsoDate,
  today: IsoDate,
): Promise<PostponementProposal> {
  const [plan, row] = await Promise.all([
    loadPlan(caseId, viewer),
    prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { exam: true } }),
  ]);
  if (!plan || !isRetakeExam(row.exam)) return { date, changes: null, errors: [] };
  const respaced = respacedVersion(row.exam, plan.current.data, date, today);
  if (!respaced.ok) return { date, changes: null, errors: respaced.errors };
  return { date, changes: groupChanges(diffPlanVersions(plan.current.data, respaced.data)), errors: [] };
}
