/**
 * Escalations opened by the rules, not by hand: a second failure on the same
 * exam opens one to the office exactly once (the failing attempt is the
 * escalation's unique trigger); a third raises the open one's severity, or
 * opens one when none is open. Severity follows one rule (./severity.server.ts):
 * the case's risk level, never below the level the failure count implies.
 */

import { assessCase } from "#app/domain/cases/assessment";
import { loadAssessmentInputs } from "#app/domain/cases/derive.server";
import { addBusinessDays, formatDate, type IsoDate } from "#app/domain/dates";
import { notify } from "#app/domain/notifications/notify.server";
import { type ExamId, examLabel } from "#app/domain/reference";
import { consequenceLabel, policyFor, type SchoolSettings } from "#app/domain/settings/settings";
import { ordinal } from "#app/domain/text";
import { OFFICE_ROLES, STAFF_ROLES } from "#app/domain/vocabulary";
import { logActivity } from "#app/utils/activity.server";
import type { Tx } from "#app/utils/db.server";
import { mailEscalationRaised } from "./mail.server";
import { schoolMembers } from "./members.server";
import { escalationSeverity } from "./severity.server";
import { escalationTitle, severityLabel } from "./view";

/** An escalation raised by hand starts moderate; the office raises or lowers nothing else by hand. */
export const ESCALATION_SEVERITY = { MANUAL: 2 } as const;

/**
 * The case's risk rank with this failure counted, assessed afresh in the
 * transaction (the failing attempt is already written; the stored figures are
 * refreshed only after the escalation), for the one severity rule.
 */
async function currentRiskRank(tx: Tx, caseId: string, today: IsoDate): Promise<number> {
  const input = (await loadAssessmentInputs(tx, [caseId], today)).get(caseId);
  return input ? assessCase(input).riskRank : 0;
}

interface FailureFacts {
  schoolId: string;
  caseId: string;
  attemptId: string;
  exam: ExamId;
  failureNumber: number;
  failureDates: IsoDate[];
  studentName: string;
  tutorId: string | null;
  actorId: string | null;
  today: IsoDate;
  settings: SchoolSettings;
  /** Shared by the rows of one bulk write, so each school's office and each actor's staff status are read once. */
  lookups?: EscalationLookups;
}

interface EscalationLookups {
  officeIds: Map<string, string[]>;
  staff: Map<string, boolean>;
}

export const newEscalationLookups = (): EscalationLookups => ({ officeIds: new Map(), staff: new Map() });

export function escalationDueDates(
  today: IsoDate,
  settings: Pick<SchoolSettings, "acknowledgeWithinBusinessDays" | "resolveWithinBusinessDays">,
) {
  return {
    acknowledgeBy: addBusinessDays(today, settings.acknowledgeWithinBusinessDays),
    resolveBy: addBusinessDays(today, settings.resolveWithinBusinessDays),
  };
}

/** The active advisors and administrators of the school: who is told about its escalations. */
export async function officeUserIds(tx: Tx, schoolId: string): Promise<string[]> {
  return (await schoolMembers(tx, schoolId, OFFICE_ROLES)).map((m) => m.id);
}

/** Whether the person is staff (not a student) at the school, whatever their account's status. */
async function isStaffAt(tx: Tx, userId: string, schoolId: string): Promise<boolean> {
  return (await schoolMembers(tx, schoolId, STAFF_ROLES, { userIds: [userId], activeOnly: false })).length > 0;
}

function failureReason(facts: FailureFacts): string {
  const rung = policyFor(facts.settings.policyLadder, facts.failureNumber);
  const dates = facts.failureDates.map((d) => formatDate(d)).join(", ");
  const policy = rung ? ` At this school: ${consequenceLabel(rung.consequence).toLowerCase()} — ${rung.description}` : "";
  return `${ordinal(facts.failureNumber)} failure of ${examLabel(facts.exam)} (failed ${dates}).${policy}`;
}

