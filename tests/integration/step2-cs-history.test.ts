import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commitImport, previewImport } from "#app/domain/imports/import.server";
import { prisma } from "#app/utils/db.server";
import { createSchool, createStudent, createUser } from "../factories";

const csv = (rows: string[][]) => rows.map((r) => r.join(",")).join("\n");

describe("Step 2 CS is history, not a case", () => {
  it("imports a Step 2 CS failure as an attempt on the record that opens no case", async () => {
    const school = await createSchool();
    const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
    const students = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "s.csv",
      content: csv([
        ["student_id", "email", "name"],
        ["CS-1", "cs1@example.edu", "Casey History"],
      ]),
      actorId: advisor.id,
    });
    if (!students.ok) throw new Error(JSON.stringify(students.errors));
    await commitImport({ batchId: students.batchId, schoolIds: [school.id], actorId: advisor.id });

    const preview = await previewImport({
      schoolId: school.id,
      kind: "ATTEMPTS",
      fileName: "a.csv",
      content: csv([
        ["student_id", "exam", "taken_on", "outcome", "score"],
        ["CS-1", "Step 2 CS", "2019-05-01", "fail", ""],
      ]),
      actorId: advisor.id,
    });
    if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
    const committed = await commitImport({ batchId: preview.batchId, schoolIds: [school.id], actorId: advisor.id });
    expect(committed.ok).toBe(true);

    const profile = await prisma.studentProfile.findFirstOrThrow({ where: { schoolId: school.id, externalId: "CS-1" } });
    expect(
      await prisma.examAttempt.findMany({
        where: { studentId: profile.id },
        select: { exam: true, takenOn: true, outcome: true, caseId: true },
      }),
    ).toEqual([{ exam: "STEP2_CS", takenOn: "2019-05-01", outcome: "FAIL", caseId: null }]);
    // No intake case ("1 used · 3 left"), no escalation.
    expect(await prisma.retakeCase.count({ where: { studentId: profile.id } })).toBe(0);
    expect(await prisma.escalation.count({ where: { schoolId: school.id } })).toBe(0);
  });

  it("closes the Step 2 CS cases recorded before, by a migration that says why", async () => {
    const school = await createSchool();
    const student = await createStudent(school.id);
    const other = await createStudent(school.id);
    // As the app once opened them: a case for the Step 2 CS failure, and an ordinary Step 1 case.
    const attempt = await prisma.examAttempt.create({
      data: { schoolId: school.id, studentId: student.studentId, exam: "STEP2_CS", takenOn: "2019-05-01", outcome: "FAIL" },
    });
    const cs = await prisma.retakeCase.create({
      data: {
        schoolId: school.id,
        studentId: student.studentId,
        exam: "STEP2_CS",
        openingAttemptId: attempt.id,
        attemptsUsed: 1,
        riskLevel: "MODERATE",
        riskRank: 2,
      },
    });
    await prisma.examAttempt.update({ where: { id: attempt.id }, data: { caseId: cs.id } });
    const step1 = await prisma.retakeCase.create({ data: { schoolId: school.id, studentId: other.studentId, exam: "STEP1" } });

    const sql = readFileSync(path.resolve("prisma/migrations/20261202103226_close_step2_cs_cases/migration.sql"), "utf8");
    for (const statement of sql
      .split(/;\s*$/m)
      .map((s) => s.replace(/^--.*$/gm, "").trim())
      .filter(Boolean)) {
      await prisma.$executeRawUnsafe(statement);
    }

    const closed = await prisma.retakeCase.findUniqueOrThrow({ where: { id: cs.id } });
    expect(closed).toMatchObject({ status: "CLOSED", outcome: null, openSlot: null, riskLevel: null, riskRank: 0, version: 2 });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(Number.isNaN(closed.closedAt?.getTime())).toBe(false);
    // The attempt stays on the record, with its case.
    expect(await prisma.examAttempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { caseId: true } })).toEqual({ caseId: cs.id });
    const log = await prisma.activityLog.findMany({ where: { caseId: cs.id }, select: { action: true, summary: true, actorId: true } });
    expect(log).toEqual([
      {
        action: "case.closed_discontinued_exam",
        actorId: null,
        summary:
          "Closed: Step 2 CS was discontinued (last given 16 Mar 2020). Its attempts stay on the record and count toward the attempt limit, but there is no retake to prepare for.",
      },
    ]);
    expect(await prisma.retakeCase.findUniqueOrThrow({ where: { id: step1.id }, select: { status: true, openSlot: true } })).toEqual({
      status: "INTAKE",
      openSlot: "OPEN",
    });
  });
});
