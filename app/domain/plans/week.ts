/**
 * The student's view of a plan: this week's days with their sessions, the
 * milestones ahead and the days left. Weeks are ISO weeks (Monday to Sunday),
 * the way a calendar shows them, whatever weekday the plan started on.
 */
import { addDays, daysBetween, type IsoDate, isoWeekday, startOfIsoWeek } from "#app/domain/dates";
import { MILESTONE_KINDS } from "#app/domain/vocabulary";
import { type PlanBlock, type PlanMilestone, type PlanVersionData, weekdayName } from "./schema";

export interface WeekDay {
  date: IsoDate;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  weekdayName: string;
  /** From the start date to the exam date, both included. */
  inPlan: boolean;
  /** A day of study (start date up to the day before the exam): only these have sessions. */
  isStudyDay: boolean;
  isExamDay: boolean;
  /** The protected rest day, on a study day. */
  isRestDay: boolean;
  blocks: PlanBlock[];
  milestones: PlanMilestone[];
}

export interface WeekView {
  weekStart: IsoDate;
  weekEnd: IsoDate;
  /** 1 for the week holding the start date; null when the week has no study day. */
  weekNumber: number | null;
  /** Weeks holding at least one study day. */
  totalWeeks: number;
  days: WeekDay[];
  /** Milestones due this week, earliest first. */
  milestones: PlanMilestone[];
  examInWeek: boolean;
}

export type WeekPlan = Pick<PlanVersionData, "startDate" | "examDate" | "restDay" | "content">;

/** The ISO week holding `date`, Monday to Sunday, as the plan lays it out. */
export function weekView(plan: WeekPlan, date: IsoDate): WeekView {
  const weekStart = startOfIsoWeek(date);
  const milestones = sortMilestones(plan.content.milestones);
  const days: WeekDay[] = [];
  for (let i = 0; i < 7; i += 1) {
    const day = addDays(weekStart, i);
    const weekday = isoWeekday(day);
    const isStudyDay = day >= plan.startDate && day < plan.examDate;
    days.push({
      date: day,
      weekday,
      weekdayName: weekdayName(weekday),
      inPlan: day >= plan.startDate && day <= plan.examDate,
      isStudyDay,
      isExamDay: day === plan.examDate,
      isRestDay: isStudyDay && weekday === plan.restDay,
      blocks: isStudyDay ? (plan.content.rhythm.find((d) => d.weekday === weekday)?.blocks ?? []).map((b) => ({ ...b })) : [],
      milestones: milestones.filter((m) => m.dueOn === day),
    });
  }
  const weekEnd = addDays(weekStart, 6);
  return {
    weekStart,
    weekEnd,
    weekNumber: days.some((d) => d.isStudyDay) ? planWeekNumber(plan.startDate, weekStart) : null,
    totalWeeks: totalPlanWeeks(plan.startDate, plan.examDate),
    days,
    milestones: milestones.filter((m) => m.dueOn >= weekStart && m.dueOn <= weekEnd),
    examInWeek: plan.examDate >= weekStart && plan.examDate <= weekEnd,
  };
}

/** The ISO week of `date` counted from the week of the start date (1-based). */
function planWeekNumber(startDate: IsoDate, date: IsoDate): number {
  return Math.floor(daysBetween(startOfIsoWeek(startDate), startOfIsoWeek(date)) / 7) + 1;
}

/**
 * The plan's length in weeks, the one count every view uses: the ISO weeks
 * holding a study day (so "week 3 of 3" and "a 3-week plan" agree); 0 when
 * the exam is not after the start. Starting Wednesday 4 Mar 2026 for an exam
 * on 18 Mar, the study days fall in 3 calendar weeks.
 */
export function totalPlanWeeks(startDate: IsoDate, examDate: IsoDate): number {
  if (examDate <= startDate) return 0;
  return planWeekNumber(startDate, addDays(examDate, -1));
}

interface UpcomingMilestone extends PlanMilestone {
  /** 0 = today. */
  daysUntil: number;
}

/** The next `n` milestones due today or later, earliest first. */
export function nextMilestones(milestones: readonly PlanMilestone[], today: IsoDate, n: number): UpcomingMilestone[] {
  if (n <= 0) return [];
  return sortMilestones(milestones.filter((m) => m.dueOn >= today))
    .slice(0, n)
    .map((m) => ({ ...m, daysUntil: daysBetween(today, m.dueOn) }));
}

/** Whole days from `today` to the exam; negative once it has passed. */
export function daysToExam(examDate: IsoDate, today: IsoDate): number {
  return daysBetween(today, examDate);
}

/** Earliest first; on one day by kind (baseline, midpoint, final, custom), then by uid so the order is stable. */
export function sortMilestones<T extends Pick<PlanMilestone, "dueOn" | "kind" | "uid">>(milestones: readonly T[]): T[] {
  const rank = (m: T) => MILESTONE_KINDS.indexOf(m.kind);
  return [...milestones].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || rank(a) - rank(b) || a.uid.localeCompare(b.uid));
}
