/**
 * A school with one case worked by everyone who can touch it, and marker
 * strings at every visibility tier in findings, session notes, session records
 * (summary and next step) and what is derived from them (plan measures, plan
 * versions and their differences), for the tests that walk every route. Built
 * through the app's own mutations.
 */
import { recordAttempt } from "#app/domain/attempts/mutations.server";
import { addDays, today } from "#app/domain/dates";
import { createFinding } from "#app/domain/diagnostics/mutations.server";
import { createInvitation } from "#app/domain/invitations/mutations.server";
import { createNote } from "#app/domain/notes/mutations.server";
import { editorValues, type PlanEditorValues } from "#app/domain/plans/editor";
import { adjustFromEditor, assignFromEditor } from "#app/domain/plans/mutations.server";
import { loadPlan, loadPlanBuilderContext, nextMonday, proposePlan } from "#app/domain/plans/queries.server";
import { logDisclosure } from "#app/domain/records/disclosures.server";
import { recordSession } from "#app/domain/sessions/mutations.server";
import type { FindingKind, Visibility } from "#app/domain/vocabulary";
import { prisma } from "#app/utils/db.server";
import { createFailedCase, createSchoolWithCase, createStudent } from "../factories";
import { mailedToken } from "./mail";

export const ROLES = ["student", "tutor", "otherTutor", "advisor", "admin", "otherSchoolAdvisor", "otherSchoolTutor"] as const;
export type WorldRole = (typeof ROLES)[number];

/** Who may see what: the tiers of the markers, each with the roles allowed to see it. */
export const TIERS = ["private to the tutor", "private to the advisor", "office", "student"] as const;
export type Tier = (typeof TIERS)[number];

export const ALLOWED: Record<Tier, readonly WorldRole[]> = {
  "private to the tutor": ["tutor"],
  "private to the advisor": ["advisor"],
  office: ["tutor", "advisor", "admin"],
  student: ["tutor", "advisor", "admin", "student"],
};

const stamp = () => Math.random().toString(36).slice(2, 8).toUpperCase();
/** The markers a tier's session record carries in its summary and in its next step (ADR 0024: both read with the session's tier). */
export const sessionMarker = (typed: string) => `SESSION${typed}`;
export const stepMarker = (typed: string) => `NEXTSTEP${typed}`;

/**
 * The words each tier's findings put into the plan: the measures the
 * generator derives from their kinds (titles and explanations), and the kinds
 * themselves. Written out here rather than read from the app, so a change to
 * the app's wording cannot make the test look for nothing.
 */
const DERIVED: Record<Tier, { kind: FindingKind; texts: string[] }[]> = {
  "private to the tutor": [{ kind: "FINANCES", texts: ["Financial-aid referral", "Money worries", "financial-aid office", "FINANCES"] }],
  "private to the advisor": [{ kind: "FAMILY", texts: ["Protected study hours at home", "Agree fixed study hours"] }],
  office: [
    { kind: "TEST_ANXIETY", texts: ["Box breathing", "whenever panic rises", "Counselling referral", "Test-day anxiety", "TEST_ANXIETY"] },
    { kind: "TIMING", texts: ["Test-day pacing in every block", "mark and move on"] },
  ],
  student: [{ kind: "MISREADING", texts: ["Read the question first"] }],
};

export interface World {
  caseId: string;
  schoolId: string;
  users: Record<WorldRole, string>;
  student: { userId: string; studentId: string; email: string; name: string };
  /**
   * What names a student in a response: the email, name or case id of the case's student, of a student in
   * the intake queue, and of the other school's student.
   */
  studentMentions: string[];
  /** Every marker of each tier: the one typed into findings and notes, the session record's summary and next step, and the derived words. */
  markers: Record<Tier, string[]>;
  /** Values for the dynamic segments of routes.ts, by name. */
  params: Record<string, string>;
  /**
   * Sample searches ("?q=…") by route id, read besides each route's base URL
   * so what a loader reads behind its query parameters is walked too. A route
   * not listed is walked at its base URL alone.
   */
  searches: Record<string, string[]>;
}

