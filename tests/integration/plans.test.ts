import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { setTargetExamDate } from "#app/domain/cases/mutations.server";
import { addDays, daysBetween, formatDate, isoWeekday, startOfIsoWeek, today } from "#app/domain/dates";
import type { PlanEditorValues } from "#app/domain/plans/editor";
import {
  adjustPlan,
  assignPlan,
  caseConflictMessage,
  PLAN_CONFLICT_MESSAGE,
  PLAN_EXISTS_MESSAGE,
  STALE_FORM_MESSAGE,
} from "#app/domain/plans/mutations.server";
import { loadPlan } from "#app/domain/plans/queries.server";
import { action, loader } from "#app/routes/app/cases/plan";
import { loader as printLoader } from "#app/routes/app/cases/plan-print";
import { loader as homeLoader } from "#app/routes/app/home";
import { loader as calendarLoader } from "#app/routes/resources/plan-calendar";
import { prisma } from "#app/utils/db.server";
import { createFailedCase, createSchoolWithCase, createStudent, takeCaseAs } from "../factories";
import { request, signIn } from "../utils/app";
import { countCall } from "../utils/queries";
import { call, download } from "../utils/route";
import { cookieFrom } from "../utils/sign-in";

const day = today();
const nextMonday = (() => {
  const w = isoWeekday(day);
  return w === 1 ? day : addDays(day, 8 - w);
})();

