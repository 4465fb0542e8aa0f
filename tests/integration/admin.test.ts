import { describe, expect, it, vi } from "vitest";
import { takeCase } from "#app/domain/cases/mutations.server";
import { today } from "#app/domain/dates";
import { createInvitation, findInvitationByToken } from "#app/domain/invitations/mutations.server";
import { SETTINGS_CONFLICT, saveSchoolSettings } from "#app/domain/settings/mutations.server";
import { loadSchoolSettings } from "#app/domain/settings/queries.server";
import { settingsFormSchema } from "#app/domain/settings/schema";
import { action as settingsAction, loader as settingsLoader } from "#app/routes/app/admin/settings";
import { action as usersAction } from "#app/routes/app/admin/users";
import { prisma, type Tx } from "#app/utils/db.server";
import { createFailedCase, createSchool, createSchoolWithCase, createStudent, createUser } from "../factories";
import { mailedToken } from "../utils/mail";
import { call } from "../utils/route";

const usersCall = (userId: string, form: Record<string, string>) => call(usersAction, { userId, path: "/admin/users", form });

/** A tutor who took on two open cases at the school (through the take-on mutation, so assignments exist). */
async function tutorWithTwoCases() {
  const setup = await createSchoolWithCase();
  const second = await createStudent(setup.school.id);
  const { caseId: secondCaseId } = await createFailedCase({ studentId: second.studentId, actorId: setup.advisor.id });
  for (const caseId of [setup.caseId, secondCaseId]) {
    expect(await takeCase({ caseId, tutorId: setup.tutor.id })).toMatchObject({ ok: true });
  }
  const caseIds = [setup.caseId, secondCaseId];
  const versions = await prisma.retakeCase.findMany({ where: { id: { in: caseIds } }, select: { id: true, version: true } });
  return { ...setup, caseIds, versions: new Map(versions.map((v) => [v.id, v.version])) };
}

