import { formatDate } from "#app/domain/dates";
import { schoolWithStory, signInAs } from "./data";
import { expect, expectAccessible, hydrated, test } from "./fixtures";
import { pdfPageTexts } from "./pdf-text";

/**
 * "Sit or postpone?": the tutor compares the dates and sees the re-spaced plan
 * a postponement would write, postpones with a reason, and the student opens
 * the plan and finds the new date, the re-spaced milestones and the reason.
 */
test("a tutor postpones with a reason; the student sees the new date and the changed plan", async ({ newPage }) => {
  // Two people, three pages and a plan version written: more than the default budget on a loaded machine.
  test.slow();
  const setup = await schoolWithStory("ACTIVE", { trend: "FLAT" });
  const tutor = await newPage();
  await signInAs(tutor, setup.tutor);
  await tutor.goto(`/cases/${setup.caseId}`);
  await tutor.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Sit or postpone?" }).click();
  await expect(tutor).toHaveURL(`/cases/${setup.caseId}/decision`);
  await expect(tutor.getByRole("heading", { name: "Sit or postpone?" })).toBeVisible();
  const table = tutor.getByRole("table", { name: "The evidence for each exam date compared" });
  await expect(table.getByRole("columnheader", { name: /Planned date/ })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "What the evidence says" })).toBeVisible();
  await expectAccessible(tutor);

  // Postpone to the date proposed (the first postponement the rules allow), with a reason.
  await hydrated(tutor);
  const postpone = tutor.locator("form#decision-postpone");
  const newDate = await postpone.getByLabel("New exam date").inputValue();
  expect(newDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // The re-spaced plan a postponement to that date would write, shown without asking for the date.
  const proposal = tutor.getByRole("region", { name: `If the exam moved to ${formatDate(newDate)}: the re-spaced plan` });
  await expect(proposal).toBeVisible();
  await expect(proposal).toContainText(new RegExp(`Exam date moved from .+ to ${formatDate(newDate)}`));
  // The milestones the re-spaced plan moves, as the tutor is shown them (milestone dates have no year).
  const moved = (await proposal.getByRole("listitem").allTextContents()).filter((t) => /moved from .+ to .+ \(\+\d+ days?\)/.test(t));
  const movedMilestones = moved.filter((t) => !t.startsWith("Exam date"));
  const reason = "Four more weeks to bring the practice scores clear of the line.";
  await postpone.getByLabel(/Reason for postponing/).fill(reason);
  await postpone.getByRole("button", { name: "Record: postpone" }).click();
  const toast = tutor.getByRole("status").filter({ hasText: `Exam postponed to ${formatDate(newDate)}` });
  await expect(toast).toBeVisible();
  await expect(toast).toContainText(/Plan version \d+ re-spaces the plan/);
  const planVersion = (await toast.textContent())?.match(/Plan version (\d+)/)?.[1];
  await expect(tutor.getByRole("region", { name: "Decisions so far" })).toContainText(reason);
  await expectAccessible(tutor);

  // The student: the new date on their home and the changed plan, with its reason.
  const student = await newPage();
  await signInAs(student, setup.student);
  await student.goto("/");
  await expect(student.getByText(reason).first()).toBeVisible();
  await expect(student.getByText(formatDate(newDate)).first()).toBeVisible();
  await expectAccessible(student);
  // They open the plan: the new version's reason, the new exam date and the re-spaced milestone dates.
  await student.getByRole("link", { name: "The whole plan" }).first().click();
  await expect(student).toHaveURL(`/cases/${setup.caseId}/plan`);
  await expect(student.getByText(`exam on ${formatDate(newDate)}`).first()).toBeVisible();
  const changed = student.getByRole("region", { name: "What changed in your plan" });
  await expect(changed).toBeVisible();
  await expect(changed).toContainText(`(version ${planVersion})`);
  await expect(changed).toContainText(`Why: Exam postponed to ${formatDate(newDate)}: ${reason}`);
  await expect(changed).toContainText(new RegExp(`Exam date moved from .+ to ${formatDate(newDate)}`));
  expect(movedMilestones.length, moved.join("\n")).toBeGreaterThan(0);
  for (const line of movedMilestones) await expect(changed.getByRole("listitem").filter({ hasText: line })).toHaveCount(1);
  await expectAccessible(student);
  await student.goto(`/cases/${setup.caseId}/decision`);
  await expect(student.getByRole("heading", { name: "Your exam date" })).toBeVisible();
  await expect(student.getByRole("region", { name: "Decisions so far" })).toContainText(reason);
  await expect(student.getByRole("button", { name: "Record: postpone" })).toHaveCount(0);
});

