import { schoolWithStory, signInAs } from "./data";
import { expect, expectAccessible, hydrated, test } from "./fixtures";

/**
 * The Progress tab: the student logs a CBSSA for themself, the tutor sees it on
 * the chart, and the projection and the readiness gate move with it.
 */
test("a student logs a CBSSA; the tutor sees the chart, the projection and the gate update", async ({ newPage }) => {
  // The test's own school: a Step 1 case some weeks into its plan, with a rising CBSSA series.
  const setup = await schoolWithStory("ACTIVE", { trend: "RISING" });
  const student = await newPage();
  const tutor = await newPage();
  // Hydration mismatches and script errors would show up here.
  const errors: string[] = [];
  for (const page of [student, tutor]) {
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
  }

  // The student finds their case from home and opens the Progress tab.
  await signInAs(student, setup.student);
  await student.goto("/");
  await student
    .getByRole("link", { name: /Step 1/ })
    .first()
    .click();
  await student.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Progress" }).click();
  await expect(student).toHaveURL(/\/cases\/[\w-]+\/progress$/);
  const progressPath = new URL(student.url()).pathname;
  await expect(student.getByRole("heading", { name: "Your practice-exam trajectory" })).toBeVisible();
  await expect(
    student.locator('[data-testid="trajectory-chart"] svg.recharts-surface:has(.recharts-cartesian-grid)').first(),
  ).toBeVisible();
  await expectAccessible(student);

  // The student's tutor opens the same tab: the chart draws in the browser.
  await signInAs(tutor, setup.tutor);
  await tutor.goto(progressPath);
  await expect(tutor.getByRole("heading", { name: "Trajectory", exact: true })).toBeVisible();
  const percentChart = tutor.locator('[data-scale-family="PERCENT"]');
  await expect(percentChart.locator("svg.recharts-surface:has(.recharts-cartesian-grid)")).toBeVisible();
  await expect(percentChart.locator(".recharts-line").first()).toBeVisible();
  const summaryBefore = (await percentChart.locator("p").first().textContent()) ?? "";
  expect(summaryBefore).toMatch(/^CBSSA: /);
  const gateBefore = (await tutor.getByTestId("readiness-rules").textContent()) ?? "";
  await expectAccessible(tutor);

  // The table alternative and the summary are in the server's HTML, before any script runs.
  const html = await (await tutor.request.get(progressPath)).text();
  expect(html).toContain("Percent correct: practice exam scores");
  expect(html).toMatch(/<table[^>]*class="data-table"/);
  expect(html).toContain("CBSSA: projected");
  expect(html).not.toContain("recharts-surface");

  // A score off the scale is refused next to the field and kept.
  await hydrated(student);
  const form = student.locator("form#practice-log");
  await expect(form.getByLabel("Practice exam")).toHaveValue("NBME_CBSSA");
  await form.getByLabel("Form", { exact: true }).selectOption("Form 33");
  await form.getByLabel("Score").fill("101");
  await form.getByRole("button", { name: "Log the score" }).click();
  await expect(form.getByText("CBSSA scores run from 0 to 100%")).toBeVisible();
  await expect(form.getByLabel("Score")).toHaveValue("101");
  await expectAccessible(student);

  // A real score: the likely range is worked out, the score is logged and charted.
  await form.getByLabel("Score").fill("84");
  await expect(form.getByText("Likely range: 80–88%")).toBeVisible();
  await form.getByLabel("Pass probability (%)").fill("99");
  await form.getByRole("button", { name: "Log the score" }).click();
  await expect(student.getByRole("status").filter({ hasText: "Practice exam logged" })).toBeVisible();
  await expect(student.getByTestId("practice-log")).toContainText("Form 33");
  await expect(student.getByTestId("practice-log")).toContainText("84%");
  await expectAccessible(student);

  // The tutor sees the new score on the chart, a new projection and the gate moved.
  await tutor.reload();
  await expect(percentChart.locator("svg.recharts-surface:has(.recharts-cartesian-grid)")).toBeVisible();
  await expect(tutor.getByTestId("practice-log")).toContainText("84%");
  await expect(tutor.getByTestId("practice-log").getByRole("row").nth(1)).toContainText(setup.student.name);
  const summaryAfter = (await percentChart.locator("p").first().textContent()) ?? "";
  expect(summaryAfter).toMatch(/^CBSSA: projected \d+%, 80% range/);
  expect(summaryAfter).not.toBe(summaryBefore);
  const gateAfter = (await tutor.getByTestId("readiness-rules").textContent()) ?? "";
  expect(gateAfter).not.toBe(gateBefore);
  await percentChart.getByText("Table of the scores in this chart").click();
  await expect(percentChart.getByRole("table")).toContainText("84%");
  expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
});

test("the tutor corrects a score; without JavaScript the form still logs and validates", async ({ newPage }) => {
  const { tutor, student } = await schoolWithStory("ACTIVE");
  const page = await newPage({ javaScriptEnabled: false });
  await signInAs(page, tutor);
  await page.goto(`/cases?q=${encodeURIComponent(student.name)}`);
  await page.getByRole("link", { name: student.name }).first().click();
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Progress" }).click();
  await expect(page.getByText("The chart draws when the page has loaded").first()).toBeVisible();

  // A UWSA form chosen with a CBSSA: the server names the valid forms.
  const form = page.locator("form#practice-log");
  await form.getByLabel("Form", { exact: true }).selectOption("UWSA 2");
  await form.getByLabel("Score").fill("70");
  await form.getByRole("button", { name: "Log the score" }).click();
  await expect(page.getByText(/Choose one of the current CBSSA forms: Form 26/)).toBeVisible();

  // A UWSA of 320 is refused on its own scale.
  await page.locator("form#practice-log").getByLabel("Practice exam").selectOption("UWSA");
  await page.locator("form#practice-log").getByLabel("Score").fill("320");
  await page.locator("form#practice-log").getByRole("button", { name: "Log the score" }).click();
  await expect(page.getByText("UWSA scores run from 1 to 300")).toBeVisible();
  await expect(page.locator("form#practice-log").getByLabel("Score")).toHaveValue("320");

  await page.locator("form#practice-log").getByLabel("Score").fill("212");
  await page.locator("form#practice-log").getByRole("button", { name: "Log the score" }).click();
  await expect(page.getByTestId("practice-log")).toContainText("212");
  await expect(page.locator('[data-scale-family="THREE_DIGIT"]')).toContainText("UWSA");
  await expect(page.locator('[data-scale-family="THREE_DIGIT"]')).not.toContainText("CBSSA");

  // Correct it: the edit form opens in place, prefilled.
  await page
    .getByRole("link", { name: /^Correct the UWSA of/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: /^Correct the UWSA of/ })).toBeVisible();
  const edit = page.locator("form[id^=practice-edit-]");
  await expect(edit.getByLabel("Score")).toHaveValue("212");
  await edit.getByLabel("Score").fill("215");
  await edit.getByRole("button", { name: "Save the correction" }).click();
  await expect(page.getByTestId("practice-log")).toContainText("215");
});
