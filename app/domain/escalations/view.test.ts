import { describe, expect, it } from "vitest";
import { actionLabel, describeEvent, type EscalationEventView, escalationTitle, severityLabel } from "./view";

const event = (over: Partial<EscalationEventView>): EscalationEventView => ({
  id: "e1",
  kind: "NOTE",
  actorName: "Dana Whitfield",
  at: "2026-03-03T14:05:09.000Z",
  fromStatus: null,
  toStatus: null,
  action: null,
  actionOn: null,
  accommodationStatus: null,
  note: null,
  ...over,
});

describe("escalation history lines", () => {
  it("says how the escalation was opened, with the reason or note", () => {
    expect(describeEvent(event({ kind: "CREATED", note: "2nd failure" }), "SECOND_FAILURE")).toEqual({
      what: "Opened automatically when the failure was recorded",
      detail: "2nd failure",
    });
    expect(describeEvent(event({ kind: "CREATED" }), "MANUAL")).toEqual({ what: "Escalated to the office by hand", detail: null });
  });

  it("shows status moves, and the outcome when resolved", () => {
    expect(describeEvent(event({ kind: "STATUS", fromStatus: "OPEN", toStatus: "ACKNOWLEDGED" }), "MANUAL")).toEqual({
      what: "Status: Open → Acknowledged",
      detail: null,
    });
    expect(
      describeEvent(event({ kind: "STATUS", fromStatus: "IN_PROGRESS", toStatus: "RESOLVED", note: "Plan rebuilt" }), "MANUAL"),
    ).toEqual({
      what: "Status: In progress → Resolved",
      detail: "Outcome: Plan rebuilt",
    });
  });

  it("names the action, its date, an accommodation status and the status it moved the escalation to", () => {
    expect(
      describeEvent(
        event({
          kind: "ACTION",
          action: "ACCOMMODATION_REQUEST",
          actionOn: "2026-03-02",
          accommodationStatus: "REQUESTED",
          fromStatus: "ACKNOWLEDGED",
          toStatus: "IN_PROGRESS",
          note: "Form sent",
        }),
        "SECOND_FAILURE",
      ),
    ).toEqual({
      what: "Accommodation request on 2 Mar 2026; status requested; escalation acknowledged → in progress",
      detail: "Form sent",
    });
    expect(describeEvent(event({ kind: "ACTION", action: "COUNSELLING", actionOn: "2026-03-02" }), "MANUAL").what).toBe(
      "Counselling referral on 2 Mar 2026",
    );
    expect(actionLabel("NOT_AN_ACTION")).toBe("Action");
  });

  it("reads owner, severity and note events, and names severities like risk levels", () => {
    expect(describeEvent(event({ kind: "OWNER", note: "Owner: Dana Whitfield" }), "MANUAL").what).toBe("Owner: Dana Whitfield");
    expect(describeEvent(event({ kind: "SEVERITY", note: "Severity high: 3rd failure" }), "SECOND_FAILURE")).toEqual({
      what: "Severity raised",
      detail: "Severity high: 3rd failure",
    });
    expect(describeEvent(event({ kind: "NOTE", note: "Called the student" }), "MANUAL")).toEqual({
      what: "Note",
      detail: "Called the student",
    });
    expect([1, 2, 3, 4, 0, 7, 2.5].map(severityLabel)).toEqual(["Low", "Moderate", "High", "Critical", "Level 0", "Level 7", "Level 2.5"]);
  });
});

describe("escalationTitle", () => {
  it("names the failure that last raised it, so it follows the student", () => {
    expect(escalationTitle("SECOND_FAILURE", 2)).toBe("Second failure");
    expect(escalationTitle("SECOND_FAILURE", 4)).toBe("Fourth failure");
    expect(escalationTitle("THIRD_FAILURE", 3)).toBe("Third failure");
    expect(escalationTitle("SECOND_FAILURE", 12)).toBe("12th failure");
    expect(escalationTitle("SECOND_FAILURE", 21)).toBe("21st failure");
  });

  it("keeps the trigger's words when raised by hand or when the number is unknown", () => {
    expect(escalationTitle("MANUAL", 3)).toBe("Raised by hand");
    expect(escalationTitle("THIRD_FAILURE", null)).toBe("Third failure");
  });
});
