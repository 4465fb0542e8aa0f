/**
 * Test records with unique names, created through the same code paths as the
 * app where one exists (attempts go through the attempt mutation).
 */
import { recordAttempt } from "#app/domain/attempts/mutations.server";
import { changeCaseStatus, setTargetExamDate, takeCase } from "#app/domain/cases/mutations.server";
import { addDays, type IsoDate, today } from "#app/domain/dates";
import type { ExamId } from "#app/domain/reference";
import type { Role } from "#app/domain/vocabulary";
import { prisma } from "#app/utils/db.server";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

import { TEST_PASSWORD } from "./password";

export { TEST_PASSWORD };

/** A real Argon2id hash of TEST_PASSWORD, made once (hashing is slow on purpose). */
let passwordHash: Promise<string> | undefined;
export function testPasswordHash(): Promise<string> {
  passwordHash ??= import("#app/utils/password.server").then((m) => m.hashPassword(TEST_PASSWORD));
  return passwordHash;
}

export async function createSchool(name = `School ${unique()}`) {
  return prisma.school.create({ data: { name, slug: `school-${unique()}` }, select: { id: true, name: true, slug: true } });
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

/** A school and a tutor of it (with the test password). */
export async function createTutor() {
  const school = await createSchool();
  const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
  return { ...tutor, schoolId: school.id };
}

/** The steps a taken case goes through, in order: taking it starts the diagnosis. */
const TAKEN_STEPS = ["DIAGNOSING", "PLANNING", "ACTIVE"] as const;
export type TakenStatus = (typeof TAKEN_STEPS)[number];

/**
 * `tutorId` takes the case from the intake queue as the queue's "Take on" does
 * (an assignment row and an activity entry; the case moves to DIAGNOSING),
 * then moves it forward to `status` as the tutor would, one step at a time,
 * and sets the target exam date if one is given. Returns the case's version
 * after the last write.
 */
export async function takeCaseAs(input: { caseId: string; tutorId: string; status?: TakenStatus; targetExamDate?: IsoDate }) {
  const { caseId, tutorId } = input;
  const taken = await takeCase({ caseId, tutorId });
  if (!taken.ok) throw new Error(`could not take the case: ${taken.message}`);
  let version = taken.version;
  for (const to of TAKEN_STEPS.slice(1, TAKEN_STEPS.indexOf(input.status ?? "DIAGNOSING") + 1)) {
    const moved = await changeCaseStatus({ caseId, to, actorId: tutorId, role: "TUTOR", isAssignedTutor: true, expectedVersion: version });
    if (!moved.ok) throw new Error(`could not move the case to ${to}: ${moved.message}`);
    version = moved.version;
  }
  if (input.targetExamDate) {
    const dated = await setTargetExamDate({ caseId, date: input.targetExamDate, actorId: tutorId, expectedVersion: version });
    if (!dated.ok) throw new Error(`could not set the exam date: ${dated.message}`);
    version = dated.version;
  }
  return { version };
}

/**
 * A school with an advisor, an admin, two tutors and a student with an open
 * Step 1 case: in the intake queue, or with `takenBy: "tutor"` taken by the
 * tutor (see `takeCaseAs`) and moved on to `status` (DIAGNOSING by default).
 */
export async function createSchoolWithCase(options: { takenBy?: "tutor"; status?: TakenStatus } = {}) {
  const school = await createSchool();
  const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
  const admin = await createUser({ schoolId: school.id, role: "ADMIN" });
  const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
  const otherTutor = await createUser({ schoolId: school.id, role: "TUTOR" });
  const student = await createStudent(school.id);
  const { caseId } = await createFailedCase({ studentId: student.studentId, actorId: advisor.id });
  if (options.takenBy) await takeCaseAs({ caseId, tutorId: tutor.id, status: options.status });
  else if (options.status) throw new Error("a case in the intake queue is in INTAKE: give takenBy with a status");
  return { school, advisor, admin, tutor, otherTutor, student, caseId };
}

/**
 * A case taken by its tutor whose student then failed a second time (two days
 * ago), recorded through the attempt mutation by `recordedBy` (the tutor by
 * default): the case's escalation is open.
 */
export async function createEscalatedCase(options: { recordedBy?: "tutor" | "admin" } = {}) {
  const setup = await createSchoolWithCase({ takenBy: "tutor" });
  const result = await recordAttempt({
    studentId: setup.student.studentId,
    exam: "STEP1",
    takenOn: addDays(today(), -2),
    outcome: "FAIL",
    score: null,
    actorId: setup[options.recordedBy ?? "tutor"].id,
  });
  if (!result.ok || !result.escalationId) throw new Error(`no escalation opened: ${JSON.stringify(result)}`);
  const escalation = await prisma.escalation.findUniqueOrThrow({ where: { id: result.escalationId } });
  return { ...setup, escalation };
}
