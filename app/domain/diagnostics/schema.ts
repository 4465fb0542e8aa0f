/**
 * Form schemas for the Diagnostics tab: the score-report entry and a finding.
 * Both are factories taking the case's exam, so the server validates area ids
 * against that exam's outline. Every problem is reported at its field
 * (["areas", i, "band"], ["areaIds", j]) in one pass, so the form keeps the
 * rest of what was typed and nothing is saved half.
 */
import { z } from "zod";
import { contentAreasFor, type ExamId, examInfo } from "#app/domain/reference";
import { blankToUndefined } from "#app/domain/text";
import {
  BAND_LABELS,
  BAND_SCALES,
  BANDS,
  type Band,
  type BandScale,
  FINDING_KIND_IDS,
  type FindingKind,
  REFERENCE_GROUPS,
  VISIBILITIES,
} from "#app/domain/vocabulary";
import type { ReportedBand } from "./analysis";

/** Longest free-text note on how far from passing. */
export const DISTANCE_NOTE_MAX = 500;
/** Longest label as printed on the report. */
export const PRINTED_LABEL_MAX = 200;
/** Longest evidence text of a finding. */
export const EVIDENCE_MAX = 2000;

export const BAND_SCALE_IDS = Object.keys(BAND_SCALES) as BandScale[];

const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

/** The ids a report or finding for `exam` may name: its outline, legacy areas included for older reports. */
export function knownAreaIds(exam: ExamId): Set<string> {
  return new Set(contentAreasFor(exam, { includeLegacy: true }).map((a) => a.id));
}

// ---------------------------------------------------------------------------
// Score report
// ---------------------------------------------------------------------------

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

function isBandScale(value: unknown): value is BandScale {
  return typeof value === "string" && (BAND_SCALE_IDS as string[]).includes(value);
}

/**
 * The cross-field rules of a score report: each area belongs to the exam, is
 * entered once, and its band is on the chosen scale (LEGACY has Borderline,
 * CURRENT has Same). Takes the raw value defensively because it also runs when
 * other fields already failed, so all errors show at once.
 */
export function scoreReportIssues(exam: ExamId, value: unknown): FieldIssue[] {
  if (typeof value !== "object" || value === null) return [];
  const { bandScale, areas } = value as { bandScale?: unknown; areas?: unknown };
  if (!Array.isArray(areas)) return [];
  const known = knownAreaIds(exam);
  const scale: readonly Band[] | null = isBandScale(bandScale) ? BAND_SCALES[bandScale] : null;
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  areas.forEach((entry: unknown, i) => {
    if (typeof entry !== "object" || entry === null) return;
    const { areaId, band } = entry as { areaId?: unknown; band?: unknown };
    if (typeof areaId === "string") {
      if (!known.has(areaId)) issues.push({ path: ["areas", i, "areaId"], message: `Not a content area of ${examInfo(exam).label}` });
      else if (seen.has(areaId)) issues.push({ path: ["areas", i, "areaId"], message: "This area is already in the report" });
      seen.add(areaId);
    }
    if (scale && typeof band === "string" && (BANDS as readonly string[]).includes(band) && !scale.includes(band as Band)) {
      const allowed = scale.map((b) => BAND_LABELS[b]).join(" / ");
      issues.push({ path: ["areas", i, "band"], message: `${BAND_LABELS[band as Band]} is not on this report's scale (${allowed})` });
    }
  });
  return issues;
}

const areaEntrySchema = z.object({
  areaId: z.string().trim().min(1, "Choose a content area"),
  /** "" means not reported (never "Same"); parsed to null. */
  band: z
    .enum([...BANDS, ""], { error: "Choose a band or leave it blank" })
    .optional()
    .transform((b): Band | null => (b === undefined || b === "" ? null : b)),
  printedLabel: optionalText(PRINTED_LABEL_MAX),
  /** Overrides the report's reference group for this area. */
  referenceGroup: z.preprocess(blankToUndefined, z.enum(REFERENCE_GROUPS).optional()),
});

