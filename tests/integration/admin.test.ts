import { describe, expect, it } from "vitest";
import { action as settingsAction, loader as settingsLoader } from "../../app/routes/app/admin/settings";
import { action as usersAction } from "../../app/routes/app/admin/users";
import { loadSchoolSettings } from "../../app/domain/settings/queries.server";
import { prisma } from "../../app/utils/db.server";
import { call } from "../utils/route";
import { createSchoolWithCase } from "../factories";

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

describe("users", () => {
  it("changes a role at the admin's school; a former tutor's cases return to the queue", async () => {
    const { admin, tutor, caseId, school } = await createSchoolWithCase();
    await prisma.retakeCase.update({ where: { id: caseId }, data: { tutorId: tutor.id } });
    const membership = await prisma.membership.findFirstOrThrow({ where: { userId: tutor.id, schoolId: school.id } });
    const changed = await call(usersAction, {
      userId: admin.id,
      path: "/admin/users",
      form: { intent: "role", membershipId: membership.id, role: "ADVISOR" },
    });
    expect(changed.status).toBe(200);
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("ADVISOR");
    expect((await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).tutorId).toBeNull();
    const own = await prisma.membership.findFirstOrThrow({ where: { userId: admin.id } });
    expect(
      (await call(usersAction, { userId: admin.id, path: "/admin/users", form: { intent: "role", membershipId: own.id, role: "TUTOR" } }))
        .status,
    ).toBe(403);
    const elsewhere = await createSchoolWithCase();
    expect(
      (
        await call(usersAction, {
          userId: elsewhere.admin.id,
          path: "/admin/users",
          form: { intent: "role", membershipId: membership.id, role: "TUTOR" },
        })
      ).status,
    ).toBe(403);
  });

  it("creates an invitation whose link works once", async () => {
    const { admin, school } = await createSchoolWithCase();
    const created = await call(usersAction, {
      userId: admin.id,
      path: "/admin/users",
      form: { intent: "invite", name: "New Tutor", email: "New.Tutor@Example.edu", role: "TUTOR", schoolId: school.id },
    });
    const url: string = created.data.link.url;
    const token = url.split("/invite/")[1];
    const { acceptInvitation } = await import("../../app/domain/invitations/mutations.server");
    expect(await acceptInvitation(token, { name: "New Tutor", password: "a long passphrase" })).toMatchObject({ ok: true });
    expect(await acceptInvitation(token, { name: "New Tutor", password: "a long passphrase" })).toMatchObject({ ok: false });
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "new.tutor@example.edu" },
      select: { memberships: { select: { role: true, schoolId: true } } },
    });
    expect(user.memberships).toEqual([{ role: "TUTOR", schoolId: school.id }]);
  });
});
