/**
 * Who sees which finding and session note (FERPA; docs/product.md "Privacy"). This
 * is the one place the visibility tiers are decided; every query that reads
 * findings or notes goes through ./queries.server.ts, which applies it.
 *
 * Tiers are cumulative: PRIVATE (the author only) < OFFICE (staff on the case:
 * the school's office and the assigned tutor) < STUDENT (also the student).
 * A sensitive finding (anxiety, health, well-being, finances, family) that is
 * not shared with someone shows to them only as "present".
 */
import { FINDING_KINDS, type FindingKind, type Visibility } from "#app/domain/vocabulary";

export type ViewerRelation = "OFFICE" | "TUTOR" | "STUDENT";

export interface Viewer {
  userId: string;
  relation: ViewerRelation;
}

export type RecordView = "FULL" | "PRESENT_ONLY" | "HIDDEN";

export function isSensitiveKind(kind: string): boolean {
  return kind in FINDING_KINDS && FINDING_KINDS[kind as FindingKind].sensitive;
}

const isStaff = (viewer: Viewer) => viewer.relation === "OFFICE" || viewer.relation === "TUTOR";

/** Whether the record's tier is shared with this viewer. */
export function sharedWith(visibility: Visibility, viewer: Viewer): boolean {
  if (visibility === "STUDENT") return true;
  if (visibility === "OFFICE") return isStaff(viewer);
  return false;
}

export function findingView(finding: { authorId: string | null; visibility: Visibility; kind: string }, viewer: Viewer): RecordView {
  if (finding.authorId !== null && finding.authorId === viewer.userId) return "FULL";
  if (finding.visibility === "PRIVATE") return "HIDDEN";
  if (sharedWith(finding.visibility, viewer)) return "FULL";
  return isSensitiveKind(finding.kind) ? "PRESENT_ONLY" : "HIDDEN";
}

export function noteView(note: { authorId: string | null; visibility: Visibility }, viewer: Viewer): RecordView {
  if (note.authorId !== null && note.authorId === viewer.userId) return "FULL";
  return sharedWith(note.visibility, viewer) ? "FULL" : "HIDDEN";
}

/** The visibilities whose records a viewer may see in full (besides their own). */
export function visibleTiers(viewer: Viewer): Visibility[] {
  return viewer.relation === "STUDENT" ? ["STUDENT"] : ["OFFICE", "STUDENT"];
}

/** Activity-log entities a student's timeline may show (their own record, not staff deliberations). */
export const STUDENT_TIMELINE_ENTITIES = ["ExamAttempt", "RetakeCase", "Plan", "PracticeExam", "CheckIn"] as const;
