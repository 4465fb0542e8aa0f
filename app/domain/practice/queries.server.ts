/**
 * Reads for the case's Progress tab: the assessment (charts, readiness, risk
 * flags) computed fresh by the cases module, the practice-exam log with who
 * recorded each score, and the plan milestones a score can fulfil. A fixed
 * number of queries, whatever the number of scores.
 */

import { loadCaseAssessment } from "#app/domain/cases/derive.server";
import { formatDate, type IsoDate } from "#app/domain/dates";
import type { Viewer } from "#app/domain/privacy/visibility";
import { type ExamId, type InstrumentId, instrument, instrumentInforms } from "#app/domain/reference";
import type { MilestoneEntry } from "#app/domain/trajectory/practice";
import { formatRange, formatScore, likelyRange } from "#app/domain/trajectory/practice";
import { TRAJECTORY_RISK_CODES } from "#app/domain/trajectory/risks";
import { prisma } from "#app/utils/db.server";
import { type BreakdownEntry, readStoredBreakdown } from "./breakdown";

export interface PracticeLogRow {
  id: string;
  instrumentId: InstrumentId;
  instrument: string;
  form: string;
  takenOn: IsoDate;
  date: string;
  score: number;
  scoreLabel: string;
  /** "67–75%" for a CBSSA (score ± 4), "" when the instrument prints none. */
  likelyRangeLabel: string;
  passProbability: number | null;
  lowPassLow: number | null;
  lowPassHigh: number | null;
  breakdown: BreakdownEntry[] | null;
  milestoneUid: string | null;
  milestoneLabel: string | null;
  recordedBy: string | null;
  source: string;
  version: number;
  /** Staff may correct any score; a student may correct the scores they logged. */
  canEdit: boolean;
}

/** A practice exam's figures, who recorded it and its version, as the log and its corrections read them. */
export const PRACTICE_RECORD_SELECT = {
  id: true,
  caseId: true,
  instrumentId: true,
  form: true,
  takenOn: true,
  score: true,
  passProbability: true,
  lowPassLow: true,
  lowPassHigh: true,
  milestoneUid: true,
  breakdown: true,
  recordedById: true,
  version: true,
} as const;

export function canEditPractice(viewer: Viewer, entry: { recordedById: string | null }): boolean {
  return viewer.relation !== "STUDENT" || entry.recordedById === viewer.userId;
}

/** Everything the Progress tab shows, or null when the case is gone. */
export async function loadProgress(caseRow: { id: string; studentId: string }, viewer: Viewer, today: IsoDate) {
  const [loaded, rows] = await Promise.all([
    loadCaseAssessment(caseRow.id, today),
    prisma.practiceExam.findMany({
      where: { studentId: caseRow.studentId },
      select: { ...PRACTICE_RECORD_SELECT, recordedBy: { select: { name: true } }, source: true },
      orderBy: [{ takenOn: "desc" }, { createdAt: "desc" }],
    }),
  ]);
  if (!loaded) return null;
  const { input, assessment } = loaded;
  const milestones: MilestoneEntry[] = [...input.milestones].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const milestoneLabel = new Map(milestones.map((m) => [m.uid, m.label]));

  const log: PracticeLogRow[] = rows
    .filter((r) => instrumentInforms(r.instrumentId as InstrumentId, input.exam))
    .map((r) => {
      const id = r.instrumentId as InstrumentId;
      const family = instrument(id).scaleFamily;
      const range = likelyRange(id, r.score);
      const linked = r.caseId === caseRow.id ? r.milestoneUid : null;
      return {
        id: r.id,
        instrumentId: id,
        instrument: instrument(id).shortName,
        form: r.form,
        takenOn: r.takenOn,
        date: formatDate(r.takenOn),
        score: r.score,
        scoreLabel: formatScore(r.score, family),
        likelyRangeLabel: range ? formatRange(range, family) : "",
        passProbability: r.passProbability,
        lowPassLow: r.lowPassLow,
        lowPassHigh: r.lowPassHigh,
        breakdown: readStoredBreakdown(r.breakdown),
        milestoneUid: linked,
        milestoneLabel: linked ? (milestoneLabel.get(linked) ?? null) : null,
        recordedBy: r.recordedBy?.name ?? null,
        source: r.source,
        version: r.version,
        canEdit: canEditPractice(viewer, r),
      };
    });

  const trajectoryCodes: readonly string[] = TRAJECTORY_RISK_CODES;
  return {
    exam: input.exam,
    status: input.status,
    targetExamDate: input.targetExamDate,
    charts: assessment.charts,
    readiness: assessment.readiness,
    /** The trajectory flags only; the overview shows every flag. */
    risks: assessment.risk.flags.filter((f) => trajectoryCodes.includes(f.code)),
    riskLevel: assessment.risk.level,
    latestPractice: assessment.latestPractice,
    milestones,
    log,
  };
}

/** What validating a practice-exam form needs: the case's exam, state and current milestones. */
export async function loadPracticeFormContext(caseId: string) {
  const row = await prisma.retakeCase.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      exam: true,
      openSlot: true,
      plan: {
        select: { versions: { orderBy: { number: "desc" }, take: 1, select: { milestones: { select: { uid: true } } } } },
      },
    },
  });
  return {
    exam: row.exam as ExamId,
    open: row.openSlot !== null,
    milestoneUids: row.plan?.versions[0]?.milestones.map((m) => m.uid) ?? [],
  };
}

/** The stored form and milestone of a score of this student (editing keeps them acceptable), or null. */
export async function loadPracticeRecordRef(id: string, studentId: string) {
  if (!id) return null;
  return prisma.practiceExam.findFirst({ where: { id, studentId }, select: { form: true, milestoneUid: true } });
}
