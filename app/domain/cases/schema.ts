import { z } from "zod";

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
  expectedVersion: z.coerce.number().int().min(1),
});
