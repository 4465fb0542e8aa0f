import { describe, expect, it } from "vitest";
import { addDays, today } from "#app/domain/dates";
import { PRACTICE_DELETE_CONFLICT_MESSAGE } from "#app/domain/practice/mutations.server";
import { action, loader } from "#app/routes/app/cases/progress";
import { prisma } from "#app/utils/db.server";
import { createSchoolWithCase, createStudent, takeCaseAs } from "../factories";
import { countCall } from "../utils/queries";
import { call } from "../utils/route";

const day = today();
const ago = (n: number) => addDays(day, -n);

/** An active Step 1 case with a tutor, an exam date in five weeks and a plan with two milestones. */
async function activeCase() {
  const setup = await createSchoolWithCase();
  const { caseId, tutor } = setup;
  await takeCaseAs({ caseId, tutorId: tutor.id, status: "ACTIVE", targetExamDate: addDays(day, 35) });
  // The plan is written directly: these tests need only its two milestones, not a built plan's content.
  const plan = await prisma.plan.create({ data: { caseId, currentVersion: 1 }, select: { id: true } });
  const version = await prisma.planVersion.create({
    data: {
      planId: plan.id,
      number: 1,
      template: "FIRST_RETAKE",
      startDate: ago(20),
      examDate: addDays(day, 35),
      hoursPerDay: 8,
      restDay: 7,
      content: "{}",
    },
    select: { id: true },
  });
  await prisma.milestone.createMany({
    data: [
      {
        caseId,
        planVersionId: version.id,
        uid: "baseline",
        kind: "BASELINE",
        dueOn: ago(18),
        instrumentId: "NBME_CBSSA",
        label: "Baseline: CBSSA",
      },
      {
        caseId,
        planVersionId: version.id,
        uid: "midpoint",
        kind: "MIDPOINT",
        dueOn: addDays(day, 7),
        instrumentId: "NBME_CBSSA",
        label: "Midpoint: CBSSA",
      },
    ],
  });
  return setup;
}

const cbssa = (overrides: Record<string, string> = {}) => ({
  intent: "log",
  instrumentId: "NBME_CBSSA",
  form: "Form 30",
  takenOn: ago(1),
  score: "66",
  ...overrides,
});

function post(userId: string, caseId: string, form: Record<string, string>, search = "") {
  return call(action, { userId, path: `/cases/${caseId}/progress${search}`, params: { caseId }, form });
}

function load(userId: string, caseId: string, search = "") {
  return call(loader, { userId, path: `/cases/${caseId}/progress${search}`, params: { caseId } });
}

