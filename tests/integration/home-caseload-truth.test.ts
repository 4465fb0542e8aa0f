/**
 * Home and caseload tell the truth (docs/decisions/0024): a missed milestone
 * still open is on the tutor's home; the latest practice score sorts by its
 * distance to passing on its own scale; a page past the end shows the last
 * page; the column choice is in the URL; views are saved per person.
 */
import { describe, expect, it } from "vitest";
import { addDays, today } from "#app/domain/dates";
import { logPracticeExam } from "#app/domain/practice/mutations.server";
import type { ExamId, InstrumentId } from "#app/domain/reference";
import { action as caseloadAction, loader as caseloadLoader } from "#app/routes/app/cases/index";
import { loader as homeLoader } from "#app/routes/app/home";
import { loader as exportLoader } from "#app/routes/resources/cases-export";
import { prisma } from "#app/utils/db.server";
import { createFailedCase, createSchoolWithCase, createStudent, createUser, takeCaseAs } from "../factories";
import { call, download } from "../utils/route";

const day = today();

describe("this week's milestones on the tutor's home", () => {
  it("includes a missed milestone still open, a week before the exam, and leaves out one a practice exam fulfilled", async () => {
    const { caseId, tutor, student } = await createSchoolWithCase();
    await takeCaseAs({ caseId, tutorId: tutor.id, status: "ACTIVE", targetExamDate: addDays(day, 7) });
    const plan = await prisma.plan.create({ data: { caseId, currentVersion: 1 }, select: { id: true } });
    const version = await prisma.planVersion.create({
      data: {
        planId: plan.id,
        number: 1,
        template: "FIRST_RETAKE",
        startDate: addDays(day, -40),
        examDate: addDays(day, 7),
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
          dueOn: addDays(day, -38),
          instrumentId: "NBME_CBSSA",
          label: "Baseline: CBSSA",
        },
        // Due before this week began (at least seven days ago), and no practice exam since.
        {
          caseId,
          planVersionId: version.id,
          uid: "final",
          kind: "FINAL",
          dueOn: addDays(day, -9),
          instrumentId: "NBME_CBSSA",
          label: "Final: CBSSA",
        },
      ],
    });
    const logged = await logPracticeExam({
      caseId,
      actor: { userId: tutor.id, relation: "TUTOR" },
      values: {
        instrumentId: "NBME_CBSSA",
        form: "Form 30",
        takenOn: addDays(day, -38),
        score: 58,
        milestoneUid: "baseline",
        breakdown: null,
      },
    });
    expect(logged.ok).toBe(true);

    const home = await call(homeLoader, { userId: tutor.id, path: "/" });
    expect(home.status).toBe(200);
    const milestones: Array<{ caseId: string; label: string; state: string; studentName: string }> = home.data.staff.milestones;
    expect(milestones).toEqual([expect.objectContaining({ caseId, label: "Final: CBSSA", state: "MISSED", studentName: student.name })]);
  });
});

/** A case of `exam` taken by the tutor, active, with one practice score logged a week ago. */
async function caseWithScore(schoolId: string, tutorId: string, exam: ExamId, instrumentId: InstrumentId, score: number) {
  const student = await createStudent(schoolId);
  const { caseId } = await createFailedCase({ studentId: student.studentId, exam });
  await takeCaseAs({ caseId, tutorId, status: "ACTIVE", targetExamDate: addDays(day, 60) });
  const logged = await logPracticeExam({
    caseId,
    actor: { userId: tutorId, relation: "TUTOR" },
    values: { instrumentId, form: "", takenOn: addDays(day, -7), score, breakdown: null },
  });
  if (!logged.ok) throw new Error(logged.message);
  return caseId;
}

