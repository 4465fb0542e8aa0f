import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ATTEMPT_OUTCOMES,
  CASE_OUTCOMES,
  CASE_STATUSES,
  type CaseOutcome,
  type CaseStatus,
  ROLES,
  type Role,
} from "#app/domain/vocabulary";
import {
  availableTransitions,
  type CaseActor,
  checkReadyReason,
  INITIAL_CASE_STATUS,
  isOpenStatus,
  MANUAL_TRANSITIONS,
  mayPerform,
  OPEN_CASE_STATUSES,
  onAttemptRecorded,
  onFailureRecorded,
  onIneligible,
  onPassRecorded,
  onTutorAssigned,
  transition,
} from "./status";

const tutor: CaseActor = { role: "TUTOR", isAssignedTutor: true };
const otherTutor: CaseActor = { role: "TUTOR", isAssignedTutor: false };
const advisor: CaseActor = { role: "ADVISOR", isAssignedTutor: false };
const admin: CaseActor = { role: "ADMIN", isAssignedTutor: false };
const student: CaseActor = { role: "STUDENT", isAssignedTutor: false };

/** The workflow moves, as the product describes them. */
const WORKFLOW_MOVES: [CaseStatus, CaseStatus, string][] = [
  ["DIAGNOSING", "PLANNING", "Start planning"],
  ["PLANNING", "DIAGNOSING", "Back to diagnosis"],
  ["PLANNING", "ACTIVE", "Start the plan"],
  ["ACTIVE", "PLANNING", "Rebuild the plan"],
  ["ACTIVE", "READY", "Mark ready for the exam"],
  ["READY", "ACTIVE", "Back to the active plan"],
];

describe("case statuses", () => {
  it("starts in intake, and every status but CLOSED is open", () => {
    expect(INITIAL_CASE_STATUS).toBe("INTAKE");
    expect(CASE_STATUSES.filter(isOpenStatus)).toEqual([...OPEN_CASE_STATUSES]);
    expect(isOpenStatus("CLOSED")).toBe(false);
  });

  it("defines exactly the workflow moves plus withdrawing from every open status", () => {
    const listed = MANUAL_TRANSITIONS.map((t) => `${t.from}→${t.to}${t.outcome ? `/${t.outcome}` : ""}`).sort();
    const expected = [
      ...WORKFLOW_MOVES.map(([from, to]) => `${from}→${to}`),
      ...OPEN_CASE_STATUSES.map((from) => `${from}→CLOSED/WITHDRAWN`),
    ].sort();
    expect(listed).toEqual(expected);
  });
});

describe("transition: the allowed moves", () => {
  it.each(WORKFLOW_MOVES)("%s → %s (%s) is open to the assigned tutor, an advisor and an admin", (from, to, label) => {
    for (const actor of [tutor, advisor, admin]) {
      const result = transition(from, to, actor);
      expect(result).toMatchObject({ ok: true, status: to, outcome: null });
      expect(result.ok && result.transition.label).toBe(label);
    }
  });

  it.each(OPEN_CASE_STATUSES)("%s → CLOSED as withdrawn is open to an advisor and an admin", (from) => {
    for (const actor of [advisor, admin]) {
      expect(transition(from, "CLOSED", { ...actor, outcome: "WITHDRAWN" })).toMatchObject({
        ok: true,
        status: "CLOSED",
        outcome: "WITHDRAWN",
      });
    }
  });
});

