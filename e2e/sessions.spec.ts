import { addDays, today } from "#app/domain/dates";
import { schoolWithCase, signInAs } from "./data";
import { expect, expectAccessible, hydrated, test } from "./fixtures";

test("a tutor previews a case from the queue, takes it on, records a session with next steps and a no-show, and sees the next steps on home", async ({
  page,
}) => {
  test.slow();
  const { tutor, student } = await schoolWithCase();
  await signInAs(page, tutor);

  // The queue offers a read-only preview before the tutor commits to the case.
  await page.goto("/queue");
  await expect(page.getByRole("heading", { name: "Intake queue", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: `Preview ${student.name}'s case` }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${student.name} · `) })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Attempt history" })).toBeVisible();
  await expectAccessible(page);

  await hydrated(page);
  await page.getByRole("button", { name: `Take on ${student.name}` }).click();
  await expect(page).toHaveURL(/\/cases\/[\w-]+$/);
  await expect(page.getByRole("status").filter({ hasText: `You took on ${student.name}'s case` })).toBeVisible();

  // A meeting with two next steps.
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Session notes" }).click();
  await expect(page.getByRole("heading", { name: "Record a session" })).toBeVisible();
  await hydrated(page);
  const record = page.locator("form#session-new");
  await record.getByLabel("Kind").selectOption("MEETING");
  await record.getByLabel("Date").fill(addDays(today(), -1));
  await record.getByLabel("Duration (minutes)").fill("45");
  await record.getByLabel("Attendance").selectOption("ON_TIME");
  await record.getByLabel("Summary").fill("Went through the score report; set up the first week.");
  const firstDue = addDays(today(), 3);
  await record.getByLabel("Step 1", { exact: true }).fill("Book the baseline CBSSA");
  await record.getByLabel("Step 1 due on").fill(firstDue);
  await record.getByLabel("Step 2", { exact: true }).fill("Send the weekly schedule");
  await record.getByLabel("Step 2 due on").fill(addDays(today(), 5));
  await record.getByRole("button", { name: "Record the session" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Session recorded" })).toBeVisible();
  const sessions = page.getByRole("region", { name: "Sessions" });
  await expect(sessions).toContainText("Book the baseline CBSSA");

  // The student did not come to the next one.
  await hydrated(page);
  await record.getByLabel("Kind").selectOption("NO_SHOW");
  await record.getByLabel("Date").fill(today());
  await record.getByRole("button", { name: "Record the session" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Session recorded" })).toBeVisible();
  await expect(sessions).toContainText("No-show");
  await expectAccessible(page);

  // The next steps wait on the tutor's home, soonest first.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  const nextSteps = page.getByRole("region", { name: "Next steps from your sessions" });
  await expect(nextSteps.getByRole("listitem")).toHaveCount(2);
  await expect(nextSteps.getByRole("listitem").first()).toContainText("Book the baseline CBSSA");
  await expect(nextSteps.getByRole("listitem").first()).toContainText(student.name);
  await expectAccessible(page);
});