describe("the caseload", () => {
  it("sorts the latest practice score by its distance to passing on its own scale", async () => {
    const { school, advisor, tutor } = await createSchoolWithCase();
    const cbssa75 = await caseWithScore(school.id, tutor.id, "STEP1", "NBME_CBSSA", 75);
    const uwsa238 = await caseWithScore(school.id, tutor.id, "STEP2_CK", "UWSA", 238);
    const cbssa58 = await caseWithScore(school.id, tutor.id, "STEP1", "NBME_CBSSA", 58);
    const ids = async (dir: string) =>
      (await call(caseloadLoader, { userId: advisor.id, path: `/cases?sort=practice&dir=${dir}` })).data.rows
        .map((r: { id: string }) => r.id)
        .filter((id: string) => [cbssa75, uwsa238, cbssa58].includes(id));
    // CBSSA 58 is below the low-pass band; UWSA 238 is 20 points over Step 2 CK's 218 (about 2 standard errors);
    // CBSSA 75 is 13 points over the band's 62 (about 3).
    expect(await ids("asc")).toEqual([cbssa58, uwsa238, cbssa75]);
    expect(await ids("desc")).toEqual([cbssa75, uwsa238, cbssa58]);
  });

  it("shows the last page for a page past the end, not an empty range", async () => {
    // Eleven cases at ten a page (the smallest page size): the last page is page 2, with one row,
    // so a fallback to the first page (ten rows) would show.
    const { school, advisor } = await createSchoolWithCase();
    for (let i = 0; i < 10; i += 1) await createFailedCase({ studentId: (await createStudent(school.id)).studentId });
    const result = await call(caseloadLoader, { userId: advisor.id, path: "/cases?page=99&size=10" });
    expect(result.status).toBe(200);
    expect(result.data.total).toBe(11);
    expect(result.data.params.page).toBe(2);
    expect(result.data.rows).toHaveLength(1);
    const lastPage = await call(caseloadLoader, { userId: advisor.id, path: "/cases?page=2&size=10" });
    expect(result.data.rows.map((r: { id: string }) => r.id)).toEqual(lastPage.data.rows.map((r: { id: string }) => r.id));
    const firstPage = await call(caseloadLoader, { userId: advisor.id, path: "/cases?page=1&size=10" });
    expect(firstPage.data.rows).toHaveLength(10);
    expect(firstPage.data.rows.map((r: { id: string }) => r.id)).not.toContain(result.data.rows[0].id);
  });

  it("takes the column choice from the URL, over the remembered one, in the page and in the export", async () => {
    const { advisor } = await createSchoolWithCase();
    const page = await call(caseloadLoader, {
      userId: advisor.id,
      path: "/cases?hide=risk,tutor",
      headers: { Cookie: "rd_caseload_columns=exam" },
    });
    expect(page.data.hidden).toEqual(["tutor", "risk"]);
    expect(page.data.viewSearch).toBe("?hide=tutor%2Crisk");
    const csv = await (await download(exportLoader, { userId: advisor.id, path: "/cases/export.csv?hide=risk,tutor" })).text();
    const header = csv.split("\n")[0];
    expect(header).toContain("Exam");
    expect(header).not.toContain("Risk");
    expect(header).not.toContain("Tutor");
  });

  it("saves views per person: replaced by name, refused without a name, deleted only by their owner", async () => {
    const { school, advisor } = await createSchoolWithCase();
    const other = await createUser({ schoolId: school.id, role: "ADVISOR" });
    const save = (name: string, search: string) =>
      call(caseloadAction, { userId: advisor.id, path: "/cases", form: { intent: "save-view", name, search } });

    const blank = await save("  ", "?exam=STEP1");
    expect(blank.status).toBe(400);
    expect(blank.data.result.error.name).toBeDefined();

    const saved = await save("Step 2 at risk", "?exam=STEP2_CK&risk=HIGH&hide=tutor&page=4&sort=__proto__");
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/cases?exam=STEP2_CK&risk=HIGH&hide=tutor");
    expect((await save("Step 2 at risk", "?exam=STEP2_CK")).status).toBe(302);

    const mine = await call(caseloadLoader, { userId: advisor.id, path: "/cases" });
    expect(mine.data.views).toEqual([expect.objectContaining({ name: "Step 2 at risk", search: "?exam=STEP2_CK" })]);
    const theirs = await call(caseloadLoader, { userId: other.id, path: "/cases" });
    expect(theirs.data.views).toEqual([]);

    const viewId = mine.data.views[0].id;
    const forged = await call(caseloadAction, { userId: other.id, path: "/cases", form: { intent: "delete-view", viewId } });
    expect(forged.status).toBe(404);
    expect(await prisma.savedView.count({ where: { id: viewId } })).toBe(1);
    const deleted = await call(caseloadAction, { userId: advisor.id, path: "/cases", form: { intent: "delete-view", viewId } });
    expect(deleted.status).toBe(302);
    expect(await prisma.savedView.count({ where: { id: viewId } })).toBe(0);
  });
});
