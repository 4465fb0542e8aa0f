import { describe, expect, it } from "vitest";
import { addDays, today } from "#app/domain/dates";
import { action as overviewAction, loader as overviewLoader } from "#app/routes/app/cases/overview";
import { prisma } from "#app/utils/db.server";
import { createSchoolWithCase } from "../factories";
import { call } from "../utils/route";

const versionOf = async (caseId: string) => (await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).version;

/** A school's case with its tutor assigned (through the office, as the app does it). */
async function assignedCase() {
  const setup = await createSchoolWithCase();
  const { caseId, advisor, tutor } = setup;
  const assigned = await call(overviewAction, {
    userId: advisor.id,
    path: `/cases/${caseId}`,
    params: { caseId },
    form: { intent: "assign", caseId, tutorId: tutor.id, reason: "Step 1 specialist", expectedVersion: String(await versionOf(caseId)) },
  });
  if (assigned.status !== 302) throw new Error(`could not assign: ${JSON.stringify(assigned.data)}`);
  return setup;
}

describe("the case overview's target exam date", () => {
  const target = (targetExamDate: string, expectedVersion: number) => ({
    intent: "target",
    targetExamDate,
    expectedVersion: String(expectedVersion),
  });

  it("refuses the student and a tutor who is not on the case", async () => {
    const { caseId, student, otherTutor } = await assignedCase();
    const version = await versionOf(caseId);
    const date = addDays(today(), 60);
    for (const userId of [student.userId, otherTutor.id]) {
      const refused = await call(overviewAction, { userId, path: `/cases/${caseId}`, params: { caseId }, form: target(date, version) });
      expect(refused.status).toBe(403);
    }
    const row = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } });
    expect([row.targetExamDate, row.version]).toEqual([null, version]);
    expect(await prisma.activityLog.count({ where: { caseId, action: "case.target_date_set" } })).toBe(0);
  });

  it("answers a past or impossible date with a field error that keeps the value", async () => {
    const { caseId, tutor } = await assignedCase();
    const version = await versionOf(caseId);
    const yesterday = addDays(today(), -1);
    const past = await call(overviewAction, {
      userId: tutor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: target(yesterday, version),
    });
    expect(past.status).toBe(400);
    expect(past.data.intent).toBe("target");
    expect(past.data.result.error.targetExamDate).toEqual(["Choose a date from today on."]);
    expect(past.data.result.initialValue.targetExamDate).toBe(yesterday);
    const impossible = await call(overviewAction, {
      userId: tutor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: target("2031-02-30", version),
    });
    expect(impossible.status).toBe(400);
    expect(impossible.data.result.error.targetExamDate).toEqual(["Enter a date like 2027-03-14."]);
    expect(impossible.data.result.initialValue.targetExamDate).toBe("2031-02-30");
    // Today itself is allowed.
    const onToday = await call(overviewAction, {
      userId: tutor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: target(today(), version),
    });
    expect(onToday.status).toBe(302);
  });

  it("refuses a stale form, and logs each change with who, before and after", async () => {
    const { caseId, tutor, advisor } = await assignedCase();
    const version = await versionOf(caseId);
    const first = addDays(today(), 70);
    const saved = await call(overviewAction, {
      userId: tutor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: target(first, version),
    });
    expect(saved.status).toBe(302);
    const stale = await call(overviewAction, {
      userId: advisor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: target(addDays(today(), 90), version),
    });
    expect(stale.status).toBe(409);
    expect(stale.data.error).toMatch(/Someone else changed this case/);
    expect(stale.data.result.initialValue.targetExamDate).toBe(addDays(today(), 90));
    expect((await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).targetExamDate).toBe(first);

    // Left blank, the date is cleared.
    const cleared = await call(overviewAction, {
      userId: advisor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: target("", version + 1),
    });
    expect(cleared.status).toBe(302);
    const row = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } });
    expect([row.targetExamDate, row.version]).toEqual([null, version + 2]);

    const log = await prisma.activityLog.findMany({ where: { caseId, action: "case.target_date_set" }, orderBy: { createdAt: "asc" } });
    expect(
      log.map((l) => [l.actorId, l.entity, JSON.parse(l.before ?? "{}").targetExamDate, JSON.parse(l.after ?? "{}").targetExamDate]),
    ).toEqual([
      [tutor.id, "RetakeCase", null, first],
      [advisor.id, "RetakeCase", first, null],
    ]);
  });
});

