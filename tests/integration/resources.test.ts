/**
 * The resource routes (downloads) refuse whoever the page behind them would:
 * the caseload export is for staff, a student's record for that student, the
 * import templates for the office.
 */
import { describe, expect, it } from "vitest";
import { loader as exportLoader } from "#app/routes/resources/cases-export";
import { loader as templateLoader } from "#app/routes/resources/import-template";
import { loader as recordLoader } from "#app/routes/resources/my-record";
import { createSchoolWithCase } from "../factories";
import { call, download } from "../utils/route";

describe("the caseload export", () => {
  it("refuses a student and sends an anonymous visitor to sign in", async () => {
    const { student } = await createSchoolWithCase();
    const refused = await call(exportLoader, { userId: student.userId, path: "/cases/export.csv" });
    expect(refused.thrown).toBe(true);
    expect(refused.status).toBe(403);
    const anonymous = await call(exportLoader, { userId: null, path: "/cases/export.csv" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
  });
});

describe("a student's own record", () => {
  it("is the student's alone: an advisor, an admin and a tutor are refused", async () => {
    const { student, advisor, admin, tutor } = await createSchoolWithCase();
    for (const userId of [advisor.id, admin.id, tutor.id]) {
      const refused = await call(recordLoader, { userId, path: "/me/record.json" });
      expect(refused.status).toBe(403);
    }
    const own = await download(recordLoader, { userId: student.userId, path: "/me/record.json" });
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(own.headers.get("Cache-Control")).toBe("no-store");
    expect(await own.text()).toContain(student.email);
  });
});

describe("the import templates", () => {
  it("are for the office: a student and a tutor are refused, an unknown kind is not found", async () => {
    const { student, tutor, advisor } = await createSchoolWithCase();
    for (const userId of [student.userId, tutor.id]) {
      const refused = await call(templateLoader, { userId, path: "/office/import/templates/students", params: { kind: "students" } });
      expect(refused.status).toBe(403);
    }
    const template = await download(templateLoader, {
      userId: advisor.id,
      path: "/office/import/templates/students",
      params: { kind: "students" },
    });
    expect(template.status).toBe(200);
    expect(template.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const unknown = await call(templateLoader, {
      userId: advisor.id,
      path: "/office/import/templates/secrets",
      params: { kind: "secrets" },
    });
    expect(unknown.status).toBe(404);
  });
});
