import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import type { Page } from "@playwright/test";
import { operatorSchool, schoolWithCase, signInAs, twoFactorSchool } from "./data";
import { expect, expectAccessible, hydrated, linkIn, signIn, test, waitForMail } from "./fixtures";

// A real OpenID Connect provider runs beside the app (scripts/e2e-oidc.ts); the specs sign in at its own pages.
// Every test's final page is checked with axe by the `page` fixture (fixtures.ts); new pages are checked on the way.
// Each test makes the school it changes (e2e/data.ts).

const ISSUER = process.env.E2E_OIDC_ISSUER ?? "";
const CLIENT_ID = process.env.E2E_OIDC_CLIENT_ID ?? "";
const CLIENT_SECRET = process.env.E2E_OIDC_CLIENT_SECRET ?? "";

const step = () => Math.floor(Date.now() / 30_000);

/**
 * An authenticator app: reads the key the set-up page shows and gives each time step's code once.
 * The app accepts a code one step either side of now, each step once (app/domain/two-factor/totp.ts),
 * so a second code is taken from the next step at once; only a third within one step waits.
 */
class Authenticator {
  private last = -1;
  constructor(private readonly key: Uint8Array) {}
  static async from(page: Page) {
    const text = (await page.getByTestId("manual-key").textContent()) ?? "";
    return new Authenticator(decodeBase32IgnorePadding(text.replaceAll(" ", "")));
  }
  /** The code of the current step, or of the next one when the current one was used. */
  async code(): Promise<string> {
    while (this.last >= step() + 1) await new Promise((resolve) => setTimeout(resolve, 250));
    this.last = Math.max(step(), this.last + 1);
    return generateHOTP(this.key, BigInt(this.last), 6);
  }
  /** A code the app takes for no step it could accept now or for the next code (spends none). */
  wrongCode(): string {
    const now = step();
    const valid = new Set([-1, 0, 1, 2].map((d) => generateHOTP(this.key, BigInt(now + d), 6)));
    const wrong = ["000000", "111111", "222222", "333333", "444444"].find((code) => !valid.has(code));
    return wrong ?? "555555";
  }
}

/** Signs in with the password and waits for the page that follows (home or the second factor). */
async function passwordSignIn(page: Page, email: string, password: string) {
  await signIn(page, email, password, { expectRefusal: true });
  await page.waitForURL((url) => url.pathname !== "/login");
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
}

test.describe("school single sign-on", () => {
  test("a tutor signs in through the school's provider and lands on their caseload", async ({ page, newPage }) => {
    // A school of the test's own, its people at an e-mail domain of its own; its tutor has taken a student's case.
    const { school, domain, admin, tutor: tutorAccount, student } = await schoolWithCase({ takenBy: "tutor", ownDomain: true });
    // Its admin connects the school's provider (the page never shows the secret again).
    await signInAs(page, admin);
    await page.goto("/admin/sign-in");
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1, name: "Sign-in and security" })).toBeVisible();
    await expectAccessible(page);
    const sso = page.getByRole("region", { name: "Single sign-on (OpenID Connect)" });
    await sso.getByLabel(`Offer “Sign in with ${school.name}”`).check();
    await sso.getByLabel("Issuer URL").fill(ISSUER);
    await sso.getByLabel("Client ID").fill(CLIENT_ID);
    await sso.getByLabel("Client secret").fill(CLIENT_SECRET);
    await sso.getByLabel("E-mail domains").fill(domain ?? "");
    await sso.getByRole("button", { name: "Save single sign-on" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Single sign-on settings saved" })).toBeVisible();
    await expect(sso.getByLabel("Client secret")).toHaveValue("");
    await expect(sso.getByText("A secret is saved (encrypted; it is never shown again)")).toBeVisible();
    await expect(page.locator("body")).not.toContainText(CLIENT_SECRET);
    await expectAccessible(page);

    // The tutor, on their own browser, opens their caseload and is sent to sign in.
    const tutor = await newPage();
    await tutor.goto("/cases");
    await tutor.waitForURL(/\/login\?redirectTo=%2Fcases/);
    await hydrated(tutor);
    await tutor.getByLabel("Email").fill(tutorAccount.email);
    const offer = tutor.getByRole("link", { name: `Sign in with ${school.name}` });
    await expect(offer).toBeVisible();
    await expectAccessible(tutor);
    await offer.click();

    // At the provider's own sign-in page (its address was passed along as a hint).
    await tutor.waitForURL((url) => url.href.startsWith(ISSUER));
    await expect(tutor.locator('input[name="login"]')).toHaveValue(tutorAccount.email);
    await tutor.locator('input[name="password"]').fill("the provider's own password");
    await tutor.getByRole("button", { name: "Sign-in" }).click();
    await tutor.getByRole("button", { name: "Continue" }).click();

    // Back in Retake Desk: their caseload, with their students.
    await tutor.waitForURL((url) => url.pathname === "/cases");
    await expect(tutor.getByRole("heading", { level: 1, name: "Your caseload" })).toBeVisible();
    await expect(tutor.getByRole("link", { name: student.name }).first()).toBeVisible();
    await expectAccessible(tutor);
  });

  test("without JavaScript the sign-in page answers the single sign-on button, and explains a failed single sign-on", async ({
    newPage,
  }) => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto("/login");
    await page.getByLabel("Email").fill("someone@students.nowhere-sso.example");
    await page.getByRole("button", { name: "Use my school's single sign-on" }).click();
    await expect(page.getByRole("alert")).toContainText("No school signs in students.nowhere-sso.example addresses");
    await page.goto("/login?school=northfield");
    // Northfield has no provider configured: the page offers nothing and the password form is there.
    await expect(page.getByRole("link", { name: /Sign in with/ })).toHaveCount(0);
    await expect(page.getByLabel("Password")).toBeVisible();
    // Back from a provider that could not be reached: the reason, and the password form still offered.
    await page.goto("/login?sso_error=unreachable");
    await expect(page.getByRole("alert")).toContainText("We could not reach your school's sign-in service.");
    await expect(page.getByLabel("Password")).toBeVisible();
  });
});

