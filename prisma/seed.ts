/**
 * Demo data: one school with its office, three tutors and forty students at
 * every stage of a retake, with attempts, score reports, findings, plans and
 * practice-exam series that look real. Dates are relative to today so the demo
 * always looks current; a seeded random generator makes it reproducible.
 *
 * Attempts go through the same domain mutation as the forms and the CSV import,
 * so cases, escalations and notifications follow the product's own rules.
 *
 *   npm run db:seed        seed an empty database (refuses a non-empty one)
 */
import { fileURLToPath } from "node:url";
import { recordAttemptIn } from "../app/domain/attempts/mutations.server.ts";
import { addDays, formatDate, type IsoDate, isoWeekday, minDate, today as todayOf } from "../app/domain/dates.ts";
import { contentAreasFor, type ExamId, instrument, type InstrumentId } from "../app/domain/reference/index.ts";
import { DEFAULT_POLICY_LADDER } from "../app/domain/settings/settings.ts";
import { DEFAULT_READINESS_GATE } from "../app/domain/trajectory/readiness.ts";
import type { Band, FindingKind, Role, Visibility } from "../app/domain/vocabulary.ts";
import { FINDING_KINDS } from "../app/domain/vocabulary.ts";
import { refreshDerived } from "../app/domain/cases/derive.server.ts";
import { logActivity } from "../app/utils/activity.server.ts";
import { dbReady, disconnectDb, prisma, type Tx } from "../app/utils/db.server.ts";
import { hashPassword } from "../app/utils/password.server.ts";
import { seedPlan } from "./seed-plans.ts";

export const DEMO_PASSWORD = "retake-desk-demo";
export const DEMO_SCHOOL = { name: "Northfield School of Medicine", slug: "northfield" };

export const DEMO_ACCOUNTS: ReadonlyArray<{ role: Role; email: string; name: string }> = [
  { role: "ADMIN", email: "admin@northfield.edu", name: "Alex Morgan" },
  { role: "ADVISOR", email: "advisor@northfield.edu", name: "Dana Whitfield" },
  { role: "TUTOR", email: "tutor@northfield.edu", name: "Priya Raman" },
  { role: "TUTOR", email: "marcus.bell@northfield.edu", name: "Marcus Bell" },
  { role: "TUTOR", email: "elena.ortiz@northfield.edu", name: "Elena Ortiz" },
  { role: "STUDENT", email: "student@northfield.edu", name: "Jordan Lee" },
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

type Stage = "INTAKE" | "DIAGNOSING" | "PLANNING" | "ACTIVE" | "NEAR_EXAM" | "PASSED" | "SECOND_FAILURE" | "THIRD_FAILURE" | "INELIGIBLE";
type Trend = "RISING" | "FLAT" | "FALLING";

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

const emailFor = (name: string) =>
  `${name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z ]/g, "")
    .replace(/ +/g, ".")}@students.northfield.edu`;

/** A weekday on or before `date` (exams are not sat on Sundays). */
function weekday(date: IsoDate): IsoDate {
  return isoWeekday(date) === 7 ? addDays(date, -1) : date;
}

interface SeedContext {
  rng: Rng;
  today: IsoDate;
  schoolId: string;
  adminId: string;
  advisorId: string;
  tutorIds: string[];
}

export async function seed(now: Date = new Date()): Promise<void> {
  await dbReady();
  const today = todayOf(now);
  const rng = random(20261122);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const school = await prisma.school.create({ data: { ...DEMO_SCHOOL }, select: { id: true } });
  await prisma.schoolSettings.create({
    data: {
      schoolId: school.id,
      readinessGate: JSON.stringify(DEFAULT_READINESS_GATE),
      acknowledgeWithinBusinessDays: 2,
      resolveWithinBusinessDays: 15,
    },
  });
  await prisma.policyRung.createMany({ data: DEFAULT_POLICY_LADDER.map((r) => ({ ...r, schoolId: school.id })) });

  const staff = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS.filter((a) => a.role !== "STUDENT")) {
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
      select: { studentProfiles: { select: { id: true } } },
    });
    await seedStudent(ctx, user.studentProfiles[0].id, plan, index);
  }

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

  // A pending invitation, so the admin screen shows one.
  await prisma.invitation.create({
    data: {
      schoolId: school.id,
      email: "new.tutor@northfield.edu",
      name: "Sam Ellis",
      role: "TUTOR",
      tokenHash: "demo-invitation-without-a-usable-link",
      invitedById: ctx.adminId,
      expiresAt: new Date(now.getTime() + 5 * 24 * 3600 * 1000),
    },
  });
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
  // Results arrive about three weeks after the exam: that is when the office records them.
  const recordedOn = minDate(addDays(takenOn, 21), ctx.today);
  const result = await prisma.$transaction((tx) =>
    recordAttemptIn(tx, { studentId, exam, takenOn: weekday(takenOn), outcome, score, actorId, source: "SEED", today: recordedOn }),
  );
  if (!result.ok) throw new Error(`Seed attempt refused: ${JSON.stringify(result.errors)}`);
  return result;
}

