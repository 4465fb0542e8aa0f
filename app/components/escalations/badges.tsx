import { ESCALATION_STATUS_LABELS, type EscalationStatus } from "#app/domain/vocabulary";

const statusTone: Record<EscalationStatus, string> = {
  OPEN: "bg-red-100 text-red-900",
  ACKNOWLEDGED: "bg-amber-100 text-amber-900",
  IN_PROGRESS: "bg-sky-100 text-sky-900",
  RESOLVED: "bg-emerald-100 text-emerald-900",
};

export function EscalationStatusBadge({ status }: { status: EscalationStatus }) {
  return <span className={`badge ${statusTone[status]}`}>{ESCALATION_STATUS_LABELS[status]}</span>;
}

/** A missed deadline, said in words (never by colour alone). */
export function OverdueBadge({ label }: { label: string }) {
  return <span className="badge bg-red-700 text-white">{label}</span>;
}
