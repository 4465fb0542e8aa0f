/**
 * Turns a diagnosis into the generator's focus candidates: Lower areas first
 * (weighted by outline weight, more when the weakness persisted across
 * attempts), the reasoning patterns the clusters point to, and the strong
 * areas to keep on light review.
 */
import { type DiagnosisAnalysis, isStrongBand, isWeakBand } from "#app/domain/diagnostics/analysis";
import { contentArea } from "#app/domain/reference";
import type { Band } from "#app/domain/vocabulary";
import type { FocusCandidate } from "./generator";

/** A weakness that survived a retake weighs this much more. */
export const PERSISTING_WEIGHT = 1.5;
/** Middle-band areas join the focus only when there are fewer Lower areas than this. */
const MIN_LOWER_AREAS = 3;
/** Middle-band areas count at this share of their weight. */
const MIDDLE_BAND_WEIGHT = 0.5;

export function focusFromDiagnosis(
  analysis: DiagnosisAnalysis,
  reported: ReadonlyArray<{ areaId: string; band: Band }>,
): { focusCandidates: FocusCandidate[]; strongAreas: Array<{ key: string; label: string }> } {
  const persisting = new Set(analysis.comparison?.persistingWeakAreas.map((a) => a.id) ?? []);
  const lower = analysis.weakestAreas.filter((a) => isWeakBand(a.band));
  const middle =
    lower.length < MIN_LOWER_AREAS ? analysis.weakestAreas.filter((a) => !isWeakBand(a.band)).slice(0, MIN_LOWER_AREAS - lower.length) : [];
  const areas: FocusCandidate[] = [...lower, ...middle].map((a) => ({
    key: a.id,
    label: a.name,
    kind: "AREA",
    areaIds: [a.id],
    weight: a.weight * (isWeakBand(a.band) ? 1 : MIDDLE_BAND_WEIGHT) * (persisting.has(a.id) ? PERSISTING_WEIGHT : 1),
  }));
  const patterns: FocusCandidate[] = analysis.clusters
    .filter((c) => c.pointsTo === "STRATEGY" || c.kind === "DISCIPLINE_ACROSS_SYSTEMS")
    .map((c) => ({
      key: `cluster:${c.kind}`,
      label: c.title,
      kind: c.pointsTo === "STRATEGY" ? "STRATEGY" : "CLUSTER",
      areaIds: c.areas.map((a) => a.id),
      weight: c.areas.reduce((sum, a) => sum + a.weight, 0) / Math.max(1, c.areas.length),
    }));
  const candidates = [...patterns, ...areas].sort((a, b) => b.weight - a.weight);
  const strongAreas = reported
    .filter((r) => isStrongBand(r.band))
    .map((r) => ({ key: r.areaId, label: contentArea(r.areaId)?.name ?? r.areaId }));
  return { focusCandidates: candidates, strongAreas };
}
