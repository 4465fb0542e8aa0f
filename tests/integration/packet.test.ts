/**
 * The committee packet: read at the office tier — no private record reaches
 * it, not even the advisor's own — by the office and the case's tutor; the
 * office records its disclosure outside the school in the student's log.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { today } from "#app/domain/dates";
import { action, loader } from "#app/routes/app/cases/packet";
import { prisma } from "#app/utils/db.server";
import { createSchoolWithCase } from "../factories";
import { call } from "../utils/route";
import { createWorld, type World } from "../utils/world";

let world: World;
let path: string;
let params: { caseId: string };

beforeAll(async () => {
  world = await createWorld();
  path = `/cases/${world.caseId}/packet`;
  params = { caseId: world.caseId };
});

describe("the committee packet", () => {
  it("holds no private-tier text, whoever in the office reads it, and the office and student tiers are there", async () => {
    for (const role of ["advisor", "admin", "tutor"] as const) {
      const res = await call(loader, { userId: world.users[role], path, params });
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.data);
      for (const marker of [...world.markers["private to the tutor"], ...world.markers["private to the advisor"]]) {
        expect(text, `${role} reads "${marker}"`).not.toContain(marker);
      }
      // Not passing by showing nothing: the office's and the student's session notes are in it.
      expect(text).toContain(world.markers.office[0]);
      expect(text).toContain(world.markers.student[0]);
      expect(res.data.packet.escalations.length).toBeGreaterThan(0);
      expect(res.data.packet.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(["FAIL", "FAIL"]);
      expect(res.data.packet.planVersions.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    }
  });

  it("lists every session held, with a summary only when it is shared with the office", async () => {
    const held = await prisma.sessionRecord.count({ where: { caseId: world.caseId } });
    const privateSummary = `PRIVSESSION${Date.now()}`;
    const officeSummary = `OFFICESESSION${Date.now()}`;
    await prisma.sessionRecord.createMany({
      data: [
        {
          caseId: world.caseId,
          authorId: world.users.advisor,
          kind: "MEETING",
          sessionOn: today(),
          summary: privateSummary,
          visibility: "PRIVATE",
        },
        {
          caseId: world.caseId,
          authorId: world.users.tutor,
          kind: "CALL",
          sessionOn: today(),
          summary: officeSummary,
          visibility: "OFFICE",
          durationMinutes: 30,
        },
      ],
    });
    const res = await call(loader, { userId: world.users.advisor, path, params });
    const text = JSON.stringify(res.data);
    expect(text).not.toContain(privateSummary);
    expect(text).toContain(officeSummary);
    // The world's own sessions (one per tier) and these two: every one is listed, whoever wrote it and whatever its tier.
    expect(res.data.packet.sessionRecords).toHaveLength(held + 2);
  });

  it("is for the staff on the case, and only for an escalated case", async () => {
    const tutor = await call(loader, { userId: world.users.tutor, path, params });
    expect(tutor.status).toBe(200);
    expect(tutor.data.canDisclose).toBe(false);
    for (const role of ["student", "otherTutor", "otherSchoolAdvisor"] as const) {
      const res = await call(loader, { userId: world.users[role], path, params });
      expect(res.thrown, role).toBe(true);
      expect(res.status, role).toBe(403);
    }
    const quiet = await createSchoolWithCase({ takenBy: "tutor" });
    const none = await call(loader, { userId: quiet.advisor.id, path: `/cases/${quiet.caseId}/packet`, params: { caseId: quiet.caseId } });
    expect(none.status).toBe(404);
  });

  it("records a disclosure outside the school in the student's log, and tells the student", async () => {
    const form = {
      intent: "disclose",
      recipient: "State medical licensing board",
      purpose: "Review of the student's progress",
      disclosedOn: today(),
      consentReference: "Signed consent 2026-114",
    };
    const refused = await call(action, { userId: world.users.tutor, path, params, form });
    expect(refused.status).toBe(403);
    const bad = await call(action, {
      userId: world.users.advisor,
      path,
      params,
      form: { ...form, recipient: "", disclosedOn: "2999-01-01" },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.data.result.error).sort()).toEqual(["disclosedOn", "recipient"]);
    expect(bad.data.result.initialValue.purpose).toBe(form.purpose);

    const res = await call(action, { userId: world.users.advisor, path, params, form });
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    const logged = await prisma.disclosure.findFirstOrThrow({ where: { studentId: world.student.studentId, recipient: form.recipient } });
    expect(logged).toMatchObject({
      purpose: form.purpose,
      disclosedOn: form.disclosedOn,
      consentReference: form.consentReference,
      recordedById: world.users.advisor,
      schoolId: world.schoolId,
    });
    expect(logged.records).toMatch(/Committee packet/);
    const told = await prisma.notification.findFirst({
      where: { userId: world.student.userId, kind: "DISCLOSURE", body: { contains: form.recipient } },
    });
    expect(told).not.toBeNull();
  });

  it("a forged request is refused", async () => {
    const res = await call(action, { userId: world.users.advisor, path, params, form: { intent: "delete", recipient: "x" } });
    expect(res.status).toBe(400);
  });
});
