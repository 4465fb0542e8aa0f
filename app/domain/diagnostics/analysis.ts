/**
 * The analysis of a failed attempt's diagnosis (docs/product.md workflow
 * step 3): weakest areas, clusters, the failure's character, its magnitude and
 * the comparison with the previous attempt's report.
 *
 * Pure: it takes the score-report bands and the findings the *viewer may see*
 * (the loader filters findings by visibility first, so reasons never leak a
 * private finding) and returns plain data.
 *
 * Band order used throughout: LOWER < BORDERLINE ≈ SAME < HIGHER. A report uses
 * one scale: the current one prints Lower / Same / Higher, the legacy one
 * Lower / Borderline / Higher (docs/domain.md §1.4). Borderline and Same are both the
 * middle band of their scale ("at the level of the reference group"), so across
 * attempts Borderline → Same counts as unchanged. Only LOWER is a weakness for
 * clusters, magnitude and comparison; Borderline/Same are still ranked (after
 * Lower) because on a failed attempt "at the level of" a failing or
 * barely-passing performance is still a study target, just a later one.
 */
import {
  areaWeight,
  type ContentArea,
  contentAreasByDimension,
  contentAreasFor,
  DIMENSION_LABELS,
  type Dimension,
  type ExamId,
  examInfo,
} from "#app/domain/reference";
import { joinWords, plural } from "#app/domain/text";
import { type Band, FINDING_KINDS, type FindingFamily, type FindingKind, type ReferenceGroup } from "#app/domain/vocabulary";

// ---------------------------------------------------------------------------
// Thresholds: the one place the analysis' judgement calls live.
// ---------------------------------------------------------------------------

/**
 * Working defaults, not USMLE rules. They come from the seeds' "content vs
 * strategy analysis": many weak areas → content; few weak areas with
 * strategy findings → strategy; a weak physician task → reasoning.
 */
export const DIAGNOSIS_THRESHOLDS = {
  /** Lower systems that make a "broad content weakness" rather than one bad subject. */
  broadSystemsMin: 3,
  /** Lower systems needed beside a Lower discipline to say the discipline runs through them. */
  disciplineClusterSystemsMin: 2,
  /**
   * At most this many Lower disciplines still "stand out" as the thread through
   * the Lower systems; with more, the weakness is simply broad.
   */
  disciplineClusterMaxDisciplines: 2,
  /** Lower content areas (systems + disciplines) from which content is broadly weak… */
  manyLowerContentAreas: 4,
  /** …or this share of the reported content areas (when more than `fewLowerContentAreas` are Lower). */
  manyLowerContentShare: 0.4,
  /** At most this many Lower content areas is "few": knowledge mostly at the reference level. */
  fewLowerContentAreas: 2,
  /**
   * Points the score report adds to a family, on the same scale as a finding's
   * severity (1–3), so one clear report signal weighs like one severe finding.
   */
  reportPoints: {
    /** Content broadly Lower. */
    broadContent: 3,
    /** Some (more than few, less than broad) Lower content areas. */
    someContent: 2,
    /** A few Lower content areas. */
    fewContent: 1,
    /** Medical Knowledge (foundational science) Lower. */
    foundationalTask: 2,
    /** A reasoning physician task (diagnosis, management) Lower while content is not broadly weak. */
    reasoningTask: 2,
    /** The same, but content is broadly weak too, so the task may just mirror the content gaps. */
    reasoningTaskWithBroadContent: 1,
  },
  /** A second family with at least this fraction of the leading family's points makes it MIXED. */
  mixedRatio: 0.6,
} as const;

// ---------------------------------------------------------------------------
// Input and output types
// ---------------------------------------------------------------------------

export interface ReportedBand {
  areaId: string;
  band: Band;
  referenceGroup: ReferenceGroup;
}

export type Severity = 1 | 2 | 3;

export interface DiagnosisFinding {
  kind: FindingKind;
  severity: Severity;
  areaIds: string[];
}

export interface DiagnosisInput {
  exam: ExamId;
  /** Areas not reported are absent (never "Same"). */
  areas: ReportedBand[];
  findings: DiagnosisFinding[];
  /** Points on the exam's scale below the passing standard, when known. */
  distanceFromPassing?: number | null;
  /** The previous attempt's report, for the comparison. */
  previous?: { areas: ReportedBand[] } | null;
}

