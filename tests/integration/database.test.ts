import { describe, expect, it } from "vitest";
import { dbReady, prisma } from "#app/utils/db.server";
import { BUSY_TIMEOUT_MS, driverKind } from "#app/utils/db-adapter.server";
import { referenceRows } from "../../scripts/reference-sql";
import { createSchool, createSchoolWithCase, createStudent } from "../factories";

describe("database", () => {
  it("uses the driver the environment asks for", async () => {
    await dbReady();
    const url = process.env.DATABASE_URL as string;
    const expected = process.env.DATABASE_DRIVER === "libsql" ? "libsql-embedded" : "better-sqlite3";
    expect(driverKind(url)).toBe(expected);
    const [row] = await prisma.$queryRawUnsafe<Array<{ one: unknown }>>("SELECT 1 AS one");
    // better-sqlite3 returns integers as bigint, libSQL as number: proof of which driver answered.
    expect(typeof row.one).toBe(expected === "better-sqlite3" ? "bigint" : "number");
  });

  it("runs SQLite in WAL mode with foreign keys on", async () => {
    await dbReady();
    const [journal] = await prisma.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode");
    expect(journal.journal_mode).toBe("wal");
    const [fk] = await prisma.$queryRawUnsafe<Array<{ foreign_keys: number | bigint }>>("PRAGMA foreign_keys");
    expect(Number(fk.foreign_keys)).toBe(1);
  });

  it("waits for another process's lock on every connection, before, inside and after a transaction", async () => {
    await dbReady();
    const busyTimeout = async (client: Pick<typeof prisma, "$queryRawUnsafe">) =>
      Number((await client.$queryRawUnsafe<Array<{ timeout: number | bigint }>>("PRAGMA busy_timeout"))[0].timeout);
    expect(await busyTimeout(prisma)).toBe(BUSY_TIMEOUT_MS);
    // libSQL's embedded driver gives each transaction the connection it began on and opens a new one for what follows.
    for (let i = 0; i < 2; i += 1) {
      expect(await prisma.$transaction((tx) => busyTimeout(tx))).toBe(BUSY_TIMEOUT_MS);
      expect(await busyTimeout(prisma)).toBe(BUSY_TIMEOUT_MS);
    }
  });

  it("holds the reference data after the migrations alone, equal to app/domain/reference", async () => {
    for (const [table, rows] of referenceRows()) {
      const stored = await prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT * FROM "${table}"`);
      expect(stored.length, table).toBe(rows.length);
      const key = "id" in rows[0] ? "id" : "key";
      const byKey = new Map(stored.map((r) => [String(r[key]), r]));
      for (const row of rows) {
        const found = byKey.get(String(row[key]));
        expect(found, `${table} ${row[key]}`).toBeDefined();
        for (const [column, value] of Object.entries(row)) {
          const actual = found?.[column];
          const normalized = typeof value === "boolean" ? Number(actual) === 1 : typeof value === "number" ? Number(actual) : actual;
          expect(normalized, `${table}.${column} of ${row[key]}`).toEqual(value);
        }
      }
    }
  });

  it("answers the passing standard in force on a date from the database", async () => {
    const standardOn = async (exam: string, date: string) => {
      const [row] = await prisma.$queryRawUnsafe<Array<{ minScore: number | bigint }>>(
        `SELECT "minScore" FROM "PassingStandard" WHERE "exam" = ? AND "effectiveFrom" <= ? ORDER BY "effectiveFrom" DESC LIMIT 1`,
        exam,
        date,
      );
      return Number(row.minScore);
    };
    expect(await standardOn("STEP2_CK", "2024-03-15")).toBe(214);
    expect(await standardOn("STEP2_CK", "2025-07-01")).toBe(218);
    expect(await standardOn("STEP2_CK", "2026-01-10")).toBe(218);
    expect(await standardOn("STEP1", "2022-01-25")).toBe(194);
    expect(await standardOn("STEP3", "2024-06-01")).toBe(200);
  });

  it("refuses a second open case for the same student and exam", async () => {
    const { school, student } = await createSchoolWithCase();
    await expect(
      prisma.retakeCase.create({ data: { schoolId: school.id, studentId: student.studentId, exam: "STEP1" } }),
    ).rejects.toMatchObject({ code: "P2002" });
    // A case for another exam, or once the first is closed, is fine.
    await prisma.retakeCase.create({ data: { schoolId: school.id, studentId: student.studentId, exam: "STEP2_CK" } });
    await prisma.retakeCase.updateMany({
      where: { studentId: student.studentId, exam: "STEP1" },
      data: { openSlot: null, status: "CLOSED" },
    });
    await prisma.retakeCase.create({ data: { schoolId: school.id, studentId: student.studentId, exam: "STEP1" } });
  });

  it("keeps the activity log append-only", async () => {
    const school = await createSchool();
    await createStudent(school.id);
    const entry = await prisma.activityLog.create({
      data: { schoolId: school.id, entity: "Test", entityId: "x", action: "test", summary: "an entry" },
    });
    // The trigger's RAISE(ABORT) reaches Prisma as a constraint error; what matters is the row survives unchanged.
    await expect(prisma.activityLog.update({ where: { id: entry.id }, data: { summary: "changed" } })).rejects.toThrow();
    await expect(prisma.activityLog.delete({ where: { id: entry.id } })).rejects.toThrow();
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "ActivityLog" WHERE "id" = ?`, entry.id)).rejects.toThrow(/append-only/);
    expect(await prisma.activityLog.findUnique({ where: { id: entry.id }, select: { summary: true } })).toEqual({ summary: "an entry" });
  });
});
