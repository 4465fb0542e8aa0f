import { describe, expect, it } from "vitest";
import { addDays, today } from "#app/domain/dates";
import { createNote } from "#app/domain/notes/mutations.server";
import { loadStudentRecord } from "#app/domain/records/student-record.server";
import { loader as accessLogLoader } from "#app/routes/app/admin/access-log";
import { loader as notesLoader } from "#app/routes/app/cases/notes";
import { loader as recordPage } from "#app/routes/app/me/record";
import { action as disclosuresAction } from "#app/routes/app/office/disclosures";
import { loader as recordJson } from "#app/routes/resources/my-record";
import { prisma } from "#app/utils/db.server";
import { createFailedCase, createSchoolWithCase, createStudent, createUser, takeCaseAs } from "../factories";
import { request, signIn } from "../utils/app";
import { call, download } from "../utils/route";

/** The signed-in person's record download, through its route. */
const recordDownload = (userId: string, query = "") => download(recordJson, { userId, path: `/me/record.json${query}` });

async function caseWithNotes() {
  const setup = await createSchoolWithCase({ takenBy: "tutor" });
  const note = (visibility: "PRIVATE" | "OFFICE" | "STUDENT", body: string) =>
    createNote({
      caseId: setup.caseId,
      schoolId: setup.school.id,
      actorId: setup.tutor.id,
      form: { sessionOn: addDays(today(), -1), body, visibility },
    });
  await note("PRIVATE", "PRIVATE-MARKER the student mentioned family stress");
  await note("OFFICE", "OFFICE-MARKER referred to the learning specialist");
  await note("STUDENT", "STUDENT-MARKER agreed the first two weeks");
  return setup;
}

