/**
 * Reads for plans: the builder's context (the case's diagnosis as the viewer
 * may see it, the attempts the spacing rules need), the versions of a plan,
 * and the student's view of their plan. Each read is a fixed number of
 * queries, whatever the number of versions, check-ins or scores.
 */

import type { AttemptRecord } from "#app/domain/attempts/rules";
import { summarizeAttempts } from "#app/domain/attempts/rules";
import { addDays, daysBetween, formatDate, type IsoDate, isoWeekday, startOfIsoWeek } from "#app/domain/dates";
import { analyze, loadCaseDiagnosis, reportedAreas, selectAttempt } from "#app/domain/diagnostics/queries.server";
import type { SourceFinding } from "#app/domain/privacy/derived";
import { derivationSources } from "#app/domain/privacy/queries.server";
import type { Viewer } from "#app/domain/privacy/visibility";
import { type ExamId, type InstrumentId, instrument } from "#app/domain/reference";
import { loadSchoolSettings } from "#app/domain/settings/queries.server";
import { formatScore } from "#app/domain/trajectory/practice";
import type { FindingKind } from "#app/domain/vocabulary";
import { prisma } from "#app/utils/db.server";
import { diffPlanVersions, groupChanges } from "./diff";
import { spacingViolations } from "./editor";
import { focusFromDiagnosis } from "./from-diagnosis";
import { defaultExamDate, type FocusCandidate, type GeneratePlanResult, generatePlan } from "./generator";
import { viewContent } from "./provenance";
import { type PlanBuilderForm, parsePlanContent, type ViewedPlanVersionData } from "./schema";
import { templateFor } from "./templates";
import { daysToExam, nextMilestones, weekView } from "./week";

// ───────────────────────────── builder context ─────────────────────────────

export interface PlanBuilderContext {
  caseId: string;
  exam: ExamId;
  /** Failures of this exam so far (at least 1: a retake follows a failure). */
  failureNumber: number;
  templateLabel: string;
  targetExamDate: IsoDate | null;
  attempts: AttemptRecord[];
  schoolAttemptLimit: number | null;
  focusCandidates: FocusCandidate[];
  strongAreas: Array<{ key: string; label: string }>;
  /** Kinds of the findings the viewer reads in full: what the proposal's measures answer. */
  findingKinds: FindingKind[];
  /** Kinds of the findings shared with the student: all the rest of the proposal may depend on. */
  sharedFindingKinds: FindingKind[];
  /** The findings the viewer reads in full, with their tiers: what the proposal's measures are derived from. */
  sources: SourceFinding[];
  /** What the proposal starts from, said to the tutor. */
  diagnosis: { reportOn: IsoDate | null; weakAreas: string[]; findings: number };
}

/**
 * The diagnosis the generator works from: the one the Diagnostics tab shows
 * (the latest score report of the case, compared with the one before so
 * weaknesses that persisted weigh more, and the findings this viewer may see),
 * and the planning facts assigning the plan checks again.
 */
export async function loadPlanBuilderContext(caseId: string, viewer: Viewer): Promise<PlanBuilderContext> {
  const [facts, { attempts: failed, findings }] = await Promise.all([loadPlanningFacts(caseId), loadCaseDiagnosis(caseId, viewer)]);
  const { selected, previous } = selectAttempt(failed, null);
  // Everyone on the case reads the plan's focus and resources, which carry no tier of their own: only the
  // findings shared with the student shape them (measures store their sources instead; docs/decisions/0014).
  const shared = findings.filter((f) => f.view === "FULL" && f.visibility === "STUDENT");
  const analysis = analyze(facts.exam, selected, previous, shared);
  const { focusCandidates, strongAreas } = focusFromDiagnosis(analysis, reportedAreas(selected?.report));
  return {
    caseId,
    exam: facts.exam,
    failureNumber: facts.failureNumber,
    templateLabel: templateFor(facts.failureNumber).label,
    targetExamDate: facts.targetExamDate,
    attempts: facts.attempts,
    schoolAttemptLimit: facts.schoolAttemptLimit,
    focusCandidates,
    strongAreas,
    findingKinds: [...new Set(findings.map((f) => f.kind))],
    sharedFindingKinds: [...new Set(shared.map((f) => f.kind))],
    sources: findings.flatMap((f) =>
      f.view === "FULL" ? [{ id: f.id, kind: f.kind, visibility: f.visibility, authorId: f.authorId }] : [],
    ),
    diagnosis: {
      reportOn: selected?.report ? selected.takenOn : null,
      weakAreas: focusCandidates.map((c) => c.label),
      findings: findings.length,
    },
  };
}

