/**
 * Shared shapes and helpers for logged practice exams: the likely range around
 * a score, the low-pass band a report printed, and score formatting. Scores stay
 * on their instrument's own scale (docs/domain.md §4); nothing here converts them.
 */
import type { IsoDate } from "#app/domain/dates";
import { type InstrumentId, instrument, type ScaleFamily } from "#app/domain/reference";
import { clamp } from "./projection";

/** One logged practice exam, as the domain needs it (the database row maps onto this). */
export interface PracticeExamEntry {
  id: string;
  instrumentId: InstrumentId;
  form: string | null;
  takenOn: IsoDate;
  score: number;
  /** The low-pass band printed on this report (CBSSA), when recorded. */
  lowPassLow?: number | null;
  lowPassHigh?: number | null;
  passProbability?: number | null;
  /** The plan milestone this exam fulfils, when linked. */
  milestoneUid?: string | null;
}

/** A plan milestone, as far as the trajectory needs it. */
export interface MilestoneEntry {
  uid: string;
  kind: string;
  dueOn: IsoDate;
  label: string;
  /** The instrument the milestone asks for, or null for "any practice exam". */
  instrumentId: InstrumentId | null;
}

export interface ScoreRange {
  low: number;
  high: number;
}

export interface LowPassBand extends ScoreRange {
  instrumentId: InstrumentId;
  /** True when no report recorded a band and the instrument's reference default applies. */
  isDefault: boolean;
  /** The practice exam whose report printed the band, when not the default. */
  fromPracticeExamId: string | null;
  recordedOn: IsoDate | null;
}

/**
 * The likely range printed around a score (CBSSA: EPC ± 4; CCSSA: ± one SEE),
 * clamped to the instrument's scale, or null when the instrument has none.
 */
export function likelyRange(instrumentId: InstrumentId, score: number): ScoreRange | null {
  const info = instrument(instrumentId);
  if (info.likelyRangeHalfWidth === null) return null;
  return {
    low: clamp(score - info.likelyRangeHalfWidth, info.scaleMin, info.scaleMax),
    high: clamp(score + info.likelyRangeHalfWidth, info.scaleMin, info.scaleMax),
  };
}

/** Whether the instrument's report prints a low-pass band (today: the CBSSA). */
export function printsLowPassBand(instrumentId: InstrumentId): boolean {
  return instrument(instrumentId).defaultLowPassBand !== null;
}

/** The band recorded on one report, when both ends were entered in order. */
export function recordedBand(entry: PracticeExamEntry): ScoreRange | null {
  const { lowPassLow: low, lowPassHigh: high } = entry;
  if (low === null || low === undefined || high === null || high === undefined || low > high) return null;
  return { low, high };
}

/** The band to judge one report by: its own printed band, else the instrument's default. */
export function bandForEntry(entry: PracticeExamEntry): LowPassBand | null {
  const own = recordedBand(entry);
  if (own) {
    return { ...own, instrumentId: entry.instrumentId, isDefault: false, fromPracticeExamId: entry.id, recordedOn: entry.takenOn };
  }
  return defaultBand(entry.instrumentId);
}

function defaultBand(instrumentId: InstrumentId): LowPassBand | null {
  const band = instrument(instrumentId).defaultLowPassBand;
  if (!band) return null;
  return { low: band.low, high: band.high, instrumentId, isDefault: true, fromPracticeExamId: null, recordedOn: null };
}

/**
 * The band from the latest report of `instrumentId` that recorded one, else the
 * instrument's default (flagged), else null. NBME moves the band between form
 * generations, so the newest printed band is the best reference.
 */
export function latestLowPassBand(entries: readonly PracticeExamEntry[], instrumentId: InstrumentId): LowPassBand | null {
  const withBand = sortByDate(entries.filter((e) => e.instrumentId === instrumentId && recordedBand(e) !== null));
  const latest = withBand.at(-1);
  return latest ? bandForEntry(latest) : defaultBand(instrumentId);
}

/** Oldest first; ties keep a stable order by id so output never flickers. */
export function sortByDate<T extends { takenOn: IsoDate; id: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (a.takenOn === b.takenOn ? a.id.localeCompare(b.id) : a.takenOn < b.takenOn ? -1 : 1));
}

/** The unit printed after a score on this scale family. */
export function scaleUnit(family: ScaleFamily): string {
  return family === "PERCENT" ? "%" : "";
}

/** Whole points for people ("71%", "212"): reports print whole numbers. */
export function formatScore(value: number, family: ScaleFamily): string {
  return `${Math.round(value)}${scaleUnit(family)}`;
}

/** "66–76%" or "203–221": the unit once, after the range. */
export function formatRange(range: ScoreRange, family: ScaleFamily): string {
  return `${Math.round(range.low)}–${Math.round(range.high)}${scaleUnit(family)}`;
}
