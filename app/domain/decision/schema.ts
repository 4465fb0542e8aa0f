/**
 * The decision form ("Sit or postpone?"): sit on the planned date, or
 * postpone to a date, with a reason the student will read. Pure and client-safe.
 */
import { z } from "zod";
import { type IsoDate, isIsoDate } from "#app/domain/dates";
import { PLAN_LIMITS } from "#app/domain/plans/schema";

/** `today` bounds the date (the exam is in the future); `planned` is the case's current target date. */
export function decisionSchema(today: IsoDate, planned: IsoDate | null) {
  return z
    .object({
      choice: z.enum(["SIT", "POSTPONE"], { error: "Choose to sit or to postpone" }),
      examDate: z
        .string({ error: "Enter the exam date" })
        .trim()
        .refine(isIsoDate, { message: "Enter a real date as YYYY-MM-DD", abort: true })
        .refine((d) => d > today, "The exam date must be in the future"),
      reason: z
        .string({ error: "Give the reason the student will read" })
        .trim()
        .min(PLAN_LIMITS.reasonMinLength, `Give a reason of at least ${PLAN_LIMITS.reasonMinLength} characters: the student reads it`)
        .max(PLAN_LIMITS.reasonMaxLength, `At most ${PLAN_LIMITS.reasonMaxLength} characters`),
      expectedCaseVersion: z.coerce.number().int().min(1),
    })
    .superRefine((value, ctx) => {
      if (value.choice === "SIT" && value.examDate !== planned) {
        ctx.addIssue({ code: "custom", path: ["examDate"], message: "Sitting means keeping the planned date; to change it, postpone" });
      }
      if (value.choice === "POSTPONE" && planned !== null && value.examDate <= planned) {
        ctx.addIssue({ code: "custom", path: ["examDate"], message: "A postponement moves the exam after the planned date" });
      }
    });
}

export type DecisionForm = z.output<ReturnType<typeof decisionSchema>>;
