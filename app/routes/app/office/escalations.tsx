import { Form, Link } from "react-router";
import { handleEscalationIntent, isEscalationIntent } from "#app/actions/escalations.server";
import { notUnderstood } from "#app/actions/reply";
import { forbidden, notFound, requireOffice } from "#app/auth/guards.server";
import { type EscalationActionData, EscalationDetail } from "#app/components/escalations/escalation-detail";
import { EscalationQueueTable } from "#app/components/escalations/escalation-queue-table";
import { Pager } from "#app/components/pager";
import { actorOf, roleAt } from "#app/domain/access/policy";
import { today } from "#app/domain/dates";
import { escalationScope, loadEscalationForSchools, loadEscalationQueue, loadOfficeMembers } from "#app/domain/escalations/queries.server";
import { parseQueueParams, QUEUE_SORT_LABELS, QUEUE_SORTS, queueSearch } from "#app/domain/escalations/queue-params";
import { plural } from "#app/domain/text";
import { ESCALATION_STATUS_LABELS, ESCALATION_STATUSES } from "#app/domain/vocabulary";
import { noteRecordsRead } from "#app/utils/access-log.server";
import type { Route } from "./+types/escalations";

export async function loader(args: Route.LoaderArgs) {
  const { user, schoolIds } = requireOffice(args);
  const params = parseQueueParams(new URL(args.request.url).searchParams);
  const on = today();
  const [queue, detail] = await Promise.all([
    loadEscalationQueue(schoolIds, params, user.id, on),
    params.open ? loadEscalationForSchools(params.open, schoolIds, on) : Promise.resolve(null),
  ]);
  // Another school's escalation (or a made-up id) is simply not there.
  if (params.open && !detail) notFound("We could not find that escalation.");
  const members = detail ? await loadOfficeMembers([detail.schoolId]) : {};
  noteRecordsRead(
    args.context,
    [...queue.rows.map((r) => ({ caseId: r.caseId })), ...(detail ? [{ caseId: detail.caseId }] : [])],
    `Escalation queue, page ${queue.page}`,
  );
  return {
    queue,
    params: { ...params, page: queue.page },
    detail,
    officeMembers: detail ? (members[detail.schoolId] ?? []) : [],
    today: on,
  };
}

export async function action(args: Route.ActionArgs) {
  const { user, schoolIds } = requireOffice(args);
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (!isEscalationIntent(intent)) notUnderstood();
  const params = parseQueueParams(new URL(args.request.url).searchParams);
  const escalationId = String(formData.get("escalationId") ?? "");
  const actor = actorOf(user);
  return handleEscalationIntent(intent, formData, {
    userId: user.id,
    // loadTarget keeps to the actor's office schools, so a role is always found; never assume one.
    roleFor: (target) => roleAt(actor, target.schoolId) ?? forbidden("You are not a member of this escalation's school."),
    loadTarget: async (id) => {
      const scope = await escalationScope(id);
      return scope && schoolIds.includes(scope.schoolId) ? scope : null;
    },
    back: `/office/escalations${queueSearch(params, { open: escalationId })}`,
    today: today(),
  });
}

export function meta() {
  return [{ title: "Escalations · Retake Desk" }];
}

export default function EscalationQueue({ loaderData, actionData }: Route.ComponentProps) {
  const { queue, params, detail, officeMembers } = loaderData;
  const closeLink = `/office/escalations${queueSearch(params, { open: null })}`;
  return (
    <div className="space-y-4">
      <div>
        <h1>Escalations</h1>
        <p className="text-sm text-slate-700">
          {plural(queue.total, "escalation")} in this view
          {queue.overdue ? `, ${queue.overdue} overdue` : ""}. Overdue escalations come first and are marked in red.
        </p>
      </div>

      <Form method="get" className="card flex flex-wrap items-end gap-x-6 gap-y-3" aria-label="Filter the escalations">
        <fieldset>
          <legend className="label">Status</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {ESCALATION_STATUSES.map((s) => (
              <label key={s} className="inline-flex items-center gap-2 text-sm">
                <input type="checkbox" name="status" value={s} defaultChecked={params.status.includes(s)} />
                {ESCALATION_STATUS_LABELS[s]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" name="mine" value="1" defaultChecked={params.mine} />
          Only escalations I own
        </label>
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={params.overdue} />
          Only overdue escalations
        </label>
        <div>
          <label htmlFor="queue-sort" className="label">
            Order
          </label>
          <select id="queue-sort" name="sort" className="input" defaultValue={params.sort}>
            {QUEUE_SORTS.map((s) => (
              <option key={s} value={s}>
                {QUEUE_SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          Show
        </button>
      </Form>

      {detail ? (
        <section id="escalation-detail" aria-label="Selected escalation" className="space-y-2">
          <p className="flex flex-wrap gap-4 text-sm">
            <Link to={closeLink}>Close the details</Link>
            <Link to={`/cases/${detail.caseId}/escalations`}>Open {detail.studentName}'s case</Link>
          </p>
          <EscalationDetail
            escalation={detail}
            canManage
            canAddNote
            officeMembers={officeMembers}
            today={loaderData.today}
            actionData={actionData as EscalationActionData | undefined}
            level={2}
            showStudent
          />
        </section>
      ) : null}

      {queue.rows.length === 0 ? (
        <p className="card text-slate-700">
          {params.overdue
            ? "No escalation in this view is overdue."
            : params.mine
              ? "No escalation you own matches these filters."
              : "No escalation matches these filters."}{" "}
          Escalations open automatically on a second failure; tutors can also raise one from a case.
        </p>
      ) : (
        <div className="card overflow-x-auto p-0 sm:p-0">
          <EscalationQueueTable rows={queue.rows} params={params} />
        </div>
      )}

      {queue.pageCount > 1 ? (
        <Pager
          page={queue.page}
          pageCount={queue.pageCount}
          href={(page) => `/office/escalations${queueSearch(params, { page, open: null })}`}
        />
      ) : null}
    </div>
  );
}
