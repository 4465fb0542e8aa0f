/**
 * Step 1 of building a plan, read from the builder's GET parameters: what the
 * form shows (what was typed once submitted, the suggested inputs before), the
 * errors next to their fields, and the generator's proposal for step 2.
 * Proposing changes nothing, so it lives in the URL.
 */

import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { IsoDate } from "#app/domain/dates";
import type { Visibility } from "#app/domain/vocabulary";
import { editorValues, type PlanEditorValues } from "./editor";
import type { PlanInputError } from "./generator";
import { withProvenance } from "./provenance";
import { builderDefaults, type PlanBuilderContext, proposePlan } from "./queries.server";
import { planBuilderSchema, type RhythmDay } from "./schema";

/** The builder form's values, as text (what was typed, valid or not). */
export interface PlanBuilderDefaults {
  startDate: string;
  examDate: string;
  hoursPerDay: string;
  restDay: string;
  previousResources: string;
}

/** The generator's proposal, as the editor of step 2 starts from it. */
export interface PlanProposal {
  values: PlanEditorValues;
  warnings: string[];
  durationWeeks: number;
  rhythm: RhythmDay[];
  restDay: number;
  /** Proposed measures the student will not see, and who will (they answer findings not shared with the student). */
  notForTheStudent: Array<{ title: string; audience: Visibility }>;
}

interface BuilderStep {
  defaults: PlanBuilderDefaults;
  /** The submission's errors (null before a submission and when it proposed a plan). */
  result: SubmissionResult<string[]> | null;
  proposal: PlanProposal | null;
  status: 200 | 400;
}

/** The generator's errors under the builder's field names; the case's own facts (exam, failures) are the form's. */
function builderErrors(errors: readonly PlanInputError[]): { fieldErrors: Record<string, string[]>; formErrors: string[] } {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const e of errors) {
    if (e.field === "exam" || e.field === "failureNumber") formErrors.push(e.message);
    else fieldErrors[e.field] = [...(fieldErrors[e.field] ?? []), e.message];
  }
  return { fieldErrors, formErrors };
}

/** The builder's step 1 for the request's parameters: submitted once `startDate` is in the URL. */
export function proposeFromParams(context: PlanBuilderContext, params: URLSearchParams, today: IsoDate): BuilderStep {
  if (!params.has("startDate")) return { defaults: builderDefaults(context, today), result: null, proposal: null, status: 200 };
  const defaults: PlanBuilderDefaults = {
    startDate: params.get("startDate") ?? "",
    examDate: params.get("examDate") ?? "",
    hoursPerDay: params.get("hoursPerDay") ?? "",
    restDay: params.get("restDay") ?? "",
    previousResources: params.get("previousResources") ?? "",
  };
  const submission = parseWithZod(params, { schema: planBuilderSchema });
  if (submission.status !== "success") return { defaults, result: submission.reply(), proposal: null, status: 400 };
  const generated = proposePlan(context, submission.value);
  if (!generated.plan) return { defaults, result: submission.reply(builderErrors(generated.errors)), proposal: null, status: 400 };
  return {
    defaults,
    result: null,
    proposal: {
      values: editorValues(generated.plan),
      warnings: generated.warnings,
      durationWeeks: generated.plan.durationWeeks,
      rhythm: generated.plan.content.rhythm,
      restDay: generated.plan.restDay,
      notForTheStudent: withProvenance(generated.plan.content.measures, context.sources).flatMap((m) =>
        m.provenance && m.provenance.tier !== "STUDENT" ? [{ title: m.title, audience: m.provenance.tier }] : [],
      ),
    },
    status: 200,
  };
}
