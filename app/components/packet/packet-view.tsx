/**
 * The committee packet as printed (docs/decisions/0022): every section the
 * office puts before the committee, at the office tier, with the page margins
 * that fit A4 and Letter. The disclosure form comes from the route.
 */
import { Link } from "react-router";
import { AttemptResultCells, AttemptResultHeaders } from "#app/components/attempt-cells";
import { DiagnosisSummary } from "#app/components/diagnostics/diagnosis-summary";
import { TrajectoryPanel } from "#app/components/progress/trajectory-panel";
import { ScrollRegion } from "#app/components/scroll-region";
import { TableHead } from "#app/components/table-head";
import { formatDate, formatDateTime, formatDay } from "#app/domain/dates";
import { describeEvent, ESCALATION_TRIGGER_LABELS, severityLabel } from "#app/domain/escalations/view";
import { cssString } from "#app/domain/packet/packet";
import type { Packet } from "#app/domain/packet/queries.server";
import { ordinal } from "#app/domain/text";
import { CASE_STATUS_LABELS, ESCALATION_STATUS_LABELS, VISIBILITY_LABELS } from "#app/domain/vocabulary";

const SESSION_KIND_WORDS = { MEETING: "Meeting", CALL: "Call", MESSAGE: "Message", NO_SHOW: "Did not come" } as const;
const ATTENDANCE_WORDS = { ON_TIME: "On time", LATE: "Late", LEFT_EARLY: "Left early" } as const;

/** Hides the app shell when printed (as the plan's print view does). */
const PRINT_HIDES_SHELL = "print:[body:has(&)_header]:hidden print:[body:has(&)_footer]:hidden print:[body:has(&)_main]:p-0";

