import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { addDays, isoWeekday, today } from "../../app/domain/dates";
import type { PlanEditorValues } from "../../app/domain/plans/editor";
import { adjustPlan, assignPlan, PLAN_CONFLICT_MESSAGE } from "../../app/domain/plans/mutations.server";
import { loadPlan } from "../../app/domain/plans/queries.server";
import { loader as homeLoader } from "../../app/routes/app/home";
import { action, loader } from "../../app/routes/app/cases/plan";
import { loader as printLoader } from "../../app/routes/app/cases/plan-print";
import { loader as calendarLoader } from "../../app/routes/resources/plan-calendar";
import { onQuery, prisma } from "../../app/utils/db.server";
import { createFailedCase, createSchoolWithCase, createStudent } from "../factories";
import { call, contextFor, ORIGIN } from "../utils/route";

const day = today();
const nextMonday = (() => {
  const w = isoWeekday(day);
  return w === 1 ? day : addDays(day, 8 - w);
})();

/** A Step 1 case in planning with its tutor, a score report (pathology and pharmacology Lower) and two findings. */
async function planningCase() {
  const setup = await createSchoolWithCase();
  const { caseId, tutor, otherTutor } = setup;
  await prisma.retakeCase.update({ where: { id: caseId }, data: { tutorId: tutor.id, status: "PLANNING" } });
  const attempt = await prisma.examAttempt.findFirstOrThrow({ where: { caseId }, select: { id: true } });
  await prisma.scoreReport.create({
    data: {
      caseId,
      attemptId: attempt.id,
      enteredById: tutor.id,
      areas: {
        create: [
          { contentAreaId: "step1.discipline.pathology", band: "LOWER", referenceGroup: "LOW_PASS" },
          { contentAreaId: "step1.discipline.pharmacology", band: "LOWER", referenceGroup: "LOW_PASS" },
          { contentAreaId: "step1.system.cardiovascular", band: "LOWER", referenceGroup: "LOW_PASS" },
          { contentAreaId: "step1.discipline.biochemistry", band: "HIGHER", referenceGroup: "LOW_PASS" },
        ],
      },
    },
  });
  await prisma.finding.create({
    data: {
      caseId,
      authorId: tutor.id,
      family: "EXTERNAL",
      kind: "TEST_ANXIETY",
      severity: 2,
      evidence: "Blanked in block 3",
      visibility: "OFFICE",
    },
  });
  // Another tutor's private finding: the builder must not see it.
  await prisma.finding.create({
    data: {
      caseId,
      authorId: otherTutor.id,
      family: "EXTERNAL",
      kind: "FINANCES",
      severity: 2,
      evidence: "Private",
      visibility: "PRIVATE",
    },
  });
  return setup;
}

function builderPath(caseId: string, params: Record<string, string>) {
  return `/cases/${caseId}/plan?${new URLSearchParams(params).toString()}`;
}

const goodInputs = (weeks = 8) => ({
  startDate: nextMonday,
  examDate: addDays(nextMonday, weeks * 7 + 2),
  hoursPerDay: "8",
  restDay: "7",
  previousResources: "UWorld, First Aid",
});

/** The editor's fields as a browser would post them. */
function editorForm(values: PlanEditorValues, extra: Record<string, string> = {}): Record<string, string> {
  const form: Record<string, string> = {
    startDate: values.startDate,
    examDate: values.examDate,
    hoursPerDay: String(values.hoursPerDay),
    restDay: String(values.restDay),
  };
  values.focusAreas.forEach((f, i) => {
    form[`focusAreas[${i}].key`] = f.key;
    form[`focusAreas[${i}].label`] = f.label;
    form[`focusAreas[${i}].kind`] = f.kind;
    form[`focusAreas[${i}].sharePercent`] = String(f.sharePercent);
  });
  values.resources.forEach((r, i) => {
    form[`resources[${i}].kind`] = r.kind;
    form[`resources[${i}].name`] = r.name;
    form[`resources[${i}].reason`] = r.reason;
  });
  values.measures.forEach((m, i) => {
    form[`measures[${i}].findingKind`] = m.findingKind;
    form[`measures[${i}].title`] = m.title;
    form[`measures[${i}].description`] = m.description;
  });
  values.milestones.forEach((m, i) => {
    form[`milestones[${i}].uid`] = m.uid;
    form[`milestones[${i}].kind`] = m.kind;
    form[`milestones[${i}].dueOn`] = m.dueOn;
    form[`milestones[${i}].instrumentId`] = m.instrumentId ?? "";
    form[`milestones[${i}].label`] = m.label;
  });
  return { ...form, ...extra };
}

