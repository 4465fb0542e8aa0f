import { describe, expect, it } from "vitest";
import { NOTHING_NEW, sinceLastVisit, type VisitEvent, visitLine } from "./since-last-visit";

const lastVisit = new Date("2026-03-10T12:00:00Z");
const at = (iso: string) => new Date(iso);
const event = (kind: string, when: string, subjectId?: string): VisitEvent => ({ kind, at: at(when), subjectId });

describe("sinceLastVisit", () => {
  it("says nothing is new when there are no events", () => {
    expect(sinceLastVisit([], lastVisit)).toEqual({ total: 0, counts: {}, lines: [NOTHING_NEW] });
    expect(NOTHING_NEW).toBe("Nothing new since your last visit");
  });

  it("counts only events strictly after the last visit", () => {
    const result = sinceLastVisit(
      [
        event("ESCALATION_OPENED", "2026-03-09T08:00:00Z"),
        event("ESCALATION_OPENED", "2026-03-10T12:00:00Z"),
        event("ESCALATION_OPENED", "2026-03-10T12:00:00.001Z"),
      ],
      lastVisit,
    );
    expect(result).toEqual({ total: 1, counts: { ESCALATION_OPENED: 1 }, lines: ["1 new escalation"] });
  });

  it("everything is new on the first visit", () => {
    expect(sinceLastVisit([event("PLAN_ADJUSTED", "2020-01-01T00:00:00Z")], null).lines).toEqual(["1 plan change"]);
  });

  it("gives one line per kind, what needs action first, plurals right", () => {
    const events = [
      event("PRACTICE_LOGGED", "2026-03-11T09:00:00Z"),
      event("ESCALATION_OPENED", "2026-03-11T10:00:00Z"),
      event("PRACTICE_LOGGED", "2026-03-12T09:00:00Z"),
      event("PLAN_ADJUSTED", "2026-03-12T10:00:00Z"),
      event("ESCALATION_OPENED", "2026-03-13T10:00:00Z"),
      event("PRACTICE_LOGGED", "2026-03-14T09:00:00Z"),
      event("OVERDUE", "2026-03-14T10:00:00Z"),
      event("ESCALATION_RESOLVED", "2026-03-15T10:00:00Z"),
      event("ESCALATION_RAISED", "2026-03-15T11:00:00Z"),
      event("PLAN_ASSIGNED", "2026-03-15T12:00:00Z"),
    ];
    const result = sinceLastVisit(events, lastVisit);
    expect(result.total).toBe(10);
    expect(result.counts).toEqual({
      PRACTICE_LOGGED: 3,
      ESCALATION_OPENED: 2,
      PLAN_ADJUSTED: 1,
      OVERDUE: 1,
      ESCALATION_RESOLVED: 1,
      ESCALATION_RAISED: 1,
      PLAN_ASSIGNED: 1,
    });
    expect(result.lines).toEqual([
      "1 overdue item",
      "2 new escalations",
      "1 escalation raised in severity",
      "1 escalation resolved",
      "3 new practice scores",
      "1 new plan",
      "1 plan change",
    ]);
  });

  it("counts repeated events about the same subject once per kind", () => {
    const result = sinceLastVisit(
      [
        event("OVERDUE", "2026-03-11T06:00:00Z", "esc_1"),
        event("OVERDUE", "2026-03-12T06:00:00Z", "esc_1"),
        event("OVERDUE", "2026-03-12T06:00:00Z", "esc_2"),
        event("ESCALATION_OPENED", "2026-03-11T05:00:00Z", "esc_1"),
        event("PRACTICE_LOGGED", "2026-03-11T05:00:00Z"),
        event("PRACTICE_LOGGED", "2026-03-11T05:00:00Z"),
      ],
      lastVisit,
    );
    expect(result.counts).toEqual({ OVERDUE: 2, ESCALATION_OPENED: 1, PRACTICE_LOGGED: 2 });
    expect(result.total).toBe(5);
  });

  it("sums unknown kinds into other updates, last", () => {
    const result = sinceLastVisit(
      [
        event("CASE_ASSIGNED", "2026-03-11T05:00:00Z"),
        event("MESSAGE", "2026-03-11T06:00:00Z", "m1"),
        event("MESSAGE", "2026-03-11T07:00:00Z", "m1"),
        event("ESCALATION_OPENED", "2026-03-11T08:00:00Z"),
      ],
      lastVisit,
    );
    expect(result.lines).toEqual(["1 new escalation", "2 other updates"]);
    expect(result.counts.OTHER).toBe(2);
  });

  it("words each line with its count", () => {
    expect(visitLine("OTHER", 1)).toBe("1 other update");
    expect(visitLine("ESCALATION_RESOLVED", 2)).toBe("2 escalations resolved");
  });
});
