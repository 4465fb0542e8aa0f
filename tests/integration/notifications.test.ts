import { describe, expect, it } from "vitest";
import { addDays, today } from "#app/domain/dates";
import { notify } from "#app/domain/notifications/notify.server";
import { loadSinceLastVisit } from "#app/domain/notifications/since-last-visit.server";
import { loader as layoutLoader } from "#app/routes/app/layout";
import { action as notificationsAction, loader as notificationsLoader } from "#app/routes/app/notifications";
import { action as queueAction } from "#app/routes/app/office/escalations";
import { prisma } from "#app/utils/db.server";
import { createEscalatedCase, createSchoolWithCase } from "../factories";
import { countQueries } from "../utils/queries";
import { call, contextFor, ORIGIN } from "../utils/route";

async function send(userId: string, schoolId: string, title: string, at: Date, extra: { caseId?: string; kind?: string } = {}) {
  await prisma.$transaction((tx) =>
    notify(tx, {
      userIds: [userId],
      schoolId,
      caseId: extra.caseId ?? null,
      kind: extra.kind ?? "PLAN_ADJUSTED",
      title,
      body: `${title} body`,
      link: extra.caseId ? `/cases/${extra.caseId}` : null,
    }),
  );
  await prisma.notification.updateMany({ where: { userId, title }, data: { createdAt: at } });
}

/** The office acknowledges then resolves an escalation with `outcome`, through its queue. */
async function resolveThroughQueue(userId: string, escalationId: string, outcome: string) {
  const post = (form: Record<string, string>) => call(queueAction, { userId, path: "/office/escalations", form });
  expect((await post({ intent: "status", escalationId, to: "ACKNOWLEDGED", expectedVersion: "1" })).status).toBe(302);
  expect((await post({ intent: "status", escalationId, to: "RESOLVED", outcome, expectedVersion: "2" })).status).toBe(302);
}

const unread = async (userId: string) =>
  (await call(layoutLoader, { userId, path: "/" })).data.nav.find((i: { to: string }) => i.to === "/notifications").badge;

describe("notifications in the app", () => {
  it("lists one's own notifications newest first, with unread ones marked and a link to the case", async () => {
    const { school, tutor, advisor, caseId } = await createSchoolWithCase();
    const now = Date.now();
    await send(tutor.id, school.id, "Older", new Date(now - 60_000), { caseId });
    await send(tutor.id, school.id, "Newer", new Date(now - 1_000), { caseId });
    await send(advisor.id, school.id, "Not the tutor's", new Date(now));
    const res = await call(notificationsLoader, { userId: tutor.id, path: "/notifications" });
    expect(res.data.items.map((n: { title: string }) => n.title)).toEqual(["Newer", "Older"]);
    expect(res.data.items[0]).toMatchObject({ read: false, link: `/cases/${caseId}`, caseId });
    expect(res.data).toMatchObject({ unread: 2, total: 2 });
    // Every notification is stored once, with its in-app delivery as a separate, channel-specific row.
    const deliveries = await prisma.notificationDelivery.findMany({ where: { notification: { userId: tutor.id } } });
    expect(deliveries.map((d) => [d.channel, d.status])).toEqual([
      ["IN_APP", "SENT"],
      ["IN_APP", "SENT"],
    ]);
    expect(await unread(tutor.id)).toBe(2);
  });

  it("marks one as read, only one's own: someone else's is not found and stays unread", async () => {
    const { school, tutor, advisor } = await createSchoolWithCase();
    await send(tutor.id, school.id, "Mine", new Date());
    await send(advisor.id, school.id, "The advisor's", new Date());
    const mine = await prisma.notification.findFirstOrThrow({ where: { userId: tutor.id } });
    const theirs = await prisma.notification.findFirstOrThrow({ where: { userId: advisor.id } });

    const refused = await call(notificationsAction, { userId: tutor.id, path: "/notifications", form: { intent: "read", id: theirs.id } });
    expect(refused.status).toBe(404);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();

    const ok = await call(notificationsAction, { userId: tutor.id, path: "/notifications", form: { intent: "read", id: mine.id } });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/notifications");
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull();
    // Marking it again is harmless.
    expect(
      (await call(notificationsAction, { userId: tutor.id, path: "/notifications", form: { intent: "read", id: mine.id } })).status,
    ).toBe(302);
    expect(await unread(tutor.id)).toBe(0);
    expect(await unread(advisor.id)).toBe(1);

    const anonymous = await call(notificationsAction, { userId: null, path: "/notifications", form: { intent: "read", id: mine.id } });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
    const bad = await call(notificationsAction, { userId: tutor.id, path: "/notifications", form: { intent: "delete", id: mine.id } });
    expect(bad.status).toBe(400);
  });

  it("the layout reads the unread count in one statement, on every page", async () => {
    const { school, tutor } = await createSchoolWithCase();
    await send(tutor.id, school.id, "One", new Date());
    await send(tutor.id, school.id, "Two", new Date());
    // Called by hand, not through `call`: the context (the session's user) is built before counting.
    const context = await contextFor(tutor.id);
    const request = new Request(new URL("/", ORIGIN));
    const statements = await countQueries(async () => {
      const result = await layoutLoader({ request, context, params: {}, url: new URL(request.url), pattern: "" } as never);
      expect(result.nav.find((i) => i.to === "/notifications")?.badge).toBe(2);
    });
    expect(statements).toBe(1);
  });

  it("marks all of one's own as read and nobody else's", async () => {
    const { school, tutor, advisor } = await createSchoolWithCase();
    for (const title of ["One", "Two", "Three"]) await send(tutor.id, school.id, title, new Date());
    await send(advisor.id, school.id, "Advisor's", new Date());
    const res = await call(notificationsAction, { userId: tutor.id, path: "/notifications?page=1", form: { intent: "read-all" } });
    expect(res.status).toBe(302);
    expect(await prisma.notification.count({ where: { userId: tutor.id, readAt: null } })).toBe(0);
    expect(await prisma.notification.count({ where: { userId: advisor.id, readAt: null } })).toBe(1);
  });

  it("tells whoever raised an escalation its outcome, with a link to the case's escalations", async () => {
    const { caseId, tutor, advisor, escalation } = await createEscalatedCase();
    await resolveThroughQueue(advisor.id, escalation.id, "Committee agreed a 4-month plan.");
    const list = await call(notificationsLoader, { userId: tutor.id, path: "/notifications" });
    expect(list.data.items[0]).toMatchObject({
      kind: "ESCALATION_RESOLVED",
      body: "Outcome: Committee agreed a 4-month plan.",
      link: `/cases/${caseId}/escalations`,
      read: false,
    });
  });
});

