/**
 * The score-report entry form around ./schema.ts: the grid
 * of the exam's content areas from the reference data, grouped by dimension,
 * the form's initial values, and the "printed label" rows that let a tutor
 * type a label exactly as the report prints it ("Microbiology & Immunology")
 * and have it land on its canonical areas.
 *
 * Pure and client-safe: the same schema validates in the browser and on the
 * server.
 */
import { z } from "zod";
import {
  CONTENT_AREA_ALIASES,
  contentAreasByDimension,
  DIMENSION_LABELS,
  DIMENSIONS,
  type Dimension,
  type ExamId,
  examInfo,
  resolveAreaLabel,
} from "#app/domain/reference";
import { BAND_LABELS, BAND_SCALES, BANDS, type Band, type BandScale, REFERENCE_GROUPS, type ReferenceGroup } from "#app/domain/vocabulary";
import type { ReportedBand } from "./analysis";
import { BAND_SCALE_IDS, type FieldIssue, PRINTED_LABEL_MAX, scoreReportSchema } from "./schema";

// ---------------------------------------------------------------------------
// The grid
// ---------------------------------------------------------------------------

export interface GridArea {
  id: string;
  name: string;
  dimension: Dimension;
  /** Only on older outlines (offered for older reports). */
  legacy: boolean;
  /** "12–16%", or null when the outline gives no weight. */
  weightLabel: string | null;
  /** Other labels reports print for this area. */
  aliases: string[];
}

export interface GridDimension {
  dimension: Dimension;
  label: string;
  areas: GridArea[];
}

/**
 * The exam's content areas by dimension (physician tasks, systems,
 * disciplines), in outline order, legacy areas last in their dimension.
 * Dimensions the exam does not report (Step 3 has no disciplines) are absent.
 */
export function reportGrid(exam: ExamId): GridDimension[] {
  const byDimension = contentAreasByDimension(exam, { includeLegacy: true });
  const aliases = aliasesByArea(exam);
  return DIMENSIONS.flatMap((dimension) => {
    const list = byDimension.get(dimension);
    if (!list?.length) return [];
    const ordered = [...list.filter((a) => !a.legacy), ...list.filter((a) => a.legacy)];
    return [
      {
        dimension,
        label: DIMENSION_LABELS[dimension],
        areas: ordered.map((a) => ({
          id: a.id,
          name: a.name,
          dimension: a.dimension,
          legacy: a.legacy,
          weightLabel: a.weightMin !== null && a.weightMax !== null ? `${a.weightMin}–${a.weightMax}%` : null,
          aliases: aliases.get(a.id) ?? [],
        })),
      },
    ];
  });
}

/** The grid's areas in form order (the index of `areas[i]`). */
export function gridAreas(exam: ExamId): GridArea[] {
  return reportGrid(exam).flatMap((d) => d.areas);
}

/** Printed labels per canonical area id. */
function aliasesByArea(exam: ExamId): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const alias of CONTENT_AREA_ALIASES) {
    if (alias.exam !== exam) continue;
    for (const id of alias.areaIds) map.set(id, [...(map.get(id) ?? []), alias.label]);
  }
  return map;
}

/** Every known printed label of the exam (for a datalist). */
export function printedLabelsFor(exam: ExamId): string[] {
  return CONTENT_AREA_ALIASES.filter((a) => a.exam === exam).map((a) => a.label);
}

/**
 * What a new report's bands compare with: the exam's fail-report reference
 * group from the reference data (Step 1: examinees who barely passed; Step 2 CK
 * and Step 3: the examinee's own overall performance, docs/domain.md §1.2–1.3). A
 * stored report keeps the group most of its areas use.
 */