/** A Step 1 case in planning with its tutor, a score report (pathology and pharmacology Lower) and two findings. */
async function planningCase() {
  const setup = await createSchoolWithCase({ takenBy: "tutor", status: "PLANNING" });
  const { caseId, tutor, otherTutor } = setup;
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
  (values.hoursByDay ?? []).forEach((hours, i) => {
    form[`hoursByDay[${i}]`] = hours === undefined ? "" : String(hours);
  });
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

/** The builder's proposal, and the case's version the page shows with it (the editor's hidden expectedCaseVersion). */
async function propose(caseId: string, userId: string, inputs = goodInputs()) {
  const result = await call(loader, { userId, path: builderPath(caseId, inputs), params: { caseId } });
  expect(result.status).toBe(200);
  expect(result.data.builder.proposal).not.toBeNull();
  expect(result.data.caseVersion).toBe(await caseVersion(caseId));
  return {
    ...(result.data.builder.proposal as { values: PlanEditorValues; warnings: string[] }),
    caseVersion: result.data.caseVersion as number,
  };
}

async function caseVersion(caseId: string): Promise<number> {
  return (await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
}

function assignForm(values: PlanEditorValues, shownCaseVersion: number) {
  return editorForm(values, { intent: "assign", expectedCaseVersion: String(shownCaseVersion) });
}

async function assigned() {
  const setup = await planningCase();
  const { caseId, tutor } = setup;
  const proposal = await propose(caseId, tutor.id);
  const res = await call(action, {
    userId: tutor.id,
    path: builderPath(caseId, goodInputs()),
    params: { caseId },
    form: assignForm(proposal.values, proposal.caseVersion),
  });
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return { ...setup, values: proposal.values };
}

/** The adjust form as the Plan tab shows it now (or, with `shownCaseVersion`, as it showed it earlier). */
async function adjustForm(
  caseId: string,
  values: PlanEditorValues,
  expectedVersion: number,
  reason: string,
  changes: Partial<PlanEditorValues> = {},
  shownCaseVersion?: number,
) {
  return editorForm(
    { ...values, ...changes },
    {
      intent: "adjust",
      reason,
      expectedVersion: String(expectedVersion),
      expectedCaseVersion: String(shownCaseVersion ?? (await caseVersion(caseId))),
    },
  );
}

function activityOf(caseId: string, action: string) {
  return prisma.activityLog.findMany({
    where: { caseId, action },
    select: { actorId: true, entity: true, entityId: true, summary: true, before: true, after: true },
  });
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
    await takeCaseAs({ caseId, tutorId: tutor.id, status: "PLANNING" });
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
      form: assignForm(edited, proposal.caseVersion),
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
      form: assignForm(late, proposal.caseVersion),
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
      form: assignForm(renamed, proposal.caseVersion),
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
    const row = await prisma.retakeCase.findUniqueOrThrow({
      where: { id: caseId },
      select: { status: true, targetExamDate: true, version: true },
    });
    expect(row).toEqual({ status: "ACTIVE", targetExamDate: proposal.values.examDate, version: proposal.caseVersion + 1 });
    expect(await prisma.milestone.count({ where: { caseId } })).toBe(3);
    expect(await prisma.notification.count({ where: { userId: student.userId, kind: "PLAN_ASSIGNED" } })).toBe(1);

    // One activity entry: who assigned what, and the case's target date and status before and after.
    const planId = (await prisma.plan.findUniqueOrThrow({ where: { caseId }, select: { id: true } })).id;
    const { startDate, examDate } = proposal.values;
    const entries = await activityOf(caseId, "plan.assigned");
    expect(entries).toEqual([
      {
        actorId: tutor.id,
        entity: "Plan",
        entityId: planId,
        summary: `Plan assigned: ${formatDate(startDate)} to the exam on ${formatDate(examDate)}; target exam date set to ${formatDate(examDate)}; A plan was assigned; the case is active.`,
        before: JSON.stringify({ version: 0, targetExamDate: null, status: "PLANNING" }),
        after: JSON.stringify({ version: 1, targetExamDate: examDate, status: "ACTIVE" }),
      },
    ]);

    // A second assign is refused: the plan exists, and nothing changes.
    const again = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: assignForm(proposal.values, proposal.caseVersion + 1),
    });
    expect(again.status).toBe(409);
    expect(again.data.result.error[""]).toEqual([
      "Someone assigned a plan to this case while you were editing. Nothing was saved: your edits are still in the form; adjust the assigned plan to apply them.",
    ]);
    expect(await prisma.planVersion.count({ where: { plan: { caseId } } })).toBe(1);
    expect(await caseVersion(caseId)).toBe(proposal.caseVersion + 1);
    expect(await activityOf(caseId, "plan.assigned")).toHaveLength(1);
  });

  it("lets the office build a plan too", async () => {
    const { caseId, advisor } = await planningCase();
    const proposal = await propose(caseId, advisor.id);
    const res = await call(action, {
      userId: advisor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: assignForm(proposal.values, proposal.caseVersion),
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
      form: await adjustForm(caseId, values, 1, "", { hoursPerDay: 9 }),
    });
    expect(noReason.status).toBe(400);
    expect(noReason.data.result.error.reason[0]).toMatch(/Say why the plan changes/);

    const unchanged = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: await adjustForm(caseId, values, 1, "Just checking in on the plan"),
    });
    expect(unchanged.status).toBe(400);
    expect(unchanged.data.result.error[""][0]).toMatch(/Nothing changed/);

    const newExam = addDays(values.examDate, 7);
    const res = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: await adjustForm(caseId, values, 1, "Baseline below target: one more hour a day and a week more.", {
        hoursPerDay: 9,
        examDate: newExam,
      }),
    });
    expect(res.status, JSON.stringify(res.data)).toBe(302);

    // One activity entry: the reason, what changed, and the case's target date before and after.
    const planId = (await prisma.plan.findUniqueOrThrow({ where: { caseId }, select: { id: true } })).id;
    const [entry, ...more] = await activityOf(caseId, "plan.adjusted");
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actorId: tutor.id,
      entity: "Plan",
      entityId: planId,
      summary: `Plan version 2: Baseline below target: one more hour a day and a week more.; target exam date moved from ${formatDate(values.examDate)} to ${formatDate(newExam)}`,
    });
    expect(JSON.parse(entry.before ?? "null")).toEqual({ version: 1, targetExamDate: values.examDate });
    const after = JSON.parse(entry.after ?? "null");
    expect(after).toMatchObject({ version: 2, targetExamDate: newExam, promptedByPracticeExamId: null, promptedByCheckInId: null });
    expect(after.changes).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Exam date moved .* \(\+7 days\)$/), "Study hours per day: 8 → 9"]),
    );
    expect(await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { targetExamDate: true } })).toEqual({
      targetExamDate: newExam,
    });
    expect(await prisma.notification.count({ where: { userId: student.userId, kind: "PLAN_ADJUSTED" } })).toBe(1);

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
    const a = await adjustForm(caseId, values, 1, "Tutor: more pathology after the baseline.", { hoursPerDay: 9 });
    const b = await adjustForm(caseId, values, 1, "Office: the student asked for a later exam date.", {
      examDate: addDays(values.examDate, 14),
    });
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
      form: await adjustForm(caseId, values, 1, "Stale editor trying to save again.", { hoursPerDay: 10 }),
    });
    expect(stale.status).toBe(409);
    expect(stale.data.result.error[""]).toEqual([
      "Someone saved version 2 of this plan while you were editing version 1. Nothing was overwritten and your changes are still here: compare with version 2, then save again.",
    ]);
    expect(stale.data.result.initialValue.hoursPerDay).toBe("10");
    expect(stale.data.conflict).toMatchObject({ from: 1, to: 2 });
    expect(
      await prisma.plan.findUniqueOrThrow({ where: { caseId }, select: { currentVersion: true, _count: { select: { versions: true } } } }),
    ).toEqual({ currentVersion: 2, _count: { versions: 2 } });
  });

  it("records what prompted a version, and refuses a practice exam of another case", async () => {
    const { caseId, tutor, advisor, school, student, values } = await assigned();
    const cbssa = await prisma.practiceExam.create({
      data: { studentId: student.studentId, caseId, instrumentId: "NBME_CBSSA", form: "Form 30", takenOn: addDays(day, -1), score: 58 },
    });
    const other = await createStudent(school.id);
    const { caseId: otherCaseId } = await createFailedCase({ studentId: other.studentId, actorId: advisor.id });
    const foreign = await prisma.practiceExam.create({
      data: { studentId: other.studentId, caseId: otherCaseId, instrumentId: "NBME_CBSSA", form: "Form 31", takenOn: day, score: 70 },
    });

    const reason = "Baseline CBSSA at 58%: one more hour a day on pathology.";
    const refused = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: { ...(await adjustForm(caseId, values, 1, reason, { hoursPerDay: 9 })), promptedByPracticeExamId: foreign.id },
    });
    expect(refused.status).toBe(400);
    expect(refused.data.result.error.promptedByPracticeExamId).toEqual(["Choose a practice exam of this case"]);
    expect(refused.data.result.initialValue.reason).toBe(reason);
    expect(await prisma.plan.findUniqueOrThrow({ where: { caseId }, select: { currentVersion: true } })).toEqual({ currentVersion: 1 });
    expect(await activityOf(caseId, "plan.adjusted")).toEqual([]);

    const saved = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: { ...(await adjustForm(caseId, values, 1, reason, { hoursPerDay: 9 })), promptedByPracticeExamId: cbssa.id },
    });
    expect(saved.status, JSON.stringify(saved.data)).toBe(302);
    const version = await prisma.planVersion.findFirstOrThrow({
      where: { plan: { caseId }, number: 2 },
      select: { reason: true, promptedByPracticeExamId: true, promptedByCheckInId: true },
    });
    expect(version).toEqual({ reason, promptedByPracticeExamId: cbssa.id, promptedByCheckInId: null });
    const [entry] = await activityOf(caseId, "plan.adjusted");
    expect(JSON.parse(entry.after ?? "null")).toMatchObject({ version: 2, promptedByPracticeExamId: cbssa.id, promptedByCheckInId: null });
    // The versions list says what prompted it.
    const page = await call(loader, { userId: tutor.id, path: `/cases/${caseId}/plan`, params: { caseId } });
    expect(page.data.plan.versions[1].promptedBy).toMatch(/CBSSA/);
  });
});