async function propose(caseId: string, userId: string, inputs = goodInputs()) {
  const result = await call(loader, { userId, path: builderPath(caseId, inputs), params: { caseId } });
  expect(result.status).toBe(200);
  expect(result.data.builder.proposal).not.toBeNull();
  return result.data.builder.proposal as { values: PlanEditorValues; warnings: string[] };
}

async function assigned() {
  const setup = await planningCase();
  const { caseId, tutor } = setup;
  const proposal = await propose(caseId, tutor.id);
  const res = await call(action, {
    userId: tutor.id,
    path: builderPath(caseId, goodInputs()),
    params: { caseId },
    form: editorForm(proposal.values, { intent: "assign" }),
  });
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return { ...setup, values: proposal.values };
}

function adjustForm(values: PlanEditorValues, expectedVersion: number, reason: string, changes: Partial<PlanEditorValues> = {}) {
  return editorForm({ ...values, ...changes }, { intent: "adjust", reason, expectedVersion: String(expectedVersion) });
}

describe("the plan builder", () => {
  it("proposes a plan from the diagnosis the viewer can see, with the generator's warnings", async () => {
    const { caseId, tutor } = await planningCase();
    const page = await call(loader, { userId: tutor.id, path: `/cases/${caseId}/plan`, params: { caseId } });
    expect(page.status).toBe(200);
    expect(page.data.builder.proposal).toBeNull();
    expect(page.data.builder.diagnosis.weakAreas.join(" ")).toMatch(/Pathology/);

    const proposal = await propose(caseId, tutor.id);
    const labels = proposal.values.focusAreas.map((f) => f.label).join(" | ");
    expect(labels).toMatch(/Pathology/);
    expect(labels).toMatch(/Pharmacology/);
    expect(proposal.values.focusAreas.reduce((s, f) => s + f.sharePercent, 0)).toBe(100);
    expect(proposal.values.measures.map((m) => m.title)).toContain("Box breathing");
    // The other tutor's private finances finding stays out of the plan.
    expect(proposal.values.measures.map((m) => m.findingKind)).not.toContain("FINANCES");
    expect(proposal.values.milestones.map((m) => m.uid)).toEqual(["baseline", "midpoint", "final"]);

    const rushed = await propose(caseId, tutor.id, goodInputs(4));
    expect(rushed.warnings.join(" ")).toMatch(/rushed retakes often fail again/);
  });

  it("answers bad input with field errors and keeps what was typed", async () => {
    const { caseId, tutor } = await planningCase();
    const bad = { startDate: "2026-02-30", examDate: "soon", hoursPerDay: "30", restDay: "7", previousResources: "Kaplan" };
    const res = await call(loader, { userId: tutor.id, path: builderPath(caseId, bad), params: { caseId } });
    expect(res.status).toBe(400);
    const result = res.data.builder.result;
    expect(result.error.startDate).toBeTruthy();
    expect(result.error.examDate).toBeTruthy();
    expect(result.error.hoursPerDay[0]).toMatch(/At most 14 hours/);
    expect(res.data.builder.defaults).toMatchObject({
      startDate: "2026-02-30",
      examDate: "soon",
      hoursPerDay: "30",
      previousResources: "Kaplan",
    });
    expect(res.data.builder.proposal).toBeNull();

    const before = { ...goodInputs(), examDate: addDays(nextMonday, -3) };
    const order = await call(loader, { userId: tutor.id, path: builderPath(caseId, before), params: { caseId } });
    expect(order.status).toBe(400);
    expect(order.data.builder.result.error.examDate[0]).toMatch(/after the start date/);
  });

  it("refuses an exam date that breaks the attempt-spacing rules", async () => {
    const setup = await createSchoolWithCase();
    const { student, tutor, advisor } = setup;
    // Three failures within a year: a fourth attempt must wait for the window and the late-attempt rules.
    await createFailedCase({ studentId: student.studentId, takenOn: addDays(day, -300), actorId: advisor.id });
    await createFailedCase({ studentId: student.studentId, takenOn: addDays(day, -200), actorId: advisor.id });
    const { caseId } = setup;
    await prisma.retakeCase.update({ where: { id: caseId }, data: { tutorId: tutor.id, status: "PLANNING" } });
    const res = await call(loader, { userId: tutor.id, path: builderPath(caseId, goodInputs(8)), params: { caseId } });
    expect(res.status).toBe(400);
    expect(res.data.builder.result.error.examDate.join(" ")).toMatch(/12-month period|months after/);
    expect(res.data.builder.defaults.examDate).toBe(goodInputs(8).examDate);
  });

  it("assigns the edited proposal as version 1, and refuses edits that do not validate", async () => {
    const { caseId, tutor, student } = await planningCase();
    const proposal = await propose(caseId, tutor.id);
    const edited: PlanEditorValues = {
      ...proposal.values,
      focusAreas: proposal.values.focusAreas.map((f, i) => (i === 0 ? { ...f, sharePercent: f.sharePercent + 5 } : f)),
    };
    const bad = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: editorForm(edited, { intent: "assign" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.data.result.error.focusAreas[0]).toMatch(/add up to 105%/);
    expect(bad.data.result.initialValue.focusAreas[0].sharePercent).toBe(String(edited.focusAreas[0].sharePercent));
    expect(await prisma.plan.count({ where: { caseId } })).toBe(0);

    // A milestone after the exam is refused next to its date.
    const late = {
      ...proposal.values,
      milestones: proposal.values.milestones.map((m, i) => (i === 0 ? { ...m, dueOn: addDays(proposal.values.examDate, 2) } : m)),
    };
    const lateRes = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: editorForm(late, { intent: "assign" }),
    });
    expect(lateRes.status).toBe(400);
    expect(lateRes.data.result.error["milestones[0].dueOn"]).toBeTruthy();

    const renamed: PlanEditorValues = {
      ...proposal.values,
      focusAreas: proposal.values.focusAreas.map((f, i) => (i === 0 ? { ...f, label: `${f.label} (with renal)` } : f)),
    };
    const ok = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: editorForm(renamed, { intent: "assign" }),
    });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(`/cases/${caseId}/plan`);
    const plan = await prisma.plan.findUniqueOrThrow({
      where: { caseId },
      select: { currentVersion: true, versions: { select: { number: true, content: true, template: true } } },
    });
    expect(plan.currentVersion).toBe(1);
    expect(plan.versions).toHaveLength(1);
    expect(plan.versions[0].template).toBe("first-retake");
    expect(JSON.parse(plan.versions[0].content).focusAreas[0].label).toMatch(/\(with renal\)$/);
    const row = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, targetExamDate: true } });
    expect(row).toEqual({ status: "ACTIVE", targetExamDate: proposal.values.examDate });
    expect(await prisma.milestone.count({ where: { caseId } })).toBe(3);
    expect(await prisma.notification.count({ where: { userId: student.userId, kind: "PLAN_ASSIGNED" } })).toBe(1);

    // A second assign is refused: the plan exists.
    const again = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: editorForm(proposal.values, { intent: "assign" }),
    });
    expect(again.status).toBe(409);
    expect(again.data.result.error[""][0]).toMatch(/assigned a plan/);
  });

  it("lets the office build a plan too", async () => {
    const { caseId, advisor } = await planningCase();
    const proposal = await propose(caseId, advisor.id);
    const res = await call(action, {
      userId: advisor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: editorForm(proposal.values, { intent: "assign" }),
    });
    expect(res.status).toBe(302);
  });
});