describe("transition: refused moves", () => {
  it.each<[CaseStatus, CaseStatus]>([
    ["DIAGNOSING", "ACTIVE"],
    ["DIAGNOSING", "READY"],
    ["PLANNING", "READY"],
    ["ACTIVE", "DIAGNOSING"],
    ["READY", "PLANNING"],
    ["READY", "DIAGNOSING"],
    ["DIAGNOSING", "INTAKE"],
    ["READY", "INTAKE"],
  ])("%s → %s is not a move", (from, to) => {
    expect(transition(from, to, admin)).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: expect.stringMatching(/^A case cannot move from .+ to .+\.$/),
    });
  });

  it("leaves intake only through assigning a tutor", () => {
    for (const to of ["DIAGNOSING", "PLANNING", "ACTIVE", "READY"] as const) {
      expect(transition("INTAKE", to, admin)).toEqual({
        ok: false,
        code: "FORBIDDEN",
        message: "A case leaves intake when a tutor is assigned to it.",
      });
    }
  });

  it("never moves a closed case", () => {
    for (const to of CASE_STATUSES) {
      expect(
        transition("CLOSED", to, {
          ...admin,
          outcome: to === "CLOSED" ? "WITHDRAWN" : null,
        }),
      ).toEqual({
        ok: false,
        code: "FORBIDDEN",
        message: "This case is closed, and closed cases do not reopen. A new failure opens a new case.",
      });
    }
  });

  it("refuses a move to the current status", () => {
    expect(transition("ACTIVE", "ACTIVE", tutor)).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "The case is already in Active plan.",
    });
  });

  it("requires an outcome to close", () => {
    expect(transition("ACTIVE", "CLOSED", admin)).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "Closing a case needs an outcome.",
    });
    expect(transition("ACTIVE", "CLOSED", { ...admin, outcome: null })).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "Closing a case needs an outcome.",
    });
  });

  it.each<CaseOutcome>(["PASSED", "INELIGIBLE"])("does not close a case as %s by hand: that comes from a recorded attempt", (outcome) => {
    const result = transition("READY", "CLOSED", { ...admin, outcome });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(!result.ok && result.message).toMatch(/Record the attempt instead\.$/);
  });

  it("refuses an outcome on a move that does not close", () => {
    expect(transition("DIAGNOSING", "PLANNING", { ...tutor, outcome: "WITHDRAWN" })).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "Only closing a case takes an outcome.",
    });
  });
});

describe("transition: who may move a case", () => {
  it("never lets a student change the status", () => {
    for (const t of MANUAL_TRANSITIONS) {
      for (const isAssignedTutor of [false, true]) {
        expect(
          transition(t.from, t.to, {
            role: "STUDENT",
            isAssignedTutor,
            outcome: t.outcome,
          }),
        ).toEqual({
          ok: false,
          code: "FORBIDDEN",
          message: "Students cannot change the status of a case.",
        });
      }
    }
  });

  it("refuses a tutor who is not assigned to the case", () => {
    expect(transition("DIAGNOSING", "PLANNING", otherTutor)).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "Only the tutor assigned to this case, an advisor or an administrator can change its status.",
    });
  });

  it("keeps withdrawing for the office, even from the assigned tutor", () => {
    expect(transition("ACTIVE", "CLOSED", { ...tutor, outcome: "WITHDRAWN" })).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "Only an advisor or an administrator can withdraw the case.",
    });
  });

  it("agrees with mayPerform for every move, role and assignment", () => {
    for (const t of MANUAL_TRANSITIONS) {
      for (const role of ROLES) {
        for (const isAssignedTutor of [false, true]) {
          const actor = { role, isAssignedTutor };
          const result = transition(t.from, t.to, {
            ...actor,
            outcome: t.outcome,
          });
          expect(result.ok).toBe(mayPerform(t, actor));
          const office = role === "ADMIN" || role === "ADVISOR";
          const expected = office || (role === "TUTOR" && isAssignedTutor && t.kind !== "CLOSE");
          expect(result.ok).toBe(expected);
        }
      }
    }
  });
});

