/**
 * Plans are versioned: assigning makes version 1, and every adjustment writes
 * the next immutable version with its reason. The plan's `currentVersion` is
 * the concurrency guard: a save based on an older version is refused, and the
 * person's edits stay in their form to re-apply. A save also sets the case's
 * target exam date, which the office edits too: it is guarded by the case's
 * version the form was shown with, so a date moved meanwhile is never put back
 * silently.
 */
import { z } from "zod";
import { refreshDerived } from "#app/domain/cases/derive.server";
import { onPlanAssigned } from "#app/domain/cases/status";
import { formatDate, type IsoDate, today as todayIso } from "#app/domain/dates";
import { notify } from "#app/domain/notifications/notify.server";
import type { SourceFinding } from "#app/domain/privacy/derived";
import { derivationSources } from "#app/domain/privacy/queries.server";
import { findingView, type Viewer } from "#app/domain/privacy/visibility";
import { isRetakeExam } from "#app/domain/reference";
import { CASE_CLOSED, type Refusal, type Result, refuse } from "#app/domain/result";
import { plural } from "#app/domain/text";
import type { CaseStatus } from "#app/domain/vocabulary";
import { logActivity } from "#app/utils/activity.server";
import type { Tx } from "#app/utils/db.server";
import { isUniqueViolation, prisma } from "#app/utils/db.server";
import { diffPlanVersions } from "./diff";
import { type PlanAdjustEditorForm, type PlanEditorForm, spacingViolations, versionFromEditor } from "./editor";
import { hiddenMeasures, viewContent, withProvenance } from "./provenance";
import { compareVersions, loadPlan, loadPlanningFacts } from "./queries.server";
import { datesMoved, describeMoves, milestonesDatedByHand, respaceMilestones } from "./respace";
import { type PlanContent, type PlanVersionData, parsePlanContent, versionConflict } from "./schema";
import { templateFor } from "./templates";

type PlanWriteResult = Result<{ version: number }>;

export const PLAN_CONFLICT_MESSAGE =
  "Someone else saved a new version of this plan while you were editing. Nothing was saved: your changes are still in the form — compare them with the latest version and save again.";

/** Staff read findings alike whether they are the office or the case's tutor. */
const staffViewer = (userId: string): Viewer => ({ userId, relation: "TUTOR" });

/** The case's findings for deciding the tiers of what a save derives from them, and those the actor reads in full. */
async function findingsFor(tx: Tx, caseId: string, actorId: string) {
  const all = (await derivationSources([caseId], tx)).get(caseId) ?? new Map<string, SourceFinding>();
  const readable = [...all.values()].filter((f) => !f.deleted && findingView(f, staffViewer(actorId)) === "FULL");
  return { all, readable };
}

async function writeVersion(
  tx: Tx,
  input: {
    planId: string;
    caseId: string;
    number: number;
    actorId: string;
    reason: string | null;
    template: string;
    data: PlanVersionData;
    promptedByPracticeExamId?: string | null;
    promptedByCheckInId?: string | null;
  },
) {
  const version = await tx.planVersion.create({
    data: {
      planId: input.planId,
      number: input.number,
      createdById: input.actorId,
      reason: input.reason,
      template: input.template,
      startDate: input.data.startDate,
      examDate: input.data.examDate,
      hoursPerDay: input.data.hoursPerDay,
      restDay: input.data.restDay,
      content: JSON.stringify(input.data.content),
      promptedByPracticeExamId: input.promptedByPracticeExamId ?? null,
      promptedByCheckInId: input.promptedByCheckInId ?? null,
    },
    select: { id: true },
  });
  if (input.data.content.milestones.length > 0) {
    await tx.milestone.createMany({
      data: input.data.content.milestones.map((m) => ({
        caseId: input.caseId,
        planVersionId: version.id,
        uid: m.uid,
        kind: m.kind,
        dueOn: m.dueOn,
        instrumentId: m.instrumentId,
        label: m.label,
      })),
    });
  }
  return version.id;
}

/** What a plan write checks and tells on the case: its school, status, slot, target date and version, and the student to notify. */
async function caseFacts(tx: Tx, caseId: string) {
  return tx.retakeCase.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      schoolId: true,
      status: true,
      openSlot: true,
      targetExamDate: true,
      version: true,
      student: { select: { userId: true } },
    },
  });
}

