/**
 * The retake case's status as a state machine (docs/product.md workflow):
 *
 *   INTAKE → DIAGNOSING → PLANNING → ACTIVE → READY → CLOSED (PASSED | WITHDRAWN | INELIGIBLE)
 *
 * Two kinds of moves:
 * - manual ones, which a person chooses on the case page (`transition`,
 *   `availableTransitions`): the workflow steps forward and back, by the assigned
 *   tutor or the office, and withdrawing, by the office only;
 * - automatic ones, which follow from something recorded elsewhere (a tutor
 *   assigned, an exam attempt): `onTutorAssigned`, `onFailureRecorded`,
 *   `onPassRecorded`, `onIneligible`, `onAttemptRecorded`.
 *
 * CLOSED is terminal: a closed case never reopens; a later failure opens a new case.
 * A case closes as PASSED or INELIGIBLE only from a recorded attempt (the record is
 * the evidence), and as WITHDRAWN only by hand.
 */
import { type Result, refuse } from "#app/domain/result";
import {
  type AttemptOutcome,
  CASE_OUTCOME_LABELS,
  CASE_STATUS_LABELS,
  type CaseOutcome,
  type CaseStatus,
  OFFICE_ROLES,
  type Role,
} from "#app/domain/vocabulary";

/** Every new case starts in the school's intake queue. */
export const INITIAL_CASE_STATUS = "INTAKE" satisfies CaseStatus;

export const OPEN_CASE_STATUSES = ["INTAKE", "DIAGNOSING", "PLANNING", "ACTIVE", "READY"] as const satisfies readonly CaseStatus[];
type OpenCaseStatus = (typeof OPEN_CASE_STATUSES)[number];

/** Open cases are the ones a failure attaches to and the caseload shows by default. */
export function isOpenStatus(status: CaseStatus): status is OpenCaseStatus {
  return status !== "CLOSED";
}

/** Who may perform a manual move: the case's assigned tutor, or the school's office (advisor, admin). */
type Performer = "ASSIGNED_TUTOR" | "OFFICE";

type TransitionKind = "FORWARD" | "BACK" | "CLOSE";

export interface ManualTransition {
  from: CaseStatus;
  to: CaseStatus;
  /** Set only for closing moves. */
  outcome: CaseOutcome | null;
  /** Button text. */
  label: string;
  /** One line for the confirmation or the audit log. */
  description: string;
  kind: TransitionKind;
  performers: readonly Performer[];
}

const WORKFLOW: readonly Performer[] = ["ASSIGNED_TUTOR", "OFFICE"];
const OFFICE_ONLY: readonly Performer[] = ["OFFICE"];

/**
 * Every move a person may choose. There is no manual way out of INTAKE: a case
 * leaves the queue when a tutor is assigned (`onTutorAssigned`).
 */
export const MANUAL_TRANSITIONS: readonly ManualTransition[] = [
  {
    from: "DIAGNOSING",
    to: "PLANNING",
    outcome: null,
    label: "Start planning",
    description: "The diagnosis is done; build the study plan.",
    kind: "FORWARD",
    performers: WORKFLOW,
  },
  {
    from: "PLANNING",
    to: "DIAGNOSING",
    outcome: null,
    label: "Back to diagnosis",
    description: "The diagnosis needs more work before a plan can be built.",
    kind: "BACK",
    performers: WORKFLOW,
  },
  {
    from: "PLANNING",
    to: "ACTIVE",
    outcome: null,
    label: "Start the plan",
    description: "The plan is agreed; the student starts working on it.",
    kind: "FORWARD",
    performers: WORKFLOW,
  },
  {
    from: "ACTIVE",
    to: "PLANNING",
    outcome: null,
    label: "Rebuild the plan",
    description: "The plan is not working; rebuild it.",
    kind: "BACK",
    performers: WORKFLOW,
  },
  {
    from: "ACTIVE",
    to: "READY",
    outcome: null,
    label: "Mark ready for the exam",
    description: "The student is ready to sit the exam.",
    kind: "FORWARD",
    performers: WORKFLOW,
  },
  {
    from: "READY",
    to: "ACTIVE",
    outcome: null,
    label: "Back to the active plan",
    description: "The student is not ready after all (or the exam moved); continue the plan.",
    kind: "BACK",
    performers: WORKFLOW,
  },
  ...OPEN_CASE_STATUSES.map(
    (from): ManualTransition => ({
      from,
      to: "CLOSED",
      outcome: "WITHDRAWN",
      label: "Withdraw the case",
      description: "Close the case without an exam result (the student leaves the programme or stops the retake).",
      kind: "CLOSE",
      performers: OFFICE_ONLY,
    }),
  ),
];