export async function createWorld(): Promise<World> {
  const setup = await createSchoolWithCase({ takenBy: "tutor", status: "PLANNING" });
  const elsewhere = await createSchoolWithCase({ takenBy: "tutor" });
  const { caseId, tutor, advisor, school } = setup;
  const attempt = await prisma.examAttempt.findFirstOrThrow({ where: { caseId }, select: { id: true } });
  await prisma.scoreReport.create({
    data: {
      caseId,
      attemptId: attempt.id,
      enteredById: tutor.id,
      areas: {
        create: [
          { contentAreaId: "step1.discipline.pathology", band: "LOWER", referenceGroup: "LOW_PASS" },
          { contentAreaId: "step1.discipline.pharmacology", band: "LOWER", referenceGroup: "LOW_PASS" },
          { contentAreaId: "step1.discipline.biochemistry", band: "HIGHER", referenceGroup: "LOW_PASS" },
        ],
      },
    },
  });

  const typed: Record<Tier, string> = {
    "private to the tutor": `PRIVTUTOR${stamp()}`,
    "private to the advisor": `PRIVADVISOR${stamp()}`,
    office: `OFFICEONLY${stamp()}`,
    student: `SHAREDSTUDENT${stamp()}`,
  };
  const authorOf = (tier: Tier) => (tier === "private to the advisor" ? advisor.id : tutor.id);
  const visibilityOf = (tier: Tier): Visibility => (tier.startsWith("private") ? "PRIVATE" : tier === "office" ? "OFFICE" : "STUDENT");

  const findingIds: string[] = [];
  const noteIds: string[] = [];
  for (const tier of TIERS) {
    for (const { kind } of DERIVED[tier]) {
      const made = await createFinding({
        caseId,
        schoolId: school.id,
        actorId: authorOf(tier),
        form: { kind, severity: 2, evidence: `${typed[tier]} evidence for ${kind}`, visibility: visibilityOf(tier), areaIds: [] },
      });
      if (!made.ok) throw new Error(`could not record a finding: ${JSON.stringify(made)}`);
      findingIds.push(made.findingId);
    }
    const note = await createNote({
      caseId,
      schoolId: school.id,
      actorId: authorOf(tier),
      form: { sessionOn: addDays(today(), -1), body: `${typed[tier]} said in session`, visibility: visibilityOf(tier) },
    });
    if (!note.ok) throw new Error(`could not write a note: ${JSON.stringify(note)}`);
    noteIds.push(note.noteId);
    const session = await recordSession({
      caseId,
      schoolId: school.id,
      actorId: authorOf(tier),
      form: {
        kind: "MEETING",
        sessionOn: addDays(today(), -1),
        durationMinutes: 45,
        attendance: "ON_TIME",
        summary: `${sessionMarker(typed[tier])} went through the week`,
        visibility: visibilityOf(tier),
        nextSteps: [{ text: `${stepMarker(typed[tier])} before Friday`, dueOn: addDays(today(), 7) }],
      },
    });
    if (!session.ok) throw new Error(`could not record a session: ${JSON.stringify(session)}`);
  }

  // Version 1: the tutor assigns what the generator proposes from the diagnosis as the tutor sees it.
  const proposed = { plan: await tutorsProposal(caseId, tutor.id) };
  const caseVersion = async () => (await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
  const assigned = await assignFromEditor({
    caseId,
    actorId: tutor.id,
    form: editorValues(proposed.plan),
    expectedCaseVersion: await caseVersion(),
  });
  if (!assigned.ok) throw new Error(`could not assign: ${JSON.stringify(assigned)}`);

  // Version 2: the advisor adds a measure for the family finding only they can see, and lengthens the days.
  const plan = await loadPlan(caseId, { userId: advisor.id, relation: "OFFICE" });
  if (!plan) throw new Error("no plan");
  const values: PlanEditorValues = editorValues(plan.current.data);
  const adjusted = await adjustFromEditor({
    caseId,
    actorId: advisor.id,
    form: {
      ...values,
      hoursPerDay: 9,
      measures: [
        ...values.measures,
        {
          findingKind: "FAMILY",
          title: "Protected study hours at home",
          description: "Agree fixed study hours and the rest day with family.",
        },
      ],
      reason: "Longer days as the exam approaches.",
      expectedVersion: plan.currentVersion,
      promptedByPracticeExamId: undefined,
      promptedByCheckInId: undefined,
    },
    expectedCaseVersion: await caseVersion(),
  });
  if (!adjusted.ok) throw new Error(`could not adjust: ${JSON.stringify(adjusted)}`);

  // A second failure opens an escalation (and tells the office); a disclosure is logged; another student waits in the intake queue.
  const second = await recordAttempt({
    studentId: setup.student.studentId,
    exam: "STEP1",
    takenOn: addDays(today(), -2),
    outcome: "FAIL",
    score: null,
    actorId: tutor.id,
  });
  if (!second.ok || !second.escalationId) throw new Error(`no escalation: ${JSON.stringify(second)}`);
  const disclosed = await logDisclosure({
    form: {
      schoolId: school.id,
      student: setup.student.email,
      recipient: "Lakeside Residency Program",
      purpose: "Residency application",
      records: "Attempt history",
      disclosedOn: today(),
      consentReference: undefined,
    },
    schoolIds: [school.id],
    actorId: advisor.id,
  });
  if (!disclosed.ok) throw new Error(disclosed.message);
  const waiting = await createStudent(school.id);
  const intake = await createFailedCase({ studentId: waiting.studentId, actorId: advisor.id });

  const inviteeEmail = `invitee-${stamp().toLowerCase()}@example.edu`;
  const invitation = await createInvitation({
    schoolId: school.id,
    email: inviteeEmail,
    name: "Invited Person",
    role: "TUTOR",
    invitedById: setup.admin.id,
  });
  if (!invitation.ok) throw new Error(invitation.message);
  // The link reaches the invitee by mail only: the token is read from the outbox as they would read it.
  const invitationToken = await mailedToken(inviteeEmail, "INVITATION", "/invite");

  const attemptIds = (await prisma.examAttempt.findMany({ where: { caseId }, select: { id: true } })).map((a) => a.id);
  const [tutorEmail, studentEmail] = [
    (await prisma.user.findUniqueOrThrow({ where: { id: tutor.id }, select: { email: true } })).email,
    setup.student.email,
  ];
  const caseStatus = (await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } })).status;
  const redirectTo = `/cases/${caseId}/notes`;
  /**
   * Sample searches, by route id: the filters, pages and records a route's
   * loader reads from its URL, walked besides the base URL. Editing a record
   * of each tier (`?edit=`), each attempt, a filter naming the student, a page
   * past the first.
   */
  const searches: Record<string, string[]> = {
    "routes/auth/login": [`?redirectTo=${encodeURIComponent(redirectTo)}`],
    "routes/auth/two-factor": [`?redirectTo=${encodeURIComponent(redirectTo)}`],
    "routes/auth/two-factor-setup": [`?redirectTo=${encodeURIComponent(redirectTo)}`],
    "routes/auth/sso-start": [`?redirectTo=${encodeURIComponent(redirectTo)}&login_hint=${encodeURIComponent(studentEmail)}`],
    "routes/resources/sso-offer": [`?email=${encodeURIComponent(studentEmail)}`],
    "routes/app/notifications": ["?page=2"],
    "routes/app/queue/index": ["?page=2"],
    "routes/app/cases/index": [
      `?q=${encodeURIComponent(setup.student.name)}`,
      `?status=${caseStatus}&sort=risk&dir=asc`,
      "?page=2&size=10",
      "?hide=tutor,risk&examWithin=30",
    ],
    "routes/resources/cases-export": [`?q=${encodeURIComponent(setup.student.name)}`, `?status=${caseStatus}&exam=STEP1`],
    "routes/app/cases/overview": [`?proposed=${addDays(today(), 90)}`],
    "routes/app/cases/diagnostics": [...attemptIds.map((id) => `?attempt=${id}`), ...findingIds.map((id) => `?edit=${id}`)],
    "routes/app/cases/plan": ["?from=1&to=2", "?from=2&to=1"],
    "routes/app/cases/notes": noteIds.map((id) => `?edit=${id}`),
    "routes/app/cases/progress": ["?edit=no-such-entry"],
    "routes/app/cases/decision": [`?date=${addDays(today(), 120)}`],
    "routes/app/office/escalations": [`?open=${second.escalationId}&status=OPEN&mine=1`, "?overdue=1&sort=newest&page=2"],
    "routes/app/admin/users": [`?q=${encodeURIComponent(setup.student.name)}`],
    "routes/app/admin/access-log": [
      `?person=${encodeURIComponent(tutorEmail)}&student=${encodeURIComponent(studentEmail)}`,
      `?from=${today()}&to=${today()}&page=2`,
    ],
    "routes/resources/access-log-export": [`?person=${encodeURIComponent(tutorEmail)}&student=${encodeURIComponent(studentEmail)}`],
  };

  const markers = Object.fromEntries(
    TIERS.map((tier) => [
      tier,
      [typed[tier], sessionMarker(typed[tier]), stepMarker(typed[tier]), ...DERIVED[tier].flatMap((d) => d.texts)],
    ]),
  ) as Record<Tier, string[]>;
  return {
    caseId,
    schoolId: school.id,
    users: {
      student: setup.student.userId,
      tutor: tutor.id,
      otherTutor: setup.otherTutor.id,
      advisor: advisor.id,
      admin: setup.admin.id,
      otherSchoolAdvisor: elsewhere.advisor.id,
      otherSchoolTutor: elsewhere.tutor.id,
    },
    student: { userId: setup.student.userId, studentId: setup.student.studentId, email: setup.student.email, name: setup.student.name },
    studentMentions: [
      ...[setup.student, waiting, elsewhere.student].flatMap((s) => [s.email, s.name]),
      ...[caseId, intake.caseId, elsewhere.caseId],
    ],
    markers,
    params: { caseId, token: invitationToken, kind: "students", slug: school.slug, "*": "no-such-page" },
    searches,
  };
}

