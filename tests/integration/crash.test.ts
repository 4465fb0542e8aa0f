/**
 * Crash safety (ADR 0021): a process killed with SIGKILL in the middle of a
 * large import's commit leaves the database with all of the import or none of
 * it, and the app serves from it afterwards. The import runs in a real second
 * process (tests/processes/child.ts) on this test's database file.
 */
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { disconnectDb, prisma } from "#app/utils/db.server";
import { databaseFile } from "../../scripts/db-backup";
import { createSchool, createUser } from "../factories";
import { request, signIn } from "../utils/app";
import { type Child, killAll, startChild } from "../utils/processes";

const children: Child[] = [];
afterEach(() => killAll(children.splice(0)));

const ROWS = 3_000;

describe("a process killed during a large import's commit", () => {
  it("leaves all of the import or none of it, and the app serves afterwards", async () => {
    const school = await createSchool();
    const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
    const child = startChild(["import", school.id, advisor.id, String(ROWS)]);
    children.push(child);
    await child.waitFor((m) => m.committing === true, 90_000);
    child.process.kill("SIGKILL");
    await child.exited;
    const finished = child.messages.some((m) => "committed" in m);

    // "Restart": the connection is opened afresh on the file the killed process was writing.
    await disconnectDb();
    const db = new Database(databaseFile(), { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
    const students = await prisma.studentProfile.count({ where: { schoolId: school.id } });
    const accounts = await prisma.user.count({ where: { email: { endsWith: "@crash.example.edu" } } });
    const batch = await prisma.importBatch.findFirstOrThrow({ where: { schoolId: school.id }, select: { status: true } });
    if (students === 0) {
      expect(accounts).toBe(0);
      expect(batch.status).toBe("PREVIEWED");
      expect(finished).toBe(false);
    } else {
      expect([students, accounts, batch.status]).toEqual([ROWS, ROWS, "COMMITTED"]);
    }

    expect((await request("/healthz")).status).toBe(200);
    // The import page lists the school's imports: committed ones among them if the commit got through.
    const page = await request("/office/import", { cookie: await signIn(advisor.id) });
    expect(page.status).toBe(200);
  }, 180_000);
});
