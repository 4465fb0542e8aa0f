/**
 * The case page's forms: assigning a tutor, changing the status and setting
 * the target exam date. Pure and client-safe.
 */
import { z } from "zod";
import { type IsoDate, isIsoDate } from "#app/domain/dates";
import { blankToUndefined } from "#app/domain/text";
import { CASE_OUTCOMES, CASE_STATUSES } from "#app/domain/vocabulary";

const expectedVersion = z.coerce.number().int().min(1);

/** The office assigns (or reassigns) a tutor, always with a reason; the version guards against a race. */
export const assignSchema = z.object({
  intent: z.literal("assign"),
  caseId: z.string().min(1),
  tutorId: z.string({ error: "Choose a tutor." }).min(1, { error: "Choose a tutor." }),
  reason: z
    .string({ error: "Say why this tutor (a sentence is enough)." })
    .trim()
    .min(3, { error: "Say why this tutor (a sentence is enough)." })
    .max(500),
  expectedVersion,
});

/** A manual status change (the state machine decides whether it is allowed); the note stays out of the student's timeline. */
export const statusSchema = z.object({
  to: z.enum(CASE_STATUSES),
  outcome: z.enum(CASE_OUTCOMES).optional(),
  expectedVersion,
  note: z.preprocess(blankToUndefined, z.string().trim().max(500).optional()),
});

const TARGET_DATE_FORMAT_MESSAGE = "Enter a date like 2027-03-14.";
const TARGET_DATE_PAST_MESSAGE = "Choose a date from today on.";

/** Sets (or, left blank, clears) the target exam date; `today` bounds it (no target in the past). */
export function targetDateSchema(today: IsoDate) {
  return z.object({
    targetExamDate: z.preprocess(
      blankToUndefined,
      z
        .string({ error: TARGET_DATE_FORMAT_MESSAGE })
        .trim()
        .refine(isIsoDate, { error: TARGET_DATE_FORMAT_MESSAGE, abort: true })
        .refine((d) => d >= today, { error: TARGET_DATE_PAST_MESSAGE })
        .optional(),
    ),
    expectedVersion,
  });
}
