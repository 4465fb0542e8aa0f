import { demoUser, signInAs } from "./data";
import { ACCOUNTS, DEMO_PASSWORD, expect, hydrated, signIn, test } from "./fixtures";

// Every test's final page is checked with axe by the `page` fixture (fixtures.ts).
// Signing in through the form is tested here; the other specs start signed in (e2e/data.ts).

test.describe("sign-in and homes", () => {
  test("serves the sign-in page, accessibly", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  const homes = [
    { who: "admin", email: ACCOUNTS.admin, heading: "Since your last visit", nav: "Users" },
    { who: "advisor", email: ACCOUNTS.advisor, heading: "Since your last visit", nav: "Escalations" },
    { who: "tutor", email: ACCOUNTS.tutor, heading: "Your students, nearest exam first", nav: "Intake queue" },
    { who: "student", email: ACCOUNTS.student, heading: "Your retake", nav: "Home" },
  ] as const;
  for (const home of homes) {
    test(`the ${home.who} signs in and lands on their home`, async ({ page }) => {
      await signIn(page, home.email);
      await expect(page).toHaveURL("/");
      await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
      await expect(page.getByRole("heading", { name: home.heading })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: home.nav })).toBeVisible();
    });
  }

  test("a wrong password keeps the email, shows a message next to the form and clears the password", async ({ page }) => {
    await signIn(page, ACCOUNTS.tutor, "not the password", { expectRefusal: true });
    await expect(page.getByRole("alert")).toHaveText("Wrong email or password.");
    await expect(page.getByLabel("Email")).toHaveValue(ACCOUNTS.tutor);
    await expect(page.getByLabel("Password")).toHaveValue("");
  });

  test("an unauthenticated visit goes to sign-in and comes back afterwards", async ({ page }) => {
    await page.goto("/notifications");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fnotifications/);
    await hydrated(page);
    await page.getByLabel("Email").fill(ACCOUNTS.advisor);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/notifications");
    await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  });

  test("signing out ends the session", async ({ page }) => {
    await signInAs(page, await demoUser(ACCOUNTS.student));
    await page.goto("/");
    await expect(page).toHaveURL("/");
    await hydrated(page);
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page).toHaveURL("/login");
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a student opening another student's case gets a 403 page", async ({ page }) => {
    // Find a case that is not the demo student's via the advisor's home.
    await signInAs(page, await demoUser(ACCOUNTS.advisor));
    await page.goto("/cases");
    const href = await page.locator("tbody tr").filter({ hasNotText: "Jordan Lee" }).first().getByRole("link").first().getAttribute("href");
    expect(href).toMatch(/^\/cases\/[\w-]+$/);
    await page.context().clearCookies();
    await signInAs(page, await demoUser(ACCOUNTS.student));
    const response = await page.goto(href as string);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  });

  test("an unknown page gets a 404 page", async ({ page }) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});

test.describe("request security over HTTP", () => {
  test("refuses a POST without Origin or with a foreign one, on a page action and on a resource route", async ({ request, baseURL }) => {
    const form = { email: ACCOUNTS.tutor, password: DEMO_PASSWORD };
    expect((await request.post("/login", { form, headers: { Origin: "" } })).status()).toBe(403);
    expect((await request.post("/login", { form, headers: { Origin: "https://evil.example" } })).status()).toBe(403);
    expect((await request.post("/logout", { headers: { Origin: "https://evil.example" } })).status()).toBe(403);
    expect((await request.post("/logout", { headers: { Origin: "" } })).status()).toBe(403);
    // The same request from the app's own origin passes the check — as a form, the way the sign-out button posts.
    expect((await request.post("/logout", { form: {}, headers: { Origin: baseURL as string }, maxRedirects: 0 })).status()).toBe(302);
    // Without saying it is a form, it is refused before any action runs (ADR 0014).
    expect((await request.post("/logout", { headers: { Origin: baseURL as string }, maxRedirects: 0 })).status()).toBe(415);
  });

  test("sends the security headers and a CSP nonce with documents", async ({ request }) => {
    const response = await request.get("/login");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect((await request.get("/healthz")).status()).toBe(200);
  });
});

test.describe("the end-to-end harness", () => {
  test("its test-data endpoint refuses a request without the run's token", async ({ request }) => {
    const data = { userId: "anyone" };
    expect((await request.post("/__e2e/data/session", { data })).status()).toBe(403);
    expect((await request.post("/__e2e/data/session", { data, headers: { "x-e2e-data-token": "guessed" } })).status()).toBe(403);
  });
});
