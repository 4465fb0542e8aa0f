/**
 * Form schemas for escalations: raising one by hand, adding a
 * note, changing status, recording an action and changing the owner.
 *
 * Every problem is reported at its field in one pass (cross-field rules run
 * even when another field already failed), so the form keeps what was typed.
 * Blank optional text ("" or spaces) means "not given". Numbers are plain
 * `z.number()`: Conform's `parseWithZod` turns form strings into numbers.
 *
 * Accommodation requests record a status only (requested / granted / denied):
 * the app stores no clinical documents (docs/domain.md §6.3), so there is no field
 * for one.
 */
import { z } from "zod";
import { formatDate, type IsoDate, isIsoDate } from "#app/domain/dates";
import { blankToUndefined } from "#app/domain/text";
import { type AccommodationStatus, ESCALATION_ACTIONS, ESCALATION_STATUSES, type EscalationAction } from "#app/domain/vocabulary";

/** Length limits of the escalation forms' free text. */
export const ESCALATION_TEXT_LIMITS = {
  /** A reason shorter than this does not tell the office what is wrong. */
  reasonMin: 10,
  reasonMax: 1000,
  noteMax: 1000,
  outcomeMax: 1000,
  /** Longest user id accepted as an owner (ids are cuids, far shorter). */
  idMax: 64,
} as const;

const L = ESCALATION_TEXT_LIMITS;

const ESCALATION_ACTION_KEYS = Object.keys(ESCALATION_ACTIONS) as [EscalationAction, ...EscalationAction[]];

/** The statuses an accommodation request can be recorded with ("NONE" is the absence of a request). */
export const RECORDED_ACCOMMODATION_STATUSES = ["REQUESTED", "GRANTED", "DENIED"] as const satisfies readonly AccommodationStatus[];

/** The one action that carries an accommodation status. */
const ACCOMMODATION_ACTION = "ACCOMMODATION_REQUEST" satisfies EscalationAction;

const optionalText = (max: number, what: string) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `Keep the ${what} under ${max} characters`).optional());

/** The version of the escalation the form was drawn from: every office write carries it (optimistic concurrency). */
const expectedVersionSchema = z
  .number({ error: "Missing escalation version; reload the page" })
  .int("Missing escalation version; reload the page")
  .min(1, "Missing escalation version; reload the page");

/** Cross-field rules run even when other fields failed; they read the raw value defensively. */
const always = { when: () => true };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

// ---------------------------------------------------------------------------
// Manual escalation and notes
// ---------------------------------------------------------------------------

/** A tutor (or the office) escalating a case by hand. */
export const manualEscalationSchema = z.object({
  reason: z
    .string({ error: "Say why the case needs the office" })
    .trim()
    .min(L.reasonMin, `Say why the case needs the office (at least ${L.reasonMin} characters)`)
    .max(L.reasonMax, `Keep the reason under ${L.reasonMax} characters`),
  note: optionalText(L.noteMax, "note"),
});

/** A note on an escalation's history; tutors may add these too. */
export const escalationNoteSchema = z.object({
  note: z.string({ error: "Write the note" }).trim().min(1, "Write the note").max(L.noteMax, `Keep the note under ${L.noteMax} characters`),
});

// ---------------------------------------------------------------------------
// Status change
// ---------------------------------------------------------------------------

/**
 * A status change. Resolving requires an outcome (error on `outcome`); an
 * outcome sent with any other status is dropped, since the form may keep a
 * hidden value around. Whether the move itself is allowed is
 * `transitionEscalation`'s call.
 */
export const statusChangeSchema = z
  .object({
    to: z.enum(ESCALATION_STATUSES, { error: "Choose the new status" }),
    expectedVersion: expectedVersionSchema,
    outcome: optionalText(L.outcomeMax, "outcome"),
  })
  .superRefine((value: unknown, ctx) => {
    if (!isRecord(value) || value.to !== "RESOLVED") return;
    if (typeof value.outcome !== "string" || value.outcome.trim() === "") {
      ctx.addIssue({ code: "custom", path: ["outcome"], message: "Say what the outcome is: whoever raised the escalation is told it" });
    }
  }, always)
  .transform((value) => (value.to === "RESOLVED" ? value : { ...value, outcome: undefined }));

// ---------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------

/**
 * An action taken on the escalation, dated on or before `today` (the server's
 * calendar date, passed in so tests control the clock), with the version the
 * form was drawn from. An accommodation request needs its status; other
 * actions carry none (a stray one is dropped).
 */
export function actionRecordSchema(today: IsoDate) {
  return z
    .object({
      action: z.enum(ESCALATION_ACTION_KEYS, { error: "Choose the action taken" }),
      actionOn: z
        .string({ error: "Enter the date of the action" })
        .trim()
        .refine((value) => isIsoDate(value), { message: "Enter a real date as YYYY-MM-DD", abort: true })
        .refine((value) => value <= today, { message: `The action date cannot be in the future (today is ${formatDate(today)})` }),
      note: optionalText(L.noteMax, "note"),
      accommodationStatus: z.preprocess(
        blankToUndefined,
        z.enum(RECORDED_ACCOMMODATION_STATUSES, { error: "Choose requested, granted or denied" }).optional(),
      ),
      expectedVersion: expectedVersionSchema,
    })
    .superRefine((value: unknown, ctx) => {
      if (!isRecord(value) || value.action !== ACCOMMODATION_ACTION) return;
      if (value.accommodationStatus === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["accommodationStatus"],
          message: "Choose the request's status: requested, granted or denied",
        });
      }
    }, always)
    .transform((value) => (value.action === ACCOMMODATION_ACTION ? value : { ...value, accommodationStatus: undefined }));
}

// ---------------------------------------------------------------------------
// Owner
// ---------------------------------------------------------------------------

/** Who in the office owns the escalation; the server checks the id is an advisor or admin of the school. */
export const ownerChangeSchema = z.object({
  ownerId: z
    .string({ error: "Choose who owns this escalation" })
    .trim()
    .min(1, "Choose who owns this escalation")
    .max(L.idMax, "Choose who owns this escalation"),
  expectedVersion: expectedVersionSchema,
});