describe("moving the exam date", () => {
  /** The toast a response sets (the rd_toast cookie: base64 JSON). */
  function toastOf(headers: Headers): { title: string; description?: string } {
    const raw = cookieFrom(headers, "rd_toast") ?? "";
    return JSON.parse(Buffer.from(decodeURIComponent(raw), "base64").toString("utf8"));
  }

  it("re-spaces the milestones the tutor left alone and tells the tutor what moved", async () => {
    const { caseId, tutor, values } = await assigned();
    const final = values.milestones.find((m) => m.uid === "final");
    const baseline = values.milestones.find((m) => m.uid === "baseline");
    if (!final || !baseline) throw new Error("the proposal has a baseline and a final");
    const newExam = addDays(values.examDate, 7);
    // Left where it was, the final would end more than two weeks before the new date.
    expect(daysBetween(final.dueOn, newExam)).toBeGreaterThan(14);

    const res = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: await adjustForm(caseId, values, 1, "The exam centre had no seat that week: one week later.", { examDate: newExam }),
    });
    expect(res.status, JSON.stringify(res.data)).toBe(302);

    const plan = await loadPlan(caseId, { userId: tutor.id, relation: "TUTOR" });
    const saved = plan?.current.data.content.milestones ?? [];
    const newFinal = saved.find((m) => m.uid === "final");
    expect(newFinal).toBeDefined();
    const before = daysBetween(newFinal?.dueOn ?? "", newExam);
    expect(before >= 7 && before <= 14, `final ${before} days before the exam`).toBe(true);
    expect(saved.find((m) => m.uid === "baseline")?.dueOn).toBe(baseline.dueOn);

    // The tutor is told what moved, in words, when the version is saved…
    const toast = toastOf(res.headers);
    expect(toast.title).toBe("Version 2 saved");
    expect(toast.description).toContain(
      `Final practice exam: CBSSA moves from ${formatDate(final.dueOn)} to ${formatDate(newFinal?.dueOn ?? "")}, ${before} days before the exam.`,
    );
    // …and the page's comparison of the versions lists the move.
    const page = await call(loader, { userId: tutor.id, path: `/cases/${caseId}/plan`, params: { caseId } });
    const texts = page.data.comparison.groups.flatMap((g: { texts: string[] }) => g.texts).join("\n");
    expect(texts).toContain("Final practice exam");
  });

  it("leaves a milestone the tutor dated by hand in the same edit where the tutor put it, and accepts a date that leaves the old final after the exam", async () => {
    const { caseId, tutor, values } = await assigned();
    const midpoint = values.milestones.find((m) => m.uid === "midpoint");
    if (!midpoint) throw new Error("an eight-week plan has a midpoint");
    const handDated = addDays(midpoint.dueOn, -7);
    // Three weeks earlier: the old final would fall after the new exam date.
    const newExam = addDays(values.examDate, -21);
    const res = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: await adjustForm(caseId, values, 1, "A seat came free three weeks earlier; the student is ready.", {
        examDate: newExam,
        milestones: values.milestones.map((m) => (m.uid === "midpoint" ? { ...m, dueOn: handDated } : m)),
      }),
    });
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    const plan = await loadPlan(caseId, { userId: tutor.id, relation: "TUTOR" });
    const saved = plan?.current.data.content.milestones ?? [];
    expect(saved.find((m) => m.uid === "midpoint")?.dueOn).toBe(handDated);
    for (const m of saved) expect(m.dueOn < newExam).toBe(true);
    expect(toastOf(res.headers).description).toMatch(/^Milestones re-spaced for the new dates: Final practice exam/);
  });
});

