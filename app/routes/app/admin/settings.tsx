import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "react-router";
import { reply } from "#app/actions/reply";
import { requireAdminSchool } from "#app/auth/admin-school.server";
import { SchoolPicker } from "#app/components/admin/school-picker";
import { Field, FieldErrors, FormErrors, SelectField } from "#app/components/forms";
import { instrument } from "#app/domain/reference";
import { saveSchoolSettings } from "#app/domain/settings/mutations.server";
import { loadSchoolSettingsForEdit } from "#app/domain/settings/queries.server";
import { LADDER_RUNGS, settingsFormSchema, THREE_DIGIT_INSTRUMENT_IDS } from "#app/domain/settings/schema";
import { ordinal } from "#app/domain/text";
import { CBSSA_GATE_RULES } from "#app/domain/trajectory/readiness";
import { POLICY_CONSEQUENCES, type PolicyConsequence } from "#app/domain/vocabulary";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/settings";

export async function loader(args: Route.LoaderArgs) {
  const { schoolId, schools } = requireAdminSchool(args);
  const { settings, version } = await loadSchoolSettingsForEdit(schoolId);
  return {
    schoolId,
    schools,
    settings,
    version,
  };
}

export async function action(args: Route.ActionArgs) {
  const { user, schoolId } = requireAdminSchool(args);
  const submission = parseWithZod(await args.request.formData(), { schema: settingsFormSchema });
  if (submission.status !== "success") return reply({ intent: "settings", submission });
  const saved = await saveSchoolSettings({ schoolId, actorId: user.id, form: submission.value });
  if (!saved.ok) return reply({ intent: "settings", submission }, saved);
  return redirectWithToast(`/admin/settings?school=${schoolId}`, {
    title: "Settings saved",
    description: "Open cases are being re-assessed against them.",
  });
}

export function meta() {
  return [{ title: "School settings · Retake Desk" }];
}

