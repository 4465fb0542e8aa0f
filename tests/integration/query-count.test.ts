import { beforeAll, describe, expect, it } from "vitest";
import { loader as caseloadLoader } from "#app/routes/app/cases/index";
import { loader as layoutLoader } from "#app/routes/app/layout";
import { loader as queueLoader } from "#app/routes/app/queue/index";
import { bulkSchool } from "../../bench/large-school";
import { createSchool, createUser } from "../factories";
import { countCall } from "../utils/queries";
import { call } from "../utils/route";

async function schoolOf(size: number) {
  const school = await createSchool();
  const tutor = await createUser({ schoolId: school.id, role: "TUTOR" });
  const advisor = await createUser({ schoolId: school.id, role: "ADVISOR" });
  await bulkSchool({ cases: size, tutorId: tutor.id, schoolId: school.id, practicePerCase: 2 });
  return { tutor, advisor };
}

describe("queries per page do not grow with the school", () => {
  // Built once: the tests only read them.
  let small: Awaited<ReturnType<typeof schoolOf>>;
  let large: Awaited<ReturnType<typeof schoolOf>>;
  beforeAll(async () => {
    small = await schoolOf(10);
    large = await schoolOf(1000);
  });

  it("issues the same number of queries for 10 cases as for 1,000 on the tutor's and the office's case lists", async () => {
    for (const path of ["/cases", "/cases?size=100&sort=risk&dir=desc", "/cases?q=Bulk&exam=STEP1&status=ACTIVE&status=INTAKE"]) {
      for (const role of ["tutor", "advisor"] as const) {
        const a = await countCall(() => call(caseloadLoader, { userId: small[role].id, path }));
        const b = await countCall(() => call(caseloadLoader, { userId: large[role].id, path }));
        expect(a, `${role} ${path}`).toBeGreaterThan(0);
        expect(b, `${role} ${path}`).toBe(a);
      }
    }
    for (const loader of [queueLoader, layoutLoader]) {
      for (const role of ["tutor", "advisor"] as const) {
        const a = await countCall(() => call(loader, { userId: small[role].id, path: "/queue" }));
        const b = await countCall(() => call(loader, { userId: large[role].id, path: "/queue" }));
        expect(b).toBe(a);
      }
    }
    // The large school's queue really holds a hundred cases, shown a page at a time.
    const queue = await call(queueLoader, { userId: large.tutor.id, path: "/queue" });
    expect(queue.data.total).toBe(100);
    expect(queue.data.cases).toHaveLength(30);
  });

  it("returns the large school's page with the right total", async () => {
    const page = await call(caseloadLoader, { userId: large.advisor.id, path: "/cases?size=50&page=3" });
    expect(page.data.total).toBe(1000);
    expect(page.data.rows).toHaveLength(50);
    expect(page.data.pageCount).toBe(20);
  });
});