/**
 * The end of a plan write: its activity-log entry, the student told (once a
 * version), the case's derived figures refreshed, the plan's new version.
 */
async function planWritten(
  tx: Tx,
  input: { caseId: string; actorId: string },
  current: Awaited<ReturnType<typeof caseFacts>>,
  plan: { id: string; version: number },
  entry: { action: string; summary: string; before: unknown; after: unknown },
  notice: { kind: "PLAN_ASSIGNED" | "PLAN_ADJUSTED"; title: string; body: string },
): Promise<PlanWriteResult> {
  await logActivity(tx, {
    schoolId: current.schoolId,
    actorId: input.actorId,
    caseId: input.caseId,
    entity: "Plan",
    entityId: plan.id,
    ...entry,
  });
  await notify(tx, {
    userIds: [current.student.userId],
    schoolId: current.schoolId,
    caseId: input.caseId,
    ...notice,
    link: "/",
    dedupeKey: `plan:${plan.id}:v${plan.version}`,
  });
  await refreshDerived(tx, [input.caseId]);
  return { ok: true, version: plan.version };
}

export const PLAN_EXISTS_MESSAGE =
  "Someone assigned a plan to this case while you were editing. Nothing was saved: your edits are still in the form; adjust the assigned plan to apply them.";

/** The case (its target exam date, tutor or status) changed after the form was shown. */
export function caseConflictMessage(targetExamDate: IsoDate | null): string {
  return `Someone else changed this case while you were editing the plan${
    targetExamDate ? ` (its target exam date is now ${formatDate(targetExamDate)})` : ""
  }. Nothing was saved: your changes are still in the form — check the exam date and save again.`;
}

/** Thrown inside a transaction to roll back what it wrote, and answered with its result. */
class PlanWriteRefused extends Error {
  constructor(readonly result: Refusal) {
    super(result.message);
  }
}

/** Runs `run` in one transaction; a plan write refused inside it rolls the whole transaction back and is answered. */
export async function planTransaction<T>(run: (tx: Tx) => Promise<T | Refusal>): Promise<T | Refusal> {
  try {
    return await prisma.$transaction(run);
  } catch (error) {
    if (error instanceof PlanWriteRefused) return error.result;
    throw error;
  }
}

/**
 * The plan's exam date becomes the case's target exam date, only if the case
 * is still at the version the form was shown with: the office may have moved
 * the date meanwhile, and a plan save must not silently put the old one back.
 * Without `expectedCaseVersion` (scripts acting on the current state) the
 * version read in this transaction is the guard. Throws to roll back the plan
 * writes before it.
 */
async function claimCase(
  tx: Tx,
  caseId: string,
  current: { version: number },
  input: { expectedCaseVersion?: number; examDate: IsoDate; status?: CaseStatus },
): Promise<void> {
  const expected = input.expectedCaseVersion ?? current.version;
  const claimed = await tx.retakeCase.updateMany({
    where: { id: caseId, version: expected, openSlot: "OPEN" },
    data: { targetExamDate: input.examDate, version: { increment: 1 }, ...(input.status ? { status: input.status } : {}) },
  });
  if (claimed.count === 1) return;
  const now = await tx.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { targetExamDate: true, openSlot: true } });
  throw new PlanWriteRefused(now.openSlot ? refuse("CONFLICT", caseConflictMessage(now.targetExamDate)) : CASE_CLOSED);
}

/** "; target exam date moved from 3 Mar 2027 to 10 Mar 2027", or "" when it stays. */
function targetDateChange(before: IsoDate | null, after: IsoDate): string {
  if (before === after) return "";
  return before
    ? `; target exam date moved from ${formatDate(before)} to ${formatDate(after)}`
    : `; target exam date set to ${formatDate(after)}`;
}

/**
 * Version 1: the tutor's edited proposal becomes the student's plan. Two
 * people assigning at once: the second is told a plan exists (the unique plan
 * per case backs it), never a second version 1.
 */
