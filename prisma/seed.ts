/**
 * Demo data: one school with its office, three tutors and forty students at
 * every stage of a retake, with attempts, score reports, findings, plans and
 * practice-exam series that look real; and a second, small school with its own
 * office, tutor and four students, so that tenancy is visible. Dates are relative to today so the demo
 * always looks current; a seeded random generator makes it reproducible.
 *
 * Everything a person does in the story goes through the app's own domain
 * mutations (recording attempts, taking cases, status moves, score reports,
 * findings, plans, practice exams, check-ins, notes, the invitation), so the
 * cases, activity log, escalations and notifications follow the product's
 * rules. Only the schools, their settings and the accounts are written directly:
 * the app creates a school only from the operator's command and a password only
 * from its owner's mail link (ADR 0012), neither of which a seed can follow.
 * Where a mutation takes a clock (`today` for attempts, `now` for check-ins
 * and the invitation; a note's session date) the seed passes the story's date;
 * and each step runs on the story's clock (`atStory`), so what the database
 * stamps itself (activity, notifications, escalations, cases opened and
 * closed) is dated by the story too, never after the seeding moment.
 *
 *   npm run db:seed        seed an empty database (refuses a non-empty one)
 */
import { fileURLToPath } from "node:url";
import { recordAttemptIn } from "#app/domain/attempts/mutations.server.ts";
import { refreshDerived } from "#app/domain/cases/derive.server.ts";
import { changeCaseStatus, setTargetExamDate, takeCase } from "#app/domain/cases/mutations.server.ts";
import { submitCheckIn } from "#app/domain/checkins/mutations.server.ts";
import { checkInSchema, weekNotAllowed } from "#app/domain/checkins/schema.ts";
import { addBusinessDays, addDays, type IsoDate, isoWeekday, maxDate, minDate, today as todayOf } from "#app/domain/dates.ts";
import { createFinding, saveScoreReport } from "#app/domain/diagnostics/mutations.server.ts";
import { findingSchema, scoreReportSchema } from "#app/domain/diagnostics/schema.ts";
import { changeEscalationStatus } from "#app/domain/escalations/mutations.server.ts";
import { createInvitation } from "#app/domain/invitations/mutations.server.ts";
import { mailOverdueEscalations, mailWeeklyDigests } from "#app/domain/mail/jobs.server.ts";
import { createNote } from "#app/domain/notes/mutations.server.ts";
import { noteSchema } from "#app/domain/notes/schema.ts";
import { logPracticeExam } from "#app/domain/practice/mutations.server.ts";
import { loadPracticeFormContext } from "#app/domain/practice/queries.server.ts";
import { logPracticeSchema } from "#app/domain/practice/schema.ts";
import type { Viewer } from "#app/domain/privacy/visibility.ts";
import { contentAreasFor, type ExamId, type InstrumentId, instrument } from "#app/domain/reference/index.ts";
import { DEFAULT_POLICY_LADDER } from "#app/domain/settings/settings.ts";
import { DEFAULT_READINESS_GATE } from "#app/domain/trajectory/readiness.ts";
import type { Band, CaseStatus, FindingKind, Role, Visibility } from "#app/domain/vocabulary.ts";
import { dbReady, disconnectDb, prisma } from "#app/utils/db.server.ts";
import { hashPassword } from "#app/utils/password.server.ts";
import { adjustSeedPlan, seedPlan } from "./seed-plans.ts";
import { seedSessions } from "./seed-sessions.ts";

export const DEMO_PASSWORD = "retake-desk-demo";
export const DEMO_SCHOOL = { name: "Northfield School of Medicine", slug: "northfield" };
/** The second, small school: nobody at one school sees the other's students. */
export const DEMO_SCHOOL_2 = { name: "Riverside College of Medicine", slug: "riverside" };

type DemoAccount = { role: Role; email: string; name: string; school: "northfield" | "riverside" };

export const DEMO_ACCOUNTS: ReadonlyArray<DemoAccount> = [
  { role: "ADMIN", email: "admin@northfield.edu", name: "Alex Morgan", school: "northfield" },
  { role: "ADVISOR", email: "advisor@northfield.edu", name: "Dana Whitfield", school: "northfield" },
  { role: "TUTOR", email: "tutor@northfield.edu", name: "Priya Raman", school: "northfield" },
  { role: "TUTOR", email: "marcus.bell@northfield.edu", name: "Marcus Bell", school: "northfield" },
  { role: "TUTOR", email: "elena.ortiz@northfield.edu", name: "Elena Ortiz", school: "northfield" },
  { role: "STUDENT", email: "student@northfield.edu", name: "Jordan Lee", school: "northfield" },
  { role: "ADMIN", email: "admin@riverside.edu", name: "Grace Obi", school: "riverside" },
  { role: "ADVISOR", email: "advisor@riverside.edu", name: "Tomás Reyes", school: "riverside" },
  { role: "TUTOR", email: "tutor@riverside.edu", name: "Hannah Weiss", school: "riverside" },
  { role: "STUDENT", email: "student@riverside.edu", name: "Leo Martins", school: "riverside" },
];

