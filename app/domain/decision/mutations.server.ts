/**
 * Recording "Sit or postpone?" (docs/decisions/0022): one transaction writes
 * the decision with its reason, the activity-log entry (on the case, so the
 * student's timeline shows it), the student's notification, and for a
 * postponement the new target date — through the re-spaced plan version when
 * the case has a plan (the plan's own `adjustPlanIn`, which also tells the
 * student what changed), else on the case itself. Guarded by the case's
 * version the page was shown with: a date moved meanwhile is never decided on.
 */

import { refreshDerived } from "#app/domain/cases/derive.server";
import { CONFLICT_MESSAGE } from "#app/domain/cases/mutations.server";
import { formatDate, type IsoDate } from "#app/domain/dates";
import { notify } from "#app/domain/notifications/notify.server";
import { spacingViolations } from "#app/domain/plans/editor";
import { adjustPlanIn, planTransaction } from "#app/domain/plans/mutations.server";
import { loadPlan, loadPlanningFacts } from "#app/domain/plans/queries.server";
import type { Viewer } from "#app/domain/privacy/visibility";
import { isRetakeExam } from "#app/domain/reference";
import { CASE_CLOSED, type Refusal, type Result, refuse } from "#app/domain/result";
import { logActivity } from "#app/utils/activity.server";
import type { Tx } from "#app/utils/db.server";
import { respacedVersion } from "./respace";
import type { DecisionForm } from "./schema";

type DecisionResult = Result<{ planVersion: number | null }>;

/** Thrown inside the transaction to roll it back. */
class Refused extends Error {
  constructor(readonly result: Refusal) {
    super(result.message);
  }
}

export async function recordDecision(input: {
  caseId: string;
  actor: Viewer;
  form: DecisionForm;
  today: IsoDate;
}): Promise<DecisionResult> {
  const { caseId, form, actor } = input;
  const facts = await loadPlanningFacts(caseId);
  const spacing = spacingViolations(facts.attempts, facts.exam, form.examDate, facts.schoolAttemptLimit);
  if (spacing.length > 0) return refuse("INVALID", spacing[0], { fieldErrors: { examDate: spacing } });

  // The re-spaced version is built from the plan as the actor sees it; the plan's write keeps what they cannot see.
  const plan = form.choice === "POSTPONE" ? await loadPlan(caseId, actor) : null;
  let respaced: ReturnType<typeof respacedVersion> | null = null;
  if (plan && isRetakeExam(facts.exam)) {
    respaced = respacedVersion(facts.exam, plan.current.data, form.examDate, input.today);
    if (!respaced.ok) return refuse("INVALID", respaced.errors[0], { fieldErrors: { examDate: respaced.errors } });
  }

  try {
    return await planTransaction(async (tx): Promise<DecisionResult> => {
      const current = await tx.retakeCase.findUniqueOrThrow({
        where: { id: caseId },
        select: { schoolId: true, targetExamDate: true, openSlot: true, version: true, student: { select: { userId: true } } },
      });
      if (!current.openSlot) return CASE_CLOSED;
      if (current.version !== form.expectedCaseVersion) return refuse("CONFLICT", CONFLICT_MESSAGE);
      const when = formatDate(form.examDate);
      let planVersion: number | null = null;

      if (form.choice === "POSTPONE") {
        if (plan && respaced?.ok) {
          const written = await adjustPlanIn(tx, {
            caseId,
            actorId: actor.userId,
            expectedVersion: plan.currentVersion,
            expectedCaseVersion: form.expectedCaseVersion,
            reason: `Exam postponed to ${when}: ${form.reason}`,
            data: respaced.data,
          });
          if (!written.ok) throw new Refused(written);
          planVersion = written.version;
        } else {
          await moveTargetDate(tx, caseId, form.expectedCaseVersion, form.examDate);
        }
      }

      const decision = await tx.examDecision.create({
        data: {
          caseId,
          decidedById: actor.userId,
          choice: form.choice,
          fromDate: current.targetExamDate,
          examDate: form.examDate,
          reason: form.reason,
          planVersion,
        },
        select: { id: true },
      });
      const summary =
        form.choice === "SIT"
          ? `Decision: sit on ${when}. ${form.reason}`
          : `Decision: postpone${current.targetExamDate ? ` from ${formatDate(current.targetExamDate)}` : ""} to ${when}${
              planVersion ? ` (plan version ${planVersion})` : ""
            }. ${form.reason}`;
      await logActivity(tx, {
        schoolId: current.schoolId,
        actorId: actor.userId,
        caseId,
        entity: "RetakeCase",
        entityId: caseId,
        action: form.choice === "SIT" ? "case.decision_sit" : "case.decision_postpone",
        summary,
        before: { targetExamDate: current.targetExamDate },
        after: { decisionId: decision.id, choice: form.choice, examDate: form.examDate, planVersion },
      });
      await notify(tx, {
        userIds: [current.student.userId],
        schoolId: current.schoolId,
        caseId,
        kind: "EXAM_DECISION",
        title: form.choice === "SIT" ? `You are sitting the exam on ${when}` : `Your exam moves to ${when}`,
        body: form.reason,
        link: "/",
        dedupeKey: `decision:${decision.id}`,
      });
      return { ok: true, planVersion };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

/** A case without a plan: the new target date goes on the case, if it is still at the version shown. */
async function moveTargetDate(tx: Tx, caseId: string, expectedVersion: number, date: IsoDate): Promise<void> {
  const updated = await tx.retakeCase.updateMany({
    where: { id: caseId, version: expectedVersion, openSlot: "OPEN" },
    data: { targetExamDate: date, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new Refused(refuse("CONFLICT", CONFLICT_MESSAGE));
  await refreshDerived(tx, [caseId]);
}