export async function assignPlan(input: {
  caseId: string;
  actorId: string;
  template: string;
  data: PlanVersionData;
  /** The case's version when the form was shown (see claimCase). */
  expectedCaseVersion?: number;
}): Promise<PlanWriteResult> {
  return planTransaction(async (tx) => {
    const current = await caseFacts(tx, input.caseId);
    if (!current.openSlot) return CASE_CLOSED;
    const plan = await tx.plan
      .create({ data: { caseId: input.caseId, currentVersion: 1 }, select: { id: true } })
      .catch((error: unknown) => {
        // The unique plan per case: someone assigned one first.
        if (isUniqueViolation(error)) throw new PlanWriteRefused(refuse("CONFLICT", PLAN_EXISTS_MESSAGE));
        throw error;
      });
    const { readable } = await findingsFor(tx, input.caseId, input.actorId);
    const content: PlanContent = { ...input.data.content, measures: withProvenance(input.data.content.measures, readable) };
    await writeVersion(tx, {
      planId: plan.id,
      caseId: input.caseId,
      number: 1,
      actorId: input.actorId,
      reason: null,
      template: input.template,
      data: { ...input.data, content },
    });
    const change = onPlanAssigned(current.status);
    await claimCase(tx, input.caseId, current, {
      expectedCaseVersion: input.expectedCaseVersion,
      examDate: input.data.examDate,
      status: change?.status,
    });
    return planWritten(
      tx,
      input,
      current,
      { id: plan.id, version: 1 },
      {
        action: "plan.assigned",
        summary: `Plan assigned: ${formatDate(input.data.startDate)} to the exam on ${formatDate(input.data.examDate)}${targetDateChange(current.targetExamDate, input.data.examDate)}${change ? `; ${change.reason}` : ""}`,
        before: { version: 0, targetExamDate: current.targetExamDate, status: current.status },
        after: { version: 1, targetExamDate: input.data.examDate, status: change?.status ?? current.status },
      },
      {
        kind: "PLAN_ASSIGNED",
        title: "Your retake plan is ready",
        body: `Your plan runs from ${formatDate(input.data.startDate)} to your exam on ${formatDate(input.data.examDate)}.`,
      },
    );
  });
}

interface AdjustPlanInput {
  caseId: string;
  actorId: string;
  expectedVersion: number;
  expectedCaseVersion?: number;
  reason: string;
  data: PlanVersionData;
  promptedByPracticeExamId?: string | null;
  promptedByCheckInId?: string | null;
}

/** The next version, only if the plan is still at `expectedVersion` (and the case at `expectedCaseVersion`, see claimCase). */
export async function adjustPlan(input: AdjustPlanInput): Promise<PlanWriteResult> {
  return planTransaction((tx) => adjustPlanIn(tx, input));
}

/**
 * `adjustPlan` inside the caller's transaction, for a change that writes a plan
 * version with other records (run it under `planTransaction`: a refusal from
 * the case's guard is thrown to roll everything back).
 */
