/**
 * Demo plans, made the way a tutor makes them: the generator proposes a plan
 * from the case's diagnosis, the tutor assigns it (assignPlan), and some plans
 * are adjusted once with a reason (adjustPlan) after the baseline practice exam.
 */

import { addDays, type IsoDate } from "#app/domain/dates.ts";
import { analyzeDiagnosis } from "#app/domain/diagnostics/analysis.ts";
import { focusFromDiagnosis } from "#app/domain/plans/from-diagnosis.ts";
import { generatePlan } from "#app/domain/plans/generator.ts";
import { adjustPlan, assignPlan } from "#app/domain/plans/mutations.server.ts";
import type { PlanVersionData } from "#app/domain/plans/schema.ts";
import type { ExamId } from "#app/domain/reference/index.ts";
import type { FindingKind } from "#app/domain/vocabulary.ts";
import { prisma } from "#app/utils/db.server.ts";

interface SeedPlanInput {
  caseId: string;
  exam: ExamId;
  failureNumber: number;
  startDate: IsoDate;
  examDate: IsoDate;
  tutorId: string;
  reportId: string;
}

/** Proposes a plan from the case's diagnosis and assigns it as version 1; returns what was assigned. */
export async function seedPlan(input: SeedPlanInput): Promise<PlanVersionData> {
  const [report, findings] = await Promise.all([
    prisma.scoreReport.findUniqueOrThrow({
      where: { id: input.reportId },
      select: { areas: { select: { contentAreaId: true, band: true, referenceGroup: true } } },
    }),
    prisma.finding.findMany({
      where: { caseId: input.caseId, deletedAt: null },
      select: { kind: true, severity: true, visibility: true, areas: { select: { contentAreaId: true } } },
    }),
  ]);
  // As the app's builder does: only findings shared with the student shape what everyone reads (ADR 0014).
  const shared = findings.filter((f) => f.visibility === "STUDENT");
  const areas = report.areas.map((a) => ({ areaId: a.contentAreaId, band: a.band, referenceGroup: a.referenceGroup }));
  const analysis = analyzeDiagnosis({
    exam: input.exam,
    areas,
    findings: shared.map((f) => ({
      kind: f.kind as FindingKind,
      severity: f.severity as 1 | 2 | 3,
      areaIds: f.areas.map((a) => a.contentAreaId),
    })),
  });
  const { focusCandidates, strongAreas } = focusFromDiagnosis(analysis, areas);
  const generated = generatePlan({
    exam: input.exam,
    failureNumber: input.failureNumber,
    startDate: input.startDate,
    examDate: input.examDate,
    hoursPerDay: 8,
    restDay: 7,
    previousResources: ["UWorld", "First Aid"],
    focusCandidates,
    strongAreas,
    findingKinds: findings.map((f) => f.kind as FindingKind),
    sharedFindingKinds: shared.map((f) => f.kind as FindingKind),
    spacingViolations: [],
  });
  if (!generated.plan) throw new Error(`Seed plan refused: ${JSON.stringify(generated.errors)}`);
  const { template, durationWeeks: _weeks, ...data } = generated.plan;
  const assigned = await assignPlan({ caseId: input.caseId, actorId: input.tutorId, template, data });
  if (!assigned.ok) throw new Error(`Seed plan not assigned: ${assigned.message}`);
  return data;
}

/** Version 2 of an assigned plan, prompted by a practice exam below target: one more hour a day and the exam a week later. */
export async function adjustSeedPlan(input: {
  caseId: string;
  tutorId: string;
  data: PlanVersionData;
  promptedByPracticeExamId: string;
}): Promise<void> {
  const { data } = input;
  const adjusted = await adjustPlan({
    caseId: input.caseId,
    actorId: input.tutorId,
    expectedVersion: 1,
    reason: "Baseline practice exam below target: one more hour a day and the exam a week later.",
    data: { ...data, hoursPerDay: data.hoursPerDay + 1, examDate: addDays(data.examDate, 7) },
    promptedByPracticeExamId: input.promptedByPracticeExamId,
  });
  if (!adjusted.ok) throw new Error(`Seed plan not adjusted: ${adjusted.message}`);
}
