import { describe, expect, it } from "vitest";
import { recordAttempt, recordAttemptIn } from "#app/domain/attempts/mutations.server";
import { refreshDerived } from "#app/domain/cases/derive.server";
import { addBusinessDays, addDays, today } from "#app/domain/dates";
import { action as caseEscalationsAction, loader as caseEscalationsLoader } from "#app/routes/app/cases/escalations";
import { action as overviewAction } from "#app/routes/app/cases/overview";
import { action as queueAction, loader as queueLoader } from "#app/routes/app/office/escalations";
import { prisma } from "#app/utils/db.server";
import { createAdapterFactory } from "#app/utils/db-adapter.server";
import { PrismaClient } from "#generated/prisma/client";
import { createEscalatedCase, createFailedCase, createSchoolWithCase, createStudent, createUser } from "../factories";
import { countCall } from "../utils/queries";
import { call } from "../utils/route";

/** The case overview's attempt form, as the browser posts a second failure. */
const secondFailure = (takenOn = addDays(today(), -2)) => ({ intent: "attempt", exam: "STEP1", takenOn, outcome: "FAIL", score: "" });

function queueCall(userId: string, form: Record<string, string>, search = "") {
  return call(queueAction, { userId, path: `/office/escalations${search}`, form });
}

async function version(id: string) {
  return String((await prisma.escalation.findUniqueOrThrow({ where: { id }, select: { version: true } })).version);
}