export async function adjustPlanIn(tx: Tx, input: AdjustPlanInput): Promise<PlanWriteResult> {
  {
    const current = await caseFacts(tx, input.caseId);
    if (!current.openSlot) return CASE_CLOSED;
    const plan = await tx.plan.findUnique({
      where: { caseId: input.caseId },
      select: {
        id: true,
        versions: {
          orderBy: { number: "desc" },
          take: 1,
          select: { template: true, startDate: true, examDate: true, hoursPerDay: true, restDay: true, content: true, createdById: true },
        },
      },
    });
    const previous = plan?.versions[0];
    if (!plan || !previous) return refuse("CONFLICT", "This case has no plan yet: assign one first.");
    const next = input.expectedVersion + 1;
    const claimed = await tx.plan.updateMany({
      where: { id: plan.id, currentVersion: input.expectedVersion },
      data: { currentVersion: next },
    });
    if (claimed.count !== 1) return refuse("CONFLICT", PLAN_CONFLICT_MESSAGE);
    // The actor edited the measures they see; those from findings hidden from them stay as they were.
    const { all, readable } = await findingsFor(tx, input.caseId, input.actorId);
    const before = parsePlanContent(previous.content);
    const edited = withProvenance(input.data.content.measures, readable);
    const titles = new Set(edited.map((m) => m.title.trim().toLowerCase()));
    const kept = hiddenMeasures(before, all, staffViewer(input.actorId), previous.createdById).filter(
      (m) => !titles.has(m.title.trim().toLowerCase()),
    );
    const content: PlanContent = { ...input.data.content, measures: [...edited, ...kept] };
    await writeVersion(tx, {
      planId: plan.id,
      caseId: input.caseId,
      number: next,
      actorId: input.actorId,
      reason: input.reason,
      template: previous.template,
      data: { ...input.data, content },
      promptedByPracticeExamId: input.promptedByPracticeExamId,
      promptedByCheckInId: input.promptedByCheckInId,
    });
    // What changed, as the actor sees it (for the log) and as the student sees it (for them).
    const changesFor = (viewer: Viewer) =>
      diffPlanVersions(
        { ...previous, content: viewContent(before, all, viewer, previous.createdById) },
        { ...input.data, content: viewContent(content, all, viewer, input.actorId) },
      );
    const changes = changesFor(staffViewer(input.actorId));
    const studentChanges = changesFor({ userId: current.student.userId, relation: "STUDENT" });
    await claimCase(tx, input.caseId, current, { expectedCaseVersion: input.expectedCaseVersion, examDate: input.data.examDate });
    return planWritten(
      tx,
      input,
      current,
      { id: plan.id, version: next },
      {
        action: "plan.adjusted",
        summary: `Plan version ${next}: ${input.reason}${targetDateChange(current.targetExamDate, input.data.examDate)}`,
        before: { version: input.expectedVersion, targetExamDate: current.targetExamDate },
        after: {
          version: next,
          targetExamDate: input.data.examDate,
          changes: changes.map((c) => c.text),
          promptedByPracticeExamId: input.promptedByPracticeExamId ?? null,
          promptedByCheckInId: input.promptedByCheckInId ?? null,
        },
      },
      {
        kind: "PLAN_ADJUSTED",
        title: "Your plan was updated",
        body: `${input.reason}${studentChanges.length ? ` (${plural(studentChanges.length, "change")})` : ""}`,
      },
    );
  }
}

// ───────────────────────── saving the editor's form ─────────────────────────

/** The plan forms carry the case's version they were shown with, in this hidden field. */
const expectedCaseVersionField = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);

/** The case version a plan form was shown with, or null when the field is missing or not a version. */
export function expectedCaseVersionOf(formData: FormData): number | null {
  const parsed = expectedCaseVersionField.safeParse(formData.get("expectedCaseVersion"));
  return parsed.success ? parsed.data : null;
}

export const STALE_FORM_MESSAGE = "This form is out of date and was not saved: reload the page, then make your change again.";

/** A refused save from a plan form; on a version conflict, what the versions saved meanwhile changed. */
type EditorRefusal = Refusal & { conflict: ReturnType<typeof compareVersions> };

/** A saved plan form: the version written and, when the dates moved, what happened to each milestone re-spaced for them, in the tutor's words. */
type EditorSaved = { ok: true; version: number; moved?: string[] };

const refused = (refusal: Refusal, conflict: ReturnType<typeof compareVersions> = null): EditorRefusal => ({ ...refusal, conflict });

/** Entries the plan's rules refuse, each at its field. */
const invalidFields = (fieldErrors: Record<string, string[]>) =>
  refused(refuse("INVALID", "Some entries need changing: see the marked fields.", { fieldErrors }));

/** The edited proposal becomes version 1, once the exam date passes the spacing rules and the whole version validates. */
export async function assignFromEditor(input: {
  caseId: string;
  actorId: string;
  form: PlanEditorForm;
  /** The case's version the form was shown with. */
  expectedCaseVersion: number;
}): Promise<EditorSaved | EditorRefusal> {
  const facts = await loadPlanningFacts(input.caseId);
  if (!isRetakeExam(facts.exam)) return refused(refuse("INVALID", "This exam was discontinued: there is nothing to plan for."));
  const spacing = spacingViolations(facts.attempts, facts.exam, input.form.examDate, facts.schoolAttemptLimit);
  if (spacing.length > 0) return invalidFields({ examDate: spacing });
  const built = versionFromEditor(facts.exam, input.form);
  if (!built.ok) return invalidFields(built.fieldErrors);
  const result = await assignPlan({
    caseId: input.caseId,
    actorId: input.actorId,
    template: templateFor(facts.failureNumber).id,
    data: built.data,
    expectedCaseVersion: input.expectedCaseVersion,
  });
  return result.ok ? result : refused(result);
}

