import { describe, expect, it } from "vitest";
import { EXAMS_SOON_DAYS, EXAMS_SOON_LINK, OVERDUE_ESCALATIONS_LINK } from "#app/domain/dashboard/links";
import { escalationCounts } from "#app/domain/dashboard/queries.server";
import { addDays, type IsoDate, today } from "#app/domain/dates";
import { overdueEscalationWhere, overdueState } from "#app/domain/escalations/workflow";
import type { EscalationStatus } from "#app/domain/vocabulary";
import { loader as caseloadLoader } from "#app/routes/app/cases/index";
import { loader as homeLoader } from "#app/routes/app/home";
import { loader as dashboardLoader } from "#app/routes/app/office/dashboard";
import { loader as queueLoader } from "#app/routes/app/office/escalations";
import { prisma } from "#app/utils/db.server";
import { createFailedCase, createSchool, createSchoolWithCase, createStudent, createUser, takeCaseAs } from "../factories";
import { call } from "../utils/route";

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

describe("the dashboard's figures open the lists they count", () => {
  it("'Exams in the next 30 days' and 'Overdue escalations' link to lists whose loaders filter to exactly those", async () => {
    const { school, caseId: undated, advisor, tutor } = await createSchoolWithCase({ takenBy: "tutor" });
    const on = today();
    const dated = async (days: number) => {
      const student = await createStudent(school.id);
      const { caseId } = await createFailedCase({ studentId: student.studentId, actorId: advisor.id });
      await takeCaseAs({ caseId, tutorId: tutor.id, targetExamDate: addDays(on, days) });
      return caseId;
    };
    const soon = await dated(10);
    const lastDay = await dated(EXAMS_SOON_DAYS);
    const later = await dated(EXAMS_SOON_DAYS + 15);
    // Another school's case with an exam soon is counted by nobody here.
    const other = await createSchoolWithCase({ takenBy: "tutor" });
    await prisma.retakeCase.update({ where: { id: other.caseId }, data: { targetExamDate: addDays(on, 5) } });

    const escalation = (acknowledgeBy: IsoDate, resolveBy: IsoDate) =>
      prisma.escalation.create({
        data: { schoolId: school.id, caseId: later, trigger: "MANUAL", reason: "Dashboard link", acknowledgeBy, resolveBy },
        select: { id: true },
      });
    const overdue = await escalation(addDays(on, -2), addDays(on, 5));
    const onTime = await escalation(addDays(on, 1), addDays(on, 5));

    const dashboard = await call(dashboardLoader, { userId: advisor.id, path: "/office" });
    expect(dashboard.data.dashboard.figures).toMatchObject({ examsSoon: 2, overdueEscalations: 1, openEscalations: 2 });

    // The caseload behind "Exams in the next 30 days": only the two cases it counts, nearest first.
    const all = await call(caseloadLoader, { userId: advisor.id, path: "/cases" });
    expect(all.data.total).toBe(4);
    const examsSoon = await call(caseloadLoader, { userId: advisor.id, path: EXAMS_SOON_LINK });
    expect(examsSoon.status).toBe(200);
    expect(examsSoon.data.params.examWithin).toBe(EXAMS_SOON_DAYS);
    expect(examsSoon.data.total).toBe(dashboard.data.dashboard.figures.examsSoon);
    expect(examsSoon.data.rows.map((r: { id: string }) => r.id)).toEqual([soon, lastDay]);
    expect(examsSoon.data.rows.map((r: { id: string }) => r.id)).not.toContain(undated);

    // The queue behind "Overdue escalations": only the overdue one.
    const queue = await call(queueLoader, { userId: advisor.id, path: "/office/escalations" });
    expect(queue.data.queue.total).toBe(2);
    const overdueQueue = await call(queueLoader, { userId: advisor.id, path: OVERDUE_ESCALATIONS_LINK });
    expect(overdueQueue.status).toBe(200);
    expect(overdueQueue.data.params.overdue).toBe(true);
    expect(overdueQueue.data.queue.total).toBe(dashboard.data.dashboard.figures.overdueEscalations);
    expect(overdueQueue.data.queue.rows.map((r: { id: string }) => r.id)).toEqual([overdue.id]);
    expect(overdueQueue.data.queue.rows.map((r: { id: string }) => r.id)).not.toContain(onTime.id);
    // Even with resolved ones asked for, nothing resolved is overdue.
    const withResolved = await call(queueLoader, { userId: advisor.id, path: `${OVERDUE_ESCALATIONS_LINK}&status=OPEN&status=RESOLVED` });
    expect(withResolved.data.queue.rows.map((r: { id: string }) => r.id)).toEqual([overdue.id]);
  });
});
