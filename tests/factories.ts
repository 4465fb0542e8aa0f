/**
 * Test records with unique names, created through the same code paths as the
 * app where one exists (attempts go through the attempt mutation).
 */
import { recordAttempt } from "../app/domain/attempts/mutations.server";
import { addDays, type IsoDate, today } from "../app/domain/dates";
import type { ExamId } from "../app/domain/reference";
import type { Role } from "../app/domain/vocabulary";
import { prisma } from "../app/utils/db.server";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A real Argon2id hash of "correct horse battery", made once (hashing is slow on purpose). */
export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;
export function testPasswordHash(): Promise<string> {
  passwordHash ??= import("../app/utils/password.server").then((m) => m.hashPassword(TEST_PASSWORD));
  return passwordHash;
}

export async function createSchool(name = `School ${unique()}`) {
  return prisma.school.create({ data: { name, slug: `school-${unique()}` }, select: { id: true, name: true } });
}

export async function createUser(options: { schoolId: string; role: Role; name?: string; withPassword?: boolean }) {
  const id = unique();
  const user = await prisma.user.create({
    data: {
      email: `user-${id}@example.edu`,
      name: options.name ?? `${options.role.toLowerCase()} ${id}`,
      passwordHash: options.withPassword === false ? null : await testPasswordHash(),
      memberships: { create: { schoolId: options.schoolId, role: options.role } },
    },
    select: { id: true, email: true, name: true },
  });
  return user;
}

export async function createStudent(schoolId: string, name?: string) {
  const user = await createUser({ schoolId, role: "STUDENT", name });
  const profile = await prisma.studentProfile.create({ data: { userId: user.id, schoolId }, select: { id: true } });
  return { ...user, userId: user.id, studentId: profile.id };
}

/** Records a failure through the attempt mutation and returns the opened case. */
export async function createFailedCase(options: {
  studentId: string;
  exam?: ExamId;
  takenOn?: IsoDate;
  actorId?: string | null;
  score?: number | null;
}) {
  const exam = options.exam ?? "STEP1";
  const result = await recordAttempt({
    studentId: options.studentId,
    exam,
    takenOn: options.takenOn ?? addDays(today(), -30),
    outcome: "FAIL",
    score: options.score ?? (exam === "STEP1" ? null : 205),
    actorId: options.actorId ?? null,
  });
  if (!result.ok || !result.caseId) throw new Error(`could not open a case: ${JSON.stringify(result)}`);
  return { caseId: result.caseId, attemptId: result.attemptId };
}

/** A school with an advisor, two tutors and a student with an open Step 1 case. */
export async function createSchoolWithCase() {
  const school = await createSchool();
  const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
  const admin = await createUser({ schoolId: school.id, role: "ADMIN" });
  const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
  const otherTutor = await createUser({ schoolId: school.id, role: "TUTOR" });
  const student = await createStudent(school.id);
  const { caseId } = await createFailedCase({ studentId: student.studentId, actorId: advisor.id });
  return { school, advisor, admin, tutor, otherTutor, student, caseId };
}
