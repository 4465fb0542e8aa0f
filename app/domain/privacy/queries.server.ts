/**
 * Every read of findings, session notes and the case timeline goes through
 * here, so the visibility tiers of ./visibility.ts hold in each page, export
 * and API alike. Rows the viewer may not see are never loaded; rows they may
 * see only as "present" lose everything but their kind.
 */

import { FINDING_KINDS, type FindingKind, type Visibility } from "#app/domain/vocabulary";
import type { Tx } from "#app/utils/db.server";
import { prisma } from "#app/utils/db.server";
import type { Prisma } from "#generated/prisma/client";
import type { SourceFinding } from "./derived";
import { findingView, noteView, STUDENT_TIMELINE_ENTITIES, type Viewer, visibleTiers } from "./visibility";

const SENSITIVE_KINDS = (Object.keys(FINDING_KINDS) as FindingKind[]).filter((k) => FINDING_KINDS[k].sensitive);

/** Findings the viewer may read in full (and, with `presentOnly`, those a student sees only as present): an OR filter. */
function readableWhere(viewer: Viewer, options: { presentOnly: boolean }): Prisma.FindingWhereInput[] {
  const or: Prisma.FindingWhereInput[] = [{ authorId: viewer.userId }, { visibility: { in: visibleTiers(viewer) } }];
  if (options.presentOnly && viewer.relation === "STUDENT") or.push({ visibility: "OFFICE", kind: { in: SENSITIVE_KINDS } });
  return or;
}

/** Session notes the viewer may read (their own, and those shared with them): an OR filter. */
function readableNotesWhere(viewer: Viewer): Prisma.SessionNoteWhereInput[] {
  return [{ authorId: viewer.userId }, { visibility: { in: visibleTiers(viewer) } }];
}

export type VisibleFinding =
  | {
      view: "FULL";
      id: string;
      kind: FindingKind;
      severity: number;
      evidence: string;
      visibility: Visibility;
      areaIds: string[];
      authorId: string | null;
      authorName: string | null;
      version: number;
      updatedAt: Date;
    }
  | { view: "PRESENT_ONLY"; id: string; kind: FindingKind };

export async function visibleFindings(caseIds: string | string[], viewer: Viewer, db: Tx = prisma): Promise<VisibleFinding[]> {
  const rows = await db.finding.findMany({
    where: {
      caseId: { in: Array.isArray(caseIds) ? caseIds : [caseIds] },
      deletedAt: null,
      OR: readableWhere(viewer, { presentOnly: true }),
    },
    select: {
      id: true,
      kind: true,
      severity: true,
      evidence: true,
      visibility: true,
      authorId: true,
      version: true,
      updatedAt: true,
      author: { select: { name: true } },
      areas: { select: { contentAreaId: true } },
    },
    orderBy: [{ family: "asc" }, { severity: "desc" }, { createdAt: "asc" }],
  });
  return rows.flatMap((row): VisibleFinding[] => {
    const view = findingView(row, viewer);
    const kind = row.kind as FindingKind;
    if (view === "HIDDEN") return [];
    if (view === "PRESENT_ONLY") return [{ view, id: row.id, kind }];
    return [
      {
        view,
        id: row.id,
        kind,
        severity: row.severity,
        evidence: row.evidence,
        visibility: row.visibility,
        areaIds: row.areas.map((a) => a.contentAreaId),
        authorId: row.authorId,
        authorName: row.author?.name ?? null,
        version: row.version,
        updatedAt: row.updatedAt,
      },
    ];
  });
}

export async function visibleNotes(caseIds: string | string[], viewer: Viewer, db: Tx = prisma) {
  const rows = await db.sessionNote.findMany({
    where: {
      caseId: { in: Array.isArray(caseIds) ? caseIds : [caseIds] },
      deletedAt: null,
      OR: readableNotesWhere(viewer),
    },
    select: {
      id: true,
      caseId: true,
      sessionOn: true,
      body: true,
      visibility: true,
      authorId: true,
      version: true,
      author: { select: { name: true } },
    },
    orderBy: [{ sessionOn: "desc" }, { createdAt: "desc" }],
  });
  return rows.filter((row) => noteView(row, viewer) === "FULL").map(({ author, ...row }) => ({ ...row, authorName: author?.name ?? null }));
}