describe("automatic escalation on a second failure", () => {
  it("ten concurrent requests recording the same second failure leave one attempt and one escalation", async () => {
    const { caseId, tutor, advisor, admin, student } = await createSchoolWithCase({ takenBy: "tutor" });
    const form = secondFailure();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => call(overviewAction, { userId: tutor.id, path: `/cases/${caseId}`, params: { caseId }, form })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(302));
    expect(await prisma.examAttempt.count({ where: { studentId: student.studentId, takenOn: form.takenOn } })).toBe(1);
    expect(await prisma.examAttempt.count({ where: { studentId: student.studentId } })).toBe(2);
    const escalations = await prisma.escalation.findMany({ where: { caseId }, include: { events: true } });
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({
      trigger: "SECOND_FAILURE",
      status: "OPEN",
      raisedById: tutor.id,
      severity: 3,
      failureNumber: 2,
    });
    expect(escalations[0].events.map((e) => e.kind)).toEqual(["CREATED"]);
    // Due dates from the school's time limits (the defaults: 2 and 15 business days).
    expect(escalations[0].acknowledgeBy).toBe(addBusinessDays(today(), 2));
    expect(escalations[0].resolveBy).toBe(addBusinessDays(today(), 15));
    // The tutor and the office are told, once each.
    const notified = await prisma.notification.findMany({ where: { caseId, kind: "ESCALATION_OPENED" }, select: { userId: true } });
    expect(notified.map((n) => n.userId).sort()).toEqual([tutor.id, advisor.id, admin.id].sort());
    expect((await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).openEscalations).toBe(1);
  });

  it("submitting the form twice, or retrying the domain call concurrently, changes nothing the second time", async () => {
    const { caseId, tutor, student } = await createSchoolWithCase({ takenBy: "tutor" });
    const form = secondFailure();
    const first = await call(overviewAction, { userId: tutor.id, path: `/cases/${caseId}`, params: { caseId }, form });
    const again = await call(overviewAction, { userId: tutor.id, path: `/cases/${caseId}`, params: { caseId }, form });
    expect([first.status, again.status]).toEqual([302, 302]);
    const retries = await Promise.all(
      Array.from({ length: 10 }, () =>
        recordAttempt({ studentId: student.studentId, exam: "STEP1", takenOn: form.takenOn, outcome: "FAIL", actorId: tutor.id }),
      ),
    );
    expect(retries.every((r) => r.ok && r.duplicate)).toBe(true);
    expect(await prisma.examAttempt.count({ where: { studentId: student.studentId } })).toBe(2);
    expect(await prisma.escalation.count({ where: { caseId } })).toBe(1);
    expect(await prisma.notification.count({ where: { caseId, kind: "ESCALATION_OPENED", userId: tutor.id } })).toBe(1);
  });

  it("holds across separate database connections too (as from several server processes): the database lets one through", async () => {
    const { caseId, student, tutor } = await createSchoolWithCase({ takenBy: "tutor" });
    const url = process.env.DATABASE_URL as string;
    const clients = Array.from({ length: 4 }, () => new PrismaClient({ adapter: createAdapterFactory(url) }));
    const input = { studentId: student.studentId, exam: "STEP1", takenOn: addDays(today(), -2), outcome: "FAIL", actorId: tutor.id };
    try {
      const results = await Promise.allSettled([prisma, ...clients].map((db) => db.$transaction((tx) => recordAttemptIn(tx, input))));
      // Losers are refused by the database (unique index or write lock), never written twice.
      expect(results.some((r) => r.status === "fulfilled" && r.value.ok)).toBe(true);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
    expect(await prisma.examAttempt.count({ where: { studentId: student.studentId, takenOn: input.takenOn } })).toBe(1);
    expect(await prisma.escalation.count({ where: { caseId } })).toBe(1);
  });

  it("the database refuses a second escalation for the same failing attempt", async () => {
    const { caseId, escalation } = await createEscalatedCase();
    await expect(
      prisma.escalation.create({
        data: {
          schoolId: escalation.schoolId,
          caseId,
          trigger: "SECOND_FAILURE",
          triggerAttemptId: escalation.triggerAttemptId,
          reason: "duplicate",
          acknowledgeBy: today(),
          resolveBy: today(),
        },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("a third failure raises the open escalation's severity, or opens one when none is open", async () => {
    const { caseId, student, tutor, escalation } = await createEscalatedCase();
    const third = await recordAttempt({
      studentId: student.studentId,
      exam: "STEP1",
      takenOn: addDays(today(), -1),
      outcome: "FAIL",
      actorId: tutor.id,
    });
    expect(third.ok).toBe(true);
    const rows = await prisma.escalation.findMany({ where: { caseId }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ severity: 4, failureNumber: 3 });
    expect(rows[0].version).toBe(escalation.version + 1);
    expect(rows[0].events.map((e) => e.kind)).toEqual(["CREATED", "SEVERITY"]);
    expect(await prisma.notification.count({ where: { caseId, kind: "ESCALATION_RAISED", userId: tutor.id } })).toBe(1);

    // Another student whose second-failure escalation was resolved: the third failure opens a new one.
    const other = await createStudent(escalation.schoolId);
    const { caseId: otherCase } = await createFailedCase({ studentId: other.studentId, takenOn: addDays(today(), -60) });
    await recordAttempt({ studentId: other.studentId, exam: "STEP1", takenOn: addDays(today(), -30), outcome: "FAIL", actorId: null });
    await prisma.escalation.updateMany({ where: { caseId: otherCase }, data: { status: "RESOLVED", outcome: "Handled" } });
    await recordAttempt({ studentId: other.studentId, exam: "STEP1", takenOn: addDays(today(), -3), outcome: "FAIL", actorId: null });
    const others = await prisma.escalation.findMany({ where: { caseId: otherCase }, orderBy: { createdAt: "asc" } });
    expect(others.map((e) => [e.trigger, e.status, e.severity])).toEqual([
      ["SECOND_FAILURE", "RESOLVED", 3],
      ["THIRD_FAILURE", "OPEN", 4],
    ]);
  });

  it("follows the student: a fourth failure titles the open escalation so, and its severity is the case's risk level", async () => {
    const { school, advisor } = await createSchoolWithCase();
    const other = await createStudent(school.id);
    // Four failures spaced as the USMLE allows, the escalation opened by the second still open.
    const dates = [-500, -380, -200, -3].map((d) => addDays(today(), d));
    const ranks = { LOW: 1, MODERATE: 2, HIGH: 3, CRITICAL: 4 } as const;
    for (const [i, takenOn] of dates.entries()) {
      const r = await recordAttempt({ studentId: other.studentId, exam: "STEP1", takenOn, outcome: "FAIL", actorId: advisor.id });
      expect(r.ok).toBe(true);
      if (i === 2) {
        // One rule: after the third failure the case is critical, and so is its escalation.
        const kase = await prisma.retakeCase.findFirstOrThrow({ where: { studentId: other.studentId }, include: { escalations: true } });
        expect(kase.riskLevel).toBe("CRITICAL");
        expect(kase.escalations.map((e) => [e.failureNumber, e.severity])).toEqual([[3, ranks.CRITICAL]]);
      }
    }
    // The fourth ends eligibility (the case closes as ineligible); the escalation stays open and says so.
    const kase = await prisma.retakeCase.findFirstOrThrow({ where: { studentId: other.studentId } });
    expect(kase).toMatchObject({ status: "CLOSED", outcome: "INELIGIBLE" });
    const [row] = await prisma.escalation.findMany({ where: { caseId: kase.id } });
    expect(row).toMatchObject({ trigger: "SECOND_FAILURE", failureNumber: 4, severity: ranks.CRITICAL, status: "OPEN" });

    const res = await call(caseEscalationsLoader, {
      userId: advisor.id,
      path: `/cases/${kase.id}/escalations`,
      params: { caseId: kase.id },
    });
    expect((res.data.escalations as Array<{ title: string }>).map((v) => v.title)).toEqual(["Fourth failure"]);
    const queue = await call(queueLoader, { userId: advisor.id, path: "/office/escalations" });
    const queueRows = (queue.data.queue.rows as Array<{ caseId: string; title: string }>).filter((r) => r.caseId === kase.id);
    expect(queueRows.map((r) => r.title)).toEqual(["Fourth failure"]);
  });

  it("a second failure's escalation is as severe as the case's risk level says", async () => {
    const { caseId, escalation } = await createEscalatedCase();
    const kase = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { riskLevel: true } });
    expect(kase.riskLevel).toBe("HIGH");
    expect(escalation.severity).toBe(3);
  });

  it("a second failure that the school's ladder sends to dismissal review is critical on the case and on its escalation, which follows the risk level after", async () => {
    const { caseId, school, tutor } = await createSchoolWithCase({ takenBy: "tutor" });
    const rung = (consequence: string) =>
      prisma.policyRung.upsert({
        where: { schoolId_failureNumber: { schoolId: school.id, failureNumber: 2 } },
        create: { schoolId: school.id, failureNumber: 2, consequence, description: "The promotions committee decides." },
        update: { consequence },
      });
    await rung("DISMISSAL_REVIEW");
    const res = await call(overviewAction, { userId: tutor.id, path: `/cases/${caseId}`, params: { caseId }, form: secondFailure() });
    expect(res.status).toBe(302);
    const state = async () => {
      const kase = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { riskLevel: true } });
      const rows = await prisma.escalation.findMany({ where: { caseId }, include: { events: { orderBy: { createdAt: "asc" } } } });
      return { riskLevel: kase.riskLevel, rows };
    };
    // Raised at the rule's severity: the case's risk level (critical), above the second failure's floor (high).
    const raised = await state();
    expect(raised.riskLevel).toBe("CRITICAL");
    expect(raised.rows).toHaveLength(1);
    expect(raised.rows[0]).toMatchObject({ trigger: "SECOND_FAILURE", failureNumber: 2, severity: 4 });
    expect(raised.rows[0].events.map((e) => e.kind)).toEqual(["CREATED"]);
    const escalationId = raised.rows[0].id;

    // The school softens its ladder: the next derivation lowers the case to high, and the escalation with it,
    // versioned, with an event and an activity-log entry; never below the failure-count floor (high).
    await rung("WARNING");
    await prisma.$transaction((tx) => refreshDerived(tx, [caseId]));
    const softened = await state();
    expect(softened.riskLevel).toBe("HIGH");
    expect(softened.rows[0]).toMatchObject({ severity: 3, version: raised.rows[0].version + 1 });
    expect(softened.rows[0].events.map((e) => e.kind)).toEqual(["CREATED", "SEVERITY"]);
    expect(softened.rows[0].events[1].note).toMatch(/Second failure, severity high: the case's risk level is high/);
    const logged = await prisma.activityLog.findFirstOrThrow({ where: { entityId: escalationId, action: "escalation.severity_changed" } });
    expect([logged.before, logged.after]).toEqual([JSON.stringify({ severity: 4 }), JSON.stringify({ severity: 3 })]);

    // A derivation that changes nothing writes nothing.
    await prisma.$transaction((tx) => refreshDerived(tx, [caseId]));
    expect((await state()).rows[0].events).toHaveLength(2);

    // Back to dismissal review: critical again, on both.
    await rung("DISMISSAL_REVIEW");
    await prisma.$transaction((tx) => refreshDerived(tx, [caseId]));
    const again = await state();
    expect(again.riskLevel).toBe("CRITICAL");
    expect(again.rows[0].severity).toBe(4);

    // A resolved escalation keeps the severity it was resolved at.
    await prisma.escalation.update({ where: { id: escalationId }, data: { status: "RESOLVED", outcome: "Committee met" } });
    await rung("WARNING");
    await prisma.$transaction((tx) => refreshDerived(tx, [caseId]));
    expect((await state()).rows[0]).toMatchObject({ status: "RESOLVED", severity: 4 });
  });

  it("a student recording their own second failure escalates it but raises nothing in their name", async () => {
    const { caseId, student } = await createSchoolWithCase({ takenBy: "tutor" });
    const res = await call(overviewAction, { userId: student.userId, path: `/cases/${caseId}`, params: { caseId }, form: secondFailure() });
    expect(res.status).toBe(302);
    const escalation = await prisma.escalation.findFirstOrThrow({ where: { caseId } });
    expect(escalation.raisedById).toBeNull();
    expect(await prisma.notification.count({ where: { userId: student.userId } })).toBe(0);
  });
});

describe("manual escalation and the case's Escalations tab", () => {
  it("lets the tutor escalate by hand with a reason and a note; the office is notified", async () => {
    const { caseId, tutor, advisor } = await createSchoolWithCase({ takenBy: "tutor" });
    const path = `/cases/${caseId}/escalations`;
    const short = await call(caseEscalationsAction, {
      userId: tutor.id,
      path,
      params: { caseId },
      form: { intent: "raise", reason: "Help", note: "Kept" },
    });
    expect(short.status).toBe(400);
    expect(short.data.result.error.reason[0]).toMatch(/Say why the case needs the office/);
    expect(short.data.result.initialValue).toMatchObject({ reason: "Help", note: "Kept" });

    const form = { intent: "raise", reason: "Missed three sessions and stopped answering messages.", note: "Tried phone and email." };
    const ok = await call(caseEscalationsAction, { userId: tutor.id, path, params: { caseId }, form });
    expect(ok.status).toBe(302);
    const twice = await call(caseEscalationsAction, { userId: tutor.id, path, params: { caseId }, form });
    expect(twice.status).toBe(302);
    const rows = await prisma.escalation.findMany({ where: { caseId }, include: { events: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ trigger: "MANUAL", raisedById: tutor.id, reason: form.reason, status: "OPEN" });
    expect(rows[0].events[0]).toMatchObject({ kind: "CREATED", actorId: tutor.id, note: form.note });
    expect(await prisma.notification.count({ where: { userId: advisor.id, kind: "ESCALATION_OPENED" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: tutor.id } })).toBe(0);
    const log = await prisma.activityLog.findFirstOrThrow({ where: { entity: "Escalation", entityId: rows[0].id } });
    expect(log.summary).not.toContain("Missed three sessions");
    expect((await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).openEscalations).toBe(1);

    const tab = await call(caseEscalationsLoader, { userId: tutor.id, path, params: { caseId } });
    expect(tab.status).toBe(200);
    expect(tab.data.canManage).toBe(false);
    expect(tab.data.escalations[0]).toMatchObject({ reason: form.reason, status: "OPEN", raisedBy: { id: tutor.id } });
    expect(tab.data.escalations[0].events[0]).toMatchObject({ kind: "CREATED", actorName: tutor.name, note: form.note });
  });

  it("refuses students: no tab, no escalation, no notes", async () => {
    const { caseId, student, escalation } = await createEscalatedCase();
    const path = `/cases/${caseId}/escalations`;
    expect((await call(caseEscalationsLoader, { userId: student.userId, path, params: { caseId } })).status).toBe(403);
    const raise = await call(caseEscalationsAction, {
      userId: student.userId,
      path,
      params: { caseId },
      form: { intent: "raise", reason: "I would like more help please." },
    });
    expect(raise.status).toBe(403);
    const note = await call(caseEscalationsAction, {
      userId: student.userId,
      path,
      params: { caseId },
      form: { intent: "note", escalationId: escalation.id, note: "hello" },
    });
    expect(note.status).toBe(403);
  });

  it("a tutor cannot change an escalation's status, record actions or set the owner, but can add a note", async () => {
    const { caseId, tutor, advisor, escalation } = await createEscalatedCase();
    const path = `/cases/${caseId}/escalations`;
    const v = await version(escalation.id);
    const forms: Array<Record<string, string>> = [
      { intent: "status", escalationId: escalation.id, to: "ACKNOWLEDGED", expectedVersion: v },
      { intent: "action", escalationId: escalation.id, action: "COUNSELLING", actionOn: today(), expectedVersion: v },
      { intent: "owner", escalationId: escalation.id, ownerId: advisor.id, expectedVersion: v },
    ];
    // The role is refused first (by the domain, workflow.ts's rule): a stale version makes no difference.
    const staleForms: Array<Record<string, string>> = forms.map((f) => ({ ...f, expectedVersion: "7" }));
    for (const form of [...forms, ...staleForms]) {
      const res = await call(caseEscalationsAction, { userId: tutor.id, path, params: { caseId }, form });
      expect(res.status, `${form.intent} v${form.expectedVersion}`).toBe(403);
    }
    // The office's queue refuses tutors altogether.
    expect((await call(queueLoader, { userId: tutor.id, path: "/office/escalations" })).status).toBe(403);
    expect(
      (await queueCall(tutor.id, { intent: "status", escalationId: escalation.id, to: "ACKNOWLEDGED", expectedVersion: v })).status,
    ).toBe(403);
    const row = await prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } });
    expect(row.status).toBe("OPEN");
    expect(row.version).toBe(Number(v));

    const note = await call(caseEscalationsAction, {
      userId: tutor.id,
      path,
      params: { caseId },
      form: { intent: "note", escalationId: escalation.id, note: "Spoke with the student today." },
    });
    expect(note.status).toBe(302);
    const events = await prisma.escalationEvent.findMany({ where: { escalationId: escalation.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["CREATED", "NOTE"]);
    // The refused writes left no activity; the note left one entry, without its text.
    const activity = await prisma.activityLog.findMany({
      where: { entity: "Escalation", entityId: escalation.id },
      select: { action: true, actorId: true, caseId: true, summary: true },
      orderBy: { createdAt: "asc" },
    });
    expect(activity.map((a) => a.action)).toEqual(["escalation.opened", "escalation.note_added"]);
    expect(activity[1]).toMatchObject({ actorId: tutor.id, caseId });
    expect(activity[1].summary).not.toContain("Spoke with the student");
  });

  it("refuses an escalation of another case through this case's tab", async () => {
    const { escalation, school, advisor } = await createEscalatedCase();
    const other = await createStudent(school.id);
    const { caseId: otherCase } = await createFailedCase({ studentId: other.studentId });
    const res = await call(caseEscalationsAction, {
      userId: advisor.id,
      path: `/cases/${otherCase}/escalations`,
      params: { caseId: otherCase },
      form: { intent: "status", escalationId: escalation.id, to: "ACKNOWLEDGED", expectedVersion: await version(escalation.id) },
    });
    expect(res.status).toBe(404);
  });
});

describe("the office's escalation queue", () => {
  it("an advisor of another school can neither see nor change the escalation", async () => {
    const { caseId, escalation } = await createEscalatedCase();
    const elsewhere = await createSchoolWithCase();
    const stranger = elsewhere.advisor.id;
    expect((await call(caseEscalationsLoader, { userId: stranger, path: `/cases/${caseId}/escalations`, params: { caseId } })).status).toBe(
      403,
    );
    const queue = await call(queueLoader, { userId: stranger, path: "/office/escalations" });
    expect(queue.status).toBe(200);
    expect(queue.data.queue.rows.map((r: { id: string }) => r.id)).not.toContain(escalation.id);
    expect((await call(queueLoader, { userId: stranger, path: `/office/escalations?open=${escalation.id}` })).status).toBe(404);
    const v = await version(escalation.id);
    const forms: Array<Record<string, string>> = [
      { intent: "status", escalationId: escalation.id, to: "ACKNOWLEDGED", expectedVersion: v },
      { intent: "note", escalationId: escalation.id, note: "Not mine" },
    ];
    for (const form of forms) {
      expect((await queueCall(stranger, form)).status).toBe(404);
    }
    expect((await prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } })).status).toBe("OPEN");
  });

  it("works an escalation from open to resolved, with history, activity, owner and the outcome told to the raiser", async () => {
    const { escalation, advisor, tutor, caseId, student } = await createEscalatedCase();
    const search = `?open=${escalation.id}`;
    const detail = await call(queueLoader, { userId: advisor.id, path: `/office/escalations${search}` });
    expect(detail.status).toBe(200);
    expect(detail.data.queue.rows[0].id).toBe(escalation.id);
    expect(detail.data.detail).toMatchObject({ id: escalation.id, status: "OPEN", acknowledgeBy: escalation.acknowledgeBy });
    expect(detail.data.officeMembers.map((m: { id: string }) => m.id)).toContain(advisor.id);

    const ack = await queueCall(
      advisor.id,
      { intent: "status", escalationId: escalation.id, to: "ACKNOWLEDGED", expectedVersion: "1" },
      search,
    );
    expect(ack.status).toBe(302);
    expect(ack.location).toBe(`/office/escalations${search}`);
    let row = await prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } });
    expect(row).toMatchObject({ status: "ACKNOWLEDGED", ownerId: advisor.id, version: 2 });
    expect(row.acknowledgedAt).not.toBeNull();

    // Every bad field of an action is reported at once.
    const badAction = await queueCall(
      advisor.id,
      { intent: "action", escalationId: escalation.id, action: "", actionOn: addDays(today(), 3), expectedVersion: "2" },
      search,
    );
    expect(badAction.status).toBe(400);
    expect(Object.keys(badAction.data.result.error).sort()).toEqual(["action", "actionOn"]);

    const counselling = await queueCall(
      advisor.id,
      {
        intent: "action",
        escalationId: escalation.id,
        action: "COUNSELLING",
        actionOn: today(),
        note: "Referred to student counselling.",
        expectedVersion: "2",
      },
      search,
    );
    expect(counselling.status).toBe(302);
    row = await prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } });
    expect(row).toMatchObject({ status: "IN_PROGRESS", version: 3 });

    const noOutcome = await queueCall(
      advisor.id,
      { intent: "status", escalationId: escalation.id, to: "RESOLVED", outcome: "  ", expectedVersion: "3" },
      search,
    );
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.data.result.error.outcome[0]).toMatch(/Say what the outcome is/);
    expect((await prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } })).status).toBe("IN_PROGRESS");

    const outcome = "Counselling started; plan rebuilt with a 16-week dedicated period.";
    const resolved = await queueCall(
      advisor.id,
      { intent: "status", escalationId: escalation.id, to: "RESOLVED", outcome, expectedVersion: "3" },
      search,
    );
    expect(resolved.status).toBe(302);
    row = await prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } });
    expect(row).toMatchObject({ status: "RESOLVED", outcome, version: 4 });
    expect(row.resolvedAt).not.toBeNull();
    expect((await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).openEscalations).toBe(0);

    const events = await prisma.escalationEvent.findMany({
      where: { escalationId: escalation.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.action])).toEqual([
      ["CREATED", null, "OPEN", null],
      ["STATUS", "OPEN", "ACKNOWLEDGED", null],
      ["OWNER", null, null, null],
      ["ACTION", "ACKNOWLEDGED", "IN_PROGRESS", "COUNSELLING"],
      ["STATUS", "IN_PROGRESS", "RESOLVED", null],
    ]);
    expect(events.slice(1).every((e) => e.actorId === advisor.id)).toBe(true);
    // Acknowledging took ownership: the acknowledgement, its STATUS event and the OWNER event share one instant.
    const acknowledged = await prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id }, select: { acknowledgedAt: true } });
    expect(events[1].createdAt).toEqual(acknowledged.acknowledgedAt);
    expect(events[2].createdAt).toEqual(acknowledged.acknowledgedAt);
    const activity = await prisma.activityLog.findMany({
      where: { entity: "Escalation", entityId: escalation.id },
      select: { action: true, summary: true },
    });
    expect(activity.map((a) => a.action)).toEqual([
      "escalation.opened",
      "escalation.status_changed",
      "escalation.action_recorded",
      "escalation.resolved",
    ]);
    expect(activity.map((a) => a.summary).join(" ")).not.toContain("Counselling started");

    // Whoever raised it (the tutor who recorded the failure) is told the outcome; the resolver and the student are not.
    const told = await prisma.notification.findMany({
      where: { kind: "ESCALATION_RESOLVED" },
      select: { userId: true, body: true, link: true },
    });
    expect(told).toEqual([{ userId: tutor.id, body: `Outcome: ${outcome}`, link: `/cases/${caseId}/escalations` }]);
    expect(await prisma.notification.count({ where: { userId: student.userId } })).toBe(0);

    // Resolved is terminal.
    const again = await queueCall(
      advisor.id,
      { intent: "status", escalationId: escalation.id, to: "IN_PROGRESS", expectedVersion: "4" },
      search,
    );
    expect(again.status).toBe(400);
    expect(again.data.result.error[""][0]).toMatch(/resolved escalations do not reopen/);

    // The default queue no longer lists it; the resolved filter does.
    const open = await call(queueLoader, { userId: advisor.id, path: "/office/escalations" });
    expect(open.data.queue.rows.map((r: { id: string }) => r.id)).not.toContain(escalation.id);
    const done = await call(queueLoader, { userId: advisor.id, path: "/office/escalations?status=RESOLVED" });
    expect(done.data.queue.rows.map((r: { id: string }) => r.id)).toEqual([escalation.id]);
  });

  it("refuses a stale form with a conflict message and keeps what was typed", async () => {
    const { escalation, advisor, admin } = await createEscalatedCase();
    expect(
      (await queueCall(advisor.id, { intent: "status", escalationId: escalation.id, to: "ACKNOWLEDGED", expectedVersion: "1" })).status,
    ).toBe(302);
    const stale = await queueCall(admin.id, {
      intent: "action",
      escalationId: escalation.id,
      action: "PLAN_REBUILD",
      actionOn: today(),
      note: "Rebuild around the weak systems",
      expectedVersion: "1",
    });
    expect(stale.status).toBe(409);
    expect(stale.data.result.error[""][0]).toMatch(/Someone else changed this escalation/);
    expect(stale.data.result.initialValue).toMatchObject({ action: "PLAN_REBUILD", note: "Rebuild around the weak systems" });
    expect(await prisma.escalationEvent.count({ where: { escalationId: escalation.id, kind: "ACTION" } })).toBe(0);
  });

  it("refuses a stale status change, keeping the outcome typed, and lets only one of two simultaneous changes through", async () => {
    const { escalation, advisor, admin } = await createEscalatedCase();
    // Two people acknowledge the same version at once: one wins, the other is told.
    const both = await Promise.all(
      [advisor.id, admin.id].map((userId) =>
        queueCall(userId, { intent: "status", escalationId: escalation.id, to: "ACKNOWLEDGED", expectedVersion: "1" }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([302, 409]);
    const winner = both[0].status === 302 ? advisor.id : admin.id;
    let row = await prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } });
    expect(row).toMatchObject({ status: "ACKNOWLEDGED", version: 2, ownerId: winner });

    const outcome = "Agreed a new plan with the student.";
    const stale = await queueCall(admin.id, {
      intent: "status",
      escalationId: escalation.id,
      to: "RESOLVED",
      outcome,
      expectedVersion: "1",
    });
    expect(stale.status).toBe(409);
    expect(stale.data.result.error[""][0]).toMatch(/Someone else changed this escalation/);
    expect(stale.data.result.initialValue).toMatchObject({ to: "RESOLVED", outcome });
    row = await prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } });
    expect(row).toMatchObject({ status: "ACKNOWLEDGED", version: 2, outcome: null, resolvedAt: null });
    expect(await prisma.escalationEvent.count({ where: { escalationId: escalation.id, kind: "STATUS" } })).toBe(1);
    expect(await prisma.escalationEvent.count({ where: { escalationId: escalation.id, kind: "OWNER" } })).toBe(1);
    expect(
      await prisma.activityLog.count({
        where: { entityId: escalation.id, action: { in: ["escalation.status_changed", "escalation.resolved"] } },
      }),
    ).toBe(1);
    expect(await prisma.notification.count({ where: { caseId: escalation.caseId, kind: "ESCALATION_RESOLVED" } })).toBe(0);
  });

  it("refuses a stale owner change and keeps the choice made", async () => {
    const { escalation, advisor, admin } = await createEscalatedCase();
    expect(
      (await queueCall(advisor.id, { intent: "status", escalationId: escalation.id, to: "ACKNOWLEDGED", expectedVersion: "1" })).status,
    ).toBe(302);
    const stale = await queueCall(advisor.id, { intent: "owner", escalationId: escalation.id, ownerId: admin.id, expectedVersion: "1" });
    expect(stale.status).toBe(409);
    expect(stale.data.result.error[""][0]).toMatch(/Someone else changed this escalation/);
    expect(stale.data.result.initialValue).toMatchObject({ ownerId: admin.id });
    expect(await prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } })).toMatchObject({ ownerId: advisor.id, version: 2 });
    expect(await prisma.escalationEvent.count({ where: { escalationId: escalation.id, kind: "OWNER" } })).toBe(1);
    expect(await prisma.activityLog.count({ where: { entityId: escalation.id, action: "escalation.owner_changed" } })).toBe(0);
    expect(await prisma.notification.count({ where: { userId: admin.id, kind: "ESCALATION_ASSIGNED" } })).toBe(0);
  });

  it("records an accommodation request's status on the student profile, and needs that status", async () => {
    const { escalation, advisor, student } = await createEscalatedCase();
    const missing = await queueCall(advisor.id, {
      intent: "action",
      escalationId: escalation.id,
      action: "ACCOMMODATION_REQUEST",
      actionOn: today(),
      expectedVersion: "1",
    });
    expect(missing.status).toBe(400);
    expect(missing.data.result.error.accommodationStatus).toBeDefined();
    const granted = await queueCall(advisor.id, {
      intent: "action",
      escalationId: escalation.id,
      action: "ACCOMMODATION_REQUEST",
      actionOn: today(),
      accommodationStatus: "GRANTED",
      expectedVersion: "1",
    });
    expect(granted.status).toBe(302);
    const profile = await prisma.studentProfile.findUniqueOrThrow({ where: { id: student.studentId } });
    expect(profile.accommodationStatus).toBe("GRANTED");
    const event = await prisma.escalationEvent.findFirstOrThrow({ where: { escalationId: escalation.id, kind: "ACTION" } });
    expect(event).toMatchObject({ action: "ACCOMMODATION_REQUEST", accommodationStatus: "GRANTED" });
    // The action started work on the open escalation: acknowledged and owned by the advisor, at the action's instant.
    const row = await prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } });
    expect(row).toMatchObject({ status: "IN_PROGRESS", ownerId: advisor.id, version: 2 });
    expect(row.acknowledgedAt).toEqual(event.createdAt);
    const owner = await prisma.escalationEvent.findFirstOrThrow({ where: { escalationId: escalation.id, kind: "OWNER" } });
    expect(owner).toMatchObject({ actorId: advisor.id, createdAt: event.createdAt });
    // One activity entry for the action, one for the student's accommodation status (statuses only, no details).
    const actionLog = await prisma.activityLog.findFirstOrThrow({
      where: { entityId: escalation.id, action: "escalation.action_recorded" },
    });
    expect(JSON.parse(actionLog.after ?? "null")).toMatchObject({
      status: "IN_PROGRESS",
      ownerId: advisor.id,
      action: "ACCOMMODATION_REQUEST",
    });
    const profileLog = await prisma.activityLog.findMany({
      where: { entity: "StudentProfile", entityId: student.studentId },
      select: { action: true, actorId: true, caseId: true, summary: true, before: true, after: true },
    });
    expect(profileLog).toEqual([
      {
        action: "student.accommodation_status",
        actorId: advisor.id,
        caseId: escalation.caseId,
        summary: "Accommodation status set to granted",
        before: JSON.stringify({ accommodationStatus: "NONE" }),
        after: JSON.stringify({ accommodationStatus: "GRANTED" }),
      },
    ]);
  });

  it("sets the owner to an advisor or admin of the school only, and tells them", async () => {
    const { escalation, advisor, admin, tutor } = await createEscalatedCase();
    const elsewhere = await createSchoolWithCase();
    for (const ownerId of [elsewhere.advisor.id, tutor.id]) {
      const res = await queueCall(advisor.id, { intent: "owner", escalationId: escalation.id, ownerId, expectedVersion: "1" });
      expect(res.status).toBe(400);
      expect(res.data.result.error.ownerId[0]).toMatch(/advisor or an administrator of this school/);
    }
    const ok = await queueCall(advisor.id, { intent: "owner", escalationId: escalation.id, ownerId: admin.id, expectedVersion: "1" });
    expect(ok.status).toBe(302);
    expect((await prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } })).ownerId).toBe(admin.id);
    expect(await prisma.notification.count({ where: { userId: admin.id, kind: "ESCALATION_ASSIGNED" } })).toBe(1);
    const owned = await prisma.activityLog.findMany({
      where: { entity: "Escalation", entityId: escalation.id, action: "escalation.owner_changed" },
      select: { actorId: true, caseId: true, before: true, after: true },
    });
    expect(owned).toEqual([
      {
        actorId: advisor.id,
        caseId: escalation.caseId,
        before: JSON.stringify({ ownerId: null }),
        after: JSON.stringify({ ownerId: admin.id }),
      },
    ]);
    const ownerEvents = await prisma.escalationEvent.findMany({ where: { escalationId: escalation.id, kind: "OWNER" } });
    expect(ownerEvents).toHaveLength(1);
    expect(ownerEvents[0]).toMatchObject({ actorId: advisor.id, note: `Owner: ${admin.name}` });
    const mine = await call(queueLoader, { userId: admin.id, path: "/office/escalations?mine=1" });
    expect(mine.data.queue.rows.map((r: { id: string }) => r.id)).toEqual([escalation.id]);
    const notMine = await call(queueLoader, { userId: advisor.id, path: "/office/escalations?mine=1" });
    expect(notMine.data.queue.rows).toEqual([]);
  });

  it("puts overdue escalations first and marks them, and its query count does not grow with the queue", async () => {
    const { school, advisor, escalation } = await createEscalatedCase();
    const later = await createStudent(school.id);
    await createFailedCase({ studentId: later.studentId, takenOn: addDays(today(), -40) });
    await recordAttempt({ studentId: later.studentId, exam: "STEP1", takenOn: addDays(today(), -5), outcome: "FAIL", actorId: advisor.id });
    const overdueOne = await prisma.escalation.findFirstOrThrow({ where: { case: { studentId: later.studentId } } });
    await prisma.escalation.update({
      where: { id: overdueOne.id },
      data: { acknowledgeBy: addDays(today(), -3), resolveBy: addDays(today(), 10), createdAt: new Date(Date.now() - 5 * 86_400_000) },
    });

    const res = await call(queueLoader, { userId: advisor.id, path: "/office/escalations" });
    const small = await countCall(() => call(queueLoader, { userId: advisor.id, path: "/office/escalations" }));
    expect(res.data.queue.rows.map((r: { id: string }) => r.id)).toEqual([overdueOne.id, escalation.id]);
    expect(res.data.queue.rows[0].overdue.state).toBe("ACK_OVERDUE");
    expect(res.data.queue.rows[0].overdueLabel).toMatch(/^Acknowledgement 3 days overdue/);
    expect(res.data.queue.rows[1].overdue.state).toBe("NONE");
    expect(res.data.queue.overdue).toBe(1);
    const newest = await call(queueLoader, { userId: advisor.id, path: "/office/escalations?sort=newest" });
    expect(newest.data.queue.rows.map((r: { id: string }) => r.id)).toEqual([escalation.id, overdueOne.id]);

    // Twenty more escalations: the same number of queries.
    for (let i = 0; i < 20; i++) {
      const s = await createStudent(school.id);
      await createFailedCase({ studentId: s.studentId, takenOn: addDays(today(), -40) });
      await recordAttempt({ studentId: s.studentId, exam: "STEP1", takenOn: addDays(today(), -5), outcome: "FAIL", actorId: null });
    }
    const big = await call(queueLoader, { userId: advisor.id, path: "/office/escalations" });
    expect(big.data.queue.total).toBe(22);
    expect(await countCall(() => call(queueLoader, { userId: advisor.id, path: "/office/escalations" }))).toBe(small);
  });

  it("lets an admin of the school into the queue and keeps everyone else out", async () => {
    const { admin, student, escalation } = await createEscalatedCase();
    expect((await call(queueLoader, { userId: admin.id, path: `/office/escalations?open=${escalation.id}` })).status).toBe(200);
    expect((await call(queueLoader, { userId: student.userId, path: "/office/escalations" })).status).toBe(403);
    expect((await call(queueLoader, { userId: null, path: "/office/escalations" })).status).toBe(302);
    const lone = await createUser({ schoolId: escalation.schoolId, role: "TUTOR" });
    expect((await call(queueLoader, { userId: lone.id, path: "/office/escalations" })).status).toBe(403);
  });
});
