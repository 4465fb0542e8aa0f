/**
 * The whole plan, read-only: dates, the weekly rhythm, focus areas, resources,
 * milestones and measures. Used on the Plan tab and the print page, so it is
 * plain semantic HTML that prints well (tables, lists, headings).
 */

import { ScrollRegion } from "#app/components/scroll-region";
import { TableHead } from "#app/components/table-head";
import { formatDate } from "#app/domain/dates";
import {
  ACTIVITY_LABELS,
  FOCUS_KIND_LABELS,
  RESOURCE_KIND_LABELS,
  type RhythmDay,
  SLOT_LABELS,
  SLOTS,
  type ViewedPlanVersionData,
  weekdayName,
} from "#app/domain/plans/schema";
import { MILESTONE_KIND_NAMES } from "#app/domain/plans/templates";
import { instrument } from "#app/domain/reference";
import type { Visibility } from "#app/domain/vocabulary";
import { FINDING_KINDS } from "#app/domain/vocabulary";
import { formatMinutes } from "./format";

type HeadingLevel = "h2" | "h3";

/** Said to staff next to a measure the student does not see, and why (ADR 0012). */
const AUDIENCE_NOTES: Record<Visibility, string | null> = {
  PRIVATE: "Only you see this measure: it answers a finding private to you.",
  OFFICE: "Not shown to the student: it answers a finding shared with the office only.",
  STUDENT: null,
};

export function PlanDetails({
  data,
  headingLevel = "h3",
  idPrefix = "plan",
  showMeasureFindings = true,
}: {
  data: ViewedPlanVersionData;
  headingLevel?: HeadingLevel;
  idPrefix?: string;
  /** Staff see which finding each measure answers; the student sees the measure. */
  showMeasureFindings?: boolean;
}) {
  const H = headingLevel;
  const { content } = data;
  return (
    <div className="space-y-5">
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div className="flex gap-2">
          <dt className="font-medium">Start</dt>
          <dd>{formatDate(data.startDate)}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="font-medium">Exam</dt>
          <dd>{formatDate(data.examDate)}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="font-medium">Study time</dt>
          <dd>{data.hoursPerDay} hours a day</dd>
        </div>
        <div className="flex gap-2">
          <dt className="font-medium">Rest day</dt>
          <dd>{weekdayName(data.restDay)}</dd>
        </div>
      </dl>

      <section aria-labelledby={`${idPrefix}-focus`} className="break-inside-avoid">
        <H id={`${idPrefix}-focus`}>Focus areas</H>
        <ScrollRegion className="mt-2">
          <table className="data-table">
            <caption className="sr-only">Focus areas and their share of the weekly study time</caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">Kind</th>
                <th scope="col" className="text-right">
                  Share of the week
                </th>
              </tr>
            </thead>
            <tbody>
              {content.focusAreas.map((f) => (
                <tr key={f.key}>
                  <td>{f.label}</td>
                  <td>{FOCUS_KIND_LABELS[f.kind]}</td>
                  <td className="text-right tabular-nums">{f.sharePercent}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section aria-labelledby={`${idPrefix}-milestones`} className="break-inside-avoid">
        <H id={`${idPrefix}-milestones`}>Milestones</H>
        {content.milestones.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">No practice-exam milestones in this plan.</p>
        ) : (
          <ScrollRegion className="mt-2">
            <table className="data-table">
              <TableHead columns={["Date", "Milestone", "Instrument"]} />
              <tbody>
                {[...content.milestones]
                  .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
                  .map((m) => (
                    <tr key={m.uid}>
                      <td className="whitespace-nowrap">{formatDate(m.dueOn)}</td>
                      <td>
                        {m.label}
                        {m.kind !== "CUSTOM" ? <span className="block text-xs text-slate-600">{MILESTONE_KIND_NAMES[m.kind]}</span> : null}
                      </td>
                      <td>{m.instrumentId ? instrument(m.instrumentId).name : "—"}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section aria-labelledby={`${idPrefix}-rhythm`}>
        <H id={`${idPrefix}-rhythm`}>Weekly rhythm</H>
        <RhythmTable rhythm={content.rhythm} restDay={data.restDay} />
      </section>

      <section aria-labelledby={`${idPrefix}-resources`} className="break-inside-avoid">
        <H id={`${idPrefix}-resources`}>Resources</H>
        {content.resources.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">No resource changes.</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {content.resources.map((r) => (
              <li key={r.name}>
                <span className="font-medium">{r.name}</span> <span className="text-slate-600">({RESOURCE_KIND_LABELS[r.kind]})</span>
                <span className="block text-slate-700">{r.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {content.measures.length > 0 || content.supportNote ? (
        <section aria-labelledby={`${idPrefix}-measures`} className="break-inside-avoid">
          <H id={`${idPrefix}-measures`}>Well-being and strategy measures</H>
          <ul className="mt-2 space-y-2 text-sm">
            {content.measures.map((m) => (
              <li key={m.title}>
                <span className="font-medium">{m.title}</span>
                {showMeasureFindings ? <span className="text-slate-600"> (for: {FINDING_KINDS[m.findingKind].label})</span> : null}
                {showMeasureFindings && AUDIENCE_NOTES[m.audience] ? (
                  <span className="block text-xs font-medium text-amber-900">{AUDIENCE_NOTES[m.audience]}</span>
                ) : null}
                <span className="block text-slate-700">{m.description}</span>
              </li>
            ))}
            {content.supportNote ? (
              <li>
                <span className="font-medium">{content.supportNote.title}</span>
                <span className="block text-slate-700">
                  {content.supportNote.meaning} {content.supportNote.plan}
                </span>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** The week as a table: a row per day, a column per part of the day. */
export function RhythmTable({ rhythm, restDay }: { rhythm: RhythmDay[]; restDay: number }) {
  return (
    <ScrollRegion className="mt-2">
      <table className="data-table">
        <caption className="sr-only">The sessions of each day of the week</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {SLOTS.map((slot) => (
              <th key={slot} scope="col">
                {SLOT_LABELS[slot]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rhythm.map((day) => (
            <tr key={day.weekday}>
              <th scope="row" className="whitespace-nowrap">
                {weekdayName(day.weekday)}
                {day.weekday === restDay ? <span className="block text-xs font-normal text-slate-600">Rest day</span> : null}
              </th>
              {SLOTS.map((slot) => {
                const blocks = day.blocks.filter((b) => b.slot === slot);
                return (
                  <td key={slot} className="min-w-40">
                    {blocks.length === 0 ? (
                      <span className="text-slate-600">—</span>
                    ) : (
                      blocks.map((b) => (
                        <p key={`${b.kind}-${b.description}`}>
                          <span className="font-medium">{ACTIVITY_LABELS[b.kind]}</span>
                          {b.minutes > 0 ? <span className="text-slate-600"> · {formatMinutes(b.minutes)}</span> : null}
                          <span className="block text-xs text-slate-700">{b.description}</span>
                        </p>
                      ))
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
