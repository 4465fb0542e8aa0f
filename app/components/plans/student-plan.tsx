/**
 * The student's plan at a glance: days to the exam, this week day by day, the
 * next milestones and what changed in the latest version, in supportive words
 * that say the next step. Shared by the student's home and their Plan tab.
 */
import type { SubmissionResult } from "@conform-to/react";
import type { WeekOption } from "#app/domain/checkins/schema";
import { formatDate, formatDay } from "#app/domain/dates";
import type { StudentPlanView } from "#app/domain/plans/queries.server";
import { ACTIVITY_LABELS, SLOT_LABELS } from "#app/domain/plans/schema";
import type { WeekView as WeekViewData } from "#app/domain/plans/week";
import { instrument } from "#app/domain/reference";
import { plural } from "#app/domain/text";
import { type CheckInDefaults, CheckInForm } from "./check-in-form";
import { formatMinutes, inDays } from "./format";
import { ChangeGroupList } from "./plan-versions";

/**
 * The plan at a glance, in the order a student reads it: days to the exam,
 * what changed last, this week (or the first one), the next milestones and
 * the calendar and print links. The caller gives the section and its heading.
 */
export function StudentPlanSummary({
  caseId,
  view,
  examLabel,
  idPrefix,
}: {
  caseId: string;
  view: StudentPlanView;
  examLabel: string;
  /** Keeps the headings' ids unique when several plans share a page. */
  idPrefix: string;
}) {
  return (
    <>
      <DaysToExam view={view} examLabel={examLabel} />
      <LatestChangeNote view={view} headingId={`${idPrefix}-change-heading`} />
      {view.firstWeek ? (
        <WeekView week={view.firstWeek} headingId={`${idPrefix}-week-heading`} title="Your first week" />
      ) : (
        <WeekView week={view.week} headingId={`${idPrefix}-week-heading`} />
      )}
      <NextMilestones view={view} headingId={`${idPrefix}-milestones-heading`} />
      <PlanLinks caseId={caseId} />
    </>
  );
}

/**
 * The weekly check-in: a card of its own on the Plan tab, a part of the
 * plan's card (or of the waiting card) on the home page.
 */
export function CheckInSection({
  caseId,
  checkIn,
  redirectTo,
  lastResult,
  nested = false,
}: {
  caseId: string;
  checkIn: { weeks: WeekOption[]; existing: CheckInDefaults | null };
  redirectTo: string;
  lastResult?: SubmissionResult<string[]> | null;
  /** Inside another card (an h3 under its heading) rather than a card with an h2. */
  nested?: boolean;
}) {
  const headingId = `check-in-heading-${caseId}`;
  const Heading = nested ? "h3" : "h2";
  return (
    <section aria-labelledby={headingId} className={nested ? "border-t border-slate-200 pt-4" : "card"}>
      <Heading id={headingId}>Weekly check-in</Heading>
      <p className="hint">A minute a week: it helps your tutor adjust the plan to how things are really going.</p>
      <div className="mt-3">
        <CheckInForm
          key={checkIn.existing?.weekOf ?? "new"}
          caseId={caseId}
          weeks={checkIn.weeks}
          existing={checkIn.existing}
          lastResult={lastResult}
          redirectTo={redirectTo}
        />
      </div>
    </section>
  );
}

/** The headline: how far the exam is, in calm words. */
function DaysToExam({ view, examLabel }: { view: StudentPlanView; examLabel: string }) {
  const days = view.daysToExam;
  let text: string;
  if (days > 1) text = `${plural(days, "day")} to your ${examLabel} exam on ${formatDate(view.examDate)}.`;
  else if (days === 1)
    text = `Your ${examLabel} exam is tomorrow, ${formatDate(view.examDate)}. Rest well tonight: you have done the work.`;
  else if (days === 0) text = `Your ${examLabel} exam is today. Good luck: you are prepared.`;
  else
    text = `Your ${examLabel} exam was on ${formatDate(view.examDate)}. Record the result when it arrives, and your tutor will plan the next step with you.`;
  return (
    <p className="text-base">
      <span className="font-semibold">{text}</span>
      {view.daysToStart > 0 ? (
        <span className="block text-sm text-slate-700">
          Your plan starts on {formatDate(view.startDate)} ({inDays(view.daysToStart)}): a good moment to set up your question bank and
          flashcards.
        </span>
      ) : null}
    </p>
  );
}

