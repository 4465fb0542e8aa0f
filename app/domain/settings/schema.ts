/**
 * The school-settings form: flat fields (so it works without JavaScript) that
 * map onto SchoolSettings, the readiness gate and the policy ladder.
 */
import { z } from "zod";
import { currentAttemptRules, INSTRUMENT_IDS, instrument } from "#app/domain/reference";
import { CBSSA_GATE_RULES, readinessGateSchema } from "#app/domain/trajectory/readiness";
import { POLICY_CONSEQUENCES, type PolicyConsequence } from "#app/domain/vocabulary";

/** Rungs a school can describe: the 1st to the 4th failure (USMLE allows no 5th). */
export const LADDER_RUNGS = [1, 2, 3, 4] as const;

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const int = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `Enter ${what} as a number.` })
    .int({ error: `Enter ${what} as a whole number.` })
    .min(min, { error: `${what[0].toUpperCase()}${what.slice(1)} must be at least ${min}.` })
    .max(max, { error: `${what[0].toUpperCase()}${what.slice(1)} must be at most ${max}.` });

const consequences = Object.keys(POLICY_CONSEQUENCES) as [PolicyConsequence, ...PolicyConsequence[]];
export const THREE_DIGIT_INSTRUMENT_IDS = INSTRUMENT_IDS.filter((id) => instrument(id).scaleFamily === "THREE_DIGIT");

export const settingsFormSchema = z
  .object({
    expectedVersion: z.coerce.number().int().min(0),
    acknowledgeWithinBusinessDays: int(1, 30, "the time to acknowledge"),
    resolveWithinBusinessDays: int(1, 120, "the time to resolve"),
    schoolAttemptLimit: z.preprocess(
      (v) => (v === "" || v === null || v === undefined ? null : v),
      int(1, currentAttemptRules().maxAttemptsPerExam - 1, "the school's attempt limit").nullable(),
    ),
    cbssaEnabled: checkbox,
    cbssaMinCount: int(1, 10, "the number of CBSSAs"),
    cbssaWithinDays: int(1, 365, "the CBSSA window"),
    cbssaRule: z.enum(CBSSA_GATE_RULES, { error: "Choose how the likely range must sit against the band." }),
    threeDigitEnabled: checkbox,
    threeDigitMargin: int(0, 60, "the margin"),
    threeDigitWithinDaysOfExam: int(1, 365, "the three-digit window"),
    threeDigitInstruments: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(THREE_DIGIT_INSTRUMENT_IDS as [string, ...string[]])).min(1, { error: "Choose at least one instrument." }),
    ),
    rungs: z
      .array(
        z.object({
          failureNumber: z.coerce.number().int(),
          consequence: z.enum(consequences, { error: "Choose what this failure means." }),
          description: z.string().trim().max(500, { error: "Keep it under 500 characters." }).optional().default(""),
        }),
      )
      .length(LADDER_RUNGS.length),
  })
  .superRefine((value, ctx) => {
    if (value.resolveWithinBusinessDays < value.acknowledgeWithinBusinessDays) {
      ctx.addIssue({ code: "custom", path: ["resolveWithinBusinessDays"], message: "Resolving cannot be due before acknowledging." });
    }
    value.rungs.forEach((rung, i) => {
      if (rung.failureNumber !== LADDER_RUNGS[i])
        ctx.addIssue({ code: "custom", path: ["rungs", i, "failureNumber"], message: "Unexpected failure number." });
      if (rung.consequence !== "NONE" && !rung.description) {
        ctx.addIssue({ code: "custom", path: ["rungs", i, "description"], message: "Say what this means for the student at your school." });
      }
    });
  });

export type SettingsForm = z.output<typeof settingsFormSchema>;

/** The stored readiness gate from the form. */
export function gateFromForm(form: SettingsForm) {
  return readinessGateSchema.parse({
    cbssa: { enabled: form.cbssaEnabled, minCount: form.cbssaMinCount, withinDays: form.cbssaWithinDays, rule: form.cbssaRule },
    threeDigit: {
      enabled: form.threeDigitEnabled,
      margin: form.threeDigitMargin,
      withinDaysOfExam: form.threeDigitWithinDaysOfExam,
      instruments: form.threeDigitInstruments,
    },
  });
}
