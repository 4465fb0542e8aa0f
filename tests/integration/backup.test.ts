/**
 * Backups (ADR 0021): a backup taken while another process writes is one
 * consistent moment of the database, and restores to the same rows.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase, databaseFile, integrity, listBackups, restoreDatabase, rowCounts } from "../../scripts/db-backup";
import { createSchoolWithCase } from "../factories";

const scratch = mkdtempSync(path.join(tmpdir(), "retake-desk-backup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Another process writing as fast as it can: each transaction inserts ten rows
 * (a consistent copy holds a multiple of ten) and then pauses a moment.
 */
function startWriter(file: string) {
  const code = `
    const db = new (require("better-sqlite3"))(process.argv[1]);
    db.pragma("busy_timeout = 5000");
    const insert = db.prepare('INSERT INTO "ThrottleFailure" ("scope", "key", "at") VALUES (?, ?, ?)');
    const batch = db.transaction((n) => { for (let i = 0; i < 10; i++) insert.run("writer", "k" + n, Date.now()); });
    let n = 0;
    const tick = () => { batch(n++); if (n === 1) process.stdout.write("writing\\n"); setImmediate(tick); };
    tick();`;
  const child = spawn(process.execPath, ["-e", code, file], {
    cwd: path.resolve(import.meta.dirname, "..", ".."),
    stdio: ["ignore", "pipe", "inherit"],
  });
  const writing = new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  return { child, writing };
}

const writerRows = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "ThrottleFailure" WHERE "scope" = 'writer'`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe("db:backup and db:restore", () => {
  it("take a consistent backup while another process writes, and restore it with the same rows", async () => {
    await createSchoolWithCase();
    const source = databaseFile();
    const writer = startWriter(source);
    try {
      await writer.writing;
      await new Promise((resolve) => setTimeout(resolve, 200));
      const backup = await backupDatabase({ source, dir: scratch, keep: 5 });
      // The writer carried on through the backup, and after it.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const live = writerRows(source);
      const copied = writerRows(backup);
      expect(integrity(backup)).toBe("ok");
      expect(copied).toBeGreaterThan(0);
      expect(copied % 10).toBe(0); // whole transactions only
      expect(live).toBeGreaterThan(copied);

      const target = path.join(scratch, "restored.db");
      await restoreDatabase({ file: backup, target });
      expect(integrity(target)).toBe("ok");
      const counts = rowCounts(target);
      expect(counts).toEqual(rowCounts(backup));
      expect(counts.ThrottleFailure).toBe(copied);
      expect(counts.School).toBeGreaterThan(0);
      expect(counts.RetakeCase).toBeGreaterThan(0);
    } finally {
      writer.child.kill("SIGKILL");
    }
  });

  it("keep the newest backups only, and refuse to restore a damaged one", async () => {
    const dir = path.join(scratch, "kept");
    const source = databaseFile();
    for (const minute of [1, 2, 3]) {
      await backupDatabase({ source, dir, keep: 2, now: new Date(`2026-11-30T10:0${minute}:00.000Z`) });
    }
    expect(listBackups(dir).map((f) => path.basename(f))).toEqual([
      "retake-desk-2026-11-30T10-03-00-000Z.db",
      "retake-desk-2026-11-30T10-02-00-000Z.db",
    ]);
    const damaged = path.join(scratch, "damaged.db");
    const db = new Database(damaged);
    db.exec("CREATE TABLE t (x)");
    db.close();
    const bytes = readFileSync(damaged);
    bytes.write("not a database", 0);
    writeFileSync(damaged, bytes);
    const target = path.join(scratch, "untouched.db");
    await expect(restoreDatabase({ file: damaged, target })).rejects.toThrow();
    expect(existsSync(target)).toBe(false);
  });

  it("refuse a libSQL server, which keeps its own backups", () => {
    expect(() => databaseFile("libsql://db.example.org")).toThrow(/libSQL server keeps its own backups/);
  });
});
