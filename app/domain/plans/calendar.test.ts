import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarFileName, examEventUid, milestoneEventUid, planCalendar } from "./calendar";

const milestones = [
  { uid: "midpoint", kind: "MIDPOINT" as const, dueOn: "2027-02-06", instrumentId: "NBME_CBSSA" as const, label: "Midpoint: CBSSA" },
  { uid: "baseline", kind: "BASELINE" as const, dueOn: "2027-01-09", instrumentId: "NBME_CBSSA" as const, label: "Baseline: CBSSA" },
  { uid: "custom-1", kind: "CUSTOM" as const, dueOn: "2027-02-20", instrumentId: null, label: "Simulated test day" },
];

function events(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  return root.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      allDay: e.startDate.isDate,
      summary: e.summary,
      sequence: e.sequence,
    };
  });
}

describe("planCalendar", () => {
  it("holds every milestone and the exam day as all-day events with stable UIDs", () => {
    const ics = planCalendar({
      caseId: "case1",
      examLabel: "Step 1",
      examDate: "2027-03-01",
      milestones,
      version: 3,
      now: new Date("2027-01-01T00:00:00Z"),
    });
    const list = events(ics);
    expect(list.map((e) => e.uid)).toEqual([
      "case1-baseline@retake-desk",
      "case1-midpoint@retake-desk",
      "case1-custom-1@retake-desk",
      "case1-exam@retake-desk",
    ]);
    expect(list[0]).toMatchObject({ start: "2027-01-09", end: "2027-01-10", allDay: true, summary: "Baseline: CBSSA", sequence: 3 });
    expect(list[3]).toMatchObject({ start: "2027-03-01", summary: "Step 1 exam day" });
    expect(milestoneEventUid("case1", "baseline")).toBe(list[0].uid);
    expect(examEventUid("case1")).toBe(list[3].uid);
  });

  it("keeps a time zone from moving a day", () => {
    const ics = planCalendar({ caseId: "c", examLabel: "Step 2 CK", examDate: "2027-12-31", milestones: [], version: 1 });
    expect(ics).toContain("DTSTART;VALUE=DATE:20271231");
  });

  it("still gives the exam day without a plan, and nothing without a date", () => {
    expect(events(planCalendar({ caseId: "c", examLabel: "Step 1", examDate: "2027-03-01", milestones: [], version: 0 }))).toHaveLength(1);
    expect(events(planCalendar({ caseId: "c", examLabel: "Step 1", examDate: null, milestones: [], version: 0 }))).toHaveLength(0);
  });

  it("names the file after the exam", () => {
    expect(calendarFileName("Step 2 CK")).toBe("retake-plan-step-2-ck.ics");
  });
});
