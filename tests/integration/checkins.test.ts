import { describe, expect, it } from "vitest";
import { submitCheckIn } from "#app/domain/checkins/mutations.server";
import { addDays, startOfIsoWeek, today } from "#app/domain/dates";
import { action, loader } from "#app/routes/app/cases/plan";
import { prisma } from "#app/utils/db.server";
import { createSchoolWithCase, createStudent } from "../factories";
import { call } from "../utils/route";

const thisWeek = startOfIsoWeek(today());

const activeCase = () => createSchoolWithCase({ takenBy: "tutor", status: "ACTIVE" });

const checkIn = (overrides: Record<string, string> = {}) => ({
  intent: "checkin",
  redirectTo: "/",
  weekOf: thisWeek,
  questionsDone: "320",
  percentCorrect: "64.5",
  hoursStudied: "42",
  mood: "4",
  note: "Mornings are hard but the review afternoons help.",
  ...overrides,
});

describe("weekly check-ins", () => {
  it("records the student's check-in, counts it as contact and tells the tutor, without leaking the note", async () => {
    const { caseId, student, tutor } = await activeCase();
    const res = await call(action, { userId: student.userId, path: `/cases/${caseId}/plan`, params: { caseId }, form: checkIn() });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/");
    expect(res.headers.get("Set-Cookie")).toMatch(/rd_toast/);

    const rows = await prisma.checkIn.findMany({ where: { caseId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ weekOf: thisWeek, questionsDone: 320, percentCorrect: 64.5, hoursStudied: 42, mood: 4 });
    const row = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { lastContactAt: true } });
    expect(row.lastContactAt).not.toBeNull();

    const notes = await prisma.notification.findMany({ where: { userId: tutor.id, kind: "CHECK_IN" }, select: { link: true, body: true } });
    expect(notes).toHaveLength(1);
    expect(notes[0].link).toBe(`/cases/${caseId}/plan#check-ins`);
    expect(notes[0].body).not.toMatch(/Mornings/);

    const log = await prisma.activityLog.findMany({ where: { caseId, entity: "CheckIn" }, select: { summary: true, after: true } });
    expect(log).toHaveLength(1);
    expect(`${log[0].summary} ${log[0].after}`).not.toMatch(/Mornings/);
  });

  it("updates the week's check-in when the student sends it again", async () => {
    const { caseId, student } = await activeCase();
    await call(action, { userId: student.userId, path: `/cases/${caseId}/plan`, params: { caseId }, form: checkIn() });
    const again = await call(action, {
      userId: student.userId,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: checkIn({ percentCorrect: "67", mood: "5", redirectTo: `/cases/${caseId}/plan` }),
    });
    expect(again.status).toBe(302);
    expect(again.location).toBe(`/cases/${caseId}/plan`);
    const rows = await prisma.checkIn.findMany({ where: { caseId }, select: { percentCorrect: true, mood: true } });
    expect(rows).toEqual([{ percentCorrect: 67, mood: 5 }]);
    const actions = await prisma.activityLog.findMany({
      where: { caseId, entity: "CheckIn" },
      select: { action: true },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["checkin.submitted", "checkin.updated"]);

    // The form is prefilled with this week's check-in.
    const page = await call(loader, { userId: student.userId, path: `/cases/${caseId}/plan`, params: { caseId } });
    expect(page.data.checkIn.existing).toMatchObject({ weekOf: thisWeek, percentCorrect: 67 });
  });

  it("groups the tutor's check-in notifications: one per student per day, brought up to date by the next", async () => {
    const { caseId, student, tutor } = await activeCase();
    const values = { weekOf: thisWeek, questionsDone: 100, percentCorrect: 60, hoursStudied: 20, mood: 3, note: null };
    const morning = new Date(`${today()}T00:30:00Z`);
    const later = new Date(morning.getTime() + 3600_000);
    expect(await submitCheckIn({ caseId, actorId: student.userId, values, now: morning })).toMatchObject({ ok: true });
    await prisma.notification.updateMany({ where: { userId: tutor.id }, data: { readAt: morning } });
    const lastWeek = { ...values, weekOf: addDays(thisWeek, -7), percentCorrect: 64 };
    expect(await submitCheckIn({ caseId, actorId: student.userId, values: lastWeek, now: later })).toMatchObject({ ok: true });
    const rows = await prisma.notification.findMany({
      where: { userId: tutor.id, kind: "CHECK_IN" },
      select: { title: true, body: true, groupCount: true, readAt: true },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ groupCount: 2, readAt: null });
    expect(rows[0].title).toMatch(/ sent 2 check-ins that day$/);
    expect(rows[0].body).toContain("64% correct");
  });

  it("moves the case's last contact to when it was sent, never back", async () => {
    const { caseId, student } = await activeCase();
    const values = { weekOf: thisWeek, questionsDone: 100, percentCorrect: 60, hoursStudied: 20, mood: 3, note: null };
    const sentAt = new Date();
    expect(await submitCheckIn({ caseId, actorId: student.userId, values, now: sentAt })).toMatchObject({ ok: true, updated: false });
    const lastContact = async () =>
      (await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { lastContactAt: true } })).lastContactAt;
    expect(await lastContact()).toEqual(sentAt);
    // A contact recorded after it (a session note, say) stays when an update arrives stamped earlier.
    const later = new Date(sentAt.getTime() + 60_000);
    await prisma.retakeCase.update({ where: { id: caseId }, data: { lastContactAt: later } });
    expect(await submitCheckIn({ caseId, actorId: student.userId, values: { ...values, mood: 4 }, now: sentAt })).toMatchObject({
      ok: true,
      updated: true,
    });
    expect(await lastContact()).toEqual(later);
  });

  it("answers bad input with field errors and keeps what was typed", async () => {
    const { caseId, student } = await activeCase();
    const res = await call(action, {
      userId: student.userId,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: checkIn({ percentCorrect: "120", questionsDone: "-3", mood: "", note: "typed note" }),
    });
    expect(res.status).toBe(400);
    expect(res.data.result.error.percentCorrect[0]).toMatch(/0 to 100/);
    expect(res.data.result.error.questionsDone[0]).toMatch(/negative/);
    expect(res.data.result.error.mood[0]).toMatch(/how you feel/);
    expect(res.data.result.initialValue).toMatchObject({ percentCorrect: "120", questionsDone: "-3", note: "typed note" });

    const future = await call(action, {
      userId: student.userId,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: checkIn({ weekOf: addDays(thisWeek, 7) }),
    });
    expect(future.status).toBe(400);
    expect(future.data.result.error.weekOf[0]).toMatch(/not started yet/);

    const notMonday = await call(action, {
      userId: student.userId,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: checkIn({ weekOf: addDays(thisWeek, 2) }),
    });
    expect(notMonday.status).toBe(400);
    expect(await prisma.checkIn.count({ where: { caseId } })).toBe(0);
  });

  it("lets only the case's own student send check-ins", async () => {
    const { caseId, school, tutor, advisor } = await activeCase();
    const other = await createStudent(school.id);
    const elsewhere = await createSchoolWithCase();
    for (const userId of [tutor.id, advisor.id, other.userId, elsewhere.student.userId, elsewhere.tutor.id]) {
      const res = await call(action, { userId, path: `/cases/${caseId}/plan`, params: { caseId }, form: checkIn() });
      expect(res.status).toBe(403);
    }
    expect(await prisma.checkIn.count({ where: { caseId } })).toBe(0);
  });

  it("refuses check-ins on a closed case", async () => {
    const { caseId, student } = await activeCase();
    await prisma.retakeCase.update({ where: { id: caseId }, data: { status: "CLOSED", openSlot: null, outcome: "PASSED" } });
    const res = await call(action, { userId: student.userId, path: `/cases/${caseId}/plan`, params: { caseId }, form: checkIn() });
    expect(res.status).toBe(409);
    expect(res.data.result.error[""][0]).toMatch(/closed/);
  });

  it("shows staff the check-ins newest first with a little trend", async () => {
    const { caseId, student, tutor } = await activeCase();
    const weeks = [3, 2, 1, 0].map((n) => addDays(thisWeek, -7 * n));
    const percents = ["58", "61", "63", "66"];
    for (const [i, weekOf] of weeks.entries()) {
      const res = await call(action, {
        userId: student.userId,
        path: `/cases/${caseId}/plan`,
        params: { caseId },
        form: checkIn({ weekOf, percentCorrect: percents[i], mood: i === 1 ? "2" : "4" }),
      });
      expect(res.status).toBe(302);
    }
    const page = await call(loader, { userId: tutor.id, path: `/cases/${caseId}/plan`, params: { caseId } });
    expect(page.data.kind).toBe("staff");
    expect(page.data.checkIns.map((c: { weekOf: string }) => c.weekOf)).toEqual([...weeks].reverse());
    expect(page.data.checkIns[0].percentDelta).toBe(3);
    expect(page.data.trend.direction).toBe("UP");
    expect(page.data.trend.lines[0]).toMatch(/up 8 points over the last 4 check-ins \(58% → 66%\)/);
    expect(page.data.trend.lines.join(" ")).toMatch(/hard/);
  });
});