async function seedStudent(ctx: SeedContext, studentId: string, plan: StudentPlan, index: number) {
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
  for (const [i, date] of failures.entries()) {
    const result = await fail(ctx, studentId, exam, date, ctx.advisorId);
    if (!result.ok) return;
    caseId = result.caseId;
    // Earlier failures of a multi-failure history were worked by a tutor before the latest one.
    if (i === 0 && plan.stage !== "INTAKE" && caseId) await take(caseId, tutorId);
  }
  if (!caseId) return;
  if (plan.stage === "INTAKE" || plan.stage === "INELIGIBLE") return;

  const latestFailure = failures[failures.length - 1];
  const reportIds: string[] = [];
  for (const date of failures) {
    reportIds.push(await seedReport(ctx, caseId, studentId, exam, weekday(date), tutorId, failures.indexOf(date)));
  }
  await seedFindings(ctx, caseId, tutorId, plan.stage === "SECOND_FAILURE" || plan.stage === "THIRD_FAILURE");
  if (plan.stage === "DIAGNOSING") return;

  const start = addDays(latestFailure, rng.int(21, 28));
  const weeks = plan.stage === "SECOND_FAILURE" || plan.stage === "THIRD_FAILURE" ? 16 : 8;
  let examDate = addDays(start, weeks * 7);
  if (plan.stage === "NEAR_EXAM") examDate = addDays(today, rng.int(6, 12));
  if (plan.stage === "ACTIVE") examDate = addDays(today, rng.int(18, 45));
  if (plan.stage === "PASSED") examDate = addDays(latestFailure, rng.int(70, 110));
  examDate = weekday(examDate);

  await setStatus(ctx, caseId, "PLANNING", tutorId, { targetExamDate: examDate });
  if (plan.stage === "PLANNING") return;

  const planStart = minDate(start, addDays(examDate, -42));
  await seedPlan({
    caseId,
    exam,
    failureNumber: failures.length,
    startDate: planStart,
    examDate,
    tutorId,
    reportId: reportIds[reportIds.length - 1],
    // Falling trajectories got a second plan version, with the reason.
    adjust: plan.trend === "FALLING" && plan.stage === "ACTIVE",
  });

  const series = await seedPracticeSeries(ctx, caseId, studentId, exam, plan, planStart, minDate(examDate, today), tutorId);
  await seedCheckIns(ctx, caseId, studentId, planStart);
  await seedNotes(ctx, caseId, tutorId, planStart);

  if (plan.stage === "NEAR_EXAM" && plan.trend === "RISING") await setStatus(ctx, caseId, "READY", tutorId, {});
  if (plan.stage === "PASSED") {
    const passScore = exam === "STEP2_CK" ? Math.max(219, Math.round(series.last + rng.int(0, 6))) : null;
    await record(ctx, studentId, exam, examDate, "PASS", passScore, ctx.advisorId);
  }
}

async function take(caseId: string, tutorId: string) {
  await prisma.$transaction(async (tx) => {
    const row = await tx.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { schoolId: true, status: true, tutorId: true } });
    if (row.tutorId) return;
    await tx.retakeCase.update({
      where: { id: caseId },
      data: { tutorId, status: row.status === "INTAKE" ? "DIAGNOSING" : row.status, version: { increment: 1 } },
    });
    await tx.caseAssignment.create({ data: { caseId, tutorId, assignedById: tutorId, kind: "TAKEN" } });
    await logActivity(tx, {
      schoolId: row.schoolId,
      actorId: tutorId,
      caseId,
      entity: "RetakeCase",
      entityId: caseId,
      action: "case.taken",
      summary: "Took on the case from the intake queue",
    });
  });
}