/** A content area with the weight the analysis used. */
export interface AreaRef {
  id: string;
  name: string;
  dimension: Dimension;
  /** Outline weight midpoint in %, or the dimension's equal share when the outline gives none. */
  weight: number;
  /** True when `weight` is the equal-share estimate, not the outline's figure. */
  weightEstimated: boolean;
}

export interface RankedArea extends AreaRef {
  rank: number;
  band: Band;
  referenceGroup: ReferenceGroup;
  /** A content-gap finding names this area: the tutor's evidence agrees with the report. */
  hasContentGapFinding: boolean;
}

const CLUSTER_KINDS = [
  "DISCIPLINE_ACROSS_SYSTEMS",
  "BROAD_SYSTEMS",
  "FOUNDATIONAL_KNOWLEDGE",
  "DIAGNOSTIC_REASONING",
  "MANAGEMENT_REASONING",
  "PROFESSIONAL_PRACTICE",
] as const;
type ClusterKind = (typeof CLUSTER_KINDS)[number];

export interface Cluster {
  kind: ClusterKind;
  title: string;
  areas: AreaRef[];
  explanation: string;
  /** Which side of the content-vs-strategy question the cluster points to. */
  pointsTo: "CONTENT" | "STRATEGY";
}

/** The families that decide the character; external factors inform the plan but not the character. */
export const CHARACTER_FAMILIES = ["CONTENT", "STRATEGY", "METHOD"] as const satisfies readonly FindingFamily[];
export type CharacterFamily = (typeof CHARACTER_FAMILIES)[number];

export const CHARACTERS = ["CONTENT", "STRATEGY", "METHOD", "MIXED", "UNCLEAR"] as const;
export type Character = (typeof CHARACTERS)[number];

export const CHARACTER_LABELS: Record<Character, string> = {
  CONTENT: "Content-driven",
  STRATEGY: "Strategy-driven",
  METHOD: "Method-driven",
  MIXED: "Mixed",
  UNCLEAR: "Not clear yet",
};

export interface CharacterAssessment {
  character: Character;
  /** Families with points, strongest first (for MIXED: the ones that mix). */
  families: CharacterFamily[];
  points: Record<CharacterFamily, number>;
  reasons: string[];
}

interface DimensionMagnitude {
  dimension: Dimension;
  label: string;
  reported: number;
  lower: number;
  /** Share (0–100, whole %) of the dimension's total outline weight that the Lower areas cover. */
  lowerWeightPercent: number;
  /** True when some weights in the dimension are equal-share estimates. */
  weightEstimated: boolean;
}

export interface Magnitude {
  reported: number;
  lower: number;
  byDimension: DimensionMagnitude[];
  distanceFromPassing: number | null;
  summary: string;
}

export const AREA_CHANGES = ["IMPROVED", "PERSISTED", "WORSENED", "NEW_WEAK", "UNCHANGED", "NOT_COMPARABLE"] as const;
/**
 * PERSISTED: Lower in both reports. NEW_WEAK: Lower now, not Lower before
 * (dropped into Lower, or newly reported as Lower). WORSENED: dropped a level
 * without reaching Lower (Higher → Same). IMPROVED: rose a level.
 * UNCHANGED: same level, not Lower. NOT_COMPARABLE: reported in one report only
 * and not Lower now.
 */
export type AreaChange = (typeof AREA_CHANGES)[number];

export interface AreaComparison {
  area: AreaRef;
  before: Band | null;
  after: Band | null;
  change: AreaChange;
  /** The two reports compared this area with different reference groups. */
  referenceChanged: boolean;
}

export interface AttemptComparison {
  areas: AreaComparison[];
  improved: AreaRef[];
  worsened: AreaRef[];
  newWeak: AreaRef[];
  unchanged: AreaRef[];
  /** Lower in both reports, heaviest first: the strongest signal for escalation. */
  persistingWeakAreas: AreaRef[];
  summary: string;
}