/** Riverside's four students (the first is its demo student login). */
const RIVERSIDE_STUDENTS: ReadonlyArray<{ name: string; plan: StudentPlan }> = [
  { name: "Leo Martins", plan: { stage: "ACTIVE", exam: "STEP1", trend: "RISING" } },
  { name: "Aisha Bello", plan: { stage: "INTAKE", exam: "STEP2_CK", trend: "FLAT" } },
  { name: "Ravi Menon", plan: { stage: "SECOND_FAILURE", exam: "STEP1", trend: "FALLING" } },
  { name: "Sofia Grant", plan: { stage: "DIAGNOSING", exam: "STEP1", trend: "FLAT" } },
];

const STUDENT_NAMES = [
  "Jordan Lee",
  "Amara Okafor",
  "Ben Carter",
  "Chloe Nguyen",
  "Diego Alvarez",
  "Fatima Rahman",
  "George Patel",
  "Hana Suzuki",
  "Isaac Cohen",
  "Julia Rossi",
  "Kwame Mensah",
  "Leila Haddad",
  "Mateo Silva",
  "Nina Petrova",
  "Omar Farouk",
  "Priyanka Iyer",
  "Quinn Murphy",
  "Rosa Delgado",
  "Samuel Kim",
  "Tara O'Connell",
  "Uma Shah",
  "Victor Lin",
  "Wen Zhao",
  "Ximena Torres",
  "Yusuf Demir",
  "Zoe Adams",
  "Aiden Brooks",
  "Bianca Costa",
  "Caleb Wright",
  "Dina Mansour",
  "Ethan Park",
  "Farah Aziz",
  "Gabriel Moreau",
  "Helena Novak",
  "Ivan Kowalski",
  "Jasmine Reid",
  "Kenji Watanabe",
  "Lucia Romero",
  "Malik Johnson",
  "Noor Khalil",
];

export type Stage =
  | "INTAKE"
  | "DIAGNOSING"
  | "PLANNING"
  | "ACTIVE"
  | "NEAR_EXAM"
  | "PASSED"
  | "SECOND_FAILURE"
  | "THIRD_FAILURE"
  | "INELIGIBLE";
export type Trend = "RISING" | "FLAT" | "FALLING";

interface StudentPlan {
  stage: Stage;
  exam: "STEP1" | "STEP2_CK";
  trend: Trend;
}

/** Forty students across every stage (the first is the demo student login). */
const STAGES: StudentPlan[] = [
  { stage: "ACTIVE", exam: "STEP1", trend: "RISING" },
  ...repeat(4, (i) => ({ stage: "INTAKE" as const, exam: i % 2 ? ("STEP2_CK" as const) : ("STEP1" as const), trend: "FLAT" as const })),
  ...repeat(6, (i) => ({
    stage: "DIAGNOSING" as const,
    exam: i % 3 === 2 ? ("STEP2_CK" as const) : ("STEP1" as const),
    trend: "FLAT" as const,
  })),
  ...repeat(4, (i) => ({ stage: "PLANNING" as const, exam: i % 2 ? ("STEP2_CK" as const) : ("STEP1" as const), trend: "FLAT" as const })),
  ...repeat(9, (i) => ({
    stage: "ACTIVE" as const,
    exam: i % 3 === 1 ? ("STEP2_CK" as const) : ("STEP1" as const),
    trend: (["RISING", "FLAT", "FALLING"] as const)[i % 3],
  })),
  ...repeat(4, (i) => ({
    stage: "NEAR_EXAM" as const,
    exam: i % 2 ? ("STEP2_CK" as const) : ("STEP1" as const),
    trend: i < 2 ? ("RISING" as const) : ("FLAT" as const),
  })),
  ...repeat(6, (i) => ({ stage: "PASSED" as const, exam: i % 2 ? ("STEP2_CK" as const) : ("STEP1" as const), trend: "RISING" as const })),
  ...repeat(3, (i) => ({
    stage: "SECOND_FAILURE" as const,
    exam: i === 1 ? ("STEP2_CK" as const) : ("STEP1" as const),
    trend: "FALLING" as const,
  })),
  ...repeat(2, () => ({ stage: "THIRD_FAILURE" as const, exam: "STEP1" as const, trend: "FLAT" as const })),
  { stage: "INELIGIBLE", exam: "STEP1", trend: "FLAT" },
];

function repeat<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

/** mulberry32: a small, well-known seeded generator, so every seed run is identical. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    shuffle: <T>(items: readonly T[]) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}
type Rng = ReturnType<typeof random>;

const emailFor = (name: string, slug = DEMO_SCHOOL.slug) =>
  `${name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z ]/g, "")
    .replace(/ +/g, ".")}@students.${slug}.edu`;

/** A weekday on or before `date` (exams are not sat on Sundays). */
function weekday(date: IsoDate): IsoDate {
  return isoWeekday(date) === 7 ? addDays(date, -1) : date;
}

interface SeedContext {
  rng: Rng;
  /** The seeding moment: the story's "now". */
  now: Date;
  /**
   * Whether steps run on the story's clock (`atStory`). Only the demo seed, which has
   * its process to itself; the end-to-end server seeds students while it serves requests.
   */
  storyClock: boolean;
  today: IsoDate;
  schoolId: string;
  adminId: string;
  advisorId: string;
  tutorIds: string[];
}

