import { describe, expect, it } from "vitest";
import { escalationCounts } from "../../app/domain/dashboard/queries.server";
import { addDays, type IsoDate, today } from "../../app/domain/dates";
import { overdueEscalationWhere, overdueState } from "../../app/domain/escalations/workflow";
import type { EscalationStatus } from "../../app/domain/vocabulary";
import { loader as homeLoader } from "../../app/routes/app/home";
import { loader as dashboardLoader } from "../../app/routes/app/office/dashboard";
import { prisma } from "../../app/utils/db.server";
import { call } from "../utils/route";
import { createFailedCase, createSchool, createSchoolWithCase, createStudent, createUser, takeCaseAs } from "../factories";

describe("office dashboard", () => {
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
