/**
 * Writes for the Diagnostics tab: the score report of a failed attempt and the
 * findings. Each runs in one transaction with an activity-log entry that
 * carries no sensitive text; edits are guarded by the record's version so a
 * second editor is refused instead of silently overwriting the first, and a
 * closed case's diagnosis no longer changes.
 *
 * Callers authorize the actor on the case (requireCaseAccess, staff only) and
 * pass its school; finding edits also check here that the actor is the author
 * or the office.
 */

import { refreshDerived } from "#app/domain/cases/derive.server";
import { formatDate } from "#app/domain/dates";
import { findingView, type Viewer } from "#app/domain/privacy/visibility";
import { CASE_CLOSED, type Result, refuse } from "#app/domain/result";
import { FINDING_KINDS, type FindingKind } from "#app/domain/vocabulary";
import { type ActivityEntry, logActivity } from "#app/utils/activity.server";
import { prisma, type Tx } from "#app/utils/db.server";
import { canManageFinding, findingChange } from "./findings";
import { bandCounts } from "./report-form";
import { type FindingForm, reportedBands, type ScoreReportForm } from "./schema";

const REPORT_CONFLICT_MESSAGE =
  "Someone else saved this score report while you were editing it. Nothing was saved: your entries are still below; review the current report, then save again.";
const FINDING_CONFLICT_MESSAGE =
  "Someone else changed this finding while you were editing it. Nothing was saved: your entries are still below; review the current finding, then save again.";

/** The case's exam, and whether it is still open, read in the writer's transaction. */
function caseFacts(tx: Tx, caseId: string) {
  return tx.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { exam: true, openSlot: true } });
}

/**
 * Saves the report of one of the case's failed attempts: creates it, or
 * replaces its areas (all of them, in the same transaction) when
 * `expectedVersion` still matches. Blank areas are "not reported": no row.
 */
