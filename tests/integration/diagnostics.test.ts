import { describe, expect, it } from "vitest";
import { addDays, today } from "#app/domain/dates";
import { loadDiagnosisSummary } from "#app/domain/diagnostics/queries.server";
import { gridAreas, PRINTED_ROWS } from "#app/domain/diagnostics/report-form";
import { focusFromDiagnosis } from "#app/domain/plans/from-diagnosis";
import { loadPlanBuilderContext } from "#app/domain/plans/queries.server";
import type { ExamId } from "#app/domain/reference";
import { action, loader } from "#app/routes/app/cases/diagnostics";
import { prisma } from "#app/utils/db.server";
import { createFailedCase, createSchoolWithCase, createStudent, createUser } from "../factories";
import { countCall } from "../utils/queries";
import { call } from "../utils/route";

const MICRO = "step1.discipline.microbiology";
const IMMUNO = "step1.discipline.immunology";
const PATHOLOGY = "step1.discipline.pathology";
const DIAGNOSIS_TASK = "step1.task.diagnosis";

/** A Step 1 case with its tutor assigned, and the failed attempt its report belongs to. */
async function setup() {
  const ctx = await createSchoolWithCase({ takenBy: "tutor" });
  const attempt = await prisma.examAttempt.findFirstOrThrow({ where: { caseId: ctx.caseId }, select: { id: true } });
  const path = `/cases/${ctx.caseId}/diagnostics`;
  const params = { caseId: ctx.caseId };
  /** Posts a form to the tab's action as `userId`. */
  const post = (userId: string, form: Record<string, string | string[]>) => call(action, { userId, path, params, form });
  return { ...ctx, attemptId: attempt.id, path, params, post };
}

type Ctx = Awaited<ReturnType<typeof setup>>;

/** The score-report form as the browser posts it: every grid row, blanks included. */
function reportForm(
  exam: ExamId,
  attemptId: string,
  bands: Record<string, string>,
  extra: Record<string, string> = {},
): Record<string, string> {
  const form: Record<string, string> = {
    intent: "report",
    attemptId,
    expectedVersion: "",
    bandScale: "CURRENT",
    referenceGroup: exam === "STEP1" ? "LOW_PASS" : "OWN_OVERALL",
    distanceFromPassing: "",
    distanceNote: "",
  };
  gridAreas(exam).forEach((area, i) => {
    form[`areas[${i}].areaId`] = area.id;
    form[`areas[${i}].band`] = bands[area.id] ?? "";
    form[`areas[${i}].printedLabel`] = "";
  });
  for (let j = 0; j < PRINTED_ROWS; j++) {
    form[`printed[${j}].label`] = "";
    form[`printed[${j}].band`] = "";
  }
  return { ...form, ...extra };
}

const indexOf = (exam: ExamId, id: string) => gridAreas(exam).findIndex((a) => a.id === id);

function findingForm(fields: Partial<Record<string, string | string[]>>): Record<string, string | string[]> {
  return {
    intent: "add-finding",
    kind: "TIMING",
    severity: "2",
    evidence: "Left questions unanswered in every block.",
    visibility: "OFFICE",
    ...fields,
  } as Record<string, string | string[]>;
}

async function addFinding(userId: string, ctx: Ctx, fields: Partial<Record<string, string | string[]>>) {
  const res = await ctx.post(userId, findingForm(fields));
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return prisma.finding.findFirstOrThrow({
    where: { evidence: String(fields.evidence ?? findingForm({}).evidence) },
    orderBy: { createdAt: "desc" },
  });
}

