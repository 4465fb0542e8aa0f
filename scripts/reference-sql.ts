/**
 * Prints the SQL that makes the database's reference tables equal to
 * app/domain/reference: an upsert per row and a delete of rows that left the
 * data. Migrations embed this output (see scripts/new-migration.ts --reference).
 */
import { fileURLToPath } from "node:url";
import {
  ATTEMPT_RULE_SETS,
  CONTENT_AREA_ALIASES,
  CONTENT_AREAS,
  EXAM_FORMATS,
  EXAMS,
  PASSING_STANDARDS,
  PRACTICE_INSTRUMENTS,
  SOURCES,
} from "#app/domain/reference/index.ts";

type Value = string | number | boolean | null;
type Row = Record<string, Value>;

function literal(value: Value): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}

const keyOf = (rows: Row[]) => ("id" in rows[0] ? "id" : "key");

function prune(table: string, rows: Row[]): string {
  const key = keyOf(rows);
  return `DELETE FROM "${table}" WHERE "${key}" NOT IN (${rows.map((r) => literal(r[key])).join(", ")});`;
}

function upsert(table: string, rows: Row[]): string {
  const lines: string[] = [`-- ${table}: ${rows.length} rows`];
  const key = keyOf(rows);
  for (const row of rows) {
    const columns = Object.keys(row);
    const updates = columns.filter((c) => c !== key).map((c) => `"${c}" = excluded."${c}"`);
    lines.push(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns
        .map((c) => literal(row[c]))
        .join(", ")}) ON CONFLICT("${key}") DO UPDATE SET ${updates.join(", ")};`,
    );
  }
  return lines.join("\n");
}

/** Reference rows per table, in an order that satisfies foreign keys. */
export function referenceRows(): Array<[table: string, rows: Row[]]> {
  return [
    ["ReferenceSource", Object.entries(SOURCES).map(([key, s]) => ({ key, title: s.title, url: s.url, official: s.official }))],
    [
      "ExamReference",
      EXAMS.map((e) => ({
        id: e.id,
        label: e.label,
        scaleMin: e.scaleMin,
        scaleMax: e.scaleMax,
        passFailOnlyFrom: e.passFailOnlyFrom,
        discontinuedAfter: e.discontinuedAfter,
        hasDisciplines: e.hasDisciplines,
        source: e.source,
      })),
    ],
    [
      "PassingStandard",
      PASSING_STANDARDS.map((s) => ({
        id: `${s.exam}@${s.effectiveFrom}`,
        exam: s.exam,
        minScore: s.minScore,
        effectiveFrom: s.effectiveFrom,
        source: s.source,
        check: s.check,
      })),
    ],
    ["AttemptRuleSet", ATTEMPT_RULE_SETS.map((r) => ({ ...r }))],
    [
      "ExamFormat",
      EXAM_FORMATS.map((f) => ({
        id: `${f.exam}@${f.effectiveFrom}`,
        exam: f.exam,
        effectiveFrom: f.effectiveFrom,
        blockMinutes: f.blockMinutes,
        maxItemsPerBlock: f.maxItemsPerBlock,
        blocks: f.blocks,
        note: f.note,
        source: f.source,
      })),
    ],
    [
      "ContentArea",
      CONTENT_AREAS.map((a, index) => ({
        id: a.id,
        exam: a.exam,
        dimension: a.dimension,
        name: a.name,
        weightMin: a.weightMin,
        weightMax: a.weightMax,
        legacy: a.legacy,
        sortOrder: index,
        source: a.source,
        check: a.check,
      })),
    ],
    [
      "ContentAreaAlias",
      CONTENT_AREA_ALIASES.flatMap((alias) =>
        alias.areaIds.map((areaId) => ({
          id: `${alias.exam}:${alias.label}:${areaId}`,
          exam: alias.exam,
          label: alias.label,
          contentAreaId: areaId,
          source: alias.source,
        })),
      ),
    ],
    [
      "PracticeInstrument",
      PRACTICE_INSTRUMENTS.map((i) => ({
        id: i.id,
        name: i.name,
        shortName: i.shortName,
        targetExams: i.targetExams.join(","),
        scaleFamily: i.scaleFamily,
        scaleLabel: i.scaleLabel,
        scaleMin: i.scaleMin,
        scaleMax: i.scaleMax,
        likelyRangeHalfWidth: i.likelyRangeHalfWidth,
        reportsPassProbability: i.reportsPassProbability,
        defaultLowPassLow: i.defaultLowPassBand?.low ?? null,
        defaultLowPassHigh: i.defaultLowPassBand?.high ?? null,
        predictive: i.predictive,
        note: i.note,
        source: i.source,
        check: i.check,
      })),
    ],
    [
      "PracticeForm",
      PRACTICE_INSTRUMENTS.flatMap((i) =>
        i.forms.map((f, index) => ({
          id: `${i.id}:${f.exam ?? "any"}:${f.name}`,
          instrumentId: i.id,
          name: f.name,
          exam: f.exam,
          active: f.active,
          sortOrder: index,
        })),
      ),
    ],
  ];
}

export function referenceSql(): string {
  const tables = referenceRows();
  // Rows that left the data go first, children before parents; then upserts, parents first.
  const prunes = [...tables].reverse().map(([table, rows]) => prune(table, rows));
  const upserts = tables.map(([table, rows]) => upsert(table, rows));
  return [
    "-- Reference data generated from app/domain/reference by scripts/reference-sql.ts. Do not edit by hand.",
    ...prunes,
    "",
    upserts.join("\n\n"),
    "",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(referenceSql());
}
