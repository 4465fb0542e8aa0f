/**
 * Reads for the Diagnostics tab and the overview's diagnosis summary; the plan
 * builder reads the same analysis (loadCaseDiagnosis → selectAttempt →
 * analyze). Callers authorize first (requireCaseAccess) and pass the viewer;
 * findings are read only through the privacy layer, and the analysis sees only
 * the findings the viewer may read in full, so its reasons never leak a hidden
 * one.
 *
 * A fixed number of queries per call, whatever the number of attempts,
 * areas or findings.
 */

import { type VisibleFinding, visibleFindings } from "#app/domain/privacy/queries.server";
import type { Viewer } from "#app/domain/privacy/visibility";
import { contentArea, type ExamId } from "#app/domain/reference";
import type { Band, BandScale, ReferenceGroup } from "#app/domain/vocabulary";
import { prisma } from "#app/utils/db.server";
import { analyzeDiagnosis, type DiagnosisAnalysis, type DiagnosisFinding, type ReportedBand, type Severity } from "./analysis";
import { canManageFinding } from "./findings";
import { STUDENT_PRESENT_ONLY_WORDS, studentCharacterSummary, studentFindingWords } from "./student-view";
import { buildDiagnosisSummary, type DiagnosisSummaryData, type StudentAreaGroup, studentReportGroups } from "./summary";

interface ReportAreaRow {
  contentAreaId: string;
  band: Band;
  referenceGroup: ReferenceGroup;
  printedLabel: string | null;
}

interface AttemptReport {
  id: string;
  version: number;
  bandScale: BandScale;
  distanceFromPassing: number | null;
  distanceNote: string | null;
  updatedAt: string;
  enteredByName: string | null;
  areas: ReportAreaRow[];
}

interface FailedAttempt {
  id: string;
  takenOn: string;
  score: number | null;
  report: AttemptReport | null;
}

/** The case's failed attempts of its exam (oldest first) with their reports, and the findings the viewer may see. */
export async function loadCaseDiagnosis(caseId: string, viewer: Viewer) {
  const row = await prisma.retakeCase.findUniqueOrThrow({
    where: { id: caseId },
    select: { id: true, exam: true, status: true },
  });
  const [attempts, findings] = await Promise.all([
    prisma.examAttempt.findMany({
      where: { caseId, exam: row.exam, outcome: "FAIL" },
      select: {
        id: true,
        takenOn: true,
        score: true,
        report: {
          select: {
            id: true,
            version: true,
            bandScale: true,
            distanceFromPassing: true,
            distanceNote: true,
            updatedAt: true,
            enteredBy: { select: { name: true } },
            areas: { select: { contentAreaId: true, band: true, referenceGroup: true, printedLabel: true } },
          },
        },
      },
      orderBy: [{ takenOn: "asc" }],
    }),
    visibleFindings(caseId, viewer),
  ]);
  const failed: FailedAttempt[] = attempts.map((a) => ({
    id: a.id,
    takenOn: a.takenOn,
    score: a.score,
    report: a.report
      ? {
          id: a.report.id,
          version: a.report.version,
          bandScale: a.report.bandScale,
          distanceFromPassing: a.report.distanceFromPassing,
          distanceNote: a.report.distanceNote,
          updatedAt: a.report.updatedAt.toISOString(),
          enteredByName: a.report.enteredBy?.name ?? null,
          areas: a.report.areas,
        }
      : null,
  }));
  return { caseRow: { id: row.id, exam: row.exam as ExamId, status: row.status }, attempts: failed, findings };
}

/**
 * The attempt to show: the one asked for when it is this case's, else the
 * latest with a report, else the latest failure. The previous report is the
 * nearest earlier attempt's.
 */
export function selectAttempt(attempts: readonly FailedAttempt[], wanted: string | null | undefined) {
  const selected =
    attempts.find((a) => a.id === wanted) ??
    [...attempts].reverse().find((a) => a.report !== null) ??
    attempts[attempts.length - 1] ??
    null;
  const index = selected ? attempts.indexOf(selected) : -1;
  const previous = index > 0 ? ([...attempts.slice(0, index)].reverse().find((a) => a.report !== null) ?? null) : null;
  return { selected, previous };
}

/** Only findings the viewer reads in full feed the analysis. */
function diagnosisFindings(findings: readonly VisibleFinding[]): DiagnosisFinding[] {
  return findings.flatMap((f) =>
    f.view === "FULL" ? [{ kind: f.kind, severity: Math.min(3, Math.max(1, f.severity)) as Severity, areaIds: f.areaIds }] : [],
  );
}

/** A report's areas as the analysis reads them (none without a report). */
export function reportedAreas(report: AttemptReport | null | undefined): ReportedBand[] {
  return report?.areas.map((a) => ({ areaId: a.contentAreaId, band: a.band, referenceGroup: a.referenceGroup })) ?? [];
}