interface SeedStudentRef {
  /** The student profile. */
  id: string;
  userId: string;
}

export async function seed(now: Date = new Date()): Promise<void> {
  await dbReady();
  const today = todayOf(now);
  const rng = random(20261122);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  // The school and its accounts: the app has no flow that creates a school or an account with a password.
  const school = await prisma.school.create({ data: { ...DEMO_SCHOOL }, select: { id: true } });
  // Only the gate, which has no column default; the escalation time limits keep the schema's defaults.
  await prisma.schoolSettings.create({ data: { schoolId: school.id, readinessGate: JSON.stringify(DEFAULT_READINESS_GATE) } });
  await prisma.policyRung.createMany({ data: DEFAULT_POLICY_LADDER.map((r) => ({ ...r, schoolId: school.id })) });

  const staff = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS.filter((a) => a.role !== "STUDENT" && a.school === "northfield")) {
    const user = await prisma.user.create({
      data: {
        email: account.email,
        name: account.name,
        passwordHash,
        memberships: { create: { schoolId: school.id, role: account.role } },
      },
      select: { id: true },
    });
    staff.set(account.email, user.id);
  }
  const ctx: SeedContext = {
    rng,
    now,
    storyClock: true,
    today,
    schoolId: school.id,
    adminId: staff.get("admin@northfield.edu") as string,
    advisorId: staff.get("advisor@northfield.edu") as string,
    tutorIds: ["tutor@northfield.edu", "marcus.bell@northfield.edu", "elena.ortiz@northfield.edu"].map((e) => staff.get(e) as string),
  };

  for (const [index, plan] of STAGES.entries()) {
    const name = STUDENT_NAMES[index];
    const email = index === 0 ? "student@northfield.edu" : emailFor(name);
    const user = await prisma.user.create({
      data: {
        email,
        name,
        passwordHash,
        memberships: { create: { schoolId: school.id, role: "STUDENT" } },
        studentProfiles: {
          create: {
            schoolId: school.id,
            externalId: `NF-${String(24001 + index)}`,
            graduationYear: rng.pick([2027, 2027, 2028, 2028, 2026]),
            internationalGraduate: rng.next() < 0.2,
            accommodationStatus: index % 13 === 5 ? "REQUESTED" : "NONE",
          },
        },
      },
      select: { id: true, studentProfiles: { select: { id: true } } },
    });
    await seedStudent(ctx, { id: user.studentProfiles[0].id, userId: user.id }, plan, index);
  }

  await seedSecondSchool(now, today, passwordHash);
  await seedSessions(school.id, today, (on, run) => atStory(ctx, storyInstant(ctx, on, 14), run));

  // Derived figures (risk, readiness, latest score) for every case, as the daily refresh would.
  const allCases = await prisma.retakeCase.findMany({ select: { id: true } });
  await prisma.$transaction(
    (tx) =>
      refreshDerived(
        tx,
        allCases.map((c) => c.id),
        today,
      ),
    { timeout: 60_000 },
  );

  await markEarlierUpdatesRead(now);

  // A pending invitation, sent two days ago, so the admin screen shows one (its link was never kept).
  must(
    "invitation",
    await createInvitation(
      { schoolId: school.id, email: "new.tutor@northfield.edu", name: "Sam Ellis", role: "TUTOR", invitedById: ctx.adminId },
      new Date(now.getTime() - 2 * DAY_MS),
    ),
  );

  // The story's mail went out when it happened: the overdue notices and last week's digests that are
  // due today are written, and everything is marked delivered (bodies erased, as the worker does), so
  // the first start neither mails the demo's fictional addresses nor floods the log.
  await mailOverdueEscalations(now);
  await mailWeeklyDigests(now);
  await prisma.outboxMessage.updateMany({ data: { status: "SENT", sentAt: now, attempts: 1, text: "", html: "" } });
}

/**
 * One student's story, as the demo tells it for `stage`, in an existing school:
 * their failures recorded by `advisorId`, their case worked by `tutorId`, with
 * the score reports, findings, plan, practice exams, check-ins and notes the
 * stage has by today. End-to-end tests build the students they change with it,
 * rather than change the shared demo students.
 */
export async function seedStudentStory(input: {
  schoolId: string;
  advisorId: string;
  tutorId: string;
  /** The student's profile id and user id. */
  student: SeedStudentRef;
  stage: Stage;
  exam?: StudentPlan["exam"];
  trend?: Trend;
  now?: Date;
}): Promise<void> {
  await dbReady();
  const now = input.now ?? new Date();
  const ctx: SeedContext = {
    rng: random(20261122),
    now,
    storyClock: false,
    today: todayOf(now),
    schoolId: input.schoolId,
    adminId: input.advisorId,
    advisorId: input.advisorId,
    tutorIds: [input.tutorId],
  };
  await seedStudent(ctx, input.student, { stage: input.stage, exam: input.exam ?? "STEP1", trend: input.trend ?? "FLAT" }, 0);
  const cases = await prisma.retakeCase.findMany({ where: { studentId: input.student.id }, select: { id: true } });
  await prisma.$transaction((tx) =>
    refreshDerived(
      tx,
      cases.map((c) => c.id),
      ctx.today,
    ),
  );
}

