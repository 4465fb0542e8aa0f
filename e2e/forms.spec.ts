/**
 * Forms keep every click and every word (docs/decisions/0026-phones-and-forms.md):
 * a value fixed after an error is sent by one click, a form used for the next
 * entry starts empty, an earlier action's error goes with the next action,
 * and focus moves to the result (the first error, or the confirmation).
 */
import { schoolWithCase, schoolWithStory, signInAs } from "./data";
import { expect, expectAccessible, hydrated, test } from "./fixtures";

const stamp = Date.now().toString(36);
const ACADEMIC_NOTE = `Booked with the academic support office (${stamp}).`;

test("a fixed value is sent by one click, a reused form starts empty, and an earlier error goes with the next action", async ({ page }) => {
  const { caseId, tutor, advisor } = await schoolWithCase({ takenBy: "tutor" });
  const escalationsPath = `/cases/${caseId}/escalations`;

  // The lost click: a reason too short is refused at the field, which takes focus; fixed, one click sends it.
  await signInAs(page, tutor);
  await page.goto(escalationsPath);
  await hydrated(page);
  const raise = page.locator("form#raise-escalation");
  const reason = raise.getByLabel("Reason");
  await reason.fill("Too short");
  await raise.getByRole("button", { name: "Escalate to the office" }).click();
  await expect(raise.getByText("at least 10 characters")).toBeVisible();
  await expect(reason).toBeFocused();
  await reason.pressSequentially(`: every practice block has fallen since the summer (${stamp})`);
  await raise.getByRole("button", { name: "Escalate to the office" }).click();
  const raised = page.getByRole("status").filter({ hasText: "Escalated to the office" });
  await expect(raised).toBeVisible();
  await expect(raised).toBeFocused();
  await expect(page.getByRole("article").filter({ hasText: stamp })).toBeVisible();
  await expect(reason).toHaveValue("");

  // The office acknowledges it.
  await page.context().clearCookies();
  await signInAs(page, advisor);
  await page.goto(escalationsPath);
  await hydrated(page);
  const escalation = page.getByRole("article").filter({ hasText: stamp });
  await escalation.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Escalation acknowledged" })).toBeVisible();

  // Acknowledging made the advisor its owner, and the owner form shows them.
  const owner = escalation.locator("form[id^='owner-']");
  const ownerField = owner.getByLabel("Who owns this escalation");
  await expect(ownerField).toHaveValue(advisor.id);

  // The sticky error: making the owner the owner again is refused at the field, which takes focus...
  await owner.getByRole("button", { name: "Set owner" }).click();
  const ownerError = owner.getByText("That person already owns this escalation.");
  await expect(ownerError).toBeVisible();
  await expect(ownerField).toBeFocused();
  await expectAccessible(page);

  // ...and the next action clears it.
  const action = escalation.locator("form[id^='action-']");
  await action.getByLabel("Action").selectOption({ label: "Academic-support referral" });
  await action.getByLabel("Note (optional)").fill(ACADEMIC_NOTE);
  await action.getByRole("button", { name: "Record the action" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Academic-support referral recorded" })).toBeVisible();
  await expect(ownerError).toHaveCount(0);

  // The carried-over note: the form is empty for the next action, so the referral is saved without the last note.
  await expect(action.getByLabel("Note (optional)")).toHaveValue("");
  await expect(action.getByLabel("Action")).toHaveValue("");
  await action.getByLabel("Action").selectOption({ label: "Counselling referral" });
  await action.getByRole("button", { name: "Record the action" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Counselling referral recorded" })).toBeVisible();
  const history = escalation.getByRole("listitem");
  await expect(history.filter({ hasText: "Counselling referral on" })).toHaveCount(1);
  await expect(history.filter({ hasText: "Counselling referral on" })).not.toContainText(ACADEMIC_NOTE);
  await expect(history.filter({ hasText: ACADEMIC_NOTE })).toHaveCount(1);

  // Resolving: an empty outcome is refused at the field; written, one click resolves.
  const resolve = escalation.locator("form[id^='resolve-']");
  await resolve.getByRole("button", { name: "Resolve" }).click();
  await expect(resolve.getByText("Say what the outcome is")).toBeVisible();
  await expect(resolve.getByLabel("Outcome")).toBeFocused();
  await resolve.getByLabel("Outcome").pressSequentially("Referred on; the plan continues.");
  await resolve.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Escalation resolved" })).toBeVisible();
  await expect(escalation).toContainText("Referred on; the plan continues.");
});

test("a logged practice score leaves the form empty for the next one, and leaving a field shows no error", async ({ page }) => {
  const { caseId, student } = await schoolWithStory("ACTIVE");
  await signInAs(page, student);
  await page.goto(`/cases/${caseId}/progress`);
  await hydrated(page);
  const form = page.locator("form#practice-log");
  const score = form.getByLabel("Score");
  const offScale = form.getByText("CBSSA scores run from 0 to 100%");

  // Leaving a field with a wrong value shows nothing yet (no message appears under the next click)...
  await form.getByLabel("Form", { exact: true }).selectOption("Form 33");
  await score.fill("101");
  await score.press("Tab");
  await expect(offScale).toHaveCount(0);
  // ...the submit shows it at the field, which takes focus; fixed, one click logs the score.
  await form.getByRole("button", { name: "Log the score" }).click();
  await expect(offScale).toBeVisible();
  await expect(score).toBeFocused();
  await score.fill("84");
  await expect(offScale).toHaveCount(0);
  await form.getByLabel("Pass probability (%)").fill("99");
  await form.getByRole("button", { name: "Log the score" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Practice exam logged" })).toBeVisible();
  await expect(page.getByTestId("practice-log")).toContainText("84%");

  // The form is empty for the next score: nothing of the last one is carried over.
  await expect(score).toHaveValue("");
  await expect(form.getByLabel("Form", { exact: true })).toHaveValue("");
  await expect(form.getByLabel("Pass probability (%)")).toHaveValue("");
  await expect(form.getByLabel("Practice exam")).toHaveValue("NBME_CBSSA");
});

test("a logged disclosure leaves the form empty for the next one", async ({ page }) => {
  const { advisor, student } = await schoolWithCase();
  await signInAs(page, advisor);
  await page.goto("/office/disclosures");
  await hydrated(page);
  const form = page.locator("form#disclosure");
  const recipient = `Licensing board ${stamp}`;
  await form.getByLabel("Student (email or student number)").fill(student.email);
  await form.getByLabel("Recipient").fill(recipient);
  await form.getByLabel("Purpose").fill("Licensure check");
  await form.getByLabel("Records disclosed").fill("Attempt history");
  await form.getByLabel("Consent reference (optional)").fill(`Signed consent ${stamp}`);
  await form.getByRole("button", { name: "Log the disclosure" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Disclosure logged" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Recent disclosures" }).getByRole("row").filter({ hasText: recipient })).toHaveCount(1);

  for (const label of ["Student (email or student number)", "Recipient", "Purpose", "Records disclosed", "Consent reference (optional)"]) {
    await expect(form.getByLabel(label)).toHaveValue("");
  }
  // A second submit without new values is refused at the fields: nothing of the last entry was sent again.
  await form.getByRole("button", { name: "Log the disclosure" }).click();
  await expect(form.getByLabel("Recipient")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("region", { name: "Recent disclosures" }).getByRole("row").filter({ hasText: recipient })).toHaveCount(1);
});

test("creating an invitation: an e-mail fixed after an error is sent by one click", async ({ page }) => {
  const { admin } = await schoolWithCase();
  await signInAs(page, admin);
  await page.goto("/admin/users");
  await hydrated(page);
  const form = page.locator("form#invite");
  const email = form.getByLabel("Email");
  const invalid = form.getByText("Enter a valid email address.");
  const address = `dana-${stamp}@example.edu`;

  await form.getByLabel("Name").fill(`Dana ${stamp}`);
  await email.fill("dana.example.edu");
  // Leaving the field shows nothing; the submit refuses it at the field, which takes focus.
  await email.press("Tab");
  await expect(invalid).toHaveCount(0);
  await form.getByRole("button", { name: "Create invitation" }).click();
  await expect(invalid).toBeVisible();
  await expect(email).toBeFocused();

  // Fixed, the message goes as the address is typed, and one click creates the invitation.
  await email.fill(address);
  await expect(invalid).toHaveCount(0);
  await form.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation e-mailed to ${address}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Invitations" }).getByRole("row").filter({ hasText: address })).toHaveCount(1);
  await expect(email).toHaveValue("");
});
