/**
 * The caseload table's state, kept in the URL so a view can be shared and
 * survives a reload: page, page size, sort, filters and search. Every value
 * is allow-listed; anything else falls back to its default, field by field,
 * so a forged or stale parameter never reaches a query.
 */
import type { IsoDate } from "#app/domain/dates";
import { type ExamId, examLabel, RETAKE_EXAM_IDS } from "#app/domain/reference";
import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  type CaseOutcome,
  type CaseStatus,
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  type RiskLevel,
} from "#app/domain/vocabulary";

/** One row of the caseload table (and of its CSV export). */
export interface CaseloadRow {
  id: string;
  studentName: string;
  studentEmail: string;
  exam: ExamId;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  tutorName: string | null;
  attemptsUsed: number;
  attemptsLeft: number | null;
  targetExamDate: IsoDate | null;
  daysToExam: number | null;
  practice: {
    score: number;
    instrument: string;
    instrumentId: string;
    on: IsoDate;
    trendPerWeek: number | null;
    unit: string;
    /** Above (+) or below (-) passing in the scale's standard errors; null without a passing line. */
    distance: number | null;
  } | null;
  readinessMet: boolean | null;
  riskLevel: RiskLevel | null;
  openEscalations: number;
  daysSinceContact: number | null;
}

export const CASELOAD_COLUMNS = [
  { id: "student", label: "Student", sortable: true, hideable: false },
  { id: "exam", label: "Exam", sortable: true, hideable: true },
  { id: "status", label: "Status", sortable: true, hideable: true },
  { id: "tutor", label: "Tutor", sortable: true, hideable: true },
  { id: "attempts", label: "Attempts used / left", sortable: true, hideable: true },
  { id: "daysToExam", label: "Days to exam", sortable: true, hideable: true },
  { id: "practice", label: "Latest practice score", sortable: true, hideable: true },
  { id: "readiness", label: "Readiness", sortable: true, hideable: true },
  { id: "risk", label: "Risk", sortable: true, hideable: true },
  { id: "escalations", label: "Open escalations", sortable: true, hideable: true },
  { id: "lastContact", label: "Days since contact", sortable: true, hideable: true },
] as const;

export type CaseloadColumnId = (typeof CASELOAD_COLUMNS)[number]["id"];

type CsvCell = string | number;

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * What each column puts in the CSV export: fixed headers (so an empty export
 * still has them) and the row's values, in the same order.
 */
export const CASELOAD_EXPORT: Record<
  CaseloadColumnId,
  { headers: readonly string[]; values: (row: CaseloadRow) => Array<CsvCell | null> }
> = {
  student: { headers: ["Student", "Email"], values: (r) => [r.studentName, r.studentEmail] },
  exam: { headers: ["Exam"], values: (r) => [examLabel(r.exam)] },
  status: { headers: ["Status"], values: (r) => [CASE_STATUS_LABELS[r.status]] },
  tutor: { headers: ["Tutor"], values: (r) => [r.tutorName] },
  attempts: { headers: ["Attempts used", "Attempts left"], values: (r) => [r.attemptsUsed, r.attemptsLeft] },
  daysToExam: { headers: ["Exam date", "Days to exam"], values: (r) => [r.targetExamDate, r.daysToExam] },
  practice: {
    headers: ["Latest practice instrument", "Latest practice score", "Latest practice date", "Trend per week"],
    values: ({ practice: p }) =>
      p ? [p.instrument, oneDecimal(p.score), p.on, p.trendPerWeek === null ? null : oneDecimal(p.trendPerWeek)] : [null, null, null, null],
  },
  readiness: { headers: ["Readiness"], values: (r) => [r.readinessMet === null ? null : r.readinessMet ? "Met" : "Not met"] },
  risk: { headers: ["Risk"], values: (r) => [r.riskLevel ? RISK_LEVEL_LABELS[r.riskLevel] : null] },
  escalations: { headers: ["Open escalations"], values: (r) => [r.openEscalations] },
  lastContact: { headers: ["Days since contact"], values: (r) => [r.daysSinceContact] },
};

/** Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"), tab and carriage return included. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet will show as text: names and emails come from
 * imports, so one starting like a formula gets a leading apostrophe.
 * Numbers are left alone (a negative trend stays a number).
 */
