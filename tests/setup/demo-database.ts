/**
 * The demo database, built once and copied (ADR 0007): the migrations applied
 * with `prisma migrate deploy`, then the demo seed (prisma/seed.ts, ~17 s of
 * CPU). Integration test files named `*.demo.test.ts` and the end-to-end
 * server start from a copy of it instead of seeding their own.
 *
 * The file's name carries a key: a hash of the migrations, of every source
 * file the seed imports (followed through relative and `#app/` imports), of
 * package-lock.json, and of today's date, since the seed's story is dated
 * from today. Any change to one of them builds a new file on next use; a
 * lock lets concurrent runs (Vitest and the end-to-end server) build it once.
 *
 *   tsx tests/setup/demo-database.ts     build it now if it is missing; prints its path
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { today } from "#app/domain/dates";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..");
const dir = path.join(root, "tests", ".db");
const SEED_ENTRY = path.join(root, "prisma", "seed.ts");

const IMPORT = /\b(?:import|export)\b[^"'`;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|\bimport\s+["']([^"']+)["']/g;

function resolveSpecifier(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else if (specifier.startsWith("#app/")) base = path.join(root, "app", specifier.slice("#app/".length));
  else if (specifier.startsWith("#tests/")) base = path.join(root, "tests", specifier.slice("#tests/".length));
  // Packages (covered by package-lock.json) and the generated client (covered by the migrations).
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`cannot resolve "${specifier}" imported by ${path.relative(root, from)}`);
}

/** Every project source file `entry` reaches through its imports, itself included, sorted. */
export function importClosure(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const resolved = resolveSpecifier(file, match[1] ?? match[2] ?? match[3]);
      if (resolved && !seen.has(resolved)) queue.push(resolved);
    }
  }
  return [...seen].sort();
}

function migrationFiles(): string[] {
  const migrations = path.join(root, "prisma", "migrations");
  return readdirSync(migrations, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(migrations, d.name, "migration.sql"))
    .sort();
}

/** What the demo database is built from; a change to any of it gives a new key. */
export function demoDatabaseKey(now: Date = new Date()): string {
  const digest = createHash("sha256");
  digest.update(`today ${today(now)}, journal_mode=WAL\n`);
  for (const file of [...migrationFiles(), ...importClosure(SEED_ENTRY), path.join(root, "package-lock.json")]) {
    digest.update(`${path.relative(root, file)}\n`);
    digest.update(readFileSync(file));
  }
  return digest.digest("hex").slice(0, 16);
}

export function demoDatabasePath(key = demoDatabaseKey()): string {
  return path.join(dir, `demo-${key}.db`);
}

const STALE_LOCK_MS = 10 * 60 * 1000;
const statMs = (file: string) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Holds `lock` (a directory: creating one is atomic) while `work` runs; a dead holder's lock is taken over. */
async function withLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pidFile = path.join(lock, "pid");
      const holder = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8")) : Number.NaN;
      // A lock without a pid file is being taken right now; one whose process is gone, or older than any build, is stale.
      const stale = (Number.isInteger(holder) && !alive(holder)) || Date.now() - statMs(lock) > STALE_LOCK_MS;
      if (stale) rmSync(lock, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function build(target: string): Promise<void> {
  const scratch = `${target}.${process.pid}.tmp`;
  const clean = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${scratch}${suffix}`, { force: true });
  };
  clean();
  // The default driver, whatever the calling test pass uses: the file is the same for both.
  const env = { ...process.env, DATABASE_URL: `file:${scratch}`, DATABASE_DRIVER: "", NODE_ENV: "test" };
  const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
  try {
    await run(bin("prisma"), ["migrate", "deploy"], { cwd: root, env });
    await run(bin("tsx"), [SEED_ENTRY], { cwd: root, env });
    // One self-contained file in WAL mode, as the app runs SQLite: closing the last connection checkpoints and removes the WAL.
    const db = new Database(scratch);
    db.pragma("journal_mode = WAL");
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
  } catch (error) {
    clean();
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`building the demo database failed: ${e.message}\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
  renameSync(scratch, target);
}

/**
 * The path of today's demo database, building it first if needed. Copy it;
 * never open it (it is shared by every run until its key changes).
 */
export async function ensureDemoDatabase(): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const target = demoDatabasePath();
  if (existsSync(target)) return target;
  return withLock(path.join(dir, "demo.lock"), async () => {
    if (existsSync(target)) return target;
    await build(target);
    // Earlier keys' files are no longer used.
    for (const name of readdirSync(dir)) {
      if (/^demo-[0-9a-f]{16}\.db$/.test(name) && path.join(dir, name) !== target) rmSync(path.join(dir, name), { force: true });
    }
    return target;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  ensureDemoDatabase().then(
    (file) => console.log(`${path.relative(root, file)} (${((Date.now() - started) / 1000).toFixed(1)} s)`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