export async function saveScoreReport(input: {
  caseId: string;
  schoolId: string;
  actorId: string;
  form: ScoreReportForm;
  /** The version the editor started from; null when they started a new report. */
  expectedVersion: number | null;
}): Promise<Result<{ reportId: string; created: boolean }>> {
  const areas = reportedBands(input.form);
  return prisma.$transaction(async (tx) => {
    const kase = await caseFacts(tx, input.caseId);
    if (!kase.openSlot) return CASE_CLOSED;
    const attempt = await tx.examAttempt.findFirst({
      where: { id: input.form.attemptId, caseId: input.caseId, exam: kase.exam, outcome: "FAIL" },
      select: {
        id: true,
        takenOn: true,
        report: { select: { id: true, version: true, bandScale: true, distanceFromPassing: true, areas: { select: { band: true } } } },
      },
    });
    if (!attempt) {
      return refuse("INVALID", "Choose a failed attempt of this case", { field: "attemptId" });
    }
    const data = {
      bandScale: input.form.bandScale,
      distanceFromPassing: input.form.distanceFromPassing ?? null,
      distanceNote: input.form.distanceNote ?? null,
      enteredById: input.actorId,
    };
    const rows = areas.map((a) => ({
      contentAreaId: a.areaId,
      band: a.band,
      referenceGroup: a.referenceGroup,
      printedLabel: a.printedLabel,
    }));
    const existing = attempt.report;
    let reportId: string;
    if (existing) {
      if (input.expectedVersion === null) return refuse("CONFLICT", REPORT_CONFLICT_MESSAGE);
      const updated = await tx.scoreReport.updateMany({
        where: { id: existing.id, version: input.expectedVersion },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count !== 1) return refuse("CONFLICT", REPORT_CONFLICT_MESSAGE);
      await tx.scoreReportArea.deleteMany({ where: { reportId: existing.id } });
      reportId = existing.id;
    } else {
      const created = await tx.scoreReport.create({
        data: { caseId: input.caseId, attemptId: attempt.id, ...data },
        select: { id: true },
      });
      reportId = created.id;
    }
    if (rows.length > 0) await tx.scoreReportArea.createMany({ data: rows.map((r) => ({ ...r, reportId })) });

    const after = { bandScale: data.bandScale, distanceGiven: data.distanceFromPassing !== null, ...bandCounts(areas) };
    const before = existing
      ? { bandScale: existing.bandScale, distanceGiven: existing.distanceFromPassing !== null, ...bandCounts(existing.areas) }
      : undefined;
    const date = formatDate(attempt.takenOn);
    await logActivity(tx, {
      schoolId: input.schoolId,
      actorId: input.actorId,
      caseId: input.caseId,
      entity: "ScoreReport",
      entityId: reportId,
      action: existing ? "report.updated" : "report.created",
      summary: existing
        ? `Score report of ${date} updated: ${after.LOWER} of ${after.reported} areas Lower (was ${before?.LOWER ?? 0} of ${before?.reported ?? 0})`
        : `Score report of ${date} entered: ${after.LOWER} of ${after.reported} areas Lower`,
      before,
      after,
    });
    await refreshDerived(tx, [input.caseId]);
    return { ok: true, reportId, created: !existing } as const;
  });
}

const findingSelect = {
  id: true,
  caseId: true,
  authorId: true,
  kind: true,
  severity: true,
  evidence: true,
  visibility: true,
  version: true,
  areas: { select: { contentAreaId: true } },
} as const;

/** The case a finding write is on, and its school (for the activity log). */
interface OnCase {
  caseId: string;
  schoolId: string;
}

/** A change to an existing finding: which one, by whom, from which version. */
interface FindingChange extends OnCase {
  findingId: string;
  actor: Viewer;
  expectedVersion: number;
}

/** Records a finding by the actor (staff on the case). */
export async function createFinding(input: OnCase & { actorId: string; form: FindingForm }): Promise<Result<{ findingId: string }>> {
  const { form } = input;
  return prisma.$transaction(async (tx) => {
    if (!(await caseFacts(tx, input.caseId)).openSlot) return CASE_CLOSED;
    const created = await tx.finding.create({
      data: {
        caseId: input.caseId,
        authorId: input.actorId,
        family: FINDING_KINDS[form.kind].family,
        kind: form.kind,
        severity: form.severity,
        evidence: form.evidence,
        visibility: form.visibility,
        areas: form.areaIds.length ? { create: form.areaIds.map((contentAreaId) => ({ contentAreaId })) } : undefined,
      },
      select: { id: true },
    });
    await logActivity(tx, {
      schoolId: input.schoolId,
      actorId: input.actorId,
      caseId: input.caseId,
      entity: "Finding",
      entityId: created.id,
      action: "finding.created",
      summary: "Finding recorded",
      after: { kind: form.kind, severity: form.severity, visibility: form.visibility, areaIds: [...form.areaIds].sort() },
    });
    return { ok: true, findingId: created.id } as const;
  });
}

/** The activity-log entry of a change to a finding, by the actor on its case. */
function logFindingChange(
  tx: Tx,
  input: FindingChange,
  findingId: string,
  entry: Pick<ActivityEntry, "action" | "summary" | "before" | "after">,
) {
  return logActivity(tx, {
    schoolId: input.schoolId,
    actorId: input.actor.userId,
    caseId: input.caseId,
    entity: "Finding",
    entityId: findingId,
    ...entry,
  });
}

/** Loads a finding of an open case the actor may manage, or says why not. */
async function manageable(tx: Tx, caseId: string, findingId: string, actor: Viewer) {
  if (!(await caseFacts(tx, caseId)).openSlot) return { error: CASE_CLOSED };
  const finding = await tx.finding.findFirst({ where: { id: findingId, caseId, deletedAt: null }, select: findingSelect });
  // A finding the actor cannot read is "not found" to them: its existence is not theirs to learn.
  if (!finding || findingView(finding, actor) !== "FULL") {
    return { error: refuse("NOT_FOUND", "That finding no longer exists.") };
  }
  if (!canManageFinding(finding, actor)) {
    return { error: refuse("FORBIDDEN", "Only the finding's author or the school's office can change it.") };
  }
  return { finding };
}

/** Edits a finding; the activity log keeps who, when and the before/after (evidence only as "changed"). */
export async function updateFinding(input: FindingChange & { form: FindingForm }): Promise<Result<{ changed: boolean }>> {
  const { form } = input;
  return prisma.$transaction(async (tx) => {
    const found = await manageable(tx, input.caseId, input.findingId, input.actor);
    if (found.error) return found.error;
    const current = found.finding;
    if (form.visibility === "PRIVATE" && current.authorId !== input.actor.userId) {
      return refuse("INVALID", "Only its author can make a finding private", { field: "visibility" });
    }
    const updated = await tx.finding.updateMany({
      where: { id: current.id, version: input.expectedVersion, deletedAt: null },
      data: {
        family: FINDING_KINDS[form.kind].family,
        kind: form.kind,
        severity: form.severity,
        evidence: form.evidence,
        visibility: form.visibility,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) return refuse("CONFLICT", FINDING_CONFLICT_MESSAGE);
    await tx.findingArea.deleteMany({ where: { findingId: current.id } });
    if (form.areaIds.length) {
      await tx.findingArea.createMany({ data: form.areaIds.map((contentAreaId) => ({ findingId: current.id, contentAreaId })) });
    }
    const change = findingChange(
      {
        kind: current.kind as FindingKind,
        severity: current.severity,
        visibility: current.visibility,
        evidence: current.evidence,
        areaIds: current.areas.map((a) => a.contentAreaId),
      },
      { kind: form.kind, severity: form.severity, visibility: form.visibility, evidence: form.evidence, areaIds: form.areaIds },
    );
    await logFindingChange(tx, input, current.id, {
      action: "finding.updated",
      summary: change.changed ? "Finding updated" : "Finding saved without changes",
      before: change.before,
      after: change.after,
    });
    return { ok: true, changed: change.changed } as const;
  });
}

/** Soft-deletes a finding (deletedAt); the activity log keeps that it existed. */
export async function deleteFinding(input: FindingChange): Promise<Result> {
  return prisma.$transaction(async (tx) => {
    const found = await manageable(tx, input.caseId, input.findingId, input.actor);
    if (found.error) return found.error;
    const current = found.finding;
    const deleted = await tx.finding.updateMany({
      where: { id: current.id, version: input.expectedVersion, deletedAt: null },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    });
    if (deleted.count !== 1) return refuse("CONFLICT", FINDING_CONFLICT_MESSAGE);
    await logFindingChange(tx, input, current.id, {
      action: "finding.deleted",
      summary: "Finding removed",
      before: { kind: current.kind, severity: current.severity, visibility: current.visibility },
    });
    return { ok: true } as const;
  });
}