export interface CaseActor {
  role: Role;
  /** The actor is the tutor currently assigned to this case. */
  isAssignedTutor: boolean;
}

interface TransitionRequest extends CaseActor {
  /** Required when closing (only WITHDRAWN can be chosen by hand); refused otherwise. */
  outcome?: CaseOutcome | null;
}

/**
 * A manual move's answer. Every refusal is FORBIDDEN: the status form only
 * offers the moves this person may make, so any other move is one they may
 * not make (403).
 */
type TransitionResult = Result<{
  status: CaseStatus;
  outcome: CaseOutcome | null;
  transition: ManualTransition;
}>;

const isOffice = (role: Role) => (OFFICE_ROLES as readonly Role[]).includes(role);

/** Whether this actor is one of the transition's performers (students never are). */
export function mayPerform(transition: ManualTransition, actor: CaseActor): boolean {
  if (actor.role === "STUDENT") return false;
  if (isOffice(actor.role) && transition.performers.includes("OFFICE")) return true;
  return actor.role === "TUTOR" && actor.isAssignedTutor && transition.performers.includes("ASSIGNED_TUTOR");
}

function forbiddenReason(transition: ManualTransition, actor: CaseActor): string {
  if (actor.role === "STUDENT") return "Students cannot change the status of a case.";
  if (!transition.performers.includes("ASSIGNED_TUTOR"))
    return `Only an advisor or an administrator can ${transition.label.toLowerCase()}.`;
  return "Only the tutor assigned to this case, an advisor or an administrator can change its status.";
}

const statusLabel = (status: CaseStatus) => CASE_STATUS_LABELS[status];

/** A manual move, checked against the state machine and the actor's role. */
export function transition(current: CaseStatus, to: CaseStatus, request: TransitionRequest): TransitionResult {
  const outcome = request.outcome ?? null;
  if (current === "CLOSED") {
    return refuse("FORBIDDEN", "This case is closed, and closed cases do not reopen. A new failure opens a new case.");
  }
  if (to === current) {
    return refuse("FORBIDDEN", `The case is already in ${statusLabel(current)}.`);
  }
  if (to === "CLOSED") {
    if (outcome === null) return refuse("FORBIDDEN", "Closing a case needs an outcome.");
    if (outcome !== "WITHDRAWN") {
      return refuse(
        "FORBIDDEN",
        `A case closes as ${CASE_OUTCOME_LABELS[outcome].toLowerCase()} when the exam attempt is recorded, not by hand. Record the attempt instead.`,
      );
    }
  } else if (outcome !== null) {
    return refuse("FORBIDDEN", "Only closing a case takes an outcome.");
  }

  const found = MANUAL_TRANSITIONS.find((t) => t.from === current && t.to === to && t.outcome === outcome);
  if (!found) {
    return refuse(
      "FORBIDDEN",
      current === "INTAKE"
        ? "A case leaves intake when a tutor is assigned to it."
        : `A case cannot move from ${statusLabel(current)} to ${statusLabel(to)}.`,
    );
  }
  if (!mayPerform(found, request)) return refuse("FORBIDDEN", forbiddenReason(found, request));
  return {
    ok: true,
    status: found.to,
    outcome: found.outcome,
    transition: found,
  };
}

/** The moves to offer this actor on the case page, forward moves first. */
export function availableTransitions(current: CaseStatus, actor: CaseActor): ManualTransition[] {
  const order: Record<TransitionKind, number> = {
    FORWARD: 0,
    BACK: 1,
    CLOSE: 2,
  };
  return MANUAL_TRANSITIONS.filter((t) => t.from === current && mayPerform(t, actor)).sort((a, b) => order[a.kind] - order[b.kind]);
}

/** A status change that follows automatically from another event; `reason` is for the activity log. */
export interface AutomaticChange {
  status: CaseStatus;
  outcome: CaseOutcome | null;
  reason: string;
}