async function setStatus(
  ctx: SeedContext,
  caseId: string,
  status: "PLANNING" | "ACTIVE" | "READY",
  actorId: string,
  extra: { targetExamDate?: IsoDate },
) {
  await prisma.$transaction(async (tx) => {
    const row = await tx.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } });
    if (row.status === "CLOSED") return;
    await tx.retakeCase.update({ where: { id: caseId }, data: { status, ...extra, version: { increment: 1 } } });
    await logActivity(tx, {
      schoolId: ctx.schoolId,
      actorId,
      caseId,
      entity: "RetakeCase",
      entityId: caseId,
      action: "case.status_changed",
      summary: `${row.status.toLowerCase()} → ${status.toLowerCase()}${extra.targetExamDate ? `; exam on ${formatDate(extra.targetExamDate)}` : ""}`,
      before: { status: row.status },
      after: { status, ...extra },
    });
  });
}

/** A failing report: a handful of Lower areas (weighted toward a theme), the rest Same or Higher. */
async function seedReport(
  ctx: SeedContext,
  caseId: string,
  studentId: string,
  exam: ExamId,
  takenOn: IsoDate,
  tutorId: string,
  attemptIndex: number,
) {
  const attempt = await prisma.examAttempt.findUniqueOrThrow({
    where: { studentId_exam_takenOn: { studentId, exam, takenOn } },
    select: { id: true },
  });
  const areas = contentAreasFor(exam);
  const weak = new Set(
    ctx.rng
      .shuffle(areas)
      .slice(0, ctx.rng.int(3, 7))
      .map((a) => a.id),
  );
  // A persisting weakness across attempts: keep the first weak areas on later reports.
  const referenceGroup = exam === "STEP1" ? "LOW_PASS" : "OWN_OVERALL";
  const bands = areas.map((area) => {
    let band: Band = weak.has(area.id) ? "LOWER" : ctx.rng.next() < 0.75 ? "SAME" : "HIGHER";
    if (attemptIndex > 0 && area.id.endsWith("pathology")) band = "LOWER";
    return { contentAreaId: area.id, band, referenceGroup } as const;
  });
  const report = await prisma.scoreReport.create({
    data: {
      caseId,
      attemptId: attempt.id,
      distanceFromPassing: exam === "STEP2_CK" ? ctx.rng.int(3, 15) : null,
      distanceNote: exam === "STEP1" ? "The report's bar puts the overall result just below the passing line." : null,
      enteredById: tutorId,
      areas: { create: bands },
    },
    select: { id: true },
  });
  await prisma.$transaction((tx) =>
    logActivity(tx, {
      schoolId: ctx.schoolId,
      actorId: tutorId,
      caseId,
      entity: "ScoreReport",
      entityId: report.id,
      action: "report.saved",
      summary: `Score report of ${formatDate(takenOn)} entered: ${weak.size} areas Lower`,
    }),
  );
  return report.id;
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

async function seedFindings(ctx: SeedContext, caseId: string, tutorId: string, heavier: boolean) {
  const report = await prisma.scoreReport.findFirstOrThrow({
    where: { caseId },
    orderBy: { createdAt: "desc" },
    select: { areas: { where: { band: "LOWER" }, select: { contentAreaId: true }, take: 3 } },
  });
  const strategy = ctx.rng.pick<FindingKind>(["TIMING", "REASONING", "MISREADING"]);
  const method = ctx.rng.pick<FindingKind>(["PASSIVE_REVIEW", "QBANK_VOLUME", "NO_SIMULATION"]);
  const external = ctx.rng.pick<FindingKind>(["TEST_ANXIETY", "SLEEP_WELLBEING", "CLERKSHIP_LOAD"]);
  const findings: Array<{ kind: FindingKind; severity: number; visibility: Visibility; areaIds?: string[] }> = [
    { kind: "CONTENT_GAP", severity: heavier ? 3 : 2, visibility: "STUDENT", areaIds: report.areas.map((a) => a.contentAreaId) },
    { kind: strategy, severity: 2, visibility: "STUDENT" },
    { kind: method, severity: heavier ? 3 : 2, visibility: "OFFICE" },
  ];
  if (ctx.rng.next() < 0.6)
    findings.push({ kind: external, severity: 2, visibility: external === "CLERKSHIP_LOAD" ? "STUDENT" : "OFFICE" });
  if (ctx.rng.next() < 0.3) findings.push({ kind: "TIMING", severity: 1, visibility: "PRIVATE" });
  for (const f of findings) {
    await prisma.$transaction(async (tx: Tx) => {
      const created = await tx.finding.create({
        data: {
          caseId,
          authorId: tutorId,
          family: FINDING_KINDS[f.kind].family,
          kind: f.kind,
          severity: f.severity,
          evidence: FINDING_EVIDENCE[f.kind] ?? "Discussed in the first session.",
          visibility: f.visibility,
          areas: f.areaIds?.length ? { create: f.areaIds.map((contentAreaId) => ({ contentAreaId })) } : undefined,
        },
        select: { id: true },
      });
      await logActivity(tx, {
        schoolId: ctx.schoolId,
        actorId: tutorId,
        caseId,
        entity: "Finding",
        entityId: created.id,
        action: "finding.created",
        summary: "Finding recorded",
      });
    });
  }
}

/** Practice exams every 6–10 days on the exam's instruments, following the student's trend. */
async function seedPracticeSeries(
  ctx: SeedContext,
  caseId: string,
  studentId: string,
  exam: "STEP1" | "STEP2_CK",
  plan: StudentPlan,
  from: IsoDate,
  to: IsoDate,
  tutorId: string,
): Promise<{ last: number }> {
  const { rng } = ctx;
  const main: InstrumentId = exam === "STEP1" ? "NBME_CBSSA" : "NBME_CCSSA";
  const forms = instrument(main)
    .forms.filter((f) => f.active && f.exam === exam)
    .map((f) => f.name);
  const percent = main === "NBME_CBSSA";
  const start = percent ? rng.int(54, 60) : rng.int(200, 208);
  const perWeek = { RISING: percent ? 2.2 : 3.2, FLAT: 0.2, FALLING: percent ? -1.1 : -1.6 }[plan.trend];
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
    await prisma.practiceExam.create({
      data: {
        studentId,
        caseId,
        instrumentId,
        form,
        takenOn: date,
        score: useUwsa ? value + rng.int(2, 8) : value,
        ...(percent
          ? { lowPassLow: 62, lowPassHigh: 68, passProbability: Math.max(1, Math.min(99, Math.round((value - 60) * 6 + 50))) }
          : {}),
        milestoneUid: n === 0 ? "baseline" : null,
        recordedById: n % 2 ? tutorId : null,
        source: "SEED",
      },
    });
    last = value;
    n += 1;
    date = addDays(date, rng.int(6, 10));
  }
  return { last };
}

