/**
 * The student's calendar file (.ics): every milestone of the plan in force and
 * the exam day, as all-day events. UIDs are stable across plan versions
 * (`<caseId>-<milestone uid>@retake-desk`, `<caseId>-exam@retake-desk`) and the
 * SEQUENCE is the plan's version number, so a calendar that imports the file
 * again moves the events it already has instead of duplicating them.
 */
import ical, { ICalCalendarMethod } from "ical-generator";
import { addDays, formatDate, type IsoDate, toUtcDate } from "#app/domain/dates";
import { instrument } from "#app/domain/reference";
import { SESSION_KIND_LABELS } from "#app/domain/sessions/schema";
import type { PlanMilestone } from "./schema";
import { sortMilestones } from "./week";

const CALENDAR_DOMAIN = "retake-desk";

export function milestoneEventUid(caseId: string, milestoneUid: string): string {
  return `${caseId}-${milestoneUid}@${CALENDAR_DOMAIN}`;
}

export function examEventUid(caseId: string): string {
  return `${caseId}-exam@${CALENDAR_DOMAIN}`;
}

interface PlanCalendarInput {
  caseId: string;
  /** "Step 1". */
  examLabel: string;
  /** The plan's exam date, or the case's target date when there is no plan yet. */
  examDate: IsoDate | null;
  milestones: readonly Pick<PlanMilestone, "uid" | "kind" | "dueOn" | "instrumentId" | "label">[];
  /** The plan version in force (0 without a plan). */
  version: number;
  /** Where the student reads the plan, for the events' link. */
  planUrl?: string;
  /** The stamp of the file (defaults to now); tests pass a fixed one. */
  now?: Date;
  /** Sessions scheduled with the student, as all-day events saying the time (docs/decisions/0024). */
  sessions?: ReadonlyArray<{
    id: string;
    kind: "MEETING" | "CALL" | "MESSAGE" | "NO_SHOW";
    sessionOn: IsoDate;
    startTime: string | null;
    durationMinutes: number | null;
    tutorName: string | null;
  }>;
}

function sessionEventUid(sessionId: string): string {
  return `session-${sessionId}@${CALENDAR_DOMAIN}`;
}

export function planCalendar(input: PlanCalendarInput): string {
  const calendar = ical({
    name: `Retake plan · ${input.examLabel}`,
    prodId: { company: "Retake Desk", product: "Retake plan", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
  });
  const stamp = input.now ?? new Date();
  const day = (date: IsoDate) => ({ start: toUtcDate(date), end: toUtcDate(addDays(date, 1)), allDay: true });
  for (const m of sortMilestones(input.milestones)) {
    const what = m.instrumentId ? ` Use ${instrument(m.instrumentId).name}.` : "";
    calendar.createEvent({
      id: milestoneEventUid(input.caseId, m.uid),
      sequence: input.version,
      stamp,
      ...day(m.dueOn),
      summary: m.label,
      description: `A practice-exam milestone of your ${input.examLabel} retake plan.${what} Log the score in Retake Desk afterwards so your tutor sees how you are doing.`,
      url: input.planUrl ?? null,
    });
  }
  for (const x of input.sessions ?? []) {
    const what = `${SESSION_KIND_LABELS[x.kind]} with ${x.tutorName ?? "your tutor"}`;
    const when = `${x.startTime ? ` at ${x.startTime}` : ""}${x.durationMinutes ? ` (${x.durationMinutes} min)` : ""}`;
    calendar.createEvent({
      id: sessionEventUid(x.id),
      stamp,
      ...day(x.sessionOn),
      summary: `${what}${when}`,
      description: `A ${SESSION_KIND_LABELS[x.kind].toLowerCase()} with your tutor about your ${input.examLabel} retake, on ${formatDate(x.sessionOn)}${when}.`,
      url: input.planUrl ?? null,
    });
  }
  if (input.examDate) {
    calendar.createEvent({
      id: examEventUid(input.caseId),
      sequence: input.version,
      stamp,
      ...day(input.examDate),
      summary: `${input.examLabel} exam day`,
      description: `Your ${input.examLabel} exam on ${formatDate(input.examDate)}. Good luck: you have prepared for this.`,
      url: input.planUrl ?? null,
    });
  }
  return calendar.toString();
}

/** "retake-plan-step-1.ics". */
export function calendarFileName(examLabel: string): string {
  return `retake-plan-${examLabel
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}.ics`;
}