export function neutralizeFormula(value: CsvCell | null): CsvCell {
  if (value === null) return "";
  if (typeof value !== "string") return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The export's header row and body for the visible columns, in table order, every text cell neutralized. */
export function caseloadExportTable(rows: readonly CaseloadRow[], hidden: readonly CaseloadColumnId[]): CsvCell[][] {
  const columns = CASELOAD_COLUMNS.filter((c) => !hidden.includes(c.id)).map((c) => CASELOAD_EXPORT[c.id]);
  const header = columns.flatMap((c) => [...c.headers]);
  const body = rows.map((row) => columns.flatMap((c) => c.values(row).map(neutralizeFormula)));
  return [header, ...body];
}
const CASELOAD_COLUMN_IDS = CASELOAD_COLUMNS.map((c) => c.id) as CaseloadColumnId[];
export const SORT_KEYS = [...CASELOAD_COLUMN_IDS, "opened"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** The columns a tutor does not need by default (all theirs). */
export const DEFAULT_HIDDEN_FOR_TUTOR: readonly CaseloadColumnId[] = ["tutor"];

export const STATUS_FILTERS = [...CASE_STATUSES] as const;

/**
 * "Exam within N days": a target exam date from today to N days ahead (both
 * included), the dashboard's "exams soon" rule (dashboard/queries.server.ts
 * `examsSoonWindow`), so its figure opens the list it counts.
 */
export const EXAM_WITHIN_DAYS = [7, 14, 30, 60, 90] as const;
export type ExamWithinDays = (typeof EXAM_WITHIN_DAYS)[number];

export interface CaseloadParams {
  page: number;
  size: (typeof PAGE_SIZES)[number];
  sort: SortKey;
  dir: "asc" | "desc";
  status: Array<(typeof CASE_STATUSES)[number]>;
  exam: Array<(typeof RETAKE_EXAM_IDS)[number]>;
  risk: Array<(typeof RISK_LEVELS)[number]>;
  /** Only cases whose exam is from today to this many days ahead; null: any date. */
  examWithin: ExamWithinDays | null;
  q: string;
  /** Columns hidden by the URL (`hide=tutor,risk`; `hide=` shows every column); null when the URL does not say. */
  hide: CaseloadColumnId[] | null;
}

export const DEFAULT_CASELOAD_PARAMS: CaseloadParams = {
  page: 1,
  size: 25,
  sort: "daysToExam",
  dir: "asc",
  status: [],
  exam: [],
  risk: [],
  examWithin: null,
  q: "",
  hide: null,
};

// Plain allow-list checks rather than a schema library: this module is in the caseload page's browser
// bundle (its links are built with caseloadSearch), and the page stays light without one.

/** A whole number within [min, max] as the URL writes it; anything else is null. */
function wholeNumber(value: string, min: number, max: number): number | null {
  const n = Number(value);
  return value.trim() !== "" && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

function oneOf<T extends string | number>(allowed: readonly T[], value: T | null): T | null {
  return value !== null && (allowed as readonly (string | number)[]).includes(value) ? value : null;
}

const fields = {
  page: (value: string) => wholeNumber(value, 1, 100_000),
  size: (value: string) => oneOf(PAGE_SIZES, wholeNumber(value, 1, 1_000) as (typeof PAGE_SIZES)[number] | null),
  sort: (value: string) => oneOf(SORT_KEYS, value as SortKey),
  dir: (value: string) => oneOf(["asc", "desc"] as const, value as "asc" | "desc"),
  q: (value: string) => {
    const trimmed = value.trim();
    return trimmed.length <= 100 ? trimmed : null;
  },
};

function pick<T>(parse: (value: string) => T | null, value: string | null, fallback: T): T {
  if (value === null) return fallback;
  return parse(value) ?? fallback;
}

function pickAll<T extends string>(allowed: readonly T[], values: string[]): T[] {
  return [...new Set(values.filter((v): v is T => (allowed as readonly string[]).includes(v)))];
}

function pickExamWithin(value: string | null): ExamWithinDays | null {
  const n = Number(value);
  return value !== null && (EXAM_WITHIN_DAYS as readonly number[]).includes(n) ? (n as ExamWithinDays) : null;
}

/** Reads the table state from the URL; each bad or missing value takes its default. */
export function parseCaseloadParams(search: URLSearchParams): CaseloadParams {
  const d = DEFAULT_CASELOAD_PARAMS;
  return {
    page: pick(fields.page, search.get("page"), d.page),
    size: pick(fields.size, search.get("size"), d.size),
    sort: pick(fields.sort, search.get("sort"), d.sort),
    dir: pick(fields.dir, search.get("dir"), d.dir),
    status: pickAll(STATUS_FILTERS, search.getAll("status")),
    exam: pickAll(RETAKE_EXAM_IDS, search.getAll("exam")),
    risk: pickAll(RISK_LEVELS, search.getAll("risk")),
    examWithin: pickExamWithin(search.get("examWithin")),
    q: pick(fields.q, search.get("q"), d.q),
    hide: parseHideParam(search.get("hide")),
  };
}

const HIDEABLE_IDS: readonly string[] = CASELOAD_COLUMNS.filter((c) => c.hideable).map((c) => c.id);

/** The URL's column choice: hideable ids, comma-separated, in table order; anything else is dropped. */
export function parseHideParam(value: string | null): CaseloadColumnId[] | null {
  if (value === null || value.length > 500) return null;
  const asked = new Set(value.split(","));
  return CASELOAD_COLUMN_IDS.filter((id) => HIDEABLE_IDS.includes(id) && asked.has(id));
}

/**
 * The columns hidden in this view: the URL's choice when it makes one (a shared
 * link shows what its sender saw), else the remembered preference, else the default.
 */
export function hiddenColumns(params: CaseloadParams, remembered: string | null | undefined, fallback: readonly CaseloadColumnId[]) {
  return params.hide ?? parseHiddenColumns(remembered, fallback);
}

/** The URL search for a state, leaving defaults out so links stay short. */
export function caseloadSearch(params: CaseloadParams, change: Partial<CaseloadParams> = {}): string {
  const next = { ...params, ...change };
  // Changing which rows are shown starts again at the first page (choosing columns does not).
  if (!("page" in change) && Object.keys(change).some((key) => key !== "hide")) next.page = 1;
  const search = new URLSearchParams();
  const d = DEFAULT_CASELOAD_PARAMS;
  if (next.q) search.set("q", next.q);
  for (const s of next.status) search.append("status", s);
  for (const e of next.exam) search.append("exam", e);
  for (const r of next.risk) search.append("risk", r);
  if (next.examWithin !== null) search.set("examWithin", String(next.examWithin));
  if (next.sort !== d.sort || next.dir !== d.dir) {
    search.set("sort", next.sort);
    search.set("dir", next.dir);
  }
  if (next.size !== d.size) search.set("size", String(next.size));
  if (next.hide !== null) search.set("hide", next.hide.join(","));
  if (next.page !== 1) search.set("page", String(next.page));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** Clicking a sorted column flips it; a new column starts ascending. */
export function nextSort(params: CaseloadParams, column: SortKey): Pick<CaseloadParams, "sort" | "dir"> {
  if (params.sort === column) return { sort: column, dir: params.dir === "asc" ? "desc" : "asc" };
  return { sort: column, dir: "asc" };
}

/** Hidden columns from the remembered preference (a cookie), allow-listed. */
export function parseHiddenColumns(raw: string | null | undefined, fallback: readonly CaseloadColumnId[]): CaseloadColumnId[] {
  if (raw === null || raw === undefined) return [...fallback];
  const hideable = CASELOAD_COLUMNS.filter((c) => c.hideable).map((c) => c.id as string);
  return raw.split(",").filter((id): id is CaseloadColumnId => hideable.includes(id));
}

export function hasFilters(params: CaseloadParams): boolean {
  return params.q !== "" || params.status.length > 0 || params.exam.length > 0 || params.risk.length > 0 || params.examWithin !== null;
}

/** The view's filter in words, for the access log: "status: Planning, Active; exam: Step 1; search: “kim”", or "open cases". */
export function describeCaseloadFilter(params: CaseloadParams): string {
  const parts: string[] = [];
  if (params.status.length) parts.push(`status: ${params.status.map((s) => CASE_STATUS_LABELS[s]).join(", ")}`);
  else parts.push("open cases");
  if (params.exam.length) parts.push(`exam: ${params.exam.map((e) => examLabel(e)).join(", ")}`);
  if (params.risk.length) parts.push(`risk: ${params.risk.map((r) => RISK_LEVEL_LABELS[r]).join(", ")}`);
  if (params.examWithin !== null) parts.push(`exam within ${params.examWithin} days`);
  if (params.q) parts.push(`search: “${params.q}”`);
  return parts.join("; ");
}