async function seedCheckIns(ctx: SeedContext, caseId: string, studentId: string, from: IsoDate) {
  let week = addDays(from, 7 - (isoWeekday(from) - 1));
  let n = 0;
  while (week <= ctx.today && n < 8) {
    await prisma.checkIn.create({
      data: {
        caseId,
        studentId,
        weekOf: week,
        questionsDone: ctx.rng.int(180, 420),
        percentCorrect: ctx.rng.int(52, 74),
        hoursStudied: ctx.rng.int(30, 52),
        mood: ctx.rng.int(2, 5),
        note: n === 0 ? "Settling into the new schedule; mornings are hard but the review afternoons help." : null,
      },
    });
    week = addDays(week, 7);
    n += 1;
  }
}

async function seedNotes(ctx: SeedContext, caseId: string, tutorId: string, from: IsoDate) {
  const notes: Array<{ body: string; visibility: Visibility; offset: number }> = [
    { body: "Went through the score report together and agreed the first two weeks' focus.", visibility: "STUDENT", offset: 0 },
    { body: "Reviewed the baseline practice exam; timing improved in the second half.", visibility: "OFFICE", offset: 14 },
    { body: "Student mentioned family stress; follow up gently next session.", visibility: "PRIVATE", offset: 21 },
  ];
  for (const note of notes) {
    const sessionOn = addDays(from, note.offset);
    if (sessionOn > ctx.today) continue;
    await prisma.sessionNote.create({ data: { caseId, authorId: tutorId, sessionOn, body: note.body, visibility: note.visibility } });
  }
  await prisma.retakeCase.update({
    where: { id: caseId },
    data: { lastContactAt: new Date(`${minDate(addDays(from, 21), ctx.today)}T15:00:00Z`) },
  });
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
