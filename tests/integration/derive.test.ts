import { describe, expect, it } from "vitest";
import { recordAttempt } from "#app/domain/attempts/mutations.server";
import { likePattern } from "#app/domain/cases/caseload.server";
import { refreshDerived, refreshStaleCases } from "#app/domain/cases/derive.server";
import { addDays, today } from "#app/domain/dates";
import { prisma } from "#app/utils/db.server";
import { createSchoolWithCase } from "../factories";

describe("derived case figures", () => {
  it("raises the stored risk level when a second failure is recorded", async () => {
    const { caseId, student, advisor } = await createSchoolWithCase();
    const first = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(first.riskLevel).toBe("LOW");
    const second = await recordAttempt({
      studentId: student.studentId,
      exam: "STEP1",
      takenOn: addDays(today(), -1),
      outcome: "FAIL",
      actorId: advisor.id,
    });
    expect(second.ok).toBe(true);
    const after = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(["HIGH", "CRITICAL"]).toContain(after.riskLevel);
    expect(after.riskRank).toBeGreaterThanOrEqual(3);
    expect(after.openEscalations).toBe(1);
    expect(after.attemptsUsed).toBe(2);
  });

  it("stores the latest practice score on its own scale with its weekly trend, and whether the gate is met", async () => {
    const { caseId, student } = await createSchoolWithCase();
    const scores = [60, 64, 68];
    for (const [i, score] of scores.entries()) {
      await prisma.practiceExam.create({
        data: {
          studentId: student.studentId,
          caseId,
          instrumentId: "NBME_CBSSA",
          form: `Form ${27 + i}`,
          takenOn: addDays(today(), -14 + 7 * i),
          score,
        },
      });
    }
    await prisma.$transaction((tx) => refreshDerived(tx, [caseId]));
    const row = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.latestPracticeInstrument).toBe("NBME_CBSSA");
    expect(row.latestPracticeScore).toBe(68);
    expect(row.practiceTrend).toBeCloseTo(4, 5);
    // 68 ± 4 overlaps the default low-pass band (62–68): not ready.
    expect(row.readinessMet).toBe(false);
  });

  it("refreshes open cases once a day", async () => {
    const { caseId } = await createSchoolWithCase();
    await prisma.retakeCase.update({ where: { id: caseId }, data: { derivedAt: new Date("2020-01-01T00:00:00Z"), riskLevel: null } });
    expect(await refreshStaleCases()).toBeGreaterThanOrEqual(1);
    const row = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.riskLevel).not.toBeNull();
    expect(await refreshStaleCases()).toBe(0);
  });
});

describe("search", () => {
  it("escapes LIKE wildcards in the search text", () => {
    expect(likePattern("100%_a\\b")).toBe("%100\\%\\_a\\\\b%");
  });
});
