import { describe, expect, it } from "vitest";
import { loader as caseLoader } from "#app/routes/app/cases/case";
import { loader as overviewLoader } from "#app/routes/app/cases/overview";
import { prisma } from "#app/utils/db.server";
import { createSchoolWithCase, createStudent, createUser, takeCaseAs } from "../factories";
import { request, signIn } from "../utils/app";
import { call } from "../utils/route";

describe("case access", () => {
  it("lets a student open only their own case", async () => {
    const { school, student, caseId } = await createSchoolWithCase();
    const own = await call(caseLoader, { userId: student.userId, path: `/cases/${caseId}`, params: { caseId } });
    expect(own.status).toBe(200);
    const other = await createStudent(school.id);
    const forbidden = await call(caseLoader, { userId: other.userId, path: `/cases/${caseId}`, params: { caseId } });
    expect(forbidden.thrown).toBe(true);
    expect(forbidden.status).toBe(403);
    const overview = await call(overviewLoader, { userId: other.userId, path: `/cases/${caseId}`, params: { caseId } });
    expect(overview.status).toBe(403);
  });

  it("refuses a tutor and an advisor of another school", async () => {
    const { caseId } = await createSchoolWithCase();
    const elsewhere = await createSchoolWithCase();
    for (const userId of [elsewhere.tutor.id, elsewhere.advisor.id, elsewhere.admin.id]) {
      const result = await call(caseLoader, { userId, path: `/cases/${caseId}`, params: { caseId } });
      expect(result.status).toBe(403);
    }
  });

  it("lets a tutor open a case only while assigned to it", async () => {
    const { caseId, tutor } = await createSchoolWithCase();
    expect((await call(caseLoader, { userId: tutor.id, path: `/cases/${caseId}`, params: { caseId } })).status).toBe(403);
    await takeCaseAs({ caseId, tutorId: tutor.id });
    expect((await call(caseLoader, { userId: tutor.id, path: `/cases/${caseId}`, params: { caseId } })).status).toBe(200);
  });

  it("lets the office open every case of its school, and records staff reads", async () => {
    const { caseId, advisor, school, student } = await createSchoolWithCase();
    const result = await call(caseLoader, { userId: advisor.id, path: `/cases/${caseId}`, params: { caseId } });
    expect(result.status).toBe(200);
    // The page as a browser requests it: one row for the request, whatever the number of loaders.
    const page = await request(`/cases/${caseId}`, { cookie: await signIn(advisor.id) });
    expect(page.status).toBe(200);
    const reads = await prisma.accessLog.findMany({
      where: { caseId, userId: advisor.id },
      select: { path: true, schoolId: true, studentId: true, students: true },
    });
    expect(reads).toEqual([{ path: `/cases/${caseId}`, schoolId: school.id, studentId: student.studentId, students: 1 }]);
  });

  it("answers 404 for a case that does not exist", async () => {
    const { advisor } = await createSchoolWithCase();
    const result = await call(caseLoader, { userId: advisor.id, path: "/cases/nope", params: { caseId: "nope" } });
    expect(result.status).toBe(404);
  });

  it("refuses a user without any role at the school", async () => {
    const { caseId, school } = await createSchoolWithCase();
    const user = await createUser({ schoolId: school.id, role: "TUTOR" });
    await prisma.membership.deleteMany({ where: { userId: user.id } });
    expect((await call(caseLoader, { userId: user.id, path: `/cases/${caseId}`, params: { caseId } })).status).toBe(403);
  });
});