describe("a weekly rhythm that differs by day", () => {
  it("saves clerkship days with their own hours, refuses them on the full-length day next to its field, and shows them to the student", async () => {
    const { caseId, tutor, student, values } = await assigned();
    const onSaturday = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: await adjustForm(caseId, values, 1, "Clerkship on Saturdays from next week.", {
        hoursByDay: [undefined, undefined, undefined, undefined, undefined, 3],
      }),
    });
    expect(onSaturday.status).toBe(400);
    expect(onSaturday.data.result.error["hoursByDay[5]"]).toEqual([
      "Saturday is the full-length practice exam's day: it keeps the whole test day",
    ]);

    const res = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: await adjustForm(caseId, values, 1, "Surgery clerkship on Mondays and Thursdays: three hours those days.", {
        hoursByDay: [3, undefined, undefined, 3],
      }),
    });
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    const page = await call(loader, { userId: student.userId, path: `/cases/${caseId}/plan`, params: { caseId } });
    const rhythm = page.data.plan.data.content.rhythm as Array<{ blocks: Array<{ minutes: number; description: string }> }>;
    const minutes = rhythm.map((d) => d.blocks.reduce((sum, b) => sum + b.minutes, 0));
    expect(minutes.slice(0, 5)).toEqual([180, values.hoursPerDay * 60, values.hoursPerDay * 60, 180, values.hoursPerDay * 60]);
    expect(rhythm[0].blocks[0].description).toMatch(/^Shorter day/);
    expect(page.data.plan.data.content.dayHours).toEqual([
      { weekday: 1, hours: 3 },
      { weekday: 4, hours: 3 },
    ]);
    const staff = await call(loader, { userId: tutor.id, path: `/cases/${caseId}/plan`, params: { caseId } });
    expect(staff.data.editor.hoursByDay.slice(0, 4)).toEqual([3, undefined, undefined, 3]);
  });
});