const DAY_MS = 24 * 3600 * 1000;

/** Riverside: its own admin, advisor and tutor, and four students whose cases its tutor works. */
async function seedSecondSchool(now: Date, today: IsoDate, passwordHash: string) {
  const school = await prisma.school.create({ data: { ...DEMO_SCHOOL_2 }, select: { id: true } });
  await prisma.schoolSettings.create({ data: { schoolId: school.id, readinessGate: JSON.stringify(DEFAULT_READINESS_GATE) } });
  await prisma.policyRung.createMany({ data: DEFAULT_POLICY_LADDER.map((r) => ({ ...r, schoolId: school.id })) });
  const staff = new Map<Role, string>();
  for (const account of DEMO_ACCOUNTS.filter((a) => a.role !== "STUDENT" && a.school === "riverside")) {
    const user = await prisma.user.create({
      data: {
        email: account.email,
        name: account.name,
        passwordHash,
        memberships: { create: { schoolId: school.id, role: account.role } },
      },
      select: { id: true },
    });
    staff.set(account.role, user.id);
  }
  const ctx: SeedContext = {
    rng: random(20261201),
    now,
    storyClock: true,
    today,
    schoolId: school.id,
    adminId: staff.get("ADMIN") as string,
    advisorId: staff.get("ADVISOR") as string,
    tutorIds: [staff.get("TUTOR") as string],
  };
  for (const [index, { name, plan }] of RIVERSIDE_STUDENTS.entries()) {
    const user = await prisma.user.create({
      data: {
        email: index === 0 ? "student@riverside.edu" : emailFor(name, DEMO_SCHOOL_2.slug),
        name,
        passwordHash,
        memberships: { create: { schoolId: school.id, role: "STUDENT" } },
        studentProfiles: {
          create: {
            schoolId: school.id,
            externalId: `RV-${String(31001 + index)}`,
            graduationYear: 2027,
            internationalGraduate: index === 2,
          },
        },
      },
      select: { id: true, studentProfiles: { select: { id: true } } },
    });
    await seedStudent(ctx, { id: user.studentProfiles[0].id, userId: user.id }, plan, index);
  }
}

