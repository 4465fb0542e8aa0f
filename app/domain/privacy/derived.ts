/**
 * Tiers of what is derived from findings and notes (ADR 0014). A derived item
 * — a plan measure, a notification — stores where it came from: the records
 * it was derived from and their tier at the time. A viewer sees it only if
 * every source is visible to them (judged by the source's current tier, or by
 * the stored tier once a source is deleted); a student shown a sensitive
 * source only as "present" sees the item only in the product's neutral words.
 * Pure: the read path (e.g. plans/queries.server.ts) loads the sources.
 */
import { z } from "zod";
import { VISIBILITIES, type Visibility } from "#app/domain/vocabulary";
import { findingView, type RecordView, sharedWith, type Viewer } from "./visibility";

/** A finding as derivation reads it. */
export interface SourceFinding {
  id: string;
  kind: string;
  visibility: Visibility;
  authorId: string | null;
  deleted?: boolean;
}

export const provenanceSchema = z.object({
  /** The tier of its sources when it was derived: the most restrictive of them. */
  tier: z.enum(VISIBILITIES),
  /** The findings it was derived from; none for text staff wrote themselves. */
  sources: z.array(z.string().min(1).max(64)).max(50),
  /** For the private tier: the sources' authors, the only ones who may see it. */
  owners: z.array(z.string().min(1).max(64)).max(50).optional(),
});
export type Provenance = z.output<typeof provenanceSchema>;

/** Staff-written text addressed to the student, derived from no finding. */
export const TYPED: Provenance = { tier: "STUDENT", sources: [] };

/** PRIVATE < OFFICE < STUDENT: a higher rank is seen by more people. */
const RANK: Record<Visibility, number> = { PRIVATE: 0, OFFICE: 1, STUDENT: 2 };
const narrowestTier = (tiers: readonly Visibility[]): Visibility =>
  tiers.reduce<Visibility>((a, b) => (RANK[b] < RANK[a] ? b : a), "STUDENT");

/** FULL > PRESENT_ONLY > HIDDEN. */
const VIEW_RANK: Record<RecordView, number> = { HIDDEN: 0, PRESENT_ONLY: 1, FULL: 2 };
const narrowestView = (views: readonly RecordView[]): RecordView =>
  views.reduce<RecordView>((a, b) => (VIEW_RANK[b] < VIEW_RANK[a] ? b : a), "FULL");

/**
 * The provenance of an item that `candidates` call for (the findings the
 * author of the item could read in full). Its presence is itself an inference
 * from every one of them, so it stores them all and the most restrictive of
 * their tiers: a measure a shared and a private finding both call for is the
 * private finding's author's alone.
 */
export function provenanceOf(candidates: readonly SourceFinding[]): Provenance {
  if (candidates.length === 0) return TYPED;
  const tier = narrowestTier(candidates.map((c) => c.visibility));
  const provenance: Provenance = { tier, sources: candidates.map((c) => c.id) };
  if (tier === "PRIVATE") {
    const privateSources = candidates.filter((c) => c.visibility === "PRIVATE");
    provenance.owners = [...new Set(privateSources.flatMap((s) => (s.authorId ? [s.authorId] : [])))];
  }
  return provenance;
}

/** How a viewer sees a stored tier on its own (a source that no longer exists). */
function tierView(provenance: Provenance, sensitive: boolean, viewer: Viewer): RecordView {
  if (provenance.tier === "PRIVATE") return provenance.owners?.includes(viewer.userId) ? "FULL" : "HIDDEN";
  if (sharedWith(provenance.tier, viewer)) return "FULL";
  return sensitive ? "PRESENT_ONLY" : "HIDDEN";
}

interface DerivedView {
  view: RecordView;
  /** Who sees it now: the most restrictive current tier of its sources. */
  tier: Visibility;
}

/**
 * How `viewer` sees a derived item: each source as it is now (a deleted one
 * as it was when the item was derived), the item no more than its least
 * visible source. `sensitive` says whether the item speaks of a sensitive
 * kind, so that a student who sees its sources as "present" gets the neutral
 * words instead.
 */
export function derivedView(
  provenance: Provenance,
  sources: ReadonlyMap<string, SourceFinding>,
  viewer: Viewer,
  sensitive: boolean,
): DerivedView {
  // No sources: the stored tier alone (staff-written text is the student's; an unknown origin is its owner's).
  if (provenance.sources.length === 0) return { view: tierView(provenance, sensitive, viewer), tier: provenance.tier };
  const views: RecordView[] = [];
  const tiers: Visibility[] = [];
  for (const id of provenance.sources) {
    const source = sources.get(id);
    if (source && !source.deleted) {
      views.push(findingView(source, viewer));
      tiers.push(source.visibility);
    } else {
      views.push(tierView(provenance, sensitive, viewer));
      tiers.push(provenance.tier);
    }
  }
  return { view: narrowestView(views), tier: narrowestTier(tiers) };
}
