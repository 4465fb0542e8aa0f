/**
 * The attempt form's shape. The rules that need history (duplicates, spacing,
 * passing standards on the day) run in validateAttemptInput on the server.
 */
import { z } from "zod";
import { isIsoDate } from "#app/domain/dates";
import { EXAM_IDS } from "#app/domain/reference";
import { blankToUndefined } from "#app/domain/text";
import { ATTEMPT_OUTCOMES } from "#app/domain/vocabulary";

export const attemptFormSchema = z.object({
  exam: z.enum(EXAM_IDS, { error: "Choose the exam that was taken." }),
  takenOn: z.string({ error: "Enter the date the exam was taken." }).refine(isIsoDate, { error: "Enter the date the exam was taken." }),
  outcome: z.enum(ATTEMPT_OUTCOMES, { error: "Choose the result." }),
  score: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "Enter the score as a number." }).int({ error: "Enter the score as a whole number." }).optional(),
  ),
});