/** The analysis of the selected attempt's report, compared with the previous one, and of the findings the viewer reads in full. */
export function analyze(
  exam: ExamId,
  selected: FailedAttempt | null,
  previous: FailedAttempt | null,
  findings: readonly VisibleFinding[],
): DiagnosisAnalysis {
  return analyzeDiagnosis({
    exam,
    areas: reportedAreas(selected?.report),
    findings: diagnosisFindings(findings),
    distanceFromPassing: selected?.report?.distanceFromPassing ?? null,
    previous: previous?.report ? { areas: reportedAreas(previous.report) } : null,
  });
}

type FullFinding = Extract<VisibleFinding, { view: "FULL" }>;

export interface StaffFinding extends Omit<FullFinding, "updatedAt" | "view"> {
  updatedAt: string;
  /** The viewer may edit and delete it (its author, or the office). */
  canManage: boolean;
  areaNames: string[];
}

interface StaffDiagnostics {
  view: "STAFF";
  exam: ExamId;
  closed: boolean;
  attempts: FailedAttempt[];
  selected: FailedAttempt | null;
  previous: { id: string; takenOn: string } | null;
  findings: StaffFinding[];
  /** Sensitive findings the viewer sees only as present (never for staff today, kept for safety). */
  presentOnly: number;
  analysis: DiagnosisAnalysis;
}

/** What the Diagnostics tab shows the office and the case's tutor. */
export async function loadStaffDiagnostics(caseId: string, viewer: Viewer, attemptId: string | null = null): Promise<StaffDiagnostics> {
  const { caseRow, attempts, findings } = await loadCaseDiagnosis(caseId, viewer);
  const { selected, previous } = selectAttempt(attempts, attemptId);
  const full = findings.filter((f): f is FullFinding => f.view === "FULL");
  return {
    view: "STAFF",
    exam: caseRow.exam,
    closed: caseRow.status === "CLOSED",
    attempts,
    selected,
    previous: previous ? { id: previous.id, takenOn: previous.takenOn } : null,
    findings: full.map(({ view: _view, ...f }) => ({
      ...f,
      updatedAt: f.updatedAt.toISOString(),
      canManage: canManageFinding({ authorId: f.authorId, visibility: f.visibility, kind: f.kind }, viewer),
      areaNames: f.areaIds.map((id) => contentArea(id)?.name ?? id),
    })),
    presentOnly: findings.length - full.length,
    analysis: analyze(caseRow.exam, selected, previous, findings),
  };
}

export interface StudentFinding {
  id: string;
  /** A sensitive finding not shared with the student: no kind, no details. */
  presentOnly: boolean;
  title: string;
  meaning: string;
  plan: string;
  /** What the tutor wrote, for findings shared with the student. */
  evidence: string | null;
}

interface StudentDiagnostics {
  view: "STUDENT";
  exam: ExamId;
  report: { takenOn: string; intro: string; groups: StudentAreaGroup[] } | null;
  findings: StudentFinding[];
  characterSummary: string;
}

/**
 * What a student reads: the findings shared with them in supportive words,
 * sensitive ones shared with the office only as "present" (no kind, no
 * evidence leaves the server), their report's areas in plain words and the
 * character of the failure in their words.
 */
export async function loadStudentDiagnostics(caseId: string, viewer: Viewer): Promise<StudentDiagnostics> {
  const { caseRow, attempts, findings } = await loadCaseDiagnosis(caseId, viewer);
  const { selected, previous } = selectAttempt(attempts, null);
  const analysis = analyze(caseRow.exam, selected, previous, findings);
  return {
    view: "STUDENT",
    exam: caseRow.exam,
    report: selected?.report ? { takenOn: selected.takenOn, ...studentReportGroups(selected.report.areas) } : null,
    findings: findings.map((f) => {
      if (f.view === "PRESENT_ONLY") return { id: f.id, presentOnly: true, ...STUDENT_PRESENT_ONLY_WORDS, evidence: null };
      const words = studentFindingWords(f.kind, f.areaIds.map((id) => contentArea(id)?.name ?? "").filter(Boolean));
      return { id: f.id, presentOnly: false, ...words, evidence: f.evidence };
    }),
    characterSummary: studentCharacterSummary(analysis.character.character, analysis.character.families),
  };
}

/**
 * The diagnosis in brief for the case overview, for this viewer (the caller
 * has authorized them on the case): the latest report's character, focus
 * areas, magnitude and change since the previous report.
 */
export async function loadDiagnosisSummary(caseId: string, viewer: Viewer): Promise<DiagnosisSummaryData> {
  const { caseRow, attempts, findings } = await loadCaseDiagnosis(caseId, viewer);
  const { selected, previous } = selectAttempt(attempts, null);
  const analysis = analyze(caseRow.exam, selected, previous, findings);
  const shown = findings.filter((f) => f.view === "FULL").length;
  return buildDiagnosisSummary({
    caseId,
    audience: viewer.relation === "STUDENT" ? "STUDENT" : "STAFF",
    analysis,
    report: selected?.report ? { takenOn: selected.takenOn } : null,
    findings: { shown, presentOnly: findings.length - shown },
  });
}
