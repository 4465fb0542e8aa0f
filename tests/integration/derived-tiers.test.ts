/**
 * What is derived from findings and notes carries their tier (ADR 0014): the
 * findings of the privacy review, reproduced — a private finances finding's
 * plan measure on the student's plan page, an office-only test-anxiety
 * finding reaching the student through the generated plan and the record
 * download — and how the tier follows its sources afterwards.
 */
import { describe, expect, it } from "vitest";
import { addDays, today } from "#app/domain/dates";
import { createFinding, deleteFinding, updateFinding } from "#app/domain/diagnostics/mutations.server";
import { STUDENT_PRESENT_ONLY_WORDS } from "#app/domain/diagnostics/student-view";
import { createNote, deleteNote, updateNote } from "#app/domain/notes/mutations.server";
import { countUnread, loadInbox } from "#app/domain/notifications/inbox.server";
import { editorValues } from "#app/domain/plans/editor";
import { adjustFromEditor, assignFromEditor } from "#app/domain/plans/mutations.server";
import { loadPlan } from "#app/domain/plans/queries.server";
import type { FindingKind, Visibility } from "#app/domain/vocabulary";
import { prisma } from "#app/utils/db.server";
import { createSchoolWithCase } from "../factories";
import { dataUrl, request, signIn } from "../utils/app";
import { tutorsProposal } from "../utils/world";

type Setup = Awaited<ReturnType<typeof createSchoolWithCase>>;

async function finding(setup: Setup, authorId: string, kind: FindingKind, visibility: Visibility, evidence: string) {
  const made = await createFinding({
    caseId: setup.caseId,
    schoolId: setup.school.id,
    actorId: authorId,
    form: { kind, severity: 2, evidence, visibility, areaIds: [] },
  });
  if (!made.ok) throw new Error(JSON.stringify(made));
  return made.findingId;
}

