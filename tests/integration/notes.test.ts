import { describe, expect, it } from "vitest";
import { addDays, today } from "#app/domain/dates";
import { contactInstant } from "#app/domain/notes/mutations.server";
import { action, loader } from "#app/routes/app/cases/notes";
import { prisma } from "#app/utils/db.server";
import { createSchoolWithCase, createUser } from "../factories";
import { call } from "../utils/route";

async function setup() {
  const ctx = await createSchoolWithCase({ takenBy: "tutor" });
  return { ...ctx, path: `/cases/${ctx.caseId}/notes`, params: { caseId: ctx.caseId } };
}

type Ctx = Awaited<ReturnType<typeof setup>>;

function noteForm(fields: Record<string, string>) {
  return { intent: "add-note", sessionOn: today(), body: "Went through the first practice block.", visibility: "PRIVATE", ...fields };
}

async function addNote(ctx: Ctx, userId: string, fields: Record<string, string>) {
  const res = await call(action, { userId, path: ctx.path, params: ctx.params, form: noteForm(fields) });
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return prisma.sessionNote.findFirstOrThrow({ where: { caseId: ctx.caseId, body: fields.body }, orderBy: { createdAt: "desc" } });
}

describe("session notes", () => {
  it("adds a note, records the contact on the case and logs it without the body", async () => {
    const ctx = await setup();
    const sessionOn = addDays(today(), -3);
    const note = await addNote(ctx, ctx.tutor.id, { sessionOn, body: "Talked about sleep and the exam date.", visibility: "OFFICE" });
    expect(note).toMatchObject({ authorId: ctx.tutor.id, sessionOn, visibility: "OFFICE", version: 1 });
    const kase = await prisma.retakeCase.findUniqueOrThrow({ where: { id: ctx.caseId }, select: { lastContactAt: true } });
    expect(kase.lastContactAt?.toISOString()).toBe(`${sessionOn}T12:00:00.000Z`);
    const log = await prisma.activityLog.findFirstOrThrow({ where: { entity: "SessionNote", entityId: note.id } });
    expect(log.action).toBe("note.created");
    expect(`${log.summary}${log.before}${log.after}`).not.toMatch(/sleep/);

    // An older session never moves the last contact back.
    await addNote(ctx, ctx.tutor.id, { sessionOn: addDays(today(), -10), body: "Older session." });
    const after = await prisma.retakeCase.findUniqueOrThrow({ where: { id: ctx.caseId }, select: { lastContactAt: true } });
    expect(after.lastContactAt?.toISOString()).toBe(`${sessionOn}T12:00:00.000Z`);
  });

  it("dates a session held today at the moment it was recorded", () => {
    const now = new Date("2026-11-22T08:30:00Z");
    expect(contactInstant("2026-11-22", now)).toBe(now);
    expect(contactInstant("2026-11-20", now).toISOString()).toBe("2026-11-20T12:00:00.000Z");
  });

  it("shows each viewer only the notes shared with them", async () => {
    const ctx = await setup();
    await addNote(ctx, ctx.tutor.id, { body: "PRIVATE-BODY", visibility: "PRIVATE" });
    await addNote(ctx, ctx.tutor.id, { body: "OFFICE-BODY", visibility: "OFFICE" });
    await addNote(ctx, ctx.tutor.id, { body: "STUDENT-BODY", visibility: "STUDENT" });
    const bodies = async (userId: string) =>
      (await call(loader, { userId, path: ctx.path, params: ctx.params })).data.notes.map((n: { body: string }) => n.body).sort();
    expect(await bodies(ctx.tutor.id)).toEqual(["OFFICE-BODY", "PRIVATE-BODY", "STUDENT-BODY"]);
    expect(await bodies(ctx.advisor.id)).toEqual(["OFFICE-BODY", "STUDENT-BODY"]);
    expect(await bodies(ctx.student.userId)).toEqual(["STUDENT-BODY"]);
    // The student was told about the shared note, without its text.
    const told = await prisma.notification.findMany({ where: { userId: ctx.student.userId, kind: "NOTE_SHARED" } });
    expect(told).toHaveLength(1);
    expect(`${told[0].title}${told[0].body}`).not.toContain("STUDENT-BODY");
  });

  it("refuses a bad note at its fields and keeps what was typed", async () => {
    const ctx = await setup();
    const res = await call(action, {
      userId: ctx.tutor.id,
      path: ctx.path,
      params: ctx.params,
      form: noteForm({ sessionOn: addDays(today(), 2), body: "Kept", visibility: "EVERYONE" }),
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.data.result.error).sort()).toEqual(["sessionOn", "visibility"]);
    expect(res.data.result.initialValue.body).toBe("Kept");
    expect(await prisma.sessionNote.count({ where: { caseId: ctx.caseId } })).toBe(0);
  });

  it("lets only the author edit, guards the version and logs what changed without the body", async () => {
    const ctx = await setup();
    const note = await addNote(ctx, ctx.tutor.id, { body: "First words", visibility: "OFFICE" });
    const edit = (userId: string, fields: Record<string, string>) =>
      call(action, {
        userId,
        path: ctx.path,
        params: ctx.params,
        form: noteForm({ intent: "edit-note", noteId: note.id, body: "First words", visibility: "OFFICE", ...fields }),
      });
    expect((await edit(ctx.advisor.id, { expectedVersion: "1", body: "Office rewrite" })).status).toBe(403);
    const ok = await edit(ctx.tutor.id, { expectedVersion: "1", body: "Second words", visibility: "STUDENT" });
    expect(ok.status).toBe(302);
    const log = await prisma.activityLog.findFirstOrThrow({ where: { entityId: note.id, action: "note.updated" } });
    expect(JSON.parse(log.before ?? "{}")).toEqual({ visibility: "OFFICE" });
    expect(JSON.parse(log.after ?? "{}")).toEqual({ visibility: "STUDENT", bodyChanged: true });
    expect(`${log.summary}${log.before}${log.after}`).not.toMatch(/words/);

    const stale = await edit(ctx.tutor.id, { expectedVersion: "1", body: "Stale words" });
    expect(stale.status).toBe(409);
    expect(stale.data.error).toMatch(/changed somewhere else/);
    expect(stale.data.result.initialValue.body).toBe("Stale words");
    expect((await prisma.sessionNote.findUniqueOrThrow({ where: { id: note.id } })).body).toBe("Second words");
  });

  it("lets the author or the office remove a note they can read (soft delete, author told), never anyone else", async () => {
    const ctx = await setup();
    const shared = await addNote(ctx, ctx.tutor.id, { body: "Shared by mistake", visibility: "STUDENT" });
    const privateNote = await addNote(ctx, ctx.tutor.id, { body: "Private one", visibility: "PRIVATE" });
    const remove = (userId: string, noteId: string) =>
      call(action, { userId, path: ctx.path, params: ctx.params, form: { intent: "delete-note", noteId, expectedVersion: "1" } });
    // The office cannot even see the private note: to it, the note does not exist.
    expect((await remove(ctx.advisor.id, privateNote.id)).status).toBe(404);
    expect((await remove(ctx.advisor.id, shared.id)).status).toBe(302);
    expect((await prisma.sessionNote.findUniqueOrThrow({ where: { id: shared.id } })).deletedAt).not.toBeNull();
    expect(await prisma.notification.count({ where: { userId: ctx.tutor.id, kind: "NOTE_REMOVED" } })).toBe(1);
    const studentView = await call(loader, { userId: ctx.student.userId, path: ctx.path, params: ctx.params });
    expect(studentView.data.notes).toEqual([]);
    expect((await remove(ctx.tutor.id, privateNote.id)).status).toBe(302);
    // Each removal is in the activity log, by who removed it, without the body.
    const removals = await prisma.activityLog.findMany({
      where: { caseId: ctx.caseId, action: "note.deleted" },
      select: { entityId: true, actorId: true, summary: true, before: true },
    });
    expect(removals.map((l) => [l.entityId, l.actorId]).sort()).toEqual(
      [
        [shared.id, ctx.advisor.id],
        [privateNote.id, ctx.tutor.id],
      ].sort(),
    );
    expect(JSON.stringify(removals)).not.toMatch(/Shared by mistake|Private one/);
  });

  it("refuses to remove a note changed since the page was loaded, and keeps it", async () => {
    const ctx = await setup();
    const note = await addNote(ctx, ctx.tutor.id, { body: "Version one", visibility: "OFFICE" });
    const edited = await call(action, {
      userId: ctx.tutor.id,
      path: ctx.path,
      params: ctx.params,
      form: noteForm({ intent: "edit-note", noteId: note.id, expectedVersion: "1", body: "Version two", visibility: "OFFICE" }),
    });
    expect(edited.status).toBe(302);
    const stale = await call(action, {
      userId: ctx.advisor.id,
      path: ctx.path,
      params: ctx.params,
      form: { intent: "delete-note", noteId: note.id, expectedVersion: "1" },
    });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ intent: "delete-note", rowId: note.id, error: expect.stringMatching(/changed somewhere else/) });
    expect(await prisma.sessionNote.findUniqueOrThrow({ where: { id: note.id }, select: { deletedAt: true, version: true } })).toEqual({
      deletedAt: null,
      version: 2,
    });
    expect(await prisma.activityLog.count({ where: { entityId: note.id, action: "note.deleted" } })).toBe(0);
    expect(await prisma.notification.count({ where: { userId: ctx.tutor.id, kind: "NOTE_REMOVED" } })).toBe(0);
  });

  it("keeps a closed case's notes as they were: no note added, edited or removed (409)", async () => {
    const ctx = await setup();
    const note = await addNote(ctx, ctx.tutor.id, { body: "Before the case closed", visibility: "OFFICE" });
    const logged = await prisma.activityLog.count({ where: { caseId: ctx.caseId } });
    const contact = (await prisma.retakeCase.findUniqueOrThrow({ where: { id: ctx.caseId }, select: { lastContactAt: true } }))
      .lastContactAt;
    await prisma.retakeCase.update({ where: { id: ctx.caseId }, data: { status: "CLOSED", outcome: "WITHDRAWN", openSlot: null } });
    const post = (form: Record<string, string>) => call(action, { userId: ctx.tutor.id, path: ctx.path, params: ctx.params, form });

    const added = await post(noteForm({ body: "After it closed" }));
    expect(added.status).toBe(409);
    expect(added.data.error).toBe("This case is closed.");
    expect(added.data.result.initialValue.body).toBe("After it closed");
    const edited = await post(
      noteForm({ intent: "edit-note", noteId: note.id, expectedVersion: "1", body: "Rewritten", visibility: "OFFICE" }),
    );
    expect(edited.status).toBe(409);
    expect(edited.data).toMatchObject({ rowId: note.id, error: "This case is closed." });
    const removed = await post({ intent: "delete-note", noteId: note.id, expectedVersion: "1" });
    expect(removed.status).toBe(409);

    expect(await prisma.sessionNote.findMany({ where: { caseId: ctx.caseId }, select: { id: true, body: true, deletedAt: true } })).toEqual(
      [{ id: note.id, body: "Before the case closed", deletedAt: null }],
    );
    expect(await prisma.activityLog.count({ where: { caseId: ctx.caseId } })).toBe(logged);
    const after = await prisma.retakeCase.findUniqueOrThrow({ where: { id: ctx.caseId }, select: { lastContactAt: true } });
    expect(after.lastContactAt).toEqual(contact);
  });

  it("refuses students' writes and outsiders' reads (403)", async () => {
    const ctx = await setup();
    expect((await call(action, { userId: ctx.student.userId, path: ctx.path, params: ctx.params, form: noteForm({}) })).status).toBe(403);
    const elsewhere = await createSchoolWithCase();
    const unassigned = await createUser({ schoolId: ctx.school.id, role: "TUTOR" });
    for (const userId of [elsewhere.tutor.id, elsewhere.advisor.id, unassigned.id]) {
      expect((await call(loader, { userId, path: ctx.path, params: ctx.params })).status).toBe(403);
      expect((await call(action, { userId, path: ctx.path, params: ctx.params, form: noteForm({}) })).status).toBe(403);
    }
    expect(await prisma.sessionNote.count({ where: { caseId: ctx.caseId } })).toBe(0);
  });
});
