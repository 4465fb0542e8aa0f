/**
 * A school's own rules: what each failure means there (the policy ladder), the
 * readiness gate, escalation time limits and an optional attempt limit stricter
 * than USMLE's. Defaults follow the common pattern of school policies
 * (docs/domain.md §6.1); every school can change them.
 */
import { DEFAULT_READINESS_GATE, type ReadinessGate, readinessGateOrDefault } from "#app/domain/trajectory/readiness";
import { POLICY_CONSEQUENCES, type PolicyConsequence } from "#app/domain/vocabulary";

export interface PolicyRung {
  failureNumber: number;
  consequence: PolicyConsequence;
  description: string;
}

export interface SchoolSettings {
  readinessGate: ReadinessGate;
  acknowledgeWithinBusinessDays: number;
  resolveWithinBusinessDays: number;
  schoolAttemptLimit: number | null;
  policyLadder: PolicyRung[];
}

export const DEFAULT_POLICY_LADDER: readonly PolicyRung[] = [
  {
    failureNumber: 1,
    consequence: "WARNING",
    description: "The student meets the academic-support office and follows an agreed remediation plan.",
  },
  {
    failureNumber: 2,
    consequence: "COMMITTEE_REVIEW",
    description: "The promotions committee reviews the case; a referral to academic support is mandatory.",
  },
  {
    failureNumber: 3,
    consequence: "DISMISSAL_REVIEW",
    description: "The promotions committee considers whether the student can continue in the program.",
  },
];

export const DEFAULT_SCHOOL_SETTINGS: SchoolSettings = {
  readinessGate: DEFAULT_READINESS_GATE,
  acknowledgeWithinBusinessDays: 2,
  resolveWithinBusinessDays: 15,
  schoolAttemptLimit: null,
  policyLadder: [...DEFAULT_POLICY_LADDER],
};

/**
 * The rung for the n-th failure: the exact one, else the highest rung below it
 * (a 4th failure at a school whose ladder stops at 3 keeps the 3rd's meaning).
 */
export function policyFor(ladder: readonly PolicyRung[], failureNumber: number): PolicyRung | null {
  if (failureNumber < 1) return null;
  const sorted = [...ladder].sort((a, b) => a.failureNumber - b.failureNumber);
  let found: PolicyRung | null = null;
  for (const rung of sorted) if (rung.failureNumber <= failureNumber) found = rung;
  return found;
}

export function consequenceLabel(consequence: PolicyConsequence): string {
  return POLICY_CONSEQUENCES[consequence];
}

/** Settings as stored (readiness gate JSON parsed, falling back to defaults). */
export function settingsFromRow(
  row: {
    readinessGate: string;
    acknowledgeWithinBusinessDays: number;
    resolveWithinBusinessDays: number;
    schoolAttemptLimit: number | null;
  } | null,
  ladder: ReadonlyArray<{ failureNumber: number; consequence: string; description: string }>,
): SchoolSettings {
  const policyLadder = ladder
    .filter((r): r is PolicyRung => r.consequence in POLICY_CONSEQUENCES)
    .map((r) => ({ failureNumber: r.failureNumber, consequence: r.consequence, description: r.description }));
  if (!row) return { ...DEFAULT_SCHOOL_SETTINGS, policyLadder: policyLadder.length ? policyLadder : [...DEFAULT_POLICY_LADDER] };
  let gate: unknown = null;
  try {
    gate = JSON.parse(row.readinessGate);
  } catch {
    gate = null;
  }
  return {
    readinessGate: readinessGateOrDefault(gate),
    acknowledgeWithinBusinessDays: row.acknowledgeWithinBusinessDays,
    resolveWithinBusinessDays: row.resolveWithinBusinessDays,
    schoolAttemptLimit: row.schoolAttemptLimit,
    policyLadder,
  };
}