/** Runs inside the transaction that recorded the failure. Returns the escalation id, if any. */
export async function escalateFailure(tx: Tx, facts: FailureFacts): Promise<string | null> {
  if (facts.failureNumber < 2) return null;
  const existingForAttempt = await tx.escalation.findUnique({ where: { triggerAttemptId: facts.attemptId }, select: { id: true } });
  if (existingForAttempt) return existingForAttempt.id;
  const lookups = facts.lookups ?? newEscalationLookups();
  let office = lookups.officeIds.get(facts.schoolId);
  if (!office) {
    office = await officeUserIds(tx, facts.schoolId);
    lookups.officeIds.set(facts.schoolId, office);
  }
  const recipients = [...office, ...(facts.tutorId ? [facts.tutorId] : [])];
  const reason = failureReason(facts);

  if (facts.failureNumber >= 3) {
    const open = await tx.escalation.findFirst({
      where: { caseId: facts.caseId, status: { not: "RESOLVED" } },
      select: { id: true, trigger: true, severity: true, failureNumber: true, version: true },
      orderBy: { createdAt: "desc" },
    });
    if (open) {
      // The escalation follows the student: its title names this failure, its severity the one rule.
      const failureNumber = Math.max(open.failureNumber ?? 0, facts.failureNumber);
      const severity = escalationSeverity(await currentRiskRank(tx, facts.caseId, facts.today), failureNumber);
      await tx.escalation.update({ where: { id: open.id }, data: { severity, failureNumber, version: { increment: 1 } } });
      await tx.escalationEvent.create({
        data: {
          escalationId: open.id,
          actorId: facts.actorId,
          kind: "SEVERITY",
          note: `${escalationTitle(open.trigger, failureNumber)}, severity ${severityLabel(severity).toLowerCase()}: ${reason}`,
        },
      });
      await logActivity(tx, {
        schoolId: facts.schoolId,
        actorId: facts.actorId,
        caseId: facts.caseId,
        entity: "Escalation",
        entityId: open.id,
        action: "escalation.severity_raised",
        summary: `Escalation raised after the ${ordinal(facts.failureNumber)} failure`,
        before: { severity: open.severity, failureNumber: open.failureNumber },
        after: { severity, failureNumber },
      });
      await notify(tx, {
        userIds: recipients,
        schoolId: facts.schoolId,
        caseId: facts.caseId,
        kind: "ESCALATION_RAISED",
        title: `${facts.studentName}: escalation raised`,
        body: reason,
        link: `/cases/${facts.caseId}/escalations`,
        dedupeKey: `escalation:${open.id}:failure:${facts.attemptId}`,
      });
      await mailEscalationRaised(tx, open.id);
      return open.id;
    }
  }

  // The staff member who recorded the failure raised it (and is told the outcome); a student recording
  // their own result raises nothing: students never see escalations.
  const staffKey = `${facts.actorId}:${facts.schoolId}`;
  if (facts.actorId && !lookups.staff.has(staffKey)) lookups.staff.set(staffKey, await isStaffAt(tx, facts.actorId, facts.schoolId));
  const raisedById = facts.actorId && lookups.staff.get(staffKey) ? facts.actorId : null;
  const trigger = facts.failureNumber >= 3 ? "THIRD_FAILURE" : "SECOND_FAILURE";
  const due = escalationDueDates(facts.today, facts.settings);
  const escalation = await tx.escalation.create({
    data: {
      schoolId: facts.schoolId,
      caseId: facts.caseId,
      trigger,
      triggerAttemptId: facts.attemptId,
      failureNumber: facts.failureNumber,
      severity: escalationSeverity(await currentRiskRank(tx, facts.caseId, facts.today), facts.failureNumber),
      reason,
      raisedById,
      ...due,
      events: { create: { actorId: facts.actorId, kind: "CREATED", toStatus: "OPEN", note: reason } },
    },
    select: { id: true },
  });
  await logActivity(tx, {
    schoolId: facts.schoolId,
    actorId: facts.actorId,
    caseId: facts.caseId,
    entity: "Escalation",
    entityId: escalation.id,
    action: "escalation.opened",
    summary: `Escalated to the office: ${reason}`,
    after: { trigger, ...due },
  });
  await notify(tx, {
    userIds: recipients,
    schoolId: facts.schoolId,
    caseId: facts.caseId,
    kind: "ESCALATION_OPENED",
    title: `${facts.studentName}: escalated to the office`,
    body: reason,
    link: `/cases/${facts.caseId}/escalations`,
    dedupeKey: `escalation:${escalation.id}:opened`,
  });
  await mailEscalationRaised(tx, escalation.id);
  return escalation.id;
}