/** The cases are back in the intake queue: no tutor, assignment ended, version moved, one entry each. */
async function expectReleased(caseIds: string[], versions: Map<string, number>, tutorId: string, actorId: string) {
  for (const caseId of caseIds) {
    const row = await prisma.retakeCase.findUniqueOrThrow({
      where: { id: caseId },
      select: { tutorId: true, version: true, openSlot: true },
    });
    expect(row).toMatchObject({ tutorId: null, openSlot: "OPEN" });
    expect(row.version).toBe((versions.get(caseId) ?? 0) + 1);
    expect(await prisma.caseAssignment.count({ where: { caseId, tutorId, endedAt: null } })).toBe(0);
    const entries = await prisma.activityLog.findMany({ where: { caseId, action: "case.unassigned" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity: "RetakeCase", entityId: caseId, actorId });
  }
}

async function openEscalation(schoolId: string, caseId: string, ownerId: string) {
  return prisma.escalation.create({
    data: { schoolId, caseId, trigger: "MANUAL", reason: "Check-ins stopped", ownerId, acknowledgeBy: today(), resolveBy: today() },
    select: { id: true, version: true },
  });
}

function settingsForm(version: number, overrides: Record<string, string | string[]> = {}) {
  return {
    expectedVersion: String(version),
    acknowledgeWithinBusinessDays: "3",
    resolveWithinBusinessDays: "10",
    schoolAttemptLimit: "3",
    cbssaEnabled: "on",
    cbssaMinCount: "2",
    cbssaWithinDays: "21",
    cbssaRule: "LIKELY_RANGE_ABOVE_LOW_PASS",
    threeDigitEnabled: "on",
    threeDigitMargin: "9",
    threeDigitWithinDaysOfExam: "28",
    threeDigitInstruments: ["NBME_CCSSA", "UWSA"],
    "rungs[0].failureNumber": "1",
    "rungs[0].consequence": "WARNING",
    "rungs[0].description": "Meet the office within a week.",
    "rungs[1].failureNumber": "2",
    "rungs[1].consequence": "PROBATION",
    "rungs[1].description": "Probation and a committee review.",
    "rungs[2].failureNumber": "3",
    "rungs[2].consequence": "DISMISSAL_REVIEW",
    "rungs[2].description": "Dismissal review.",
    "rungs[3].failureNumber": "4",
    "rungs[3].consequence": "NONE",
    "rungs[3].description": "",
    ...overrides,
  };
}

describe("school settings", () => {
  it("saves the ladder, the gate, the limits and a stricter attempt limit, guarded by the version", async () => {
    const { school, admin } = await createSchoolWithCase();
    const page = await call(settingsLoader, { userId: admin.id, path: "/admin/settings" });
    expect(page.data.version).toBe(0);
    const saved = await call(settingsAction, { userId: admin.id, path: "/admin/settings", form: settingsForm(0) });
    expect(saved.status).toBe(302);
    const settings = await loadSchoolSettings(school.id);
    expect(settings.schoolAttemptLimit).toBe(3);
    expect(settings.acknowledgeWithinBusinessDays).toBe(3);
    expect(settings.readinessGate.threeDigit.withinDaysOfExam).toBe(28);
    expect(settings.policyLadder.map((r) => r.consequence)).toEqual(["WARNING", "PROBATION", "DISMISSAL_REVIEW"]);
    // A second save from the same (now stale) form is refused and keeps the input.
    const stale = await call(settingsAction, {
      userId: admin.id,
      path: "/admin/settings",
      form: settingsForm(0, { acknowledgeWithinBusinessDays: "5" }),
    });
    expect(stale.status).toBe(409);
    expect(stale.data.result.initialValue.acknowledgeWithinBusinessDays).toBe("5");
    expect((await loadSchoolSettings(school.id)).acknowledgeWithinBusinessDays).toBe(3);
    expect(await prisma.activityLog.count({ where: { schoolId: school.id, action: "settings.saved" } })).toBe(1);
  });

  it("refuses bad values with field errors, and anyone but an admin", async () => {
    const { admin, advisor } = await createSchoolWithCase();
    const bad = await call(settingsAction, {
      userId: admin.id,
      path: "/admin/settings",
      form: settingsForm(0, { resolveWithinBusinessDays: "1", schoolAttemptLimit: "5", "rungs[1].description": "" }),
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.data.result.error).sort()).toEqual(["resolveWithinBusinessDays", "rungs[1].description", "schoolAttemptLimit"]);
    expect((await call(settingsAction, { userId: advisor.id, path: "/admin/settings", form: settingsForm(0) })).status).toBe(403);
    expect((await call(settingsLoader, { userId: advisor.id, path: "/admin/settings" })).status).toBe(403);
  });
});

/** A school's first settings, as the form would send them (expected version 0). */
function firstSave() {
  const { threeDigitInstruments, ...flat }: Record<string, string | string[]> = settingsForm(0);
  const rungs = [0, 1, 2, 3].map((i) => ({
    failureNumber: flat[`rungs[${i}].failureNumber`],
    consequence: flat[`rungs[${i}].consequence`],
    description: flat[`rungs[${i}].description`],
  }));
  return settingsFormSchema.parse({ ...flat, threeDigitInstruments, rungs });
}

/** The transaction client, except that it finds no settings row (as a writer racing the first insert would). */
function withoutSettingsRow(tx: Tx): Tx {
  const settings = new Proxy(tx.schoolSettings, {
    get(target, prop) {
      if (prop === "findUnique") return async () => null;
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return new Proxy(tx, { get: (target, prop) => (prop === "schoolSettings" ? settings : Reflect.get(target, prop)) });
}

describe("school settings: which school", () => {
  it("refuses a forged ?school= of a school the admin does not administer, in the loader and the action", async () => {
    const { admin, school } = await createSchoolWithCase();
    const other = await createSchoolWithCase();
    const path = `/admin/settings?school=${other.school.id}`;
    const page = await call(settingsLoader, { userId: admin.id, path });
    expect(page.status).toBe(403);
    expect(page.data.message).toMatch(/not an administrator of that school/);
    const save = await call(settingsAction, { userId: admin.id, path, form: settingsForm(0) });
    expect(save.status).toBe(403);
    expect(await prisma.schoolSettings.count({ where: { schoolId: { in: [school.id, other.school.id] } } })).toBe(0);
    expect(await prisma.activityLog.count({ where: { schoolId: other.school.id, action: "settings.saved" } })).toBe(0);
  });

  it("two first saves at once: one is saved, the other gets the conflict, not an error", async () => {
    const { school, admin } = await createSchoolWithCase();
    const form = firstSave();
    const results = await Promise.all([
      saveSchoolSettings({ schoolId: school.id, actorId: admin.id, form }),
      saveSchoolSettings({ schoolId: school.id, actorId: admin.id, form }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: "CONFLICT", message: SETTINGS_CONFLICT }]);
    expect(await prisma.activityLog.count({ where: { schoolId: school.id, action: "settings.saved" } })).toBe(1);
  });

  it("a first save that loses the insert race (unique constraint) gets the conflict result", async () => {
    const { school, admin } = await createSchoolWithCase();
    expect(await saveSchoolSettings({ schoolId: school.id, actorId: admin.id, form: firstSave() })).toEqual({ ok: true });
    // The losing writer read "no settings yet" before the winner's insert committed: replay that read.
    const transaction = prisma.$transaction.bind(prisma) as (fn: (tx: Tx) => Promise<unknown>) => Promise<unknown>;
    const spy = vi
      .spyOn(prisma, "$transaction")
      .mockImplementation(((fn: (tx: Tx) => Promise<unknown>) => transaction((tx) => fn(withoutSettingsRow(tx)))) as never);
    const lost = await saveSchoolSettings({ schoolId: school.id, actorId: admin.id, form: firstSave() });
    expect(spy).toHaveBeenCalled();
    expect(lost).toEqual({ ok: false, code: "CONFLICT", message: SETTINGS_CONFLICT });
    expect(await prisma.activityLog.count({ where: { schoolId: school.id, action: "settings.saved" } })).toBe(1);
    expect((await prisma.schoolSettings.findUniqueOrThrow({ where: { schoolId: school.id } })).version).toBe(1);
  });

  it("shows the stored version with the settings", async () => {
    const { admin } = await createSchoolWithCase();
    await call(settingsAction, { userId: admin.id, path: "/admin/settings", form: settingsForm(0) });
    const page = await call(settingsLoader, { userId: admin.id, path: "/admin/settings" });
    expect(page.data.version).toBe(1);
    expect(page.data.settings.schoolAttemptLimit).toBe(3);
  });
});

describe("users", () => {
  it("changes a role at the admin's school; a former tutor's cases return to the queue", async () => {
    const { admin, tutor, school, caseIds, versions } = await tutorWithTwoCases();
    const membership = await prisma.membership.findFirstOrThrow({ where: { userId: tutor.id, schoolId: school.id } });
    const changed = await usersCall(admin.id, { intent: "role", membershipId: membership.id, role: "ADVISOR", expectedRole: "TUTOR" });
    expect(changed.status).toBe(200);
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("ADVISOR");
    await expectReleased(caseIds, versions, tutor.id, admin.id);
    const entry = await prisma.activityLog.findFirstOrThrow({ where: { entityId: membership.id, action: "membership.role_changed" } });
    expect(entry).toMatchObject({ schoolId: school.id, actorId: admin.id, entity: "Membership" });
    expect(JSON.parse(entry.before ?? "null")).toEqual({ role: "TUTOR" });
    expect(JSON.parse(entry.after ?? "null")).toEqual({ role: "ADVISOR" });
    const own = await prisma.membership.findFirstOrThrow({ where: { userId: admin.id } });
    expect((await usersCall(admin.id, { intent: "role", membershipId: own.id, role: "TUTOR", expectedRole: "ADMIN" })).status).toBe(403);
    const elsewhere = await createSchoolWithCase();
    expect(
      (await usersCall(elsewhere.admin.id, { intent: "role", membershipId: membership.id, role: "TUTOR", expectedRole: "ADVISOR" })).status,
    ).toBe(403);
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("ADVISOR");
    expect(await prisma.activityLog.count({ where: { entityId: membership.id, action: "membership.role_changed" } })).toBe(1);
  });

  it("refuses a role change decided on a stale page (409), and one without the role the page showed (400)", async () => {
    const { admin, tutor, school } = await createSchoolWithCase({ takenBy: "tutor" });
    const secondAdmin = await createUser({ schoolId: school.id, role: "ADMIN" });
    const membership = await prisma.membership.findFirstOrThrow({ where: { userId: tutor.id, schoolId: school.id } });
    // Both admins saw "Tutor"; the first makes them an advisor, the second (stale) a student.
    expect(
      (await usersCall(admin.id, { intent: "role", membershipId: membership.id, role: "ADVISOR", expectedRole: "TUTOR" })).status,
    ).toBe(200);
    const stale = await usersCall(secondAdmin.id, { intent: "role", membershipId: membership.id, role: "STUDENT", expectedRole: "TUTOR" });
    expect(stale.status).toBe(409);
    expect(stale.data.message).toMatch(/Someone else changed .*role to advisor/);
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("ADVISOR");
    expect(await prisma.studentProfile.count({ where: { userId: tutor.id } })).toBe(0);
    expect(await prisma.activityLog.count({ where: { entityId: membership.id, action: "membership.role_changed" } })).toBe(1);
    const missing = await usersCall(secondAdmin.id, { intent: "role", membershipId: membership.id, role: "STUDENT" });
    expect(missing.status).toBe(400);
    const bogus = await usersCall(secondAdmin.id, { intent: "role", membershipId: membership.id, role: "STUDENT", expectedRole: "OWNER" });
    expect(bogus.status).toBe(400);
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("ADVISOR");
  });

  it("an advisor who leaves the office no longer owns the school's open escalations", async () => {
    const { admin, advisor, school, caseId } = await createSchoolWithCase();
    const open = await openEscalation(school.id, caseId, advisor.id);
    const resolved = await prisma.escalation.create({
      data: {
        schoolId: school.id,
        caseId,
        trigger: "MANUAL",
        reason: "Old matter",
        ownerId: advisor.id,
        status: "RESOLVED",
        resolvedAt: new Date(),
        acknowledgeBy: today(),
        resolveBy: today(),
      },
      select: { id: true },
    });
    const membership = await prisma.membership.findFirstOrThrow({ where: { userId: advisor.id, schoolId: school.id } });
    // Advisor → admin stays in the office: nothing is released.
    expect(
      (await usersCall(admin.id, { intent: "role", membershipId: membership.id, role: "ADMIN", expectedRole: "ADVISOR" })).status,
    ).toBe(200);
    expect((await prisma.escalation.findUniqueOrThrow({ where: { id: open.id } })).ownerId).toBe(advisor.id);
    expect((await usersCall(admin.id, { intent: "role", membershipId: membership.id, role: "TUTOR", expectedRole: "ADMIN" })).status).toBe(
      200,
    );
    const after = await prisma.escalation.findUniqueOrThrow({ where: { id: open.id } });
    expect(after.ownerId).toBeNull();
    expect(after.version).toBe(open.version + 1);
    expect(await prisma.escalationEvent.count({ where: { escalationId: open.id, kind: "OWNER" } })).toBe(1);
    expect(await prisma.activityLog.count({ where: { entityId: open.id, action: "escalation.owner_changed" } })).toBe(1);
    // A resolved escalation keeps the owner who resolved it.
    expect((await prisma.escalation.findUniqueOrThrow({ where: { id: resolved.id } })).ownerId).toBe(advisor.id);
  });

  it("deactivating a tutor returns their open cases to the queue, one entry per case", async () => {
    const { admin, tutor, school, caseIds, versions } = await tutorWithTwoCases();
    const res = await usersCall(admin.id, { intent: "deactivate", userId: tutor.id });
    expect(res.status).toBe(200);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: tutor.id } })).status).toBe("DEACTIVATED");
    await expectReleased(caseIds, versions, tutor.id, admin.id);
    expect(await prisma.retakeCase.count({ where: { schoolId: school.id, tutorId: null, openSlot: "OPEN" } })).toBe(2);
    const entry = await prisma.activityLog.findFirstOrThrow({ where: { entityId: tutor.id, action: "user.deactivated" } });
    expect(entry).toMatchObject({ schoolId: school.id, actorId: admin.id, entity: "User" });
    expect(JSON.parse(entry.after ?? "null")).toEqual({ status: "DEACTIVATED" });
    // Reactivation is logged too, and gives no cases back.
    expect((await usersCall(admin.id, { intent: "reactivate", userId: tutor.id })).status).toBe(200);
    expect(await prisma.activityLog.count({ where: { entityId: tutor.id, action: "user.reactivated" } })).toBe(1);
    expect(await prisma.retakeCase.count({ where: { tutorId: tutor.id } })).toBe(0);
  });

  it("deactivating an advisor clears them as owner of the school's open escalations", async () => {
    const { admin, advisor, school, caseId } = await createSchoolWithCase();
    const open = await openEscalation(school.id, caseId, advisor.id);
    expect((await usersCall(admin.id, { intent: "deactivate", userId: advisor.id })).status).toBe(200);
    const after = await prisma.escalation.findUniqueOrThrow({ where: { id: open.id } });
    expect(after).toMatchObject({ ownerId: null, version: open.version + 1 });
    expect(await prisma.activityLog.count({ where: { entityId: open.id, action: "escalation.owner_changed" } })).toBe(1);
  });

  it("refuses to deactivate someone who also belongs to a school the admin does not administer", async () => {
    const { admin, tutor, caseId } = await createSchoolWithCase({ takenBy: "tutor" });
    const other = await createSchool();
    await prisma.membership.create({ data: { userId: tutor.id, schoolId: other.id, role: "TUTOR" } });
    const res = await usersCall(admin.id, { intent: "deactivate", userId: tutor.id });
    expect(res.status).toBe(403);
    expect(res.data.message).toMatch(/also belongs to a school you do not administer/);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: tutor.id } })).status).toBe("ACTIVE");
    expect((await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).tutorId).toBe(tutor.id);
    expect(await prisma.activityLog.count({ where: { entityId: tutor.id, action: "user.deactivated" } })).toBe(0);
    // An admin of both schools may.
    await prisma.membership.create({ data: { userId: admin.id, schoolId: other.id, role: "ADMIN" } });
    expect((await usersCall(admin.id, { intent: "deactivate", userId: tutor.id })).status).toBe(200);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: tutor.id } })).status).toBe("DEACTIVATED");
  });

  it("is for admins only: an advisor or a tutor gets 403 and nothing changes", async () => {
    const { advisor, tutor, school, otherTutor } = await createSchoolWithCase();
    const invite = { intent: "invite", name: "Someone", email: "someone@example.edu", role: "ADMIN", schoolId: school.id };
    for (const userId of [advisor.id, tutor.id]) {
      expect((await usersCall(userId, invite)).status).toBe(403);
      expect((await usersCall(userId, { intent: "deactivate", userId: otherTutor.id })).status).toBe(403);
    }
    expect(await prisma.invitation.count({ where: { schoolId: school.id } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: otherTutor.id } })).status).toBe("ACTIVE");
  });

  it("refuses an invitation to a school the admin does not hold, bad input (kept), and a second pending one", async () => {
    const { admin, school } = await createSchoolWithCase();
    const other = await createSchoolWithCase();
    const foreign = await usersCall(admin.id, {
      intent: "invite",
      name: "Sneaky",
      email: "sneaky@example.edu",
      role: "ADMIN",
      schoolId: other.school.id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.data.result.error.schoolId).toEqual(["Choose one of your schools."]);
    expect(await prisma.invitation.count({ where: { schoolId: other.school.id } })).toBe(0);

    const bad = await usersCall(admin.id, {
      intent: "invite",
      name: "Ada Lovelace",
      email: "not an email",
      role: "TUTOR",
      schoolId: school.id,
    });
    expect(bad.status).toBe(400);
    expect(bad.data.result.error.email).toEqual(["Enter a valid email address."]);
    expect(bad.data.result.initialValue).toMatchObject({ name: "Ada Lovelace", email: "not an email", role: "TUTOR" });
    expect(await prisma.outboxMessage.count({ where: { schoolId: school.id, kind: "INVITATION" } })).toBe(0);

    const form = { intent: "invite", name: "Ada Lovelace", email: "Ada@Example.edu", role: "TUTOR", schoolId: school.id };
    expect((await usersCall(admin.id, form)).status).toBe(200);
    const again = await usersCall(admin.id, { ...form, email: " ada@example.EDU " });
    expect(again.status).toBe(400);
    expect(again.data.result.error.email).toEqual(["This person already has a pending invitation: resend it below."]);
    expect(again.data.result.initialValue.name).toBe("Ada Lovelace");
    expect(await prisma.invitation.count({ where: { email: "ada@example.edu" } })).toBe(1);
    expect(await prisma.activityLog.count({ where: { schoolId: school.id, action: "invitation.created" } })).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { toAddress: "ada@example.edu", kind: "INVITATION" } })).toBe(1);
  });

  it("resends and revokes its own school's invitations only, with an entry each", async () => {
    const { admin, school } = await createSchoolWithCase();
    const other = await createSchoolWithCase();
    const ours = await createInvitation({
      schoolId: school.id,
      email: "ours@example.edu",
      name: "Ours",
      role: "TUTOR",
      invitedById: admin.id,
    });
    const theirs = await createInvitation({
      schoolId: other.school.id,
      email: "theirs@example.edu",
      name: "Theirs",
      role: "TUTOR",
      invitedById: other.admin.id,
    });
    if (!ours.ok || !theirs.ok) throw new Error("invitations not created");
    const theirsBefore = await prisma.invitation.findUniqueOrThrow({ where: { id: theirs.id } });
    expect((await usersCall(admin.id, { intent: "resend", invitationId: theirs.id })).status).toBe(409);
    expect((await usersCall(admin.id, { intent: "revoke", invitationId: theirs.id })).status).toBe(409);
    const theirsAfter = await prisma.invitation.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(theirsAfter).toMatchObject({ tokenHash: theirsBefore.tokenHash, revokedAt: null });
    expect(
      await prisma.activityLog.count({ where: { entityId: theirs.id, action: { in: ["invitation.resent", "invitation.revoked"] } } }),
    ).toBe(0);

    const firstLink = await mailedToken("ours@example.edu", "INVITATION", "/invite");
    const resent = await usersCall(admin.id, { intent: "resend", invitationId: ours.id });
    expect(resent.status).toBe(200);
    expect(JSON.stringify(resent.data)).not.toContain("/invite/");
    // A new mail with a new link; the first link no longer opens the invitation.
    const newLink = await mailedToken("ours@example.edu", "INVITATION", "/invite");
    expect(newLink).not.toBe(firstLink);
    expect(await findInvitationByToken(firstLink)).toBeNull();
    expect((await findInvitationByToken(newLink))?.id).toBe(ours.id);
    expect(await prisma.outboxMessage.count({ where: { toAddress: "theirs@example.edu", kind: "INVITATION" } })).toBe(1);
    const revoked = await usersCall(admin.id, { intent: "revoke", invitationId: ours.id });
    expect(revoked.status).toBe(200);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: ours.id } })).revokedAt).not.toBeNull();
    // A revoked invitation is no longer pending: neither resent nor revoked again.
    expect((await usersCall(admin.id, { intent: "revoke", invitationId: ours.id })).status).toBe(409);
    const actions = await prisma.activityLog.findMany({
      where: { entityId: ours.id },
      select: { action: true, actorId: true, schoolId: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(["invitation.created", "invitation.resent", "invitation.revoked"]);
    expect(actions.every((a) => a.actorId === admin.id && a.schoolId === school.id)).toBe(true);
  });

  it("creates an invitation whose mailed link works once", async () => {
    const { admin, school } = await createSchoolWithCase();
    const created = await call(usersAction, {
      userId: admin.id,
      path: "/admin/users",
      form: { intent: "invite", name: "New Tutor", email: "New.Tutor@Example.edu", role: "TUTOR", schoolId: school.id },
    });
    expect(created.status).toBe(200);
    const token = await mailedToken("new.tutor@example.edu", "INVITATION", "/invite");
    const { acceptInvitation } = await import("#app/domain/invitations/mutations.server");
    const input = { kind: "create", name: "New Tutor", password: "a long passphrase of mine" } as const;
    expect(await acceptInvitation(token, input)).toMatchObject({ ok: true });
    expect(await acceptInvitation(token, input)).toMatchObject({ ok: false, code: "GONE" });
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "new.tutor@example.edu" },
      select: { memberships: { select: { role: true, schoolId: true } } },
    });
    expect(user.memberships).toEqual([{ role: "TUTOR", schoolId: school.id }]);
  });
});
