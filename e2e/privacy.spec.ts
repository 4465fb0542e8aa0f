import type { Page } from "@playwright/test";
import { addDays, startOfIsoWeek, today } from "#app/domain/dates";
import { schoolWithCase, signInAs } from "./data";
import { expect, expectAccessible, hydrated, test } from "./fixtures";

const stamp = Date.now().toString(36);
const EVIDENCE = `Worried about the fee for moving the exam (${stamp}).`;
/** Every trace the private finding could leave: its words, the measure it calls for, its kind. */
const TRACES = [EVIDENCE, stamp, "Financial-aid referral", "Money worries", "financial-aid office", "Finances", "FINANCES"];

async function expectNoTrace(page: Page, where: string) {
  const html = await page.content();
  for (const trace of TRACES) expect(html, `${where} shows "${trace}"`).not.toContain(trace);
}

test("a tutor's private finding shapes the plan they assign, and the student's plan, record and download show no trace of it", async ({
  page,
  newPage,
}) => {
  // A case of the test's own school, taken on by its tutor.
  const { caseId, tutor, student: person } = await schoolWithCase({ takenBy: "tutor" });
  const casePath = `/cases/${caseId}`;
  const studentEmail = person.email;
  await signInAs(page, tutor);
  await page.goto(casePath);

  // A finding about money worries, private to the tutor.
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Diagnostics" }).click();
  await hydrated(page);
  const form = page.locator("form#finding-new");
  await form.getByLabel("Kind").selectOption("FINANCES");
  await form.getByLabel("Severity").selectOption("2");
  await form.getByLabel("Evidence").fill(EVIDENCE);
  await form.getByRole("radio", { name: /Private to me/ }).check();
  await form.getByRole("button", { name: "Add the finding" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Finding recorded" })).toBeVisible();

  // The plan proposed from the diagnosis includes the measure it calls for, and says who will see it.
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Plan" }).click();
  await expect(page.getByRole("heading", { name: "Build a plan from the diagnosis" })).toBeVisible();
  await hydrated(page);
  const start = startOfIsoWeek(addDays(today(), 6));
  await page.getByLabel("Start date").fill(start);
  await page.getByLabel("Target exam date").fill(addDays(start, 58));
  await page.getByLabel("Study hours per day").fill("8");
  await page.getByLabel("Protected rest day").selectOption({ label: "Sunday" });
  await page.getByRole("button", { name: "Propose a plan" }).click();
  await expect(page.getByRole("heading", { name: "Step 2: edit the proposal and assign it" })).toBeVisible();
  const notice = page.getByRole("note").filter({ hasText: "The student will not see these measures" });
  await expect(notice).toContainText("Financial-aid referral (only you)");
  await expectAccessible(page);
  await hydrated(page);
  await page.getByRole("button", { name: "Assign the plan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Plan assigned" })).toBeVisible();
  const measures = page.getByRole("region", { name: "Plan in force: version 1" });
  await expect(measures.getByText("Financial-aid referral")).toBeVisible();
  await expect(measures.getByText("Only you see this measure: it answers a finding private to you.")).toBeVisible();

  // The student: home, plan, print view, record page and the downloaded record.
  const student = await newPage();
  await signInAs(student, person);
  await student.goto("/");
  await expect(student.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoTrace(student, "the student's home");
  await student.goto(`${casePath}/plan`);
  await expect(student.getByRole("heading", { name: /The whole plan \(version 1\)/ })).toBeVisible();
  // The only measure was the one the private finding called for: the student's plan has none to show.
  await expect(student.getByRole("heading", { name: "Well-being and strategy measures" })).toHaveCount(0);
  await expectNoTrace(student, "the student's plan");
  await expectAccessible(student);
  await student.goto(`${casePath}/plan/print`);
  await expectNoTrace(student, "the student's printed plan");
  await student.goto("/me/record");
  await expect(student.getByRole("heading", { name: "Your record", level: 1 })).toBeVisible();
  await expectNoTrace(student, "the student's record page");
  await expectAccessible(student);
  const [download] = await Promise.all([
    student.waitForEvent("download"),
    student.getByRole("link", { name: /Download your record/ }).click(),
  ]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const downloaded = Buffer.concat(chunks).toString("utf8");
  const record = JSON.parse(downloaded);
  expect(record.student[0].email).toBe(studentEmail);
  expect(record.plans.length).toBeGreaterThan(0);
  for (const trace of TRACES) expect(downloaded, `the downloaded record shows "${trace}"`).not.toContain(trace);
});

test("refusals and error pages from the production server carry the security headers", async ({ request, baseURL }) => {
  const origin = baseURL as string;
  const responses = {
    "an unknown page": await request.get("/no/such/page"),
    "a POST from another site": await request.post("/login", {
      form: { email: "x@example.edu" },
      headers: { Origin: "https://evil.example" },
    }),
    "a JSON body": await request.post("/login", { data: { email: "x@example.edu" }, headers: { Origin: origin } }),
    "a field sent twice": await request.post("/login", {
      headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
      data: "email=a%40example.edu&email=b%40example.edu&password=x",
    }),
  };
  const statuses = Object.fromEntries(Object.entries(responses).map(([what, r]) => [what, r.status()]));
  expect(statuses).toEqual({ "an unknown page": 404, "a POST from another site": 403, "a JSON body": 415, "a field sent twice": 400 });
  for (const [what, response] of Object.entries(responses)) {
    const headers = response.headers();
    expect(headers["x-content-type-options"], what).toBe("nosniff");
    expect(headers["x-frame-options"], what).toBe("DENY");
    expect(headers["referrer-policy"], what).toBe("same-origin");
    expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  }
});
