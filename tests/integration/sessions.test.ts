/**
 * Session records (docs/decisions/0024): recorded with next steps that reach
 * the tutor's home; two no-shows in a row raise a risk flag with its reason;
 * a scheduled session is in the student's calendar file and week; the
 * summary and next steps keep their tier.
 */
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { addDays, today } from "#app/domain/dates";
import { action as notesAction, loader as notesLoader } from "#app/routes/app/cases/notes";
import { loader as overviewLoader } from "#app/routes/app/cases/overview";
import { loader as homeLoader } from "#app/routes/app/home";
import { loader as calendarLoader } from "#app/routes/resources/plan-calendar";
import { prisma } from "#app/utils/db.server";
import { createSchoolWithCase } from "../factories";
import { call, download } from "../utils/route";

const day = today();

const post = (userId: string, caseId: string, form: Record<string, string>) =>
  call(notesAction, { userId, path: `/cases/${caseId}/notes`, params: { caseId }, form });

describe("recording sessions", () => {
  it("records a meeting with next steps, shows them on the tutor's home, and keeps a private session's text from the office", async () => {
    const { caseId, tutor, advisor, student } = await createSchoolWithCase({ takenBy: "tutor", status: "ACTIVE" });
    const recorded = await post(tutor.id, caseId, {
      intent: "record-session",
      kind: "MEETING",
      sessionOn: addDays(day, -1),
      durationMinutes: "50",
      attendance: "ON_TIME",
      summary: "Renal physiology review",
      visibility: "OFFICE",
      "nextSteps[0].text": "Two timed renal blocks",
      "nextSteps[0].dueOn": addDays(day, 3),
      "nextSteps[1].text": "",
      "nextSteps[1].dueOn": "",
    });
    expect(recorded.status).toBe(302);
    const row = await prisma.sessionRecord.findFirstOrThrow({ where: { caseId }, include: { nextSteps: true } });
    expect(row).toMatchObject({ kind: "MEETING", durationMinutes: 50, attendance: "ON_TIME", status: "HELD" });
    expect(row.nextSteps.map((s) => s.text)).toEqual(["Two timed renal blocks"]);
    const activity = await prisma.activityLog.findFirstOrThrow({ where: { entity: "SessionRecord", entityId: row.id } });
    expect(activity.summary).not.toContain("Renal");
    expect((await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).lastContactAt).not.toBeNull();

    const home = await call(homeLoader, { userId: tutor.id, path: "/" });
    expect(home.data.staff.nextSteps).toEqual([
      expect.objectContaining({ caseId, text: "Two timed renal blocks", dueOn: addDays(day, 3), studentName: student.name }),
    ]);

    // A private session: the office sees that it took place, not what was said or agreed.
    await post(tutor.id, caseId, {
      intent: "record-session",
      kind: "CALL",
      sessionOn: day,
      durationMinutes: "20",
      attendance: "LATE",
      summary: "PRIVATESUMMARY money worries",
      visibility: "PRIVATE",
      "nextSteps[0].text": "PRIVATESTEP call the aid office",
      "nextSteps[0].dueOn": addDays(day, 2),
    });
    const office = await call(notesLoader, { userId: advisor.id, path: `/cases/${caseId}/notes`, params: { caseId } });
    expect(JSON.stringify(office.data.sessions)).not.toMatch(/PRIVATESUMMARY|PRIVATESTEP/);
    expect(office.data.sessions.map((x: { kind: string }) => x.kind)).toEqual(["CALL", "MEETING"]);
    const own = await call(notesLoader, { userId: tutor.id, path: `/cases/${caseId}/notes`, params: { caseId } });
    expect(JSON.stringify(own.data.sessions)).toContain("PRIVATESTEP");
    const studentView = await call(notesLoader, { userId: student.userId, path: `/cases/${caseId}/notes`, params: { caseId } });
    expect(studentView.data.sessions).toEqual([]);
  });

  it("refuses a student, a bad form (keeping its values) and a forged next-step id", async () => {
    const { caseId, tutor, student } = await createSchoolWithCase({ takenBy: "tutor", status: "ACTIVE" });
    const bad = await post(tutor.id, caseId, {
      intent: "record-session",
      kind: "MEETING",
      sessionOn: addDays(day, 2),
      visibility: "OFFICE",
      summary: "kept",
    });
    expect(bad.status).toBe(400);
    expect(bad.data.result.error.sessionOn).toBeDefined();
    expect(bad.data.result.initialValue).toMatchObject({ summary: "kept" });
    const byStudent = await post(student.userId, caseId, {
      intent: "record-session",
      kind: "NO_SHOW",
      sessionOn: day,
      visibility: "OFFICE",
    });
    expect(byStudent.status).toBe(403);
    const forged = await post(tutor.id, caseId, { intent: "next-step-done", stepId: "nope", expectedVersion: "1", done: "true" });
    expect(forged.status).toBe(404);
  });

  it("raises a risk flag after two no-shows in a row, with its reason", async () => {
    const { caseId, tutor } = await createSchoolWithCase({ takenBy: "tutor", status: "ACTIVE" });
    const noShow = (on: string) =>
      post(tutor.id, caseId, { intent: "record-session", kind: "NO_SHOW", sessionOn: on, visibility: "OFFICE" });
    const flags = async () =>
      (await call(overviewLoader, { userId: tutor.id, path: `/cases/${caseId}`, params: { caseId } })).data.risk.flags as Array<{
        code: string;
        reason: string;
      }>;
    expect((await noShow(addDays(day, -8))).status).toBe(302);
    expect((await flags()).map((f) => f.code)).not.toContain("REPEATED_NO_SHOWS");
    expect((await noShow(addDays(day, -1))).status).toBe(302);
    const flag = (await flags()).find((f) => f.code === "REPEATED_NO_SHOWS");
    expect(flag?.reason).toMatch(/did not come to the last two sessions/);
    // The stored risk level moved too (the caseload sorts by it).
    expect((await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).riskFlagCount).toBeGreaterThan(0);
    // No-shows are not contact.
    expect((await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).lastContactAt).toBeNull();
  });
});

