/**
 * "This week's milestones" on a tutor's home (ADR 0024): every milestone due
 * this week, and every earlier one still open — past its date with no practice
 * exam fulfilling it — so a missed final practice exam a week before the exam
 * is on the page, not hidden because its week is over. Pure.
 */
import type { IsoDate } from "#app/domain/dates";
import { type ExamId, type InstrumentId, instrumentInforms, RETAKE_GUIDANCE } from "#app/domain/reference";
import { milestoneFulfilled } from "#app/domain/trajectory/risks";

export type HomeMilestoneState = "MISSED" | "DONE" | "DUE";

export interface HomeMilestoneInput {
  caseId: string;
  exam: ExamId;
  studentName: string;
  uid: string;
  label: string;
  dueOn: IsoDate;
  kind: string;
  instrumentId: InstrumentId | null;
}

interface HomePracticeInput {
  caseId: string | null;
  studentKey: string;
  instrumentId: InstrumentId;
  takenOn: IsoDate;
  milestoneUid: string | null;
}

export interface HomeMilestone {
  caseId: string;
  studentName: string;
  label: string;
  dueOn: IsoDate;
  kind: string;
  state: HomeMilestoneState;
}

/** Words for each state, as the home page shows them. */
export const HOME_MILESTONE_STATE_LABELS: Record<HomeMilestoneState, string> = {
  MISSED: "Missed: no practice exam logged yet",
  DONE: "Done",
  DUE: "Due",
};

/**
 * The week's milestones with their state, missed ones first (oldest first),
 * then the week's in date order. `practice` is each case's student's practice
 * exams, keyed by `studentKey` in `studentOf`.
 */
export function homeMilestones(
  milestones: readonly HomeMilestoneInput[],
  practice: readonly HomePracticeInput[],
  studentOf: ReadonlyMap<string, string>,
  window: { today: IsoDate; weekStart: IsoDate; weekEnd: IsoDate },
  graceDays: number = RETAKE_GUIDANCE.milestoneGraceDays,
): HomeMilestone[] {
  const shown: HomeMilestone[] = [];
  for (const m of milestones) {
    if (m.dueOn > window.weekEnd) continue;
    const student = studentOf.get(m.caseId);
    // Exams of the same student on an instrument that informs this case's exam; a link counts only on this case.
    const taken = practice
      .filter((p) => p.studentKey === student && p.takenOn <= window.today && instrumentInforms(p.instrumentId, m.exam))
      .map((p) => ({ ...p, milestoneUid: p.caseId === m.caseId ? p.milestoneUid : null }));
    const done = milestoneFulfilled(m, taken, graceDays);
    const state: HomeMilestoneState = done ? "DONE" : m.dueOn < window.today ? "MISSED" : "DUE";
    const thisWeek = m.dueOn >= window.weekStart;
    if (!thisWeek && state !== "MISSED") continue;
    shown.push({ caseId: m.caseId, studentName: m.studentName, label: m.label, dueOn: m.dueOn, kind: m.kind, state });
  }
  const rank = (m: HomeMilestone) => (m.state === "MISSED" ? 0 : 1);
  return shown.sort(
    (a, b) =>
      rank(a) - rank(b) || a.dueOn.localeCompare(b.dueOn) || a.studentName.localeCompare(b.studentName) || a.label.localeCompare(b.label),
  );
}
