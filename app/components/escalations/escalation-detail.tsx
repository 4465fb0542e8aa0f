import { type DefaultValue, getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "react-router";
import type { z } from "zod";
import type { ActionReply } from "#app/actions/reply";
import { FormErrors, InputField, SelectMetaField, TextareaMetaField } from "#app/components/forms";
import { useFormResult } from "#app/components/use-form-result";
import { formatDate, formatDateTime, type IsoDate } from "#app/domain/dates";
import {
  actionRecordSchema,
  escalationNoteSchema,
  ownerChangeSchema,
  RECORDED_ACCOMMODATION_STATUSES,
  statusChangeSchema,
} from "#app/domain/escalations/schema";
import { describeEvent, type EscalationView, severityLabel } from "#app/domain/escalations/view";
import { ESCALATION_TRANSITIONS } from "#app/domain/escalations/workflow";
import { type ExamId, examLabel } from "#app/domain/reference";
import { ACCOMMODATION_STATUS_LABELS, ESCALATION_ACTIONS, type EscalationAction } from "#app/domain/vocabulary";
import { EscalationStatusBadge, OverdueBadge } from "./badges";

/** What an escalation action returned (its row is the escalation), as the forms read it. */
export type EscalationActionData = Pick<ActionReply, "intent" | "rowId" | "result"> & { to?: string };

type Level = 2 | 3;

function Heading({ level, id, children, className }: { level: Level; id?: string; children: React.ReactNode; className?: string }) {
  return level === 2 ? (
    <h2 id={id} className={className}>
      {children}
    </h2>
  ) : (
    <h3 id={id} className={className}>
      {children}
    </h3>
  );
}

/** One term of the escalation's facts and what it says. */
function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function SubHeading({ level, children }: { level: Level; children: React.ReactNode }) {
  return level === 2 ? <h3 className="text-base">{children}</h3> : <h4 className="text-sm font-semibold text-slate-900">{children}</h4>;
}

/** The result for this form only: another escalation's or another form's errors stay where they belong. */
function resultFor(actionData: EscalationActionData | null | undefined, escalationId: string, intent: string, to?: (t: string) => boolean) {
  if (!actionData || actionData.rowId !== escalationId || actionData.intent !== intent) return undefined;
  if (to && !to(actionData.to ?? "")) return undefined;
  return actionData.result ?? undefined;
}

/**
 * One escalation form's Conform set-up: its answer (see `useFormResult`),
 * checked in the browser on submit as on the server (a check on the server
 * while typing would disable the button under the next click), then as the
 * person types.
 */
function useEscalationForm<Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
  id: string,
  own: SubmissionResult<string[]> | undefined,
  schema: Schema,
  defaultValue?: DefaultValue<z.input<Schema>>,
) {
  const navigation = useNavigation();
  const result = useFormResult(own, id);
  const [form, fields] = useForm<z.input<Schema>, z.output<Schema>>({
    id,
    lastResult: result.lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return { form, fields, onSubmit: result.onSubmit(form.onSubmit), busy: navigation.state === "submitting" };
}

interface EscalationDetailProps {
  escalation: EscalationView;
  /** The office of the escalation's school: status, actions and owner. */
  canManage: boolean;
  /** Staff on the case (tutor or office): notes. */
  canAddNote: boolean;
  /** Who may own it (advisors and admins of its school). */
  officeMembers: ReadonlyArray<{ id: string; name: string }>;
  today: IsoDate;
  actionData?: EscalationActionData | null;
  /** Heading level of the escalation's title. */
  level?: Level;
  /** Shows the student's name in the title (the queue); the case tab already names them. */
  showStudent?: boolean;
}

/** One escalation: its facts, due dates, outcome, full history, and the forms the viewer may use. */
export function EscalationDetail({
  escalation: e,
  canManage,
  canAddNote,
  officeMembers,
  today,
  actionData,
  level = 3,
  showStudent = false,
}: EscalationDetailProps) {
  const titleId = `escalation-${e.id}-title`;
  const resolved = e.status === "RESOLVED";
  const overdue = e.overdue.state !== "NONE";
  return (
    <article
      id={`escalation-${e.id}`}
      aria-labelledby={titleId}
      className={`card space-y-4 ${overdue ? "border-l-4 border-l-red-700" : resolved ? "" : "border-l-4 border-l-amber-500"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <Heading level={level} id={titleId}>
            {showStudent ? `${e.studentName} · ` : ""}
            {e.title} · {examLabel(e.exam as ExamId)}
          </Heading>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <EscalationStatusBadge status={e.status} />
            <span>Severity: {severityLabel(e.severity)}</span>
            {overdue && e.overdueLabel ? <OverdueBadge label={e.overdueLabel} /> : null}
          </p>
        </div>
      </div>

      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <Fact term="Owner">{e.owner?.name ?? "Nobody yet"}</Fact>
        <Fact term="Raised">
          {e.trigger === "MANUAL" ? `By ${e.raisedBy?.name ?? "a former member of staff"}` : "Automatically"}, {formatDateTime(e.createdAt)}
        </Fact>
        <Fact term="Acknowledge by">
          {formatDate(e.acknowledgeBy)}
          {e.acknowledgedAt ? ` · acknowledged ${formatDateTime(e.acknowledgedAt)}` : ""}
        </Fact>
        <Fact term="Resolve by">
          {formatDate(e.resolveBy)}
          {e.resolvedAt ? ` · resolved ${formatDateTime(e.resolvedAt)}` : ""}
        </Fact>
      </dl>

      <div>
        <SubHeading level={level}>Reason</SubHeading>
        <p className="mt-1 text-sm whitespace-pre-line">{e.reason}</p>
      </div>

      {resolved && e.outcome ? (
        <div className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950">
          <SubHeading level={level}>Outcome</SubHeading>
          <p className="mt-1 whitespace-pre-line">{e.outcome}</p>
        </div>
      ) : null}

      <div>
        <SubHeading level={level}>History</SubHeading>
        <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-4 text-sm">
          {e.events.map((event) => {
            const { what, detail } = describeEvent(event, e.trigger);
            return (
              <li key={event.id}>
                <p className="font-medium">{what}</p>
                {detail ? <p className="whitespace-pre-line text-slate-800">{detail}</p> : null}
                <p className="text-xs text-slate-600">
                  <time dateTime={event.at}>{formatDateTime(event.at)}</time> · {event.actorName ?? "Retake Desk"}
                </p>
              </li>
            );
          })}
        </ol>
      </div>

      {canManage && !resolved ? (
        <div className="grid gap-4 border-t border-slate-200 pt-4 lg:grid-cols-2">
          <StatusForms escalation={e} actionData={actionData} level={level} />
          <ActionForm escalation={e} actionData={actionData} today={today} level={level} />
          {/* Drawn again when the owner changes (acknowledging makes the acknowledger the owner), so it shows who owns it now. */}
          <OwnerForm key={e.owner?.id ?? "nobody"} escalation={e} actionData={actionData} officeMembers={officeMembers} level={level} />
        </div>
      ) : null}
      {canAddNote ? (
        <div className="border-t border-slate-200 pt-4">
          <NoteForm escalation={e} actionData={actionData} level={level} />
        </div>
      ) : null}
    </article>
  );
}

function Hidden({ escalation, intent }: { escalation: EscalationView; intent: string }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="escalationId" value={escalation.id} />
      <input type="hidden" name="expectedVersion" value={escalation.version} />
    </>
  );
}

/** What each of an escalation's forms is drawn from. */
interface EscalationFormProps {
  escalation: EscalationView;
  actionData?: EscalationActionData | null;
  level: Level;
}

function StatusForms({ escalation: e, actionData, level }: EscalationFormProps) {
  const moves = ESCALATION_TRANSITIONS.filter((t) => t.from === e.status && t.to !== "RESOLVED");
  const canResolve = ESCALATION_TRANSITIONS.some((t) => t.from === e.status && t.to === "RESOLVED");
  const moveResult = resultFor(actionData, e.id, "status", (to) => to !== "RESOLVED");
  const resolveResult = resultFor(actionData, e.id, "status", (to) => to === "RESOLVED");
  const { form, fields, onSubmit, busy } = useEscalationForm(`resolve-${e.id}`, resolveResult, statusChangeSchema);
  return (
    <div className="space-y-3">
      <SubHeading level={level}>Status</SubHeading>
      {moveResult?.error?.[""] ? <FormErrors errors={moveResult.error[""]} /> : null}
      {moves.length ? (
        <div className="flex flex-wrap gap-2">
          {moves.map((t) => (
            <Form method="post" key={t.to}>
              <Hidden escalation={e} intent="status" />
              <input type="hidden" name="to" value={t.to} />
              <button type="submit" className="btn-primary" disabled={busy}>
                {t.label}
              </button>
            </Form>
          ))}
        </div>
      ) : null}
      {canResolve ? (
        <Form method="post" className="space-y-2" {...getFormProps(form)} onSubmit={onSubmit}>
          <Hidden escalation={e} intent="status" />
          <input type="hidden" name="to" value="RESOLVED" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <TextareaMetaField label="Outcome" hint="Required to resolve. Whoever raised the escalation is told it." meta={fields.outcome} />
          <button type="submit" className="btn-secondary" disabled={busy}>
            Resolve
          </button>
        </Form>
      ) : (
        <p className="hint">Acknowledge the escalation before resolving it.</p>
      )}
    </div>
  );
}

const ACTION_OPTIONS = [
  { value: "", label: "Choose the action…" },
  ...(Object.keys(ESCALATION_ACTIONS) as EscalationAction[]).map((a) => ({ value: a, label: ESCALATION_ACTIONS[a] })),
];
const ACCOMMODATION_OPTIONS = [
  { value: "", label: "Not an accommodation request" },
  ...RECORDED_ACCOMMODATION_STATUSES.map((s) => ({ value: s, label: ACCOMMODATION_STATUS_LABELS[s] })),
];

function ActionForm({ escalation: e, actionData, today, level }: EscalationFormProps & { today: IsoDate }) {
  const { form, fields, onSubmit, busy } = useEscalationForm(
    `action-${e.id}`,
    resultFor(actionData, e.id, "action"),
    actionRecordSchema(today),
    { actionOn: today },
  );
  return (
    <div className="space-y-2">
      <SubHeading level={level}>Record an action</SubHeading>
      <Form method="post" className="space-y-2" {...getFormProps(form)} onSubmit={onSubmit}>
        <Hidden escalation={e} intent="action" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectMetaField label="Action" options={ACTION_OPTIONS} meta={fields.action} />
        <div className="grid gap-2 sm:grid-cols-2">
          <InputField label="Date" max={today} type="date" meta={fields.actionOn} />
          <SelectMetaField
            label="Accommodation status"
            hint="Status only; no documents are stored."
            options={ACCOMMODATION_OPTIONS}
            meta={fields.accommodationStatus}
          />
        </div>
        <TextareaMetaField label="Note (optional)" meta={fields.note} />
        <button type="submit" className="btn-secondary" disabled={busy}>
          Record the action
        </button>
      </Form>
    </div>
  );
}

function OwnerForm({
  escalation: e,
  actionData,
  officeMembers,
  level,
}: EscalationFormProps & { officeMembers: ReadonlyArray<{ id: string; name: string }> }) {
  const { form, fields, onSubmit, busy } = useEscalationForm(`owner-${e.id}`, resultFor(actionData, e.id, "owner"), ownerChangeSchema, {
    ownerId: e.owner?.id ?? "",
  });
  const options = [{ value: "", label: "Choose…" }, ...officeMembers.map((m) => ({ value: m.id, label: m.name }))];
  return (
    <div className="space-y-2">
      <SubHeading level={level}>Owner</SubHeading>
      <Form method="post" className="flex flex-wrap items-end gap-2" {...getFormProps(form)} onSubmit={onSubmit}>
        <Hidden escalation={e} intent="owner" />
        <div className="w-full">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
        <SelectMetaField className="min-w-48 flex-1" label="Who owns this escalation" options={options} meta={fields.ownerId} />
        <button type="submit" className="btn-secondary" disabled={busy}>
          Set owner
        </button>
      </Form>
    </div>
  );
}

function NoteForm({ escalation: e, actionData, level }: EscalationFormProps) {
  const { form, fields, onSubmit, busy } = useEscalationForm(`note-${e.id}`, resultFor(actionData, e.id, "note"), escalationNoteSchema);
  return (
    <div className="space-y-2">
      <SubHeading level={level}>Add a note</SubHeading>
      <Form method="post" className="space-y-2" {...getFormProps(form)} onSubmit={onSubmit}>
        <Hidden escalation={e} intent="note" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaMetaField label="Note" hint="Goes into the escalation's history." meta={fields.note} />
        <button type="submit" className="btn-secondary" disabled={busy}>
          Add the note
        </button>
      </Form>
    </div>
  );
}
