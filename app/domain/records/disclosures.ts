/**
 * The disclosure log (34 CFR §99.32): each time a student's record leaves the
 * school — to a residency program, a licensing board, the NBME on the
 * student's request — who received it, why, which records, when, and the
 * consent it rests on. The student can read their own entries.
 */
import { z } from "zod";
import { type IsoDate, isIsoDate } from "#app/domain/dates";
import { schoolIdSchema } from "#app/domain/school-choice";

/** The form; `schoolIds` are the office's schools, the student is looked up in the one chosen. */
export function disclosureSchema(today: IsoDate, schoolIds: readonly string[]) {
  return z.object({
    schoolId: schoolIdSchema(schoolIds),
    student: z
      .string({ error: "Enter the student's email or student number." })
      .trim()
      .min(1, { error: "Enter the student's email or student number." })
      .max(200),
    recipient: z.string({ error: "Who received the records?" }).trim().min(2, { error: "Who received the records?" }).max(200),
    purpose: z.string({ error: "Why were they disclosed?" }).trim().min(3, { error: "Why were they disclosed?" }).max(500),
    records: z.string({ error: "Which records?" }).trim().min(3, { error: "Which records?" }).max(500),
    disclosedOn: z
      .string({ error: "Enter the date of the disclosure." })
      .refine(isIsoDate, { error: "Enter the date of the disclosure." })
      .refine((d) => d <= today, { error: "A disclosure is logged once it has happened: the date cannot be in the future." }),
    consentReference: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(200).optional()),
  });
}

export type DisclosureForm = z.infer<ReturnType<typeof disclosureSchema>>;
