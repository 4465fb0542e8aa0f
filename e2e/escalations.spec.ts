import { addBusinessDays, addDays, formatDate, today } from "#app/domain/dates";
import { schoolWithCase, signInAs } from "./data";
import { expect, expectAccessible, hydrated, test } from "./fixtures";

test("a second failure reaches the office, is worked to an outcome, and the tutor is told it", async ({ page }) => {
  // The test's own school: a Step 1 case its tutor has taken, one attempt used.
  const { tutor, advisor, student } = await schoolWithCase({ takenBy: "tutor" });
  // The tutor finds it in their caseload.
  await signInAs(page, tutor);
  await page.goto("/cases?status=DIAGNOSING&exam=STEP1");
  await expect(page.getByRole("heading", { name: "Your caseload" })).toBeVisible();
  const row = page
    .getByRole("row")
    .filter({ hasText: /(^|\D)1 used/ })
    .first();
  const studentLink = row.getByRole("link").first();
  const studentName = ((await studentLink.textContent()) ?? "").trim();
  expect(studentName).toBe(student.name);
  await studentLink.click();
  await expect(page.getByRole("heading", { name: "Attempt history" })).toBeVisible();
  const caseUrl = new URL(page.url()).pathname;

  // Records the second failure, two days ago.
  await hydrated(page);
  const form = page.locator("form#attempt");
  await form.getByLabel("Date taken (first test day)").fill(addDays(today(), -2));
  await form.getByLabel("Result").selectOption("FAIL");
  await form.getByRole("button", { name: "Record the result" }).click();
  await expect(page.getByRole("status").filter({ hasText: "escalated to the school's office" })).toBeVisible();

  // The case's Escalations tab shows it, with its history.
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Escalations" }).click();
  await expect(page).toHaveURL(`${caseUrl}/escalations`);
  const onCase = page.getByRole("article").filter({ hasText: "Second failure" });
  await expect(onCase).toContainText("Opened automatically when the failure was recorded");
  await expect(onCase.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await expectAccessible(page);

  // The advisor sees it in the queue with its due date: the newest, and the first not yet overdue.
  await hydrated(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
  const office = page;
  await signInAs(office, advisor);
  await office.goto("/");
  await office.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Escalations" }).click();
  await expect(office.getByRole("heading", { name: "Escalations", level: 1 })).toBeVisible();
  const dueText = `Acknowledge by ${formatDate(addBusinessDays(today(), 2))}`;
  const queueRows = office.locator("table tbody tr");
  const onTime = office.locator("table tbody tr:not([data-overdue])").first();
  await expect(onTime).toContainText(studentName);
  await expect(onTime).toContainText(dueText);
  // Everything above it is overdue and says so.
  const overdueRows = office.locator("table tbody tr[data-overdue]");
  for (let i = 0; i < (await overdueRows.count()); i++) await expect(overdueRows.nth(i)).toContainText("overdue");
  await expectAccessible(office);

  await hydrated(office);
  await office.getByLabel("Order").selectOption("newest");
  await office.getByRole("button", { name: "Show" }).click();
  await expect(office).toHaveURL(/sort=newest/);
  await expect(queueRows.first()).toContainText(studentName);
  await expect(queueRows.first()).toContainText(dueText);

  // Opens it, acknowledges, records a counselling referral, and resolves with an outcome.
  await queueRows.first().getByRole("link", { name: studentName }).click();
  const detail = office.getByRole("region", { name: "Selected escalation" });
  await expect(detail.getByRole("heading", { name: new RegExp(`${studentName} · Second failure`) })).toBeVisible();
  await expectAccessible(office);
  await hydrated(office);
  await detail.getByRole("button", { name: "Acknowledge" }).click();
  await expect(office.getByRole("status").filter({ hasText: "Escalation acknowledged" })).toBeVisible();
  await expect(detail).toContainText("Status: Open → Acknowledged");
  await expect(detail).toContainText(`Owner: ${advisor.name}`);

  await detail.getByLabel("Action").selectOption({ label: "Counselling referral" });
  await detail.getByLabel("Note (optional)").fill("Referred to student counselling; first appointment booked.");
  await detail.getByRole("button", { name: "Record the action" }).click();
  await expect(office.getByRole("status").filter({ hasText: "Counselling referral recorded" })).toBeVisible();
  await expect(detail).toContainText(`Counselling referral on ${formatDate(today())}`);

  // Resolving without an outcome is refused next to the field.
  await detail.getByRole("button", { name: "Resolve" }).click();
  await expect(detail.getByText("Say what the outcome is")).toBeVisible();
  await expectAccessible(office);
  const outcome = "Counselling under way; the plan is rebuilt over 16 weeks with a committee check-in.";
  await detail.getByLabel("Outcome").fill(outcome);
  await detail.getByRole("button", { name: "Resolve" }).click();
  await expect(office.getByRole("status").filter({ hasText: "Escalation resolved" })).toBeVisible();
  await expect(detail).toContainText(outcome);
  await expect(detail.getByText("Resolved", { exact: true }).first()).toBeVisible();
  await expectAccessible(office);
  await office.getByRole("button", { name: "Sign out" }).click();
  await office.waitForURL(/\/login/);

  // The tutor sees the outcome notification, and marks it read.
  await signInAs(page, tutor);
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /Notifications/ })
    .click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  const told = page.getByRole("listitem").filter({ hasText: `${studentName}: escalation resolved` });
  await expect(told).toContainText(`Outcome: ${outcome}`);
  await expect(told).toContainText("Unread");
  await expect(told.getByRole("link", { name: `${studentName}: escalation resolved` })).toHaveAttribute("href", `${caseUrl}/escalations`);
  await expectAccessible(page);
  await hydrated(page);
  await told.getByRole("button", { name: /Mark as read/ }).click();
  await expect(told).not.toContainText("Unread");
});