function WeekView({ week, headingId, title }: { week: WeekViewData; headingId: string; title?: string }) {
  const heading = title ?? (week.weekNumber !== null ? `This week: week ${week.weekNumber} of ${week.totalWeeks}` : "This week");
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      <p className="hint">
        {formatDate(week.weekStart, false)} – {formatDate(week.weekEnd)}
      </p>
      <ol className="mt-2 grid gap-2 md:grid-cols-2 xl:grid-cols-4">
        {week.days.map((day) => (
          <li key={day.date} className="rounded-md border border-slate-200 p-3 text-sm">
            <p className="font-semibold">
              {day.weekdayName} <span className="font-normal text-slate-600">{formatDate(day.date, false)}</span>
            </p>
            {day.isExamDay ? <p className="mt-1 font-medium text-brand-800">Exam day. You have prepared for this.</p> : null}
            {day.milestones.map((m) => (
              <p key={m.uid} className="mt-1 font-medium text-brand-800">
                Milestone: {m.label}
              </p>
            ))}
            {!day.inPlan ? (
              <p className="mt-1 text-slate-600">Outside your plan's dates</p>
            ) : day.isRestDay ? (
              <p className="mt-1 text-slate-700">Rest day: recharge. Light flashcards at most.</p>
            ) : null}
            {day.blocks.length > 0 && !day.isRestDay ? (
              <ul className="mt-1 space-y-1">
                {day.blocks.map((b) => (
                  <li key={`${b.slot}-${b.kind}-${b.description}`}>
                    <span className="text-slate-600">{SLOT_LABELS[b.slot]}:</span> {ACTIVITY_LABELS[b.kind]}
                    {b.minutes > 0 ? ` (${formatMinutes(b.minutes)})` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function NextMilestones({ view, headingId }: { view: StudentPlanView; headingId: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Next milestones</h3>
      {view.nextMilestones.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">No practice-exam milestones ahead. Keep to the weekly rhythm.</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {view.nextMilestones.map((m) => (
            <li key={m.uid}>
              <span className="font-medium">{formatDate(m.dueOn)}</span> ({inDays(m.daysUntil)}): {m.label}
              {m.instrumentId ? <span className="text-slate-600"> — {instrument(m.instrumentId).name}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">After each practice exam, log the score so your tutor can see your progress.</p>
    </section>
  );
}

function LatestChangeNote({ view, headingId }: { view: StudentPlanView; headingId: string }) {
  const change = view.latestChange;
  if (!change) return null;
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-sky-200 bg-sky-50 p-3">
      <h3 id={headingId}>What changed in your plan</h3>
      <p className="mt-1 text-sm">
        Your plan was updated on {formatDay(change.on)}
        {change.by ? ` by ${change.by}` : ""} (version {change.number}). Plans change as you learn what works for you — that is part of the
        process, not a setback.
      </p>
      {change.reason ? (
        <p className="mt-1 text-sm">
          <span className="font-medium">Why:</span> {change.reason}
          {change.promptedBy ? <span className="text-slate-700"> ({change.promptedBy})</span> : null}
        </p>
      ) : null}
      {change.groups.length > 0 ? (
        <div className="mt-2">
          <ChangeGroupList groups={change.groups} headingLevel="h4" />
        </div>
      ) : null}
    </section>
  );
}

/** Calendar and print links, for the student's home and the Plan tab. */
export function PlanLinks({ caseId, audience = "student" }: { caseId: string; audience?: "student" | "staff" }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm print:hidden">
      <li>
        <a href={`/cases/${caseId}/calendar.ics`} download>
          {audience === "student"
            ? "Add milestones and exam day to your calendar (.ics)"
            : "Calendar file of the milestones and exam day (.ics)"}
        </a>
      </li>
      <li>
        <a href={`/cases/${caseId}/plan/print`}>Print-friendly plan</a>
      </li>
    </ul>
  );
}