/**
 * The case's activity as this viewer may read it: a student sees their own
 * record's events only; staff see everything except entries about findings and
 * notes they cannot see.
 */
export async function visibleTimeline(caseId: string, viewer: Viewer, take = 60) {
  const entries = await prisma.activityLog.findMany({
    where: { caseId, ...(viewer.relation === "STUDENT" ? { entity: { in: [...STUDENT_TIMELINE_ENTITIES] } } : {}) },
    select: { id: true, entity: true, entityId: true, action: true, summary: true, createdAt: true, actor: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  if (viewer.relation === "STUDENT") return entries;
  const findingIds = entries.filter((e) => e.entity === "Finding").map((e) => e.entityId);
  const noteIds = entries.filter((e) => e.entity === "SessionNote").map((e) => e.entityId);
  const [findings, notes] = await Promise.all([
    findingIds.length
      ? prisma.finding.findMany({
          where: { id: { in: findingIds }, OR: readableWhere(viewer, { presentOnly: false }) },
          select: { id: true },
        })
      : Promise.resolve([]),
    noteIds.length
      ? prisma.sessionNote.findMany({
          where: { id: { in: noteIds }, OR: readableNotesWhere(viewer) },
          select: { id: true },
        })
      : Promise.resolve([]),
  ]);
  const readable = new Set([...findings, ...notes].map((r) => r.id));
  return entries.filter((e) => (e.entity !== "Finding" && e.entity !== "SessionNote") || readable.has(e.entityId));
}

/**
 * The cases' findings as the tiers of derived items are decided from them
 * (./derived.ts), deleted ones included and marked: kind, tier and author
 * only, never shown to anyone. Keyed by case.
 */
export async function derivationSources(caseIds: readonly string[], db: Tx = prisma): Promise<Map<string, Map<string, SourceFinding>>> {
  const rows = caseIds.length
    ? await db.finding.findMany({
        where: { caseId: { in: [...caseIds] } },
        select: { id: true, caseId: true, kind: true, visibility: true, authorId: true, deletedAt: true },
      })
    : [];
  const byCase = new Map<string, Map<string, SourceFinding>>(caseIds.map((id) => [id, new Map()]));
  for (const row of rows) {
    byCase.get(row.caseId)?.set(row.id, {
      id: row.id,
      kind: row.kind,
      visibility: row.visibility,
      authorId: row.authorId,
      deleted: row.deletedAt !== null,
    });
  }
  return byCase;
}

/**
 * A case's session records as this viewer may read them (docs/decisions/0024).
 * Staff see every session's facts (kind, date, duration, attendance: the case's
 * record, as the date of a note is); its summary and next steps only when the
 * session's tier lets them read it (`noteView`), else they are left out. A
 * student sees the sessions scheduled with them and the ones shared with them.
 */
export async function visibleSessions(caseIds: string | string[], viewer: Viewer, db: Tx = prisma) {
  const student = viewer.relation === "STUDENT";
  const rows = await db.sessionRecord.findMany({
    where: {
      caseId: { in: Array.isArray(caseIds) ? caseIds : [caseIds] },
      deletedAt: null,
      ...(student ? { OR: [{ status: "SCHEDULED" }, { visibility: "STUDENT" }] } : {}),
    },
    select: {
      id: true,
      caseId: true,
      status: true,
      kind: true,
      sessionOn: true,
      startTime: true,
      durationMinutes: true,
      attendance: true,
      summary: true,
      visibility: true,
      authorId: true,
      version: true,
      author: { select: { name: true } },
      nextSteps: { select: { id: true, text: true, dueOn: true, doneOn: true, version: true }, orderBy: { position: "asc" } },
    },
    orderBy: [{ sessionOn: "desc" }, { createdAt: "desc" }],
  });
  return rows.map(({ author, summary, nextSteps, ...row }) => {
    const readable = row.status === "SCHEDULED" || noteView(row, viewer) === "FULL";
    return {
      ...row,
      authorName: author?.name ?? null,
      readable,
      summary: readable ? summary : null,
      nextSteps: readable ? nextSteps : [],
    };
  });
}
