import { TEST_PASSWORD } from "../tests/password";
import { demoUser, schoolWithCase, signInAs } from "./data";
import { ACCOUNTS, expect, expectAccessible, hydrated, linkIn, signIn, test, waitForMail } from "./fixtures";

// Mail goes through a real SMTP server the run starts (scripts/e2e-mail.ts); the specs read it as the recipient.
// Every test's final page is checked with axe by the `page` fixture (fixtures.ts). Tests that change
// accounts do it in schools of their own (e2e/data.ts), never to a demo account another test signs in as.

test.describe("accounts by mail", () => {
  test("an admin invites a tutor; the mail arrives; the tutor accepts from its link and signs in", async ({ page, newPage }) => {
    const { school, admin } = await schoolWithCase();
    const email = `e2e.tutor.${Date.now()}@example.edu`;
    await signInAs(page, admin);
    await page.goto("/admin/users");
    await hydrated(page);
    const invite = page.getByRole("region", { name: "Invite a person" });
    await invite.getByLabel("Name").fill("Robin Castillo");
    await invite.getByLabel("Email").fill(email);
    await invite.getByLabel("Role").selectOption("TUTOR");
    await invite.getByRole("button", { name: "Create invitation" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Invitation e-mailed to ${email}` })).toBeVisible();
    // The admin's page lists the invitation but never shows its link.
    const invitations = page.getByRole("region", { name: "Invitations" });
    const row = invitations.getByRole("row", { name: new RegExp(email) });
    await expect(row).toContainText("Sent");
    await expect(page.locator("body")).not.toContainText("/invite/");
    await expectAccessible(page);

    const mail = await waitForMail(email, new RegExp(`^Invitation to ${school.name}`));
    expect(mail.html).toContain("Accept the invitation");
    const link = linkIn(mail, "/invite");

    // The tutor, on their own browser, opens the link from the mail.
    const tutor = await newPage();
    await tutor.goto(link);
    await hydrated(tutor);
    await expect(tutor.getByRole("heading", { level: 1, name: "Welcome, Robin Castillo" })).toBeVisible();
    await expectAccessible(tutor);
    await tutor.getByLabel("Password", { exact: true }).fill("a common password");
    await tutor.getByLabel("Password again").fill("mismatched words here");
    await tutor.getByRole("button", { name: "Create my account" }).click();
    await expect(tutor.getByText("The two passwords differ.")).toBeVisible();
    await tutor.getByLabel("Password", { exact: true }).fill("sunset harbour violin");
    await tutor.getByLabel("Password again").fill("sunset harbour violin");
    await tutor.getByRole("button", { name: "Create my account" }).click();
    await tutor.waitForURL((url) => url.pathname === "/");
    await expect(tutor.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Intake queue" })).toBeVisible();

    // Signing out and in again with the chosen password.
    await tutor.getByRole("button", { name: "Sign out" }).click();
    await tutor.waitForURL(/\/login/);
    await signIn(tutor, email, "sunset harbour violin");
    await expect(tutor.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
    // The link works once.
    await tutor.goto(link);
    await expect(tutor.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();

    await page.reload();
    await expect(invitations.getByRole("row", { name: new RegExp(email) })).toContainText("Accepted");
    // The new tutor is now one of the school's people.
    await expect(page.getByRole("region", { name: "People" }).getByRole("row", { name: new RegExp(email) })).toContainText("Active");
  });

  test('a student uses "Forgot your password?" from the sign-in page to the new password', async ({ page }) => {
    const { school, student } = await schoolWithCase();
    const email = student.email;
    await page.goto("/login");
    await hydrated(page);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
    await expectAccessible(page);
    await hydrated(page);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your e-mail" })).toBeVisible();
    await expect(page.getByText(`If ${email} belongs to a Retake Desk account`)).toBeVisible();
    await expectAccessible(page);

    const mail = await waitForMail(email, /^Reset your Retake Desk password/);
    await page.goto(linkIn(mail, "/reset-password"));
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
    await expectAccessible(page);
    // A common password is refused by the server's bundled list.
    await page.getByLabel("New password", { exact: true }).fill("passwordpassword123");
    await page.getByLabel("New password again").fill("passwordpassword123");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await expect(page.getByText(/too common/)).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill("meadow copper kite song");
    await page.getByLabel("New password again").fill("meadow copper kite song");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.waitForURL(/\/login$/);
    await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
    // The old password no longer works; the new one does.
    await signIn(page, email, TEST_PASSWORD, { expectRefusal: true });
    await expect(page.getByRole("alert")).toHaveText("Wrong email or password.");
    await signIn(page, email, "meadow copper kite song");
    await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
    // And a notice of the change went to the address.
    await waitForMail(email, /^Your Retake Desk password was changed/);
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
    await expect(page.getByText(`${school.name} · Student`)).toBeVisible();
  });

  test("someone with an account accepts another school's invitation by signing in to it, keeping their password", async ({
    page,
    newPage,
  }) => {
    const home = await schoolWithCase();
    const joining = await schoolWithCase();
    const email = home.tutor.email;
    await signInAs(page, joining.admin);
    await page.goto("/admin/users");
    await hydrated(page);
    const invite = page.getByRole("region", { name: "Invite a person" });
    await invite.getByLabel("Name").fill(home.tutor.name);
    await invite.getByLabel("Email").fill(email);
    await invite.getByLabel("Role").selectOption("TUTOR");
    await invite.getByRole("button", { name: "Create invitation" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Invitation e-mailed to ${email}` })).toBeVisible();

    const link = linkIn(await waitForMail(email, new RegExp(`^Invitation to ${joining.school.name}`)), "/invite");
    const elena = await newPage();
    await elena.goto(link);
    await expect(elena.getByRole("heading", { level: 1, name: `Join ${joining.school.name}` })).toBeVisible();
    // No password field: the existing account's password is not the invitation's to set.
    await expect(elena.getByLabel("Password")).toHaveCount(0);
    await expectAccessible(elena);
    await elena.getByRole("link", { name: "Sign in to accept" }).click();
    await hydrated(elena);
    await elena.getByLabel("Email").fill(email);
    await elena.getByLabel("Password").fill(TEST_PASSWORD);
    await elena.getByRole("button", { name: "Sign in" }).click();
    await elena.waitForURL((url) => url.pathname.startsWith("/invite/"));
    await hydrated(elena);
    await elena.getByRole("button", { name: `Accept and join ${joining.school.name}` }).click();
    await elena.waitForURL((url) => url.pathname === "/");
    await expect(elena.getByRole("status").filter({ hasText: "Invitation accepted" })).toBeVisible();
    await elena.goto("/account");
    await expect(elena.getByText(`${joining.school.name} · Tutor`)).toBeVisible();
    await expect(elena.getByText(`${home.school.name} · Tutor`)).toBeVisible();
  });

  test("the second school's office sees its own students only", async ({ page }) => {
    await signInAs(page, await demoUser(ACCOUNTS.riversideAdvisor));
    await page.goto("/cases");
    await expect(page.getByRole("link", { name: "Leo Martins" }).first()).toBeVisible();
    await expect(page.getByText("Jordan Lee")).toHaveCount(0);
  });
});
