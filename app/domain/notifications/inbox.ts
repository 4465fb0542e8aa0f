/**
 * What the notification list renders (pure, safe on the client): one item's
 * shape and how each kind of notification is named.
 */

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  caseId: string | null;
  read: boolean;
  /** ISO instant. */
  createdAt: string;
}

const NOTIFICATION_KIND_LABELS: Record<string, string> = {
  ESCALATION_OPENED: "New escalation",
  ESCALATION_RAISED: "Escalation raised in severity",
  ESCALATION_RESOLVED: "Escalation resolved",
  ESCALATION_ASSIGNED: "Escalation assigned to you",
  PRACTICE_LOGGED: "New practice score",
  PLAN_ASSIGNED: "New plan",
  PLAN_ADJUSTED: "Plan changed",
  EXAM_DECISION: "Exam date decision",
};

export function notificationKindLabel(kind: string): string | null {
  return NOTIFICATION_KIND_LABELS[kind] ?? null;
}