describe("availableTransitions", () => {
  const summarize = (status: CaseStatus, actor: CaseActor) =>
    availableTransitions(status, actor).map((t) => [t.to, t.outcome, t.label, t.kind]);

  it("offers the assigned tutor the workflow steps, forward first, and no withdrawal", () => {
    expect(summarize("ACTIVE", tutor)).toEqual([
      ["READY", null, "Mark ready for the exam", "FORWARD"],
      ["PLANNING", null, "Rebuild the plan", "BACK"],
    ]);
    expect(summarize("DIAGNOSING", tutor)).toEqual([["PLANNING", null, "Start planning", "FORWARD"]]);
    expect(summarize("INTAKE", tutor)).toEqual([]);
  });

  it("offers the office the same steps plus withdrawing", () => {
    expect(summarize("PLANNING", advisor)).toEqual([
      ["ACTIVE", null, "Start the plan", "FORWARD"],
      ["DIAGNOSING", null, "Back to diagnosis", "BACK"],
      ["CLOSED", "WITHDRAWN", "Withdraw the case", "CLOSE"],
    ]);
    expect(summarize("INTAKE", admin)).toEqual([["CLOSED", "WITHDRAWN", "Withdraw the case", "CLOSE"]]);
  });

  it("offers nothing to a student, an unassigned tutor, or on a closed case", () => {
    for (const status of CASE_STATUSES) {
      expect(availableTransitions(status, student)).toEqual([]);
      expect(availableTransitions(status, otherTutor)).toEqual([]);
    }
    expect(availableTransitions("CLOSED", admin)).toEqual([]);
  });

  it("offers only moves that transition accepts (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STATUSES), fc.constantFrom<Role>(...ROLES), fc.boolean(), (status, role, isAssignedTutor) => {
        const actor = { role, isAssignedTutor };
        const offered = availableTransitions(status, actor);
        for (const t of offered) expect(transition(status, t.to, { ...actor, outcome: t.outcome }).ok).toBe(true);
        // And everything transition accepts is offered.
        for (const to of CASE_STATUSES) {
          for (const outcome of [null, ...CASE_OUTCOMES]) {
            if (transition(status, to, { ...actor, outcome }).ok) {
              expect(offered.some((t) => t.to === to && t.outcome === outcome)).toBe(true);
            }
          }
        }
      }),
    );
  });
});

describe("automatic transitions", () => {
  it("moves a case from intake to diagnosing when a tutor is assigned, and leaves others alone", () => {
    expect(onTutorAssigned("INTAKE")).toEqual({
      status: "DIAGNOSING",
      outcome: null,
      reason: "A tutor was assigned; diagnosis starts.",
    });
    for (const status of ["DIAGNOSING", "PLANNING", "ACTIVE", "READY", "CLOSED"] as const) expect(onTutorAssigned(status)).toBeNull();
  });

  it.each(["PLANNING", "ACTIVE", "READY"] as const)("sends a %s case back to diagnosing on a new failure", (status) => {
    expect(onFailureRecorded(status, { hasTutor: true })).toMatchObject({
      status: "DIAGNOSING",
      outcome: null,
    });
  });

  it("sends an open case back to intake on a new failure when no tutor is assigned", () => {
    for (const status of ["DIAGNOSING", "PLANNING", "ACTIVE", "READY"] as const) {
      expect(onFailureRecorded(status, { hasTutor: false })).toMatchObject({
        status: "INTAKE",
        outcome: null,
      });
    }
  });

  it("changes nothing when the case is already where a failure would send it", () => {
    expect(onFailureRecorded("DIAGNOSING", { hasTutor: true })).toBeNull();
    expect(onFailureRecorded("INTAKE", { hasTutor: false })).toBeNull();
  });

  it("leaves a closed case closed on a failure (the caller opens a new case)", () => {
    expect(onFailureRecorded("CLOSED", { hasTutor: true })).toBeNull();
  });

  it("closes any open case as passed on a pass, and as ineligible when eligibility ends", () => {
    for (const status of OPEN_CASE_STATUSES) {
      expect(onPassRecorded(status)).toMatchObject({
        status: "CLOSED",
        outcome: "PASSED",
      });
      expect(onIneligible(status)).toMatchObject({
        status: "CLOSED",
        outcome: "INELIGIBLE",
      });
    }
    expect(onPassRecorded("CLOSED")).toBeNull();
    expect(onIneligible("CLOSED")).toBeNull();
  });

  it("never produces WITHDRAWN automatically", () => {
    for (const status of CASE_STATUSES) {
      for (const outcome of ATTEMPT_OUTCOMES) {
        for (const hasTutor of [false, true]) {
          for (const ineligibleForAllExams of [false, true]) {
            const change = onAttemptRecorded(status, {
              outcome,
              hasTutor,
              ineligibleForAllExams,
            });
            expect(change?.outcome).not.toBe("WITHDRAWN");
            if (status === "CLOSED") expect(change).toBeNull();
          }
        }
      }
    }
  });

  describe("onAttemptRecorded", () => {
    it("closes as passed on a pass", () => {
      expect(
        onAttemptRecorded("READY", {
          outcome: "PASS",
          hasTutor: true,
          ineligibleForAllExams: false,
        }),
      ).toMatchObject({ status: "CLOSED", outcome: "PASSED" });
    });

    it("closes as ineligible on a 4th failure rather than going back to diagnosis", () => {
      expect(
        onAttemptRecorded("READY", {
          outcome: "FAIL",
          hasTutor: true,
          ineligibleForAllExams: true,
        }),
      ).toMatchObject({ status: "CLOSED", outcome: "INELIGIBLE" });
    });

    it("closes as ineligible on an incomplete attempt that uses up the last one", () => {
      expect(
        onAttemptRecorded("READY", {
          outcome: "INCOMPLETE",
          hasTutor: true,
          ineligibleForAllExams: true,
        }),
      ).toMatchObject({ status: "CLOSED", outcome: "INELIGIBLE" });
    });

    it("goes back to diagnosis on an ordinary failure", () => {
      expect(
        onAttemptRecorded("READY", {
          outcome: "FAIL",
          hasTutor: true,
          ineligibleForAllExams: false,
        }),
      ).toMatchObject({ status: "DIAGNOSING" });
    });

    it("leaves the status to the tutor after an ordinary incomplete attempt", () => {
      expect(
        onAttemptRecorded("READY", {
          outcome: "INCOMPLETE",
          hasTutor: true,
          ineligibleForAllExams: false,
        }),
      ).toBeNull();
    });
  });
});

