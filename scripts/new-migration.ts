/**
 * Authors the next migration offline, without `prisma migrate dev` (ADR 0002):
 * applies the committed migrations to a scratch database, reads its schema back
 * with `db pull`, and diffs that against prisma/schema.prisma.
 *
 *   npm run db:new-migration -- <name> [--reference]   write prisma/migrations/<ts>_<name>/migration.sql
 *   npm run db:drift                                    exit 1 when schema.prisma has unmigrated changes
 *
 * `--reference` appends the reference-data SQL (scripts/reference-sql.ts), for a
 * change to app/domain/reference.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { referenceSql } from "./reference-sql.ts";

const root = path.resolve(import.meta.dirname, "..");
const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");

function prisma(args: string[], env: NodeJS.ProcessEnv, allowExit: number[] = [0]): { code: number; stdout: string } {
  try {
    const stdout = execFileSync(prismaBin, args, { cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    if (e.status !== undefined && allowExit.includes(e.status)) return { code: e.status, stdout: e.stdout ?? "" };
    process.stderr.write(e.stdout ?? "");
    process.stderr.write(e.stderr ?? "");
    throw new Error(`prisma ${args.join(" ")} failed (exit ${e.status})`);
  }
}

const hasMigrations = () => existsSync(migrationsDir) && readdirSync(migrationsDir, { withFileTypes: true }).some((d) => d.isDirectory());

/** The schema the committed migrations produce, as a datamodel file; null when there are none. */
function migratedSchema(scratch: string): string | null {
  if (!hasMigrations()) return null;
  const env = { ...process.env, DATABASE_URL: `file:${path.join(scratch, "migrated.db")}`, DATABASE_DRIVER: "" };
  prisma(["migrate", "deploy"], env);
  // Introspect against a bare schema: re-introspecting with our enums writes defaults Prisma then rejects.
  const bare = path.join(scratch, "bare.prisma");
  writeFileSync(bare, 'datasource db {\n  provider = "sqlite"\n  url      = env("DATABASE_URL")\n}\n');
  const pulled = prisma(["db", "pull", "--print", "--schema", bare], env).stdout;
  // The JS engine prints a warning about the adapter before the schema: keep from the first block on.
  const start = pulled.search(/^(generator|datasource|model|enum) /m);
  const file = path.join(scratch, "migrated.prisma");
  writeFileSync(file, pulled.slice(start));
  return file;
}

function diff(scratch: string, check: boolean): { changed: boolean; sql: string } {
  const from = migratedSchema(scratch);
  const args = ["migrate", "diff", ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"])];
  args.push("--to-schema-datamodel", schemaPath, "--script");
  if (check) args.push("--exit-code");
  const env = { ...process.env, DATABASE_URL: `file:${path.join(scratch, "diff.db")}`, DATABASE_DRIVER: "" };
  const result = prisma(args, env, [0, 2]);
  const changed = check ? result.code === 2 : !/^-- This is an empty migration\./m.test(result.stdout) && result.stdout.trim() !== "";
  return { changed, sql: result.stdout };
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const withReference = args.includes("--reference");
  const name = args.find((a) => !a.startsWith("--"));
  const scratch = mkdtempSync(path.join(tmpdir(), "retake-desk-migration-"));
  try {
    const { changed, sql } = diff(scratch, check);
    if (check) {
      if (changed) {
        console.error("Drift: prisma/schema.prisma has changes no migration applies. Run npm run db:new-migration -- <name>.");
        console.error(sql);
        process.exit(1);
      }
      console.log("No drift: the migrations produce prisma/schema.prisma.");
      return;
    }
    if (!name || !/^[a-z0-9_]+$/.test(name)) {
      console.error("Usage: npm run db:new-migration -- <snake_case_name> [--reference]");
      process.exit(64);
    }
    if (!changed && !withReference) {
      console.log("Nothing to migrate: the schema matches the migrations.");
      return;
    }
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    const body = [changed ? sql.trim() : "", withReference ? referenceSql() : ""].filter(Boolean).join("\n\n");
    writeFileSync(path.join(dir, "migration.sql"), `${body}\n`);
    if (!existsSync(path.join(migrationsDir, "migration_lock.toml"))) {
      writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "sqlite"\n');
    }
    console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
