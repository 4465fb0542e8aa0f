import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, type ShouldRevalidateFunctionArgs, useNavigation } from "react-router";
import { z } from "zod";
import { notUnderstood, reply } from "#app/actions/reply";
import { forbidden, notFound, requireUser } from "#app/auth/guards.server";
import { AssignTutorForm } from "#app/components/cases/assign-tutor-form";
import { FormErrors } from "#app/components/forms";
import { Pager, pageHref } from "#app/components/pager";
import { actorOf, canTakeCase, schoolsWhere } from "#app/domain/access/policy";
import { assignCase, takeCase } from "#app/domain/cases/mutations.server";
import { loadIntakeQueue, loadQueueCase } from "#app/domain/cases/queue.server";
import { assignSchema } from "#app/domain/cases/schema";
import { formatDate, today } from "#app/domain/dates";
import { examLabel } from "#app/domain/reference";
import { plural } from "#app/domain/text";
import { OFFICE_ROLES } from "#app/domain/vocabulary";
import { noteRecordsRead } from "#app/utils/access-log.server";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/index";

function queueScope(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = requireUser(args);
  const actor = actorOf(user);
  const tutorSchools = schoolsWhere(actor, ["TUTOR"]);
  const officeSchools = schoolsWhere(actor, OFFICE_ROLES);
  if (!tutorSchools.length && !officeSchools.length) forbidden("The intake queue is for tutors and the office.");
  return { user, actor, tutorSchools, officeSchools };
}

export async function loader(args: Route.LoaderArgs) {
  const { tutorSchools, officeSchools } = queueScope(args);
  const pageParam = Number(new URL(args.request.url).searchParams.get("page"));
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const queue = await loadIntakeQueue([...new Set([...tutorSchools, ...officeSchools])], today(), page);
  noteRecordsRead(
    args.context,
    queue.cases.map((c) => ({ caseId: c.id })),
    `Intake queue, page ${queue.page}`,
  );
  return { ...queue, tutorSchools, officeSchools };
}

const takeSchema = z.object({ intent: z.literal("take"), caseId: z.string().min(1) });

export async function action(args: Route.ActionArgs) {
  const { user, actor, officeSchools } = queueScope(args);
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  const caseId = String(formData.get("caseId") ?? "");
  const target = await loadQueueCase(caseId);
  if (!target) notFound("We could not find that case.");

  if (intent === "take") {
    if (!takeSchema.safeParse(Object.fromEntries(formData)).success) notUnderstood();
    // Authorize against the school, not the case's current state: a case taken (or closed) a moment ago
    // gets a clear "taken" (or "closed") answer from the transaction.
    if (!canTakeCase(actor, target.schoolId)) forbidden("Only a tutor who serves this school can take on its cases.");
    const result = await takeCase({ caseId, tutorId: user.id });
    if (!result.ok) return reply({ intent, rowId: caseId }, result);
    return redirectWithToast(`/cases/${caseId}`, { title: `You took on ${target.student.user.name}'s case` });
  }

  if (intent === "assign") {
    if (!officeSchools.includes(target.schoolId)) forbidden("Only the school's office assigns tutors.");
    const submission = parseWithZod(formData, { schema: assignSchema });
    if (submission.status !== "success") return reply({ intent, rowId: caseId, submission });
    // The tutor is checked (an active tutor of this school) inside the assignment's transaction.
    const result = await assignCase({ ...submission.value, caseId: target.id, actorId: user.id });
    if (!result.ok) return reply({ intent, rowId: caseId, submission }, result);
    return redirectWithToast("/queue", { title: `Tutor assigned to ${target.student.user.name}` });
  }
  notUnderstood();
}

/**
 * A refused "Take on" (409: another tutor won the race) still reloads the
 * queue, so the loser sees it as it now is; React Router skips revalidation
 * after an error status by default.
 */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 ? true : defaultShouldRevalidate;
}

export function meta() {
  return [{ title: "Intake queue · Retake Desk" }];
}

export default function Queue({ loaderData, actionData }: Route.ComponentProps) {
  const { cases, tutorsBySchool, tutorSchools, officeSchools, total, page, pageCount } = loaderData;
  const navigation = useNavigation();
  const pendingCase = navigation.formData?.get("caseId");
  // A case someone else took is gone from the refreshed queue: its refusal shows above the list.
  const goneError = actionData?.error && !cases.some((c) => c.id === actionData.rowId) ? actionData.error : null;
  return (
    <div className="space-y-4">
      <div>
        <h1>Intake queue</h1>
        <p className="text-sm text-slate-600">{plural(total, "new failure")} waiting for a tutor, oldest failure first.</p>
      </div>
      {goneError ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {goneError}
        </p>
      ) : null}
      {cases.length === 0 ? (
        <p className="card text-slate-700">
          The queue is empty: every open case has a tutor. <Link to="/cases">Go to the caseload</Link>.
        </p>
      ) : (
        <ul className="space-y-3">
          {cases.map((c) => {
            const error = actionData?.rowId === c.id ? actionData : null;
            return (
              <li key={c.id} className="card">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h2 className="text-base">
                      {c.studentName} · {examLabel(c.exam)}
                    </h2>
                    <p className="text-sm text-slate-700">
                      Failed {c.failedOn ? formatDate(c.failedOn) : "—"} · attempt {c.attemptsUsed} · waiting {plural(c.waitingDays, "day")}
                      {c.internationalGraduate ? " · international graduate" : ""}
                      {officeSchools.length + tutorSchools.length > 1 ? ` · ${c.schoolName}` : ""}
                    </p>
                    {c.openEscalations > 0 ? <p className="mt-1 badge bg-red-100 text-red-900">Escalated to the office</p> : null}
                    <p className="mt-1 text-sm">
                      <Link to={`/queue/${c.id}`}>
                        Preview<span className="sr-only"> {c.studentName}'s case</span>
                      </Link>
                    </p>
                  </div>
                  {tutorSchools.includes(c.schoolId) ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="take" />
                      <input type="hidden" name="caseId" value={c.id} />
                      <button type="submit" className="btn-primary" disabled={pendingCase === c.id}>
                        Take on<span className="sr-only"> {c.studentName}</span>
                      </button>
                    </Form>
                  ) : null}
                </div>
                {error?.error ? (
                  <div className="mt-3">
                    <FormErrors errors={[error.error]} />
                  </div>
                ) : null}
                {officeSchools.includes(c.schoolId) ? (
                  <div className="mt-3 border-t border-slate-200 pt-3">
                    <AssignTutorForm
                      caseId={c.id}
                      version={c.version}
                      tutors={tutorsBySchool[c.schoolId] ?? []}
                      studentName={c.studentName}
                      lastResult={error?.result}
                      layout="inline"
                    />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {pageCount > 1 ? <Pager page={page} pageCount={pageCount} href={(p) => pageHref("/queue", p)} /> : null}
    </div>
  );
}
