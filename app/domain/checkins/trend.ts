/**
 * A little trend over the latest weekly check-ins, in words a tutor reads at a
 * glance: how percent correct moved, the usual weekly volume, and how the
 * student has been feeling. Pure.
 */
import { formatDate, type IsoDate } from "#app/domain/dates";
import { plural } from "#app/domain/text";
import { moodLabel } from "./schema";

interface CheckInPoint {
  weekOf: IsoDate;
  questionsDone: number;
  percentCorrect: number;
  hoursStudied: number;
  mood: number;
}

/** Check-ins the trend looks back over. */
const TREND_WINDOW = 4;
/** A change in percent correct smaller than this (points) is "steady". */
const STEADY_POINTS = 2;

export type TrendDirection = "UP" | "DOWN" | "STEADY";

export interface CheckInTrend {
  /** Check-ins in the window (the newest `TREND_WINDOW`). */
  weeks: number;
  direction: TrendDirection | null;
  /** Points of percent correct from the oldest to the newest in the window. */
  percentChange: number | null;
  averages: { questions: number; hours: number; percent: number; mood: number } | null;
  lines: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Week-on-week change in percent correct for each check-in (null for the first). */
export function percentDeltas(points: readonly CheckInPoint[]): Map<IsoDate, number | null> {
  const sorted = [...points].sort((a, b) => a.weekOf.localeCompare(b.weekOf));
  const out = new Map<IsoDate, number | null>();
  for (const [i, p] of sorted.entries()) {
    out.set(p.weekOf, i === 0 ? null : round1(p.percentCorrect - sorted[i - 1].percentCorrect));
  }
  return out;
}

export function checkInTrend(points: readonly CheckInPoint[]): CheckInTrend {
  const window = [...points].sort((a, b) => a.weekOf.localeCompare(b.weekOf)).slice(-TREND_WINDOW);
  if (window.length === 0) return { weeks: 0, direction: null, percentChange: null, averages: null, lines: [] };
  const avg = (f: (p: CheckInPoint) => number) => window.reduce((s, p) => s + f(p), 0) / window.length;
  const averages = {
    questions: Math.round(avg((p) => p.questionsDone)),
    hours: round1(avg((p) => p.hoursStudied)),
    percent: round1(avg((p) => p.percentCorrect)),
    mood: round1(avg((p) => p.mood)),
  };
  const lines: string[] = [];
  let direction: TrendDirection | null = null;
  let percentChange: number | null = null;
  const first = window[0];
  const last = window[window.length - 1];
  if (window.length >= 2) {
    percentChange = round1(last.percentCorrect - first.percentCorrect);
    direction = Math.abs(percentChange) < STEADY_POINTS ? "STEADY" : percentChange > 0 ? "UP" : "DOWN";
    const span = `over the last ${window.length} check-ins`;
    if (direction === "STEADY") lines.push(`Percent correct steady around ${averages.percent}% ${span}.`);
    else
      lines.push(
        `Percent correct ${direction === "UP" ? "up" : "down"} ${Math.abs(percentChange)} points ${span} (${first.percentCorrect}% → ${last.percentCorrect}%).`,
      );
  } else {
    lines.push(`One check-in so far: ${last.percentCorrect}% correct in the week of ${formatDate(last.weekOf)}.`);
  }
  lines.push(`About ${averages.questions} questions and ${averages.hours} hours a week.`);
  const low = window.filter((p) => p.mood <= 2);
  const moodLine = `Feeling ${moodLabel(Math.round(averages.mood)).toLowerCase()} on average (${averages.mood} of 5)`;
  lines.push(
    low.length > 0
      ? `${moodLine}; ${plural(low.length, "week")} ${low.length === 1 ? "was" : "were"} hard (${low.map((p) => formatDate(p.weekOf, false)).join(", ")}): worth asking about.`
      : `${moodLine}.`,
  );
  return { weeks: window.length, direction, percentChange, averages, lines };
}