const caseVersion = async (caseId: string) =>
  (await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;

/** The tutor assigns the plan the generator proposes from the diagnosis as they see it. */
async function assignProposal(setup: Setup) {
  const proposed = { plan: await tutorsProposal(setup.caseId, setup.tutor.id) };
  const assigned = await assignFromEditor({
    caseId: setup.caseId,
    actorId: setup.tutor.id,
    form: editorValues(proposed.plan),
    expectedCaseVersion: await caseVersion(setup.caseId),
  });
  if (!assigned.ok) throw new Error(JSON.stringify(assigned));
  return proposed.plan;
}

/** Everything the student can open about their plan and record, as their browser receives it. */
async function whatTheStudentSees(setup: Setup): Promise<string> {
  const cookie = await signIn(setup.student.userId);
  const urls = [
    `/cases/${setup.caseId}/plan`,
    dataUrl(`/cases/${setup.caseId}/plan`),
    `/cases/${setup.caseId}/plan/print`,
    `/cases/${setup.caseId}/calendar.ics`,
    "/",
    dataUrl("/"),
    "/me/record",
    "/me/record.json",
    "/notifications",
  ];
  const bodies = await Promise.all(
    urls.map(async (url) => {
      const res = await request(url, { cookie });
      expect(res.status, url).toBe(200);
      return res.text();
    }),
  );
  return bodies.join("\n");
}

async function record(setup: Setup) {
  const res = await request("/me/record.json", { cookie: await signIn(setup.student.userId) });
  return JSON.parse(await res.text());
}

describe("tiers of derived text", () => {
  it("keeps a measure derived from a private finding off the student's plan, print, home and record", async () => {
    const setup = await createSchoolWithCase({ takenBy: "tutor", status: "PLANNING" });
    await finding(setup, setup.tutor.id, "FINANCES", "PRIVATE", "Money is tight; worried about the fee for moving the exam.");
    const proposal = await assignProposal(setup);
    // The generator proposed it to its author, who assigned it.
    expect(proposal.content.measures.map((m) => m.title)).toContain("Financial-aid referral");

    const seen = await whatTheStudentSees(setup);
    for (const text of ["Financial-aid referral", "Money worries", "financial-aid office", "FINANCES", "Money is tight"]) {
      expect(seen).not.toContain(text);
    }
    // Its author sees it, marked as theirs alone; the office does not see it at all.
    const tutorPlan = await loadPlan(setup.caseId, { userId: setup.tutor.id, relation: "TUTOR" });
    expect(tutorPlan?.current.data.content.measures).toContainEqual(
      expect.objectContaining({ title: "Financial-aid referral", audience: "PRIVATE" }),
    );
    const officePlan = await loadPlan(setup.caseId, { userId: setup.advisor.id, relation: "OFFICE" });
    expect(officePlan?.current.data.content.measures.map((m) => m.title)).not.toContain("Financial-aid referral");
    const officePage = await (await request(`/cases/${setup.caseId}/plan`, { cookie: await signIn(setup.advisor.id) })).text();
    expect(officePage).not.toContain("Financial-aid referral");
  });

  it("shows the student an office-only test-anxiety finding only in the neutral words, the same on the page and in the export", async () => {
    const setup = await createSchoolWithCase({ takenBy: "tutor", status: "PLANNING" });
    await finding(setup, setup.tutor.id, "TEST_ANXIETY", "OFFICE", "Blanked in block 3; panic before the exam.");
    await finding(setup, setup.tutor.id, "MISREADING", "STUDENT", "Missed 'except' in several stems.");
    await assignProposal(setup);

    const seen = await whatTheStudentSees(setup);
    for (const text of [
      "whenever panic rises",
      "Box breathing",
      "Counselling referral",
      "Test-day anxiety",
      "TEST_ANXIETY",
      "Blanked in block 3",
    ]) {
      expect(seen).not.toContain(text);
    }
    // What is shared reaches them; what is not, in the product's neutral words.
    expect(seen).toContain("Read the question first");
    expect(seen).toContain(STUDENT_PRESENT_ONLY_WORDS.title);

    const exported = await record(setup);
    const titles = exported.findings.map((f: { title: string }) => f.title);
    expect(titles).toContain(STUDENT_PRESENT_ONLY_WORDS.title);
    expect(exported.findings.find((f: { title: string }) => f.title === STUDENT_PRESENT_ONLY_WORDS.title)).toEqual({
      ...STUDENT_PRESENT_ONLY_WORDS,
      sharedWithYou: false,
    });
    expect(exported.plans[0].content.supportNote).toEqual(STUDENT_PRESENT_ONLY_WORDS);
    // The record page lists the same findings in the same words.
    const page = await request(dataUrl("/me/record"), { cookie: await signIn(setup.student.userId) });
    const pageText = await page.text();
    for (const title of titles) expect(pageText).toContain(title);
    // And the Diagnostics tab says the same.
    const diagnostics = await (
      await request(dataUrl(`/cases/${setup.caseId}/diagnostics`), { cookie: await signIn(setup.student.userId) })
    ).text();
    expect(diagnostics).toContain(STUDENT_PRESENT_ONLY_WORDS.title);
  });

  it("follows the finding's tier after the plan is saved: shared, made private, deleted", async () => {
    const setup = await createSchoolWithCase({ takenBy: "tutor", status: "PLANNING" });
    const finances = await finding(setup, setup.tutor.id, "FINANCES", "PRIVATE", "Fees.");
    const timing = await finding(setup, setup.tutor.id, "TIMING", "OFFICE", "Ran out of time.");
    await assignProposal(setup);
    const student = { userId: setup.student.userId, relation: "STUDENT" as const };
    const advisor = { userId: setup.advisor.id, relation: "OFFICE" as const };
    const titles = async (viewer: typeof student | typeof advisor) =>
      (await loadPlan(setup.caseId, viewer))?.current.data.content.measures.map((m) => m.title) ?? [];
    expect(await titles(student)).not.toContain("Financial-aid referral");
    expect(await titles(advisor)).toContain("Test-day pacing in every block");

    const version = async (id: string) => (await prisma.finding.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    const tutor = { userId: setup.tutor.id, relation: "TUTOR" as const };
    // Shared with the student: the measure follows.
    const shared = await updateFinding({
      caseId: setup.caseId,
      schoolId: setup.school.id,
      findingId: finances,
      actor: tutor,
      form: { kind: "FINANCES", severity: 2, evidence: "Fees.", visibility: "STUDENT", areaIds: [] },
      expectedVersion: await version(finances),
    });
    expect(shared.ok).toBe(true);
    expect(await titles(student)).toContain("Financial-aid referral");
    // Made private by its author: the office no longer sees what was derived from it.
    const hidden = await updateFinding({
      caseId: setup.caseId,
      schoolId: setup.school.id,
      findingId: timing,
      actor: tutor,
      form: { kind: "TIMING", severity: 2, evidence: "Ran out of time.", visibility: "PRIVATE", areaIds: [] },
      expectedVersion: await version(timing),
    });
    expect(hidden.ok).toBe(true);
    expect(await titles(advisor)).not.toContain("Test-day pacing in every block");
    // Deleted: the measure keeps the tier it was saved with (office), not the one the finding had last.
    expect(
      (
        await deleteFinding({
          caseId: setup.caseId,
          schoolId: setup.school.id,
          findingId: timing,
          actor: tutor,
          expectedVersion: await version(timing),
        })
      ).ok,
    ).toBe(true);
    expect(await titles(advisor)).toContain("Test-day pacing in every block");
    expect(await titles(student)).not.toContain("Test-day pacing in every block");
  });

  it("hides a measure a shared and a private finding both call for, and no later change to the findings shows it early", async () => {
    const setup = await createSchoolWithCase({ takenBy: "tutor", status: "PLANNING" });
    const stamina = await finding(setup, setup.tutor.id, "STAMINA", "STUDENT", "Faded in the last two blocks.");
    const anxiety = await finding(setup, setup.tutor.id, "TEST_ANXIETY", "PRIVATE", "Told me about panic at the test centre.");
    const proposal = await assignProposal(setup);
    // Simulated test days answers stamina and test anxiety alike; building up to a full day answers stamina alone.
    expect(proposal.content.measures.map((m) => m.title)).toEqual(
      expect.arrayContaining(["Simulated test days", "Build up to a full day"]),
    );

    // Stored with both findings as its sources, at the most restrictive tier of the two.
    const stored = await prisma.planVersion.findFirstOrThrow({ where: { plan: { caseId: setup.caseId } }, select: { content: true } });
    const simulated = JSON.parse(stored.content).measures.find((m: { title: string }) => m.title === "Simulated test days");
    expect(simulated.provenance).toEqual({
      tier: "PRIVATE",
      sources: expect.arrayContaining([stamina, anxiety]),
      owners: [setup.tutor.id],
    });
    expect(simulated.provenance.sources).toHaveLength(2);

    const student = { userId: setup.student.userId, relation: "STUDENT" as const };
    const advisor = { userId: setup.advisor.id, relation: "OFFICE" as const };
    const tutor = { userId: setup.tutor.id, relation: "TUTOR" as const };
    const titles = async (viewer: typeof student | typeof advisor | typeof tutor) =>
      (await loadPlan(setup.caseId, viewer))?.current.data.content.measures.map((m) => m.title) ?? [];
    const seen = await whatTheStudentSees(setup);
    expect(seen).toContain("Build up to a full day");
    expect(seen).not.toContain("Simulated test days");
    expect(await titles(advisor)).not.toContain("Simulated test days");
    expect(await titles(tutor)).toContain("Simulated test days");

    const version = async (id: string) => (await prisma.finding.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    const edit = async (id: string, kind: FindingKind, visibility: Visibility) => {
      const changed = await updateFinding({
        caseId: setup.caseId,
        schoolId: setup.school.id,
        findingId: id,
        actor: tutor,
        form: { kind, severity: 2, evidence: "Edited.", visibility, areaIds: [] },
        expectedVersion: await version(id),
      });
      expect(changed.ok).toBe(true);
    };
    // The private finding deleted: the measure keeps the tier it was saved with, the private one.
    const deleted = await deleteFinding({
      caseId: setup.caseId,
      schoolId: setup.school.id,
      findingId: anxiety,
      actor: tutor,
      expectedVersion: await version(anxiety),
    });
    expect(deleted.ok).toBe(true);
    expect(await titles(student)).not.toContain("Simulated test days");
    expect(await titles(advisor)).not.toContain("Simulated test days");
    expect(await titles(tutor)).toContain("Simulated test days");
    // The shared finding narrowed and shared again: still no wider than the deleted source it came from.
    await edit(stamina, "STAMINA", "OFFICE");
    expect(await titles(student)).not.toContain("Build up to a full day");
    await edit(stamina, "STAMINA", "STUDENT");
    expect(await titles(student)).toContain("Build up to a full day");
    expect(await titles(student)).not.toContain("Simulated test days");
    expect(await whatTheStudentSees(setup)).not.toContain("Simulated test days");
  });

  it("shows a measure an office-only and a shared finding call for to the office, not the student, until both are shared", async () => {
    const setup = await createSchoolWithCase({ takenBy: "tutor", status: "PLANNING" });
    await finding(setup, setup.tutor.id, "NO_SIMULATION", "STUDENT", "Never sat a full practice day.");
    const anxiety = await finding(setup, setup.tutor.id, "TEST_ANXIETY", "OFFICE", "Panic.");
    await assignProposal(setup);
    const student = { userId: setup.student.userId, relation: "STUDENT" as const };
    const advisor = { userId: setup.advisor.id, relation: "OFFICE" as const };
    const titles = async (viewer: typeof student | typeof advisor) =>
      (await loadPlan(setup.caseId, viewer))?.current.data.content.measures.map((m) => m.title) ?? [];
    expect(await titles(advisor)).toContain("Simulated test days");
    expect(await titles(student)).not.toContain("Simulated test days");
    const tutor = { userId: setup.tutor.id, relation: "TUTOR" as const };
    const { version } = await prisma.finding.findUniqueOrThrow({ where: { id: anxiety }, select: { version: true } });
    const shared = await updateFinding({
      caseId: setup.caseId,
      schoolId: setup.school.id,
      findingId: anxiety,
      actor: tutor,
      form: { kind: "TEST_ANXIETY", severity: 2, evidence: "Panic.", visibility: "STUDENT", areaIds: [] },
      expectedVersion: version,
    });
    expect(shared.ok).toBe(true);
    expect(await titles(student)).toContain("Simulated test days");
  });

  it("keeps the measures an editor cannot see when they save, and tells the student only of changes they can see", async () => {
    const setup = await createSchoolWithCase({ takenBy: "tutor", status: "PLANNING" });
    await finding(setup, setup.tutor.id, "FINANCES", "PRIVATE", "Fees.");
    await assignProposal(setup);
    const advisor = { userId: setup.advisor.id, relation: "OFFICE" as const };
    const plan = await loadPlan(setup.caseId, advisor);
    if (!plan) throw new Error("no plan");
    const values = editorValues(plan.current.data);
    const saved = await adjustFromEditor({
      caseId: setup.caseId,
      actorId: setup.advisor.id,
      form: {
        ...values,
        hoursPerDay: 9,
        measures: [...values.measures, { findingKind: "SLEEP_WELLBEING", title: "Lights out by eleven", description: "Every night." }],
        reason: "Longer days, and a fixed bedtime.",
        expectedVersion: plan.currentVersion,
        promptedByPracticeExamId: undefined,
        promptedByCheckInId: undefined,
      },
      expectedCaseVersion: await caseVersion(setup.caseId),
    });
    expect(saved).toEqual({ ok: true, version: 2, moved: [] });
    const tutorView = await loadPlan(setup.caseId, { userId: setup.tutor.id, relation: "TUTOR" });
    const tutorTitles = tutorView?.current.data.content.measures.map((m) => m.title);
    expect(tutorTitles).toContain("Financial-aid referral");
    expect(tutorTitles).toContain("Lights out by eleven");
    // The student is told of what they can see change: the hours and the new measure (typed by the advisor, for them).
    const notice = await prisma.notification.findFirstOrThrow({
      where: { userId: setup.student.userId, kind: "PLAN_ADJUSTED" },
      select: { body: true },
    });
    const studentView = await loadPlan(setup.caseId, { userId: setup.student.userId, relation: "STUDENT" });
    expect(studentView?.current.data.content.measures.map((m) => m.title)).toContain("Lights out by eleven");
    const count = Number(/\((\d+) changes?\)/.exec(notice.body)?.[1]);
    const latest = await request(dataUrl("/"), { cookie: await signIn(setup.student.userId) });
    expect(await latest.text()).not.toContain("Financial-aid referral");
    expect(count).toBeGreaterThan(0);
    expect(notice.body).not.toContain("Financial");
  });

  it("reads a measure saved before measures carried their tier as its findings say, and as most restrictive when none does", async () => {
    const setup = await createSchoolWithCase({ takenBy: "tutor", status: "PLANNING" });
    await finding(setup, setup.tutor.id, "TEST_ANXIETY", "OFFICE", "Panic.");
    await assignProposal(setup);
    // Strip the provenance, as a version saved before this change has none, and add a measure no finding calls for.
    const stored = await prisma.planVersion.findFirstOrThrow({
      where: { plan: { caseId: setup.caseId } },
      select: { id: true, content: true },
    });
    const content = JSON.parse(stored.content);
    content.measures = [
      ...content.measures.map(({ provenance: _p, ...m }: { provenance: unknown }) => m),
      { findingKind: "FAMILY", title: "An old typed measure", description: "Typed long ago." },
    ];
    await prisma.planVersion.update({ where: { id: stored.id }, data: { content: JSON.stringify(content) } });

    const student = await loadPlan(setup.caseId, { userId: setup.student.userId, relation: "STUDENT" });
    const studentTitles = student?.current.data.content.measures.map((m) => m.title);
    expect(studentTitles).not.toContain("Box breathing");
    expect(studentTitles).not.toContain("An old typed measure");
    expect(student?.current.data.content.supportNote).toEqual(STUDENT_PRESENT_ONLY_WORDS);
    const advisor = await loadPlan(setup.caseId, { userId: setup.advisor.id, relation: "OFFICE" });
    expect(advisor?.current.data.content.measures.map((m) => m.title)).toContain("Box breathing");
    expect(advisor?.current.data.content.measures.map((m) => m.title)).not.toContain("An old typed measure");
    const tutor = await loadPlan(setup.caseId, { userId: setup.tutor.id, relation: "TUTOR" });
    expect(tutor?.current.data.content.measures.map((m) => m.title)).toContain("An old typed measure");
  });
});

describe("the rest of a generated plan", () => {
  /** A case whose report names four Lower disciplines, each with its own targeted resource. */
  async function reportedCase() {
    const setup = await createSchoolWithCase({ takenBy: "tutor", status: "PLANNING" });
    const attempt = await prisma.examAttempt.findFirstOrThrow({ where: { caseId: setup.caseId }, select: { id: true } });
    await prisma.scoreReport.create({
      data: {
        caseId: setup.caseId,
        attemptId: attempt.id,
        enteredById: setup.tutor.id,
        areas: {
          create: ["pathology", "physiology", "biochemistry", "genetics"].map((d) => ({
            contentAreaId: `step1.discipline.${d}`,
            band: "LOWER" as const,
            referenceGroup: "LOW_PASS" as const,
          })),
        },
      },
    });
    return setup;
  }

  async function proposal(setup: Setup) {
    return (await tutorsProposal(setup.caseId, setup.tutor.id)).content;
  }
  const targeted = (content: Awaited<ReturnType<typeof proposal>>) => content.resources.filter((r) => r.kind === "TARGETED");

  it("is shaped only by the findings shared with the student: a private or office-only one changes nothing but its measures", async () => {
    const setup = await reportedCase();
    const before = await proposal(setup);
    expect(targeted(before)).toHaveLength(3);

    // A private resource-overload finding and an office-only content-gap finding on the weakest areas.
    const overload = await finding(setup, setup.tutor.id, "RESOURCE_OVERLOAD", "PRIVATE", "Juggles six resources.");
    const gap = await createFinding({
      caseId: setup.caseId,
      schoolId: setup.school.id,
      actorId: setup.advisor.id,
      form: {
        kind: "CONTENT_GAP",
        severity: 3,
        evidence: "Never covered genetics.",
        visibility: "OFFICE",
        areaIds: ["step1.discipline.genetics", "step1.discipline.biochemistry"],
      },
    });
    expect(gap.ok).toBe(true);
    const withHidden = await proposal(setup);
    // The overload finding calls for its measure (stored with its tier), and shapes nothing else the student reads.
    expect(withHidden.measures.map((m) => m.findingKind)).toEqual(["RESOURCE_OVERLOAD"]);
    expect({ ...withHidden, measures: [] }).toEqual({ ...before, measures: [] });

    // Shared with the student, the same finding caps the targeted resources.
    const { version } = await prisma.finding.findUniqueOrThrow({ where: { id: overload }, select: { version: true } });
    const shared = await updateFinding({
      caseId: setup.caseId,
      schoolId: setup.school.id,
      findingId: overload,
      actor: { userId: setup.tutor.id, relation: "TUTOR" },
      form: { kind: "RESOURCE_OVERLOAD", severity: 2, evidence: "Juggles six resources.", visibility: "STUDENT", areaIds: [] },
      expectedVersion: version,
    });
    expect(shared.ok).toBe(true);
    expect(targeted(await proposal(setup))).toHaveLength(2);

    // Assigned with the finding private again, the student's plan shows the uncapped resources and no trace of the measure.
    const again = await updateFinding({
      caseId: setup.caseId,
      schoolId: setup.school.id,
      findingId: overload,
      actor: { userId: setup.tutor.id, relation: "TUTOR" },
      form: { kind: "RESOURCE_OVERLOAD", severity: 2, evidence: "Juggles six resources.", visibility: "PRIVATE", areaIds: [] },
      expectedVersion: version + 1,
    });
    expect(again.ok).toBe(true);
    await assignProposal(setup);
    const student = await loadPlan(setup.caseId, { userId: setup.student.userId, relation: "STUDENT" });
    expect(student?.current.data.content.resources).toEqual(before.resources);
    expect(student?.current.data.content.focusAreas).toEqual(before.focusAreas);
    expect(student?.current.data.content.measures).toEqual([]);
  });
});

describe("tiers of notifications", () => {
  it("shows a note's notification only while the note is shared with the student", async () => {
    const setup = await createSchoolWithCase({ takenBy: "tutor" });
    const made = await createNote({
      caseId: setup.caseId,
      schoolId: setup.school.id,
      actorId: setup.tutor.id,
      form: { sessionOn: addDays(today(), -1), body: "Agreed the first two weeks.", visibility: "STUDENT" },
    });
    if (!made.ok) throw new Error(JSON.stringify(made));
    const userId = setup.student.userId;
    const shared = async () => (await loadInbox(userId)).items.filter((i) => i.kind === "NOTE_SHARED").length;
    expect(await shared()).toBe(1);
    const unread = await countUnread(userId);
    const note = () => prisma.sessionNote.findUniqueOrThrow({ where: { id: made.noteId }, select: { version: true } });
    const tutor = { userId: setup.tutor.id, relation: "TUTOR" as const };
    const narrowed = await updateNote({
      caseId: setup.caseId,
      schoolId: setup.school.id,
      noteId: made.noteId,
      actor: tutor,
      form: { sessionOn: addDays(today(), -1), body: "Agreed the first two weeks.", visibility: "PRIVATE" },
      expectedVersion: (await note()).version,
    });
    expect(narrowed.ok).toBe(true);
    expect(await shared()).toBe(0);
    expect(await countUnread(userId)).toBe(unread - 1);
    const widened = await updateNote({
      caseId: setup.caseId,
      schoolId: setup.school.id,
      noteId: made.noteId,
      actor: tutor,
      form: { sessionOn: addDays(today(), -1), body: "Agreed the first two weeks.", visibility: "STUDENT" },
      expectedVersion: (await note()).version,
    });
    expect(widened.ok).toBe(true);
    expect(await shared()).toBe(1);
    expect(
      (
        await deleteNote({
          caseId: setup.caseId,
          schoolId: setup.school.id,
          noteId: made.noteId,
          actor: tutor,
          expectedVersion: (await note()).version,
        })
      ).ok,
    ).toBe(true);
    expect(await shared()).toBe(0);
  });
});
