import { addDays, today } from "#app/domain/dates";
import { demoUser, schoolWithCase, signInAs } from "./data";
import { ACCOUNTS, expect, expectAccessible, hydrated, test } from "./fixtures";

const daysAgo = (n: number) => addDays(today(), -n);
const unique = Date.now().toString(36);

async function upload(page: import("@playwright/test").Page, kind: string, name: string, csv: string) {
  await page.getByLabel("The file holds").selectOption(kind);
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Preview" }).click();
}

test("an advisor imports students and their failures from CSV and finds them among the at-risk students", async ({ page }) => {
  // The test's own school: the at-risk count it checks is no other test's business.
  const { advisor } = await schoolWithCase();
  await signInAs(page, advisor);
  await page.goto("/office");
  await expect(page.getByRole("heading", { name: "Office dashboard" })).toBeVisible();
  const atRisk = page.getByRole("link", { name: /At-risk students/ });
  const before = Number((await atRisk.locator("p").first().textContent())?.trim());
  await expectAccessible(page);

  await page.goto("/office/import");
  await hydrated(page);
  const students = (email2: string) =>
    [
      "student_id,email,name,graduation_year",
      `E2E-${unique}-1,e2e1-${unique}@students.example.edu,Imported One ${unique},2027`,
      `E2E-${unique}-2,${email2},Imported Two ${unique},2027`,
    ].join("\n");
  await upload(page, "STUDENTS", "students.csv", students("not-an-email"));
  const problems = page.getByRole("table").filter({ hasText: "Problem" });
  // The row at fault shows the offending value under its own heading.
  await expect(problems.getByRole("columnheader")).toHaveText(["Row", "Column", "Value", "Problem"]);
  const problem = problems.getByRole("row").nth(1).getByRole("cell");
  await expect(problem).toHaveText(["3", "email", "not-an-email", "Enter a valid email address."]);
  await expectAccessible(page);

  await upload(page, "STUDENTS", "students.csv", students(`e2e2-${unique}@students.example.edu`));
  await expect(page.getByText("All 2 rows are valid: 2 new")).toBeVisible();
  // While the commit runs (held here until the page has been looked at), the button and the page say it is working.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const importAction = (url: URL) => url.pathname === "/office/import.data";
  await page.route(importAction, async (route) => {
    if (route.request().method() === "POST" && route.request().postData()?.includes("intent=commit")) await held;
    await route.continue();
  });
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByRole("button", { name: "Importing…" })).toBeDisabled();
  await expect(page.getByRole("status").filter({ hasText: "Importing 2 rows; this can take a few seconds." })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Import in progress" })).toBeVisible();
  await expectAccessible(page);
  release();
  await expect(page.getByRole("status").filter({ hasText: "Students imported" })).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await page.unroute(importAction);

  // Each of them failed Step 1 twice: a second failure escalates and makes them high risk.
  await hydrated(page);
  const attempts = [
    "student_id,exam,taken_on,outcome,score",
    ...[1, 2].flatMap((i) => [`E2E-${unique}-${i},Step 1,${daysAgo(200)},fail,`, `E2E-${unique}-${i},Step 1,${daysAgo(20)},fail,`]),
  ].join("\n");
  await upload(page, "ATTEMPTS", "attempts.csv", attempts);
  await expect(page.getByText("All 4 rows are valid: 4 new")).toBeVisible();
  await page.getByRole("button", { name: "Import 4 rows" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Exam attempts imported" })).toBeVisible();

  await page.goto("/office");
  await expect(atRisk.locator("p").first()).toHaveText(String(before + 2));
  await atRisk.click();
  await expect(page).toHaveURL(/risk=HIGH/);
  for (const i of [1, 2]) await expect(page.getByRole("link", { name: `Imported ${i === 1 ? "One" : "Two"} ${unique}` })).toBeVisible();
});

test("a student downloads their own record", async ({ page }) => {
  // Reading only: the demo student, with a whole story on record.
  await signInAs(page, await demoUser(ACCOUNTS.student));
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your record" }).click();
  await expect(page.getByRole("heading", { name: "Your record", level: 1 })).toBeVisible();
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download your record/ }).click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const record = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  expect(record.student[0].email).toBe(ACCOUNTS.student);
  expect(record.attempts.length).toBeGreaterThan(0);
  expect(record.plans.length).toBeGreaterThan(0);
});

test("the dashboard's figures open the lists they count, and its charts tell statuses apart by pattern too", async ({ page }) => {
  // Reading only: the demo office, with cases in every status.
  await signInAs(page, await demoUser(ACCOUNTS.advisor));
  await page.goto("/office");
  await hydrated(page);
  // Every status in the workload chart has its own pattern, and the chart keeps its table.
  const workload = page.getByRole("region", { name: "Tutor workload" });
  await expect(workload.locator("svg pattern")).toHaveCount(4);
  await expect(workload.getByRole("table")).toBeVisible();
  // Gains on different scales are never on one chart.
  const gainHeadings = page.getByRole("heading", { name: /Median practice-score gain per week, by plan template/ });
  expect(await gainHeadings.count()).toBeGreaterThan(0);
  for (const text of await gainHeadings.allTextContents()) {
    expect(text).toMatch(/by plan template: (percent correct|three-digit score|assessment score|cbse scaled score)/);
  }
  await expect(page.getByText("first-retake")).toHaveCount(0);

  const soon = page.getByRole("link", { name: /Exams in the next 30 days/ });
  const count = Number((await soon.locator("p").first().textContent())?.trim());
  await soon.click();
  await expect(page).toHaveURL(/examWithin=30/);
  await expect(page.getByLabel("Exam date")).toHaveValue("30");
  await expect(page.getByText(new RegExp(`^${count} cases? match`))).toBeVisible();

  await page.goto("/office");
  await page.getByRole("link", { name: /Overdue escalations/ }).click();
  await expect(page).toHaveURL(/overdue=1/);
  await expect(page.getByLabel("Only overdue escalations")).toBeChecked();
  await expectAccessible(page);
});