describe("onPlanAssigned", () => {
  it("activates a case in diagnosis or planning, and leaves others alone", async () => {
    const { onPlanAssigned } = await import("./status");
    expect(onPlanAssigned("PLANNING")?.status).toBe("ACTIVE");
    expect(onPlanAssigned("DIAGNOSING")?.status).toBe("ACTIVE");
    expect(onPlanAssigned("ACTIVE")).toBeNull();
    expect(onPlanAssigned("READY")).toBeNull();
    expect(onPlanAssigned("CLOSED")).toBeNull();
    expect(onPlanAssigned("INTAKE")).toBeNull();
  });
});

describe("checkReadyReason", () => {
  const unmet = { applicable: true, met: false, howFar: "1 more CBSSA needed; 19 points below 72%" };

  it("asks for a reason to mark a case ready while the gate is not met", () => {
    expect(checkReadyReason("READY", unmet, null)).toEqual({
      ok: false,
      code: "INVALID",
      message:
        "The readiness gate is not met (1 more CBSSA needed; 19 points below 72%). Say why the student is ready for the exam anyway.",
      field: "note",
    });
    expect(checkReadyReason("READY", unmet, " too short ").ok).toBe(false);
    expect(checkReadyReason("READY", unmet, "  Committee approved the date.  ")).toEqual({
      ok: true,
      override: { gate: "1 more CBSSA needed; 19 points below 72%", reason: "Committee approved the date." },
    });
  });

  it("needs nothing when the gate is met or does not apply, or for any other move", () => {
    expect(checkReadyReason("READY", { ...unmet, met: true }, null)).toEqual({ ok: true, override: null });
    expect(checkReadyReason("READY", { ...unmet, applicable: false }, null)).toEqual({ ok: true, override: null });
    expect(checkReadyReason("READY", null, null)).toEqual({ ok: true, override: null });
    expect(checkReadyReason("PLANNING", unmet, null)).toEqual({ ok: true, override: null });
  });
});