/**
 * The next version from the adjust form: refused (nothing saved, the form
 * keeps the edits) when someone saved a version meanwhile, when a moved exam
 * date breaks the spacing rules, when what prompted it is not this case's, or
 * when nothing changed.
 */
export async function adjustFromEditor(input: {
  caseId: string;
  actorId: string;
  form: PlanAdjustEditorForm;
  /** The case's version the form was shown with. */
  expectedCaseVersion: number;
  today?: IsoDate;
}): Promise<EditorSaved | EditorRefusal> {
  const { caseId } = input;
  let form = input.form;
  const viewer = staffViewer(input.actorId);
  const plan = await loadPlan(caseId, viewer);
  if (!plan) return refused(refuse("CONFLICT", "This case has no plan yet: build one first."));
  const conflict = versionConflict(form.expectedVersion, plan.currentVersion);
  if (conflict) return refused(refuse("CONFLICT", conflict.message), compareVersions(plan, form.expectedVersion, plan.currentVersion));
  const facts = await loadPlanningFacts(caseId);
  if (!isRetakeExam(facts.exam)) return refused(refuse("INVALID", "This exam was discontinued: there is nothing to plan for."));

  const fieldErrors: Record<string, string[]> = {};
  if (form.examDate !== plan.current.data.examDate) {
    const spacing = spacingViolations(facts.attempts, facts.exam, form.examDate, facts.schoolAttemptLimit);
    if (spacing.length > 0) fieldErrors.examDate = spacing;
  }
  const [practice, checkIn] = await Promise.all([
    form.promptedByPracticeExamId
      ? prisma.practiceExam.findFirst({ where: { id: form.promptedByPracticeExamId, caseId }, select: { id: true } })
      : null,
    form.promptedByCheckInId ? prisma.checkIn.findFirst({ where: { id: form.promptedByCheckInId, caseId }, select: { id: true } }) : null,
  ]);
  if (form.promptedByPracticeExamId && !practice) fieldErrors.promptedByPracticeExamId = ["Choose a practice exam of this case"];
  if (form.promptedByCheckInId && !checkIn) fieldErrors.promptedByCheckInId = ["Choose a check-in of this case"];
  if (Object.keys(fieldErrors).length > 0) return invalidFields(fieldErrors);

  // Moved dates re-space the milestones the tutor left as they were (respace.ts), and say what moved.
  const before = plan.current.data;
  let moved: string[] = [];
  if (datesMoved(before, form)) {
    const respaced = respaceMilestones({
      milestones: form.milestones,
      before,
      after: form,
      today: input.today ?? todayIso(),
      keep: milestonesDatedByHand(before.content.milestones, form.milestones),
    });
    form = { ...form, milestones: respaced.milestones };
    moved = describeMoves(respaced.moves, form.examDate);
  }

  const built = versionFromEditor(facts.exam, form);
  if (!built.ok) return invalidFields(built.fieldErrors);
  if (diffPlanVersions(plan.current.data, built.data).length === 0) {
    return refused(refuse("INVALID", `Nothing changed from version ${plan.currentVersion}: edit the plan before saving a new version.`));
  }
  const result = await adjustPlan({
    caseId,
    actorId: input.actorId,
    expectedVersion: form.expectedVersion,
    expectedCaseVersion: input.expectedCaseVersion,
    reason: form.reason,
    data: built.data,
    promptedByPracticeExamId: form.promptedByPracticeExamId ?? null,
    promptedByCheckInId: form.promptedByCheckInId ?? null,
  });
  if (result.ok) return { ...result, moved };
  if (result.code !== "CONFLICT") return refused(result);
  const latest = await loadPlan(caseId, viewer);
  return refused(result, latest ? compareVersions(latest, form.expectedVersion, latest.currentVersion) : null);
}