/** The builder's starting inputs: next Monday, the case's target date (or the template's length), 8 hours, Sunday off. */
export function builderDefaults(context: PlanBuilderContext, today: IsoDate) {
  const start = nextMonday(today);
  return {
    startDate: start,
    examDate:
      context.targetExamDate && context.targetExamDate > start ? context.targetExamDate : defaultExamDate(start, context.failureNumber),
    hoursPerDay: String(BUILDER_DEFAULTS.hoursPerDay),
    restDay: String(BUILDER_DEFAULTS.restDay),
    previousResources: "",
  };
}

const BUILDER_DEFAULTS = { hoursPerDay: 8, restDay: 7 } as const;

/** The next Monday from `date` (`date` itself on a Monday): plans start on a week's first day. */
export function nextMonday(date: IsoDate): IsoDate {
  const weekday = isoWeekday(date);
  return weekday === 1 ? date : addDays(date, 8 - weekday);
}

/** The generator's proposal for the builder's inputs; the spacing rules refuse a date the student may not sit. */
export function proposePlan(context: PlanBuilderContext, form: PlanBuilderForm): GeneratePlanResult {
  return generatePlan({
    exam: context.exam,
    failureNumber: context.failureNumber,
    startDate: form.startDate,
    examDate: form.examDate,
    hoursPerDay: form.hoursPerDay,
    restDay: form.restDay,
    previousResources: form.previousResources,
    focusCandidates: context.focusCandidates,
    strongAreas: context.strongAreas,
    findingKinds: context.findingKinds,
    sharedFindingKinds: context.sharedFindingKinds,
    spacingViolations: spacingViolations(context.attempts, context.exam, form.examDate, context.schoolAttemptLimit),
  });
}

interface PlanningFacts {
  exam: ExamId;
  /** Failures of this exam so far (at least 1: a retake follows a failure). */
  failureNumber: number;
  /** The student's attempts of every exam, oldest first. */
  attempts: AttemptRecord[];
  schoolAttemptLimit: number | null;
  targetExamDate: IsoDate | null;
}

/**
 * What building, assigning or adjusting a plan needs besides the form: the
 * exam, the failures so far, the attempts the spacing rules read, the school's
 * attempt limit and the case's target exam date.
 */
export async function loadPlanningFacts(caseId: string): Promise<PlanningFacts> {
  const row = await prisma.retakeCase.findUniqueOrThrow({
    where: { id: caseId },
    select: { studentId: true, schoolId: true, exam: true, targetExamDate: true },
  });
  const [attempts, settings] = await Promise.all([
    prisma.examAttempt.findMany({
      where: { studentId: row.studentId },
      select: { exam: true, takenOn: true, outcome: true },
      orderBy: { takenOn: "asc" },
    }),
    loadSchoolSettings(row.schoolId),
  ]);
  const summary = summarizeAttempts(attempts, { schoolAttemptLimit: settings.schoolAttemptLimit });
  return {
    exam: row.exam,
    failureNumber: Math.max(1, summary.byExam[row.exam].failures),
    attempts,
    schoolAttemptLimit: settings.schoolAttemptLimit,
    targetExamDate: row.targetExamDate,
  };
}

