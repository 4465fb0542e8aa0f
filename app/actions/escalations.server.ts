/**
 * The escalation forms' server side, shared by the office's queue
 * (/office/escalations?open=<id>) and the case's Escalations tab: validate
 * (zod), call the domain, answer with a redirect and a toast, or with the
 * form's errors (the form keeps what was typed).
 *
 * The caller has already established that the actor may see the escalation
 * (its school's office, or the case's tutor) through `loadTarget`. What the
 * actor's role may do is the domain's call (workflow.ts, checked in
 * mutations.server.ts): its FORBIDDEN answer becomes a 403 here.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { notFound } from "#app/auth/guards.server";
import type { IsoDate } from "#app/domain/dates";
import {
  addEscalationNote,
  changeEscalationOwner,
  changeEscalationStatus,
  recordEscalationAction,
} from "#app/domain/escalations/mutations.server";
import { actionRecordSchema, escalationNoteSchema, ownerChangeSchema, statusChangeSchema } from "#app/domain/escalations/schema";
import type { Refusal } from "#app/domain/result";
import { ESCALATION_ACTIONS, type EscalationStatus, type Role } from "#app/domain/vocabulary";
import { redirectWithToast } from "#app/utils/toast.server";
import { type AnySubmission, notUnderstood, refusalPage, reply } from "./reply";

const ESCALATION_INTENTS = ["status", "action", "owner", "note"] as const;
type EscalationIntent = (typeof ESCALATION_INTENTS)[number];

interface EscalationTarget {
  id: string;
  schoolId: string;
  caseId: string;
}

interface EscalationActionContext {
  userId: string;
  /** The actor's role for this escalation: their office role at its school, or TUTOR on their case. */
  roleFor: (target: EscalationTarget) => Role;
  /** The escalation, only if the actor may see it (null answers 404). */
  loadTarget: (escalationId: string) => Promise<EscalationTarget | null>;
  /** Where to go after a successful change. */
  back: string;
  today: IsoDate;
}

const STATUS_TOASTS: Record<EscalationStatus, string> = {
  OPEN: "Escalation reopened",
  ACKNOWLEDGED: "Escalation acknowledged",
  IN_PROGRESS: "Work on the escalation started",
  RESOLVED: "Escalation resolved",
};

export function isEscalationIntent(intent: string): intent is EscalationIntent {
  return (ESCALATION_INTENTS as readonly string[]).includes(intent);
}

/** The answer to a refused write: a role that may not, or an escalation gone, is an error page; the rest shows in the form. */
function refused(intent: EscalationIntent, escalationId: string, submission: AnySubmission, refusal: Refusal, extra: { to?: string } = {}) {
  if (refusal.code === "FORBIDDEN" || refusal.code === "NOT_FOUND") refusalPage(refusal);
  return reply({ intent, rowId: escalationId, submission, messageIn: "form", extra }, refusal);
}

export async function handleEscalationIntent(intent: EscalationIntent, formData: FormData, ctx: EscalationActionContext) {
  const escalationId = String(formData.get("escalationId") ?? "");
  if (!escalationId) notUnderstood();
  const target = await ctx.loadTarget(escalationId);
  if (!target) notFound("We could not find that escalation.");
  const role = ctx.roleFor(target);

  if (intent === "status") {
    const submission = parseWithZod(formData, { schema: statusChangeSchema });
    const to = String(formData.get("to") ?? "");
    if (submission.status !== "success") return reply({ intent, rowId: escalationId, submission, extra: { to } });
    const result = await changeEscalationStatus({ escalationId, ...submission.value, actorId: ctx.userId, role });
    if (!result.ok) return refused(intent, escalationId, submission, result, { to });
    return redirectWithToast(ctx.back, {
      title: STATUS_TOASTS[submission.value.to],
      description: submission.value.to === "RESOLVED" ? "Whoever raised it has been told the outcome." : undefined,
    });
  }

  if (intent === "action") {
    const submission = parseWithZod(formData, { schema: actionRecordSchema(ctx.today) });
    if (submission.status !== "success") return reply({ intent, rowId: escalationId, submission });
    const result = await recordEscalationAction({
      escalationId,
      action: submission.value.action,
      actionOn: submission.value.actionOn,
      note: submission.value.note ?? null,
      accommodationStatus: submission.value.accommodationStatus ?? null,
      expectedVersion: submission.value.expectedVersion,
      actorId: ctx.userId,
      role,
    });
    if (!result.ok) return refused(intent, escalationId, submission, result);
    return redirectWithToast(ctx.back, { title: `${ESCALATION_ACTIONS[submission.value.action]} recorded` });
  }

  if (intent === "owner") {
    const submission = parseWithZod(formData, { schema: ownerChangeSchema });
    if (submission.status !== "success") return reply({ intent, rowId: escalationId, submission });
    const result = await changeEscalationOwner({ escalationId, ...submission.value, actorId: ctx.userId, role });
    if (!result.ok) return refused(intent, escalationId, submission, result);
    return redirectWithToast(ctx.back, { title: "Owner changed" });
  }

  // note
  const submission = parseWithZod(formData, { schema: escalationNoteSchema });
  if (submission.status !== "success") return reply({ intent, rowId: escalationId, submission });
  const result = await addEscalationNote({ escalationId, note: submission.value.note, actorId: ctx.userId, role });
  if (!result.ok) return refused(intent, escalationId, submission, result);
  return redirectWithToast(ctx.back, { title: "Note added" });
}