describe("plan versions", () => {
  it("adjusts with a required reason, lists the versions and compares any two in words", async () => {
    const { caseId, tutor, values, student } = await assigned();
    const noReason = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: adjustForm(values, 1, "", { hoursPerDay: 9 }),
    });
    expect(noReason.status).toBe(400);
    expect(noReason.data.result.error.reason[0]).toMatch(/Say why the plan changes/);

    const unchanged = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: adjustForm(values, 1, "Just checking in on the plan"),
    });
    expect(unchanged.status).toBe(400);
    expect(unchanged.data.result.error[""][0]).toMatch(/Nothing changed/);

    const newExam = addDays(values.examDate, 7);
    const res = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: adjustForm(values, 1, "Baseline below target: one more hour a day and a week more.", { hoursPerDay: 9, examDate: newExam }),
    });
    expect(res.status, JSON.stringify(res.data)).toBe(302);

    const page = await call(loader, { userId: tutor.id, path: `/cases/${caseId}/plan`, params: { caseId } });
    expect(page.data.plan.currentVersion).toBe(2);
    expect(page.data.plan.versions.map((v: { number: number; reason: string | null }) => [v.number, v.reason])).toEqual([
      [1, null],
      [2, "Baseline below target: one more hour a day and a week more."],
    ]);
    // The default comparison is the latest change; the rhythm follows the new hours.
    const sections = page.data.comparison.groups.map((g: { section: string }) => g.section);
    expect(sections).toEqual(expect.arrayContaining(["DATES", "RHYTHM"]));
    const texts = page.data.comparison.groups.flatMap((g: { texts: string[] }) => g.texts).join("\n");
    expect(texts).toMatch(/Exam date moved .* \(\+7 days\)/);
    expect(texts).toMatch(/Study hours per day: 8 → 9/);

    const reversed = await call(loader, { userId: tutor.id, path: `/cases/${caseId}/plan?from=2&to=1`, params: { caseId } });
    expect(reversed.data.comparison.groups.flatMap((g: { texts: string[] }) => g.texts).join("\n")).toMatch(/−7 days/);

    // The student sees what changed and why, in their own view.
    const mine = await call(loader, { userId: student.userId, path: `/cases/${caseId}/plan`, params: { caseId } });
    expect(mine.data.kind).toBe("student");
    expect(mine.data.view.latestChange.reason).toMatch(/Baseline below target/);
    expect(mine.data.view.daysToExam).toBeGreaterThan(0);
    expect(mine.data.view.nextMilestones.length).toBeGreaterThan(0);
  });

  it("refuses the second of two concurrent adjustments and keeps its edits in the form", async () => {
    const { caseId, tutor, advisor, values } = await assigned();
    const a = adjustForm(values, 1, "Tutor: more pathology after the baseline.", { hoursPerDay: 9 });
    const b = adjustForm(values, 1, "Office: the student asked for a later exam date.", { examDate: addDays(values.examDate, 14) });
    const results = await Promise.all([
      call(action, { userId: tutor.id, path: `/cases/${caseId}/plan`, params: { caseId }, form: a }),
      call(action, { userId: advisor.id, path: `/cases/${caseId}/plan`, params: { caseId }, form: b }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([302, 409]);
    const loser = results.find((r) => r.status === 409);
    expect(loser?.data.result.error[""][0]).toMatch(/while you were editing/);
    expect(loser?.data.result.initialValue.reason).toMatch(/^(Tutor|Office):/);
    expect(loser?.data.conflict.to).toBe(2);
    const plan = await prisma.plan.findUniqueOrThrow({
      where: { caseId },
      select: { currentVersion: true, _count: { select: { versions: true } } },
    });
    expect(plan.currentVersion).toBe(2);
    expect(plan._count.versions).toBe(2);

    // A save from an editor still on version 1 is refused the same way afterwards.
    const stale = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: adjustForm(values, 1, "Stale editor trying to save again.", { hoursPerDay: 10 }),
    });
    expect(stale.status).toBe(409);
    expect([PLAN_CONFLICT_MESSAGE, stale.data.result.error[""][0]].some((m) => /Nothing was overwritten|Nothing was saved/.test(m))).toBe(
      true,
    );
  });
});

