/**
 * Import timings: previews and commits of 10,000-row CSV files of each kind on
 * a fresh embedded database. Prints seconds per step.
 *
 *   npm run bench:import            (BENCH_ROWS=10000)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dbFile = path.join(root, "bench", ".data", "import.db");
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
mkdirSync(path.dirname(dbFile), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbFile}${suffix}`, { force: true });
process.env.DATABASE_URL = `file:${dbFile}`;
process.env.LOG_LEVEL = "error";
execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: root, stdio: "ignore", env: process.env });

const { prisma } = await import("#app/utils/db.server.ts");
const { previewImport, commitImport } = await import("#app/domain/imports/import.server.ts");
const { refreshStaleCases } = await import("#app/domain/cases/derive.server.ts");
const { addDays, today } = await import("#app/domain/dates.ts");

const school = await prisma.school.create({ data: { name: "Import School", slug: "import" } });
const advisor = await prisma.user.create({
  data: { email: "advisor@import.edu", name: "Advisor", memberships: { create: { schoolId: school.id, role: "ADVISOR" } } },
});
const ids = Array.from({ length: ROWS }, (_, i) => `I-${String(i).padStart(6, "0")}`);
const files = {
  STUDENTS: [
    "student_id,email,name,graduation_year,international_graduate",
    ...ids.map((id, i) => `${id},${id.toLowerCase()}@import.edu,Student ${i},2027,${i % 5 ? "no" : "yes"}`),
  ],
  ATTEMPTS: ["student_id,exam,taken_on,outcome,score", ...ids.map((id, i) => `${id},Step 1,${addDays(today(), -20 - (i % 90))},fail,`)],
  PRACTICE: [
    "student_id,instrument,form,taken_on,score",
    ...ids.map((id, i) => `${id},CBSSA,Form ${26 + (i % 8)},${addDays(today(), -(i % 20))},${50 + (i % 30)}`),
  ],
} as const;

const rows: string[] = [];
for (const kind of ["STUDENTS", "ATTEMPTS", "PRACTICE"] as const) {
  const content = files[kind].join("\n");
  let t = performance.now();
  const preview = await previewImport({ schoolId: school.id, kind, fileName: `${kind.toLowerCase()}.csv`, content, actorId: advisor.id });
  const previewS = (performance.now() - t) / 1000;
  if (!preview.ok) throw new Error(`${kind}: ${JSON.stringify(preview.errors.slice(0, 3))}`);
  t = performance.now();
  const commit = await commitImport({ batchId: preview.batchId, schoolIds: [school.id], actorId: advisor.id });
  const commitS = (performance.now() - t) / 1000;
  if (!commit.ok) throw new Error(`${kind}: ${commit.message}`);
  // The cases' risk and readiness figures are refreshed in the background after a large import.
  t = performance.now();
  await refreshStaleCases();
  const derivedS = (performance.now() - t) / 1000;
  t = performance.now();
  const again = await previewImport({ schoolId: school.id, kind, fileName: `${kind.toLowerCase()}.csv`, content, actorId: advisor.id });
  const againS = (performance.now() - t) / 1000;
  if (!again.ok) throw new Error(`${kind} re-import preview: ${JSON.stringify(again.errors.slice(0, 3))}`);
  rows.push(
    `| ${kind.toLowerCase()} | ${ROWS} | ${previewS.toFixed(2)} | ${commitS.toFixed(2)} | ${derivedS.toFixed(2)} | ${againS.toFixed(2)} (${again.summary.unchanged} unchanged) |`,
  );
  console.log(rows[rows.length - 1]);
}
console.log(
  "\n| file | rows | preview s | commit s | background re-assessment s | re-import preview s |\n| --- | --- | --- | --- | --- | --- |",
);
for (const row of rows) console.log(row);
console.log(`\nCases opened: ${await prisma.retakeCase.count()}, practice exams: ${await prisma.practiceExam.count()}`);
await prisma.$disconnect();