describe("the case's target exam date", () => {
  it("refuses an adjustment from a page shown before the office moved the exam date, and keeps the office's date", async () => {
    const { caseId, tutor, advisor, student, values } = await assigned();
    const shown = await call(loader, { userId: tutor.id, path: `/cases/${caseId}/plan`, params: { caseId } });
    expect(shown.data.caseVersion).toBe(await caseVersion(caseId));
    const form = await adjustForm(caseId, values, 1, "More pathology after the baseline.", { hoursPerDay: 9 }, shown.data.caseVersion);

    const officeDate = addDays(values.examDate, 14);
    const moved = await setTargetExamDate({ caseId, date: officeDate, actorId: advisor.id, expectedVersion: shown.data.caseVersion });
    expect(moved.ok).toBe(true);

    const stale = await call(action, { userId: tutor.id, path: `/cases/${caseId}/plan`, params: { caseId }, form });
    expect(stale.status).toBe(409);
    expect(stale.data.result.error[""]).toEqual([
      `Someone else changed this case while you were editing the plan (its target exam date is now ${formatDate(officeDate)}). Nothing was saved: your changes are still in the form — check the exam date and save again.`,
    ]);
    expect(stale.data.result.error[""]).toEqual([caseConflictMessage(officeDate)]);
    expect(stale.data.result.initialValue.hoursPerDay).toBe("9");
    // Nothing of the save stays: not the plan's claim, not a version, not the case's date.
    expect(
      await prisma.plan.findUniqueOrThrow({ where: { caseId }, select: { currentVersion: true, _count: { select: { versions: true } } } }),
    ).toEqual({ currentVersion: 1, _count: { versions: 1 } });
    expect(await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { targetExamDate: true, version: true } })).toEqual({
      targetExamDate: officeDate,
      version: shown.data.caseVersion + 1,
    });
    expect(await activityOf(caseId, "plan.adjusted")).toEqual([]);
    expect(await prisma.notification.count({ where: { userId: student.userId, kind: "PLAN_ADJUSTED" } })).toBe(0);

    // Reloaded, the page shows the case's new date next to the plan's (the Plan tab says they differ)…
    const reloaded = await call(loader, { userId: tutor.id, path: `/cases/${caseId}/plan`, params: { caseId } });
    expect(reloaded.data).toMatchObject({ caseVersion: shown.data.caseVersion + 1, targetExamDate: officeDate });
    expect(reloaded.data.plan.current.data.examDate).toBe(values.examDate);
    // …and the tutor takes the office's date into the plan and saves.
    const again = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: await adjustForm(caseId, values, 1, "More pathology after the baseline.", { hoursPerDay: 9, examDate: officeDate }),
    });
    expect(again.status, JSON.stringify(again.data)).toBe(302);
    const [entry] = await activityOf(caseId, "plan.adjusted");
    expect(entry.summary).toBe("Plan version 2: More pathology after the baseline.");
    expect(JSON.parse(entry.before ?? "null")).toEqual({ version: 1, targetExamDate: officeDate });
    expect(JSON.parse(entry.after ?? "null")).toMatchObject({ version: 2, targetExamDate: officeDate });
  });

  it("refuses to assign a plan from a proposal shown before the office moved the exam date", async () => {
    const { caseId, tutor, advisor, student } = await planningCase();
    const proposal = await propose(caseId, tutor.id);
    const officeDate = addDays(proposal.values.examDate, 7);
    expect((await setTargetExamDate({ caseId, date: officeDate, actorId: advisor.id, expectedVersion: proposal.caseVersion })).ok).toBe(
      true,
    );

    const res = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: assignForm(proposal.values, proposal.caseVersion),
    });
    expect(res.status).toBe(409);
    expect(res.data.result.error[""]).toEqual([caseConflictMessage(officeDate)]);
    // The plan, its version and milestones written before the case's check are rolled back.
    expect(await prisma.plan.count({ where: { caseId } })).toBe(0);
    expect(await prisma.milestone.count({ where: { caseId } })).toBe(0);
    expect(await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, targetExamDate: true } })).toEqual({
      status: "PLANNING",
      targetExamDate: officeDate,
    });
    expect(await activityOf(caseId, "plan.assigned")).toEqual([]);
    expect(await prisma.notification.count({ where: { userId: student.userId, kind: "PLAN_ASSIGNED" } })).toBe(0);

    // The builder now proposes the office's date; assigning it from the fresh page works.
    const fresh = await propose(caseId, tutor.id, { ...goodInputs(), examDate: officeDate });
    const ok = await call(action, {
      userId: tutor.id,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: assignForm(fresh.values, fresh.caseVersion),
    });
    expect(ok.status, JSON.stringify(ok.data)).toBe(302);
    const [entry] = await activityOf(caseId, "plan.assigned");
    expect(JSON.parse(entry.before ?? "null")).toEqual({ version: 0, targetExamDate: officeDate, status: "PLANNING" });
    expect(entry.summary).not.toMatch(/target exam date/);
  });

  it("refuses a plan form without the case version it was shown with", async () => {
    const { caseId, tutor, values } = await assigned();
    for (const expectedCaseVersion of [undefined, "", "two"]) {
      const form = await adjustForm(caseId, values, 1, "More pathology after the baseline.", { hoursPerDay: 9 });
      if (expectedCaseVersion === undefined) delete form.expectedCaseVersion;
      else form.expectedCaseVersion = expectedCaseVersion;
      const res = await call(action, { userId: tutor.id, path: `/cases/${caseId}/plan`, params: { caseId }, form });
      expect(res.status).toBe(400);
      expect(res.data.result.error[""]).toEqual([STALE_FORM_MESSAGE]);
      expect(res.data.result.initialValue.reason).toBe("More pathology after the baseline.");
    }
    expect(await prisma.plan.findUniqueOrThrow({ where: { caseId }, select: { currentVersion: true } })).toEqual({ currentVersion: 1 });
  });
});

