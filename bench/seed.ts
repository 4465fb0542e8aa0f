/**
 * The benchmarks' large school in its own SQLite file: 5,000 students and
 * cases shared by 20 tutors (250 each), one advisor, eight practice exams a
 * case (bench/large-school.ts). `DATABASE_URL` must point at `dbFile` before
 * this module is imported (the Prisma client reads it once).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
export const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 5000);
const PRACTICE_PER_CASE = 8;

/** Removes `dbFile` and its journal files, so the next seed starts from nothing. */
export function removeDatabase(dbFile: string) {
  mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbFile}${suffix}`, { force: true });
}

/**
 * Seeds the school into `dbFile` unless it is already there (`reuse`), and
 * returns fresh session cookies of the first tutor and of the advisor.
 */
export async function seedLargeSchool(dbFile: string, options: { reuse?: boolean } = {}) {
  if (!options.reuse || !existsSync(dbFile)) removeDatabase(dbFile);
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: root, stdio: "ignore", env: process.env });
  const { prisma } = await import("#app/utils/db.server.ts");
  const { createSession } = await import("#app/utils/session.server.ts");
  const { bulkSchool } = await import("./large-school.ts");
  let school = await prisma.school.findUnique({ where: { slug: "bench" } });
  if (!school) {
    const started = Date.now();
    school = await prisma.school.create({ data: { name: "Benchmark School", slug: "bench" } });
    const schoolId = school.id;
    const make = (email: string, role: "TUTOR" | "ADVISOR") =>
      prisma.user.create({ data: { email, name: email, memberships: { create: { schoolId, role } } } });
    const tutors = await Promise.all(Array.from({ length: 20 }, (_, i) => make(`tutor${i}@bench.edu`, "TUTOR")));
    await make("advisor@bench.edu", "ADVISOR");
    for (const tutor of tutors)
      await bulkSchool({ cases: STUDENTS / tutors.length, tutorId: tutor.id, schoolId, practicePerCase: PRACTICE_PER_CASE });
    console.log(
      `Seeded ${await prisma.studentProfile.count()} students, ${await prisma.retakeCase.count()} cases, ${await prisma.practiceExam.count()} practice exams in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const byEmail = (email: string) => prisma.user.findUniqueOrThrow({ where: { email } });
  const tutorSession = await createSession((await byEmail("tutor0@bench.edu")).id);
  const advisorSession = await createSession((await byEmail("advisor@bench.edu")).id);
  await prisma.$disconnect();
  return { tutorCookie: `rd_session=${tutorSession.token}`, advisorCookie: `rd_session=${advisorSession.token}` };
}