describe("scheduling the next session", () => {
  it("puts it in the student's calendar file (parsed back) and in their week", async () => {
    const { caseId, tutor, student } = await createSchoolWithCase({ takenBy: "tutor", status: "ACTIVE" });
    const on = addDays(day, 1);
    const scheduled = await post(tutor.id, caseId, {
      intent: "schedule-session",
      kind: "CALL",
      sessionOn: on,
      startTime: "14:30",
      durationMinutes: "30",
    });
    expect(scheduled.status).toBe(302);
    const session = await prisma.sessionRecord.findFirstOrThrow({ where: { caseId, status: "SCHEDULED" } });

    const body = await (
      await download(calendarLoader, { userId: student.userId, path: `/cases/${caseId}/calendar.ics`, params: { caseId } })
    ).text();
    const events = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const event = events.find((e) => e.uid === `session-${session.id}@retake-desk`);
    expect(event?.startDate.toString()).toBe(on);
    expect(event?.summary).toBe(`Call with ${tutor.name} at 14:30 (30 min)`);

    const home = await call(homeLoader, { userId: student.userId, path: "/" });
    expect(home.data.student.sessions).toEqual([
      expect.objectContaining({
        id: session.id,
        kind: "CALL",
        sessionOn: on,
        startTime: "14:30",
        thisWeek: on <= addDays(day, 6 - ((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7)),
      }),
    ]);
    // A past date cannot be scheduled.
    const past = await post(tutor.id, caseId, { intent: "schedule-session", kind: "CALL", sessionOn: addDays(day, -1) });
    expect(past.status).toBe(400);
  });
});
