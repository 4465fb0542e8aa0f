/**
 * The intake queue tells the truth (ADR 0024): oldest failure first, waiting
 * counted from the failure, a logged read-only preview before taking a case
 * on, and a loser's queue that reloads after another tutor won the race.
 */
import { describe, expect, it } from "vitest";
import { addDays, today } from "#app/domain/dates";
import { action as queueAction, loader as queueLoader, shouldRevalidate } from "#app/routes/app/queue/index";
import { loader as previewLoader } from "#app/routes/app/queue/preview";
import { prisma } from "#app/utils/db.server";
import { createFailedCase, createSchoolWithCase, createStudent, createUser } from "../factories";
import { request, signIn } from "../utils/app";
import { call } from "../utils/route";

describe("intake queue order", () => {
  it("lists the oldest failure first and counts waiting from the failure, not from when the case was made", async () => {
    const { school, caseId: thirtyDaysAgo, tutor } = await createSchoolWithCase();
    // Made after the first case, but failed long before it (an import of last term's results).
    const late = await createStudent(school.id);
    const { caseId: ninetyDaysAgo } = await createFailedCase({ studentId: late.studentId, takenOn: addDays(today(), -90) });
    const recent = await createStudent(school.id);
    const { caseId: fiveDaysAgo } = await createFailedCase({ studentId: recent.studentId, takenOn: addDays(today(), -5) });

    const queue = await call(queueLoader, { userId: tutor.id, path: "/queue" });
    const rows: Array<{ id: string; waitingDays: number }> = queue.data.cases;
    expect(rows.map((c) => c.id)).toEqual([ninetyDaysAgo, thirtyDaysAgo, fiveDaysAgo]);
    expect(rows.map((c) => c.waitingDays)).toEqual([90, 30, 5]);
  });
});

describe("intake queue preview", () => {
  it("shows a waiting case read-only to a tutor of its school and logs the read as one access row", async () => {
    const { school, caseId, tutor, student } = await createSchoolWithCase();
    const cookie = await signIn(tutor.id);
    const response = await request(`/queue/${caseId}`, { cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(student.name);
    expect(html).toContain("Attempt history");
    expect(html).toContain("Take on");
    const rows = await prisma.accessLog.findMany({ where: { userId: tutor.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ caseId, schoolId: school.id, studentId: student.studentId, path: `/queue/${caseId}` });
    // Looking is not taking: the case still waits.
    expect((await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).tutorId).toBeNull();
  });

  it("refuses a student, another school's tutor, and a tutor once someone else took the case", async () => {
    const { caseId, tutor, otherTutor, student } = await createSchoolWithCase();
    const elsewhere = await createSchoolWithCase();
    expect((await call(previewLoader, { userId: student.userId, path: `/queue/${caseId}`, params: { caseId } })).status).toBe(403);
    expect((await call(previewLoader, { userId: elsewhere.tutor.id, path: `/queue/${caseId}`, params: { caseId } })).status).toBe(403);
    const taken = await call(queueAction, { userId: tutor.id, path: "/queue", form: { intent: "take", caseId } });
    expect(taken.status).toBe(302);
    expect((await call(previewLoader, { userId: otherTutor.id, path: `/queue/${caseId}`, params: { caseId } })).status).toBe(403);
    const mine = await call(previewLoader, { userId: tutor.id, path: `/queue/${caseId}`, params: { caseId } });
    expect(mine.status).toBe(200);
    expect(mine.data.canTake).toBe(false);
    const missing = await call(previewLoader, { userId: tutor.id, path: "/queue/nope", params: { caseId: "nope" } });
    expect(missing.status).toBe(404);
  });

  it("lets the office preview a waiting case without a take button", async () => {
    const { caseId, advisor } = await createSchoolWithCase();
    const other = await createUser({
      schoolId: (await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).schoolId,
      role: "ADMIN",
    });
    for (const userId of [advisor.id, other.id]) {
      const result = await call(previewLoader, { userId, path: `/queue/${caseId}`, params: { caseId } });
      expect(result.status).toBe(200);
      expect(result.data.canTake).toBe(false);
    }
  });
});

describe("losing the race", () => {
  it("reloads the loser's queue after a 409, so the taken case leaves it", async () => {
    const { caseId, tutor, otherTutor } = await createSchoolWithCase();
    await call(queueAction, { userId: tutor.id, path: "/queue", form: { intent: "take", caseId } });
    const lost = await call(queueAction, { userId: otherTutor.id, path: "/queue", form: { intent: "take", caseId } });
    expect(lost.status).toBe(409);
    const base = {
      currentUrl: new URL("http://localhost/queue"),
      currentParams: {},
      nextUrl: new URL("http://localhost/queue"),
      nextParams: {},
      formMethod: "POST" as const,
      actionResult: lost.data,
      // React Router's own default after an error status.
      defaultShouldRevalidate: false,
    };
    expect(shouldRevalidate({ ...base, actionStatus: 409 })).toBe(true);
    expect(shouldRevalidate({ ...base, actionStatus: 400 })).toBe(false);
    const after = await call(queueLoader, { userId: otherTutor.id, path: "/queue" });
    expect(after.data.cases.map((c: { id: string }) => c.id)).not.toContain(caseId);
  });
});