describe("the student's timeline", () => {
  it("never shows the staff's status note or the reason for a reassignment", async () => {
    const { caseId, advisor, tutor, otherTutor, student } = await assignedCase();
    const note = "Confidential: family bereavement, student asked us not to mention it";
    const reason = "Tutor raised concerns about the student's conduct";
    const reassigned = await call(overviewAction, {
      userId: advisor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: { intent: "assign", caseId, tutorId: otherTutor.id, reason, expectedVersion: String(await versionOf(caseId)) },
    });
    expect(reassigned.status).toBe(302);
    const moved = await call(overviewAction, {
      userId: advisor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: { intent: "status", to: "PLANNING", note, expectedVersion: String(await versionOf(caseId)) },
    });
    expect(moved.status).toBe(302);

    const seen = await call(overviewLoader, { userId: student.userId, path: `/cases/${caseId}`, params: { caseId } });
    expect(seen.status).toBe(200);
    const summaries: string[] = seen.data.timeline.map((e: { summary: string }) => e.summary);
    // The changes themselves are on the timeline…
    expect(summaries).toContain(`Reassigned from ${tutor.name} to ${otherTutor.name}`);
    expect(summaries.some((s) => s.includes("→"))).toBe(true);
    // …but not the staff's words.
    const everything = JSON.stringify(seen.data);
    expect(everything).not.toContain(note);
    expect(everything).not.toContain(reason);
    expect(everything).not.toContain("Step 1 specialist");

    // The words are kept for the staff: the note in the log's details, the reason in the assignment history.
    const logged = await prisma.activityLog.findFirstOrThrow({ where: { caseId, action: "case.status_changed", actorId: advisor.id } });
    expect(JSON.parse(logged.after ?? "{}").note).toBe(note);
    const staff = await call(overviewLoader, { userId: advisor.id, path: `/cases/${caseId}`, params: { caseId } });
    expect(staff.data.assignments.map((a: { reason: string | null }) => a.reason)).toContain(reason);
  });
});

describe("marking a case ready for the exam", () => {
  const ready = async (caseId: string, note?: string) => ({
    intent: "status",
    to: "READY",
    ...(note === undefined ? {} : { note }),
    expectedVersion: String(await versionOf(caseId)),
  });

  it("asks for a reason while the readiness gate is not met, keeps what was typed, and logs the reason", async () => {
    const { caseId, tutor } = await createSchoolWithCase({ takenBy: "tutor", status: "ACTIVE" });
    const post = async (note?: string) =>
      call(overviewAction, { userId: tutor.id, path: `/cases/${caseId}`, params: { caseId }, form: await ready(caseId, note) });

    // The page offers the reason field with how far the gate is.
    const page = await call(overviewLoader, { userId: tutor.id, path: `/cases/${caseId}`, params: { caseId } });
    expect(page.data.readiness).toMatchObject({ applicable: true, met: false, howFar: "2 more CBSSAs needed" });

    for (const note of [undefined, "   ", "ok"]) {
      const refused = await post(note);
      expect(refused.status).toBe(400);
      expect(refused.data.result.error.note).toEqual([
        "The readiness gate is not met (2 more CBSSAs needed). Say why the student is ready for the exam anyway.",
      ]);
      expect(refused.data.to).toBe("READY");
      if (note?.trim()) expect(refused.data.result.initialValue.note).toBe(note);
    }
    expect((await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("ACTIVE");

    const reason = "Two UWorld blocks at 78% and the school's committee approved the date.";
    const done = await post(reason);
    expect(done.status).toBe(302);
    expect((await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("READY");
    const [log] = await prisma.activityLog.findMany({
      where: { caseId, action: "case.status_changed" },
      orderBy: { createdAt: "desc" },
      take: 1,
    });
    expect(log.summary).toBe("Active plan → Ready, with the readiness gate not met");
    expect(log.actorId).toBe(tutor.id);
    expect(JSON.parse(log.after ?? "{}")).toEqual({
      status: "READY",
      outcome: null,
      note: reason,
      readinessGate: "2 more CBSSAs needed",
      readyReason: reason,
    });
  });
});