export function defaultReferenceGroup(exam: ExamId, stored: readonly { referenceGroup: ReferenceGroup }[] = []): ReferenceGroup {
  if (stored.length > 0) {
    const counts = new Map<ReferenceGroup, number>();
    for (const a of stored) counts.set(a.referenceGroup, (counts.get(a.referenceGroup) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || REFERENCE_GROUPS.indexOf(a[0]) - REFERENCE_GROUPS.indexOf(b[0]))[0][0];
  }
  return examInfo(exam).failReportReferenceGroup;
}

// ---------------------------------------------------------------------------
// Form values
// ---------------------------------------------------------------------------

/** How many "printed under another name" rows the form offers. */
export const PRINTED_ROWS = 2;

export interface ReportFormValues {
  attemptId: string;
  bandScale: BandScale;
  referenceGroup: ReferenceGroup;
  distanceFromPassing: string;
  distanceNote: string;
  /** One per grid row, in grid order; band "" is "not reported". */
  areas: { areaId: string; band: string; printedLabel: string }[];
  printed: { label: string; band: string }[];
}

interface StoredReport {
  bandScale: BandScale;
  distanceFromPassing: number | null;
  distanceNote: string | null;
  areas: { contentAreaId: string; band: Band; referenceGroup: ReferenceGroup; printedLabel: string | null }[];
}

// ---------------------------------------------------------------------------
// What was posted, before validation
// ---------------------------------------------------------------------------

/**
 * The raw form as it arrives, read with Zod rather than casts: any field may
 * be missing or of the wrong type, and nothing here refuses it (the entry
 * schema below explains what is wrong). Lists that are not arrays read as
 * empty; rows that are not objects read as absent at their index.
 */
const anything = z.unknown().optional();
const rawAreaSchema = z.looseObject({ areaId: anything, band: anything, printedLabel: anything });
const rawPrintedSchema = z.looseObject({ label: anything, band: anything });
const rawFormSchema = z.looseObject({
  attemptId: anything,
  bandScale: anything,
  referenceGroup: anything,
  distanceFromPassing: anything,
  distanceNote: anything,
  areas: z.array(z.unknown()).catch([]),
  printed: z.array(z.unknown()).catch([]),
});
type RawArea = z.output<typeof rawAreaSchema>;
type RawPrinted = z.output<typeof rawPrintedSchema>;

/** Each item read as `schema`, or undefined where it is not that shape; indexes are kept. */
const rowsOf = <T>(schema: z.ZodType<T>, list: readonly unknown[]): (T | undefined)[] => list.map((row) => schema.safeParse(row).data);

/** A value shown back in a text box: strings as typed, numbers as digits, anything else blank. */
const textValue = z.union([z.string(), z.number().transform(String)]).catch("");
const text = (value: unknown): string => textValue.parse(value);

const bandScaleValue = z.enum(BAND_SCALE_IDS);
const bandValue = z.enum(BANDS);
const isBand = (value: unknown): value is Band => bandValue.safeParse(value).success;

/** The form's values for an attempt: its stored report, or an empty grid. */
export function initialReportValues(exam: ExamId, attemptId: string, report: StoredReport | null): ReportFormValues {
  const stored = new Map(report?.areas.map((a) => [a.contentAreaId, a]) ?? []);
  return {
    attemptId,
    bandScale: report?.bandScale ?? "CURRENT",
    referenceGroup: defaultReferenceGroup(exam, report?.areas ?? []),
    distanceFromPassing: report?.distanceFromPassing == null ? "" : String(report.distanceFromPassing),
    distanceNote: report?.distanceNote ?? "",
    areas: gridAreas(exam).map((area) => {
      const s = stored.get(area.id);
      return { areaId: area.id, band: s?.band ?? "", printedLabel: s?.printedLabel ?? "" };
    }),
    printed: Array.from({ length: PRINTED_ROWS }, () => ({ label: "", band: "" })),
  };
}

/**
 * The form's values from what was submitted (a reply's `initialValue`), so a
 * refused form shows exactly what was typed, row by row in grid order.
 */
export function submittedReportValues(exam: ExamId, payload: unknown, fallback: ReportFormValues): ReportFormValues {
  // Conform's payload is an object; an array reads as one with no fields.
  const parsed = rawFormSchema.safeParse(Array.isArray(payload) ? {} : payload);
  if (!parsed.success) return fallback;
  const p = parsed.data;
  const rows = rowsOf(rawAreaSchema, p.areas);
  const byId = new Map<string, RawArea>();
  for (const row of rows) if (row && typeof row.areaId === "string") byId.set(row.areaId, row);
  const printedRows = rowsOf(rawPrintedSchema, p.printed);
  return {
    attemptId: text(p.attemptId) || fallback.attemptId,
    bandScale: bandScaleValue.catch(fallback.bandScale).parse(text(p.bandScale)),
    referenceGroup: z.enum(REFERENCE_GROUPS).catch(fallback.referenceGroup).parse(text(p.referenceGroup)),
    distanceFromPassing: text(p.distanceFromPassing),
    distanceNote: text(p.distanceNote),
    areas: gridAreas(exam).map((area, i) => {
      const row = rows[i]?.areaId === area.id ? rows[i] : byId.get(area.id);
      return { areaId: area.id, band: text(row?.band), printedLabel: text(row?.printedLabel) };
    }),
    printed: Array.from({ length: PRINTED_ROWS }, (_, i) => ({ label: text(printedRows[i]?.label), band: text(printedRows[i]?.band) })),
  };
}

// ---------------------------------------------------------------------------
// Printed labels
// ---------------------------------------------------------------------------

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

function scaleOf(value: unknown): readonly Band[] | null {
  const scale = bandScaleValue.safeParse(value);
  return scale.success ? BAND_SCALES[scale.data] : null;
}

/**
 * Puts each printed-label row's band on the canonical areas its label stands
 * for, when those grid rows are blank or already agree. Rows that cannot be
 * applied are left for `printedLabelIssues` to explain; nothing else changes.
 */
export function applyPrintedLabels(exam: ExamId, raw: unknown): unknown {
  const parsed = rawFormSchema.safeParse(raw);
  if (!parsed.success || parsed.data.printed.length === 0) return raw;
  const value = parsed.data;
  const scale = scaleOf(value.bandScale);
  // Copies of the grid's rows (the posted ones stay as they were); a row that is not an object is kept for the schema to refuse.
  const copies = rowsOf(rawAreaSchema, value.areas);
  const added: RawArea[] = [];
  const areas: unknown[] = value.areas.map((a, i) => copies[i] ?? a);
  const entryFor = (id: string) => copies.find((a) => a?.areaId === id) ?? added.find((a) => a.areaId === id);
  for (const row of rowsOf(rawPrintedSchema, value.printed)) {
    if (!row) continue;
    const { label, band } = row;
    if (typeof label !== "string" || isBlank(label) || !isBand(band) || (scale && !scale.includes(band))) continue;
    const targets = resolveAreaLabel(exam, label);
    if (targets.length === 0) continue;
    const conflict = targets.some((t) => {
      const entry = entryFor(t.id);
      return entry !== undefined && !isBlank(entry.band) && entry.band !== band;
    });
    if (conflict) continue;
    for (const t of targets) {
      const entry = entryFor(t.id);
      if (entry) {
        entry.band = band;
        if (isBlank(entry.printedLabel)) entry.printedLabel = label.trim();
      } else {
        const row = { areaId: t.id, band, printedLabel: label.trim() };
        added.push(row);
        areas.push(row);
      }
    }
  }
  return { ...value, areas };
}

const bandName = (band: Band | null | undefined) => (band ? BAND_LABELS[band] : "not reported");

/**
 * Problems with printed labels, at their fields: a grid row's label that a
 * report prints for other areas, and printed-label rows that are incomplete,
 * unknown, off the band scale or disagree with the grid.
 */
export function printedLabelIssues(exam: ExamId, value: unknown): FieldIssue[] {
  const parsed = rawFormSchema.safeParse(value);
  if (!parsed.success) return [];
  const rows = rowsOf(rawAreaSchema, parsed.data.areas);
  const issues: FieldIssue[] = [];
  rows.forEach((entry, i) => {
    if (!entry) return;
    const { areaId, printedLabel } = entry;
    if (typeof areaId !== "string" || typeof printedLabel !== "string" || isBlank(printedLabel)) return;
    const targets = resolveAreaLabel(exam, printedLabel);
    if (targets.length > 0 && !targets.some((t) => t.id === areaId)) {
      issues.push({
        path: ["areas", i, "printedLabel"],
        message: `Reports print “${printedLabel.trim()}” for ${targets.map((t) => t.name).join(" and ")}, not this area`,
      });
    }
  });
  const scale = scaleOf(parsed.data.bandScale);
  rowsOf(rawPrintedSchema, parsed.data.printed).forEach((row: RawPrinted | undefined, j) => {
    if (!row) return;
    const { label, band } = row;
    const hasLabel = typeof label === "string" && !isBlank(label);
    const hasBand = !isBlank(band);
    if (!hasLabel && !hasBand) return;
    if (!hasLabel) {
      issues.push({ path: ["printed", j, "label"], message: "Type the label as the report prints it" });
      return;
    }
    const targets = resolveAreaLabel(exam, label);
    if (targets.length === 0) {
      issues.push({
        path: ["printed", j, "label"],
        message: `No ${examInfo(exam).label} content area is known by this label: enter it on its row in the grid`,
      });
    }
    if (!hasBand) {
      issues.push({ path: ["printed", j, "band"], message: "Choose the band the report prints for this label" });
      return;
    }
    if (!isBand(band)) return; // the field's own schema explains it
    if (scale && !scale.includes(band)) {
      const allowed = scale.map((b) => BAND_LABELS[b]).join(" / ");
      issues.push({ path: ["printed", j, "band"], message: `${BAND_LABELS[band]} is not on this report's scale (${allowed})` });
      return;
    }
    for (const t of targets) {
      const entry = rows.find((a) => a?.areaId === t.id);
      const current = entry && isBand(entry.band) ? entry.band : null;
      if (current !== null && current !== band) {
        issues.push({
          path: ["printed", j, "band"],
          message: `${t.name} is ${bandName(current)} in the grid: make the two agree`,
        });
        return;
      }
    }
  });
  return issues;
}

const printedRowSchema = z.object({
  label: z.preprocess((v) => (isBlank(v) ? undefined : v), z.string().trim().max(PRINTED_LABEL_MAX).optional()),
  band: z.enum([...BANDS, ""], { error: "Choose a band or leave it blank" }).optional(),
});

/**
 * The whole entry form: `scoreReportSchema(exam)` plus the printed-label rows,
 * which are applied to the grid before it is validated. Every problem is
 * reported at its field in one pass.
 */
export function reportEntrySchema(exam: ExamId) {
  return z.preprocess(
    (raw) => applyPrintedLabels(exam, raw),
    scoreReportSchema(exam)
      .safeExtend({ printed: z.array(printedRowSchema).default([]) })
      .superRefine(
        (value, ctx) => {
          for (const issue of printedLabelIssues(exam, value)) ctx.addIssue({ code: "custom", ...issue });
        },
        { when: () => true },
      ),
  );
}

// ---------------------------------------------------------------------------
// Summaries that carry no sensitive text (for the activity log)
// ---------------------------------------------------------------------------

/** How many areas carry each band; the activity log's before/after. */
export function bandCounts(areas: readonly Pick<ReportedBand, "band">[]): Record<Band, number> & { reported: number } {
  const counts = { LOWER: 0, BORDERLINE: 0, SAME: 0, HIGHER: 0, reported: areas.length };
  for (const a of areas) counts[a.band] += 1;
  return counts;
}
