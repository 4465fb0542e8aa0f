import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { recordAttempt } from "#app/domain/attempts/mutations.server";
import { addDays, today } from "#app/domain/dates";
import { commitImport, previewImport, ROWS_REFUSED } from "#app/domain/imports/import.server";
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES } from "#app/domain/imports/schema";
import { templateCsv } from "#app/domain/imports/templates.server";
import { action as importAction } from "#app/routes/app/office/import";
import { prisma } from "#app/utils/db.server";
import { createSchool, createUser } from "../factories";
import { call } from "../utils/route";

async function office() {
  const school = await createSchool();
  const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
  return { school, advisor };
}

const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",")).join("\n");

/** The same person at a second school, in the given role. */
async function joinSchool(userId: string, schoolId: string, role: "ADVISOR" | "TUTOR" | "STUDENT") {
  await prisma.membership.create({ data: { userId, schoolId, role } });
}

interface ImportRequest {
  body: FormData | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
}

/** Runs the import route's action on a POST to the import page; it answers (refusals included), never throws. */
async function runImport(request: ImportRequest, userId: string) {
  const result = await call(importAction, { userId, path: "/office/import", ...request });
  expect(result.thrown).toBe(false);
  return result;
}

/** A multipart POST to the import page, as its forms send it. */
function importRequest(fields: Record<string, string | File>, headers: Record<string, string> = {}): ImportRequest {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return { body, headers };
}

const csvFile = (content: string, name = "s.csv") => new File([content], name, { type: "text/csv" });