describe("logging practice exams", () => {
  it("lets the student log a CBSSA for themself; the tutor is told and the case's figures move", async () => {
    const { caseId, student, tutor } = await activeCase();
    const result = await post(
      student.userId,
      caseId,
      cbssa({ passProbability: "70", lowPassLow: "62", lowPassHigh: "68", milestoneUid: "baseline" }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/cases/${caseId}/progress`);

    const rows = await prisma.practiceExam.findMany({ where: { studentId: student.studentId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      caseId,
      instrumentId: "NBME_CBSSA",
      form: "Form 30",
      score: 66,
      passProbability: 70,
      lowPassLow: 62,
      lowPassHigh: 68,
      milestoneUid: "baseline",
      recordedById: student.userId,
      source: "MANUAL",
    });

    const log = await prisma.activityLog.findFirst({ where: { entity: "PracticeExam", entityId: rows[0].id } });
    expect(log?.action).toBe("practice.logged");
    expect(log?.caseId).toBe(caseId);
    expect(JSON.parse(log?.after ?? "{}")).toMatchObject({ score: 66, instrumentId: "NBME_CBSSA" });

    const notes = await prisma.notification.findMany({ where: { caseId, kind: "PRACTICE_LOGGED" } });
    expect(notes.map((n) => n.userId)).toEqual([tutor.id]);
    expect(notes[0].link).toBe(`/cases/${caseId}/progress`);

    const row = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.latestPracticeScore).toBe(66);
    expect(row.latestPracticeInstrument).toBe("NBME_CBSSA");
    expect(row.latestPracticeOn).toBe(ago(1));
    expect(row.derivedAt).not.toBeNull();
  });

  it("tells the student when their tutor or the office logs a score", async () => {
    const { caseId, student, tutor, advisor } = await activeCase();
    expect((await post(tutor.id, caseId, cbssa())).status).toBe(302);
    expect((await post(advisor.id, caseId, cbssa({ form: "Form 31" }))).status).toBe(302);
    const notes = await prisma.notification.findMany({ where: { caseId, kind: "PRACTICE_LOGGED" }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => n.userId)).toEqual([student.userId, student.userId]);
    const recorders = await prisma.practiceExam.findMany({ where: { studentId: student.studentId }, select: { recordedById: true } });
    expect(recorders.map((r) => r.recordedById).sort()).toEqual([tutor.id, advisor.id].sort());
  });

  it("refuses a CBSSA of 101% and a UWSA of 320 with a field error, keeping what was typed", async () => {
    const { caseId, student } = await activeCase();
    const tooHigh = await post(student.userId, caseId, cbssa({ score: "101" }));
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.data.result.error).toEqual({ score: ["CBSSA scores run from 0 to 100%"] });
    expect(tooHigh.data.result.initialValue).toMatchObject({ score: "101", form: "Form 30" });

    const uwsa = await post(student.userId, caseId, cbssa({ instrumentId: "UWSA", form: "UWSA 2", score: "320" }));
    expect(uwsa.status).toBe(400);
    expect(uwsa.data.result.error).toEqual({ score: ["UWSA scores run from 1 to 300"] });
    expect(await prisma.practiceExam.count({ where: { studentId: student.studentId } })).toBe(0);
  });

  it("names the valid forms, refuses an instrument for another exam, a future date and an unknown milestone", async () => {
    const { caseId, tutor } = await activeCase();
    const retired = await post(tutor.id, caseId, cbssa({ form: "Form 25" }));
    expect(retired.data.result.error.form).toEqual([
      "Choose one of the current CBSSA forms: Form 26, Form 27, Form 28, Form 29, Form 30, Form 31, Form 32, Form 33",
    ]);
    const wrongForm = await post(tutor.id, caseId, cbssa({ instrumentId: "UWSA", form: "Form 30", score: "210" }));
    expect(wrongForm.data.result.error.form).toEqual(["Choose one of the current UWSA forms: UWSA 1, UWSA 2, UWSA 3"]);
    const ccssa = await post(tutor.id, caseId, cbssa({ instrumentId: "NBME_CCSSA", form: "Form 12", score: "210" }));
    expect(ccssa.data.result.error.instrumentId).toEqual(["CCSSA is not used to prepare for Step 1"]);
    const future = await post(tutor.id, caseId, cbssa({ takenOn: addDays(day, 1) }));
    expect(future.data.result.error.takenOn).toEqual(["The date cannot be in the future"]);
    const milestone = await post(tutor.id, caseId, cbssa({ milestoneUid: "nope" }));
    expect(milestone.data.result.error.milestoneUid).toEqual(["Choose one of the plan's milestones"]);
    const breakdown = await post(tutor.id, caseId, cbssa({ breakdown: "Renal: 60\nCardio sixty" }));
    expect(breakdown.data.result.error.breakdown).toEqual(["Line 2: write it as “Area: percent”, for example “Cardiovascular: 62”"]);
  });

  it("answers a duplicate (same instrument, date and form) with a field error", async () => {
    const { caseId, student, tutor } = await activeCase();
    expect((await post(student.userId, caseId, cbssa())).status).toBe(302);
    const again = await post(tutor.id, caseId, cbssa({ score: "70" }));
    expect(again.status).toBe(400);
    expect(again.data.result.error.takenOn[0]).toMatch(/^A CBSSA Form 30 of .* is already logged/);
    expect(again.data.result.initialValue.score).toBe("70");
    expect(await prisma.practiceExam.count({ where: { studentId: student.studentId } })).toBe(1);
  });

  it("stores a per-area breakdown", async () => {
    const { caseId, student } = await activeCase();
    await post(student.userId, caseId, cbssa({ breakdown: "Renal: 60\nCardiovascular: 72%" }));
    const row = await prisma.practiceExam.findFirstOrThrow({ where: { studentId: student.studentId }, select: { breakdown: true } });
    expect(JSON.parse(row.breakdown ?? "null")).toEqual([
      { area: "Renal", percent: 60 },
      { area: "Cardiovascular", percent: 72 },
    ]);
    const page = await load(student.userId, caseId);
    expect(page.data.log[0].breakdown).toHaveLength(2);
  });

  it("refuses logging on a closed case", async () => {
    const { caseId, tutor } = await activeCase();
    await prisma.retakeCase.update({ where: { id: caseId }, data: { status: "CLOSED", outcome: "WITHDRAWN", openSlot: null } });
    const result = await post(tutor.id, caseId, cbssa());
    expect(result.status).toBe(409);
    expect(result.data.result.error[""]).toEqual(["This case is closed: its practice-exam record stays as it was."]);
  });
});

describe("who may log and see scores", () => {
  it("lets a student see and log only on their own case (403 on another student's)", async () => {
    const { caseId, school } = await activeCase();
    const other = await createStudent(school.id);
    expect((await load(other.userId, caseId)).status).toBe(403);
    const attempt = await post(other.userId, caseId, cbssa());
    expect(attempt.status).toBe(403);
    expect(await prisma.practiceExam.count({ where: { caseId } })).toBe(0);
  });

  it("refuses a tutor of another school and a tutor not assigned to the case", async () => {
    const { caseId, otherTutor, student } = await activeCase();
    const elsewhere = await createSchoolWithCase();
    for (const userId of [elsewhere.tutor.id, elsewhere.advisor.id, otherTutor.id]) {
      expect((await load(userId, caseId)).status).toBe(403);
      expect((await post(userId, caseId, cbssa())).status).toBe(403);
    }
    expect(await prisma.practiceExam.count({ where: { studentId: student.studentId } })).toBe(0);
  });

  it("shows a student their own scores only: another student's never reach their chart", async () => {
    const { caseId, student, school, advisor } = await activeCase();
    const other = await createStudent(school.id);
    await prisma.practiceExam.create({
      data: {
        studentId: other.studentId,
        instrumentId: "NBME_CBSSA",
        form: "Form 29",
        takenOn: ago(2),
        score: 88,
        recordedById: advisor.id,
      },
    });
    await post(student.userId, caseId, cbssa());
    const page = await load(student.userId, caseId);
    expect(page.status).toBe(200);
    expect(page.data.log.map((r: { score: number }) => r.score)).toEqual([66]);
    expect(page.data.charts.flatMap((c: { table: { rows: { score: number }[] } }) => c.table.rows.map((r) => r.score))).toEqual([66]);
  });
});

describe("the trajectory on the Progress tab", () => {
  it("never puts a CBSSA on the three-digit chart", async () => {
    const { caseId, tutor } = await activeCase();
    await post(tutor.id, caseId, cbssa());
    await post(tutor.id, caseId, cbssa({ instrumentId: "UWSA", form: "UWSA 1", score: "214" }));
    const page = await load(tutor.id, caseId);
    const charts = page.data.charts as Array<{
      scaleFamily: string;
      series: { instrumentId: string }[];
      table: { rows: { instrumentId: string }[] };
    }>;
    expect(charts.map((c) => c.scaleFamily)).toEqual(["PERCENT", "THREE_DIGIT"]);
    const threeDigit = charts.find((c) => c.scaleFamily === "THREE_DIGIT");
    expect(threeDigit?.series.map((s) => s.instrumentId)).toEqual(["UWSA"]);
    expect(threeDigit?.table.rows.map((r) => r.instrumentId)).toEqual(["UWSA"]);
    const percent = charts.find((c) => c.scaleFamily === "PERCENT");
    expect(percent?.series.map((s) => s.instrumentId)).toEqual(["NBME_CBSSA"]);
  });

  it("projects to the exam date from three scores and moves the gate as scores arrive", async () => {
    const { caseId, student } = await activeCase();
    const first = await load(student.userId, caseId);
    expect(first.data.charts).toEqual([]);
    expect(first.data.readiness.met).toBe(false);
    expect(first.data.readiness.howFar).toBe("2 more CBSSAs needed");

    await post(student.userId, caseId, cbssa({ takenOn: ago(14), form: "Form 28", score: "70" }));
    await post(student.userId, caseId, cbssa({ takenOn: ago(7), form: "Form 29", score: "75" }));
    const two = await load(student.userId, caseId);
    expect(two.data.charts[0].series[0].projection.kind).toBe("NOT_ENOUGH_DATA");
    expect(two.data.charts[0].summary).toContain("not enough data to project (2 scores)");
    expect(two.data.readiness.howFar).toBe("1 more CBSSA needed");

    await post(student.userId, caseId, cbssa({ takenOn: ago(1), form: "Form 30", score: "78" }));
    const three = await load(student.userId, caseId);
    const projection = three.data.charts[0].series[0].projection;
    expect(projection.kind).toBe("PROJECTED");
    expect(projection.targetDate).toBe(addDays(day, 35));
    expect(three.data.charts[0].summary).toMatch(/CBSSA: projected \d+%, 80% range \d+–\d+%/);
    expect(three.data.readiness.met).toBe(true);
    expect(three.data.readiness.howFar).toBe("Met");
    const row = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { readinessMet: true } });
    expect(row.readinessMet).toBe(true);
  });

  it("shows the trajectory risks with their reasons", async () => {
    const { caseId, tutor } = await activeCase();
    // Falling CBSSAs, the last one 22 days ago: projected below the band, and a practice gap.
    await post(tutor.id, caseId, cbssa({ takenOn: ago(40), form: "Form 27", score: "62" }));
    await post(tutor.id, caseId, cbssa({ takenOn: ago(30), form: "Form 28", score: "59" }));
    await post(tutor.id, caseId, cbssa({ takenOn: ago(22), form: "Form 29", score: "55" }));
    const page = await load(tutor.id, caseId);
    const codes = page.data.risks.map((f: { code: string }) => f.code);
    expect(codes).toContain("PROJECTION_BELOW_PASSING");
    expect(codes).toContain("PRACTICE_GAP");
    for (const flag of page.data.risks) expect(flag.reason.length).toBeGreaterThan(20);
    expect(
      codes.every((c: string) => ["PROJECTION_BELOW_PASSING", "PRACTICE_GAP", "MILESTONE_MISSED", "GATE_UNMET_NEAR_EXAM"].includes(c)),
    ).toBe(true);
  });

  it("lists the plan's current milestones for linking", async () => {
    const { caseId, student } = await activeCase();
    const page = await load(student.userId, caseId);
    expect(page.data.milestones.map((m: { uid: string }) => m.uid)).toEqual(["baseline", "midpoint"]);
  });

  it("issues the same number of queries for 3 scores as for 60", async () => {
    const count = (userId: string, caseId: string) => countCall(() => load(userId, caseId));
    const seed = async (studentId: string, caseId: string, n: number) => {
      await prisma.practiceExam.createMany({
        data: Array.from({ length: n }, (_, i) => ({
          studentId,
          caseId,
          instrumentId: i % 2 ? "UWSA" : "NBME_CBSSA",
          form: i % 2 ? "UWSA 1" : "Form 30",
          takenOn: ago(i + 1),
          score: i % 2 ? 200 + (i % 20) : 55 + (i % 20),
        })),
      });
    };
    const small = await activeCase();
    const large = await activeCase();
    await seed(small.student.studentId, small.caseId, 3);
    await seed(large.student.studentId, large.caseId, 60);
    const a = await count(small.tutor.id, small.caseId);
    const b = await count(large.tutor.id, large.caseId);
    expect(a).toBeGreaterThan(0);
    expect(b).toBe(a);
  });
});

describe("correcting and deleting scores", () => {
  async function withLogged() {
    const setup = await activeCase();
    await post(setup.student.userId, setup.caseId, cbssa());
    await post(setup.tutor.id, setup.caseId, cbssa({ form: "Form 31", takenOn: ago(3), score: "64" }));
    const mine = await prisma.practiceExam.findFirstOrThrow({ where: { recordedById: setup.student.userId } });
    const tutors = await prisma.practiceExam.findFirstOrThrow({ where: { recordedById: setup.tutor.id } });
    return { ...setup, mine, tutors };
  }

  const update = (record: { id: string; version: number }, overrides: Record<string, string> = {}) =>
    cbssa({ intent: "update", id: record.id, expectedVersion: String(record.version), ...overrides });

  it("lets a student correct their own score, audited with the score before and after", async () => {
    const { caseId, student, mine } = await withLogged();
    const page = await load(student.userId, caseId, `?edit=${mine.id}`);
    expect(page.data.editing.id).toBe(mine.id);
    const result = await post(student.userId, caseId, update(mine, { score: "69" }), `?edit=${mine.id}`);
    expect(result.status).toBe(302);
    const after = await prisma.practiceExam.findUniqueOrThrow({ where: { id: mine.id } });
    expect(after.score).toBe(69);
    expect(after.version).toBe(2);
    const log = await prisma.activityLog.findFirstOrThrow({ where: { entityId: mine.id, action: "practice.updated" } });
    expect(JSON.parse(log.before ?? "{}")).toEqual({ score: 66 });
    expect(JSON.parse(log.after ?? "{}")).toEqual({ score: 69 });
    expect(log.summary).toContain("66% → 69%");
    const row = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { latestPracticeScore: true } });
    expect(row.latestPracticeScore).toBe(69);
  });

  it("does not let a student correct or delete a score their tutor logged, nor open it for editing", async () => {
    const { caseId, student, tutors } = await withLogged();
    expect((await load(student.userId, caseId, `?edit=${tutors.id}`)).data.editing).toBeNull();
    const edit = await post(student.userId, caseId, update(tutors, { form: "Form 31", takenOn: ago(3), score: "90" }));
    expect(edit.status).toBe(403);
    const remove = await post(student.userId, caseId, { intent: "delete", id: tutors.id, expectedVersion: String(tutors.version) });
    expect(remove.status).toBe(403);
    expect((await prisma.practiceExam.findUniqueOrThrow({ where: { id: tutors.id } })).score).toBe(64);
  });

  it("lets the tutor correct any of the student's scores, and refuses a stale save with a conflict", async () => {
    const { caseId, tutor, advisor, mine } = await withLogged();
    expect((await post(tutor.id, caseId, update(mine, { score: "67" }))).status).toBe(302);
    const stale = await post(advisor.id, caseId, update(mine, { score: "68" }));
    expect(stale.status).toBe(409);
    expect(stale.data.result.error[""][0]).toMatch(/^Someone else changed this score/);
    expect(stale.data.result.initialValue.score).toBe("68");
    expect((await prisma.practiceExam.findUniqueOrThrow({ where: { id: mine.id } })).score).toBe(67);
  });

  it("refuses a correction that would duplicate another score", async () => {
    const { caseId, tutor, mine } = await withLogged();
    const clash = await post(tutor.id, caseId, update(mine, { form: "Form 31", takenOn: ago(3) }));
    expect(clash.status).toBe(400);
    expect(clash.data.result.error.takenOn[0]).toMatch(/already logged/);
  });

  it("deletes a score, keeping what it was in the activity log", async () => {
    const { caseId, student, mine } = await withLogged();
    const result = await post(student.userId, caseId, { intent: "delete", id: mine.id, expectedVersion: String(mine.version) });
    expect(result.status).toBe(302);
    expect(await prisma.practiceExam.findUnique({ where: { id: mine.id } })).toBeNull();
    const log = await prisma.activityLog.findFirstOrThrow({ where: { entityId: mine.id, action: "practice.deleted" } });
    expect(JSON.parse(log.before ?? "{}")).toMatchObject({ score: 66, form: "Form 30" });
    // Deleting it again: the row is gone, so there is nothing to delete.
    const again = await post(student.userId, caseId, { intent: "delete", id: mine.id, expectedVersion: String(mine.version) });
    expect(again.status).toBe(404);
  });

  it("refuses to delete a score corrected since the page was read, and keeps it", async () => {
    const { caseId, student, tutor, mine } = await withLogged();
    expect((await post(tutor.id, caseId, update(mine, { score: "67" }))).status).toBe(302);
    // The student's page still shows version 1 of the score.
    const stale = await post(student.userId, caseId, { intent: "delete", id: mine.id, expectedVersion: String(mine.version) });
    expect(stale.status).toBe(409);
    expect(stale.data.result.error[""]).toEqual([PRACTICE_DELETE_CONFLICT_MESSAGE]);
    const kept = await prisma.practiceExam.findUniqueOrThrow({ where: { id: mine.id } });
    expect(kept).toMatchObject({ score: 67, version: mine.version + 1 });
    expect(await prisma.activityLog.count({ where: { entityId: mine.id, action: "practice.deleted" } })).toBe(0);
    // With the version the page shows now, the delete goes through.
    const fresh = await post(student.userId, caseId, { intent: "delete", id: mine.id, expectedVersion: String(kept.version) });
    expect(fresh.status).toBe(302);
    expect(await prisma.practiceExam.findUnique({ where: { id: mine.id } })).toBeNull();
  });

  it("refuses to touch another student's score through this case", async () => {
    const { caseId, tutor, school, advisor } = await withLogged();
    const other = await createStudent(school.id);
    const foreign = await prisma.practiceExam.create({
      data: {
        studentId: other.studentId,
        instrumentId: "NBME_CBSSA",
        form: "Form 29",
        takenOn: ago(2),
        score: 70,
        recordedById: advisor.id,
      },
    });
    const result = await post(tutor.id, caseId, { intent: "delete", id: foreign.id, expectedVersion: "1" });
    expect(result.status).toBe(404);
    expect(await prisma.practiceExam.findUnique({ where: { id: foreign.id } })).not.toBeNull();
  });
});
