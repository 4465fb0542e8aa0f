import { formatDate } from "#app/domain/dates";
import { schoolWithStory, signInAs } from "./data";
import { expect, expectAccessible, hydrated, test } from "./fixtures";

/**
 * "Sit or postpone?": the tutor compares the dates, postpones with a reason,
 * and the student sees the new date and the changed plan with its reason.
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
  // The re-spaced plan a postponement to that date would write.
  await tutor.getByLabel("Compare another date").fill(newDate);
  await tutor.getByRole("button", { name: "Compare" }).click();
  await expect(tutor.getByRole("heading", { name: `If the exam moved to ${formatDate(newDate)}: the re-spaced plan` })).toBeVisible();
  await hydrated(tutor);
  const reason = "Four more weeks to bring the practice scores clear of the line.";
  await postpone.getByLabel(/Reason for postponing/).fill(reason);
  await postpone.getByRole("button", { name: "Record: postpone" }).click();
  await expect(tutor.getByRole("status").filter({ hasText: `Exam postponed to ${formatDate(newDate)}` })).toBeVisible();
  await expect(tutor.getByRole("region", { name: "Decisions so far" })).toContainText(reason);
  await expectAccessible(tutor);

  // The student: the new date on their home and the changed plan, with its reason.
  const student = await newPage();
  await signInAs(student, setup.student);
  await student.goto("/");
  await expect(student.getByText(reason).first()).toBeVisible();
  await expect(student.getByText(formatDate(newDate)).first()).toBeVisible();
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
  for (const format of ["A4", "Letter"] as const) {
    const pdf = await advisor.pdf({ format });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThan(1);
  }
});