async function activity(entityId: string, action: string) {
  return prisma.activityLog.findMany({
    where: { entityId, action },
    select: { schoolId: true, actorId: true, caseId: true, summary: true, before: true, after: true },
  });
}

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
    expect(preview.errors).toEqual([{ row: 3, column: "email", message: "Enter a valid email address.", value: "not-an-email" }]);
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
    expect(committed).toEqual({ ok: true, kind: "STUDENTS", summary: { rows: 3, create: 3, update: 0, unchanged: 0 } });
    expect(await prisma.studentProfile.count({ where: { schoolId: school.id } })).toBe(3);
    // The batch leaves its own entry, and each new student one of theirs.
    expect(await activity(ok.batchId, "import.committed")).toEqual([
      {
        schoolId: school.id,
        actorId: advisor.id,
        caseId: null,
        summary: "Students imported from students.csv: 3 new, 0 updated, 0 unchanged",
        before: null,
        after: JSON.stringify({ rows: 3, create: 3, update: 0, unchanged: 0 }),
      },
    ]);
    const profiles = await prisma.studentProfile.findMany({ where: { schoolId: school.id }, select: { id: true, externalId: true } });
    const added = await prisma.activityLog.findMany({
      where: { schoolId: school.id, action: "student.imported" },
      select: { entityId: true, actorId: true, after: true },
    });
    expect(added.map((a) => a.entityId).sort()).toEqual(profiles.map((p) => p.id).sort());
    expect(added.every((a) => a.actorId === advisor.id)).toBe(true);
    const s1 = profiles.find((p) => p.externalId === "S-1");
    expect(JSON.parse(added.find((a) => a.entityId === s1?.id)?.after ?? "null")).toEqual({
      studentId: "S-1",
      email: "one@example.edu",
      name: "One Student",
      graduationYear: 2027,
      internationalGraduate: false,
      accommodationStatus: "NONE",
    });
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
    const rowsNow = () =>
      prisma.studentProfile.findMany({
        where: { schoolId: school.id },
        select: {
          id: true,
          externalId: true,
          graduationYear: true,
          internationalGraduate: true,
          accommodationStatus: true,
          updatedAt: true,
          user: { select: { id: true, email: true, name: true, updatedAt: true } },
        },
        orderBy: { externalId: "asc" },
      });
    const before = await rowsNow();
    const reimported = await commitImport({ batchId: again.batchId, schoolIds: [school.id], actorId: advisor.id });
    expect(reimported).toEqual({ ok: true, kind: "STUDENTS", summary: { rows: 3, create: 0, update: 0, unchanged: 3 } });
    expect(await rowsNow()).toEqual(before);
    expect(await prisma.user.count({ where: { email: { in: ["one@example.edu", "two@example.edu", "three@example.edu"] } } })).toBe(3);
    expect(await prisma.activityLog.count({ where: { schoolId: school.id, action: "student.updated" } })).toBe(0);
  });

  it("logs each changed student with before and after, a changed sign-in email included", async () => {
    const { school, advisor } = await office();
    const header = ["student_id", "email", "name", "accommodation_status"];
    const first = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "first.csv",
      content: csv([header, ["U-1", "old@example.edu", "Uma Old", "none"], ["U-2", "same@example.edu", "Same Person", "none"]]),
      actorId: advisor.id,
    });
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    expect((await commitImport({ batchId: first.batchId, schoolIds: [school.id], actorId: advisor.id })).ok).toBe(true);

    const second = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "second.csv",
      content: csv([header, ["U-1", "new@example.edu", "Uma New", "requested"], ["U-2", "same@example.edu", "Same Person", "none"]]),
      actorId: advisor.id,
    });
    if (!second.ok) throw new Error(JSON.stringify(second.errors));
    expect(second.summary).toEqual({ rows: 2, create: 0, update: 1, unchanged: 1 });
    expect(await commitImport({ batchId: second.batchId, schoolIds: [school.id], actorId: advisor.id })).toMatchObject({ ok: true });

    const u1 = await prisma.studentProfile.findFirstOrThrow({
      where: { schoolId: school.id, externalId: "U-1" },
      select: { id: true, accommodationStatus: true, user: { select: { email: true, name: true } } },
    });
    expect(u1).toMatchObject({ accommodationStatus: "REQUESTED", user: { email: "new@example.edu", name: "Uma New" } });
    const [entry, ...more] = await activity(u1.id, "student.updated");
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ schoolId: school.id, actorId: advisor.id });
    expect(entry.summary).toBe(
      "Uma New (student_id U-1) updated by the import of second.csv: email, name, accommodationStatus; sign-in email changed from old@example.edu to new@example.edu",
    );
    expect(JSON.parse(entry.before ?? "null")).toEqual({ email: "old@example.edu", name: "Uma Old", accommodationStatus: "NONE" });
    expect(JSON.parse(entry.after ?? "null")).toEqual({ email: "new@example.edu", name: "Uma New", accommodationStatus: "REQUESTED" });
    // The unchanged student leaves no entry.
    expect(await prisma.activityLog.count({ where: { schoolId: school.id, action: "student.updated" } })).toBe(1);
  });

  it("refuses in the preview an email that belongs to staff at the school or to another school's account", async () => {
    const { school, advisor } = await office();
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const elsewhere = await createSchool();
    const tutorElsewhere = await createUser({ schoolId: elsewhere.id, role: "TUTOR" });
    // A student member here who has no profile yet keeps their one membership.
    const memberOnly = await createUser({ schoolId: school.id, role: "STUDENT" });
    const header = ["student_id", "email", "name"];
    const refused = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "s.csv",
      content: csv([header, ["T-1", tutor.email, "Tutor As Student"], ["T-2", advisor.email, "Advisor As Student"]]),
      actorId: advisor.id,
    });
    expect(refused).toEqual({
      ok: false,
      code: "INVALID",
      message: ROWS_REFUSED,
      rows: 2,
      errorCount: 2,
      errors: [
        {
          row: 2,
          column: "email",
          message: `${tutor.email} belongs to a tutor at your school; a student needs an email address of their own.`,
        },
        {
          row: 3,
          column: "email",
          message: `${advisor.email} belongs to an advisor at your school; a student needs an email address of their own.`,
        },
      ],
    });

    // An account of another school is not joined to this one by an import: its owner accepts an invitation.
    const elsewhereRow = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "s.csv",
      content: csv([header, ["T-3", tutorElsewhere.email, "Also A Student"], ["T-4", memberOnly.email, "Member Only"]]),
      actorId: advisor.id,
    });
    expect(elsewhereRow).toEqual({
      ok: false,
      code: "INVALID",
      message: ROWS_REFUSED,
      rows: 2,
      errorCount: 1,
      errors: [
        {
          row: 2,
          column: "email",
          message: `${tutorElsewhere.email} already has a Retake Desk account. Invite them as a student from Users; once they have accepted, import this row again.`,
        },
      ],
    });
    expect(await prisma.membership.findMany({ where: { userId: tutorElsewhere.id }, select: { schoolId: true, role: true } })).toEqual([
      { schoolId: elsewhere.id, role: "TUTOR" },
    ]);

    // A student member of this school without a profile yet gets one, keeping their one membership.
    const ok = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "s.csv",
      content: csv([header, ["T-4", memberOnly.email, "Member Only"]]),
      actorId: advisor.id,
    });
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    expect(await commitImport({ batchId: ok.batchId, schoolIds: [school.id], actorId: advisor.id })).toMatchObject({ ok: true });
    expect(await prisma.membership.findMany({ where: { userId: memberOnly.id }, select: { schoolId: true, role: true } })).toEqual([
      { schoolId: school.id, role: "STUDENT" },
    ]);
    expect(await prisma.studentProfile.count({ where: { schoolId: school.id, externalId: "T-4" } })).toBe(1);
    // Their account has a password already: no activation mail.
    expect(await prisma.outboxMessage.count({ where: { toAddress: memberOnly.email } })).toBe(0);
  });

  it("mails each new student an activation link, and gives an invited student's profile its number", async () => {
    const { school, advisor } = await office();
    const admin = await createUser({ schoolId: school.id, role: "ADMIN" });
    const invitedEmail = `invited-${Date.now()}@example.edu`;
    const { createInvitation, acceptInvitation } = await import("#app/domain/invitations/mutations.server");
    await createInvitation({ schoolId: school.id, email: invitedEmail, name: "Invited Student", role: "STUDENT", invitedById: admin.id });
    const { mailedToken } = await import("../utils/mail");
    const token = await mailedToken(invitedEmail, "INVITATION", "/invite");
    expect(await acceptInvitation(token, { kind: "create", name: "Invited Student", password: "a long passphrase of mine" })).toMatchObject(
      {
        ok: true,
      },
    );
    const header = ["student_id", "email", "name", "graduation_year"];
    const preview = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "s.csv",
      content: csv([header, ["N-1", "n1@example.edu", "New One", "2027"], ["N-2", invitedEmail, "Invited Student", "2028"]]),
      actorId: advisor.id,
    });
    if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
    expect(preview.summary).toEqual({ rows: 2, create: 1, update: 1, unchanged: 0 });
    expect(await commitImport({ batchId: preview.batchId, schoolIds: [school.id], actorId: advisor.id })).toMatchObject({ ok: true });
    const mails = await prisma.outboxMessage.findMany({
      where: { toAddress: "n1@example.edu" },
      select: { kind: true, schoolId: true, text: true },
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "ACTIVATION", schoolId: school.id });
    expect(mails[0].text).toMatch(/\/activate\/[a-z2-7]+/);
    expect(await prisma.outboxMessage.count({ where: { toAddress: invitedEmail, kind: "ACTIVATION" } })).toBe(0);
    expect(
      await prisma.studentProfile.findFirstOrThrow({
        where: { schoolId: school.id, user: { email: invitedEmail } },
        select: { externalId: true, graduationYear: true },
      }),
    ).toEqual({ externalId: "N-2", graduationYear: 2028 });
  });

  it("changes the sign-in email only of an account nobody has used yet, and mails the new address", async () => {
    const { school, advisor } = await office();
    const header = ["student_id", "email", "name"];
    const first = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "first.csv",
      content: csv([
        header,
        ["E-1", "e1@example.edu", "Never Active"],
        ["E-2", "e2@example.edu", "Active Already"],
        ["E-3", "e3@example.edu", "Two Schools"],
      ]),
      actorId: advisor.id,
    });
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    expect(await commitImport({ batchId: first.batchId, schoolIds: [school.id], actorId: advisor.id })).toMatchObject({ ok: true });
    const active = await prisma.user.findUniqueOrThrow({ where: { email: "e2@example.edu" } });
    await prisma.user.update({
      where: { id: active.id },
      data: { passwordHash: (await prisma.user.findUniqueOrThrow({ where: { id: advisor.id } })).passwordHash },
    });
    const shared = await prisma.user.findUniqueOrThrow({ where: { email: "e3@example.edu" } });
    await joinSchool(shared.id, (await createSchool()).id, "TUTOR");
    const refused = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "second.csv",
      content: csv([header, ["E-2", "attacker@example.edu", "Active Already"], ["E-3", "attacker2@example.edu", "Two Schools"]]),
      actorId: advisor.id,
    });
    expect(refused).toMatchObject({
      ok: false,
      errors: [
        {
          row: 2,
          column: "email",
          message: "Active Already has activated their account, so its sign-in email cannot be changed by an import.",
        },
        {
          row: 3,
          column: "email",
          message: "Two Schools's account also belongs to another school, so its sign-in email cannot be changed by an import.",
        },
      ],
    });
    expect(await prisma.user.count({ where: { email: { in: ["attacker@example.edu", "attacker2@example.edu"] } } })).toBe(0);
    const oldLink = await prisma.accountToken.findFirstOrThrow({ where: { user: { email: "e1@example.edu" }, purpose: "ACTIVATION" } });
    const corrected = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "third.csv",
      content: csv([header, ["E-1", "e1.fixed@example.edu", "Never Active"]]),
      actorId: advisor.id,
    });
    if (!corrected.ok) throw new Error(JSON.stringify(corrected.errors));
    expect(await commitImport({ batchId: corrected.batchId, schoolIds: [school.id], actorId: advisor.id })).toMatchObject({ ok: true });
    expect(await prisma.outboxMessage.count({ where: { toAddress: "e1.fixed@example.edu", kind: "ACTIVATION" } })).toBe(1);
    // The link sent to the old address no longer works.
    expect((await prisma.accountToken.findUniqueOrThrow({ where: { id: oldLink.id } })).revokedAt).not.toBeNull();
  });

  it("refuses the commit when the data changed after the preview, and imports nothing", async () => {
    const { school, advisor } = await office();
    const preview = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "s.csv",
      content: csv([
        ["student_id", "email", "name"],
        ["C-1", "c1@example.edu", "Clean One"],
        ["C-2", "c2@example.edu", "Soon A Tutor"],
      ]),
      actorId: advisor.id,
    });
    if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
    // Meanwhile the second email becomes a tutor's at the school.
    await prisma.user.create({
      data: { email: "c2@example.edu", name: "Now A Tutor", memberships: { create: { schoolId: school.id, role: "TUTOR" } } },
    });
    const committed = await commitImport({ batchId: preview.batchId, schoolIds: [school.id], actorId: advisor.id });
    expect(committed).toEqual({
      ok: false,
      code: "CONFLICT",
      message: "The data changed since the preview; nothing was imported.",
      errors: [
        {
          row: 3,
          column: "email",
          message: "c2@example.edu belongs to a tutor at your school; a student needs an email address of their own.",
        },
      ],
    });
    expect(await prisma.user.count({ where: { email: "c1@example.edu" } })).toBe(0);
    expect(await prisma.studentProfile.count({ where: { schoolId: school.id } })).toBe(0);
    expect(await prisma.importBatch.findUniqueOrThrow({ where: { id: preview.batchId }, select: { status: true } })).toEqual({
      status: "PREVIEWED",
    });
  });

  it("rolls the whole commit back when a write fails midway", async () => {
    const { school, advisor } = await office();
    const preview = await previewImport({
      schoolId: school.id,
      kind: "STUDENTS",
      fileName: "s.csv",
      content: csv([
        ["student_id", "email", "name"],
        ["R-1", "r1@example.edu", "Rolled Back"],
        ["R-2", "r2@example.edu", "Fails Midway"],
      ]),
      actorId: advisor.id,
    });
    if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
    // The users and memberships are written before the profiles; a profile write then fails.
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER import_fails_midway BEFORE INSERT ON "StudentProfile" WHEN NEW."externalId" = 'R-2' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    );
    try {
      // SQLite reports a trigger's abort as a constraint failure.
      await expect(commitImport({ batchId: preview.batchId, schoolIds: [school.id], actorId: advisor.id })).rejects.toThrow(/constraint/i);
    } finally {
      await prisma.$executeRawUnsafe("DROP TRIGGER import_fails_midway");
    }
    expect(await prisma.user.count({ where: { email: { in: ["r1@example.edu", "r2@example.edu"] } } })).toBe(0);
    expect(await prisma.membership.count({ where: { schoolId: school.id, role: "STUDENT" } })).toBe(0);
    expect(await prisma.studentProfile.count({ where: { schoolId: school.id } })).toBe(0);
    expect(
      await prisma.activityLog.count({ where: { schoolId: school.id, action: { in: ["student.imported", "import.committed"] } } }),
    ).toBe(0);
    // The batch was not spent: once the failure is gone it commits.
    expect(await commitImport({ batchId: preview.batchId, schoolIds: [school.id], actorId: advisor.id })).toMatchObject({ ok: true });
    expect(await prisma.studentProfile.count({ where: { schoolId: school.id } })).toBe(2);
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
    expect((await shape("A-2")).escalations).toEqual([{ trigger: "SECOND_FAILURE", severity: 3, status: "OPEN" }]);
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
        { row: 2, column: "score", message: "CBSSA scores run from 0 to 100.", value: "101" },
        { row: 3, column: "score", message: "UWSA scores run from 1 to 300.", value: "320" },
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
    expect(await commitImport({ batchId: good.batchId, schoolIds: [school.id], actorId: advisor.id })).toMatchObject({ ok: true });
    const exam = await prisma.practiceExam.findFirstOrThrow({
      where: { student: { externalId: "P-1" } },
      select: { id: true, version: true },
    });
    expect(await prisma.practiceExam.count({ where: { student: { externalId: "P-1" } } })).toBe(1);
    const [logged] = await activity(exam.id, "practice.logged");
    expect(logged).toMatchObject({ schoolId: school.id, actorId: advisor.id });
    expect(JSON.parse(logged.after ?? "null")).toMatchObject({
      instrumentId: "NBME_CBSSA",
      form: "Form 31",
      score: 66,
      lowPassLow: 62,
      lowPassHigh: 68,
    });

    // A corrected score in a later file updates the same exam and logs before and after.
    const corrected = await previewImport({
      schoolId: school.id,
      kind: "PRACTICE",
      fileName: "p2.csv",
      content: csv([header, ["P-1", "CBSSA", "Form 31", addDays(today(), -3), "70", "62", "68"]]),
      actorId: advisor.id,
    });
    if (!corrected.ok) throw new Error(JSON.stringify(corrected.errors));
    expect(corrected.summary).toEqual({ rows: 1, create: 0, update: 1, unchanged: 0 });
    expect(await commitImport({ batchId: corrected.batchId, schoolIds: [school.id], actorId: advisor.id })).toMatchObject({ ok: true });
    expect(await prisma.practiceExam.findUniqueOrThrow({ where: { id: exam.id }, select: { score: true, version: true } })).toEqual({
      score: 70,
      version: exam.version + 1,
    });
    const [updated, ...more] = await activity(exam.id, "practice.updated");
    expect(more).toEqual([]);
    expect(updated.summary).toMatch(/^Practice exam corrected by the import of p2\.csv: CBSSA Form 31 of .+, 66.* → 70/);
    expect(JSON.parse(updated.before ?? "null")).toEqual({ score: 66 });
    expect(JSON.parse(updated.after ?? "null")).toEqual({ score: 70 });
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
    const upload = () =>
      importRequest({ intent: "preview", kind: "STUDENTS", file: csvFile("student_id,email,name\nX-2,x2@example.edu,X") });
    const refused = await call(importAction, { userId: tutor.id, path: "/office/import", ...upload() });
    expect(refused).toMatchObject({ thrown: true, status: 403, response: null }); // a thrown data(), as the office guard throws
    // The office's upload goes through the route too.
    const ok = await runImport(upload(), a.advisor.id);
    expect(ok.data.ok).toBe(true);
    expect(ok.data.summary.create).toBe(1);
  });

  it("commits a previewed file through the route, once", async () => {
    const { school, advisor } = await office();
    const preview = await runImport(
      importRequest({ intent: "preview", kind: "STUDENTS", file: csvFile("student_id,email,name\nW-1,w1@example.edu,Via Route") }),
      advisor.id,
    );
    expect(preview.status).toBe(200);
    expect(preview.data).toMatchObject({ ok: true, kind: "STUDENTS", schoolId: school.id, summary: { create: 1 } });
    const commit = await runImport(importRequest({ intent: "commit", batchId: preview.data.batchId }), advisor.id);
    expect(commit).toMatchObject({ status: 302, location: "/office/import" });
    expect(await prisma.studentProfile.count({ where: { schoolId: school.id, externalId: "W-1" } })).toBe(1);
    expect(await activity(preview.data.batchId, "import.committed")).toHaveLength(1);

    const again = await runImport(importRequest({ intent: "commit", batchId: preview.data.batchId }), advisor.id);
    expect(again).toMatchObject({
      status: 409,
      data: { intent: "commit", step: "commit", ok: false, error: "That import was already committed." },
    });
    const missing = await runImport(importRequest({ intent: "commit" }), advisor.id);
    expect(missing).toMatchObject({ status: 400, data: { step: "commit", ok: false, error: "That import was not found." } });
    const unknown = await call(importAction, { userId: advisor.id, path: "/office/import", ...importRequest({ intent: "upload" }) });
    expect(unknown).toMatchObject({ thrown: true, status: 400, data: { message: "That request was not understood." } });
    const noKind = await runImport(importRequest({ intent: "preview", kind: "GRADES", file: csvFile("x") }), advisor.id);
    expect(noKind).toMatchObject({ status: 400, data: { ok: false, kind: null, fieldErrors: { kind: ["Choose what the file holds."] } } });
    const noFile = await runImport(importRequest({ intent: "preview", kind: "ATTEMPTS" }), advisor.id);
    expect(noFile).toMatchObject({
      status: 400,
      data: { ok: false, kind: "ATTEMPTS", fieldErrors: { file: ["Choose a CSV file to upload."] } },
    });
  });

  it("refuses a file over the size limit with 413, however it is sent", async () => {
    const { school, advisor } = await office();
    const tooLarge = { status: 413, data: { ok: false, error: "The file is too large (5 MB at most)." } };
    // Declared too large: refused before the body is read.
    const declared = importRequest(
      { intent: "preview", kind: "STUDENTS", file: csvFile("student_id,email,name\n") },
      { "Content-Length": String(MAX_IMPORT_BYTES + 20_000) },
    );
    expect(await runImport(declared, advisor.id)).toMatchObject(tooLarge);
    // Streamed without a length: counted as it arrives.
    const big = new Uint8Array(MAX_IMPORT_BYTES + 20_000).fill(97);
    const streamed = {
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(big);
          controller.close();
        },
      }),
      headers: { "Content-Type": "multipart/form-data; boundary=xyz" },
    };
    expect(await runImport(streamed, advisor.id)).toMatchObject(tooLarge);
    // A file just over the limit in an otherwise small form.
    const justOver = importRequest({ intent: "preview", kind: "STUDENTS", file: csvFile("a".repeat(MAX_IMPORT_BYTES + 1)) });
    expect(await runImport(justOver, advisor.id)).toMatchObject({
      status: 413,
      data: { ok: false, kind: "STUDENTS", fieldErrors: { file: ["The file is too large (5 MB at most)."] } },
    });
    expect(await prisma.importBatch.count({ where: { schoolId: school.id } })).toBe(0);
  });

  it("imports into the school the office member chooses, only one of theirs", async () => {
    const a = await office();
    const b = await office();
    const outsider = await office();
    await joinSchool(a.advisor.id, b.school.id, "ADVISOR");
    const file = () => csvFile("student_id,email,name\nM-1,m1@example.edu,Second School");

    // With two schools, the school must be chosen; the choices made are kept.
    const unchosen = await runImport(importRequest({ intent: "preview", kind: "STUDENTS", file: file() }), a.advisor.id);
    expect(unchosen).toMatchObject({
      status: 400,
      data: { ok: false, kind: "STUDENTS", schoolId: null, fieldErrors: { schoolId: ["Choose the school."] } },
    });
    const foreign = await runImport(
      importRequest({ intent: "preview", kind: "STUDENTS", schoolId: outsider.school.id, file: file() }),
      a.advisor.id,
    );
    expect(foreign).toMatchObject({ status: 400, data: { ok: false, fieldErrors: { schoolId: ["Choose one of your schools."] } } });

    const preview = await runImport(
      importRequest({ intent: "preview", kind: "STUDENTS", schoolId: b.school.id, file: file() }),
      a.advisor.id,
    );
    expect(preview).toMatchObject({ status: 200, data: { ok: true, schoolId: b.school.id } });
    expect(await prisma.importBatch.findUniqueOrThrow({ where: { id: preview.data.batchId }, select: { schoolId: true } })).toEqual({
      schoolId: b.school.id,
    });
    // The other school's office cannot commit it; the chooser can.
    expect(await runImport(importRequest({ intent: "commit", batchId: preview.data.batchId }), outsider.advisor.id)).toMatchObject({
      status: 409,
      data: { error: "That import was not found." },
    });
    expect(await runImport(importRequest({ intent: "commit", batchId: preview.data.batchId }), a.advisor.id)).toMatchObject({
      status: 302,
    });
    expect(await prisma.studentProfile.count({ where: { schoolId: b.school.id, externalId: "M-1" } })).toBe(1);
    expect(await prisma.studentProfile.count({ where: { schoolId: a.school.id } })).toBe(0);
    // A tutor at the second school does not make it an office school.
    const tutorToo = await office();
    await joinSchool(tutorToo.advisor.id, b.school.id, "TUTOR");
    const notOffice = await runImport(
      importRequest({ intent: "preview", kind: "STUDENTS", schoolId: b.school.id, file: file() }),
      tutorToo.advisor.id,
    );
    expect(notOffice).toMatchObject({ status: 400, data: { fieldErrors: { schoolId: ["Choose one of your schools."] } } });
  });
});
