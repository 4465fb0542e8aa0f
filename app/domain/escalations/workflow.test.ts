import { describe, expect, it } from "vitest";
import { ESCALATION_STATUSES, type EscalationStatus, ROLES } from "#app/domain/vocabulary";
import {
  availableEscalationTransitions,
  dueDates,
  isAcknowledged,
  mayPerformEscalation,
  overdueLabel,
  overdueState,
  type QueueEntry,
  queueComparator,
  sortQueue,
  statusAfterAction,
  transitionEscalation,
} from "./workflow";

describe("permissions", () => {
  it("a tutor may raise and add notes, never change status, record actions or set the owner", () => {
    expect(mayPerformEscalation("RAISE", "TUTOR")).toBe(true);
    expect(mayPerformEscalation("ADD_NOTE", "TUTOR")).toBe(true);
    expect(mayPerformEscalation("CHANGE_STATUS", "TUTOR")).toBe(false);
    expect(mayPerformEscalation("RECORD_ACTION", "TUTOR")).toBe(false);
    expect(mayPerformEscalation("CHANGE_OWNER", "TUTOR")).toBe(false);
  });

  it("the office may do everything; a student nothing", () => {
    for (const op of ["RAISE", "ADD_NOTE", "CHANGE_STATUS", "RECORD_ACTION", "CHANGE_OWNER"] as const) {
      expect(mayPerformEscalation(op, "ADVISOR")).toBe(true);
      expect(mayPerformEscalation(op, "ADMIN")).toBe(true);
      expect(mayPerformEscalation(op, "STUDENT")).toBe(false);
    }
  });
});

