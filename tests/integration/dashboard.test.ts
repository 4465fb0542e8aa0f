import { describe, expect, it } from "vitest";
import { escalationCounts } from "../../app/domain/dashboard/queries.server";
import { addDays, type IsoDate, today } from "../../app/domain/dates";
import { overdueEscalationWhere, overdueState } from "../../app/domain/escalations/workflow";
import type { EscalationStatus } from "../../app/domain/vocabulary";
import { loader as homeLoader } from "../../app/routes/app/home";
import { loader as dashboardLoader } from "../../app/routes/app/office/dashboard";
import { prisma } from "../../app/utils/db.server";
import { seed } from "../../prisma/seed";
import { call } from "../utils/route";
import { createFailedCase, createSchool, createSchoolWithCase, createStudent, createUser, takeCaseAs } from "../factories";

describe("office dashboard", () => {
  it("shows figures equal to counts computed independently from the demo data", async () => {
    await seed();
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
  }, 90_000); // the whole demo seed runs first: two schools, written through the app's mutations

  it("is for the office only", async () => {
    const school = await createSchool();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    expect((await call(dashboardLoader, { userId: tutor.id, path: "/office" })).status).toBe(403);
  });
});

describe("overdue escalations: one rule", () => {
  it("the database filter, the dashboard's SQL, the staff home and overdueState agree on every boundary", async () => {
    const { school, caseId, advisor } = await createSchoolWithCase();
    const on = today();
    const [yesterday, tomorrow] = [addDays(on, -1), addDays(on, 1)];
    const rows: Array<[EscalationStatus, IsoDate, IsoDate, Date | null]> = [
      ["OPEN", on, tomorrow, null], // due today: not overdue
      ["OPEN", yesterday, tomorrow, null], // acknowledgement missed
      ["OPEN", yesterday, tomorrow, new Date()], // acknowledged (timestamp) though still marked open
      ["ACKNOWLEDGED", yesterday, tomorrow, new Date()], // acknowledged in time for resolving
      ["ACKNOWLEDGED", yesterday, yesterday, new Date()], // resolution missed
      ["IN_PROGRESS", on, on, new Date()], // resolve by today: not overdue
      ["RESOLVED", yesterday, yesterday, new Date()], // resolved: never overdue
    ];
    for (const [status, acknowledgeBy, resolveBy, acknowledgedAt] of rows) {
      await prisma.escalation.create({
        data: { schoolId: school.id, caseId, trigger: "MANUAL", reason: "Boundary case", status, acknowledgeBy, resolveBy, acknowledgedAt },
      });
    }
    const all = await prisma.escalation.findMany({
      where: { schoolId: school.id },
      select: { id: true, status: true, acknowledgeBy: true, resolveBy: true, acknowledgedAt: true },
    });
    const expected = all
      .filter((e) => overdueState(e, on).state !== "NONE")
      .map((e) => e.id)
      .sort();
    expect(expected).toHaveLength(2);
    const filtered = await prisma.escalation.findMany({
      where: { schoolId: school.id, AND: [overdueEscalationWhere(on)] },
      select: { id: true },
    });
    expect(filtered.map((e) => e.id).sort()).toEqual(expected);
    const unresolved = all.filter((e) => e.status !== "RESOLVED").length;
    expect(await escalationCounts([school.id], on)).toEqual({ open: unresolved, overdue: expected.length });
    const dashboard = await call(dashboardLoader, { userId: advisor.id, path: "/office" });
    expect(dashboard.data.dashboard.figures).toMatchObject({ openEscalations: unresolved, overdueEscalations: expected.length });
    const home = await call(homeLoader, { userId: advisor.id, path: "/" });
    expect(home.data.staff.escalations).toEqual({ open: unresolved, overdue: expected.length });
  });
});

describe("the staff home", () => {
  it("shows someone who is office at one school and tutor at another the office figures and their own students", async () => {
    const office = await createSchoolWithCase();
    const elsewhere = await createSchool();
    const person = office.advisor;
    await prisma.membership.create({ data: { userId: person.id, schoolId: elsewhere.id, role: "TUTOR" } });
    const student = await createStudent(elsewhere.id);
    const { caseId } = await createFailedCase({ studentId: student.studentId });
    await takeCaseAs({ caseId, tutorId: person.id, targetExamDate: addDays(today(), 10) });

    const home = await call(homeLoader, { userId: person.id, path: "/" });
    expect(home.status).toBe(200);
    expect(home.data.staff.isOffice).toBe(true);
    expect(home.data.staff.escalations).toEqual({ open: 0, overdue: 0 });
    // Their own caseload is the case they tutor, not the office school's cases.
    expect(home.data.staff.nearest.total).toBe(1);
    expect(home.data.staff.nearest.rows.map((r: { id: string }) => r.id)).toEqual([caseId]);
    // Exams soon count the office schools' cases only, as the dashboard does.
    const dashboard = await call(dashboardLoader, { userId: person.id, path: "/office" });
    expect(home.data.staff.examsSoon).toBe(dashboard.data.dashboard.figures.examsSoon);
    expect(home.data.staff.examsSoon).toBe(0);

    // Office only: no caseload is read; tutor only: no office figures.
    const advisorOnly = await call(homeLoader, { userId: office.admin.id, path: "/" });
    expect(advisorOnly.data.staff).toMatchObject({ isOffice: true, nearest: null, milestones: [] });
    const tutorOnly = await call(homeLoader, { userId: office.tutor.id, path: "/" });
    expect(tutorOnly.data.staff).toMatchObject({ isOffice: false, escalations: null, examsSoon: 0 });
    expect(tutorOnly.data.staff.nearest.total).toBe(0);
  });
});
