/**
 * Plan measures carry the tier of the findings they come from (ADR 0014).
 *
 * - Saving a version (`withProvenance`): each measure is derived from the
 *   case's findings its author can read whose kind calls for it — by the
 *   generator's table (MEASURES_BY_FINDING, matched on the title) or because
 *   the editor says it answers that kind — and stores them with their tier.
 *   A measure no finding calls for is the author's own text for the student.
 * - Reading a version (`viewContent`): each viewer gets the measures whose
 *   every source they may see; a student gets, once, the neutral words of
 *   the product for measures answering a sensitive finding shown to them only
 *   as present; the rest is left out, and measures hidden from an editor are
 *   kept when they save (`hiddenMeasures`).
 */
import { STUDENT_PRESENT_ONLY_WORDS } from "#app/domain/diagnostics/student-view";
import { derivedView, type Provenance, provenanceOf, type SourceFinding } from "#app/domain/privacy/derived";
import { isSensitiveKind, type Viewer } from "#app/domain/privacy/visibility";
import { FINDING_KIND_IDS, type FindingKind } from "#app/domain/vocabulary";
import { MEASURES_BY_FINDING, measureTemplate } from "./resources";
import type { PlanContent, PlanMeasure, StoredMeasure, ViewedMeasure, ViewedPlanContent } from "./schema";

const titleKey = (title: string) => title.trim().toLowerCase();

/** Finding kinds whose generated measures have this title. */
const KINDS_BY_TITLE: ReadonlyMap<string, readonly FindingKind[]> = (() => {
  const map = new Map<string, FindingKind[]>();
  for (const kind of FINDING_KIND_IDS) {
    for (const id of MEASURES_BY_FINDING[kind]) {
      const key = titleKey(measureTemplate(id).title);
      map.set(key, [...(map.get(key) ?? []), kind]);
    }
  }
  return map;
})();

/** The findings (of those given) that call for this measure. */
export function findingsCallingFor(
  measure: Pick<PlanMeasure, "title" | "findingKind">,
  findings: readonly SourceFinding[],
): SourceFinding[] {
  const kinds = new Set<string>([measure.findingKind, ...(KINDS_BY_TITLE.get(titleKey(measure.title)) ?? [])]);
  return findings.filter((f) => !f.deleted && kinds.has(f.kind));
}

/**
 * The measures as they are saved by someone who can read `readable` (the
 * case's findings they see in full): each with its provenance, and with the
 * finding kind it answers taken from a source when the one given is not.
 */
export function withProvenance(measures: readonly PlanMeasure[], readable: readonly SourceFinding[]): StoredMeasure[] {
  return measures.map(({ findingKind, title, description }) => {
    const candidates = findingsCallingFor({ title, findingKind }, readable);
    const provenance = provenanceOf(candidates);
    const sources = candidates.filter((c) => provenance.sources.includes(c.id));
    const kind = sources.some((s) => s.kind === findingKind) || sources.length === 0 ? findingKind : (sources[0].kind as FindingKind);
    return { findingKind: kind, title, description, provenance };
  });
}

/**
 * A measure saved before measures stored their provenance: derived, as now,
 * from the findings that call for it — or, when none does any more, treated
 * as private to whoever saved the version (unknown means most restrictive).
 */
function legacyProvenance(measure: StoredMeasure, findings: readonly SourceFinding[], savedBy: string | null): Provenance {
  const candidates = findingsCallingFor(measure, findings);
  if (candidates.length > 0) return provenanceOf(candidates);
  return { tier: "PRIVATE", sources: [], owners: savedBy ? [savedBy] : [] };
}

function measureView(measure: StoredMeasure, findings: ReadonlyMap<string, SourceFinding>, viewer: Viewer, savedBy: string | null) {
  const provenance = measure.provenance ?? legacyProvenance(measure, [...findings.values()], savedBy);
  return derivedView(provenance, findings, viewer, isSensitiveKind(measure.findingKind));
}

/**
 * A version's content as `viewer` may see it. `findings` are the case's
 * findings (deleted ones included, marked), `savedBy` who saved the version.
 */
export function viewContent(
  content: PlanContent,
  findings: ReadonlyMap<string, SourceFinding>,
  viewer: Viewer,
  savedBy: string | null,
): ViewedPlanContent {
  const measures: ViewedMeasure[] = [];
  let presentOnly = false;
  for (const measure of content.measures) {
    const { view, tier } = measureView(measure, findings, viewer, savedBy);
    if (view === "FULL")
      measures.push({ findingKind: measure.findingKind, title: measure.title, description: measure.description, audience: tier });
    else if (view === "PRESENT_ONLY") presentOnly = true;
  }
  return { ...content, measures, supportNote: presentOnly ? { ...STUDENT_PRESENT_ONLY_WORDS } : null };
}

/**
 * The stored measures `viewer` does not see: an edit by them keeps these as
 * they are (a measure saved before provenance existed gets it now, judged for
 * the version it comes from).
 */
export function hiddenMeasures(
  content: PlanContent,
  findings: ReadonlyMap<string, SourceFinding>,
  viewer: Viewer,
  savedBy: string | null,
): StoredMeasure[] {
  return content.measures
    .filter((m) => measureView(m, findings, viewer, savedBy).view !== "FULL")
    .map((m) => ({ ...m, provenance: m.provenance ?? legacyProvenance(m, [...findings.values()], savedBy) }));
}
