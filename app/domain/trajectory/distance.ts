/**
 * A practice score's distance to passing on its own scale (docs/decisions/0024):
 * the score minus the scale's passing line — the low end of the CBSSA's
 * low-pass band (the report's own band, else the default), or the exam's
 * three-digit standard on the exam date (today without one) — divided by the
 * scale's standard error, so a UWSA and a CBSSA can be ranked together.
 * Positive is above passing. Null for an instrument that does not predict the
 * exam or whose scale has no passing line (CCMSA, CBSE, raw percentages).
 */
import type { IsoDate } from "#app/domain/dates";
import { type ExamId, instrument, passingStandardOn, SCALE_STANDARD_ERROR } from "#app/domain/reference";
import { bandForEntry, type PracticeExamEntry, printsLowPassBand } from "./practice";

function passingLine(entry: PracticeExamEntry, context: { exam: ExamId; examDate: IsoDate | null; today: IsoDate }): number | null {
  const { scaleFamily, predictive } = instrument(entry.instrumentId);
  if (!predictive) return null;
  if (printsLowPassBand(entry.instrumentId)) return bandForEntry(entry)?.low ?? null;
  if (scaleFamily === "THREE_DIGIT") return passingStandardOn(context.exam, context.examDate ?? context.today)?.minScore ?? null;
  return null;
}

export function passingDistance(
  entry: PracticeExamEntry,
  context: { exam: ExamId; examDate: IsoDate | null; today: IsoDate },
): number | null {
  const unit = SCALE_STANDARD_ERROR[instrument(entry.instrumentId).scaleFamily];
  const line = passingLine(entry, context);
  if (unit === undefined || line === null) return null;
  return (entry.score - line) / unit;
}
