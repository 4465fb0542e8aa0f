/**
 * One rule for the severity of an escalation the rules raised (a second,
 * third or later failure): the case's current risk level, never below the
 * level its failure count implies (docs/decisions/0023). Applied when the
 * escalation is raised, when a later failure raises it again, and whenever
 * the case's risk is derived afresh, so the escalation and the case's risk
 * level never disagree. An escalation raised by hand keeps its own severity.
 */

import { failureCountLevel, RISK_RANK } from "#app/domain/risk/engine";
import { RISK_LEVEL_LABELS } from "#app/domain/vocabulary";
import { logActivity } from "#app/utils/activity.server";
import type { Tx } from "#app/utils/db.server";
import { escalationTitle, severityLabel } from "./view";

/**
 * The severity (1–4, the risk levels' ranks) of a rule-raised escalation:
 * the case's risk rank (0 when not assessed), never below the failure-count
 * floor (a second failure high, a third or later critical).
 */
export function escalationSeverity(caseRiskRank: number, failureNumber: number): number {
  return Math.max(caseRiskRank, RISK_RANK[failureCountLevel(failureNumber) ?? "HIGH"]);
}

/**
 * Brings the open rule-raised escalations of these cases to the rule, after
 * their risk was derived: each one changed is versioned, gets a SEVERITY event
 * and an activity-log entry, in the caller's transaction.
 */
export async function alignEscalationSeverity(tx: Tx, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const open = await tx.escalation.findMany({
    where: { caseId: { in: [...caseIds] }, status: { not: "RESOLVED" }, trigger: { not: "MANUAL" } },
    select: {
      id: true,
      schoolId: true,
      caseId: true,
      trigger: true,
      severity: true,
      failureNumber: true,
      case: { select: { riskRank: true, riskLevel: true } },
    },
  });
  for (const e of open) {
    const failureNumber = e.failureNumber ?? (e.trigger === "THIRD_FAILURE" ? 3 : 2);
    const severity = escalationSeverity(e.case.riskRank, failureNumber);
    if (severity === e.severity) continue;
    const risk = e.case.riskLevel ? RISK_LEVEL_LABELS[e.case.riskLevel].toLowerCase() : "not assessed";
    const note = `${escalationTitle(e.trigger, failureNumber)}, severity ${severityLabel(severity).toLowerCase()}: the case's risk level is ${risk}.`;
    await tx.escalation.update({ where: { id: e.id }, data: { severity, version: { increment: 1 } } });
    await tx.escalationEvent.create({ data: { escalationId: e.id, actorId: null, kind: "SEVERITY", note } });
    await logActivity(tx, {
      schoolId: e.schoolId,
      actorId: null,
      caseId: e.caseId,
      entity: "Escalation",
      entityId: e.id,
      action: "escalation.severity_changed",
      summary: `Escalation severity ${severity > e.severity ? "raised" : "lowered"} to ${severityLabel(severity).toLowerCase()} with the case's risk level`,
      before: { severity: e.severity },
      after: { severity },
    });
  }
}
