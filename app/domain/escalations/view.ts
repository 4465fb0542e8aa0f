/**
 * What the escalation pages render, as plain serialisable shapes, and how each
 * history event reads ("Acknowledged → In progress", "Counselling referral on
 * 3 Mar 2026"). Pure, so the words are unit-tested and safe on the client.
 */

import { formatDate, type IsoDate } from "#app/domain/dates";
import { type RiskSeverity, SEVERITY_LEVEL } from "#app/domain/risk/engine";
import { ordinal } from "#app/domain/text";
import {
  ACCOMMODATION_STATUS_LABELS,
  type AccommodationStatus,
  ESCALATION_ACTIONS,
  ESCALATION_STATUS_LABELS,
  type EscalationAction,
  type EscalationStatus,
  type EscalationTrigger,
  RISK_LEVEL_LABELS,
} from "#app/domain/vocabulary";
import type { OverdueState } from "./workflow";

export const ESCALATION_TRIGGER_LABELS: Record<EscalationTrigger, string> = {
  SECOND_FAILURE: "Second failure",
  THIRD_FAILURE: "Third failure",
  MANUAL: "Raised by hand",
};

const ORDINAL_WORDS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"];

/**
 * An escalation's title: the failure that last raised it ("Fourth failure"
 * once a fourth failure raised an escalation a second one opened), so it
 * follows the student; the trigger's own words when the number is unknown.
 */
export function escalationTitle(trigger: EscalationTrigger, failureNumber: number | null): string {
  if (trigger === "MANUAL" || failureNumber === null || failureNumber < 1) return ESCALATION_TRIGGER_LABELS[trigger];
  return `${ORDINAL_WORDS[failureNumber - 1] ?? ordinal(failureNumber)} failure`;
}

/** An escalation's severity (1–4) in the words of the risk level it matches: "Low" … "Critical". */
export function severityLabel(severity: number): string {
  return severity in SEVERITY_LEVEL ? RISK_LEVEL_LABELS[SEVERITY_LEVEL[severity as RiskSeverity]] : `Level ${severity}`;
}

export interface EscalationEventView {
  id: string;
  kind: string;
  actorName: string | null;
  /** ISO instant. */
  at: string;
  fromStatus: EscalationStatus | null;
  toStatus: EscalationStatus | null;
  action: string | null;
  actionOn: IsoDate | null;
  accommodationStatus: AccommodationStatus | null;
  note: string | null;
}

/** What the queue's row and the full view both say of an escalation. */
export interface EscalationHeadline {
  id: string;
  caseId: string;
  studentName: string;
  exam: string;
  trigger: EscalationTrigger;
  /** "Fourth failure", "Raised by hand": see `escalationTitle`. */
  title: string;
  severity: number;
  status: EscalationStatus;
  acknowledgeBy: IsoDate;
  resolveBy: IsoDate;
  resolvedAt: string | null;
  createdAt: string;
  overdue: OverdueState;
  overdueLabel: string | null;
}

export interface EscalationView extends EscalationHeadline {
  schoolId: string;
  reason: string;
  outcome: string | null;
  acknowledgedAt: string | null;
  version: number;
  owner: { id: string; name: string } | null;
  raisedBy: { id: string; name: string } | null;
  events: EscalationEventView[];
}

export interface EscalationQueueRow extends EscalationHeadline {
  ownerId: string | null;
  ownerName: string | null;
}

export function actionLabel(action: string | null): string {
  return action && action in ESCALATION_ACTIONS ? ESCALATION_ACTIONS[action as EscalationAction] : "Action";
}

const status = (s: EscalationStatus) => ESCALATION_STATUS_LABELS[s];

/** One history line: what happened, and the text that goes with it (note, outcome, reason). */
export function describeEvent(event: EscalationEventView, trigger: EscalationTrigger): { what: string; detail: string | null } {
  switch (event.kind) {
    case "CREATED":
      return {
        what: trigger === "MANUAL" ? "Escalated to the office by hand" : "Opened automatically when the failure was recorded",
        detail: event.note,
      };
    case "STATUS":
      return {
        what: event.fromStatus && event.toStatus ? `Status: ${status(event.fromStatus)} → ${status(event.toStatus)}` : "Status changed",
        detail: event.note ? (event.toStatus === "RESOLVED" ? `Outcome: ${event.note}` : event.note) : null,
      };
    case "ACTION": {
      const parts = [`${actionLabel(event.action)}${event.actionOn ? ` on ${formatDate(event.actionOn)}` : ""}`];
      if (event.accommodationStatus) parts.push(`status ${ACCOMMODATION_STATUS_LABELS[event.accommodationStatus].toLowerCase()}`);
      if (event.fromStatus && event.toStatus)
        parts.push(`escalation ${status(event.fromStatus).toLowerCase()} → ${status(event.toStatus).toLowerCase()}`);
      return { what: parts.join("; "), detail: event.note };
    }
    case "OWNER":
      return { what: event.note ?? "Owner changed", detail: null };
    case "SEVERITY":
      return { what: "Severity raised", detail: event.note };
    case "NOTE":
      return { what: "Note", detail: event.note };
    default:
      return { what: event.kind, detail: event.note };
  }
}