/** The committee packet: an advisor opens it for an escalated case and prints it (A4 and Letter). */
test("an advisor prints the committee packet", async ({ newPage }) => {
  test.slow();
  const setup = await schoolWithStory("SECOND_FAILURE");
  const advisor = await newPage();
  await signInAs(advisor, setup.advisor);
  await advisor.goto(`/cases/${setup.caseId}/escalations`);
  await advisor.getByRole("link", { name: "Committee packet" }).click();
  await expect(advisor).toHaveURL(`/cases/${setup.caseId}/packet`);
  await expect(advisor.getByRole("heading", { level: 1 })).toContainText(setup.student.name);
  for (const section of ["Attempt history", "Plan versions", "Practice-exam trajectory", "Escalation history"]) {
    await expect(advisor.getByRole("heading", { name: section, level: 2 })).toBeVisible();
  }
  await expectAccessible(advisor);

  // The print button opens the browser's print dialog (stubbed here: headless Chromium has none).
  await hydrated(advisor);
  await advisor.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await advisor.getByRole("button", { name: "Print or save as PDF" }).click();
  expect(await advisor.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // Printed, the app's navigation and the disclosure form are gone; the packet prints on A4 and on Letter.
  await advisor.emulateMedia({ media: "print" });
  await expect(advisor.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(advisor.getByRole("heading", { name: "Giving the packet to someone outside the school" })).toBeHidden();
  // The page's margin boxes carry the student's name and the page numbers.
  const marginBoxes = await advisor.evaluate(() =>
    [...document.styleSheets]
      .flatMap((sheet) => [...sheet.cssRules].filter((r) => r instanceof CSSPageRule).map((r) => r.cssText))
      .join("\n"),
  );
  expect(marginBoxes).toContain(`@top-left { content: "${setup.student.name}"`);
  expect(marginBoxes).toMatch(/@bottom-right \{ content: "Page " counter\(page\) " of " counter\(pages\)/);
  // The printable width (the page less the 16 mm side margins, at 96 px an inch): nothing wider.
  const printable = { A4: Math.floor(((210 - 32) / 25.4) * 96), Letter: Math.floor(((215.9 - 32) / 25.4) * 96) };
  for (const [format, width] of Object.entries(printable)) {
    await advisor.setViewportSize({ width, height: 1000 });
    const widths = await advisor.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      packet: document.querySelector("article")?.scrollWidth ?? Number.POSITIVE_INFINITY,
      widest: Math.max(
        ...[...document.querySelectorAll("article table, article svg, article img")].map((e) => e.getBoundingClientRect().right),
      ),
    }));
    expect(widths.page, `${format}: the page`).toBeLessThanOrEqual(width);
    expect(widths.packet, `${format}: the packet`).toBeLessThanOrEqual(width);
    expect(widths.widest, `${format}: its widest table or chart`).toBeLessThanOrEqual(width);
  }
  // The PDFs the browser prints: two pages or more, each with the student's name and "Page n of N".
  for (const format of ["A4", "Letter"] as const) {
    const pdf = await advisor.pdf({ format });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = pdfPageTexts(pdf).map((t) => t.replace(/\s+/g, " "));
    expect(pages.length, format).toBeGreaterThan(1);
    for (const [i, text] of pages.entries()) {
      expect(text, `${format} page ${i + 1}`).toContain(setup.student.name);
      expect(text, `${format} page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    }
  }
});
