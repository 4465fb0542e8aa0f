/**
 * The plan version a postponement proposes: the same plan with the new exam
 * date, its rhythm rebuilt for the test-day format on that date (the plan
 * editor's own `versionFromEditor`), and the milestones still ahead moved so
 * they keep their place in the longer (or shorter) run-up:
 * - milestones already due (on or before today) stay where they were;
 * - the final practice exam keeps its distance before the exam (the 1–2 weeks
 *   that leave time to act on it);
 * - the others keep their share of the time between today (or the plan's
 *   start, if later) and the exam, on the same weekday as before (the plan's
 *   full-length day), never on or after the final one.
 */
import { addDays, daysBetween, type IsoDate, isoWeekday, maxDate } from "../dates";
import { editorValues, versionFromEditor } from "../plans/editor";
import type { PlanMilestone, PlanVersionData } from "../plans/schema";
import type { RetakeExamId } from "../reference";

export interface RespaceContext {
  today: IsoDate;
  startDate: IsoDate;
  fromExamDate: IsoDate;
  toExamDate: IsoDate;
}

/** The nearest day to `date` on `weekday` (ties go earlier). */
function nearestWeekday(date: IsoDate, weekday: number): IsoDate {
  const diff = (weekday - isoWeekday(date) + 7) % 7; // 0..6 days forward
  return diff <= 3 ? addDays(date, diff) : addDays(date, diff - 7);
}

export function respaceMilestones(milestones: readonly PlanMilestone[], ctx: RespaceContext): PlanMilestone[] {
  const anchor = maxDate(ctx.today, ctx.startDate);
  const shift = daysBetween(ctx.fromExamDate, ctx.toExamDate);
  const oldSpan = daysBetween(anchor, ctx.fromExamDate);
  const newSpan = daysBetween(anchor, ctx.toExamDate);
  const final = milestones.find((m) => m.kind === "FINAL" && m.dueOn > ctx.today);
  const finalDue = final ? addDays(final.dueOn, shift) : ctx.toExamDate;
  return milestones.map((m) => {
    if (m.dueOn <= ctx.today) return m;
    if (m === final) return { ...m, dueOn: finalDue };
    if (oldSpan <= 0) return m;
    const stretched = addDays(anchor, Math.round((daysBetween(anchor, m.dueOn) * newSpan) / oldSpan));
    let due = nearestWeekday(stretched, isoWeekday(m.dueOn));
    while (due >= finalDue && due > addDays(anchor, 7)) due = addDays(due, -7);
    if (due <= ctx.today) due = m.dueOn;
    return { ...m, dueOn: due };
  });
}

export type RespaceResult = { ok: true; data: PlanVersionData } | { ok: false; errors: string[] };

/** The current version moved to `toExamDate`, validated as a whole like an edited plan. */
export function respacedVersion(exam: RetakeExamId, current: PlanVersionData, toExamDate: IsoDate, today: IsoDate): RespaceResult {
  const values = editorValues(current);
  const milestones = respaceMilestones(values.milestones, {
    today,
    startDate: current.startDate,
    fromExamDate: current.examDate,
    toExamDate,
  });
  const built = versionFromEditor(exam, { ...values, examDate: toExamDate, milestones });
  if (built.ok) return built;
  return { ok: false, errors: [...new Set(Object.values(built.fieldErrors).flat())] };
}