/** A refused seed step is a bug in the seed (or a rule it no longer follows): stop with the app's reason. */
function must<T extends { ok: boolean }>(step: string, result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`Seed ${step} refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

/** The case's version now, for the writes guarded by it (the seed is the only writer). */
async function caseVersion(caseId: string): Promise<number> {
  const row = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
  return row.version;
}

const FAIL_SCORE: Record<"STEP2_CK", [number, number]> = { STEP2_CK: [202, 216] };

async function fail(ctx: SeedContext, studentId: string, exam: ExamId, takenOn: IsoDate, actorId: string) {
  const score = exam === "STEP2_CK" ? ctx.rng.int(...FAIL_SCORE.STEP2_CK) : null;
  return record(ctx, studentId, exam, takenOn, "FAIL", score, actorId);
}

async function record(
  ctx: SeedContext,
  studentId: string,
  exam: ExamId,
  takenOn: IsoDate,
  outcome: "PASS" | "FAIL",
  score: number | null,
  actorId: string,
) {
  // Results arrive about three weeks after the exam: that is when the office records them (and when escalations fall due from).
  const recordedOn = resultDay(ctx, takenOn);
  const result = await atStory(ctx, storyInstant(ctx, recordedOn, 9), () =>
    prisma.$transaction((tx) =>
      recordAttemptIn(tx, { studentId, exam, takenOn: weekday(takenOn), outcome, score, actorId, source: "SEED", today: recordedOn }),
    ),
  );
  return must("attempt", result);
}

/** The day a result arrives and the office records it: about three weeks after the exam, never after today. */
function resultDay(ctx: SeedContext, takenOn: IsoDate): IsoDate {
  return minDate(addDays(takenOn, 21), ctx.today);
}

/** `days` after `from`, never after today. */
function storyDay(ctx: SeedContext, from: IsoDate, days: number): IsoDate {
  return minDate(addDays(from, days), ctx.today);
}

const RealDate = Date;

/**
 * Runs one step of the story at `moment`: while it runs, the clock reads the
 * story's time (and keeps ticking from there), so the rows the database dates
 * itself carry the day the step happened. The seed runs alone in its process
 * (`npm run db:seed`, or before `npm start` serves), and steps run one at a time.
 */
async function atStory<T>(ctx: SeedContext, moment: Date, run: () => Promise<T>): Promise<T> {
  if (!ctx.storyClock) return run();
  const previous = globalThis.Date;
  const offset = Math.min(moment.getTime(), ctx.now.getTime() - 10 * 60_000) - RealDate.now();
  class StoryDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }
    static override now() {
      return RealDate.now() + offset;
    }
    static override [Symbol.hasInstance](value: unknown) {
      return value instanceof RealDate;
    }
  }
  globalThis.Date = StoryDate as unknown as DateConstructor;
  try {
    return await run();
  } finally {
    globalThis.Date = previous;
  }
}

async function seedStudent(ctx: SeedContext, student: SeedStudentRef, plan: StudentPlan, index: number) {
  const { rng, today } = ctx;
  const tutorId = ctx.tutorIds[index % ctx.tutorIds.length];
  const exam = plan.exam;

  const failures: IsoDate[] = (() => {
    switch (plan.stage) {
      case "INTAKE":
        return [addDays(today, -rng.int(24, 40))];
      case "DIAGNOSING":
        return [addDays(today, -rng.int(35, 55))];
      case "PLANNING":
        return [addDays(today, -rng.int(45, 60))];
      case "ACTIVE":
        return [addDays(today, -rng.int(62, 80))];
      case "NEAR_EXAM":
        return [addDays(today, -rng.int(85, 100))];
      case "PASSED":
        return [addDays(today, -rng.int(170, 260))];
      case "SECOND_FAILURE":
        return [addDays(today, -rng.int(230, 280)), addDays(today, -rng.int(26, 40))];
      case "THIRD_FAILURE":
        return [addDays(today, -rng.int(520, 560)), addDays(today, -rng.int(330, 370)), addDays(today, -rng.int(30, 45))];
      case "INELIGIBLE":
        return [addDays(today, -900), addDays(today, -700), addDays(today, -420), addDays(today, -60)];
    }
  })();

  let caseId: string | null = null;
  const attemptIds: string[] = [];
  for (const [i, date] of failures.entries()) {
    const result = await fail(ctx, student.id, exam, date, ctx.advisorId);
    caseId = result.caseId;
    attemptIds.push(result.attemptId);
    const recordedOn = resultDay(ctx, date);
    // Earlier failures of a multi-failure history were worked by a tutor before the latest one: taken the day the result came.
    if (i === 0 && plan.stage !== "INTAKE" && caseId) {
      const id = caseId;
      must("take-on", await atStory(ctx, storyInstant(ctx, recordedOn, 15), () => takeCase({ caseId: id, tutorId })));
    }
    // The office resolved the escalations a later failure followed, and the one that ended eligibility.
    const settled = i < failures.length - 1 || plan.stage === "INELIGIBLE";
    if (result.escalationId) await workEscalation(ctx, result.escalationId, recordedOn, settled ? "RESOLVED" : index, plan.stage);
  }
  if (!caseId) return;
  if (plan.stage === "INTAKE" || plan.stage === "INELIGIBLE") return;

  const latestFailure = failures[failures.length - 1];
  const diagnosedOn = storyDay(ctx, resultDay(ctx, latestFailure), 1);
  const reports: ReportBands[] = [];
  const id = caseId;
  await atStory(ctx, storyInstant(ctx, diagnosedOn, 11), async () => {
    for (const [i, attemptId] of attemptIds.entries()) reports.push(await seedReport(ctx, id, exam, attemptId, tutorId, i));
    await seedFindings(
      ctx,
      id,
      exam,
      tutorId,
      reports[reports.length - 1],
      plan.stage === "SECOND_FAILURE" || plan.stage === "THIRD_FAILURE",
    );
  });
  if (plan.stage === "DIAGNOSING") return;

  const start = addDays(latestFailure, rng.int(21, 28));
  const weeks = plan.stage === "SECOND_FAILURE" || plan.stage === "THIRD_FAILURE" ? 16 : 8;
  let examDate = addDays(start, weeks * 7);
  if (plan.stage === "NEAR_EXAM") examDate = addDays(today, rng.int(6, 12));
  if (plan.stage === "ACTIVE") examDate = addDays(today, rng.int(18, 45));
  if (plan.stage === "PASSED") examDate = addDays(latestFailure, rng.int(70, 110));
  examDate = weekday(examDate);

  // The diagnosis is done: the tutor starts planning and books the exam date.
  const plannedOn = storyDay(ctx, diagnosedOn, 1);
  await atStory(ctx, storyInstant(ctx, plannedOn, 10), async () => {
    await moveCase(id, "PLANNING", tutorId);
    must(
      "target exam date",
      await setTargetExamDate({ caseId: id, date: examDate, actorId: tutorId, expectedVersion: await caseVersion(id) }),
    );
  });
  if (plan.stage === "PLANNING") return;

  const planStart = minDate(start, addDays(examDate, -42));
  const assignedOn = minDate(maxDate(addDays(planStart, -1), storyDay(ctx, plannedOn, 1)), ctx.today);
  const planData = await atStory(ctx, storyInstant(ctx, assignedOn, 16), () =>
    seedPlan({
      caseId,
      exam,
      failureNumber: failures.length,
      startDate: planStart,
      examDate,
      tutorId,
      reportId: reports[reports.length - 1].reportId,
    }),
  );

  // Falling trajectories got a second plan version once the baseline practice exam came in, with the reason.
  const adjust = plan.trend === "FALLING" && plan.stage === "ACTIVE";
  const series = await practiceSeries(
    ctx,
    caseId,
    student,
    exam,
    plan,
    planStart,
    minDate(examDate, today),
    tutorId,
    async (baselineId) => {
      if (adjust) await adjustSeedPlan({ caseId, tutorId, data: planData, promptedByPracticeExamId: baselineId });
    },
  );
  await replay(ctx, [...series.events, ...checkIns(ctx, caseId, student, planStart), ...sessionNotes(ctx, caseId, tutorId, planStart)]);

  if (plan.stage === "NEAR_EXAM" && plan.trend === "RISING") {
    await atStory(ctx, storyInstant(ctx, addDays(ctx.today, -1), 17), () => moveCase(id, "READY", tutorId));
  }
  if (plan.stage === "PASSED") {
    const passScore = exam === "STEP2_CK" ? Math.max(219, Math.round(series.last + rng.int(0, 6))) : null;
    await record(ctx, student.id, exam, examDate, "PASS", passScore, ctx.advisorId);
  }
}

/** A workflow step by the case's assigned tutor, through the state machine. */
async function moveCase(caseId: string, to: CaseStatus, tutorId: string) {
  must(
    `move to ${to}`,
    await changeCaseStatus({
      caseId,
      to,
      actorId: tutorId,
      role: "TUTOR",
      isAssignedTutor: true,
      expectedVersion: await caseVersion(caseId),
      // Ready while the gate may still be unmet needs a reason, as on the case page.
      note: to === "READY" ? "Rising practice scores; the exam date was agreed with the student and the office." : null,
    }),
  );
}

interface ReportBands {
  reportId: string;
  /** The report's areas in outline order, with their bands. */
  bands: Array<{ areaId: string; band: Band }>;
}

/** A failing report: a handful of Lower areas (weighted toward a theme), the rest Same or Higher. */
async function seedReport(
  ctx: SeedContext,
  caseId: string,
  exam: ExamId,
  attemptId: string,
  tutorId: string,
  attemptIndex: number,
): Promise<ReportBands> {
  const areas = contentAreasFor(exam);
  const weak = new Set(
    ctx.rng
      .shuffle(areas)
      .slice(0, ctx.rng.int(3, 7))
      .map((a) => a.id),
  );
  const bands = areas.map((area) => {
    let band: Band = weak.has(area.id) ? "LOWER" : ctx.rng.next() < 0.75 ? "SAME" : "HIGHER";
    // A persisting weakness across attempts: pathology stays Lower on later reports.
    if (attemptIndex > 0 && area.id.endsWith("pathology")) band = "LOWER";
    return { areaId: area.id, band };
  });
  const form = scoreReportSchema(exam).parse({
    attemptId,
    bandScale: "CURRENT",
    // Step 1 reports compare with a low pass; Step 2 CK reports with the examinee's own overall result.
    referenceGroup: exam === "STEP1" ? "LOW_PASS" : "OWN_OVERALL",
    distanceFromPassing: exam === "STEP2_CK" ? ctx.rng.int(3, 15) : undefined,
    distanceNote: exam === "STEP1" ? "The report's bar puts the overall result just below the passing line." : undefined,
    areas: bands,
  });
  const saved = must(
    "score report",
    await saveScoreReport({ caseId, schoolId: ctx.schoolId, actorId: tutorId, form, expectedVersion: null }),
  );
  return { reportId: saved.reportId, bands };
}

const FINDING_EVIDENCE: Partial<Record<FindingKind, string>> = {
  CONTENT_GAP: "Lower on the report and below 55% on these subjects in the question bank.",
  TIMING: "Left 6–8 questions unanswered per block on the last two practice exams.",
  REASONING: "Misses cluster on 'next best step' questions even where the facts were known.",
  MISREADING: "Reviews show answers to a different question than the stem asked.",
  PASSIVE_REVIEW: "Most study time went to rereading notes and videos; few flashcards.",
  QBANK_VOLUME: "Finished the question bank twice but spent under 20 minutes reviewing each block.",
  NO_SIMULATION: "Never sat a full-length timed practice exam before test day.",
  TEST_ANXIETY: "Describes going blank in the first two blocks; practice scores were higher than the result.",
  SLEEP_WELLBEING: "Averaged five hours of sleep in the last month before the exam.",
  CLERKSHIP_LOAD: "Studied around a surgery clerkship with 70-hour weeks.",
};

async function seedFindings(ctx: SeedContext, caseId: string, exam: ExamId, tutorId: string, latest: ReportBands, heavier: boolean) {
  // The content gap names the first Lower areas of the latest report.
  const gapAreas = latest.bands
    .filter((b) => b.band === "LOWER")
    .slice(0, 3)
    .map((b) => b.areaId);
  const strategy = ctx.rng.pick<FindingKind>(["TIMING", "REASONING", "MISREADING"]);
  const method = ctx.rng.pick<FindingKind>(["PASSIVE_REVIEW", "QBANK_VOLUME", "NO_SIMULATION"]);
  const external = ctx.rng.pick<FindingKind>(["TEST_ANXIETY", "SLEEP_WELLBEING", "CLERKSHIP_LOAD"]);
  const findings: Array<{ kind: FindingKind; severity: number; visibility: Visibility; areaIds?: string[] }> = [
    { kind: "CONTENT_GAP", severity: heavier ? 3 : 2, visibility: "STUDENT", areaIds: gapAreas },
    { kind: strategy, severity: 2, visibility: "STUDENT" },
    { kind: method, severity: heavier ? 3 : 2, visibility: "OFFICE" },
  ];
  if (ctx.rng.next() < 0.6)
    findings.push({ kind: external, severity: 2, visibility: external === "CLERKSHIP_LOAD" ? "STUDENT" : "OFFICE" });
  if (ctx.rng.next() < 0.3) findings.push({ kind: "TIMING", severity: 1, visibility: "PRIVATE" });
  const schema = findingSchema(exam);
  for (const f of findings) {
    const form = schema.parse({
      kind: f.kind,
      severity: f.severity,
      evidence: FINDING_EVIDENCE[f.kind] ?? "Discussed in the first session.",
      visibility: f.visibility,
      areaIds: f.areaIds ?? [],
    });
    must("finding", await createFinding({ caseId, schoolId: ctx.schoolId, actorId: tutorId, form }));
  }
}

/** Something the student or tutor did on a day of the plan, replayed through the app in the order it happened. */
interface PlanEvent {
  /** When it happened, for the replay order. */
  at: Date;
  run: () => Promise<void>;
}

/** Midday of a story date (notes' contact instant, practice exams' logging), never after the seeding moment. */
function storyInstant(ctx: SeedContext, date: IsoDate, hour = 12): Date {
  return new Date(Math.min(Date.parse(`${date}T${String(hour).padStart(2, "0")}:00:00Z`), ctx.now.getTime()));
}

/**
 * Practice exams every 6–10 days on the exam's instruments, following the
 * student's trend, logged through the Progress tab's mutation: the student logs
 * every other one, their tutor the rest. CBSSA reports print the low-pass band
 * (the reference's band); no pass probability is made up.
 */
async function practiceSeries(
  ctx: SeedContext,
  caseId: string,
  student: SeedStudentRef,
  exam: "STEP1" | "STEP2_CK",
  plan: StudentPlan,
  from: IsoDate,
  to: IsoDate,
  tutorId: string,
  onBaseline: (practiceExamId: string) => Promise<void>,
): Promise<{ events: PlanEvent[]; last: number }> {
  const { rng } = ctx;
  const main: InstrumentId = exam === "STEP1" ? "NBME_CBSSA" : "NBME_CCSSA";
  const forms = instrument(main)
    .forms.filter((f) => f.active && f.exam === exam)
    .map((f) => f.name);
  const percent = main === "NBME_CBSSA";
  const start = percent ? rng.int(54, 60) : rng.int(200, 208);
  const perWeek = { RISING: percent ? 2.2 : 3.2, FLAT: 0.2, FALLING: percent ? -1.1 : -1.6 }[plan.trend];
  const { milestoneUids } = await loadPracticeFormContext(caseId);
  const schema = logPracticeSchema({ exam, today: ctx.today, milestoneUids });
  const byStudent: Viewer = { userId: student.userId, relation: "STUDENT" };
  const byTutor: Viewer = { userId: tutorId, relation: "TUTOR" };
  const events: PlanEvent[] = [];
  let date = addDays(from, rng.int(2, 5));
  let last = start;
  let n = 0;
  while (date <= to) {
    const weeks = (Date.parse(date) - Date.parse(from)) / (7 * 86400000);
    const noise = (rng.next() - 0.5) * (percent ? 4 : 6);
    const value = Math.round(Math.min(percent ? 92 : 270, Math.max(percent ? 35 : 160, start + perWeek * weeks + noise)));
    const useUwsa = exam === "STEP2_CK" && n % 3 === 2;
    const instrumentId: InstrumentId = useUwsa ? "UWSA" : main;
    const form = useUwsa ? rng.pick(["UWSA 1", "UWSA 2", "UWSA 3"]) : forms[n % forms.length];
    const band = instrument(instrumentId).defaultLowPassBand;
    const values = schema.parse({
      instrumentId,
      form,
      takenOn: date,
      score: useUwsa ? value + rng.int(2, 8) : value,
      ...(band ? { lowPassLow: band.low, lowPassHigh: band.high } : {}),
      ...(n === 0 ? { milestoneUid: "baseline" } : {}),
    });
    const actor = n % 2 ? byTutor : byStudent;
    const baseline = n === 0;
    events.push({
      at: storyInstant(ctx, date, 20),
      run: async () => {
        const logged = must(
          "practice exam",
          await logPracticeExam({ caseId, actor, values: { ...values, breakdown: values.breakdown ?? null } }),
        );
        if (baseline) await onBaseline(logged.id);
      },
    });
    last = value;
    n += 1;
    date = addDays(date, rng.int(6, 10));
  }
  return { events, last };
}

/** The student's weekly check-ins, each sent at the end of its week (or now, for this week). */
function checkIns(ctx: SeedContext, caseId: string, student: SeedStudentRef, from: IsoDate): PlanEvent[] {
  const events: PlanEvent[] = [];
  let week = addDays(from, 7 - (isoWeekday(from) - 1));
  let n = 0;
  while (week <= ctx.today && n < 8) {
    const sentAt = storyInstant(ctx, addDays(week, 6), 18);
    const refusal = weekNotAllowed(week, todayOf(sentAt));
    if (refusal) throw new Error(`Seed check-in refused: ${refusal}`);
    const values = checkInSchema.parse({
      weekOf: week,
      questionsDone: ctx.rng.int(180, 420),
      percentCorrect: ctx.rng.int(52, 74),
      hoursStudied: ctx.rng.int(30, 52),
      mood: ctx.rng.int(2, 5),
      note: n === 0 ? "Settling into the new schedule; mornings are hard but the review afternoons help." : undefined,
    });
    events.push({
      at: sentAt,
      run: async () => void must("check-in", await submitCheckIn({ caseId, actorId: student.userId, values, now: sentAt })),
    });
    week = addDays(week, 7);
    n += 1;
  }
  return events;
}

/** The tutor's session notes, each dated on its session (the app records that day's contact). */
function sessionNotes(ctx: SeedContext, caseId: string, tutorId: string, from: IsoDate): PlanEvent[] {
  const notes: Array<{ body: string; visibility: Visibility; offset: number }> = [
    { body: "Went through the score report together and agreed the first two weeks' focus.", visibility: "STUDENT", offset: 0 },
    { body: "Reviewed the baseline practice exam; timing improved in the second half.", visibility: "OFFICE", offset: 14 },
    { body: "Student mentioned family stress; follow up gently next session.", visibility: "PRIVATE", offset: 21 },
  ];
  const schema = noteSchema(ctx.today);
  return notes.flatMap((note) => {
    const sessionOn = addDays(from, note.offset);
    if (sessionOn > ctx.today) return [];
    const form = schema.parse({ sessionOn, body: note.body, visibility: note.visibility });
    return [
      {
        at: storyInstant(ctx, sessionOn),
        run: async () => void must("session note", await createNote({ caseId, schoolId: ctx.schoolId, actorId: tutorId, form })),
      },
    ];
  });
}

/** Replays the events oldest first (ties keep their order), so the log and the inboxes read in story order. */
async function replay(ctx: SeedContext, events: PlanEvent[]) {
  const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i);
  for (const { e } of ordered) await atStory(ctx, e.at, e.run);
}

/**
 * The office works a rule-raised escalation as the story goes: one that a later
 * failure follows was acknowledged the next working day and resolved within its
 * time limit; the open one of a current case is acknowledged in time for every
 * other student (by `index`), and left for the office otherwise, so the queue
 * shows escalations on time and a few overdue by days.
 */
async function workEscalation(ctx: SeedContext, escalationId: string, raisedOn: IsoDate, until: "RESOLVED" | number, stage: Stage) {
  const step = async (to: "ACKNOWLEDGED" | "RESOLVED", on: IsoDate, outcome?: string) => {
    const moment = storyInstant(ctx, on, 11);
    if (on > ctx.today || moment.getTime() <= Date.parse(`${raisedOn}T09:00:00Z`)) return;
    const { version } = await prisma.escalation.findUniqueOrThrow({ where: { id: escalationId }, select: { version: true } });
    must(
      `escalation ${to.toLowerCase()}`,
      await atStory(ctx, moment, () =>
        changeEscalationStatus({
          escalationId,
          to,
          outcome,
          expectedVersion: version,
          actorId: ctx.advisorId,
          role: "ADVISOR",
          now: moment,
        }),
      ),
    );
  };
  if (until !== "RESOLVED" && until % 2 === 1) return;
  await step("ACKNOWLEDGED", addBusinessDays(raisedOn, 1));
  if (until !== "RESOLVED") return;
  await step(
    "RESOLVED",
    addBusinessDays(raisedOn, 8),
    stage === "INELIGIBLE"
      ? "The student can no longer sit any Step: the promotions committee and the dean of students were told, and career advising was offered."
      : "Met the student and the tutor: the plan was lengthened and the promotions committee informed.",
  );
}

/** Seeds only an empty database; returns what happened. */
export async function seedIfEmpty(): Promise<"seeded" | "present" | "absent"> {
  await dbReady();
  const demo = await prisma.school.findUnique({ where: { slug: DEMO_SCHOOL.slug }, select: { id: true } });
  if (demo) return "present";
  if ((await prisma.school.count()) > 0) return "absent";
  await seed();
  return "seeded";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  seedIfEmpty()
    .then(async (result) => {
      console.log(
        result === "seeded"
          ? `Demo data loaded in ${Date.now() - started} ms.`
          : result === "present"
            ? "The demo school is already there; nothing changed."
            : "The database already has other schools; the demo data was not loaded.",
      );
      await disconnectDb();
    })
    .catch(async (error) => {
      console.error(error);
      await disconnectDb();
      process.exit(1);
    });
}

/**
 * Staff have read the routine updates (check-ins, practice results) of earlier
 * weeks; this week's, and every escalation, are still waiting for them.
 */
async function markEarlierUpdatesRead(now: Date) {
  // Every notification is dated by the story (atStory), so "earlier" is its own date.
  await prisma.notification.updateMany({
    where: {
      readAt: null,
      kind: { in: ["CHECK_IN", "PRACTICE_LOGGED"] },
      createdAt: { lt: new Date(now.getTime() - 7 * DAY_MS) },
      user: { memberships: { some: { role: { not: "STUDENT" } } } },
    },
    data: { readAt: now },
  });
}