/** The score-report entry form of a case's attempt on `exam`. */
export function scoreReportSchema(exam: ExamId) {
  const { scaleMax, label } = examInfo(exam);
  return z
    .object({
      attemptId: z.string().trim().min(1, "Choose the attempt"),
      bandScale: z.enum(BAND_SCALE_IDS, { error: "Choose the report's band scale" }),
      referenceGroup: z.enum(REFERENCE_GROUPS, { error: "Choose what the bands compare with" }),
      distanceFromPassing: z.preprocess(
        blankToUndefined,
        z.coerce
          .number({ error: "Enter a whole number of points" })
          .int("Enter a whole number of points")
          .min(0, "Enter 0 or more points")
          .max(scaleMax, `At most ${scaleMax} points on the ${label} scale`)
          .optional(),
      ),
      distanceNote: optionalText(DISTANCE_NOTE_MAX),
      areas: z.array(areaEntrySchema).default([]),
    })
    .superRefine(
      (value, ctx) => {
        for (const issue of scoreReportIssues(exam, value)) ctx.addIssue({ code: "custom", ...issue });
      },
      { when: () => true },
    );
}

export type ScoreReportForm = z.output<ReturnType<typeof scoreReportSchema>>;

/** The reported areas of a parsed form, blanks dropped and the default reference group applied: what gets saved and analysed. */
export function reportedBands(form: ScoreReportForm): (ReportedBand & { printedLabel: string | null })[] {
  return form.areas.flatMap((a) =>
    a.band === null
      ? []
      : [{ areaId: a.areaId, band: a.band, referenceGroup: a.referenceGroup ?? form.referenceGroup, printedLabel: a.printedLabel ?? null }],
  );
}

// ---------------------------------------------------------------------------
// Finding
// ---------------------------------------------------------------------------

/** Only content gaps are linked to areas (strategy, method and external factors cut across them). */
const AREA_LINKED_KINDS: readonly FindingKind[] = ["CONTENT_GAP"];

/** Cross-field rules of a finding: areas only for content gaps, and only the exam's areas. */
export function findingIssues(exam: ExamId, value: unknown): FieldIssue[] {
  if (typeof value !== "object" || value === null) return [];
  const { kind, areaIds } = value as { kind?: unknown; areaIds?: unknown };
  if (!Array.isArray(areaIds) || areaIds.length === 0) return [];
  const issues: FieldIssue[] = [];
  if (typeof kind === "string" && (FINDING_KIND_IDS as string[]).includes(kind) && !AREA_LINKED_KINDS.includes(kind as FindingKind)) {
    issues.push({ path: ["areaIds"], message: "Only a content gap is linked to content areas" });
  }
  const known = knownAreaIds(exam);
  areaIds.forEach((id: unknown, j) => {
    if (typeof id === "string" && !known.has(id))
      issues.push({ path: ["areaIds", j], message: `Not a content area of ${examInfo(exam).label}` });
  });
  return issues;
}

/** A single checkbox arrives as a string, none as nothing. */
function toList(value: unknown): unknown {
  if (value === undefined || value === null || value === "") return [];
  return typeof value === "string" ? [value] : value;
}

/** The finding form of a case on `exam`. */
export function findingSchema(exam: ExamId) {
  return z
    .object({
      kind: z.enum(FINDING_KIND_IDS, { error: "Choose the kind of finding" }),
      severity: z.coerce
        .number({ error: "Choose a severity from 1 to 3" })
        .int("Choose a severity from 1 to 3")
        .min(1, "Choose a severity from 1 to 3")
        .max(3, "Choose a severity from 1 to 3")
        .pipe(z.literal([1, 2, 3])),
      evidence: z
        .string({ error: "Describe the evidence" })
        .trim()
        .min(1, "Describe the evidence")
        .max(EVIDENCE_MAX, `At most ${EVIDENCE_MAX} characters`),
      visibility: z.enum(VISIBILITIES, { error: "Choose who can see this finding" }),
      areaIds: z.preprocess(
        toList,
        z.array(z.string().trim().min(1)).transform((ids) => [...new Set(ids)]),
      ),
    })
    .superRefine(
      (value, ctx) => {
        for (const issue of findingIssues(exam, value)) ctx.addIssue({ code: "custom", ...issue });
      },
      { when: () => true },
    );
}

export type FindingForm = z.output<ReturnType<typeof findingSchema>>;
