/**
 * The Progress tab's form schemas: the trajectory module's practice-exam schema
 * (every bound from the instrument's reference row) plus the optional per-area
 * breakdown, and the hidden fields that editing and deleting carry.
 */
import { z } from "zod";
import { type PracticeExamSchemaOptions, practiceExamSchema } from "#app/domain/trajectory/schema";
import { parseBreakdown } from "./breakdown";

const breakdownField = z
  .string()
  .max(4000, { error: "Keep the breakdown shorter" })
  .optional()
  .transform((text, ctx) => {
    const parsed = parseBreakdown(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message, input: text });
      return z.NEVER;
    }
    return parsed.entries.length ? parsed.entries : null;
  });

/** Logging a practice exam (intent "log"). */
export function logPracticeSchema(options: PracticeExamSchemaOptions) {
  return practiceExamSchema(options).and(z.object({ breakdown: breakdownField }));
}

const recordRef = {
  id: z.string({ error: "That practice exam was not found" }).min(1),
  expectedVersion: z.coerce.number().int().min(1),
};

/** Editing a logged practice exam (intent "update"): the same fields plus the record and its version. */
export function updatePracticeSchema(options: PracticeExamSchemaOptions) {
  return logPracticeSchema(options).and(z.object(recordRef));
}

/** Deleting one (intent "delete"). */
export const deletePracticeSchema = z.object(recordRef);