describe("privacy", () => {
  it("never shows a private note to the office or the student, in pages or exports", async () => {
    const { caseId, advisor, student, tutor } = await caseWithNotes();
    const bodies = async (userId: string) =>
      JSON.stringify((await call(notesLoader, { userId, path: `/cases/${caseId}/notes`, params: { caseId } })).data);

    expect(await bodies(tutor.id)).toContain("PRIVATE-MARKER");
    const office = await bodies(advisor.id);
    expect(office).not.toContain("PRIVATE-MARKER");
    expect(office).toContain("OFFICE-MARKER");
    const own = await bodies(student.userId);
    expect(own).not.toContain("PRIVATE-MARKER");
    expect(own).not.toContain("OFFICE-MARKER");
    expect(own).toContain("STUDENT-MARKER");

    const record = JSON.stringify(await loadStudentRecord(student.userId));
    expect(record).not.toContain("PRIVATE-MARKER");
    expect(record).not.toContain("OFFICE-MARKER");
    expect(record).toContain("STUDENT-MARKER");

    // The download itself, through its route.
    const downloaded = await (await recordDownload(student.userId)).text();
    expect(downloaded).not.toContain("PRIVATE-MARKER");
    expect(downloaded).not.toContain("OFFICE-MARKER");
    expect(downloaded).toContain("STUDENT-MARKER");
  });

  it("counts on the record page what the download holds", async () => {
    const { student } = await caseWithNotes();
    const record = await loadStudentRecord(student.userId);
    const page = await call(recordPage, { userId: student.userId, path: "/me/record" });
    expect(page.status).toBe(200);
    expect(page.data.attempts).toEqual(record.attempts);
    expect(page.data.disclosures).toEqual(record.disclosures);
    expect(page.data.counts).toEqual({
      reports: record.scoreReports.length,
      findings: record.findings.length,
      notes: record.sessionNotes.length,
      planVersions: record.plans.length,
      practiceExams: record.practiceExams.length,
      checkIns: record.checkIns.length,
      escalationOutcomes: record.escalationOutcomes.length,
    });
    // Only the note shared with the student counts.
    expect(page.data.counts.notes).toBe(1);
  });

  it("lets a student download only their own record", async () => {
    const { school, student, advisor, tutor } = await caseWithNotes();
    // A classmate with a case of their own, two failures and a note for them.
    const classmate = await createStudent(school.id);
    const other = await createFailedCase({ studentId: classmate.studentId, exam: "STEP2_CK", score: 201, actorId: advisor.id });
    await takeCaseAs({ caseId: other.caseId, tutorId: tutor.id });
    await createNote({
      caseId: other.caseId,
      schoolId: school.id,
      actorId: tutor.id,
      form: { sessionOn: addDays(today(), -1), body: "CLASSMATE-MARKER shared with the classmate", visibility: "STUDENT" },
    });

    // Naming someone else in the address changes nothing: the route serves the caller's own record.
    const response = await recordDownload(student.userId, `?userId=${classmate.userId}&studentId=${classmate.studentId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const text = await response.text();
    const record = JSON.parse(text);
    expect(record.student).toHaveLength(1);
    expect(record.student[0].email).toBe(student.email);
    expect(record.attempts).toHaveLength(1);
    expect(record.attempts[0].exam).toBe("STEP1");
    expect(text).not.toContain(classmate.email);
    expect(text).not.toContain("CLASSMATE-MARKER");
    const theirs = JSON.parse(await (await recordDownload(classmate.userId)).text());
    expect(theirs.student[0].email).toBe(classmate.email);
    expect(JSON.stringify(theirs)).not.toContain("STUDENT-MARKER");

    // Staff have no record to download and cannot reach a student's through it.
    for (const staff of [advisor, tutor]) {
      const refused = await call(recordJson, { userId: staff.id, path: `/me/record.json?userId=${student.userId}` });
      expect(refused).toMatchObject({ thrown: true, status: 403 });
      expect((await call(recordPage, { userId: staff.id, path: "/me/record" })).status).toBe(403);
    }
    expect((await call(recordJson, { userId: null, path: "/me/record.json" })).thrown).toBe(true);
  });

  it("records staff reads of a case, visible to the school's admins only", async () => {
    const { caseId, advisor, admin, tutor, student } = await caseWithNotes();
    for (const userId of [tutor.id, student.userId]) {
      const res = await request(`/cases/${caseId}`, { cookie: await signIn(userId) });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    const log = await call(accessLogLoader, { userId: admin.id, path: "/admin/access-log" });
    const readers = log.data.entries
      .filter((e: { caseId: string }) => e.caseId === caseId)
      .map((e: { staff: { email: string } }) => e.staff.email);
    expect(readers).toContain(tutor.email);
    expect(readers).not.toContain(student.email);
    expect((await call(accessLogLoader, { userId: advisor.id, path: "/admin/access-log" })).status).toBe(403);
    const elsewhere = await createSchoolWithCase();
    const other = await call(accessLogLoader, { userId: elsewhere.admin.id, path: "/admin/access-log" });
    expect(other.data.entries.some((e: { caseId: string }) => e.caseId === caseId)).toBe(false);
  });

  it("logs a disclosure that the student can see, and only for the office's own students", async () => {
    const { school, advisor, student } = await caseWithNotes();
    const form = {
      student: student.email,
      recipient: "Lakeside Residency Program",
      purpose: "Residency application",
      records: "Transcript of attempts",
      disclosedOn: today(),
      consentReference: "Consent form 2026-14",
    };
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const byTutor = await call(disclosuresAction, { userId: tutor.id, path: "/office/disclosures", form });
    expect(byTutor).toMatchObject({ thrown: true, status: 403 });
    expect(await prisma.disclosure.count({ where: { studentId: student.studentId } })).toBe(0);

    const logged = await call(disclosuresAction, { userId: advisor.id, path: "/office/disclosures", form });
    expect(logged.status).toBe(302);
    const disclosure = await prisma.disclosure.findFirstOrThrow({
      where: { studentId: student.studentId },
      select: { id: true, schoolId: true },
    });
    expect(disclosure.schoolId).toBe(school.id);
    const entries = await prisma.activityLog.findMany({
      where: { entity: "Disclosure", entityId: disclosure.id },
      select: { schoolId: true, actorId: true, action: true, summary: true, after: true },
    });
    expect(entries).toEqual([
      {
        schoolId: school.id,
        actorId: advisor.id,
        action: "disclosure.logged",
        summary: "Disclosure to Lakeside Residency Program logged",
        after: JSON.stringify({ recipient: "Lakeside Residency Program", disclosedOn: today() }),
      },
    ]);
    const record = await loadStudentRecord(student.userId);
    expect(record.disclosures).toEqual([
      {
        recipient: "Lakeside Residency Program",
        purpose: "Residency application",
        records: "Transcript of attempts",
        disclosedOn: today(),
        consentReference: "Consent form 2026-14",
      },
    ]);
    expect(await prisma.notification.count({ where: { userId: student.userId, kind: "DISCLOSURE" } })).toBe(1);

    const elsewhere = await createSchoolWithCase();
    const refused = await call(disclosuresAction, { userId: elsewhere.advisor.id, path: "/office/disclosures", form });
    expect(refused.status).toBe(400);
    expect(refused.data.result.error.student[0]).toMatch(/No student of your school/);
    const future = await call(disclosuresAction, {
      userId: advisor.id,
      path: "/office/disclosures",
      form: { ...form, disclosedOn: addDays(today(), 2) },
    });
    expect(future.status).toBe(400);
    expect(future.data.result.error.disclosedOn).toEqual([
      "A disclosure is logged once it has happened: the date cannot be in the future.",
    ]);
    // The values typed are kept for the form.
    expect(future.data.result.initialValue).toMatchObject({ recipient: "Lakeside Residency Program", student: student.email });
    expect(await prisma.disclosure.count({ where: { studentId: student.studentId } })).toBe(1);
  });

  it("logs a disclosure in the school an office member of two schools chooses", async () => {
    const a = await createSchoolWithCase();
    const b = await createSchoolWithCase();
    const outsider = await createSchoolWithCase();
    await prisma.membership.create({ data: { userId: a.advisor.id, schoolId: b.school.id, role: "ADVISOR" } });
    // The same student number at both schools.
    await prisma.studentProfile.update({ where: { id: a.student.studentId }, data: { externalId: "D-100" } });
    await prisma.studentProfile.update({ where: { id: b.student.studentId }, data: { externalId: "D-100" } });
    const form = {
      student: "D-100",
      recipient: "State Licensing Board",
      purpose: "Licensure verification",
      records: "Attempt history",
      disclosedOn: today(),
    };
    const path = "/office/disclosures";

    const unchosen = await call(disclosuresAction, { userId: a.advisor.id, path, form });
    expect(unchosen.status).toBe(400);
    expect(unchosen.data.result.error.schoolId).toEqual(["Choose the school."]);
    const foreign = await call(disclosuresAction, { userId: a.advisor.id, path, form: { ...form, schoolId: outsider.school.id } });
    expect(foreign.status).toBe(400);
    expect(foreign.data.result.error.schoolId).toEqual(["Choose one of your schools."]);
    expect(await prisma.disclosure.count({ where: { studentId: { in: [a.student.studentId, b.student.studentId] } } })).toBe(0);

    const logged = await call(disclosuresAction, { userId: a.advisor.id, path, form: { ...form, schoolId: b.school.id } });
    expect(logged.status).toBe(302);
    expect(
      await prisma.disclosure.findMany({ where: { recipient: "State Licensing Board" }, select: { studentId: true, schoolId: true } }),
    ).toEqual([{ studentId: b.student.studentId, schoolId: b.school.id }]);
    // With one school the field is not needed.
    expect((await call(disclosuresAction, { userId: b.advisor.id, path, form })).status).toBe(302);
    expect(await prisma.disclosure.count({ where: { studentId: b.student.studentId } })).toBe(2);
  });
});
