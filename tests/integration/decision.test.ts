/**
 * "Sit or postpone?" through its route: the comparison each viewer gets, a
 * postponement that writes the re-spaced plan version and tells the student,
 * a decision to sit, and the refusals (the student, another school, a stale
 * page, bad input).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, today } from "#app/domain/dates";
import { loadPlan } from "#app/domain/plans/queries.server";
import { action, loader } from "#app/routes/app/cases/decision";
import { prisma } from "#app/utils/db.server";
import { call } from "../utils/route";
import { createWorld, type World } from "../utils/world";

let world: World;
let path: string;
let params: { caseId: string };

beforeAll(async () => {
  world = await createWorld();
  path = `/cases/${world.caseId}/decision`;
  params = { caseId: world.caseId };
});

const caseNow = () => prisma.retakeCase.findUniqueOrThrow({ where: { id: world.caseId }, select: { version: true, targetExamDate: true } });

describe("sit or postpone?", () => {
  it("shows the staff the dates side by side with reasons, and the student the same in gentler words", async () => {
    const staff = await call(loader, { userId: world.users.tutor, path, params });
    expect(staff.status).toBe(200);
    const planned = (await caseNow()).targetExamDate;
    expect(staff.data.comparison.options[0]).toMatchObject({ date: planned, kind: "PLANNED" });
    for (const option of staff.data.comparison.options) expect(option.reasons.length).toBeGreaterThan(0);
    expect(JSON.stringify(staff.data)).toMatch(/failure at the school means/);

    const student = await call(loader, { userId: world.users.student, path, params });
    expect(student.status).toBe(200);
    expect(student.data.canDecide).toBe(false);
    expect(student.data.comparison.options[0].studentWords.length).toBeGreaterThan(0);
    // No policy ladder and no reasons for staff in the student's data.
    expect(JSON.stringify(student.data)).not.toMatch(/failure at the school means|Committee review|Dismissal review/);
  });

  it("shows the staff, without a date asked for, the re-spaced plan a postponement to the form's default date would write", async () => {
    const { targetExamDate } = await caseNow();
    const staff = await call(loader, { userId: world.users.tutor, path, params });
    expect(staff.data.chosen).toBeNull();
    const firstAllowed = staff.data.comparison.options.find(
      (o: { kind: string; attempts: { allowed: boolean } }) => o.kind === "POSTPONE" && o.attempts.allowed,
    )?.date;
    expect(firstAllowed).toBeTruthy();
    expect(staff.data.postponeDefault).toBe(firstAllowed);
    expect(staff.data.postponeDefault > (targetExamDate ?? "")).toBe(true);
    expect(staff.data.proposal).not.toBeNull();
    expect(staff.data.proposal?.date).toBe(staff.data.postponeDefault);
    expect(staff.data.proposal?.errors).toEqual([]);
    // The proposal is the plan's diff: the exam date moves to the default date.
    expect(staff.data.proposal?.changes?.length).toBeGreaterThan(0);
    expect(JSON.stringify(staff.data.proposal?.changes)).toMatch(/exam/i);

    // Asking for another date replaces the default in both the form and the proposal.
    const other = addDays(staff.data.postponeDefault, 14);
    const asked = await call(loader, { userId: world.users.tutor, path: `${path}?date=${other}`, params });
    expect(asked.data.postponeDefault).toBe(other);
    expect(asked.data.proposal?.date).toBe(other);

    // The student gets no proposal, with or without a date.
    for (const query of ["", `?date=${other}`]) {
      const student = await call(loader, { userId: world.users.student, path: `${path}${query}`, params });
      expect(student.data.proposal).toBeNull();
    }
    // Looking writes nothing.
    expect(await prisma.examDecision.count({ where: { caseId: world.caseId } })).toBe(0);
  });

  it("refuses another school's staff, and the student's decision", async () => {
    const other = await call(loader, { userId: world.users.otherSchoolTutor, path, params });
    expect(other.thrown && other.status).toBeGreaterThanOrEqual(403);
    const { version, targetExamDate } = await caseNow();
    const form = {
      intent: "postpone",
      choice: "POSTPONE",
      examDate: addDays(targetExamDate ?? today(), 28),
      reason: "More time for the weakest areas.",
      expectedCaseVersion: String(version),
    };
    for (const userId of [world.users.student, world.users.otherSchoolAdvisor]) {
      const res = await call(action, { userId, path, params, form });
      expect(res.status).toBe(403);
    }
    expect(await prisma.examDecision.count({ where: { caseId: world.caseId } })).toBe(0);
  });

  it("refuses bad input at its fields and keeps the values; a forged intent is a bad request", async () => {
    const { version, targetExamDate } = await caseNow();
    const short = await call(action, {
      userId: world.users.tutor,
      path,
      params,
      form: {
        intent: "postpone",
        choice: "POSTPONE",
        examDate: addDays(today(), -1),
        reason: "soon",
        expectedCaseVersion: String(version),
      },
    });
    expect(short.status).toBe(400);
    expect(Object.keys(short.data.result.error).sort()).toEqual(["examDate", "reason"]);
    expect(short.data.result.initialValue.reason).toBe("soon");
    const sitElsewhere = await call(action, {
      userId: world.users.tutor,
      path,
      params,
      form: {
        intent: "sit",
        choice: "SIT",
        examDate: addDays(targetExamDate ?? today(), 7),
        reason: "Ready on the day, as planned.",
        expectedCaseVersion: String(version),
      },
    });
    expect(sitElsewhere.status).toBe(400);
    expect(sitElsewhere.data.result.error.examDate[0]).toMatch(/keeping the planned date/);
    const forged = await call(action, { userId: world.users.tutor, path, params, form: { intent: "delete-everything" } });
    expect(forged.status).toBe(400);
  });

  it("refuses a decision made on a page shown before the date moved, and writes nothing", async () => {
    const { version, targetExamDate } = await caseNow();
    const res = await call(action, {
      userId: world.users.tutor,
      path,
      params,
      form: {
        intent: "postpone",
        choice: "POSTPONE",
        examDate: addDays(targetExamDate ?? today(), 28),
        reason: "More time for the weakest areas.",
        expectedCaseVersion: String(version - 1),
      },
    });
    expect(res.status).toBe(409);
    expect(await caseNow()).toEqual({ version, targetExamDate });
    expect(await prisma.examDecision.count({ where: { caseId: world.caseId } })).toBe(0);
  });

  it("postpones: the new date, the re-spaced plan version with the reason, the log and the student told; what the tutor cannot see stays", async () => {
    const before = await caseNow();
    const plannedBefore = before.targetExamDate ?? "";
    const to = addDays(plannedBefore, 28);
    const preview = await call(loader, { userId: world.users.tutor, path: `${path}?date=${to}`, params });
    expect(preview.data.proposal.errors).toEqual([]);
    expect(JSON.stringify(preview.data.proposal.changes)).toMatch(/exam/i);

    const reason = "Two more weeks of pharmacology before the exam.";
    const res = await call(action, {
      userId: world.users.tutor,
      path,
      params,
      form: { intent: "postpone", choice: "POSTPONE", examDate: to, reason, expectedCaseVersion: String(before.version) },
    });
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    expect((await caseNow()).targetExamDate).toBe(to);

    const decision = await prisma.examDecision.findFirstOrThrow({ where: { caseId: world.caseId } });
    expect(decision).toMatchObject({
      choice: "POSTPONE",
      fromDate: plannedBefore,
      examDate: to,
      reason,
      decidedById: world.users.tutor,
      planVersion: 3,
    });
    const log = await prisma.activityLog.findFirstOrThrow({ where: { caseId: world.caseId, action: "case.decision_postpone" } });
    expect(log.summary).toContain(reason);

    // The student: the new date and the changed plan with its reason.
    const studentPlan = await loadPlan(world.caseId, { userId: world.users.student, relation: "STUDENT" });
    expect(studentPlan?.current).toMatchObject({ number: 3 });
    expect(studentPlan?.current.data.examDate).toBe(to);
    expect(studentPlan?.current.reason).toContain(reason);
    const told = await prisma.notification.findMany({
      where: { userId: world.users.student, caseId: world.caseId },
      orderBy: { createdAt: "asc" },
    });
    expect(told.map((n) => n.kind)).toEqual(expect.arrayContaining(["EXAM_DECISION", "PLAN_ADJUSTED"]));
    expect(told.find((n) => n.kind === "EXAM_DECISION")?.body).toBe(reason);

    // The advisor's measure from a finding only they can read is still on the plan.
    const advisorPlan = await loadPlan(world.caseId, { userId: world.users.advisor, relation: "OFFICE" });
    expect(advisorPlan?.current.data.content.measures.map((m) => m.title)).toContain("Protected study hours at home");

    const seen = await call(loader, { userId: world.users.student, path, params });
    expect(seen.data.decisions[0]).toMatchObject({ choice: "POSTPONE", examDate: to, reason });
  });

  it("records a decision to sit on the planned date, without touching the plan", async () => {
    const { version, targetExamDate } = await caseNow();
    const plan = await loadPlan(world.caseId, { userId: world.users.tutor, relation: "TUTOR" });
    const res = await call(action, {
      userId: world.users.advisor,
      path,
      params,
      form: {
        intent: "sit",
        choice: "SIT",
        examDate: targetExamDate ?? "",
        reason: "Scores are steady; sitting as planned.",
        expectedCaseVersion: String(version),
      },
    });
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    expect(await caseNow()).toEqual({ version, targetExamDate });
    const after = await loadPlan(world.caseId, { userId: world.users.tutor, relation: "TUTOR" });
    expect(after?.currentVersion).toBe(plan?.currentVersion);
    const decisions = await prisma.examDecision.findMany({ where: { caseId: world.caseId }, orderBy: { createdAt: "desc" } });
    expect(decisions[0]).toMatchObject({ choice: "SIT", examDate: targetExamDate, planVersion: null });
  });
});
