import { createHash } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContextOptions, test as base, expect, type Page, type TestInfo } from "@playwright/test";

export const DEMO_PASSWORD = "retake-desk-demo";
export const ACCOUNTS = {
  admin: "admin@northfield.edu",
  advisor: "advisor@northfield.edu",
  tutor: "tutor@northfield.edu",
  student: "student@northfield.edu",
  /** The second demo school: its office sees none of Northfield's students. */
  riversideAdmin: "admin@riverside.edu",
  riversideAdvisor: "advisor@riverside.edu",
  riversideTutor: "tutor@riverside.edu",
  riversideStudent: "student@riverside.edu",
} as const;

/** Waits until React has hydrated: clicks before that are lost. */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor();
}

/**
 * Runs axe (WCAG 2.x A and AA) on the current page and fails on any violation.
 * In axe's legacy mode: the same rules and results, run in the page itself;
 * the default mode opens a second page for each check to merge results from
 * cross-origin frames, which the app does not have, and takes twice as long.
 */
export async function expectAccessible(page: Page) {
  const state = await pageState(page);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .setLegacyMode(true)
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  passed.set(page, state);
}

/** The page's address, size and document as they stand: axe finds the same in the same state. */
async function pageState(page: Page) {
  const digest = createHash("sha256").update(await page.content());
  return `${page.url()} ${JSON.stringify(page.viewportSize())} ${digest.digest("hex")}`;
}
/** The state each page was in when axe last found nothing there. */
const passed = new WeakMap<Page, string>();

/**
 * Signs in through the form; waits until the app has left the sign-in page unless a refusal is expected.
 * With `js: false` (a context without JavaScript) the form posts as plain HTML, so there is no hydration to wait for.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, options: { expectRefusal?: boolean; js?: boolean } = {}) {
  await page.goto("/login");
  if (options.js !== false) await hydrated(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (!options.expectRefusal) await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/**
 * Runs axe on the page a test ended on, unless the test already failed or the page is not one of the app's.
 * axe is a script, and a page without JavaScript cannot run it: its document as it stands is served
 * again, without its scripts, to a page with JavaScript, and checked there.
 */
async function expectFinalPageAccessible(
  page: Page,
  { baseURL, browser, javaScriptEnabled }: { baseURL: string | undefined; browser: Browser; javaScriptEnabled: boolean },
  testInfo: TestInfo,
) {
  if (testInfo.status !== testInfo.expectedStatus || page.isClosed()) return;
  const url = page.url();
  if (!url.startsWith(baseURL ?? "http")) return;
  await page.waitForLoadState();
  // A test that ended with an axe check of its own, on the page as it still is, was just checked.
  if (javaScriptEnabled && passed.get(page) === (await pageState(page))) return;
  if (javaScriptEnabled) return expectAccessible(page);
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  // Explicitly with JavaScript: new contexts otherwise take the test's options.
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route(
      (candidate) => candidate.href === url,
      (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }),
    );
    await copy.goto(url);
    await expectAccessible(copy);
  } finally {
    await context.close();
  }
}

/**
 * Every test is checked with axe on the page it ends on, so no spec can forget it;
 * tests also call `expectAccessible` at the states in between they want checked.
 * `newPage` opens a page in a context of its own (a second user, or other
 * options such as no JavaScript); its final page is checked too, and its context closed.
 */
export const test = base.extend<{ newPage: (options?: BrowserContextOptions) => Promise<Page> }>({
  page: async ({ page, baseURL, browser, javaScriptEnabled }, use, testInfo) => {
    await use(page);
    await expectFinalPageAccessible(page, { baseURL, browser, javaScriptEnabled: javaScriptEnabled !== false }, testInfo);
  },
  newPage: async ({ browser, baseURL }, use, testInfo) => {
    const pages: Array<{ page: Page; javaScriptEnabled: boolean }> = [];
    await use(async (options) => {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      pages.push({ page, javaScriptEnabled: options?.javaScriptEnabled !== false });
      return page;
    });
    try {
      for (const { page, javaScriptEnabled } of pages)
        await expectFinalPageAccessible(page, { baseURL, browser, javaScriptEnabled }, testInfo);
    } finally {
      for (const { page } of pages) await page.context().close();
    }
  },
});
export { expect };

/** What the test mail server received (scripts/e2e-mail.ts), as the recipient's mailbox. */
export interface MailboxMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

const mailboxUrl = () => process.env.E2E_MAILBOX_URL ?? `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 2001}`;

/**
 * Waits until a message to `to` (whose subject matches `subject`, if given) has arrived at the
 * test mail server, and returns the newest such message.
 */
export async function waitForMail(to: string, subject?: RegExp, timeoutMs = 20_000): Promise<MailboxMessage> {
  let found: MailboxMessage | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${mailboxUrl()}/messages?to=${encodeURIComponent(to)}`);
        const messages = (await response.json()) as MailboxMessage[];
        found = messages.filter((m) => !subject || subject.test(m.subject)).at(-1);
        return Boolean(found);
      },
      { timeout: timeoutMs, message: `no mail to ${to}${subject ? ` matching ${subject}` : ""}` },
    )
    .toBe(true);
  return found as MailboxMessage;
}

/** The link to `path` in a message's text, as the recipient would click it. */
export function linkIn(message: MailboxMessage, path: string): string {
  const link = message.text.match(new RegExp(`https?://\\S+${path}/[a-z2-7]+`))?.[0];
  if (!link) throw new Error(`no ${path} link in "${message.subject}"`);
  return link;
}
