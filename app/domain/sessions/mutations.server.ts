/**
 * Writes to session records (docs/decisions/0024). Each runs in one
 * transaction with an activity-log entry that never carries the summary or a
 * next step's text, and refreshes the case's derived figures (a no-show can
 * raise a risk flag). A session held moves the case's last contact, unless the
 * student did not come. Callers authorize the actor as staff on the case.
 */

import { recordContact } from "#app/domain/cases/contact.server";
import { refreshDerived } from "#app/domain/cases/derive.server";
import { formatDate, type IsoDate, today as todayOf } from "#app/domain/dates";
import { contactInstant } from "#app/domain/notes/mutations.server";
import { noteView, type Viewer } from "#app/domain/privacy/visibility";
import { CASE_CLOSED, type Result, refuse } from "#app/domain/result";
import { logActivity } from "#app/utils/activity.server";
import { prisma, type Tx } from "#app/utils/db.server";
import type { Prisma } from "#generated/prisma/client";
import { type ScheduleForm, SESSION_KIND_LABELS, type SessionForm } from "./schema";

async function isOpen(tx: Tx, caseId: string): Promise<boolean> {
  const kase = await tx.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { openSlot: true } });
  return kase.openSlot !== null;
}

interface SessionWriter {
  caseId: string;
  schoolId: string;
  actorId: string;
}

/** Creates a session record on an open case with its activity-log entry, then runs `after` in the same transaction. */
async function createSession(
  input: SessionWriter,
  data: Omit<Prisma.SessionRecordUncheckedCreateInput, "caseId" | "authorId">,
  event: { action: string; summary: string; after: Record<string, unknown> },
  after?: (tx: Tx) => Promise<void>,
): Promise<Result<{ sessionId: string }>> {
  return prisma.$transaction(async (tx) => {
    if (!(await isOpen(tx, input.caseId))) return CASE_CLOSED;
    const session = await tx.sessionRecord.create({
      data: { ...data, caseId: input.caseId, authorId: input.actorId },
      select: { id: true },
    });
    await logActivity(tx, {
      schoolId: input.schoolId,
      actorId: input.actorId,
      caseId: input.caseId,
      entity: "SessionRecord",
      entityId: session.id,
      ...event,
    });
    await after?.(tx);
    return { ok: true as const, sessionId: session.id };
  });
}

export async function recordSession(input: SessionWriter & { form: SessionForm; today?: IsoDate }): Promise<Result<{ sessionId: string }>> {
  const { form } = input;
  const facts = {
    kind: form.kind,
    sessionOn: form.sessionOn,
    durationMinutes: form.durationMinutes ?? null,
    attendance: form.attendance ?? null,
  };
  const steps = form.nextSteps.length;
  return createSession(
    input,
    {
      ...facts,
      status: "HELD",
      summary: form.summary,
      visibility: form.visibility,
      nextSteps: {
        create: form.nextSteps.map((step, position) => ({ caseId: input.caseId, text: step.text, dueOn: step.dueOn, position })),
      },
    },
    {
      action: "session.recorded",
      summary: `${SESSION_KIND_LABELS[form.kind]} of ${formatDate(form.sessionOn)} recorded with ${steps} next step${steps === 1 ? "" : "s"}`,
      after: facts,
    },
    async (tx) => {
      if (form.kind !== "NO_SHOW") await recordContact(tx, input.caseId, contactInstant(form.sessionOn));
      await refreshDerived(tx, [input.caseId], input.today ?? todayOf());
    },
  );
}

export async function scheduleSession(input: SessionWriter & { form: ScheduleForm }): Promise<Result<{ sessionId: string }>> {
  const { form } = input;
  const facts = { kind: form.kind, sessionOn: form.sessionOn, startTime: form.startTime ?? null };
  return createSession(
    input,
    {
      ...facts,
      status: "SCHEDULED",
      durationMinutes: form.durationMinutes ?? null,
      // The student is told of a scheduled session: its facts are theirs to see.
      visibility: "STUDENT",
    },
    {
      action: "session.scheduled",
      summary: `${SESSION_KIND_LABELS[form.kind]} scheduled for ${formatDate(form.sessionOn)}${form.startTime ? ` at ${form.startTime}` : ""}`,
      after: facts,
    },
  );
}

/** Marks a next step done (or open again), guarded by its version; only someone who can read it may. */
export async function setNextStepDone(input: {
  caseId: string;
  schoolId: string;
  stepId: string;
  actor: Viewer;
  done: boolean;
  expectedVersion: number;
  today?: IsoDate;
}): Promise<Result> {
  return prisma.$transaction(async (tx) => {
    if (!(await isOpen(tx, input.caseId))) return CASE_CLOSED;
    const step = await tx.nextStep.findFirst({
      where: { id: input.stepId, caseId: input.caseId, session: { deletedAt: null } },
      select: { id: true, session: { select: { authorId: true, visibility: true } } },
    });
    if (!step || noteView(step.session, input.actor) !== "FULL") return refuse("NOT_FOUND", "That next step is no longer on this case.");
    const { count } = await tx.nextStep.updateMany({
      where: { id: step.id, version: input.expectedVersion },
      data: { doneOn: input.done ? (input.today ?? todayOf()) : null, version: { increment: 1 } },
    });
    if (count === 0) return refuse("CONFLICT", "Someone else changed this next step meanwhile: check it and try again.");
    await logActivity(tx, {
      schoolId: input.schoolId,
      actorId: input.actor.userId,
      caseId: input.caseId,
      entity: "NextStep",
      entityId: step.id,
      action: input.done ? "next-step.done" : "next-step.reopened",
      summary: input.done ? "A next step was marked done" : "A next step was opened again",
    });
    return { ok: true as const };
  });
}