export interface DiagnosisAnalysis {
  exam: ExamId;
  /** Area ids that are not content areas of this exam; ignored. */
  unknownAreaIds: string[];
  weakestAreas: RankedArea[];
  clusters: Cluster[];
  character: CharacterAssessment;
  magnitude: Magnitude;
  comparison: AttemptComparison | null;
}

// ---------------------------------------------------------------------------
// Bands and weights
// ---------------------------------------------------------------------------

/** Level for comparison: Borderline and Same are both the middle band of their scale. */
export function bandLevel(band: Band): 0 | 1 | 2 {
  switch (band) {
    case "LOWER":
      return 0;
    case "BORDERLINE":
    case "SAME":
      return 1;
    case "HIGHER":
      return 2;
  }
}

/** Ranking order: Borderline sorts before Same because it names the pass/fail region itself. */
const WEAKNESS_ORDER: Record<Band, number> = { LOWER: 0, BORDERLINE: 1, SAME: 2, HIGHER: 3 };

export function isWeakBand(band: Band): boolean {
  return band === "LOWER";
}

/** Above the reference group: a strength to keep on light review. */
export function isStrongBand(band: Band): boolean {
  return bandLevel(band) === 2;
}

/** Whether an area belongs on the ranked list of study targets (everything but Higher). */
function isRankedBand(band: Band): boolean {
  return band !== "HIGHER";
}

/**
 * The weight used to rank and measure: the outline midpoint, else the
 * dimension's equal share (100% / its number of current areas). Equal share
 * rather than the mean of the known weights: where only some weights are known
 * (Step 2 CK disciplines) they are the heavy ones, and their mean would rank
 * Pediatrics above Surgery.
 */
function effectiveWeight(area: ContentArea): { weight: number; estimated: boolean } {
  const known = areaWeight(area);
  if (known !== null) return { weight: known, estimated: false };
  const siblings = contentAreasFor(area.exam).filter((a) => a.dimension === area.dimension).length;
  return { weight: 100 / Math.max(1, siblings), estimated: true };
}

function areaRef(area: ContentArea): AreaRef {
  const { weight, estimated } = effectiveWeight(area);
  return { id: area.id, name: area.name, dimension: area.dimension, weight, weightEstimated: estimated };
}

/** A reported band resolved to its content area. */
interface ReportedArea {
  area: ContentArea;
  ref: AreaRef;
  band: Band;
  referenceGroup: ReferenceGroup;
}

/**
 * Keeps the exam's areas (legacy ones included, for older reports). A
 * duplicated area keeps its weakest band: the cautious reading.
 */
function resolveReport(exam: ExamId, bands: readonly ReportedBand[]): { reported: Map<string, ReportedArea>; unknown: string[] } {
  const known = new Map(contentAreasFor(exam, { includeLegacy: true }).map((a) => [a.id, a]));
  const reported = new Map<string, ReportedArea>();
  const unknown: string[] = [];
  for (const entry of bands) {
    const area = known.get(entry.areaId);
    if (!area) {
      if (!unknown.includes(entry.areaId)) unknown.push(entry.areaId);
      continue;
    }
    const existing = reported.get(area.id);
    if (existing && WEAKNESS_ORDER[existing.band] <= WEAKNESS_ORDER[entry.band]) continue;
    reported.set(area.id, { area, ref: areaRef(area), band: entry.band, referenceGroup: entry.referenceGroup });
  }
  return { reported, unknown };
}