/** A tutor takes or is given a case from the queue: diagnosis starts. Reassigning later changes nothing. */
export function onTutorAssigned(status: CaseStatus): AutomaticChange | null {
  if (status !== "INTAKE") return null;
  return {
    status: "DIAGNOSING",
    outcome: null,
    reason: "A tutor was assigned; diagnosis starts.",
  };
}

/**
 * A new failure on an open case: whatever the plan was, it starts again from the
 * diagnosis of this result (or from the queue when no tutor is assigned). A closed
 * case is left alone (null): the caller opens a new case instead.
 */
export function onFailureRecorded(status: CaseStatus, context: { hasTutor: boolean }): AutomaticChange | null {
  if (!isOpenStatus(status)) return null;
  const to: CaseStatus = context.hasTutor ? "DIAGNOSING" : "INTAKE";
  if (to === status) return null;
  return {
    status: to,
    outcome: null,
    reason: context.hasTutor
      ? "A new failure was recorded; the case goes back to diagnosis."
      : "A new failure was recorded and no tutor is assigned; the case goes back to the intake queue.",
  };
}

/** A pass on the case's exam closes it as passed. */
export function onPassRecorded(status: CaseStatus): AutomaticChange | null {
  if (!isOpenStatus(status)) return null;
  return {
    status: "CLOSED",
    outcome: "PASSED",
    reason: "A pass was recorded; the case is closed as passed.",
  };
}

/** The student can no longer sit any Step: every open case closes as ineligible. */
export function onIneligible(status: CaseStatus): AutomaticChange | null {
  if (!isOpenStatus(status)) return null;
  return {
    status: "CLOSED",
    outcome: "INELIGIBLE",
    reason: "The student reached the USMLE attempt limit without a pass; the case is closed as ineligible.",
  };
}

/**
 * The one call for the attempt route, for the case of the attempt's exam: a pass
 * closes it, ineligibility (from the attempt summary) closes it as ineligible,
 * a failure sends it back to diagnosis. An incomplete attempt changes nothing by
 * itself (the tutor decides where the case goes), unless it ends eligibility.
 */
export function onAttemptRecorded(
  status: CaseStatus,
  context: {
    outcome: AttemptOutcome;
    hasTutor: boolean;
    ineligibleForAllExams: boolean;
  },
): AutomaticChange | null {
  if (context.outcome === "PASS") return onPassRecorded(status);
  if (context.ineligibleForAllExams) return onIneligible(status);
  if (context.outcome === "FAIL") return onFailureRecorded(status, { hasTutor: context.hasTutor });
  return null;
}

/** Assigning a plan (its first version) puts a case in diagnosis or planning to work. */
export function onPlanAssigned(status: CaseStatus): AutomaticChange | null {
  if (status !== "DIAGNOSING" && status !== "PLANNING") return null;
  return {
    status: "ACTIVE",
    outcome: null,
    reason: "A plan was assigned; the case is active.",
  };
}

/** What the readiness check needs to know of the gate (a `ReadinessResult`). */
interface GateState {
  applicable: boolean;
  met: boolean;
  /** "1 more CBSSA needed; 19 points below 72%". */
  howFar: string;
}

/** The shortest reason accepted for marking a case ready against the gate. */
export const READY_REASON_MIN_LENGTH = 10;

/** Refused as INVALID on the `note` field: the form could not know the gate. */
type ReadyCheck = Result<{ override: { gate: string; reason: string } | null }>;

/**
 * "Mark ready for the exam" while the school's readiness gate applies and is
 * not met is allowed, but only with a reason, which the activity log keeps
 * with how far the gate was (docs/product.md workflow step 5). Any other move,
 * or a met or inapplicable gate, needs none.
 */
export function checkReadyReason(to: CaseStatus, gate: GateState | null, note: string | null | undefined): ReadyCheck {
  if (to !== "READY" || gate === null || !gate.applicable || gate.met) return { ok: true, override: null };
  const reason = (note ?? "").trim();
  if (reason.length < READY_REASON_MIN_LENGTH) {
    return refuse("INVALID", `The readiness gate is not met (${gate.howFar}). Say why the student is ready for the exam anyway.`, {
      field: "note",
    });
  }
  return { ok: true, override: { gate: gate.howFar, reason } };
}