// ───────────────────────────────── versions ─────────────────────────────────

export interface PlanVersionRow {
  id: string;
  number: number;
  createdBy: string | null;
  createdAt: Date;
  reason: string | null;
  template: string;
  promptedByPracticeExamId: string | null;
  promptedByCheckInId: string | null;
  /** "CBSSA on 3 Nov 2026: 62%", "Check-in, week of 2 Nov 2026". */
  promptedBy: string | null;
  /** The version as the viewer it was loaded for may see it (measures from findings hidden from them left out). */
  data: ViewedPlanVersionData;
}

export interface LoadedPlan {
  planId: string;
  currentVersion: number;
  /** Oldest first. */
  versions: PlanVersionRow[];
  current: PlanVersionRow;
}

const versionSelect = {
  id: true,
  number: true,
  reason: true,
  template: true,
  startDate: true,
  examDate: true,
  hoursPerDay: true,
  restDay: true,
  content: true,
  createdAt: true,
  promptedByPracticeExamId: true,
  promptedByCheckInId: true,
  createdById: true,
  createdBy: { select: { name: true } },
} as const;

/**
 * Plans of several cases at once, as `viewer` may see them: the one read path
 * for plan versions, so every page, print view, calendar and export gets each
 * version's measures filtered by the tiers of the findings they come from
 * (plans/provenance.ts). One query for plans and versions, one for the
 * findings, one for what prompted the versions.
 */
export async function loadPlans(caseIds: readonly string[], viewer: Viewer): Promise<Map<string, LoadedPlan>> {
  const plans = caseIds.length
    ? await prisma.plan.findMany({
        where: { caseId: { in: [...caseIds] }, currentVersion: { gt: 0 } },
        select: { id: true, caseId: true, currentVersion: true, versions: { select: versionSelect, orderBy: { number: "asc" } } },
      })
    : [];
  const practiceIds = plans.flatMap((p) => p.versions.flatMap((v) => (v.promptedByPracticeExamId ? [v.promptedByPracticeExamId] : [])));
  const checkInIds = plans.flatMap((p) => p.versions.flatMap((v) => (v.promptedByCheckInId ? [v.promptedByCheckInId] : [])));
  const [practice, checkIns, sources] = await Promise.all([
    practiceIds.length
      ? prisma.practiceExam.findMany({
          where: { id: { in: practiceIds } },
          select: { id: true, instrumentId: true, takenOn: true, score: true },
        })
      : Promise.resolve([]),
    checkInIds.length
      ? prisma.checkIn.findMany({ where: { id: { in: checkInIds } }, select: { id: true, weekOf: true } })
      : Promise.resolve([]),
    derivationSources(plans.map((p) => p.caseId)),
  ]);
  const practiceLabel = new Map(practice.map((p) => [p.id, practiceExamLabel(p)]));
  const checkInLabel = new Map(checkIns.map((c) => [c.id, checkInPromptLabel(c.weekOf)]));
  const out = new Map<string, LoadedPlan>();
  for (const plan of plans) {
    const findings = sources.get(plan.caseId) ?? new Map();
    const versions: PlanVersionRow[] = plan.versions.map((v) => ({
      id: v.id,
      number: v.number,
      createdBy: v.createdBy?.name ?? null,
      createdAt: v.createdAt,
      reason: v.reason,
      template: v.template,
      promptedByPracticeExamId: v.promptedByPracticeExamId,
      promptedByCheckInId: v.promptedByCheckInId,
      promptedBy:
        (v.promptedByPracticeExamId ? practiceLabel.get(v.promptedByPracticeExamId) : null) ??
        (v.promptedByCheckInId ? checkInLabel.get(v.promptedByCheckInId) : null) ??
        null,
      data: {
        startDate: v.startDate,
        examDate: v.examDate,
        hoursPerDay: v.hoursPerDay,
        restDay: v.restDay,
        content: viewContent(parsePlanContent(v.content), findings, viewer, v.createdById),
      },
    }));
    const current = versions.find((v) => v.number === plan.currentVersion) ?? versions[versions.length - 1];
    if (!current) continue;
    out.set(plan.caseId, { planId: plan.id, currentVersion: plan.currentVersion, versions, current });
  }
  return out;
}

