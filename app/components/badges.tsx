import {
  CASE_OUTCOME_LABELS,
  CASE_STATUS_LABELS,
  type CaseOutcome,
  type CaseStatus,
  RISK_LEVEL_LABELS,
  type RiskLevel,
} from "#app/domain/vocabulary";

const statusTone: Record<CaseStatus, string> = {
  INTAKE: "bg-amber-100 text-amber-900",
  DIAGNOSING: "bg-sky-100 text-sky-900",
  PLANNING: "bg-indigo-100 text-indigo-900",
  ACTIVE: "bg-emerald-100 text-emerald-900",
  READY: "bg-teal-100 text-teal-900",
  CLOSED: "bg-slate-200 text-slate-800",
};

export function StatusBadge({ status, outcome }: { status: CaseStatus; outcome?: CaseOutcome | null }) {
  return (
    <span className={`badge ${statusTone[status]}`}>
      {CASE_STATUS_LABELS[status]}
      {status === "CLOSED" && outcome ? ` · ${CASE_OUTCOME_LABELS[outcome]}` : ""}
    </span>
  );
}

const riskTone: Record<RiskLevel, string> = {
  LOW: "bg-emerald-100 text-emerald-900",
  MODERATE: "bg-amber-100 text-amber-900",
  HIGH: "bg-orange-200 text-orange-950",
  CRITICAL: "bg-red-700 text-white",
};

export function RiskBadge({ level }: { level: RiskLevel | null }) {
  if (!level) return <span className="text-slate-500">—</span>;
  return <span className={`badge ${riskTone[level]}`}>{RISK_LEVEL_LABELS[level]}</span>;
}

/** Whether the school's readiness gate is met: the same words and colours wherever a case shows it. */
export function ReadinessBadge({ met }: { met: boolean }) {
  return met ? (
    <span className="badge bg-emerald-100 text-emerald-900">Met</span>
  ) : (
    <span className="badge bg-amber-100 text-amber-900">Not met</span>
  );
}
