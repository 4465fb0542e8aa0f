/**
 * Forms keep every click and every word (docs/decisions/0026-phones-and-forms.md):
 * a value fixed after an error is sent by one click, a form used for the next
 * entry starts empty, an earlier action's error goes with the next action,
 * and focus moves to the result (the first error, or the confirmation).
 */
import { schoolWithCase, signInAs } from "./data";
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

  // The advisor takes it on; the owner form then shows them.
  const owner = escalation.locator("form[id^='owner-']");
  const ownerField = owner.getByLabel("Who owns this escalation");
  await ownerField.selectOption({ label: advisor.name });
  await owner.getByRole("button", { name: "Set owner" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Owner changed" })).toBeVisible();
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