describe("concurrent writes in the domain", () => {
  it("lets exactly one of two adjustments from the same version win, even past the route's early check", async () => {
    const { caseId, tutor, advisor } = await assigned();
    const plan = await loadPlan(caseId);
    if (!plan) throw new Error("no plan");
    const data = plan.current.data;
    const results = await Promise.all([
      adjustPlan({ caseId, actorId: tutor.id, expectedVersion: 1, reason: "Tutor's change of hours", data: { ...data, hoursPerDay: 9 } }),
      adjustPlan({
        caseId,
        actorId: advisor.id,
        expectedVersion: 1,
        reason: "Office's change of hours",
        data: { ...data, hoursPerDay: 7 },
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.find((r) => !r.ok);
    expect(lost).toMatchObject({ ok: false, code: "CONFLICT", message: PLAN_CONFLICT_MESSAGE });
    expect(await prisma.planVersion.count({ where: { plan: { caseId } } })).toBe(2);
  });

  it("assigns version 1 once when two people assign at the same moment", async () => {
    const { caseId, tutor, advisor } = await planningCase();
    const proposal = await propose(caseId, tutor.id);
    const { values } = proposal;
    const full = await call(loader, { userId: tutor.id, path: builderPath(caseId, goodInputs()), params: { caseId } });
    expect(full.status).toBe(200);
    const data = {
      startDate: values.startDate,
      examDate: values.examDate,
      hoursPerDay: values.hoursPerDay,
      restDay: values.restDay,
      content: {
        rhythm: full.data.builder.proposal.rhythm,
        focusAreas: values.focusAreas,
        resources: values.resources,
        measures: values.measures,
        milestones: values.milestones,
      },
    };
    const results = await Promise.all([
      assignPlan({ caseId, actorId: tutor.id, template: "first-retake", data }),
      assignPlan({ caseId, actorId: advisor.id, template: "first-retake", data }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "EXISTS" });
    expect(await prisma.planVersion.count({ where: { plan: { caseId } } })).toBe(1);
  });
});

describe("the calendar file", () => {
  async function ics(userId: string, caseId: string): Promise<string> {
    const response = (await calendarLoader({
      request: new Request(`${ORIGIN}/cases/${caseId}/calendar.ics`),
      context: await contextFor(userId),
      params: { caseId },
    } as never)) as Response;
    return response.text();
  }

  function parse(body: string) {
    const component = new ICAL.Component(ICAL.parse(body));
    return component.getAllSubcomponents("vevent").map((v) => {
      const event = new ICAL.Event(v);
      return { uid: event.uid, start: event.startDate.toString(), summary: event.summary, sequence: event.sequence };
    });
  }

  it("holds every milestone and the exam date with UIDs that survive an adjustment", async () => {
    const { caseId, tutor, student, values } = await assigned();
    const first = await call(calendarLoader, { userId: student.userId, path: `/cases/${caseId}/calendar.ics`, params: { caseId } });
    expect(first.status).toBe(200);
    expect(first.headers.get("Content-Type")).toMatch(/text\/calendar/);
    expect(first.headers.get("Content-Disposition")).toMatch(/attachment; filename="retake-plan-step-1\.ics"/);
    const events = parse(await ics(student.userId, caseId));
    const expected = [
      ...values.milestones.map((m) => ({ uid: `${caseId}-${m.uid}@retake-desk`, start: m.dueOn })),
      { uid: `${caseId}-exam@retake-desk`, start: values.examDate },
    ];
    expect(events.map((e) => ({ uid: e.uid, start: e.start })).sort((a, b) => a.uid.localeCompare(b.uid))).toEqual(
      expected.sort((a, b) => a.uid.localeCompare(b.uid)),
    );
    expect(events.every((e) => e.sequence === 1)).toBe(true);

    // Move the exam a week and the final milestone with it: same UIDs, new dates, a higher sequence.
    const newExam = addDays(values.examDate, 7);
    const moved = values.milestones.map((m) => (m.uid === "final" ? { ...m, dueOn: addDays(m.dueOn, 7) } : m));
    const res = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: adjustForm(values, 1, "Exam moved a week later at the student's request.", { examDate: newExam, milestones: moved }),
    });
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    const after = parse(await ics(student.userId, caseId));
    expect(after.map((e) => e.uid).sort()).toEqual(expected.map((e) => e.uid).sort());
    expect(after.find((e) => e.uid === `${caseId}-exam@retake-desk`)?.start).toBe(newExam);
    expect(after.find((e) => e.uid === `${caseId}-final@retake-desk`)?.start).toBe(moved.find((m) => m.uid === "final")?.dueOn);
    expect(after.every((e) => e.sequence === 2)).toBe(true);
  });
});

describe("who may read and change a plan", () => {
  it("lets a student read only their own plan, print and calendar, and never edit", async () => {
    const { caseId, school, student, values } = await assigned();
    const other = await createStudent(school.id);
    for (const handler of [loader, printLoader, calendarLoader]) {
      const own = await call(handler, { userId: student.userId, path: `/cases/${caseId}/plan`, params: { caseId } });
      expect(own.status).toBe(200);
      const theirs = await call(handler, { userId: other.userId, path: `/cases/${caseId}/plan`, params: { caseId } });
      expect(theirs.status).toBe(403);
    }
    const edit = await call(action, {
      userId: student.userId,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: adjustForm(values, 1, "I would like a later exam date please.", { hoursPerDay: 4 }),
    });
    expect(edit.status).toBe(403);
    const assign = await call(action, {
      userId: student.userId,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: editorForm(values, { intent: "assign" }),
    });
    expect(assign.status).toBe(403);
  });

  it("refuses a tutor of another school and a tutor not on the case", async () => {
    const { caseId, otherTutor, values } = await assigned();
    const elsewhere = await createSchoolWithCase();
    for (const userId of [elsewhere.tutor.id, elsewhere.advisor.id, otherTutor.id]) {
      for (const handler of [loader, printLoader, calendarLoader]) {
        const res = await call(handler, { userId, path: `/cases/${caseId}/plan`, params: { caseId } });
        expect(res.status).toBe(403);
      }
      const res = await call(action, {
        userId,
        path: `/cases/${caseId}/plan`,
        params: { caseId },
        form: adjustForm(values, 1, "Not my case but trying anyway.", { hoursPerDay: 9 }),
      });
      expect(res.status).toBe(403);
    }
  });

  it("records staff reads of the print page and the calendar", async () => {
    const { caseId, advisor } = await assigned();
    await call(printLoader, { userId: advisor.id, path: `/cases/${caseId}/plan/print`, params: { caseId } });
    await call(calendarLoader, { userId: advisor.id, path: `/cases/${caseId}/calendar.ics`, params: { caseId } });
    const paths = await prisma.accessLog.findMany({ where: { caseId, userId: advisor.id }, select: { path: true } });
    expect(paths.map((p) => p.path).sort()).toEqual([`/cases/${caseId}/calendar.ics`, `/cases/${caseId}/plan/print`]);
  });
});

describe("the student's home", () => {
  it("shows this week, the next milestones, days to the exam and the check-in form", async () => {
    const { caseId, student } = await assigned();
    const res = await call(homeLoader, { userId: student.userId, path: "/" });
    expect(res.data.kind).toBe("student");
    const c = res.data.student.cases.find((x: { id: string }) => x.id === caseId);
    expect(c.plan.daysToExam).toBeGreaterThan(0);
    expect(c.plan.firstWeek ?? c.plan.week).toBeTruthy();
    expect(c.plan.nextMilestones[0].uid).toBe("baseline");
    expect(c.checkIn.weeks[0].value).toBeTruthy();
    expect(res.data.student.since).toBeTruthy();
  });
});

describe("queries per page", () => {
  async function count(run: () => Promise<unknown>) {
    let n = 0;
    const stop = onQuery(() => {
      n += 1;
    });
    try {
      await run();
    } finally {
      stop();
    }
    return n;
  }

  it("does not grow with versions or check-ins", async () => {
    const small = await assigned();
    const large = await assigned();
    let values = large.values;
    for (let v = 1; v <= 4; v += 1) {
      const next = { ...values, hoursPerDay: values.hoursPerDay + 0.5 };
      const res = await call(action, {
        userId: large.tutor.id,
        path: `/cases/${large.caseId}/plan`,
        params: { caseId: large.caseId },
        form: adjustForm(values, v, `Adjustment number ${v} after the weekly review.`, { hoursPerDay: next.hoursPerDay }),
      });
      expect(res.status).toBe(302);
      values = next;
    }
    const studentId = (await prisma.retakeCase.findUniqueOrThrow({ where: { id: large.caseId }, select: { studentId: true } })).studentId;
    await prisma.checkIn.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({
        caseId: large.caseId,
        studentId,
        weekOf: addDays(nextMonday, -7 * (i + 1)),
        questionsDone: 200,
        percentCorrect: 60 + i,
        hoursStudied: 40,
        mood: 3,
      })),
    });
    for (const who of ["tutor", "advisor"] as const) {
      const a = await count(() =>
        call(loader, { userId: small[who].id, path: `/cases/${small.caseId}/plan`, params: { caseId: small.caseId } }),
      );
      const b = await count(() =>
        call(loader, { userId: large[who].id, path: `/cases/${large.caseId}/plan`, params: { caseId: large.caseId } }),
      );
      expect(b).toBe(a);
    }
    const a = await count(() => call(homeLoader, { userId: small.student.userId, path: "/" }));
    const b = await count(() => call(homeLoader, { userId: large.student.userId, path: "/" }));
    expect(b).toBe(a);
  });
});