describe("concurrent writes in the domain", () => {
  it("lets exactly one of two adjustments from the same version win, even past the route's early check", async () => {
    const { caseId, tutor, advisor } = await assigned();
    const plan = await loadPlan(caseId, { userId: tutor.id, relation: "TUTOR" });
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

  it("rolls the plan's claim back when the case moved on since the form was shown", async () => {
    const { caseId, tutor, advisor } = await assigned();
    const plan = await loadPlan(caseId, { userId: tutor.id, relation: "TUTOR" });
    if (!plan) throw new Error("no plan");
    const shown = await caseVersion(caseId);
    const officeDate = addDays(plan.current.data.examDate, 7);
    expect((await setTargetExamDate({ caseId, date: officeDate, actorId: advisor.id, expectedVersion: shown })).ok).toBe(true);
    const result = await adjustPlan({
      caseId,
      actorId: tutor.id,
      expectedVersion: 1,
      expectedCaseVersion: shown,
      reason: "Tutor's change of hours",
      data: { ...plan.current.data, hoursPerDay: 9 },
    });
    expect(result).toEqual({ ok: false, code: "CONFLICT", message: caseConflictMessage(officeDate) });
    expect(await prisma.plan.findUniqueOrThrow({ where: { caseId }, select: { currentVersion: true } })).toEqual({ currentVersion: 1 });
    expect(await prisma.planVersion.count({ where: { plan: { caseId } } })).toBe(1);
    expect(await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { targetExamDate: true } })).toEqual({
      targetExamDate: officeDate,
    });
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
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "CONFLICT", message: PLAN_EXISTS_MESSAGE });
    expect(await prisma.planVersion.count({ where: { plan: { caseId } } })).toBe(1);
  });
});

