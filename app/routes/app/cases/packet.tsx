/**
 * /cases/:caseId/packet — the committee packet for an escalated case, for the
 * office and the case's tutor, read at the office tier (never a private record, whoever
 * prints it: see app/domain/packet). It prints cleanly on A4 and Letter (the
 * page size is the printer's; margins fit both), with the student's name and
 * the page number in every page's margins, and "Save as PDF" in the browser's
 * print dialog makes the PDF. Giving it to anyone outside the school is
 * recorded in the student's disclosure log with the form below it.
 */

import { getFormProps, getInputProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, useNavigation } from "react-router";
import { type ActionReply, notUnderstood, reply } from "#app/actions/reply";
import { requireCaseAccess } from "#app/auth/guards.server";
import { DiagnosisSummary } from "#app/components/diagnostics/diagnosis-summary";
import { Field, FormErrors } from "#app/components/forms";
import { TrajectoryPanel } from "#app/components/progress/trajectory-panel";
import { useFormResult } from "#app/components/use-form-result";
import { formatDate, formatDateTime, formatDay, today } from "#app/domain/dates";
import { describeEvent, ESCALATION_TRIGGER_LABELS, severityLabel } from "#app/domain/escalations/view";
import { cssString, PACKET_RECORDS_DESCRIPTION } from "#app/domain/packet/packet";
import { loadPacket, packetStudentKey } from "#app/domain/packet/queries.server";
import { disclosureSchema } from "#app/domain/records/disclosures";
import { logDisclosure } from "#app/domain/records/disclosures.server";
import { refuse } from "#app/domain/result";
import { ordinal } from "#app/domain/text";
import { ATTEMPT_OUTCOME_LABELS, CASE_STATUS_LABELS, ESCALATION_STATUS_LABELS, VISIBILITY_LABELS } from "#app/domain/vocabulary";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/packet";

/** The staff on the case read it (the tutor prepares for the committee too); only the office records a disclosure. */
const STAFF = ["OFFICE", "TUTOR"] as const;
const OFFICE_ONLY = ["OFFICE"] as const;

const SESSION_KIND_WORDS = { MEETING: "Meeting", CALL: "Call", MESSAGE: "Message", NO_SHOW: "Did not come" } as const;
const ATTENDANCE_WORDS = { ON_TIME: "On time", LATE: "Late", LEFT_EARLY: "Left early" } as const;

/** The disclosure form of the packet: the student, the school and the records are the packet's, never the form's. */
function packetDisclosureSchema(on: string, schoolId: string) {
  return disclosureSchema(on, [schoolId]).omit({ schoolId: true, student: true, records: true });
}

export async function loader(args: Route.LoaderArgs) {
  const access = await requireCaseAccess(args, args.params.caseId, STAFF);
  const packet = await loadPacket(access.caseRow.id, today());
  if (packet.escalations.length === 0) {
    throw data({ message: "A committee packet is for a case with an escalation; this case has none." }, { status: 404 });
  }
  return { packet, canDisclose: access.relation === "OFFICE" };
}

export async function action(args: Route.ActionArgs) {
  const access = await requireCaseAccess(args, args.params.caseId, OFFICE_ONLY);
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent !== "disclose") notUnderstood();
  const on = today();
  const { schoolId } = access.caseRow;
  const submission = parseWithZod(formData, { schema: packetDisclosureSchema(on, schoolId) });
  if (submission.status !== "success") return reply({ intent, submission });
  const student = await packetStudentKey(access.caseRow.studentId);
  const result = await logDisclosure({
    form: { ...submission.value, schoolId, student, records: PACKET_RECORDS_DESCRIPTION },
    schoolIds: [schoolId],
    actorId: access.user.id,
  });
  if (!result.ok) return reply({ intent, submission, messageIn: "form" }, refuse("INVALID", result.message));
  return redirectWithToast(`/cases/${access.caseRow.id}/packet`, {
    title: "Disclosure recorded",
    description: `${submission.value.recipient} is in the student's disclosure log.`,
  });
}

