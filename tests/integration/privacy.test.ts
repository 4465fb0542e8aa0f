import { describe, expect, it } from "vitest";
import { addDays, today } from "../../app/domain/dates";
import { createNote } from "../../app/domain/notes/mutations.server";
import { loadStudentRecord } from "../../app/domain/records/student-record.server";
import { loader as accessLogLoader } from "../../app/routes/app/admin/access-log";
import { loader as caseLoader } from "../../app/routes/app/cases/case";
import { loader as notesLoader } from "../../app/routes/app/cases/notes";
import { action as disclosuresAction } from "../../app/routes/app/office/disclosures";
import { loader as recordPage } from "../../app/routes/app/me/record";
import { loader as recordJson } from "../../app/routes/resources/my-record";
import { loader as exportLoader } from "../../app/routes/resources/cases-export";
import { prisma } from "../../app/utils/db.server";
import { call, contextFor, ORIGIN } from "../utils/route";
import { createSchoolWithCase } from "../factories";

async function caseWithNotes() {
  const setup = await createSchoolWithCase();
  await prisma.retakeCase.update({ where: { id: setup.caseId }, data: { tutorId: setup.tutor.id, status: "DIAGNOSING" } });
  const note = (visibility: "PRIVATE" | "OFFICE" | "STUDENT", body: string) =>
    createNote({ caseId: setup.caseId, actorId: setup.tutor.id, form: { sessionOn: addDays(today(), -1), body, visibility } });
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

    const csv = (await exportLoader({
      request: new Request(`${ORIGIN}/cases/export.csv`),
      context: await contextFor(advisor.id),
      params: {},
    } as never)) as Response;
    expect(await csv.text()).not.toContain("MARKER");
  });

  it("lets a student download only their own record", async () => {
    const { student, advisor } = await caseWithNotes();
    const response = (await recordJson({
      request: new Request(`${ORIGIN}/me/record.json`),
      context: await contextFor(student.userId),
      params: {},
    } as never)) as Response;
    const record = JSON.parse(await response.text());
    expect(record.student[0].email).toBe(student.email);
    expect(record.attempts).toHaveLength(1);
    expect((await call(recordPage, { userId: advisor.id, path: "/me/record" })).status).toBe(403);
  });

  it("records staff reads of a case, visible to the school's admins only", async () => {
    const { caseId, advisor, admin, tutor, student } = await caseWithNotes();
    await call(caseLoader, { userId: tutor.id, path: `/cases/${caseId}`, params: { caseId } });
    await call(caseLoader, { userId: student.userId, path: `/cases/${caseId}`, params: { caseId } });
    const log = await call(accessLogLoader, { userId: admin.id, path: "/admin/access-log" });
    const readers = log.data.entries
      .filter((e: { caseId: string }) => e.caseId === caseId)
      .map((e: { user: { email: string } }) => e.user.email);
    expect(readers).toContain(tutor.email);
    expect(readers).not.toContain(student.email);
    expect((await call(accessLogLoader, { userId: advisor.id, path: "/admin/access-log" })).status).toBe(403);
    const elsewhere = await createSchoolWithCase();
    const other = await call(accessLogLoader, { userId: elsewhere.admin.id, path: "/admin/access-log" });
    expect(other.data.entries.some((e: { caseId: string }) => e.caseId === caseId)).toBe(false);
  });

  it("logs a disclosure that the student can see, and only for the office's own students", async () => {
    const { advisor, student } = await caseWithNotes();
    const form = {
      student: student.email,
      recipient: "Lakeside Residency Program",
      purpose: "Residency application",
      records: "Transcript of attempts",
      disclosedOn: today(),
      consentReference: "Consent form 2026-14",
    };
    const logged = await call(disclosuresAction, { userId: advisor.id, path: "/office/disclosures", form });
    expect(logged.status).toBe(302);
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
    expect(future.data.result.error.disclosedOn).toBeDefined();
  });
});
