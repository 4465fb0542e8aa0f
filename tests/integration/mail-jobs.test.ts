/**
 * Mail about the work (ADR 0013): an escalation raised mails its owner or the
 * school's office in the same transaction; an overdue escalation mails once
 * per missed deadline; the weekly digest tells tutors and advisors what
 * changed in their cases, once a week, unless they opted out.
 */
import { describe, expect, it } from "vitest";
import { addDays, startOfIsoWeek, today as todayOf } from "#app/domain/dates";
import { changeEscalationStatus, raiseEscalation } from "#app/domain/escalations/mutations.server";
import { mailOverdueEscalations, mailWeeklyDigests } from "#app/domain/mail/jobs.server";
import { prisma } from "#app/utils/db.server";
import { createEscalatedCase, createSchoolWithCase, createUser } from "../factories";
import { outboxTo } from "../utils/mail";

describe("escalation mail", () => {
  it("a tutor raising an escalation mails each member of the office, not the raiser, with no student details", async () => {
    const { caseId, tutor, advisor, admin, student, school } = await createSchoolWithCase({ takenBy: "tutor" });
    const result = await raiseEscalation({ caseId, actorId: tutor.id, role: "TUTOR", reason: "Stopped attending sessions" });
    expect(result.ok).toBe(true);
    for (const member of [advisor, admin]) {
      const [mail] = await outboxTo(member.email, "ESCALATION_RAISED");
      expect(mail).toMatchObject({ schoolId: school.id, userId: member.id, subject: `Escalation raised at ${school.name}` });
      expect(mail.text).toContain(`/cases/${caseId}/escalations`);
      expect(mail.text).not.toContain(student.name);
      expect(mail.text).not.toContain("Stopped attending sessions");
    }
    expect(await outboxTo(tutor.email)).toEqual([]);
  });

  it("a second failure's automatic escalation mails the office once", async () => {
    const { advisor, admin, escalation } = await createEscalatedCase();
    expect(await outboxTo(advisor.email, "ESCALATION_RAISED")).toHaveLength(1);
    expect(await outboxTo(admin.email, "ESCALATION_RAISED")).toHaveLength(1);
    expect((await outboxTo(advisor.email, "ESCALATION_RAISED"))[0].ref).toBe(`escalation:${escalation.id}`);
  });

  it("an overdue escalation mails once per missed deadline: the office while it has no owner, then only the owner", async () => {
    const { advisor, admin, escalation } = await createEscalatedCase();
    const now = new Date();
    const today = todayOf(now);
    await prisma.escalation.update({
      where: { id: escalation.id },
      data: { acknowledgeBy: addDays(today, -1), resolveBy: addDays(today, 5) },
    });
    expect(await mailOverdueEscalations(now)).toBeGreaterThanOrEqual(1);
    for (const member of [advisor, admin]) {
      const overdue = await outboxTo(member.email, "ESCALATION_OVERDUE");
      expect(overdue).toHaveLength(1);
      expect(overdue[0].subject).toMatch(/^Escalation overdue at /);
      expect(overdue[0].text).toContain("acknowledged");
    }
    // Running again (or in another process) writes nothing more.
    await mailOverdueEscalations(now);
    await mailOverdueEscalations(new Date(now.getTime() + 3600_000));
    expect(await outboxTo(advisor.email, "ESCALATION_OVERDUE")).toHaveLength(1);
    // The advisor acknowledges it (and owns it); later the resolution is overdue: only the owner hears of it.
    const version = (await prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } })).version;
    expect(
      await changeEscalationStatus({
        escalationId: escalation.id,
        to: "ACKNOWLEDGED",
        expectedVersion: version,
        actorId: advisor.id,
        role: "ADVISOR",
      }),
    ).toMatchObject({ ok: true });
    expect((await prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } })).ownerId).toBe(advisor.id);
    await prisma.escalation.update({ where: { id: escalation.id }, data: { resolveBy: addDays(today, -1) } });
    await mailOverdueEscalations(now);
    const advisorMail = await outboxTo(advisor.email, "ESCALATION_OVERDUE");
    expect(advisorMail).toHaveLength(2);
    expect(advisorMail[1].text).toContain("resolved");
    expect(await outboxTo(admin.email, "ESCALATION_OVERDUE")).toHaveLength(1);
  });
});

describe("the weekly digest", () => {
  /** Monday 08:00 UTC of the week after `at`: when the digest of `at`'s week goes out. */
  const nextMondayMorning = (at: Date) => new Date(`${addDays(startOfIsoWeek(todayOf(at)), 7)}T08:00:00.000Z`);

  it("tells a tutor what changed in their cases the week before, once; not before Monday morning; never an opted-out one", async () => {
    const { tutor, caseId, school, advisor: optedOut } = await createEscalatedCase();
    const quiet = await createUser({ schoolId: school.id, role: "TUTOR" });
    await prisma.user.update({ where: { id: optedOut.id }, data: { weeklyDigest: false } });
    expect(await prisma.notification.count({ where: { userId: optedOut.id } })).toBeGreaterThan(0);
    const sendAt = nextMondayMorning(new Date());
    expect(await mailWeeklyDigests(new Date(sendAt.getTime() - 2 * 3600_000))).toBe(0);
    expect(await mailWeeklyDigests(sendAt)).toBeGreaterThanOrEqual(1);
    const [digest, ...more] = await outboxTo(tutor.email, "WEEKLY_DIGEST");
    expect(more).toEqual([]);
    expect(digest.subject).toMatch(/^Your week on Retake Desk: /);
    expect(digest.text).toMatch(/\d+ escalations? opened/);
    expect(digest.text).toContain("1 of your cases");
    expect(digest.text).toContain("/account");
    expect(digest.html).toContain("<ul><li>");
    expect(digest.text).not.toContain(caseId);
    expect(await outboxTo(quiet.email, "WEEKLY_DIGEST")).toEqual([]);
    expect(await outboxTo(optedOut.email, "WEEKLY_DIGEST")).toEqual([]);
    // Later that week, and in another process: nothing more.
    await mailWeeklyDigests(new Date(sendAt.getTime() + 26 * 3600_000));
    expect(await outboxTo(tutor.email, "WEEKLY_DIGEST")).toHaveLength(1);
  });

  it("is not for students", async () => {
    const { student } = await createEscalatedCase();
    await prisma.notification.create({
      data: {
        userId: student.userId,
        schoolId: (await prisma.membership.findFirstOrThrow({ where: { userId: student.userId } })).schoolId,
        kind: "PLAN_ASSIGNED",
        title: "t",
        body: "b",
      },
    });
    await mailWeeklyDigests(nextMondayMorning(new Date()));
    expect(await outboxTo(student.email, "WEEKLY_DIGEST")).toEqual([]);
  });
});
