/**
 * Rules around a finding that are not its form: who may change it, and what
 * its history in the activity log records. Pure, so the UI can hide what the
 * server would refuse anyway.
 */
import { findingView, type Viewer } from "#app/domain/privacy/visibility";
import {
  FINDING_FAMILIES,
  FINDING_FAMILY_LABELS,
  FINDING_KIND_IDS,
  FINDING_KINDS,
  type FindingFamily,
  type FindingKind,
  type Visibility,
} from "#app/domain/vocabulary";

/** Only its author or the school's office may edit or delete a finding, and only one they can read in full. */
export function canManageFinding(finding: { authorId: string | null; visibility: Visibility; kind: string }, viewer: Viewer): boolean {
  if (viewer.relation === "STUDENT") return false;
  if (findingView(finding, viewer) !== "FULL") return false;
  return finding.authorId === viewer.userId || viewer.relation === "OFFICE";
}

interface FindingSnapshot {
  kind: FindingKind;
  severity: number;
  visibility: Visibility;
  evidence: string;
  areaIds: readonly string[];
}

/**
 * Before and after of a finding's edit for the activity log: kind, severity,
 * visibility and linked areas as values; the evidence only as "changed",
 * because it may hold sensitive text.
 */
export function findingChange(before: FindingSnapshot, after: FindingSnapshot) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of ["kind", "severity", "visibility"] as const) {
    if (before[key] !== after[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  const sortedBefore = [...before.areaIds].sort();
  const sortedAfter = [...after.areaIds].sort();
  if (sortedBefore.join("|") !== sortedAfter.join("|")) {
    b.areaIds = sortedBefore;
    a.areaIds = sortedAfter;
  }
  const evidenceChanged = before.evidence.trim() !== after.evidence.trim();
  if (evidenceChanged) a.evidenceChanged = true;
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

/** Finding kinds grouped by family, for a select with option groups. */
export function findingKindGroups(): {
  family: FindingFamily;
  label: string;
  kinds: { id: FindingKind; label: string; sensitive: boolean }[];
}[] {
  return FINDING_FAMILIES.map((family) => ({
    family,
    label: FINDING_FAMILY_LABELS[family],
    kinds: FINDING_KIND_IDS.filter((k) => FINDING_KINDS[k].family === family).map((id) => ({
      id,
      label: FINDING_KINDS[id].label,
      sensitive: FINDING_KINDS[id].sensitive,
    })),
  }));
}

export const SEVERITY_LABELS: Record<1 | 2 | 3, string> = {
  1: "1 · minor",
  2: "2 · moderate",
  3: "3 · major",
};