/** Heavier first, then by name so the order is stable. */
function byWeight(a: AreaRef, b: AreaRef): number {
  if (a.weight !== b.weight) return b.weight - a.weight;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Kept for the modules that imported it from here; the helper lives in ../text. */

function names(areas: readonly AreaRef[]): string {
  return joinWords(areas.map((a) => a.name));
}

// ---------------------------------------------------------------------------
// Weakest areas
// ---------------------------------------------------------------------------

/**
 * Lower before Borderline before Same (Higher never), heavier outline weight
 * first within a band: the order the plan's focus areas follow.
 */
function rankWeakAreas(reported: Iterable<ReportedArea>, findings: readonly DiagnosisFinding[] = []): RankedArea[] {
  const named = new Set(findings.filter((f) => f.kind === "CONTENT_GAP").flatMap((f) => f.areaIds));
  return [...reported]
    .filter((r) => isRankedBand(r.band))
    .sort((a, b) => WEAKNESS_ORDER[a.band] - WEAKNESS_ORDER[b.band] || byWeight(a.ref, b.ref))
    .map((r, i) => ({ ...r.ref, rank: i + 1, band: r.band, referenceGroup: r.referenceGroup, hasContentGapFinding: named.has(r.ref.id) }));
}

// ---------------------------------------------------------------------------
// Clusters
// ---------------------------------------------------------------------------

type TaskPattern = Exclude<ClusterKind, "DISCIPLINE_ACROSS_SYSTEMS" | "BROAD_SYSTEMS">;

/**
 * What a Lower physician task points at, keyed by the content area's full id
 * (reference/content-areas.ts; a test keeps every task area of every exam
 * mapped). Tasks cut across every system, so they describe how the knowledge
 * is used rather than which knowledge is missing.
 */
export const TASK_PATTERNS: Readonly<Record<string, TaskPattern>> = {
  "step1.task.medical-knowledge": "FOUNDATIONAL_KNOWLEDGE",
  "step1.task.diagnosis": "DIAGNOSTIC_REASONING",
  "step1.task.communication": "PROFESSIONAL_PRACTICE",
  "step1.task.practice-based-learning": "PROFESSIONAL_PRACTICE",
  "step2ck.task.medical-knowledge": "FOUNDATIONAL_KNOWLEDGE",
  "step2ck.task.history-physical": "DIAGNOSTIC_REASONING",
  "step2ck.task.lab-diagnostic": "DIAGNOSTIC_REASONING",
  "step2ck.task.diagnosis": "DIAGNOSTIC_REASONING",
  "step2ck.task.prognosis": "DIAGNOSTIC_REASONING",
  "step2ck.task.health-maintenance": "MANAGEMENT_REASONING",
  "step2ck.task.pharmacotherapy": "MANAGEMENT_REASONING",
  "step2ck.task.clinical-interventions": "MANAGEMENT_REASONING",
  "step2ck.task.mixed-management": "MANAGEMENT_REASONING",
  "step2ck.task.practice-based-learning": "PROFESSIONAL_PRACTICE",
  "step2ck.task.professionalism": "PROFESSIONAL_PRACTICE",
  "step2ck.task.systems-based-practice": "PROFESSIONAL_PRACTICE",
  "step3.task.diagnosis": "DIAGNOSTIC_REASONING",
  "step3.task.management": "MANAGEMENT_REASONING",
  "step3.task.practice-based-learning": "PROFESSIONAL_PRACTICE",
  "step3.task.medical-knowledge": "FOUNDATIONAL_KNOWLEDGE",
  "step3.task.communication-professionalism": "PROFESSIONAL_PRACTICE",
};

/** The task pattern of a physician-task area, or null for other dimensions and unmapped tasks. */
export function taskPattern(area: { id: string; dimension: Dimension }): TaskPattern | null {
  if (area.dimension !== "PHYSICIAN_TASK") return null;
  return Object.hasOwn(TASK_PATTERNS, area.id) ? TASK_PATTERNS[area.id] : null;
}

const TASK_CLUSTER_TEXT: Record<TaskPattern, { title: (n: string) => string; explanation: string; pointsTo: "CONTENT" | "STRATEGY" }> = {
  FOUNDATIONAL_KNOWLEDGE: {
    title: (n) => `Foundational content: ${n} is Lower`,
    explanation:
      "Applying foundational science is Lower across systems: the underlying science needs rebuilding, so this is a content problem more than a test-taking one.",
    pointsTo: "CONTENT",
  },
  DIAGNOSTIC_REASONING: {
    title: (n) => `Reasoning pattern: ${n} Lower across systems`,
    explanation:
      "Physician tasks cut across every system: a Lower diagnosis task points at clinical reasoning (turning a vignette into a diagnosis), not at missing facts in one subject.",
    pointsTo: "STRATEGY",
  },
  MANAGEMENT_REASONING: {
    title: (n) => `Management reasoning: ${n} Lower across systems`,
    explanation:
      "Choosing the next step is Lower across systems: the knowledge may be there but applying it to a patient's management is not, which is trained with reasoning practice rather than more content.",
    pointsTo: "STRATEGY",
  },
  PROFESSIONAL_PRACTICE: {
    title: (n) => `Practice skills: ${n} Lower`,
    explanation:
      "Communication, ethics and evidence-based practice are small, learnable areas with their own question style; targeted review and practice questions close them quickly.",
    pointsTo: "CONTENT",
  },
};

/** Clusters of Lower areas: disciplines running through Lower systems, broad system weakness, physician-task patterns. */
function findClusters(exam: ExamId, reported: readonly ReportedArea[]): Cluster[] {
  const lower = reported.filter((r) => isWeakBand(r.band)).map((r) => r.ref);
  const lowerSystems = lower.filter((a) => a.dimension === "SYSTEM").sort(byWeight);
  const lowerDisciplines = lower.filter((a) => a.dimension === "DISCIPLINE").sort(byWeight);
  const clusters: Cluster[] = [];
  const t = DIAGNOSIS_THRESHOLDS;

  // One or two Lower disciplines next to Lower systems point at those disciplines;
  // when more disciplines are Lower, no single one explains the systems.
  const disciplinesStandOut = lowerDisciplines.length > 0 && lowerDisciplines.length <= t.disciplineClusterMaxDisciplines;
  if (disciplinesStandOut && lowerSystems.length >= t.disciplineClusterSystemsMin) {
    for (const discipline of lowerDisciplines) {
      clusters.push({
        kind: "DISCIPLINE_ACROSS_SYSTEMS",
        title: `Discipline cluster: ${discipline.name} is weak across ${lowerSystems.length} systems`,
        areas: [discipline, ...lowerSystems],
        explanation: `Disciplines run through every system: ${discipline.name} Lower together with ${names(lowerSystems)} Lower suggests the gap is ${discipline.name} itself, so study it across those systems rather than each system from scratch.`,
        pointsTo: "CONTENT",
      });
    }
  } else if (lowerSystems.length >= t.broadSystemsMin) {
    let explanation: string;
    if (!examInfo(exam).hasDisciplines) {
      explanation = `${names(lowerSystems)} are all Lower: this exam reports no disciplines, so look for a shared thread (pharmacology, management, a kind of question) in the missed questions.`;
    } else if (lowerDisciplines.length === 0) {
      explanation = `${names(lowerSystems)} are all Lower while no discipline is: look for a shared discipline in the missed questions (the report does not say which one runs through them).`;
    } else {
      explanation = `${names(lowerSystems)} are Lower together with ${plural(lowerDisciplines.length, "discipline")}: no single discipline explains it, so the foundations need rebuilding broadly, heaviest areas first.`;
    }
    clusters.push({
      kind: "BROAD_SYSTEMS",
      title: `Broad content weakness across ${lowerSystems.length} systems`,
      areas: lowerDisciplines.length > 0 ? [...lowerSystems, ...lowerDisciplines] : lowerSystems,
      explanation,
      pointsTo: "CONTENT",
    });
  }

  const byPattern = new Map<TaskPattern, AreaRef[]>();
  for (const area of lower) {
    const pattern = taskPattern(area);
    if (!pattern) continue;
    byPattern.set(pattern, [...(byPattern.get(pattern) ?? []), area]);
  }
  for (const kind of CLUSTER_KINDS) {
    if (kind === "DISCIPLINE_ACROSS_SYSTEMS" || kind === "BROAD_SYSTEMS") continue;
    const tasks = byPattern.get(kind);
    if (!tasks) continue;
    tasks.sort(byWeight);
    const text = TASK_CLUSTER_TEXT[kind];
    clusters.push({
      kind,
      title: text.title(names(tasks)),
      areas: tasks,
      explanation: text.explanation,
      pointsTo: text.pointsTo,
    });
  }
  return clusters;
}

// ---------------------------------------------------------------------------
// Character
// ---------------------------------------------------------------------------

function isContentDimension(dimension: Dimension): boolean {
  return dimension === "SYSTEM" || dimension === "DISCIPLINE";
}

/**
 * Content, strategy or method: report signals and findings (weighted by
 * severity) add points to a family; the leader wins unless a second family
 * comes close (MIXED). External factors never decide it but are counted in the
 * reasons (without naming them: some are sensitive).
 */
function assessCharacter(reported: readonly ReportedArea[], findings: readonly DiagnosisFinding[]): CharacterAssessment {
  const t = DIAGNOSIS_THRESHOLDS;
  const points: Record<CharacterFamily, number> = { CONTENT: 0, STRATEGY: 0, METHOD: 0 };
  const reasons: string[] = [];

  const contentReported = reported.filter((r) => isContentDimension(r.ref.dimension));
  const contentLower = contentReported.filter((r) => isWeakBand(r.band));
  const lowerCount = contentLower.length;
  const share = contentReported.length > 0 ? lowerCount / contentReported.length : 0;
  // The share only counts beyond "few": one Lower area out of one reported is not broad.
  const broad = lowerCount >= t.manyLowerContentAreas || (lowerCount > t.fewLowerContentAreas && share >= t.manyLowerContentShare);

  if (contentReported.length > 0) {
    const of = `${lowerCount} of ${contentReported.length} reported systems and disciplines`;
    if (lowerCount === 0) {
      reasons.push(`No system or discipline is Lower (${contentReported.length} reported): the report does not point to a content gap.`);
    } else if (broad) {
      points.CONTENT += t.reportPoints.broadContent;
      reasons.push(`${of} are Lower (${Math.round(share * 100)}%): content is broadly weak.`);
    } else if (lowerCount <= t.fewLowerContentAreas) {
      points.CONTENT += t.reportPoints.fewContent;
      reasons.push(
        `Only ${of} ${lowerCount === 1 ? "is" : "are"} Lower: knowledge is mostly at the reference level, so the points were likely lost across the exam rather than in one subject.`,
      );
    } else {
      points.CONTENT += t.reportPoints.someContent;
      reasons.push(`${of} are Lower: several targeted content gaps.`);
    }
  }

  const lowerTasks = reported.filter((r) => r.ref.dimension === "PHYSICIAN_TASK" && isWeakBand(r.band)).map((r) => r.ref);
  const foundational = lowerTasks.filter((a) => taskPattern(a) === "FOUNDATIONAL_KNOWLEDGE");
  const reasoning = lowerTasks.filter((a) => {
    const p = taskPattern(a);
    return p === "DIAGNOSTIC_REASONING" || p === "MANAGEMENT_REASONING";
  });
  if (foundational.length > 0) {
    points.CONTENT += t.reportPoints.foundationalTask;
    reasons.push(`${names(foundational)} is Lower: foundational science needs rebuilding.`);
  }
  if (reasoning.length > 0) {
    const verb = reasoning.length === 1 ? "is" : "are";
    if (broad) {
      points.STRATEGY += t.reportPoints.reasoningTaskWithBroadContent;
      reasons.push(
        `${names(reasoning)} ${verb} Lower, but with content broadly weak this may mirror the content gaps rather than a reasoning problem.`,
      );
    } else {
      points.STRATEGY += t.reportPoints.reasoningTask;
      reasons.push(`${names(reasoning)} ${verb} Lower across systems: a reasoning problem, not a content one.`);
    }
  }

  const external: DiagnosisFinding[] = [];
  for (const family of CHARACTER_FAMILIES) {
    const ofFamily = findings.filter((f) => FINDING_KINDS[f.kind].family === family).sort((a, b) => b.severity - a.severity);
    if (ofFamily.length === 0) continue;
    const sum = ofFamily.reduce((s, f) => s + f.severity, 0);
    points[family] += sum;
    const list = ofFamily.map((f) => `${FINDING_KINDS[f.kind].label} (severity ${f.severity})`).join(", ");
    reasons.push(`${FAMILY_WORDS[family]} findings: ${list}.`);
  }
  for (const f of findings) if (FINDING_KINDS[f.kind].family === "EXTERNAL") external.push(f);
  if (external.length > 0) {
    reasons.push(
      `${plural(external.length, "external factor")} recorded: ${external.length === 1 ? "it does" : "they do"} not decide the character, but the plan should make room for ${external.length === 1 ? "it" : "them"}.`,
    );
  }
  const strategyOrMethodFindings = findings.some((f) => {
    const family = FINDING_KINDS[f.kind].family;
    return family === "STRATEGY" || family === "METHOD";
  });
  if (reported.length > 0 && !strategyOrMethodFindings) {
    reasons.push("No strategy or study-method findings recorded yet: the character rests on the score report alone.");
  }

  const ranked = CHARACTER_FAMILIES.filter((f) => points[f] > 0).sort((a, b) => points[b] - points[a]);
  let character: Character;
  let families: CharacterFamily[];
  if (ranked.length === 0) {
    character = "UNCLEAR";
    families = [];
    reasons.push(
      reported.length === 0 && findings.length === 0
        ? "Nothing recorded yet: enter the score report and the findings."
        : "Nothing recorded points to content, strategy or study method yet.",
    );
  } else {
    const top = points[ranked[0]];
    const close = ranked.filter((f) => points[f] >= top * t.mixedRatio);
    character = close.length > 1 ? "MIXED" : ranked[0];
    families = close.length > 1 ? close : [ranked[0]];
    const tally = CHARACTER_FAMILIES.map((f) => `${FAMILY_WORDS[f].toLowerCase()} ${points[f]}`).join(", ");
    reasons.push(
      character === "MIXED"
        ? `Points: ${tally}. ${joinWords(families.map((f, i) => (i === 0 ? FAMILY_WORDS[f] : FAMILY_WORDS[f].toLowerCase())))} weigh about the same: a mixed failure.`
        : `Points: ${tally}. ${FAMILY_WORDS[ranked[0]]} leads.`,
    );
  }
  return { character, families, points, reasons };
}

const FAMILY_WORDS: Record<CharacterFamily, string> = { CONTENT: "Content", STRATEGY: "Strategy", METHOD: "Study-method" };

// ---------------------------------------------------------------------------
// Magnitude
// ---------------------------------------------------------------------------

/**
 * How much of the exam the Lower areas cover, per dimension: each dimension
 * partitions the same items, so shares are only comparable within one. The
 * denominator is the dimension's total outline weight (Step 1 disciplines sum
 * past 100% because items carry several disciplines).
 */
function measureMagnitude(exam: ExamId, reported: readonly ReportedArea[], distanceFromPassing: number | null): Magnitude {
  const dims = contentAreasByDimension(exam);
  // Legacy areas count in their dimension only when the report has them.
  for (const r of reported) {
    const list = dims.get(r.area.dimension) ?? [];
    if (!list.includes(r.area)) dims.set(r.area.dimension, [...list, r.area]);
  }
  const byDimension: DimensionMagnitude[] = [];
  for (const [dimension, areas] of dims) {
    const inDim = reported.filter((r) => r.area.dimension === dimension);
    const lower = inDim.filter((r) => isWeakBand(r.band));
    const total = areas.reduce((s, a) => s + effectiveWeight(a).weight, 0);
    const lowerWeight = lower.reduce((s, r) => s + r.ref.weight, 0);
    byDimension.push({
      dimension,
      label: DIMENSION_LABELS[dimension],
      reported: inDim.length,
      lower: lower.length,
      lowerWeightPercent: total > 0 ? Math.round((lowerWeight / total) * 100) : 0,
      weightEstimated: areas.some((a) => effectiveWeight(a).estimated),
    });
  }
  const lowerCount = reported.filter((r) => isWeakBand(r.band)).length;
  return {
    reported: reported.length,
    lower: lowerCount,
    byDimension,
    distanceFromPassing,
    summary: magnitudeSummary(reported.length, lowerCount, byDimension, distanceFromPassing),
  };
}

function magnitudeSummary(reported: number, lower: number, dims: readonly DimensionMagnitude[], distance: number | null): string {
  const parts: string[] = [];
  if (reported === 0) parts.push("No content areas recorded yet.");
  else if (lower === 0) parts.push(`No area is Lower (${plural(reported, "area")} reported).`);
  else {
    const shares = dims
      .filter((d) => d.lower > 0)
      .map((d) => `${d.weightEstimated ? "roughly " : ""}${d.lowerWeightPercent}% of ${d.label.toLowerCase()}`);
    parts.push(
      `${lower} of ${plural(reported, "reported area")} ${lower === 1 ? "is" : "are"} Lower, covering ${joinWords(shares)} by outline weight.`,
    );
  }
  if (distance !== null) parts.push(`${plural(distance, "point")} from passing.`);
  return parts.join(" ");
}

// ---------------------------------------------------------------------------
// Comparison across attempts
// ---------------------------------------------------------------------------

function classify(before: Band | null, after: Band | null): AreaChange {
  if (after !== null && isWeakBand(after)) {
    return before !== null && isWeakBand(before) ? "PERSISTED" : "NEW_WEAK";
  }
  if (before === null || after === null) return "NOT_COMPARABLE";
  const delta = bandLevel(after) - bandLevel(before);
  if (delta > 0) return "IMPROVED";
  if (delta < 0) return "WORSENED";
  return "UNCHANGED";
}

/** Per-area change between the previous report and this one. */
function compareReports(current: ReadonlyMap<string, ReportedArea>, previous: ReadonlyMap<string, ReportedArea>): AttemptComparison {
  const ids = [...new Set([...previous.keys(), ...current.keys()])];
  const areas: AreaComparison[] = ids.map((id) => {
    const now = current.get(id);
    const then = previous.get(id);
    const ref = (now ?? then)?.ref;
    if (!ref) throw new Error(`unreachable: ${id}`);
    return {
      area: ref,
      before: then?.band ?? null,
      after: now?.band ?? null,
      change: classify(then?.band ?? null, now?.band ?? null),
      referenceChanged: now !== undefined && then !== undefined && now.referenceGroup !== then.referenceGroup,
    };
  });
  areas.sort((a, b) => AREA_CHANGES.indexOf(a.change) - AREA_CHANGES.indexOf(b.change) || byWeight(a.area, b.area));
  const pick = (change: AreaChange) => areas.filter((a) => a.change === change).map((a) => a.area);
  const result = {
    areas,
    improved: pick("IMPROVED"),
    worsened: pick("WORSENED"),
    newWeak: pick("NEW_WEAK"),
    unchanged: pick("UNCHANGED"),
    persistingWeakAreas: pick("PERSISTED"),
  };
  return { ...result, summary: comparisonSummary(result) };
}

/** The comparison of a report with the previous attempt's, without the rest of the analysis. */
export function compareAttemptReports(
  exam: ExamId,
  current: readonly ReportedBand[],
  previous: readonly ReportedBand[],
): AttemptComparison {
  return compareReports(resolveReport(exam, current).reported, resolveReport(exam, previous).reported);
}

function comparisonSummary(c: Omit<AttemptComparison, "summary" | "areas">): string {
  const parts = [
    c.improved.length > 0 ? `${plural(c.improved.length, "area")} improved` : null,
    c.persistingWeakAreas.length > 0 ? `${plural(c.persistingWeakAreas.length, "area")} still Lower` : null,
    c.newWeak.length > 0 ? `${plural(c.newWeak.length, "new Lower area")}` : null,
    c.worsened.length > 0 ? `${plural(c.worsened.length, "area")} worsened` : null,
  ].filter((p): p is string => p !== null);
  let text = parts.length > 0 ? `Since the previous report: ${parts.join(", ")}.` : "No change in weak areas since the previous report.";
  if (c.persistingWeakAreas.length > 0) {
    text += ` Persisting after a retake: ${names(c.persistingWeakAreas)}; consider escalation.`;
  }
  return text;
}

// ---------------------------------------------------------------------------
// The whole analysis
// ---------------------------------------------------------------------------

/** Everything the Diagnostics tab and the case overview show about a report and its findings. */
export function analyzeDiagnosis(input: DiagnosisInput): DiagnosisAnalysis {
  const { reported, unknown } = resolveReport(input.exam, input.areas);
  const list = [...reported.values()];
  const comparison = input.previous ? compareReports(reported, resolveReport(input.exam, input.previous.areas).reported) : null;
  return {
    exam: input.exam,
    unknownAreaIds: unknown,
    weakestAreas: rankWeakAreas(list, input.findings),
    clusters: findClusters(input.exam, list),
    character: assessCharacter(list, input.findings),
    magnitude: measureMagnitude(input.exam, list, input.distanceFromPassing ?? null),
    comparison,
  };
}
