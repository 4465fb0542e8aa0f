import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { addDays, today } from "../../app/domain/dates";
import { commitImport, previewImport } from "../../app/domain/imports/import.server";
import { IMPORT_COLUMNS } from "../../app/domain/imports/schema";
import { templateCsv } from "../../app/domain/imports/templates.server";
import { recordAttempt } from "../../app/domain/attempts/mutations.server";
import { action as importAction } from "../../app/routes/app/office/import";
import { prisma } from "../../app/utils/db.server";
import { contextFor, ORIGIN } from "../utils/route";
import { createSchool, createUser } from "../factories";

async function office() {
  const school = await createSchool();
  const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
  return { school, advisor };
}

const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",")).join("\n");

describe("CSV import", () => {
  it("offers a template per kind with the right header", () => {
    for (const kind of ["STUDENTS", "ATTEMPTS", "PRACTICE"] as const) {
      const [header] = parse(templateCsv(kind)) as string[][];
      expect(header).toEqual(IMPORT_COLUMNS[kind].map((c) => c.name));
    }
  });

  it("imports nothing when one row is bad, names the row and the field, then commits the fixed file once", async () => {
    const { school, advisor } = await office();
    const header = ["student_id", "email", "name", "graduation_year", "international_graduate"];
    const bad = csv([
      header,
      ["S-1", "one@example.edu", "One Student", "2027", "no"],
      ["S-2", "not-an-email", "Two Student", "2027", "yes"],
      ["S-3", "three@example.edu", "Three", "", ""],
    ]);
    const preview = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "students.csv",
      content: bad,
      actorId: advisor.id,
    });
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.errors).toEqual([{ row: 3, column: "email", message: "email is not a valid email address." }]);
    expect(await prisma.studentProfile.count({ where: { schoolId: school.id } })).toBe(0);

    const fixed = bad.replace("not-an-email", "two@example.edu");
    const ok = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "students.csv",
      content: fixed,
      actorId: advisor.id,
    });
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    expect(ok.summary).toEqual({ rows: 3, create: 3, update: 0, unchanged: 0 });
    const committed = await commitImport({ batchId: ok.batchId, schoolIds: [school.id], actorId: advisor.id });
    expect(committed.ok).toBe(true);
    expect(await prisma.studentProfile.count({ where: { schoolId: school.id } })).toBe(3);
    // The same batch cannot be committed twice.
    expect((await commitImport({ batchId: ok.batchId, schoolIds: [school.id], actorId: advisor.id })).ok).toBe(false);

    // Importing the same file again changes nothing.
    const again = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "students.csv",
      content: fixed,
      actorId: advisor.id,
    });
    if (!again.ok) throw new Error("expected a clean preview");
    expect(again.summary).toEqual({ rows: 3, create: 0, update: 0, unchanged: 3 });
    expect(again.alreadyImportedOn).toBe(today());
    await commitImport({ batchId: again.batchId, schoolIds: [school.id], actorId: advisor.id });
    expect(await prisma.user.count({ where: { email: { in: ["one@example.edu", "two@example.edu", "three@example.edu"] } } })).toBe(3);
  });

  it("opens the same escalation for a second failure in a CSV as a hand-entered one", async () => {
    const { school, advisor } = await office();
    const students = csv([
      ["student_id", "email", "name"],
      ["A-1", "a1@example.edu", "Hand Entered"],
      ["A-2", "a2@example.edu", "From Csv"],
    ]);
    const p = await previewImport({ schoolId: school.id, kind: "STUDENTS", fileName: "s.csv", content: students, actorId: advisor.id });
    if (!p.ok) throw new Error("students should import");
    await commitImport({ batchId: p.batchId, schoolIds: [school.id], actorId: advisor.id });
    const [first, second] = [addDays(today(), -200), addDays(today(), -20)];

    // By hand for A-1.
    const handStudent = await prisma.studentProfile.findFirstOrThrow({ where: { schoolId: school.id, externalId: "A-1" } });
    for (const takenOn of [first, second])
      await recordAttempt({ studentId: handStudent.id, exam: "STEP1", takenOn, outcome: "FAIL", actorId: advisor.id });

    // By CSV for A-2, one bad row first: nothing is imported.
    const attempts = (rows: string[][]) => csv([["student_id", "exam", "taken_on", "outcome", "score"], ...rows]);
    const withBad = attempts([
      ["A-2", "Step 1", first, "fail", ""],
      ["A-2", "Step 1", second, "fail", ""],
      ["A-9", "Step 1", second, "fail", ""],
    ]);
    const refused = await previewImport({
      schoolId: school.id,
      kind: "ATTEMPTS",
      fileName: "a.csv",
      content: withBad,
      actorId: advisor.id,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]).toMatchObject({ row: 4, column: "student_id" });
    const good = await previewImport({
      schoolId: school.id,
      kind: "ATTEMPTS",
      fileName: "a.csv",
      content: attempts([
        ["A-2", "Step 1", second, "fail", ""],
        ["A-2", "step1", first, "FAIL", ""],
      ]),
      actorId: advisor.id,
    });
    if (!good.ok) throw new Error(JSON.stringify(good.errors));
    const done = await commitImport({ batchId: good.batchId, schoolIds: [school.id], actorId: advisor.id });
    expect(done.ok).toBe(true);

    const shape = async (externalId: string) => {
      const c = await prisma.retakeCase.findFirstOrThrow({
        where: { schoolId: school.id, student: { externalId } },
        select: {
          status: true,
          attemptsUsed: true,
          openEscalations: true,
          escalations: { select: { trigger: true, severity: true, status: true } },
        },
      });
      return c;
    };
    expect(await shape("A-2")).toEqual(await shape("A-1"));
    expect((await shape("A-2")).escalations).toEqual([{ trigger: "SECOND_FAILURE", severity: 2, status: "OPEN" }]);
    // Re-importing the attempts changes nothing.
    const again = await previewImport({
      schoolId: school.id,
      kind: "ATTEMPTS",
      fileName: "a.csv",
      content: attempts([
        ["A-2", "Step 1", second, "fail", ""],
        ["A-2", "step1", first, "FAIL", ""],
      ]),
      actorId: advisor.id,
    });
    if (!again.ok) throw new Error("expected a clean preview");
    expect(again.summary.unchanged).toBe(2);
    expect(again.summary.create).toBe(0);
  });

  it("imports practice exams on their own scales and refuses out-of-range scores", async () => {
    const { school, advisor } = await office();
    const s = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "s.csv",
      content: csv([
        ["student_id", "email", "name"],
        ["P-1", "p1@example.edu", "Practice Person"],
      ]),
      actorId: advisor.id,
    });
    if (!s.ok) throw new Error("students");
    await commitImport({ batchId: s.batchId, schoolIds: [school.id], actorId: advisor.id });
    const header = ["student_id", "instrument", "form", "taken_on", "score", "low_pass_low", "low_pass_high"];
    const bad = await previewImport({
      schoolId: school.id,
      kind: "PRACTICE",
      fileName: "p.csv",
      content: csv([
        header,
        ["P-1", "CBSSA", "Form 31", addDays(today(), -3), "101", "", ""],
        ["P-1", "UWSA", "UWSA 2", addDays(today(), -2), "320", "", ""],
      ]),
      actorId: advisor.id,
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors).toEqual([
        { row: 2, column: "score", message: "CBSSA scores run from 0 to 100." },
        { row: 3, column: "score", message: "UWSA scores run from 1 to 300." },
      ]);
    }
    const good = await previewImport({
      schoolId: school.id,
      kind: "PRACTICE",
      fileName: "p.csv",
      content: csv([header, ["P-1", "CBSSA", "Form 31", addDays(today(), -3), "66", "62", "68"]]),
      actorId: advisor.id,
    });
    if (!good.ok) throw new Error(JSON.stringify(good.errors));
    await commitImport({ batchId: good.batchId, schoolIds: [school.id], actorId: advisor.id });
    expect(await prisma.practiceExam.count({ where: { student: { externalId: "P-1" } } })).toBe(1);
  });

  it("keeps each school's batches to itself, and refuses tutors through the route", async () => {
    const a = await office();
    const b = await office();
    const p = await previewImport({
      schoolId: a.school.id,
      kind: "STUDENTS",
      fileName: "s.csv",
      content: csv([
        ["student_id", "email", "name"],
        ["X-1", "x1@example.edu", "X"],
      ]),
      actorId: a.advisor.id,
    });
    if (!p.ok) throw new Error("students");
    expect(await commitImport({ batchId: p.batchId, schoolIds: [b.school.id], actorId: b.advisor.id })).toMatchObject({ ok: false });

    const tutor = await createUser({ schoolId: a.school.id, role: "TUTOR" });
    const body = new FormData();
    body.set("intent", "preview");
    body.set("kind", "STUDENTS");
    body.set("file", new File(["student_id,email,name\nX-2,x2@example.edu,X"], "s.csv", { type: "text/csv" }));
    const request = new Request(`${ORIGIN}/office/import`, { method: "POST", body, headers: { Origin: ORIGIN } });
    await expect(importAction({ request, context: await contextFor(tutor.id), params: {} } as never)).rejects.toMatchObject({
      init: { status: 403 },
    });
    // The office's upload goes through the route too.
    const ok = (await importAction({
      request: new Request(`${ORIGIN}/office/import`, { method: "POST", body, headers: { Origin: ORIGIN } }),
      context: await contextFor(a.advisor.id),
      params: {},
    } as never)) as {
      data: { ok: boolean; summary: { create: number } };
    };
    expect(ok.data.ok).toBe(true);
    expect(ok.data.summary.create).toBe(1);
  });
});
