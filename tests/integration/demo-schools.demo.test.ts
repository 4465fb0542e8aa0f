/**
 * The demo data's two schools: each office sees its own students only, each
 * story ends by today, and the first start has no mail left to send. The file
 * starts on the seeded demo database (its name ends in `.demo.test.ts`: ADR 0007).
 */
import { describe, expect, it } from "vitest";
import { today } from "#app/domain/dates";
import { loader as caseLoader } from "#app/routes/app/cases/case";
import { loader as caseloadLoader } from "#app/routes/app/cases/index";
import { prisma } from "#app/utils/db.server";
import { DEMO_ACCOUNTS } from "../../prisma/seed";
import { call } from "../utils/route";

const idOf = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

describe("demo data", () => {
  it("has a second, small school whose people and cases the first school's staff cannot reach, and the reverse", async () => {
    const riverside = await prisma.school.findUniqueOrThrow({ where: { slug: "riverside" }, select: { id: true } });
    const northfield = await prisma.school.findUniqueOrThrow({ where: { slug: "northfield" }, select: { id: true } });
    const members = await prisma.membership.groupBy({ by: ["role"], where: { schoolId: riverside.id }, _count: { _all: true } });
    expect(Object.fromEntries(members.map((m) => [m.role, m._count._all]))).toEqual({ ADMIN: 1, ADVISOR: 1, TUTOR: 1, STUDENT: 4 });
    for (const account of DEMO_ACCOUNTS) {
      const user = await prisma.user.findUniqueOrThrow({
        where: { email: account.email },
        select: { memberships: { select: { schoolId: true, role: true } } },
      });
      expect(user.memberships).toEqual([{ schoolId: account.school === "riverside" ? riverside.id : northfield.id, role: account.role }]);
    }
    const riversideCases = await prisma.retakeCase.findMany({ where: { schoolId: riverside.id }, select: { id: true } });
    const northfieldCase = await prisma.retakeCase.findFirstOrThrow({ where: { schoolId: northfield.id }, select: { id: true } });
    expect(riversideCases.length).toBeGreaterThanOrEqual(3);
    expect(await prisma.escalation.count({ where: { schoolId: riverside.id, status: { not: "RESOLVED" } } })).toBeGreaterThan(0);

    // Each advisor's caseload holds their school's cases only.
    const riversideAdvisor = await idOf("advisor@riverside.edu");
    const northfieldAdvisor = await idOf("advisor@northfield.edu");
    const theirs = JSON.stringify((await call(caseloadLoader, { userId: riversideAdvisor, path: "/cases?size=100" })).data);
    for (const c of riversideCases) expect(theirs).toContain(c.id);
    expect(theirs).not.toContain(northfieldCase.id);
    const ours = JSON.stringify((await call(caseloadLoader, { userId: northfieldAdvisor, path: "/cases?size=100" })).data);
    for (const c of riversideCases) expect(ours).not.toContain(c.id);
    // And a case of the other school is refused.
    expect(
      await call(caseLoader, {
        userId: northfieldAdvisor,
        path: `/cases/${riversideCases[0].id}`,
        params: { caseId: riversideCases[0].id },
      }),
    ).toMatchObject({
      thrown: true,
      status: 403,
    });
    expect(
      await call(caseLoader, {
        userId: await idOf("tutor@riverside.edu"),
        path: `/cases/${northfieldCase.id}`,
        params: { caseId: northfieldCase.id },
      }),
    ).toMatchObject({ thrown: true, status: 403 });

    // The story ends today at the latest.
    const latest = await prisma.examAttempt.findFirstOrThrow({
      where: { schoolId: riverside.id },
      orderBy: { takenOn: "desc" },
      select: { takenOn: true },
    });
    expect(latest.takenOn <= today()).toBe(true);
    expect(await prisma.practiceExam.count({ where: { takenOn: { gt: today() } } })).toBe(0);
    // The story's mail went out when it happened: nothing is waiting, and no body is kept.
    expect(await prisma.outboxMessage.count({ where: { status: { not: "SENT" } } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { NOT: { text: "" } } })).toBe(0);
  }, 90_000);
});
