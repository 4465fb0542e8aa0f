import { parseWithZod } from "@conform-to/zod/v4";
import { Link } from "react-router";
import { handleEscalationIntent, isEscalationIntent } from "#app/actions/escalations.server";
import { notUnderstood, reply } from "#app/actions/reply";
import { caseAccess } from "#app/auth/guards.server";
import { type EscalationActionData, EscalationDetail } from "#app/components/escalations/escalation-detail";
import { RaiseEscalationForm } from "#app/components/escalations/raise-escalation-form";
import { today } from "#app/domain/dates";
import { raiseEscalation } from "#app/domain/escalations/mutations.server";
import { escalationScope, loadCaseEscalations, loadOfficeMembers } from "#app/domain/escalations/queries.server";
import { manualEscalationSchema } from "#app/domain/escalations/schema";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/escalations";

/** Staff only: students never see escalations (the tab is hidden for them, and this refuses them). */
const STAFF_RELATIONS = ["OFFICE", "TUTOR"] as const;

export async function loader(args: Route.LoaderArgs) {
  const access = await caseAccess(args, STAFF_RELATIONS);
  const on = today();
  const office = access.relation === "OFFICE";
  const [escalations, members] = await Promise.all([
    loadCaseEscalations(access.caseRow.id, on),
    office ? loadOfficeMembers([access.caseRow.schoolId]) : Promise.resolve({} as Record<string, Array<{ id: string; name: string }>>),
  ]);
  return {
    escalations,
    officeMembers: members[access.caseRow.schoolId] ?? [],
    canManage: office,
    caseOpen: access.caseRow.status !== "CLOSED",
    today: on,
  };
}

export async function action(args: Route.ActionArgs) {
  const access = await caseAccess(args, STAFF_RELATIONS);
  const caseId = access.caseRow.id;
  const back = `/cases/${caseId}/escalations`;
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");

  if (intent === "raise") {
    const submission = parseWithZod(formData, { schema: manualEscalationSchema });
    if (submission.status !== "success") return reply({ intent, submission });
    const result = await raiseEscalation({
      caseId,
      actorId: access.user.id,
      role: access.role,
      reason: submission.value.reason,
      note: submission.value.note,
    });
    if (!result.ok) return reply({ intent, submission, messageIn: "form" }, result);
    return redirectWithToast(`${back}#escalation-${result.escalationId}`, {
      title: result.duplicate ? "That escalation was already raised" : "Escalated to the office",
      description: result.duplicate ? undefined : "The school's office has been notified.",
    });
  }

  if (!isEscalationIntent(intent)) notUnderstood();
  return handleEscalationIntent(intent, formData, {
    userId: access.user.id,
    roleFor: () => access.role,
    loadTarget: async (id) => {
      const scope = await escalationScope(id);
      return scope && scope.caseId === caseId ? scope : null;
    },
    back,
    today: today(),
  });
}

export default function Escalations({ loaderData, actionData }: Route.ComponentProps) {
  const { escalations, officeMembers, canManage, caseOpen } = loaderData;
  const result = actionData as EscalationActionData | undefined;
  const open = escalations.filter((e) => e.status !== "RESOLVED").length;
  return (
    <div className="space-y-4">
      <section aria-labelledby="escalations-heading" className="space-y-3">
        <div>
          <h2 id="escalations-heading">Escalations</h2>
          <p className="text-sm text-slate-700">
            {escalations.length === 0
              ? "This case has never been escalated to the office."
              : `${open} open, ${escalations.length - open} resolved. A second failure on the same exam escalates automatically.`}
          </p>
          {escalations.length > 0 ? (
            <p className="mt-1 text-sm">
              <Link to={`/cases/${escalations[0].caseId}/packet`}>Committee packet</Link> — everything the committee needs, to print or save
              as PDF.
            </p>
          ) : null}
        </div>
        {escalations.map((escalation) => (
          <EscalationDetail
            key={escalation.id}
            escalation={escalation}
            canManage={canManage}
            canAddNote
            officeMembers={officeMembers}
            today={loaderData.today}
            actionData={result}
            level={3}
          />
        ))}
      </section>

      {caseOpen ? (
        <section aria-labelledby="raise-heading" className="card">
          <h2 id="raise-heading">Escalate to the office</h2>
          <p className="hint">
            Use this when the case needs more than tutoring: the office acknowledges within the school's time limit and can refer the
            student on.
          </p>
          <div className="mt-3">
            <RaiseEscalationForm lastResult={result?.intent === "raise" ? result.result : null} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
