import { parseWithZod } from "@conform-to/zod/v4";
import { useActionData } from "react-router";
import { z } from "zod";
import { reply } from "#app/actions/reply";
import { forbidden, requireUser } from "#app/auth/guards.server";
import { AttemptForm } from "#app/components/attempt-form";
import { Field } from "#app/components/forms";
import { actorOf, schoolsWhere } from "#app/domain/access/policy";
import { recordAttempt } from "#app/domain/attempts/mutations.server";
import { attemptFormSchema } from "#app/domain/attempts/schema";
import { findOwnProfile, findStudentByKey } from "#app/domain/cases/students.server";
import { today } from "#app/domain/dates";
import { refuse } from "#app/domain/result";
import { OFFICE_ROLES } from "#app/domain/vocabulary";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/new";

/**
 * Recording an exam result outside a case: the office for any student of its
 * school (by email or student number), a student for themself.
 */
function scope(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = requireUser(args);
  const actor = actorOf(user);
  const officeSchools = schoolsWhere(actor, OFFICE_ROLES);
  const studentSchools = schoolsWhere(actor, ["STUDENT"]);
  if (!officeSchools.length && !studentSchools.length)
    forbidden("Results are recorded by the office, by the tutor on the case, or by the student.");
  return { user, officeSchools, studentSchools, isOffice: officeSchools.length > 0 };
}

export function loader(args: Route.LoaderArgs) {
  const { isOffice } = scope(args);
  return { isOffice, today: today() };
}

const officeSchema = attemptFormSchema.extend({
  student: z
    .string({ error: "Enter the student's email or student number." })
    .trim()
    .min(1, { error: "Enter the student's email or student number." }),
});

export async function action(args: Route.ActionArgs) {
  const { user, officeSchools, studentSchools, isOffice } = scope(args);
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: isOffice ? officeSchema : attemptFormSchema });
  if (submission.status !== "success") return reply({ intent: "attempt", submission });
  let studentId: string;
  if (isOffice) {
    const found = await findStudentByKey(officeSchools, (submission.value as z.infer<typeof officeSchema>).student);
    if (!found.ok) return reply({ intent: "attempt", submission }, refuse("INVALID", found.message, { field: "student" }));
    studentId = found.student.id;
  } else {
    const own = await findOwnProfile(user.id, studentSchools);
    if (!own) forbidden("Your student record was not found.");
    studentId = own.id;
  }
  const { exam, takenOn, outcome, score } = submission.value;
  const result = await recordAttempt({ studentId, exam, takenOn, outcome, score, actorId: user.id });
  if (!result.ok) return reply({ intent: "attempt", submission }, result);
  const to = result.caseId ? `/cases/${result.caseId}` : "/";
  return redirectWithToast(to, {
    title: result.duplicate
      ? "That result was already recorded"
      : result.caseOpened
        ? "Result recorded; a retake case is open in the intake queue"
        : "Result recorded",
    description: result.escalationId ? "This failure has been escalated to the school's office." : undefined,
  });
}

export function meta() {
  return [{ title: "Record an exam result · Retake Desk" }];
}

export default function NewAttempt({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const result = actionData?.result;
  const fieldErrors = (result?.error ?? {}) as Record<string, string[] | undefined>;
  const typed = (result?.initialValue ?? {}) as Record<string, string | undefined>;
  return (
    <div className="max-w-2xl space-y-4">
      <h1>Record an exam result</h1>
      <p className="text-slate-700">
        {loaderData.isOffice
          ? "A failure opens a retake case in your school's intake queue (or joins the student's open case for that exam)."
          : "Record your result so your tutor and the academic-support office can help you plan what comes next. A failure opens a retake case; you are not on your own with it."}
      </p>
      <div className="card">
        <AttemptForm lastResult={result} defaultExam="STEP1" today={loaderData.today}>
          {loaderData.isOffice ? (
            <Field
              label="Student (email or student number)"
              className="sm:col-span-2"
              id="student"
              name="student"
              form="attempt"
              key={typed.student ?? ""}
              defaultValue={typed.student ?? ""}
              errors={fieldErrors.student}
            />
          ) : null}
        </AttemptForm>
      </div>
    </div>
  );
}