/** The URLs a route is walked at: its base URL, then with each of its sample searches. */
export function walkedUrls(route: { id: string; pattern: string }, world: Pick<World, "params" | "searches">): string[] {
  const path = fillPattern(route.pattern, world.params);
  return [path, ...(world.searches[route.id] ?? []).map((search) => `${path}${search}`)];
}

/** The route's URL with its dynamic segments filled from the world; a segment the world has no value for fails the test. */
export function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:(\w+)|\*/g, (whole, name?: string) => {
    const key = name ?? "*";
    const value = params[key];
    if (value === undefined) {
      throw new Error(
        `${pattern}: no value for the dynamic segment "${whole}". Add one to World.params in tests/utils/world.ts so the route is covered.`,
      );
    }
    return encodeURIComponent(value);
  });
}

/** The eight-week plan the generator proposes to the case's tutor from the diagnosis as the tutor sees it. */
export async function tutorsProposal(caseId: string, tutorId: string) {
  const context = await loadPlanBuilderContext(caseId, { userId: tutorId, relation: "TUTOR" });
  const start = nextMonday(today());
  const proposed = proposePlan(context, {
    startDate: start,
    examDate: addDays(start, 8 * 7 + 2),
    hoursPerDay: 8,
    restDay: 7,
    previousResources: [],
  });
  if (!proposed.plan) throw new Error(`no proposal: ${JSON.stringify(proposed.errors)}`);
  return proposed.plan;
}
