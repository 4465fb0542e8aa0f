/**
 * The form schema for logging a practice exam. Shared by the
 * client and the server (Conform). Every bound comes from the instrument's
 * reference row (docs/domain.md §4.8), so a score is validated on its own scale and
 * the error names it: "CBSSA scores run from 0 to 100%".
 */
import { z } from "zod";
import { type IsoDate, isIsoDate } from "#app/domain/dates";
import {
  activeForms,
  type ExamId,
  examLabel,
  INSTRUMENT_IDS,
  type InstrumentId,
  instrument,
  instrumentInforms,
} from "#app/domain/reference";
import { printsLowPassBand, scaleUnit } from "./practice";

export interface PracticeExamSchemaOptions {
  /** The case's exam: decides which instruments and forms make sense. */
  exam: ExamId;
  /** Today's date, so "not in the future" is testable. */
  today: IsoDate;
  /** The plan's milestone uids, when known: a link must name one of them. */
  milestoneUids?: readonly string[];
  /** When editing, the stored form stays acceptable even if it has since been retired. */
  existingForm?: string;
}

/** "CBSSA scores run from 0 to 100%", "UWSA scores run from 1 to 300". */
export function scoreRangeMessage(instrumentId: InstrumentId): string {
  const info = instrument(instrumentId);
  return `${info.shortName} scores run from ${info.scaleMin} to ${info.scaleMax}${scaleUnit(info.scaleFamily)}`;
}

const percent = (what: string) =>
  z
    .number({ error: `Enter the ${what} as a number` })
    .min(0, { error: `The ${what} runs from 0 to 100%` })
    .max(100, { error: `The ${what} runs from 0 to 100%` });

const isKnownInstrument = (value: unknown): value is InstrumentId =>
  typeof value === "string" && (INSTRUMENT_IDS as readonly string[]).includes(value);

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** Builds the schema for one case and day. */
export function practiceExamSchema(options: PracticeExamSchemaOptions) {
  const base = z.object({
    instrumentId: z.enum(INSTRUMENT_IDS, { error: "Choose the practice exam" }),
    form: z.string().trim().max(60, { error: "Keep the form name under 60 characters" }).default(""),
    takenOn: z
      .string({ error: "Enter the date it was taken" })
      .refine(isIsoDate, { error: "Enter the date as YYYY-MM-DD" })
      // Not `abort: true` on the check above: an explicit abort would also stop the cross-field checks.
      .refine((date) => !isIsoDate(date) || date <= options.today, { error: "The date cannot be in the future" }),
    score: z.number({ error: "Enter the score as a number" }),
    passProbability: percent("pass probability").optional(),
    lowPassLow: percent("low-pass band").optional(),
    lowPassHigh: percent("low-pass band").optional(),
    milestoneUid: z.string().trim().min(1).optional(),
  });

  // Cross-field rules need the instrument; `when` lets them run even while other
  // fields (a bad date, say) have errors, so the user sees every problem at once.
  return base.superRefine(
    (values, ctx) => {
      const id = values.instrumentId;
      const info = instrument(id);
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message, input: values });

      if (!instrumentInforms(id, options.exam)) {
        issue("instrumentId", `${info.shortName} is not used to prepare for ${examLabel(options.exam)}`);
      }

      const forms = activeForms(id, options.exam);
      const form = typeof values.form === "string" ? values.form : "";
      if (forms.length > 0 && !forms.includes(form) && !(options.existingForm && form === options.existingForm)) {
        issue(
          "form",
          form === "" ? `Choose the ${info.shortName} form` : `Choose one of the current ${info.shortName} forms: ${forms.join(", ")}`,
        );
      }

      if (isNumber(values.score) && (values.score < info.scaleMin || values.score > info.scaleMax)) {
        issue("score", scoreRangeMessage(id));
      }

      if (values.passProbability !== undefined && !info.reportsPassProbability) {
        issue("passProbability", `${info.shortName} reports no pass probability`);
      }

      const low = values.lowPassLow;
      const high = values.lowPassHigh;
      if ((low !== undefined || high !== undefined) && !printsLowPassBand(id)) {
        issue(low !== undefined ? "lowPassLow" : "lowPassHigh", `${info.shortName} reports no low-pass band`);
      } else if (low !== undefined && high === undefined) {
        issue("lowPassHigh", "Enter both ends of the low-pass band");
      } else if (high !== undefined && low === undefined) {
        issue("lowPassLow", "Enter both ends of the low-pass band");
      } else if (isNumber(low) && isNumber(high) && low > high) {
        issue("lowPassHigh", "The top of the low-pass band must be at or above its bottom");
      }

      if (values.milestoneUid !== undefined && options.milestoneUids && !options.milestoneUids.includes(values.milestoneUid)) {
        issue("milestoneUid", "Choose one of the plan's milestones");
      }
    },
    {
      when: (payload) =>
        typeof payload.value === "object" &&
        payload.value !== null &&
        isKnownInstrument((payload.value as Record<string, unknown>).instrumentId),
    },
  );
}
