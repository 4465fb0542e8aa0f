import { addDays, today } from "#app/domain/dates";
import { demoUser, schoolWithCase, signInAs } from "./data";
import { ACCOUNTS, expect, expectAccessible, hydrated, test } from "./fixtures";

test("a tutor takes a case from the queue, finds it in the caseload, opens it and records an attempt", async ({ page }) => {
  const { tutor, student } = await schoolWithCase();
  const studentName = student.name;
  await signInAs(page, tutor);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Intake queue" }).click();
  await expect(page.getByRole("heading", { name: "Intake queue", level: 1 })).toBeVisible();
  await expectAccessible(page);

  const item = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: new RegExp(`^${studentName} · `) }) })
    .filter({ has: page.getByRole("button", { name: /Take on/ }) });
  await hydrated(page);
  await item.getByRole("button", { name: /Take on/ }).click();
  await expect(page).toHaveURL(/\/cases\/[\w-]+$/);
  await expect(page.getByRole("status").filter({ hasText: `You took on ${studentName}'s case` })).toBeVisible();
  const caseUrl = new URL(page.url()).pathname;

  // Find the case in the caseload with a search and a status filter; the state lives in the URL.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Caseload" }).click();
  await expect(page.getByRole("heading", { name: "Your caseload" })).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Search by name or email").fill(studentName);
  await page.getByRole("checkbox", { name: "Diagnosing" }).check();
  await expect(page).toHaveURL(/status=DIAGNOSING/);
  await expect(page).toHaveURL(/q=/);
  const row = page.getByRole("row").filter({ hasText: studentName });
  await expect(row).toHaveCount(1);
  await expectAccessible(page);

  // The filtered view survives a reload.
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: studentName })).toHaveCount(1);
  await expect(page.getByLabel("Search by name or email")).toHaveValue(studentName);

  await page.getByRole("link", { name: studentName }).click();
  await expect(page).toHaveURL(caseUrl);
  await expect(page.getByRole("heading", { name: "Attempt history" })).toBeVisible();
  await expectAccessible(page);
  const attemptRows = page.getByRole("table").first().getByRole("row");
  const before = await attemptRows.count();

  // Record an incomplete attempt from two days ago; the overview shows it.
  await hydrated(page);
  const twoDaysAgo = addDays(today(), -2);
  const form = page.locator("form#attempt");
  await form.getByLabel("Date taken (first test day)").fill(twoDaysAgo);
  await form.getByLabel("Result").selectOption("INCOMPLETE");
  await form.getByRole("button", { name: "Record the result" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Result recorded" })).toBeVisible();
  await expect(attemptRows).toHaveCount(before + 1);
  await expect(page.getByRole("table").first()).toContainText("Incomplete (no result)");
  await expect(page.getByText("Recorded Step", { exact: false }).first()).toBeVisible();
});

test("a bad result keeps what was typed and says what is wrong next to the field", async ({ page }) => {
  // Refused, so nothing changes: the demo advisor will do.
  await signInAs(page, await demoUser(ACCOUNTS.advisor));
  await page.goto("/attempts/new");
  await hydrated(page);
  await page.getByLabel("Student (email or student number)").fill("nobody@example.edu");
  await page.getByLabel("Date taken (first test day)").fill("2026-01-10");
  await page.getByLabel("Three-digit score (optional)").fill("205");
  await page.getByRole("button", { name: "Record the result" }).click();
  await expect(page.getByText("No student of your school has that email or student number.")).toBeVisible();
  await expect(page.getByLabel("Student (email or student number)")).toHaveValue("nobody@example.edu");
  await expect(page.getByLabel("Three-digit score (optional)")).toHaveValue("205");
});