describe("since your last visit", () => {
  it("counts the office's overdue escalations and those someone else resolved; not for a tutor", async () => {
    // The admin recorded the second failure: the escalation opened now, after the first visits (a day ago) set below.
    const { school, tutor, advisor, admin, escalation } = await createEscalatedCase({ recordedBy: "admin" });
    // What the home page passes: the person's office schools (from the session) and the page's day.
    const office = { officeSchoolIds: [school.id], today: today() };
    const notOffice = { officeSchoolIds: [], today: today() };
    // First visits, a day ago.
    const dayAgo = new Date(Date.now() - 86_400_000);
    await prisma.user.updateMany({ where: { id: { in: [advisor.id, tutor.id] } }, data: { lastHomeVisitAt: dayAgo } });
    await prisma.escalation.update({ where: { id: escalation.id }, data: { acknowledgeBy: addDays(today(), -1) } });

    const forOffice = await loadSinceLastVisit(advisor.id, office);
    expect(forOffice.counts).toMatchObject({ OVERDUE: 1, ESCALATION_OPENED: 1 });
    expect(forOffice.lines).toEqual(["1 overdue item", "1 new escalation"]);
    expect(forOffice.escalationQueue).toBe(true);
    // The day is the caller's: the day before acknowledge-by passed, nothing was overdue yet.
    const yesterday = await loadSinceLastVisit(advisor.id, { ...office, today: addDays(today(), -1) });
    expect(yesterday.counts.OVERDUE).toBeUndefined();
    const forTutor = await loadSinceLastVisit(tutor.id, notOffice);
    expect(forTutor.counts.OVERDUE).toBeUndefined();
    expect(forTutor.escalationQueue).toBe(false);

    // The admin works it through; the advisor's next visit (later) shows it resolved, once.
    await resolveThroughQueue(admin.id, escalation.id, "Referred to academic support.");
    const later = await loadSinceLastVisit(advisor.id, office, new Date(Date.now() + 20 * 60_000));
    expect(later.counts).toEqual({ ESCALATION_RESOLVED: 1 });
    expect(later.lines).toEqual(["1 escalation resolved"]);
    // The one who resolved it is not told about their own work.
    const self = await loadSinceLastVisit(admin.id, office, new Date(Date.now() + 20 * 60_000));
    expect(self.counts.ESCALATION_RESOLVED).toBeUndefined();
  });
});
