/**
 * The case layout's middleware checks a case's access once per request
 * (ADR 0015): the layout and every tab of the request share the answer, and a
 * refusal shows inside the app's shell.
 */
import { describe, expect, it } from "vitest";
import { onQuery } from "#app/utils/db.server";
import { createSchoolWithCase } from "../factories";
import { dataUrl, request, signIn } from "../utils/app";

/** The access check's read of the case: the one query that selects the case's row with its student's user. */
const isAccessRead = (sql: string) => /FROM `main`\.`RetakeCase`/.test(sql) && /`openSlot`/.test(sql) && /`targetExamDate`/.test(sql);

async function accessReads(run: () => Promise<Response>): Promise<{ reads: number; response: Response }> {
  const queries: string[] = [];
  const stop = onQuery((event) => queries.push(event.query));
  try {
    const response = await run();
    await response.text();
    return { reads: queries.filter(isAccessRead).length, response };
  } finally {
    stop();
  }
}

describe("the case's access check", () => {
  it("runs once per request, for the page and for a client navigation's data", async () => {
    const { caseId, advisor } = await createSchoolWithCase();
    const cookie = await signIn(advisor.id);
    for (const url of [`/cases/${caseId}/notes`, dataUrl(`/cases/${caseId}/notes`), dataUrl(`/cases/${caseId}`)]) {
      const { reads, response } = await accessReads(() => request(url, { cookie }));
      expect(response.status, url).toBe(200);
      expect(reads, url).toBe(1);
    }
  });

  it("shows a refusal of another school's staff inside the app's shell", async () => {
    const { caseId } = await createSchoolWithCase();
    const elsewhere = await createSchoolWithCase();
    const cookie = await signIn(elsewhere.advisor.id);
    const response = await request(`/cases/${caseId}/notes`, { cookie });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain("Not allowed");
    expect(html).toContain("This case is not yours to open.");
    // The app's navigation is still there.
    expect(html).toContain("Caseload");
  });
});