describe("the score-report grid", () => {
  it("comes from the reference data: Step 1, Step 2 CK and Step 3 each show their own areas", async () => {
    const ctx = await setup();
    for (const exam of ["STEP1", "STEP2_CK", "STEP3"] as const) {
      const student = await createStudent(ctx.school.id);
      const { caseId } =
        exam === "STEP1"
          ? { caseId: ctx.caseId }
          : await createFailedCase({ studentId: student.studentId, exam, actorId: ctx.advisor.id, score: 180 });
      const res = await call(loader, { userId: ctx.advisor.id, path: `/cases/${caseId}/diagnostics`, params: { caseId } });
      expect(res.status).toBe(200);
      expect(res.data.view).toBe("STAFF");
      const gridIds: string[] = res.data.grid.flatMap((d: { areas: { id: string }[] }) => d.areas.map((a) => a.id)).sort();
      const stored = await prisma.contentArea.findMany({ where: { exam }, select: { id: true } });
      expect(gridIds).toEqual(stored.map((a) => a.id).sort());
      expect(res.data.grid.map((d: { dimension: string }) => d.dimension)).toEqual(
        exam === "STEP3" ? ["PHYSICIAN_TASK", "SYSTEM"] : ["PHYSICIAN_TASK", "SYSTEM", "DISCIPLINE"],
      );
    }
  });
});

