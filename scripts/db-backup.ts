/**
 * Backups of the SQLite database (ADR 0021), taken online with SQLite's backup
 * API while the app serves: the copy is one consistent snapshot (one read
 * transaction; writers carry on meanwhile), checked with `PRAGMA
 * integrity_check`, written beside its final name and renamed into place so
 * a half-written file is never taken for a backup.
 *
 *   npm run db:backup                       back DATABASE_URL up into BACKUP_DIR (default ./backups),
 *                                           keeping the newest BACKUP_KEEP (default 14)
 *   npm run db:backup -- --dir D --keep N   the same, with the folder and the number kept given here
 *   npm run db:restore -- <file|latest>     replace DATABASE_URL's database with a backup (stop the app first)
 *
 * A libSQL server (DATABASE_URL libsql:, http(s):, ws(s):) keeps its own backups; these commands refuse it.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const root = path.resolve(import.meta.dirname, "..");
const PREFIX = "retake-desk-";

/** The database file DATABASE_URL names, relative paths from the project root as Prisma reads them. */
export function databaseFile(url = process.env.DATABASE_URL ?? "file:./prisma/dev.db"): string {
  if (!url.startsWith("file:")) {
    throw new Error("db:backup and db:restore work on a SQLite file (DATABASE_URL=file:…); a libSQL server keeps its own backups.");
  }
  const file = url.slice("file:".length).split("?")[0];
  return path.isAbsolute(file) ? file : path.resolve(root, file);
}

/** "ok", or what SQLite found wrong. */
export function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma("integrity_check") as Array<{ integrity_check: string }>;
    return rows.map((r) => r.integrity_check).join("; ");
  } finally {
    db.close();
  }
}

/** Rows per table (migration bookkeeping and SQLite's own tables left out). */
export function rowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name",
      )
      .all() as Array<{ name: string }>;
    return Object.fromEntries(
      tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
}

/** Backups in `dir`, newest first (their names sort by the time they were taken). */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith(PREFIX) && name.endsWith(".db"))
    .sort()
    .reverse()
    .map((name) => path.join(dir, name));
}

/**
 * Copies the database at `source` into a new file in `dir` while it may be in
 * use, then deletes all but the newest `keep` backups. Returns the new file.
 */
export async function backupDatabase(options: { source: string; dir: string; keep: number; now?: Date }): Promise<string> {
  const { source, dir, keep } = options;
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`The number of backups kept must be a whole number from 1 (got ${keep})`);
  mkdirSync(dir, { recursive: true });
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, "-");
  const file = path.join(dir, `${PREFIX}${stamp}.db`);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    // All pages in one step: one read transaction, so the copy is one moment of the database even while
    // other processes write (in smaller steps, each write by another connection would restart the copy).
    await db.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  const problems = integrity(partial);
  if (problems !== "ok") {
    rmSync(partial, { force: true });
    throw new Error(`The backup failed its integrity check: ${problems}`);
  }
  renameSync(partial, file);
  for (const old of listBackups(dir).slice(keep)) rmSync(old, { force: true });
  return file;
}

/**
 * Replaces the database at `target` with the backup `file`, through the
 * backup API again (the target's pages are overwritten in one step, so a
 * connection still open sees the old database or the restored one, never a
 * mix). The backup is checked first; a damaged one changes nothing.
 */
export async function restoreDatabase(options: { file: string; target: string }): Promise<void> {
  const problems = integrity(options.file);
  if (problems !== "ok") throw new Error(`${options.file} failed its integrity check, nothing was restored: ${problems}`);
  const backup = new Database(options.file, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(options.target, { progress: () => 0x7fffffff });
  } finally {
    backup.close();
  }
  const restored = new Database(options.target);
  try {
    restored.pragma("journal_mode = WAL");
    restored.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    restored.close();
  }
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function cli(args: string[]) {
  const [command, ...rest] = args;
  const dir = path.resolve(root, option(rest, "--dir") ?? process.env.BACKUP_DIR ?? "backups");
  const target = databaseFile();
  if (command === "backup") {
    const keep = Number(option(rest, "--keep") ?? process.env.BACKUP_KEEP ?? 14);
    const started = performance.now();
    const file = await backupDatabase({ source: target, dir, keep });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Backed up ${target} to ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB, ${seconds} s); keeping the newest ${keep}.`);
    return;
  }
  if (command === "restore") {
    const which = rest.find((a, i) => !a.startsWith("--") && rest[i - 1] !== "--dir");
    const file = !which || which === "latest" ? listBackups(dir)[0] : path.resolve(which);
    if (!file || !existsSync(file)) throw new Error(`No backup to restore${which ? `: ${which} does not exist` : ` in ${dir}`}.`);
    await restoreDatabase({ file, target });
    console.log(`Restored ${target} from ${file}. Start the app again (npm start); it applies any newer migrations.`);
    return;
  }
  throw new Error("Usage: tsx scripts/db-backup.ts backup [--dir D] [--keep N] | restore <file|latest> [--dir D]");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