describe("transitionEscalation", () => {
  const advisor = { role: "ADVISOR" as const };

  it("walks OPEN → ACKNOWLEDGED → IN_PROGRESS → RESOLVED", () => {
    expect(transitionEscalation("OPEN", "ACKNOWLEDGED", advisor)).toEqual({
      ok: true,
      status: "ACKNOWLEDGED",
      acknowledges: true,
      resolves: false,
      outcome: null,
    });
    expect(transitionEscalation("ACKNOWLEDGED", "IN_PROGRESS", { role: "ADMIN" })).toMatchObject({ ok: true, acknowledges: false });
    expect(
      transitionEscalation("IN_PROGRESS", "RESOLVED", { ...advisor, outcome: "  Referred to academic support; new plan agreed.  " }),
    ).toEqual({
      ok: true,
      status: "RESOLVED",
      acknowledges: false,
      resolves: true,
      outcome: "Referred to academic support; new plan agreed.",
    });
  });

  it("allows the shortcuts OPEN → IN_PROGRESS (acknowledging it) and ACKNOWLEDGED → RESOLVED", () => {
    expect(transitionEscalation("OPEN", "IN_PROGRESS", advisor)).toMatchObject({ ok: true, acknowledges: true });
    expect(transitionEscalation("ACKNOWLEDGED", "RESOLVED", { ...advisor, outcome: "Counselling referral made." })).toMatchObject({
      ok: true,
      resolves: true,
    });
  });

  it("refuses OPEN → RESOLVED: acknowledge first", () => {
    expect(transitionEscalation("OPEN", "RESOLVED", { ...advisor, outcome: "Done" })).toMatchObject({
      ok: false,
      code: "INVALID",
      message: "Acknowledge the escalation before resolving it.",
    });
  });

  it("refuses going back", () => {
    expect(transitionEscalation("IN_PROGRESS", "ACKNOWLEDGED", advisor)).toEqual({
      ok: false,
      code: "INVALID",
      message: "An escalation cannot move from in progress back to acknowledged.",
    });
    expect(transitionEscalation("ACKNOWLEDGED", "OPEN", advisor)).toMatchObject({
      ok: false,
      code: "INVALID",
      message: "An escalation cannot move from acknowledged back to open.",
    });
  });

  it("never reopens a resolved escalation", () => {
    for (const to of ESCALATION_STATUSES) {
      expect(transitionEscalation("RESOLVED", to, advisor)).toEqual({
        ok: false,
        code: "INVALID",
        message:
          "This escalation is resolved, and resolved escalations do not reopen. Raise a new escalation if the case needs the office again.",
      });
    }
  });

  it("refuses the same status", () => {
    expect(transitionEscalation("ACKNOWLEDGED", "ACKNOWLEDGED", advisor)).toEqual({
      ok: false,
      code: "INVALID",
      message: "The escalation is already acknowledged.",
    });
  });

  it("requires a non-blank outcome to resolve, with the error on the outcome field", () => {
    for (const outcome of [undefined, null, "", "   "]) {
      expect(transitionEscalation("IN_PROGRESS", "RESOLVED", { ...advisor, outcome })).toMatchObject({
        ok: false,
        code: "INVALID",
        message: "Say what the outcome is: whoever raised the escalation is told it.",
        field: "outcome",
      });
    }
  });

  it("refuses an outcome on any other move, but ignores a blank one", () => {
    expect(transitionEscalation("OPEN", "ACKNOWLEDGED", { ...advisor, outcome: "Solved" })).toMatchObject({
      ok: false,
      code: "INVALID",
      message: "Only resolving takes an outcome.",
      field: "outcome",
    });
    expect(transitionEscalation("OPEN", "ACKNOWLEDGED", { ...advisor, outcome: " " })).toMatchObject({ ok: true });
  });

  it("a tutor cannot change the status, whatever the move; nor can a student", () => {
    for (const from of ESCALATION_STATUSES) {
      for (const to of ESCALATION_STATUSES) {
        expect(transitionEscalation(from, to, { role: "TUTOR", outcome: "x" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
        expect(transitionEscalation(from, to, { role: "STUDENT", outcome: "x" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
    }
    const tutor = transitionEscalation("OPEN", "ACKNOWLEDGED", { role: "TUTOR" });
    expect(!tutor.ok && tutor.message).toContain("You can add a note instead.");
  });

  it("offers the office the moves from each status, and nobody else any", () => {
    const offered = (status: EscalationStatus) => availableEscalationTransitions(status, "ADVISOR").map((t) => t.to);
    expect(offered("OPEN")).toEqual(["ACKNOWLEDGED", "IN_PROGRESS"]);
    expect(offered("ACKNOWLEDGED")).toEqual(["IN_PROGRESS", "RESOLVED"]);
    expect(offered("IN_PROGRESS")).toEqual(["RESOLVED"]);
    expect(offered("RESOLVED")).toEqual([]);
    for (const role of ROLES.filter((r) => r === "TUTOR" || r === "STUDENT")) {
      expect(availableEscalationTransitions("OPEN", role)).toEqual([]);
    }
  });

  it("every offered move is accepted by the state machine", () => {
    for (const from of ESCALATION_STATUSES) {
      for (const t of availableEscalationTransitions(from, "ADMIN")) {
        expect(transitionEscalation(from, t.to, { role: "ADMIN", outcome: t.to === "RESOLVED" ? "Outcome" : null }).ok).toBe(true);
      }
    }
  });

  it("recording an action moves an open or acknowledged escalation to in progress", () => {
    expect(statusAfterAction("OPEN")).toBe("IN_PROGRESS");
    expect(statusAfterAction("ACKNOWLEDGED")).toBe("IN_PROGRESS");
    expect(statusAfterAction("IN_PROGRESS")).toBeNull();
    expect(statusAfterAction("RESOLVED")).toBeNull();
  });
});

describe("dueDates", () => {
  const limits = { acknowledgeWithinBusinessDays: 2, resolveWithinBusinessDays: 15 };

  it("counts business days, skipping the weekend", () => {
    // Friday 6 Mar 2026: +2 business days is Tuesday 10 Mar; +15 is Friday 27 Mar.
    expect(dueDates("2026-03-06", limits)).toEqual({ acknowledgeBy: "2026-03-10", resolveBy: "2026-03-27" });
    // Opened on a Saturday: Monday is the first business day.
    expect(dueDates("2026-03-07", { acknowledgeWithinBusinessDays: 1, resolveWithinBusinessDays: 2 })).toEqual({
      acknowledgeBy: "2026-03-09",
      resolveBy: "2026-03-10",
    });
    // Midweek: Tuesday + 2 = Thursday.
    expect(dueDates("2026-03-10", limits).acknowledgeBy).toBe("2026-03-12");
  });

  it("0 days means the same day; negative or fractional limits are refused", () => {
    expect(dueDates("2026-03-06", { acknowledgeWithinBusinessDays: 0, resolveWithinBusinessDays: 0 })).toEqual({
      acknowledgeBy: "2026-03-06",
      resolveBy: "2026-03-06",
    });
    expect(() => dueDates("2026-03-06", { acknowledgeWithinBusinessDays: -1, resolveWithinBusinessDays: 5 })).toThrow(RangeError);
    expect(() => dueDates("2026-03-06", { acknowledgeWithinBusinessDays: 1, resolveWithinBusinessDays: 1.5 })).toThrow(RangeError);
  });
});

describe("overdueState", () => {
  const open = { status: "OPEN" as const, acknowledgeBy: "2026-03-10", resolveBy: "2026-03-27" };

  it("due today is not overdue; due yesterday is, by one day", () => {
    expect(overdueState(open, "2026-03-10")).toEqual({ state: "NONE", daysOverdue: 0, nextDueOn: "2026-03-10" });
    expect(overdueState(open, "2026-03-11")).toEqual({ state: "ACK_OVERDUE", daysOverdue: 1, nextDueOn: "2026-03-10" });
    expect(overdueState(open, "2026-03-14")).toMatchObject({ state: "ACK_OVERDUE", daysOverdue: 4 });
  });

  it("once acknowledged only the resolve-by date counts, with the same boundary", () => {
    const acknowledged = { ...open, status: "ACKNOWLEDGED" as const };
    expect(overdueState(acknowledged, "2026-03-20")).toEqual({ state: "NONE", daysOverdue: 0, nextDueOn: "2026-03-27" });
    expect(overdueState(acknowledged, "2026-03-27").state).toBe("NONE");
    expect(overdueState(acknowledged, "2026-03-28")).toEqual({ state: "RESOLVE_OVERDUE", daysOverdue: 1, nextDueOn: "2026-03-27" });
    expect(overdueState({ ...acknowledged, status: "IN_PROGRESS" }, "2026-03-30")).toMatchObject({
      state: "RESOLVE_OVERDUE",
      daysOverdue: 3,
    });
  });

  it("an acknowledgement time counts as acknowledged even if the status still says open", () => {
    expect(isAcknowledged({ status: "OPEN", acknowledgedAt: new Date("2026-03-09T10:00:00Z") })).toBe(true);
    expect(isAcknowledged({ status: "OPEN", acknowledgedAt: null })).toBe(false);
    expect(overdueState({ ...open, acknowledgedAt: "2026-03-09" }, "2026-03-12").state).toBe("NONE");
  });

  it("missing the resolve-by date wins over a missed acknowledgement", () => {
    expect(overdueState(open, "2026-03-30")).toEqual({ state: "RESOLVE_OVERDUE", daysOverdue: 3, nextDueOn: "2026-03-10" });
  });

  it("a resolved escalation is never overdue", () => {
    expect(overdueState({ ...open, status: "RESOLVED" }, "2027-01-01")).toEqual({ state: "NONE", daysOverdue: 0, nextDueOn: null });
  });

  it("labels an overdue row in words", () => {
    expect(overdueLabel(open, "2026-03-10")).toBeNull();
    expect(overdueLabel(open, "2026-03-11")).toBe("Acknowledgement 1 day overdue (due 10 Mar 2026)");
    expect(overdueLabel({ ...open, status: "IN_PROGRESS" }, "2026-03-30")).toBe("Resolution 3 days overdue (due 27 Mar 2026)");
  });
});

describe("queue order", () => {
  const today = "2026-03-20";
  const entry = (id: string, over: Partial<QueueEntry>): QueueEntry & { id: string } => ({
    id,
    status: "ACKNOWLEDGED",
    acknowledgeBy: "2026-03-10",
    resolveBy: "2026-03-27",
    severity: 2,
    ...over,
  });
  const ids = (entries: (QueueEntry & { id: string })[]) => sortQueue(entries, today).map((e) => e.id);

  it("puts overdue first, even when less severe", () => {
    expect(
      ids([
        entry("critical-on-time", { severity: 4, resolveBy: "2026-03-21" }),
        entry("ack-overdue", { status: "OPEN", acknowledgeBy: "2026-03-19", severity: 1 }),
      ]),
    ).toEqual(["ack-overdue", "critical-on-time"]);
  });

  it("due today is not overdue: yesterday's due date comes first", () => {
    expect(
      ids([
        entry("due-today", { status: "OPEN", acknowledgeBy: "2026-03-20", severity: 4 }),
        entry("due-yesterday", { status: "OPEN", acknowledgeBy: "2026-03-19", severity: 1 }),
      ]),
    ).toEqual(["due-yesterday", "due-today"]);
  });

  it("then by nearest applicable due date (acknowledge-by until acknowledged), then severity, then oldest", () => {
    expect(
      ids([
        entry("resolve-25", { resolveBy: "2026-03-25" }),
        entry("ack-23", { status: "OPEN", acknowledgeBy: "2026-03-23", resolveBy: "2026-04-10" }),
        entry("resolve-24-sev2-newer", { resolveBy: "2026-03-24", openedAt: new Date("2026-03-03T09:00:00Z") }),
        entry("resolve-24-sev2-older", { resolveBy: "2026-03-24", openedAt: new Date("2026-03-02T09:00:00Z") }),
        entry("resolve-24-sev3", { resolveBy: "2026-03-24", severity: 3 }),
      ]),
    ).toEqual(["ack-23", "resolve-24-sev3", "resolve-24-sev2-older", "resolve-24-sev2-newer", "resolve-25"]);
  });

  it("orders overdue ones longest overdue first, resolved last", () => {
    expect(
      ids([
        entry("resolved", { status: "RESOLVED", resolveBy: "2026-03-01" }),
        entry("resolve-overdue-2", { status: "IN_PROGRESS", resolveBy: "2026-03-18" }),
        entry("ack-overdue-5", { status: "OPEN", acknowledgeBy: "2026-03-15" }),
        entry("on-time", { resolveBy: "2026-03-30" }),
      ]),
    ).toEqual(["ack-overdue-5", "resolve-overdue-2", "on-time", "resolved"]);
  });

  it("is a consistent comparator (antisymmetric, 0 for equal entries)", () => {
    const compare = queueComparator(today);
    const a = entry("a", { severity: 3 });
    const b = entry("b", { severity: 2 });
    expect(Math.sign(compare(a, b))).toBe(-Math.sign(compare(b, a)));
    expect(compare(a, { ...a })).toBe(0);
  });
});
