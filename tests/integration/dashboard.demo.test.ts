/**
 * The office dashboard on the demo data: this file starts from a copy of the
 * seeded demo database (its name ends in `.demo.test.ts`: ADR 0007).
 */
import { describe, expect, it } from "vitest";
import { addDays, today } from "#app/domain/dates";
import { loader as dashboardLoader } from "#app/routes/app/office/dashboard";
import { prisma } from "#app/utils/db.server";
import { call } from "../utils/route";

describe("office dashboard", () => {
  it("shows figures equal to counts computed independently from the demo data", async () => {
    const school = await prisma.school.findUniqueOrThrow({ where: { slug: "northfield" } });
    const advisor = await prisma.user.findUniqueOrThrow({ where: { email: "advisor@northfield.edu" } });
    const result = await call(dashboardLoader, { userId: advisor.id, path: "/office" });
    const d = result.data.dashboard;

    const cases = await prisma.retakeCase.findMany({
      where: { schoolId: school.id },
      select: {
        status: true,
        openSlot: true,
        riskLevel: true,
        readinessMet: true,
        targetExamDate: true,
        closedAt: true,
        outcome: true,
        tutorId: true,
      },
    });
    const open = cases.filter((c) => c.openSlot === "OPEN");
    for (const status of ["INTAKE", "DIAGNOSING", "PLANNING", "ACTIVE", "READY", "CLOSED"] as const) {
      expect(d.figures.statusCounts[status] ?? 0, status).toBe(cases.filter((c) => c.status === status).length);
    }
    expect(d.figures.open).toBe(open.length);
    expect(d.figures.atRisk).toBe(open.filter((c) => c.riskLevel === "HIGH" || c.riskLevel === "CRITICAL").length);
    expect(d.figures.readinessMet).toBe(open.filter((c) => c.readinessMet === true).length);
    expect(d.figures.readinessApplicable).toBe(open.filter((c) => c.readinessMet !== null).length);
    const horizon = addDays(today(), 30);
    expect(d.figures.examsSoon).toBe(
      open.filter((c) => c.targetExamDate && c.targetExamDate >= today() && c.targetExamDate <= horizon).length,
    );

    const escalations = await prisma.escalation.findMany({
      where: { schoolId: school.id },
      select: { status: true, acknowledgeBy: true, resolveBy: true, acknowledgedAt: true },
    });
    const unresolved = escalations.filter((e) => e.status !== "RESOLVED");
    expect(d.figures.openEscalations).toBe(unresolved.length);
    expect(d.figures.overdueEscalations).toBe(
      unresolved.filter((e) => (e.status === "OPEN" && !e.acknowledgedAt && e.acknowledgeBy < today()) || e.resolveBy < today()).length,
    );
    expect(d.figures.openEscalations).toBeGreaterThan(0);

    // Outcomes: every case closed in the window, by outcome.
    const closedInWindow = cases.filter((c) => c.closedAt && c.outcome);
    const charted = d.outcomes.reduce((sum: number, m: Record<string, number>) => sum + m.PASSED + m.WITHDRAWN + m.INELIGIBLE, 0);
    expect(charted).toBe(closedInWindow.length);
    expect(d.outcomes.reduce((sum: number, m: Record<string, number>) => sum + m.PASSED, 0)).toBe(
      closedInWindow.filter((c) => c.outcome === "PASSED").length,
    );

    // Next-attempt pass rate from the attempts, counted here by walking each student's history.
    const attempts = await prisma.examAttempt.findMany({
      where: { schoolId: school.id },
      select: { studentId: true, exam: true, takenOn: true, outcome: true },
    });
    const retakes = attempts.filter(
      (a) => a.outcome !== "INCOMPLETE" && attempts.some((b) => b.studentId === a.studentId && b.exam === a.exam && b.takenOn < a.takenOn),
    );
    expect(d.nextAttempt.total).toBe(retakes.length);
    expect(d.nextAttempt.passed).toBe(retakes.filter((a) => a.outcome === "PASS").length);

    // Workload: open cases per tutor.
    for (const w of d.workload) expect(w.total, w.name).toBe(open.filter((c) => c.tutorId === w.tutorId).length);

    // Each gain figure says how many students are behind it, and they add up to the cases with a trend and a plan.
    const withTrend = await prisma.retakeCase.count({
      where: { schoolId: school.id, practiceTrend: { not: null }, plan: { isNot: null } },
    });
    expect(d.gainByTemplate.reduce((s: number, g: { students: number }) => s + g.students, 0)).toBe(withTrend);
    expect(d.gainByTutor.reduce((s: number, g: { students: number }) => s + g.students, 0)).toBe(withTrend);
  });
});