export function meta({ loaderData }: Route.MetaArgs) {
  if (!loaderData) return [{ title: "Committee packet · Retake Desk" }];
  return [{ title: `Committee packet · ${loaderData.packet.studentName} · ${loaderData.packet.examLabel} · Retake Desk` }];
}

/** Hides the app shell when printed (as the plan's print view does). */
const PRINT_HIDES_SHELL = "print:[body:has(&)_header]:hidden print:[body:has(&)_footer]:hidden print:[body:has(&)_main]:p-0";

export default function PacketPage({ loaderData, actionData }: Route.ComponentProps) {
  const p = loaderData.packet;
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
        <table className="data-table">
          <caption className="sr-only">Every recorded attempt</caption>
          <thead>
            <tr>
              <th scope="col">Exam</th>
              <th scope="col">Attempt</th>
              <th scope="col">Date</th>
              <th scope="col">Outcome</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {p.attempts.map((a) => (
              <tr key={a.id}>
                <td>{a.exam}</td>
                <td>{ordinal(a.number)}</td>
                <td>{formatDate(a.takenOn)}</td>
                <td>{ATTEMPT_OUTCOME_LABELS[a.outcome]}</td>
                <td>{a.score ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
          <table className="data-table">
            <caption className="sr-only">Plan versions with their reasons</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Saved</th>
                <th scope="col">Dates</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
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
          <table className="data-table">
            <caption className="mb-1 text-left text-slate-700">Sessions held</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Kind</th>
                <th scope="col">Minutes</th>
                <th scope="col">Attendance</th>
                <th scope="col">Summary</th>
              </tr>
            </thead>
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
          <table className="data-table mt-3">
            <caption className="mb-1 text-left text-slate-700">Check-ins</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col">Questions</th>
                <th scope="col">Correct</th>
                <th scope="col">Hours</th>
              </tr>
            </thead>
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

      {loaderData.canDisclose ? <DisclosureForm lastResult={(actionData as ActionReply | undefined)?.result} today={p.preparedOn} /> : null}
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

function DisclosureForm({ lastResult, today: on }: { lastResult: SubmissionResult<string[]> | null | undefined; today: string }) {
  const navigation = useNavigation();
  const result = useFormResult(lastResult, "packet-disclosure");
  const [form, fields] = useForm({
    id: "packet-disclosure",
    lastResult: result.lastResult,
    defaultValue: { disclosedOn: on },
    // The school is the case's, set by the server: the form's own fields are checked here as there.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: packetDisclosureSchema(on, "") }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section aria-labelledby="packet-disclose" className="card space-y-3 print:hidden">
      <h2 id="packet-disclose">Giving the packet to someone outside the school</h2>
      <p className="text-sm text-slate-700">
        The committee is part of the school. Anyone else who receives the packet — an outside reviewer, a licensing board — is recorded in
        the student's disclosure log, which the student can read.
      </p>
      <Form method="post" {...getFormProps(form)} onSubmit={result.onSubmit(form.onSubmit)} className="grid gap-3 md:grid-cols-2">
        <input type="hidden" name="intent" value="disclose" />
        <div className="md:col-span-2">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
        <Field
          label="Recipient"
          {...getInputProps(fields.recipient, { type: "text" })}
          key={fields.recipient.key}
          errors={fields.recipient.errors}
        />
        <Field
          label="Purpose"
          {...getInputProps(fields.purpose, { type: "text" })}
          key={fields.purpose.key}
          errors={fields.purpose.errors}
        />
        <Field
          label="Date given"
          {...getInputProps(fields.disclosedOn, { type: "date" })}
          key={fields.disclosedOn.key}
          max={on}
          errors={fields.disclosedOn.errors}
        />
        <Field
          label="Consent reference"
          hint="The signed consent, or the legal basis when none is needed"
          {...getInputProps(fields.consentReference, { type: "text" })}
          key={fields.consentReference.key}
          errors={fields.consentReference.errors}
        />
        <div className="md:col-span-2">
          <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
            Record the disclosure
          </button>
        </div>
      </Form>
    </section>
  );
}