describe("entering a score report", () => {
  it("saves every area in one go, maps a printed alias to its canonical areas, logs counts and refreshes the case", async () => {
    const ctx = await setup();
    const form = reportForm(
      "STEP1",
      ctx.attemptId,
      { [PATHOLOGY]: "LOWER", [DIAGNOSIS_TASK]: "LOWER", "step1.system.cardiovascular": "SAME" },
      {
        "printed[0].label": "Microbiology & Immunology",
        "printed[0].band": "LOWER",
        distanceNote: "Just below the line on the bar chart.",
      },
    );
    const res = await ctx.post(ctx.tutor.id, form);
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    expect(res.location).toBe(`${ctx.path}?attempt=${encodeURIComponent(ctx.attemptId)}`);

    const report = await prisma.scoreReport.findUniqueOrThrow({
      where: { attemptId: ctx.attemptId },
      select: {
        id: true,
        version: true,
        distanceNote: true,
        enteredById: true,
        areas: { select: { contentAreaId: true, band: true, printedLabel: true, referenceGroup: true } },
      },
    });
    expect(report.enteredById).toBe(ctx.tutor.id);
    expect(report.areas.map((a) => a.contentAreaId).sort()).toEqual(
      [DIAGNOSIS_TASK, IMMUNO, MICRO, PATHOLOGY, "step1.system.cardiovascular"].sort(),
    );
    expect(report.areas.find((a) => a.contentAreaId === IMMUNO)).toMatchObject({
      band: "LOWER",
      printedLabel: "Microbiology & Immunology",
      referenceGroup: "LOW_PASS",
    });

    const log = await prisma.activityLog.findFirstOrThrow({ where: { entity: "ScoreReport", entityId: report.id } });
    expect(log.action).toBe("report.created");
    expect(JSON.parse(log.after ?? "{}")).toMatchObject({ LOWER: 4, SAME: 1, reported: 5, bandScale: "CURRENT" });
    expect(`${log.summary}${log.after}`).not.toContain("bar chart");
    const kase = await prisma.retakeCase.findUniqueOrThrow({ where: { id: ctx.caseId }, select: { derivedAt: true } });
    expect(kase.derivedAt).not.toBeNull();

    // The tab now shows the analysis of that report.
    const page = await call(loader, { userId: ctx.tutor.id, path: ctx.path, params: ctx.params });
    expect(page.data.selected.report.areas).toHaveLength(5);
    expect(page.data.analysis.weakestAreas[0].band).toBe("LOWER");
    expect(page.data.analysis.clusters.map((c: { kind: string }) => c.kind)).toContain("DIAGNOSTIC_REASONING");
  });

  it("replaces the areas on edit, and refuses a stale version without changing anything", async () => {
    const ctx = await setup();
    const first = await ctx.post(ctx.tutor.id, reportForm("STEP1", ctx.attemptId, { [PATHOLOGY]: "LOWER", [MICRO]: "LOWER" }));
    expect(first.status).toBe(302);
    // The office edits it (version 1 → 2) …
    const office = await ctx.post(ctx.advisor.id, reportForm("STEP1", ctx.attemptId, { [PATHOLOGY]: "SAME" }, { expectedVersion: "1" }));
    expect(office.status).toBe(302);
    const report = await prisma.scoreReport.findUniqueOrThrow({
      where: { attemptId: ctx.attemptId },
      select: { version: true, areas: { select: { contentAreaId: true, band: true } } },
    });
    expect(report.version).toBe(2);
    expect(report.areas).toEqual([{ contentAreaId: PATHOLOGY, band: "SAME" }]);

    // … and the tutor, still on version 1, is refused with their entries kept.
    const stale = await ctx.post(ctx.tutor.id, reportForm("STEP1", ctx.attemptId, { [PATHOLOGY]: "HIGHER" }, { expectedVersion: "1" }));
    expect(stale.status).toBe(409);
    expect(stale.data.result.error[""][0]).toMatch(/Someone else saved this score report/);
    expect(stale.data.result.initialValue.areas[indexOf("STEP1", PATHOLOGY)].band).toBe("HIGHER");
    // A second "new report" for the same attempt is a conflict too, never a duplicate.
    const duplicate = await ctx.post(ctx.tutor.id, reportForm("STEP1", ctx.attemptId, { [PATHOLOGY]: "HIGHER" }));
    expect(duplicate.status).toBe(409);
    const after = await prisma.scoreReport.findUniqueOrThrow({
      where: { attemptId: ctx.attemptId },
      select: { version: true, areas: { select: { band: true } } },
    });
    expect(after).toEqual({ version: 2, areas: [{ band: "SAME" }] });
    expect(await prisma.activityLog.count({ where: { entity: "ScoreReport", caseId: ctx.caseId } })).toBe(2);
  });

  it("gives field errors for an unknown area and a band off the scale, keeps the rest, and saves nothing", async () => {
    const ctx = await setup();
    const cardio = indexOf("STEP1", "step1.system.cardiovascular");
    const form = reportForm(
      "STEP1",
      ctx.attemptId,
      { [PATHOLOGY]: "LOWER", [MICRO]: "BORDERLINE" },
      { [`areas[${cardio}].areaId`]: "step1.system.basket-weaving", [`areas[${cardio}].band`]: "LOWER", distanceNote: "Close." },
    );
    const res = await ctx.post(ctx.tutor.id, form);
    expect(res.status).toBe(400);
    const errors = res.data.result.error;
    expect(errors[`areas[${cardio}].areaId`][0]).toMatch(/Not a content area of Step 1/);
    expect(errors[`areas[${indexOf("STEP1", MICRO)}].band`][0]).toMatch(/Borderline is not on this report's scale/);
    expect(Object.keys(errors)).toHaveLength(2);
    expect(res.data.result.initialValue).toMatchObject({ distanceNote: "Close." });
    expect(res.data.result.initialValue.areas[indexOf("STEP1", PATHOLOGY)].band).toBe("LOWER");
    // A band outside every scale is refused too.
    const outOfSet = await ctx.post(ctx.tutor.id, reportForm("STEP1", ctx.attemptId, { [PATHOLOGY]: "TERRIBLE" }));
    expect(outOfSet.status).toBe(400);
    expect(Object.keys(outOfSet.data.result.error)).toEqual([`areas[${indexOf("STEP1", PATHOLOGY)}].band`]);

    expect(await prisma.scoreReport.count({ where: { caseId: ctx.caseId } })).toBe(0);
    expect(await prisma.scoreReportArea.count({ where: { report: { caseId: ctx.caseId } } })).toBe(0);
    expect(await prisma.activityLog.count({ where: { caseId: ctx.caseId, entity: "ScoreReport" } })).toBe(0);
  });

  it("refuses an attempt that is not a failure of this case", async () => {
    const ctx = await setup();
    const other = await setup();
    const res = await ctx.post(ctx.tutor.id, reportForm("STEP1", other.attemptId, { [PATHOLOGY]: "LOWER" }));
    expect(res.status).toBe(400);
    expect(res.data.result.error.attemptId[0]).toMatch(/failed attempt of this case/);
    expect(await prisma.scoreReport.count({ where: { attemptId: other.attemptId } })).toBe(0);
  });

  it("compares with the previous attempt's report: improved, persisted and worsened areas", async () => {
    const ctx = await setup();
    const first = await ctx.post(
      ctx.tutor.id,
      reportForm("STEP1", ctx.attemptId, { [PATHOLOGY]: "LOWER", [MICRO]: "LOWER", "step1.system.cardiovascular": "HIGHER" }),
    );
    expect(first.status).toBe(302);
    const second = await prisma.examAttempt.create({
      data: {
        schoolId: ctx.school.id,
        studentId: ctx.student.studentId,
        caseId: ctx.caseId,
        exam: "STEP1",
        takenOn: addDays(today(), -2),
        outcome: "FAIL",
      },
      select: { id: true },
    });
    const res = await ctx.post(
      ctx.tutor.id,
      reportForm("STEP1", second.id, { [PATHOLOGY]: "LOWER", [MICRO]: "SAME", "step1.system.cardiovascular": "SAME" }),
    );
    expect(res.status).toBe(302);
    const page = await call(loader, { userId: ctx.tutor.id, path: ctx.path, params: ctx.params });
    expect(page.data.selected.id).toBe(second.id);
    expect(page.data.previous.id).toBe(ctx.attemptId);
    const c = page.data.analysis.comparison;
    expect(c.persistingWeakAreas.map((a: { id: string }) => a.id)).toEqual([PATHOLOGY]);
    expect(c.improved.map((a: { id: string }) => a.id)).toEqual([MICRO]);
    expect(c.worsened.map((a: { id: string }) => a.id)).toEqual(["step1.system.cardiovascular"]);
    const summary = await loadDiagnosisSummary(ctx.caseId, { userId: ctx.tutor.id, relation: "TUTOR" });
    expect(summary.persisting).toEqual(["Pathology"]);
  });
});

describe("findings", () => {
  it("records a finding with a log entry that carries no evidence", async () => {
    const ctx = await setup();
    const finding = await addFinding(ctx.tutor.id, ctx, {
      kind: "CONTENT_GAP",
      severity: "3",
      evidence: "Pharmacology below 50% in the question bank.",
      areaIds: [PATHOLOGY, MICRO],
    });
    expect(finding).toMatchObject({ family: "CONTENT", kind: "CONTENT_GAP", severity: 3, authorId: ctx.tutor.id, visibility: "OFFICE" });
    expect((await prisma.findingArea.findMany({ where: { findingId: finding.id } })).map((a) => a.contentAreaId).sort()).toEqual(
      [MICRO, PATHOLOGY].sort(),
    );
    const log = await prisma.activityLog.findFirstOrThrow({ where: { entity: "Finding", entityId: finding.id } });
    expect(log.summary).toBe("Finding recorded");
    expect(`${log.before}${log.after}`).not.toContain("Pharmacology below");
  });

  it("refuses severity 4 and areas of another exam at their fields, keeps the evidence, and saves nothing", async () => {
    const ctx = await setup();
    const res = await ctx.post(
      ctx.tutor.id,
      findingForm({ kind: "CONTENT_GAP", severity: "4", evidence: "Kept text", areaIds: [PATHOLOGY, "step3.system.skin"] }),
    );
    expect(res.status).toBe(400);
    expect(res.data.result.error.severity[0]).toBe("Choose a severity from 1 to 3");
    expect(res.data.result.error["areaIds[1]"][0]).toMatch(/Not a content area of Step 1/);
    expect(res.data.result.initialValue).toMatchObject({ evidence: "Kept text", kind: "CONTENT_GAP" });
    expect(await prisma.finding.count({ where: { caseId: ctx.caseId } })).toBe(0);
  });

  it("keeps a private finding from the office and the student, shows an office-only anxiety finding to the student only as present", async () => {
    const ctx = await setup();
    await addFinding(ctx.tutor.id, ctx, { kind: "REASONING", visibility: "PRIVATE", evidence: "PRIVATE-EVIDENCE reasoning" });
    await addFinding(ctx.tutor.id, ctx, { kind: "TEST_ANXIETY", visibility: "OFFICE", evidence: "ANXIETY-EVIDENCE goes blank" });
    await addFinding(ctx.tutor.id, ctx, { kind: "TIMING", visibility: "STUDENT", evidence: "SHARED-EVIDENCE timing" });

    const office = await call(loader, { userId: ctx.advisor.id, path: ctx.path, params: ctx.params });
    const officeKinds = office.data.findings.map((f: { kind: string }) => f.kind).sort();
    expect(officeKinds).toEqual(["TEST_ANXIETY", "TIMING"]);
    expect(JSON.stringify(office.data)).not.toContain("PRIVATE-EVIDENCE");
    // The analysis was fed only what the office reads: no reasoning finding in its reasons.
    expect(office.data.analysis.character.reasons.join(" ")).not.toMatch(/reasoning errors/i);

    const tutor = await call(loader, { userId: ctx.tutor.id, path: ctx.path, params: ctx.params });
    expect(tutor.data.findings).toHaveLength(3);
    expect(tutor.data.analysis.character.reasons.join(" ")).toMatch(/Clinical reasoning errors/);

    const student = await call(loader, { userId: ctx.student.userId, path: ctx.path, params: ctx.params });
    expect(student.status).toBe(200);
    expect(student.data.view).toBe("STUDENT");
    const text = JSON.stringify(student.data);
    expect(text).not.toContain("PRIVATE-EVIDENCE");
    expect(text).not.toContain("ANXIETY-EVIDENCE");
    expect(text).not.toContain("TEST_ANXIETY");
    expect(text).not.toMatch(/anxiety/i);
    const shown = student.data.findings;
    expect(shown).toHaveLength(2);
    expect(shown.find((f: { presentOnly: boolean }) => f.presentOnly)).toMatchObject({
      title: "Something to talk through",
      evidence: null,
    });
    expect(shown.find((f: { presentOnly: boolean }) => !f.presentOnly)).toMatchObject({
      title: "Pacing",
      evidence: "SHARED-EVIDENCE timing",
      plan: expect.stringMatching(/your plan/i),
    });
    expect(student.data.characterSummary).toMatch(/plan/);
  });

  it("keeps history on edit (who, before/after, evidence only as changed) and guards the version", async () => {
    const ctx = await setup();
    const finding = await addFinding(ctx.tutor.id, ctx, { kind: "TEST_ANXIETY", severity: "1", evidence: "Nervous before block 1." });
    const edit = (userId: string, fields: Record<string, string>) =>
      ctx.post(userId, findingForm({ intent: "edit-finding", findingId: finding.id, kind: "TEST_ANXIETY", ...fields }));
    const ok = await edit(ctx.tutor.id, {
      expectedVersion: "1",
      severity: "3",
      visibility: "STUDENT",
      evidence: "Panics in block 1 and 2.",
    });
    expect(ok.status, JSON.stringify(ok.data)).toBe(302);
    const log = await prisma.activityLog.findFirstOrThrow({ where: { entityId: finding.id, action: "finding.updated" } });
    expect(log.actorId).toBe(ctx.tutor.id);
    expect(JSON.parse(log.before ?? "{}")).toEqual({ severity: 1, visibility: "OFFICE" });
    expect(JSON.parse(log.after ?? "{}")).toEqual({ severity: 3, visibility: "STUDENT", evidenceChanged: true });
    expect(`${log.summary}${log.before}${log.after}`).not.toMatch(/Panics|Nervous/);

    const stale = await edit(ctx.tutor.id, { expectedVersion: "1", severity: "2", evidence: "Stale edit" });
    expect(stale.status).toBe(409);
    expect(stale.data.error).toMatch(/Someone else changed this finding/);
    expect(stale.data.result.initialValue.evidence).toBe("Stale edit");
    expect(await prisma.finding.findUniqueOrThrow({ where: { id: finding.id }, select: { severity: true, version: true } })).toEqual({
      severity: 3,
      version: 2,
    });
  });

  it("refuses to remove a finding changed since the page was loaded, and keeps it", async () => {
    const ctx = await setup();
    const finding = await addFinding(ctx.tutor.id, ctx, { kind: "TIMING", evidence: "Runs out of time in block 4." });
    const edited = await ctx.post(
      ctx.advisor.id,
      findingForm({ intent: "edit-finding", findingId: finding.id, expectedVersion: "1", severity: "3" }),
    );
    expect(edited.status, JSON.stringify(edited.data)).toBe(302);

    const stale = await ctx.post(ctx.tutor.id, { intent: "delete-finding", findingId: finding.id, expectedVersion: "1" });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({
      intent: "delete-finding",
      rowId: finding.id,
      error: expect.stringMatching(/Someone else changed this finding/),
    });
    expect(await prisma.finding.findUniqueOrThrow({ where: { id: finding.id }, select: { deletedAt: true, version: true } })).toEqual({
      deletedAt: null,
      version: 2,
    });
    expect(await prisma.activityLog.count({ where: { entityId: finding.id, action: "finding.deleted" } })).toBe(0);
    // It is still on the tab.
    const page = await call(loader, { userId: ctx.tutor.id, path: ctx.path, params: ctx.params });
    expect(page.data.findings.map((f: { id: string }) => f.id)).toEqual([finding.id]);
  });

  it("lets only the author or the office edit and delete; deleting is soft and logged", async () => {
    const ctx = await setup();
    const byOffice = await addFinding(ctx.advisor.id, ctx, { kind: "NO_SIMULATION", evidence: "Never sat a full-length exam." });
    const byTutor = await addFinding(ctx.tutor.id, ctx, { kind: "TIMING", evidence: "Runs out of time." });
    const privateOne = await addFinding(ctx.tutor.id, ctx, { kind: "STAMINA", visibility: "PRIVATE", evidence: "Fades after block 5." });
    // A private finding does not exist for the office.
    const hidden = await ctx.post(ctx.advisor.id, { intent: "delete-finding", findingId: privateOne.id, expectedVersion: "1" });
    expect(hidden.status).toBe(404);

    // The tutor may not change the office's finding …
    const refused = await ctx.post(ctx.tutor.id, { intent: "delete-finding", findingId: byOffice.id, expectedVersion: "1" });
    expect(refused.status).toBe(403);
    const refusedEdit = await ctx.post(
      ctx.tutor.id,
      findingForm({ intent: "edit-finding", findingId: byOffice.id, expectedVersion: "1", kind: "NO_SIMULATION", severity: "3" }),
    );
    expect(refusedEdit.status).toBe(403);
    // … the office may change the tutor's, but not make it private to itself.
    const privateByOffice = await ctx.post(
      ctx.advisor.id,
      findingForm({ intent: "edit-finding", findingId: byTutor.id, expectedVersion: "1", visibility: "PRIVATE" }),
    );
    expect(privateByOffice.status).toBe(400);
    expect(privateByOffice.data.result.error.visibility[0]).toMatch(/Only its author/);
    const removed = await ctx.post(ctx.advisor.id, { intent: "delete-finding", findingId: byTutor.id, expectedVersion: "1" });
    expect(removed.status).toBe(302);
    expect((await prisma.finding.findUniqueOrThrow({ where: { id: byTutor.id } })).deletedAt).not.toBeNull();
    expect(await prisma.activityLog.count({ where: { entityId: byTutor.id, action: "finding.deleted", actorId: ctx.advisor.id } })).toBe(1);
    const page = await call(loader, { userId: ctx.tutor.id, path: ctx.path, params: ctx.params });
    expect(page.data.findings.map((f: { id: string }) => f.id).sort()).toEqual([byOffice.id, privateOne.id].sort());
    expect(page.data.findings.find((f: { id: string }) => f.id === byOffice.id).canManage).toBe(false);
  });
});

describe("who may read and write", () => {
  it("refuses a student who writes a finding or a report (403)", async () => {
    const ctx = await setup();
    const finding = await ctx.post(ctx.student.userId, findingForm({}));
    expect(finding.status).toBe(403);
    const report = await ctx.post(ctx.student.userId, reportForm("STEP1", ctx.attemptId, { [PATHOLOGY]: "LOWER" }));
    expect(report.status).toBe(403);
    expect(await prisma.finding.count({ where: { caseId: ctx.caseId } })).toBe(0);
    expect(await prisma.scoreReport.count({ where: { caseId: ctx.caseId } })).toBe(0);
  });

  it("refuses staff of another school and a tutor not on the case (403)", async () => {
    const ctx = await setup();
    const elsewhere = await createSchoolWithCase();
    const unassigned = await createUser({ schoolId: ctx.school.id, role: "TUTOR" });
    for (const userId of [elsewhere.tutor.id, elsewhere.advisor.id, unassigned.id]) {
      expect((await call(loader, { userId, path: ctx.path, params: ctx.params })).status).toBe(403);
      expect((await ctx.post(userId, findingForm({}))).status).toBe(403);
    }
  });

  it("keeps a closed case's diagnosis read-only: no report, no finding added, changed or removed (409)", async () => {
    const ctx = await setup();
    const finding = await addFinding(ctx.tutor.id, ctx, { kind: "TIMING", evidence: "Before the case closed." });
    const logged = await prisma.activityLog.count({ where: { caseId: ctx.caseId } });
    await prisma.retakeCase.update({ where: { id: ctx.caseId }, data: { status: "CLOSED", outcome: "WITHDRAWN", openSlot: null } });

    const added = await ctx.post(ctx.advisor.id, findingForm({ evidence: "After it closed." }));
    expect(added.status).toBe(409);
    expect(added.data.error).toBe("This case is closed.");
    expect(added.data.result.initialValue.evidence).toBe("After it closed.");
    const report = await ctx.post(ctx.tutor.id, reportForm("STEP1", ctx.attemptId, { [PATHOLOGY]: "LOWER" }));
    expect(report.status).toBe(409);
    expect(report.data.error).toBe("This case is closed.");
    expect(report.data.result.initialValue.areas[indexOf("STEP1", PATHOLOGY)].band).toBe("LOWER");
    const edited = await ctx.post(
      ctx.tutor.id,
      findingForm({ intent: "edit-finding", findingId: finding.id, expectedVersion: "1", severity: "3" }),
    );
    expect(edited.status).toBe(409);
    const removed = await ctx.post(ctx.tutor.id, { intent: "delete-finding", findingId: finding.id, expectedVersion: "1" });
    expect(removed.status).toBe(409);
    expect(removed.data).toMatchObject({ rowId: finding.id, error: "This case is closed." });

    expect(await prisma.finding.findMany({ where: { caseId: ctx.caseId }, select: { id: true, severity: true, deletedAt: true } })).toEqual(
      [{ id: finding.id, severity: 2, deletedAt: null }],
    );
    expect(await prisma.scoreReport.count({ where: { caseId: ctx.caseId } })).toBe(0);
    expect(await prisma.activityLog.count({ where: { caseId: ctx.caseId } })).toBe(logged);
  });
});

describe("the overview's summary", () => {
  it("is filtered for its viewer", async () => {
    const ctx = await setup();
    expect((await ctx.post(ctx.tutor.id, reportForm("STEP1", ctx.attemptId, { [PATHOLOGY]: "LOWER", [MICRO]: "SAME" }))).status).toBe(302);
    await addFinding(ctx.tutor.id, ctx, { kind: "HEALTH", visibility: "OFFICE", evidence: "HEALTH-EVIDENCE" });
    const staff = await loadDiagnosisSummary(ctx.caseId, { userId: ctx.advisor.id, relation: "OFFICE" });
    expect(staff).toMatchObject({
      audience: "STAFF",
      report: { reported: 2, lower: 1 },
      focus: ["Pathology"],
      findings: { shown: 1, presentOnly: 0 },
    });
    const student = await loadDiagnosisSummary(ctx.caseId, { userId: ctx.student.userId, relation: "STUDENT" });
    expect(student).toMatchObject({ audience: "STUDENT", magnitude: null, findings: { shown: 0, presentOnly: 1 } });
    expect(JSON.stringify(student)).not.toContain("HEALTH");
  });
});

describe("the plan builder", () => {
  it("starts from the analysis the Diagnostics tab shows", async () => {
    const ctx = await setup();
    const first = await ctx.post(
      ctx.tutor.id,
      reportForm("STEP1", ctx.attemptId, { [PATHOLOGY]: "LOWER", [MICRO]: "LOWER", [IMMUNO]: "SAME" }),
    );
    expect(first.status).toBe(302);
    await addFinding(ctx.tutor.id, ctx, { kind: "CONTENT_GAP", severity: "3", evidence: "Immunology gaps", areaIds: [IMMUNO] });
    // A newer failure without a report yet: both still read the latest report.
    await prisma.examAttempt.create({
      data: {
        schoolId: ctx.school.id,
        studentId: ctx.student.studentId,
        caseId: ctx.caseId,
        exam: "STEP1",
        takenOn: addDays(today(), -1),
        outcome: "FAIL",
      },
    });
    const page = await call(loader, { userId: ctx.tutor.id, path: ctx.path, params: ctx.params });
    const context = await loadPlanBuilderContext(ctx.caseId, { userId: ctx.tutor.id, relation: "TUTOR" });
    const reported = page.data.selected.report.areas.map((a: { contentAreaId: string; band: string }) => ({
      areaId: a.contentAreaId,
      band: a.band,
    }));
    const fromTab = focusFromDiagnosis(page.data.analysis, reported);
    expect(context.focusCandidates.map((c) => c.key)).toEqual(expect.arrayContaining([PATHOLOGY, MICRO]));
    expect(context.focusCandidates).toEqual(fromTab.focusCandidates);
    expect(context.strongAreas).toEqual(fromTab.strongAreas);
    expect(context.diagnosis).toEqual({
      reportOn: page.data.selected.takenOn,
      weakAreas: fromTab.focusCandidates.map((c) => c.label),
      findings: page.data.findings.length,
    });
  });
});

describe("queries", () => {
  it("do not grow with the number of findings and reports", async () => {
    const ctx = await setup();
    const count = () => countCall(() => call(loader, { userId: ctx.tutor.id, path: ctx.path, params: ctx.params }));
    await addFinding(ctx.tutor.id, ctx, { evidence: "one" });
    expect((await ctx.post(ctx.tutor.id, reportForm("STEP1", ctx.attemptId, { [PATHOLOGY]: "LOWER" }))).status).toBe(302);
    const few = await count();
    for (let i = 0; i < 8; i++)
      await addFinding(ctx.tutor.id, ctx, { kind: "CONTENT_GAP", evidence: `gap ${i}`, areaIds: [PATHOLOGY, MICRO] });
    const allLower = Object.fromEntries(gridAreas("STEP1").map((a) => [a.id, "LOWER"]));
    const second = await ctx.post(ctx.tutor.id, reportForm("STEP1", ctx.attemptId, allLower, { expectedVersion: "1" }));
    expect(second.status, JSON.stringify(second.data)).toBe(302);
    expect(await count()).toBe(few);
  });
});
