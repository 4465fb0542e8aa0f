import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test as base } from "@playwright/test";

export const DEMO_PASSWORD = "retake-desk-demo";
export const ACCOUNTS = {
  admin: "admin@northfield.edu",
  advisor: "advisor@northfield.edu",
  tutor: "tutor@northfield.edu",
  student: "student@northfield.edu",
} as const;

/** Waits until React has hydrated: clicks before that are lost. */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor();
}

/** Runs axe (WCAG 2.x A and AA) on the current page and fails on any violation. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Signs in through the form; waits until the app has left the sign-in page unless a refusal is expected. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, options: { expectRefusal?: boolean } = {}) {
  await page.goto("/login");
  await hydrated(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (!options.expectRefusal) await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export const test = base;
export { expect };
