/**
 * Re-spacing a plan's practice-exam milestones when its dates move (the exam
 * date above all, also the start or the rest day): the standard milestones go
 * back to where a plan for the new dates puts them (generator.ts
 * `standardMilestoneDates`: baseline in the first week, midpoint near the
 * middle, final 1–2 weeks before the exam, each on the full-length day), and
 * a tutor's own milestones keep their distance to the exam. What is past
 * stays where it was, and so does any milestone the tutor dated by hand in
 * the same edit. Every move is reported, so the tutor (and the student) can
 * be shown what moved: a final practice exam must never be left 16 days
 * before an exam that moved.
 *
 * Used by the plan editor when a new version moves the dates, and by anything
 * else that moves an exam date (a postponement).
 */
import { addDays, daysBetween, formatDate, type IsoDate } from "#app/domain/dates";
import { plural } from "#app/domain/text";
import { standardMilestoneDates } from "./generator";
import type { PlanMilestone } from "./schema";

/** The dates a plan's milestones are spaced over. */
interface PlanDates {
  startDate: IsoDate;
  examDate: IsoDate;
  restDay: number;
}

interface MilestoneMove {
  uid: string;
  label: string;
  from: IsoDate;
  /** Null: the new dates leave no room for it, so it was taken out. */
  to: IsoDate | null;
}

interface RespaceResult {
  milestones: PlanMilestone[];
  moves: MilestoneMove[];
}

export function datesMoved(before: PlanDates, after: PlanDates): boolean {
  return before.startDate !== after.startDate || before.examDate !== after.examDate || before.restDay !== after.restDay;
}

/**
 * The milestones for `after`, from those spaced for `before`.
 * - due before `today`: kept (done, or missed: either way history);
 * - in `keep` (uids the tutor dated by hand): kept;
 * - baseline, midpoint, final: the new standard date on or after `today`, or
 *   taken out when there is no room for it any more;
 * - the tutor's own: the same number of days before the exam, within the new
 *   period and not before `today`.
 */
export function respaceMilestones(input: {
  milestones: readonly PlanMilestone[];
  before: PlanDates;
  after: PlanDates;
  today: IsoDate;
  keep?: ReadonlySet<string>;
}): RespaceResult {
  const { before, after, today } = input;
  if (!datesMoved(before, after)) return { milestones: input.milestones.map((m) => ({ ...m })), moves: [] };
  const standard = standardMilestoneDates(after.startDate, after.examDate, after.restDay, today > after.startDate ? today : null);
  const earliest = [today, after.startDate].sort()[1];
  const latest = addDays(after.examDate, -1);
  const milestones: PlanMilestone[] = [];
  const moves: MilestoneMove[] = [];
  for (const m of input.milestones) {
    if (m.dueOn < today || input.keep?.has(m.uid)) {
      milestones.push({ ...m });
      continue;
    }
    let dueOn: IsoDate | null;
    if (m.kind === "CUSTOM") {
      const shifted = addDays(after.examDate, -daysBetween(m.dueOn, before.examDate));
      // Within [earliest, latest] (ISO dates sort as text); no room at all when the period is over.
      dueOn = earliest > latest ? null : [earliest, shifted, latest].sort()[1];
    } else {
      dueOn = standard[m.kind];
    }
    if (dueOn !== m.dueOn) moves.push({ uid: m.uid, label: m.label, from: m.dueOn, to: dueOn });
    if (dueOn !== null) milestones.push({ ...m, dueOn });
  }
  milestones.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  return { milestones, moves };
}

/** One sentence per move, for the tutor: "Final practice exam: NBME CBSSA moves from 16 May 2026 to 23 May 2026, 9 days before the exam." */
export function describeMoves(moves: readonly MilestoneMove[], examDate: IsoDate): string[] {
  return moves.map((m) =>
    m.to === null
      ? `${m.label} (was ${formatDate(m.from)}) is taken out: the new dates leave no room for it.`
      : `${m.label} moves from ${formatDate(m.from)} to ${formatDate(m.to)}, ${plural(daysBetween(m.to, examDate), "day")} before the exam.`,
  );
}

/**
 * The uids a tutor dated by hand in an edit: present before with another
 * date, or added. Re-spacing leaves them where the tutor put them.
 */
export function milestonesDatedByHand(previous: readonly PlanMilestone[], edited: readonly PlanMilestone[]): Set<string> {
  const was = new Map(previous.map((m) => [m.uid, m.dueOn]));
  return new Set(edited.filter((m) => was.get(m.uid) !== m.dueOn).map((m) => m.uid));
}

/** The note shown to the tutor when a version is saved: what moved, if anything, within `max` characters. */
export function versionSavedNote(moved: readonly string[], max = 500): string {
  const tail = "The student sees what changed and why.";
  if (moved.length === 0) return tail;
  const head = "Milestones re-spaced for the new dates: ";
  for (let n = moved.length; n >= 1; n -= 1) {
    const more = moved.length - n;
    const text = `${head}${moved.slice(0, n).join(" ")}${more > 0 ? ` And ${plural(more, "more change")}: see the comparison below.` : ""} ${tail}`;
    if (text.length <= max) return text;
  }
  return `${plural(moved.length, "milestone")} re-spaced for the new dates: see the comparison below. ${tail}`.slice(0, max);
}
