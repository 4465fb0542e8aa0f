/**
 * Schools by the operator (`npm run school:create`): default settings, and the
 * first admin activates from a mail — or, when the address already has an
 * account, accepts an invitation after signing in (ADR 0012).
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { setPasswordWithToken } from "#app/domain/accounts/mutations.server";
import { createSchool } from "#app/domain/schools/create.server";
import { DEFAULT_POLICY_LADDER } from "#app/domain/settings/settings";
import { prisma } from "#app/utils/db.server";
import { createSchool as createTestSchool, createUser } from "../factories";
import { mailedToken, outboxTo } from "../utils/mail";

const slug = () => `school-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

describe("creating a school", () => {
  it("creates the school with default settings and mails its new admin an activation link", async () => {
    const s = slug();
    const email = `dean-${s}@example.edu`;
    const result = await createSchool({ name: "Riverbend College of Medicine", slug: s, adminEmail: email, adminName: "Ada Ray" });
    expect(result).toMatchObject({ ok: true, admin: "activation" });
    if (!result.ok) return;
    const school = await prisma.school.findUniqueOrThrow({
      where: { id: result.schoolId },
      select: { slug: true, settings: { select: { readinessGate: true } }, policyRungs: { select: { failureNumber: true } } },
    });
    expect(school.slug).toBe(s);
    expect(school.settings?.readinessGate).toBeTruthy();
    expect(school.policyRungs).toHaveLength(DEFAULT_POLICY_LADDER.length);
    const admin = await prisma.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, name: true, passwordHash: true, memberships: { select: { schoolId: true, role: true } } },
    });
    expect(admin).toMatchObject({ name: "Ada Ray", passwordHash: null, memberships: [{ schoolId: result.schoolId, role: "ADMIN" }] });
    const [mail] = await outboxTo(email, "ACTIVATION");
    expect(mail).toMatchObject({
      schoolId: result.schoolId,
      subject: "Activate your Retake Desk account for Riverbend College of Medicine",
    });
    const token = await mailedToken(email, "ACTIVATION", "/activate");
    expect(await setPasswordWithToken("ACTIVATION", token, "river bend opening day")).toMatchObject({ ok: true, userId: admin.id });
    expect(await prisma.activityLog.count({ where: { schoolId: result.schoolId, action: "school.created" } })).toBe(1);
  });

  it("invites an address that already has an account, leaving the account as it is", async () => {
    const home = await createTestSchool();
    const existing = await createUser({ schoolId: home.id, role: "ADVISOR" });
    const before = await prisma.user.findUniqueOrThrow({ where: { id: existing.id } });
    const result = await createSchool({ name: "Second Home", slug: slug(), adminEmail: existing.email.toUpperCase() });
    expect(result).toMatchObject({ ok: true, admin: "invitation" });
    if (!result.ok) return;
    expect(await prisma.user.findUniqueOrThrow({ where: { id: existing.id } })).toEqual(before);
    expect(await prisma.membership.count({ where: { userId: existing.id, schoolId: result.schoolId } })).toBe(0);
    expect(await prisma.invitation.findFirstOrThrow({ where: { schoolId: result.schoolId } })).toMatchObject({
      email: existing.email,
      role: "ADMIN",
      invitedById: null,
    });
    expect(await outboxTo(existing.email, "INVITATION")).toHaveLength(1);
  });

  it("refuses a taken slug, a bad slug and a bad address, creating nothing", async () => {
    const s = slug();
    expect(await createSchool({ name: "First", slug: s, adminEmail: `a-${s}@example.edu` })).toMatchObject({ ok: true });
    const schools = await prisma.school.count();
    expect(await createSchool({ name: "Again", slug: s, adminEmail: `b-${s}@example.edu` })).toEqual({
      ok: false,
      errors: [`A school with the slug "${s}" already exists.`],
    });
    const bad = await createSchool({ name: "", slug: "Not A Slug!", adminEmail: "nope" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toHaveLength(3);
    expect(await prisma.school.count()).toBe(schools);
    expect(await prisma.user.count({ where: { email: `b-${s}@example.edu` } })).toBe(0);
  });

  it("runs as `npm run school:create` on a fresh database (migrating it) and prints the mail when no SMTP is set", () => {
    const root = path.resolve(import.meta.dirname, "..", "..");
    const file = path.join(root, "tests", ".db", `cli-${process.pid}-${Date.now()}.db`);
    const s = slug();
    try {
      const output = execFileSync(
        path.join(root, "node_modules", ".bin", "tsx"),
        ["scripts/school-create.ts", "--name", "Command Line College", "--slug", s, "--admin-email", `cli-${s}@example.edu`],
        {
          cwd: root,
          encoding: "utf8",
          env: { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: "test", SMTP_URL: "", LOG_LEVEL: "silent" },
        },
      );
      expect(output).toContain(`Created Command Line College (${s}); its first admin, cli-${s}@example.edu, gets an activation e-mail.`);
      expect(output).toMatch(/http:\/\/localhost:3000\/activate\/[a-z2-7]+/);
      // Printed is delivered: the outbox keeps the envelope, and no copy of the database holds the link.
      const db = new Database(file, { readonly: true });
      try {
        expect(db.prepare("SELECT status, text, html FROM OutboxMessage WHERE toAddress = ?").all(`cli-${s}@example.edu`)).toEqual([
          { status: "LOGGED", text: "", html: "" },
        ]);
      } finally {
        db.close();
      }
    } finally {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
    }
  }, 90_000);
});
