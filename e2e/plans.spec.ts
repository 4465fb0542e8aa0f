import { readFileSync } from "node:fs";
import { addDays, startOfIsoWeek, today } from "#app/domain/dates";
import { schoolWithStory, signInAs } from "./data";
import { expect, expectAccessible, hydrated, test } from "./fixtures";

/** The Monday after today (or today when it is Monday), as the builder suggests: the Monday starting the week of today + 6. */
const nextMonday = () => startOfIsoWeek(addDays(today(), 6));

test("a tutor builds, edits and assigns a plan, adjusts it with a reason and compares versions", async ({ page }) => {
  // The test's own school: a case diagnosed and in planning.
  const { tutor, student } = await schoolWithStory("PLANNING");
  await signInAs(page, tutor);
  await page.goto("/cases?status=PLANNING");
  const row = page.getByRole("row").nth(1);
  const studentName = ((await row.getByRole("link").first().textContent()) ?? "").trim();
  expect(studentName).toBe(student.name);
  await row.getByRole("link", { name: studentName }).click();
  await expect(page.getByRole("heading", { name: "Attempt history" })).toBeVisible();
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Plan" }).click();
  await expect(page.getByRole("heading", { name: "Build a plan from the diagnosis" })).toBeVisible();
  await expectAccessible(page);

  // Step 1: the inputs; an exam date before the start is refused next to the field, keeping what was typed.
  await hydrated(page);
  const start = nextMonday();
  await page.getByLabel("Start date").fill(start);
  await page.getByLabel("Target exam date").fill(addDays(start, -2));
  await page.getByRole("button", { name: "Propose a plan" }).click();
  await expect(page.getByText("The exam date must be after the start date")).toBeVisible();
  await expect(page.getByLabel("Start date")).toHaveValue(start);

  const exam = addDays(start, 58);
  await page.getByLabel("Target exam date").fill(exam);
  await page.getByLabel("Study hours per day").fill("8");
  await page.getByLabel("Protected rest day").selectOption({ label: "Sunday" });
  await page.getByLabel("Question banks and resources used before").fill("UWorld, First Aid");
  await page.getByRole("button", { name: "Propose a plan" }).click();
  await expect(page.getByRole("heading", { name: "Step 2: edit the proposal and assign it" })).toBeVisible();
  await expectAccessible(page);

  // Step 2: edit the proposal (rename a focus area, add a custom milestone), then assign it.
  await hydrated(page);
  const firstFocus = page.getByRole("group", { name: "Focus area 1" });
  const focusName = firstFocus.getByLabel("Name");
  const original = await focusName.inputValue();
  await focusName.fill(`${original} (first two weeks)`);
  const milestones = page.getByRole("group", { name: /^Milestone \d+$/ });
  const milestoneCount = await milestones.count();
  await page.getByRole("button", { name: "Add a milestone" }).click();
  // The new row is there before anything is typed into "the last" one.
  await expect(milestones).toHaveCount(milestoneCount + 1);
  const custom = milestones.last();
  await custom.getByLabel("Label").fill("Simulated test day");
  await custom.getByLabel("Date").fill(addDays(start, 40));
  await page.getByRole("button", { name: "Assign the plan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Plan assigned" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Plan in force: version 1" })).toBeVisible();
  await expect(page.getByRole("cell", { name: `${original} (first two weeks)`, exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Simulated test day", exact: true })).toBeVisible();
  await expectAccessible(page);

  // Adjust: a new version with a reason; the old one stays in the history.
  await hydrated(page);
  await page.getByText("Edit a new version").click();
  const editor = page.locator("form#plan-editor-adjust");
  await editor.getByLabel("Study hours per day").fill("9");
  await editor.getByLabel("Reason for this version").fill("Baseline practice exam below target: one more hour a day.");
  await editor.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Version 2 saved" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Plan in force: version 2" })).toBeVisible();
  const versions = page.getByRole("region", { name: "Versions" });
  await expect(versions.getByRole("row")).toHaveCount(3);
  await expect(versions.getByText("Baseline practice exam below target: one more hour a day.")).toBeVisible();

  // Compare any two versions: the changes read in words, by section.
  await hydrated(page);
  await versions.getByLabel("From").selectOption("2");
  await versions.getByLabel("To").selectOption("1");
  await versions.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/from=2&to=1/);
  await expect(versions.getByText("From version 2 to version 1")).toBeVisible();
  await expect(versions.getByText("Study hours per day: 9 → 8")).toBeVisible();
  await expect(versions.getByRole("heading", { name: "Weekly rhythm" })).toBeVisible();
});

test("the student sees the week, sends a check-in and downloads the calendar", async ({ page }) => {
  // The test's own school: a Step 1 plan in force for weeks, with check-ins and practice exams.
  const { tutor, student } = await schoolWithStory("ACTIVE", { trend: "RISING" });
  await signInAs(page, student);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Your Step 1 plan" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^This week: week \d+ of \d+$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Next milestones" })).toBeVisible();
  await expect(page.getByText(/days? to your Step 1 exam/)).toBeVisible();
  await expectAccessible(page);

  // The weekly check-in, with an error first: kept values, a message next to the field.
  await hydrated(page);
  const form = page.locator("form[id^='checkin-form-']");
  await form.getByLabel("Week").selectOption({ index: 0 });
  await form.getByLabel("Questions done").fill("340");
  await form.getByLabel("Percent correct").fill("140");
  await form.getByLabel("Hours studied").fill("41.5");
  await form.getByLabel("3 · Okay").check();
  await form.getByLabel(/Anything you want your tutor to know/).fill("Pharmacology is finally clicking.");
  await form.getByRole("button", { name: /check-in/i }).click();
  await expect(form.getByText("Enter a percent from 0 to 100")).toBeVisible();
  await expect(form.getByLabel("Questions done")).toHaveValue("340");
  await expectAccessible(page);
  await form.getByLabel("Percent correct").fill("68");
  await form.getByRole("button", { name: /check-in/i }).click();
  await expect(page.getByRole("status").filter({ hasText: /Check-in (sent|updated)/ })).toBeVisible();

  // The calendar file: every milestone and the exam day, stable UIDs.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Add milestones and exam day to your calendar (.ics)" }).first().click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("retake-plan-step-1.ics");
  const ics = readFileSync((await download.path()) as string, "utf8");
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toMatch(/UID:[\w-]+-baseline@retake-desk/);
  expect(ics).toMatch(/UID:[\w-]+-exam@retake-desk/);

  // The Plan tab and the print-friendly page.
  await page.getByRole("link", { name: "The whole plan" }).click();
  await expect(page.getByRole("heading", { name: "Your plan", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: /The whole plan \(version \d+\)/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Print-friendly plan" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: `${student.name} · Step 1` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Weekly rhythm" })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print this plan" })).toBeHidden();

  // The tutor sees the check-in on the case's Plan tab.
  await page.emulateMedia({ media: "screen" });
  const planUrl = new URL(page.url()).pathname.replace(/\/print$/, "");
  await page.context().clearCookies();
  await signInAs(page, tutor);
  await page.goto(planUrl);
  const checkIns = page.getByRole("region", { name: "Weekly check-ins" });
  await expect(checkIns.getByText("Pharmacology is finally clicking.")).toBeVisible();
  await expect(checkIns.getByRole("row").nth(1)).toContainText("68%");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the office proposes and assigns a plan with plain forms", async ({ page }) => {
    const { advisor, student } = await schoolWithStory("PLANNING");
    await signInAs(page, advisor);
    await page.goto("/cases?status=PLANNING");
    await page.getByRole("row").nth(1).getByRole("link", { name: student.name }).click();
    await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Plan" }).click();
    const start = nextMonday();
    await page.getByLabel("Start date").fill(start);
    await page.getByLabel("Target exam date").fill(addDays(start, 60));
    await page.getByRole("button", { name: "Propose a plan" }).click();
    await expect(page.getByRole("heading", { name: "Step 2: edit the proposal and assign it" })).toBeVisible();
    // The page streams in: count the rows and press a button only once the whole form has arrived.
    await page.waitForLoadState("load");
    // A list intent goes through the server and comes back with the new row.
    const resources = page.getByRole("group", { name: /^Resource \d+$/ });
    const resourceCount = await resources.count();
    await page.getByRole("button", { name: "Add a resource" }).click();
    // Without JavaScript the page comes back from the server: wait for it before typing into "the last" row.
    await expect(resources).toHaveCount(resourceCount + 1);
    await page.waitForLoadState("load");
    const added = resources.last();
    await added.getByLabel("Name").fill("Boards and Beyond renal videos");
    await added.getByLabel("Why").fill("Short videos for the weakest system.");
    await page.getByRole("button", { name: "Assign the plan" }).click();
    await expect(page.getByRole("heading", { name: "Plan in force: version 1" })).toBeVisible();
    await expect(page.getByText("Boards and Beyond renal videos", { exact: true })).toBeVisible();
  });
});
