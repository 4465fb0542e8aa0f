/**
 * Escalation mail (ADR 0013): when an escalation is raised, and when it is
 * overdue, its owner — or, while it has none, the school's office — gets a
 * message that something needs attention, with a link. Student details stay
 * behind the sign-in.
 */

import { formatDate, type IsoDate } from "#app/domain/dates";
import { appUrl, enqueueMail } from "#app/domain/mail/outbox.server";
import { escalationOverdueMail, escalationRaisedMail } from "#app/domain/mail/templates";
import { type ExamId, examLabel } from "#app/domain/reference";
import { OFFICE_ROLES } from "#app/domain/vocabulary";
import type { Tx } from "#app/utils/db.server";
import { allowedOrigins } from "#app/utils/env.server";
import { schoolMembers } from "./members.server";

const origin = () => allowedOrigins()[0] ?? "http://localhost:3000";

interface EscalationFacts {
  id: string;
  schoolId: string;
  caseId: string;
  ownerId: string | null;
  acknowledgeBy: string;
  resolveBy: string;
  school: { name: string };
  case: { exam: ExamId };
}

async function loadFacts(tx: Tx, escalationId: string): Promise<EscalationFacts> {
  return tx.escalation.findUniqueOrThrow({
    where: { id: escalationId },
    select: {
      id: true,
      schoolId: true,
      caseId: true,
      ownerId: true,
      acknowledgeBy: true,
      resolveBy: true,
      school: { select: { name: true } },
      case: { select: { exam: true } },
    },
  });
}

/** The owner while they are still in the school's office; otherwise everyone in it. Active accounts only. */
async function escalationRecipients(tx: Tx, facts: Pick<EscalationFacts, "schoolId" | "ownerId">) {
  const office = await schoolMembers(tx, facts.schoolId, OFFICE_ROLES);
  const owner = facts.ownerId ? office.filter((m) => m.id === facts.ownerId) : [];
  const ids = (owner.length ? owner : office).map((m) => m.id);
  if (ids.length === 0) return [];
  return tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
}

/** In the transaction that raised the escalation: one message per recipient, never to the person who raised it. */
export async function mailEscalationRaised(tx: Tx, escalationId: string, options: { exceptUserId?: string | null; now?: Date } = {}) {
  const facts = await loadFacts(tx, escalationId);
  const content = escalationRaisedMail({
    schoolName: facts.school.name,
    examLabel: examLabel(facts.case.exam),
    acknowledgeBy: formatDate(facts.acknowledgeBy as IsoDate),
    url: appUrl(origin(), `/cases/${facts.caseId}/escalations`),
  });
  for (const recipient of await escalationRecipients(tx, facts)) {
    if (recipient.id === options.exceptUserId) continue;
    await enqueueMail(
      tx,
      {
        kind: "ESCALATION_RAISED",
        to: recipient.email,
        userId: recipient.id,
        schoolId: facts.schoolId,
        ref: `escalation:${facts.id}`,
        content,
      },
      options.now,
    );
  }
}

export async function mailEscalationOverdue(tx: Tx, escalationId: string, step: "acknowledge" | "resolve", now = new Date()) {
  const facts = await loadFacts(tx, escalationId);
  const dueOn = step === "acknowledge" ? facts.acknowledgeBy : facts.resolveBy;
  const content = escalationOverdueMail({
    schoolName: facts.school.name,
    examLabel: examLabel(facts.case.exam),
    step,
    dueOn: formatDate(dueOn as IsoDate),
    url: appUrl(origin(), `/cases/${facts.caseId}/escalations`),
  });
  const recipients = await escalationRecipients(tx, facts);
  for (const recipient of recipients) {
    await enqueueMail(
      tx,
      {
        kind: "ESCALATION_OVERDUE",
        to: recipient.email,
        userId: recipient.id,
        schoolId: facts.schoolId,
        ref: `escalation:${facts.id}`,
        content,
      },
      now,
    );
  }
  return recipients.length;
}