export async function loadPlan(caseId: string, viewer: Viewer): Promise<LoadedPlan | null> {
  return (await loadPlans([caseId], viewer)).get(caseId) ?? null;
}

function practiceExamLabel(p: { instrumentId: string; takenOn: string; score: number }): string {
  const inst = instrument(p.instrumentId as InstrumentId);
  return `${inst.shortName} on ${formatDate(p.takenOn)}: ${formatScore(p.score, inst.scaleFamily)}`;
}

function checkInPromptLabel(weekOf: IsoDate): string {
  return `Check-in, week of ${formatDate(weekOf)}`;
}

/** What an adjustment may say prompted it: the case's latest practice exams and check-ins. */
export async function loadPromptOptions(caseId: string) {
  const [practice, checkIns] = await Promise.all([
    prisma.practiceExam.findMany({
      where: { caseId },
      select: { id: true, instrumentId: true, takenOn: true, score: true },
      orderBy: [{ takenOn: "desc" }, { createdAt: "desc" }],
      take: 12,
    }),
    prisma.checkIn.findMany({ where: { caseId }, select: { id: true, weekOf: true }, orderBy: { weekOf: "desc" }, take: 8 }),
  ]);
  return {
    practiceExams: practice.map((p) => ({ value: p.id, label: practiceExamLabel(p) })),
    checkIns: checkIns.map((c) => ({ value: c.id, label: checkInPromptLabel(c.weekOf) })),
  };
}

/** Changes between two versions of a loaded plan, grouped by section; null when a number is unknown. */
export function compareVersions(plan: LoadedPlan, from: number, to: number) {
  const a = plan.versions.find((v) => v.number === from);
  const b = plan.versions.find((v) => v.number === to);
  if (!a || !b) return null;
  const changes = diffPlanVersions(a.data, b.data);
  return { from, to, groups: groupChanges(changes), count: changes.length };
}

// ─────────────────────────────── student view ───────────────────────────────

interface LatestChange {
  number: number;
  on: Date;
  by: string | null;
  reason: string | null;
  promptedBy: string | null;
  groups: ReturnType<typeof groupChanges>;
}

/** What the latest version changed, and why (null for a plan still at version 1). */
function latestChange(plan: LoadedPlan): LatestChange | null {
  const idx = plan.versions.findIndex((v) => v.number === plan.current.number);
  const previous = idx > 0 ? plan.versions[idx - 1] : null;
  if (!previous) return null;
  return {
    number: plan.current.number,
    on: plan.current.createdAt,
    by: plan.current.createdBy,
    reason: plan.current.reason,
    promptedBy: plan.current.promptedBy,
    groups: groupChanges(diffPlanVersions(previous.data, plan.current.data)),
  };
}

/** This week, the next milestones, the days left and the latest change: what the student opens first. */
export function studentPlanView(plan: LoadedPlan, today: IsoDate) {
  const data = plan.current.data;
  const started = today >= data.startDate;
  return {
    version: plan.current.number,
    startDate: data.startDate,
    examDate: data.examDate,
    daysToExam: daysToExam(data.examDate, today),
    daysToStart: started ? 0 : daysBetween(today, data.startDate),
    week: weekView(data, today),
    /** Before the plan starts, its first week is what the student prepares for. */
    firstWeek: started ? null : weekView(data, data.startDate),
    nextMilestones: nextMilestones(data.content.milestones, today, 3),
    latestChange: latestChange(plan),
    thisWeekOf: startOfIsoWeek(today),
  };
}
export type StudentPlanView = ReturnType<typeof studentPlanView>;