test.describe("two-factor authentication", () => {
  test("an admin turns it on for their own account, then requires it of the office and invites an advisor", async ({ page }) => {
    // A school of its own for this test, made as the operator makes one (its first admin is mailed an activation link).
    const { school, adminEmail } = await operatorSchool();
    const advisorEmail = adminEmail.replace(/^dean@/, "advisor@");
    await page.goto(linkIn(await waitForMail(adminEmail, /^Activate your Retake Desk account/), "/activate"));
    await hydrated(page);
    await page.getByLabel("New password", { exact: true }).fill("granite orchard lantern");
    await page.getByLabel("New password again").fill("granite orchard lantern");
    await page.getByRole("button", { name: "Activate my account" }).click();
    await page.waitForURL((url) => url.pathname === "/");

    // The admin turns two-factor on for their own account first (the settings page insists).
    await page.goto("/admin/sign-in");
    await hydrated(page);
    await page.getByLabel("Advisors and administrators").check();
    await page.getByRole("button", { name: "Save two-factor requirement" }).click();
    await expect(page.getByText("Turn on two-factor authentication for your own account first")).toBeVisible();
    await page.goto("/account");
    await page.getByRole("link", { name: "Set up two-factor authentication" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Two-factor authentication" })).toBeVisible();
    await expectAccessible(page);
    await hydrated(page);
    await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
    await expect(page.getByRole("img", { name: /QR code of your authenticator key/ })).toBeVisible();
    await expectAccessible(page);
    const adminApp = await Authenticator.from(page);
    await page.getByLabel("Code from your app").fill(await adminApp.code());
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
    await expectAccessible(page);
    await page.getByRole("link", { name: "I have saved my recovery codes" }).click();
    await expect(page.getByText(/Turned on .*10 unused recovery codes/)).toBeVisible();
    await expectAccessible(page);

    await page.goto("/admin/sign-in");
    await hydrated(page);
    await page.getByLabel("Advisors and administrators").check();
    await page.getByRole("button", { name: "Save two-factor requirement" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Two-factor requirement saved" })).toBeVisible();

    // The admin invites an advisor, who accepts from the mail.
    await page.goto("/admin/users");
    await hydrated(page);
    const invite = page.getByRole("region", { name: "Invite a person" });
    await invite.getByLabel("Name").fill("Sam Adeyemi");
    await invite.getByLabel("Email").fill(advisorEmail);
    await invite.getByLabel("Role").selectOption("ADVISOR");
    await invite.getByRole("button", { name: "Create invitation" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Invitation e-mailed to ${advisorEmail}` })).toBeVisible();
    expect(linkIn(await waitForMail(advisorEmail, new RegExp(`^Invitation to ${school.name}`)), "/invite")).toMatch(/\/invite\//);
  });

  test("an advisor at a school that requires it sets it up, signs out, signs in with a code; a recovery code works once", async ({
    page: advisor,
  }) => {
    // A school of its own that requires a second factor of its office; its admin has invited the advisor by mail.
    const { school, advisorEmail } = await twoFactorSchool();
    const schoolName = school.name;
    await advisor.goto(linkIn(await waitForMail(advisorEmail, new RegExp(`^Invitation to ${schoolName}`)), "/invite"));
    await hydrated(advisor);
    await advisor.getByLabel("Password", { exact: true }).fill("copper meadow sailboat");
    await advisor.getByLabel("Password again").fill("copper meadow sailboat");
    await advisor.getByRole("button", { name: "Create my account" }).click();

    // Their school requires a second factor: nothing opens until it is set up.
    await advisor.waitForURL((url) => url.pathname === "/login/two-factor/setup");
    await expect(advisor.getByRole("heading", { level: 1, name: "Set up two-factor authentication" })).toBeVisible();
    await expect(advisor.getByText(`${schoolName} requires a second factor for your role`)).toBeVisible();
    await expectAccessible(advisor);
    await advisor.goto("/cases");
    await advisor.waitForURL((url) => url.pathname === "/login/two-factor/setup");
    const app = await Authenticator.from(advisor);
    await hydrated(advisor);
    await advisor.getByLabel("Code from your app").fill(await app.code());
    await advisor.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await expect(advisor.getByRole("heading", { level: 1, name: "Two-factor authentication is on" })).toBeVisible();
    const recoveryCodes = await advisor.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    await expectAccessible(advisor);
    await advisor.getByRole("link", { name: "I have saved my recovery codes — continue" }).click();
    await advisor.waitForURL((url) => url.pathname === "/cases");
    await expect(advisor.getByRole("heading", { level: 1, name: "All cases" })).toBeVisible();

    // Signing out, and in again: the password, then a code from the app.
    await signOut(advisor);
    await passwordSignIn(advisor, advisorEmail, "copper meadow sailboat");
    await advisor.waitForURL((url) => url.pathname === "/login/two-factor");
    await expect(advisor.getByRole("heading", { level: 1, name: "Two-factor authentication" })).toBeVisible();
    await expectAccessible(advisor);
    await hydrated(advisor);
    await advisor.getByLabel("Code").fill(app.wrongCode());
    await advisor.getByRole("button", { name: "Verify" }).click();
    await expect(advisor.getByText(/That code is not right/)).toBeVisible();
    await advisor.getByLabel("Code").fill(await app.code());
    await advisor.getByRole("button", { name: "Verify" }).click();
    await advisor.waitForURL((url) => url.pathname === "/");
    await expect(advisor.getByRole("heading", { level: 1, name: /Welcome, Sam/ })).toBeVisible();

    // A recovery code instead of the phone: it works once.
    await signOut(advisor);
    await passwordSignIn(advisor, advisorEmail, "copper meadow sailboat");
    await hydrated(advisor);
    await advisor.getByLabel("Code").fill(recoveryCodes[0]);
    await advisor.getByRole("button", { name: "Verify" }).click();
    await advisor.waitForURL((url) => url.pathname === "/");
    await expect(advisor.getByRole("status").filter({ hasText: "You used a recovery code: 9 left" })).toBeVisible();

    await signOut(advisor);
    await passwordSignIn(advisor, advisorEmail, "copper meadow sailboat");
    await hydrated(advisor);
    await advisor.getByLabel("Code").fill(recoveryCodes[0]);
    await advisor.getByRole("button", { name: "Verify" }).click();
    await expect(advisor.getByText("That recovery code is not right, or it was already used.")).toBeVisible();
    await expect(advisor).toHaveURL(/\/login\/two-factor/);
    await advisor.getByLabel("Code").fill(recoveryCodes[1]);
    await advisor.getByRole("button", { name: "Verify" }).click();
    await advisor.waitForURL((url) => url.pathname === "/");
  });
});