const ruleLabels: Record<(typeof CBSSA_GATE_RULES)[number], string> = {
  LIKELY_RANGE_ABOVE_LOW_PASS: "Likely range entirely above the low-pass band (NBME: likely ready)",
  LIKELY_RANGE_WITHIN_OR_ABOVE_LOW_PASS: "Likely range within or above the band (close to the minimum)",
};

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const { settings, version, schools, schoolId } = loaderData;
  const navigation = useNavigation();
  const typed = (actionData?.result?.initialValue ?? null) as Record<string, unknown> | null;
  const errors = (actionData?.result?.error ?? {}) as Record<string, string[] | undefined>;
  const value = (name: string, fallback: unknown) => String((typed ? typed[name] : undefined) ?? fallback ?? "");
  const checked = (name: string, fallback: boolean) => (typed ? typed[name] === "on" : fallback);
  const typedRungs = (typed?.rungs ?? null) as Array<Record<string, string>> | null;
  const typedInstruments = typed ? ([] as string[]).concat((typed.threeDigitInstruments as string[] | string | undefined) ?? []) : null;
  const gate = settings.readinessGate;
  /** A numeric setting: the typed value after a refusal, else the stored one. */
  const numberField = (name: string, label: string, fallback: unknown, hint?: string) => (
    <Field id={name} name={name} label={label} hint={hint} inputMode="numeric" defaultValue={value(name, fallback)} errors={errors[name]} />
  );
  const consequenceOptions = (Object.keys(POLICY_CONSEQUENCES) as PolicyConsequence[]).map((c) => ({
    value: c,
    label: POLICY_CONSEQUENCES[c],
  }));

  return (
    <div className="max-w-3xl space-y-4">
      <h1>School settings</h1>
      <p className="hint">
        Single sign-on with your school's identity provider and two-factor rules are under <a href="/admin/sign-in">Sign-in</a>.
      </p>
      <SchoolPicker schools={schools} schoolId={schoolId} />
      {actionData?.error ? <FormErrors errors={[actionData.error]} /> : null}
      <Form method="post" className="space-y-4" key={JSON.stringify(typed)}>
        <input type="hidden" name="expectedVersion" value={version} />

        <section aria-labelledby="ladder-heading" className="card space-y-3">
          <h2 id="ladder-heading">Policy ladder</h2>
          <p className="hint">
            What each failure of a USMLE exam means at your school. Tutors and the office see it on every case, and it feeds the risk flags.
          </p>
          {LADDER_RUNGS.map((n, i) => {
            const rung = settings.policyLadder.find((r) => r.failureNumber === n);
            const base = `rungs[${i}]`;
            return (
              <fieldset key={n} className="grid gap-2 border-t border-slate-200 pt-3 sm:grid-cols-[10rem_1fr]">
                <legend className="sr-only">{ordinal(n)} failure</legend>
                <input type="hidden" name={`${base}.failureNumber`} value={n} />
                <SelectField
                  id={`${base}.consequence`}
                  name={`${base}.consequence`}
                  label={`${ordinal(n)} failure`}
                  options={consequenceOptions}
                  defaultValue={typedRungs?.[i]?.consequence ?? rung?.consequence ?? "NONE"}
                  errors={errors[`${base}.consequence`]}
                />
                <Field
                  id={`${base}.description`}
                  name={`${base}.description`}
                  label="What it means for the student"
                  defaultValue={typedRungs?.[i]?.description ?? rung?.description ?? ""}
                  errors={errors[`${base}.description`]}
                />
              </fieldset>
            );
          })}
          {numberField(
            "schoolAttemptLimit",
            "School attempt limit per exam (optional)",
            settings.schoolAttemptLimit,
            "Leave empty to follow USMLE's limit of four attempts. Many schools allow three.",
          )}
        </section>

        <section aria-labelledby="gate-heading" className="card space-y-3">
          <h2 id="gate-heading">Readiness gate</h2>
          <p className="hint">
            When a student counts as ready to sit the exam. Every case shows whether the gate is met and how far it is.
          </p>
          <fieldset className="space-y-2">
            <legend className="font-medium">Step 1: NBME CBSSA rule</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="cbssaEnabled" defaultChecked={checked("cbssaEnabled", gate.cbssa.enabled)} className="size-4" />{" "}
              Use this rule
            </label>
            <div className="grid gap-3 sm:grid-cols-2">
              {numberField("cbssaMinCount", "CBSSAs needed", gate.cbssa.minCount)}
              {numberField("cbssaWithinDays", "Within the last (days)", gate.cbssa.withinDays)}
            </div>
            <SelectField
              id="cbssaRule"
              name="cbssaRule"
              label="Each result must have"
              options={CBSSA_GATE_RULES.map((r) => ({ value: r, label: ruleLabels[r] }))}
              defaultValue={value("cbssaRule", gate.cbssa.rule)}
              errors={errors.cbssaRule}
            />
          </fieldset>
          <fieldset className="space-y-2 border-t border-slate-200 pt-3">
            <legend className="font-medium">Three-digit rule (Step 2 CK, Step 3)</legend>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="threeDigitEnabled"
                defaultChecked={checked("threeDigitEnabled", gate.threeDigit.enabled)}
                className="size-4"
              />{" "}
              Use this rule
            </label>
            <div className="grid gap-3 sm:grid-cols-2">
              {numberField("threeDigitMargin", "Points above the passing standard", gate.threeDigit.margin)}
              {numberField("threeDigitWithinDaysOfExam", "Taken within (days before the exam)", gate.threeDigit.withinDaysOfExam)}
            </div>
            <fieldset aria-describedby={errors.threeDigitInstruments ? "threeDigitInstruments-error" : undefined}>
              <legend className="label">Instruments that count</legend>
              <div className="flex flex-wrap gap-x-4">
                {THREE_DIGIT_INSTRUMENT_IDS.map((id) => (
                  <label key={id} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="threeDigitInstruments"
                      value={id}
                      defaultChecked={typedInstruments ? typedInstruments.includes(id) : gate.threeDigit.instruments.includes(id as never)}
                      className="size-4"
                    />
                    {instrument(id).shortName}
                  </label>
                ))}
              </div>
              <FieldErrors id="threeDigitInstruments-error" errors={errors.threeDigitInstruments} />
            </fieldset>
          </fieldset>
        </section>

        <section aria-labelledby="limits-heading" className="card space-y-3">
          <h2 id="limits-heading">Escalation time limits</h2>
          <div className="grid gap-3 sm:grid-cols-2">
            {numberField("acknowledgeWithinBusinessDays", "Acknowledge within (business days)", settings.acknowledgeWithinBusinessDays)}
            {numberField("resolveWithinBusinessDays", "Resolve within (business days)", settings.resolveWithinBusinessDays)}
          </div>
        </section>
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          Save settings
        </button>
      </Form>
    </div>
  );
}
