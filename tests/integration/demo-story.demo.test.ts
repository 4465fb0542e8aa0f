/**
 * The demo tells a dated story: every event carries the day it happened in the
 * story, nothing is dated after the seed's today, escalations fall due after
 * they are raised and are worked in time but for a few overdue by days, cases
 * close over the months of the year, sessions, notes and check-ins are dated on
 * their own days, and routine notifications are grouped.
 * The file starts on the seeded demo database (ADR 0007).
 */
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, fromDate, type IsoDate, today } from "#app/domain/dates";
import { prisma } from "#app/utils/db.server";

const dayOf = (d: Date) => fromDate(d);

describe("the demo's story", () => {
  it("dates nothing after the seed's today", async () => {
    const end = new Date(`${addDays(today(), 1)}T00:00:00Z`);
    const later = { gte: end };
    const counts = await Promise.all([
      prisma.activityLog.count({ where: { createdAt: later } }),
      prisma.notification.count({ where: { createdAt: later } }),
      prisma.escalation.count({ where: { OR: [{ createdAt: later }, { acknowledgedAt: later }, { resolvedAt: later }] } }),
      prisma.escalationEvent.count({ where: { createdAt: later } }),
      prisma.retakeCase.count({ where: { OR: [{ openedAt: later }, { closedAt: later }] } }),
      prisma.examAttempt.count({ where: { takenOn: { gt: today() } } }),
      prisma.practiceExam.count({ where: { takenOn: { gt: today() } } }),
    ]);
    expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("dates each session, its activity-log rows and its next steps on the session's day", async () => {
    const sessions = await prisma.sessionRecord.findMany({
      select: { id: true, sessionOn: true, createdAt: true, nextSteps: { select: { id: true, createdAt: true } } },
    });
    expect(sessions.length).toBeGreaterThan(3);
    const days = new Set(sessions.map((s) => s.sessionOn));
    expect(days.size).toBeGreaterThan(2);
    const logs = await prisma.activityLog.findMany({
      where: { entity: "SessionRecord", entityId: { in: sessions.map((s) => s.id) } },
      select: { entityId: true, createdAt: true, action: true },
    });
    const stepLogs = await prisma.activityLog.findMany({
      where: { entity: "NextStep", entityId: { in: sessions.flatMap((s) => s.nextSteps.map((n) => n.id)) } },
      select: { entityId: true, createdAt: true },
    });
    const on = today();
    for (const s of sessions) {
      expect(s.sessionOn <= on).toBe(true);
      expect(dayOf(s.createdAt), `session ${s.id}`).toBe(s.sessionOn);
      const own = logs.filter((l) => l.entityId === s.id);
      expect(own.length, `the log of session ${s.id}`).toBeGreaterThan(0);
      for (const l of own) expect(dayOf(l.createdAt), `${l.action} of session ${s.id}`).toBe(s.sessionOn);
      for (const step of s.nextSteps) {
        expect(dayOf(step.createdAt)).toBe(s.sessionOn);
        for (const l of stepLogs.filter((x) => x.entityId === step.id)) expect(dayOf(l.createdAt)).toBe(s.sessionOn);
      }
    }
  });

  it("dates session notes on their session and check-ins at the end of their week, never after today", async () => {
    const on = today();
    const notes = await prisma.sessionNote.findMany({ select: { sessionOn: true, createdAt: true } });
    expect(notes.length).toBeGreaterThan(5);
    for (const n of notes) {
      expect(n.sessionOn <= on).toBe(true);
      expect(dayOf(n.createdAt)).toBe(n.sessionOn);
    }
    const checkIns = await prisma.checkIn.findMany({ select: { weekOf: true, createdAt: true } });
    expect(checkIns.length).toBeGreaterThan(5);
    for (const c of checkIns) {
      const endOfWeek = addDays(c.weekOf, 6);
      // The earlier of the two ISO dates (this week's check-in is sent today).
      expect(dayOf(c.createdAt)).toBe([endOfWeek, on].sort()[0]);
    }
  });

  it("spreads the activity log over the story's days, not the seeding day", async () => {
    const rows = await prisma.activityLog.findMany({ select: { createdAt: true } });
    const perDay = new Map<string, number>();
    for (const r of rows) perDay.set(dayOf(r.createdAt), (perDay.get(dayOf(r.createdAt)) ?? 0) + 1);
    expect(perDay.size).toBeGreaterThan(60);
    // No single day (the seeding day included) holds more than a tenth of the log.
    expect(Math.max(...perDay.values())).toBeLessThan(rows.length / 10);
  });

  it("raises each escalation on its failure's result day, due after it, and works it in time but for a few overdue by days", async () => {
    const escalations = await prisma.escalation.findMany({
      select: {
        createdAt: true,
        acknowledgeBy: true,
        resolveBy: true,
        acknowledgedAt: true,
        resolvedAt: true,
        status: true,
        triggerAttempt: { select: { takenOn: true } },
      },
    });
    expect(escalations.length).toBeGreaterThan(5);
    const on = today();
    for (const e of escalations) {
      const raised = dayOf(e.createdAt);
      // No due date precedes the raise date.
      expect(e.acknowledgeBy > raised).toBe(true);
      expect(e.resolveBy >= e.acknowledgeBy).toBe(true);
      // Raised when the failing result came in: about three weeks after the exam (a day more when the exam fell on a Sunday), not on the seeding day.
      if (e.triggerAttempt) expect(daysBetween(e.triggerAttempt.takenOn as IsoDate, raised)).toBeLessThanOrEqual(22);
      if (e.acknowledgedAt) expect(dayOf(e.acknowledgedAt) >= raised).toBe(true);
      if (e.resolvedAt) expect(dayOf(e.resolvedAt) <= e.resolveBy).toBe(true);
    }
    const resolvedInTime = escalations.filter((e) => e.status === "RESOLVED" && e.resolvedAt && dayOf(e.resolvedAt) <= e.resolveBy);
    const acknowledgedInTime = escalations.filter((e) => e.acknowledgedAt && dayOf(e.acknowledgedAt) <= e.acknowledgeBy);
    expect(resolvedInTime.length).toBeGreaterThan(0);
    expect(acknowledgedInTime.length).toBeGreaterThan(resolvedInTime.length);
    // Overdue ones are late by days, not years.
    const lateness = escalations
      .filter((e) => e.status !== "RESOLVED")
      .map((e) => Math.max(0, daysBetween(e.acknowledgedAt ? e.resolveBy : e.acknowledgeBy, on)));
    expect(lateness.some((d) => d > 0)).toBe(true);
    expect(Math.max(...lateness)).toBeLessThanOrEqual(30);
  });

  it("closes cases over the months of the year, dated by the result that closed them", async () => {
    const closed = await prisma.retakeCase.findMany({ where: { closedAt: { not: null } }, select: { closedAt: true } });
    const months = new Set(closed.map((c) => dayOf(c.closedAt as Date).slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(3);
  });

  it("opens each case on the day its failing result was recorded, so the queue waits from the failure", async () => {
    const cases = await prisma.retakeCase.findMany({
      select: { openedAt: true, openingAttempt: { select: { takenOn: true } } },
    });
    for (const c of cases) {
      if (!c.openingAttempt) continue;
      const waited = daysBetween(c.openingAttempt.takenOn as IsoDate, dayOf(c.openedAt));
      expect(waited).toBeGreaterThanOrEqual(0);
      expect(waited).toBeLessThanOrEqual(22);
    }
  });

  it("groups check-in notifications: one per recipient, student and day", async () => {
    const checkIns = await prisma.notification.findMany({
      where: { kind: "CHECK_IN" },
      select: { userId: true, createdAt: true, dedupeKey: true },
    });
    expect(checkIns.length).toBeGreaterThan(0);
    const groups = new Set(checkIns.map((n) => `${n.userId}|${n.dedupeKey}`));
    expect(groups.size).toBe(checkIns.length);
    for (const n of checkIns) expect(n.dedupeKey).toBe(`checkin:${n.dedupeKey?.split(":")[1]}:${dayOf(n.createdAt)}`);
    // Staff read earlier weeks' routine updates: what is unread is recent.
    const unread = await prisma.notification.findMany({
      where: { kind: "CHECK_IN", readAt: null, user: { memberships: { some: { role: { not: "STUDENT" } } } } },
      select: { createdAt: true },
    });
    for (const n of unread) expect(daysBetween(dayOf(n.createdAt), today())).toBeLessThanOrEqual(7);
  });
});
