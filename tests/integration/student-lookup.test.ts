import { describe, expect, it } from "vitest";
import { findStudentByKey, STUDENT_AMBIGUOUS_MESSAGE, STUDENT_NOT_FOUND_MESSAGE } from "#app/domain/cases/students.server";
import { loader as overviewLoader } from "#app/routes/app/cases/overview";
import { prisma } from "#app/utils/db.server";
import { createSchool, createSchoolWithCase, createStudent } from "../factories";
import { call } from "../utils/route";

describe("finding a student by email or student number", () => {
  it("finds one student by number or by email in any case, within the given schools only", async () => {
    const school = await createSchool();
    const other = await createSchool();
    const student = await createStudent(school.id);
    await prisma.studentProfile.update({ where: { id: student.studentId }, data: { externalId: "S-100" } });
    for (const key of ["S-100", student.email.toUpperCase(), ` ${student.email} `]) {
      expect(await findStudentByKey([school.id], key)).toEqual({
        ok: true,
        student: { id: student.studentId, schoolId: school.id, userId: student.userId },
      });
    }
    expect(await findStudentByKey([other.id], "S-100")).toEqual({ ok: false, message: STUDENT_NOT_FOUND_MESSAGE });
    expect(await findStudentByKey([school.id], "  ")).toEqual({ ok: false, message: STUDENT_NOT_FOUND_MESSAGE });
    expect(await findStudentByKey([], "S-100")).toEqual({ ok: false, message: STUDENT_NOT_FOUND_MESSAGE });
  });

  it("refuses a key that matches two students rather than picking one", async () => {
    const a = await createSchool();
    const b = await createSchool();
    const first = await createStudent(a.id);
    const second = await createStudent(b.id);
    // The same student number at two schools the office serves.
    await prisma.studentProfile.update({ where: { id: first.studentId }, data: { externalId: "S-7" } });
    await prisma.studentProfile.update({ where: { id: second.studentId }, data: { externalId: "S-7" } });
    expect(await findStudentByKey([a.id, b.id], "S-7")).toEqual({ ok: false, message: STUDENT_AMBIGUOUS_MESSAGE });
    expect(await findStudentByKey([b.id], "S-7")).toMatchObject({ ok: true, student: { id: second.studentId } });
    // One student's number is another's email.
    const third = await createStudent(a.id);
    await prisma.studentProfile.update({ where: { id: third.studentId }, data: { externalId: first.email } });
    expect(await findStudentByKey([a.id], first.email)).toEqual({ ok: false, message: STUDENT_AMBIGUOUS_MESSAGE });
  });
});

describe("what the case overview sends a student", () => {
  it("leaves out the tutor history and the school's whole policy ladder, which staff see", async () => {
    const { caseId, student, advisor } = await createSchoolWithCase({ takenBy: "tutor" });
    const staff = await call(overviewLoader, { userId: advisor.id, path: `/cases/${caseId}`, params: { caseId } });
    expect(staff.status).toBe(200);
    expect(staff.data.assignments).toHaveLength(1);
    expect(staff.data.policy.ladder.length).toBeGreaterThan(0);
    const own = await call(overviewLoader, { userId: student.userId, path: `/cases/${caseId}`, params: { caseId } });
    expect(own.status).toBe(200);
    expect(own.data.assignments).toEqual([]);
    expect(own.data.policy.ladder).toEqual([]);
    // The student still reads what their own failure number means.
    expect(own.data.policy.rung).toEqual(staff.data.policy.rung);
  });
});