describe("the calendar file", () => {
  async function ics(userId: string, caseId: string): Promise<string> {
    return (await download(calendarLoader, { userId, path: `/cases/${caseId}/calendar.ics`, params: { caseId } })).text();
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
      form: await adjustForm(caseId, values, 1, "Exam moved a week later at the student's request.", {
        examDate: newExam,
        milestones: moved,
      }),
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
      form: await adjustForm(caseId, values, 1, "I would like a later exam date please.", { hoursPerDay: 4 }),
    });
    expect(edit.status).toBe(403);
    const assign = await call(action, {
      userId: student.userId,
      path: `/cases/${caseId}/plan`,
      params: { caseId },
      form: assignForm(values, await caseVersion(caseId)),
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
        form: await adjustForm(caseId, values, 1, "Not my case but trying anyway.", { hoursPerDay: 9 }),
      });
      expect(res.status).toBe(403);
    }
  });

  it("records staff reads of the print page and the calendar", async () => {
    const { caseId, advisor } = await assigned();
    const cookie = await signIn(advisor.id);
    for (const path of [`/cases/${caseId}/plan/print`, `/cases/${caseId}/calendar.ics`]) {
      const res = await request(path, { cookie });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    const paths = await prisma.accessLog.findMany({ where: { caseId, userId: advisor.id }, select: { path: true } });
    expect(paths.map((p) => p.path).sort()).toEqual([`/cases/${caseId}/calendar.ics`, `/cases/${caseId}/plan/print`]);
  });
});

describe("the student's home", () => {
  it("shows this week, the next milestones, days to the exam and the check-in form", async () => {
    const { caseId, student, values } = await assigned();
    const res = await call(homeLoader, { userId: student.userId, path: "/" });
    expect(res.data.kind).toBe("student");
    const c = res.data.student.cases.find((x: { id: string }) => x.id === caseId);
    expect(c.plan.daysToExam).toBe(daysBetween(day, values.examDate));
    // Before the plan starts, the student sees its first week; from its first day, the current one.
    expect(c.plan.firstWeek === null).toBe(day >= nextMonday);
    const week = c.plan.firstWeek ?? c.plan.week;
    expect(week).toMatchObject({ weekStart: nextMonday, weekEnd: addDays(nextMonday, 6), weekNumber: 1 });
    expect(week.days.map((d: { date: string }) => d.date)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => addDays(nextMonday, i)));
    expect(week.days.find((d: { weekday: number }) => d.weekday === values.restDay).isRestDay).toBe(true);
    expect(c.plan.nextMilestones.map((m: { uid: string }) => m.uid)).toEqual(["baseline", "midpoint", "final"]);
    // The check-in offers this week only (the plan has not had an earlier one), with nothing sent yet.
    expect(c.checkIn).toEqual({ weeks: [{ value: startOfIsoWeek(day), label: expect.stringMatching(/^This week \(/) }], existing: null });
    // A first visit: everything is new, and the plan's assignment is what happened.
    expect(res.data.student.since).toMatchObject({ since: null, total: 1, counts: { PLAN_ASSIGNED: 1 } });
  });
});

describe("queries per page", () => {
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
        form: await adjustForm(large.caseId, values, v, `Adjustment number ${v} after the weekly review.`, {
          hoursPerDay: next.hoursPerDay,
        }),
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
      const a = await countCall(() =>
        call(loader, { userId: small[who].id, path: `/cases/${small.caseId}/plan`, params: { caseId: small.caseId } }),
      );
      const b = await countCall(() =>
        call(loader, { userId: large[who].id, path: `/cases/${large.caseId}/plan`, params: { caseId: large.caseId } }),
      );
      expect(b).toBe(a);
    }
    const a = await countCall(() => call(homeLoader, { userId: small.student.userId, path: "/" }));
    const b = await countCall(() => call(homeLoader, { userId: large.student.userId, path: "/" }));
    expect(b).toBe(a);
  });
});