export function PacketView({ packet: p, disclosure }: { packet: Packet; disclosure: React.ReactNode }) {
  const name = cssString(p.studentName);
  // Margins that fit both A4 (210 × 297 mm) and Letter (216 × 279 mm); the page size is the printer's.
  const pageCss = `@page { margin: 18mm 16mm;
    @top-left { content: ${name}; font: 9pt system-ui, sans-serif; color: #334155; }
    @top-right { content: "Committee packet \\b7  confidential"; font: 9pt system-ui, sans-serif; color: #334155; }
    @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt system-ui, sans-serif; color: #334155; } }`;
  return (
    <article
      className={`mx-auto max-w-4xl space-y-6 text-[15px] leading-relaxed print:max-w-none print:text-[10.5pt] ${PRINT_HIDES_SHELL}`}
    >
      <style>{pageCss}</style>
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <Link to={`/cases/${p.caseId}/escalations`}>Back to the case</Link>
        <button type="button" className="btn-primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <span className="text-sm text-slate-600">In the print dialog, choose A4 or Letter, or “Save as PDF”.</span>
      </div>

      <header className="border-b border-slate-300 pb-3">
        <p className="text-sm text-slate-600">{p.schoolName} · committee packet · confidential education record</p>
        <h1>
          {p.studentName} · {p.examLabel}
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          {p.studentNumber ? `Student number ${p.studentNumber} · ` : ""}Case {CASE_STATUS_LABELS[p.status].toLowerCase()}
          {p.tutorName ? ` · Tutor: ${p.tutorName}` : ""}
          {p.targetExamDate ? ` · Target exam date ${formatDate(p.targetExamDate)}` : ""} · Prepared {formatDate(p.preparedOn)}
        </p>
        <p className="mt-1 text-sm text-slate-700">
          Records at the office tier: notes and findings private to their author are not included.
        </p>
      </header>

      <Section id="attempts" title="Attempt history">
        <ScrollRegion>
          <table className="data-table">
            <caption className="sr-only">Every recorded attempt</caption>
            <thead>
              <tr>
                <th scope="col">Exam</th>
                <th scope="col">Attempt</th>
                <AttemptResultHeaders />
              </tr>
            </thead>
            <tbody>
              {p.attempts.map((a) => (
                <tr key={a.id}>
                  <td>{a.exam}</td>
                  <td>{ordinal(a.number)}</td>
                  <AttemptResultCells attempt={a} />
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <p className="mt-2 text-sm">{p.ineligibleReason ?? `Attempts left at ${p.examLabel}: ${p.attemptsLeft}.`}</p>
      </Section>

      <Section id="diagnosis" title="Diagnosis and comparison across attempts">
        <DiagnosisSummary summary={p.diagnosis} headingLevel={3} />
        {p.comparison ? (
          <div className="mt-3 text-sm">
            <h3 className="text-base font-semibold">Compared with the previous attempt</h3>
            {p.comparison.persistingWeakAreas.length > 0 ? (
              <p>Weak on both reports: {p.comparison.persistingWeakAreas.map((a) => a.name).join(", ")}.</p>
            ) : (
              <p>No area was weak on both reports.</p>
            )}
          </div>
        ) : null}
      </Section>

      <Section id="plan" title="Plan versions">
        {p.planVersions.length === 0 ? (
          <p className="text-sm">No plan has been assigned.</p>
        ) : (
          <ScrollRegion>
            <table className="data-table">
              <caption className="sr-only">Plan versions with their reasons</caption>
              <TableHead columns={["Version", "Saved", "Dates", "Reason"]} />
              <tbody>
                {p.planVersions.map((v) => (
                  <tr key={v.number}>
                    <td>{v.number}</td>
                    <td>
                      {formatDay(v.createdAt)}
                      {v.createdBy ? `, ${v.createdBy}` : ""}
                    </td>
                    <td>
                      {formatDate(v.startDate)} – {formatDate(v.examDate)}
                    </td>
                    <td>{v.reason ?? (v.number === 1 ? "First plan" : "—")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {p.decisions.length > 0 ? (
          <div className="mt-3 text-sm">
            <h3 className="text-base font-semibold">Decisions on the exam date</h3>
            <ul className="list-disc pl-5">
              {p.decisions.map((x) => (
                <li key={x.id}>
                  {formatDay(x.createdAt)}:{" "}
                  {x.choice === "SIT" ? `sit on ${formatDate(x.examDate)}` : `postponed to ${formatDate(x.examDate)}`} — {x.reason}
                  {x.decidedBy ? ` (${x.decidedBy})` : ""}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Section>

      <Section id="trajectory" title="Practice-exam trajectory">
        <TrajectoryPanel charts={p.charts} headingLevel={3} idPrefix="packet-trajectory" tablesOpen />
        {p.readiness ? <p className="mt-2 text-sm">{p.readiness.summary}</p> : null}
      </Section>

      <Section id="sessions" title="Session records and check-in adherence">
        <p className="text-sm">
          {p.adherence.percent === null
            ? "No check-in week has come due yet."
            : `Weekly check-ins: ${p.adherence.done} of ${p.adherence.expected} weeks (${p.adherence.percent}%).`}
          {p.adherence.missed.length > 0 ? ` Weeks missed: ${p.adherence.missed.map((w) => formatDate(w)).join(", ")}.` : ""}
        </p>
        {p.sessionRecords.length > 0 ? (
          <ScrollRegion>
            <table className="data-table">
              <caption className="mb-1 text-left text-slate-700">Sessions held</caption>
              <TableHead columns={["Date", "Kind", "Minutes", "Attendance", "Summary"]} />
              <tbody>
                {p.sessionRecords.map((r) => (
                  <tr key={r.id}>
                    <td>{formatDate(r.sessionOn)}</td>
                    <td>{SESSION_KIND_WORDS[r.kind]}</td>
                    <td>{r.durationMinutes ?? "—"}</td>
                    <td>{r.attendance ? ATTENDANCE_WORDS[r.attendance] : "—"}</td>
                    <td>{r.summary ?? "Not shared with the office"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : null}
        {p.sessions.length === 0 ? (
          <p className="mt-2 text-sm">No session notes at the office tier.</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {p.sessions.map((s) => (
              <li key={s.id} className="break-inside-avoid">
                <p className="font-medium">
                  {formatDate(s.sessionOn)}
                  {s.authorName ? ` · ${s.authorName}` : ""} · {VISIBILITY_LABELS[s.visibility]}
                </p>
                <p className="whitespace-pre-line">{s.body}</p>
              </li>
            ))}
          </ul>
        )}
        {p.checkIns.length > 0 ? (
          <ScrollRegion className="mt-3">
            <table className="data-table">
              <caption className="mb-1 text-left text-slate-700">Check-ins</caption>
              <TableHead columns={["Week of", "Questions", "Correct", "Hours"]} />
              <tbody>
                {p.checkIns.map((c) => (
                  <tr key={c.id}>
                    <td>{formatDate(c.weekOf)}</td>
                    <td>{c.questionsDone}</td>
                    <td>{c.percentCorrect}%</td>
                    <td>{c.hoursStudied}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : null}
      </Section>

      <Section id="risk" title="Risk flags">
        {p.risk && p.risk.flags.length > 0 ? (
          <ul className="list-disc pl-5 text-sm">
            {p.risk.flags.map((f) => (
              <li key={`${f.code}-${f.reason}`}>{f.reason}</li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">No risk flags.</p>
        )}
      </Section>

      <Section id="escalations" title="Escalation history">
        {p.escalations.map((e) => (
          <div key={e.id} className="mb-4 break-inside-avoid text-sm">
            <h3 className="text-base font-semibold">
              {ESCALATION_TRIGGER_LABELS[e.trigger]} · {ESCALATION_STATUS_LABELS[e.status]} · {severityLabel(e.severity)}
            </h3>
            <p>{e.reason}</p>
            {e.outcome ? <p>Outcome: {e.outcome}</p> : null}
            <ul className="mt-1 list-disc pl-5">
              {e.events.map((ev) => {
                const { what, detail } = describeEvent(ev, e.trigger);
                return (
                  <li key={ev.id}>
                    {formatDateTime(ev.at)}
                    {ev.actorName ? ` · ${ev.actorName}` : ""}: {what}
                    {detail ? ` — ${detail}` : ""}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </Section>

      {disclosure}
    </article>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`packet-${id}`} className="space-y-2 print:break-inside-auto">
      <h2 id={`packet-${id}`} className="break-after-avoid border-b border-slate-200 pb-1">
        {title}
      </h2>
      {children}
    </section>
  );
}
