/**
 * Builds the migrated template database once per run: every test file then
 * starts from a copy of it (ADR 0007). Rebuilt when any migration changes.
 * It is in WAL mode, as the app runs SQLite, so a copy opens in WAL mode too.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const root = path.resolve(import.meta.dirname, "..", "..");
export const TEST_DB_DIR = path.join(root, "tests", ".db");
export const TEMPLATE_DB = path.join(TEST_DB_DIR, "template.db");

function migrationFiles(): string[] {
  const dir = path.join(root, "prisma", "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(dir, d.name, "migration.sql"))
    .sort();
}

export default function setup() {
  mkdirSync(TEST_DB_DIR, { recursive: true });
  const files = migrationFiles();
  const digest = createHash("sha256");
  // The template's format, besides the migrations: a change here rebuilds it too.
  digest.update("journal_mode=WAL\n");
  for (const file of files) digest.update(readFileSync(file));
  const stamp = path.join(TEST_DB_DIR, "template.sha256");
  const hash = digest.digest("hex");
  if (existsSync(TEMPLATE_DB) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  // Build beside the template and rename into place, so a run starting meanwhile never copies half a database.
  const scratch = `${TEMPLATE_DB}.${process.pid}.tmp`;
  rmSync(scratch, { force: true });
  const db = new Database(scratch);
  for (const file of files) db.exec(readFileSync(file, "utf8"));
  // Closing the last connection checkpoints the WAL into the file and removes it: one self-contained file.
  db.pragma("journal_mode = WAL");
  db.close();
  renameSync(scratch, TEMPLATE_DB);
  writeFileSync(stamp, hash);
}
