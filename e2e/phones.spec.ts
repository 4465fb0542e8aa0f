/**
 * Phones (docs/decisions/0026-phones-and-forms.md): at 390×844 and 320×640
 * every main page of every role reflows (WCAG 2.2 SC 1.4.10: the document
 * never scrolls sideways) and axe finds nothing; the phone's Menu button
 * opens and closes the navigation by keyboard and by touch, and marks the
 * current page; at desktop widths an admin's whole navigation is on screen.
 */
import type { Page } from "@playwright/test";
import { demoUser, schoolWithStory, signInAs } from "./data";
import { ACCOUNTS, expect, expectAccessible, hydrated, test } from "./fixtures";

const PHONES = [
  { width: 390, height: 844 },
  { width: 320, height: 640 },
] as const;

/** What sticks out past the viewport's right edge (outside any frame that scrolls or clips), for the failure message. */
async function sideways(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const insideFrame = (element: Element) => {
      for (let a = element.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== "visible") return true;
      return false;
    };
    const wide = Array.from(document.querySelectorAll("body *"))
      .filter((element) => !insideFrame(element) && element.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${(element.getAttribute("class") ?? "").slice(0, 50)}`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide };
  });
}

/** Waits until the page has laid itself out again after a resize (resize observers run, React renders, a frame is painted). */
async function settled(page: Page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Loads each page once and checks it at each phone size in turn: the width changes under the loaded
 * page as a phone turned or a window narrowed does, so the media queries and the page's own resize
 * handling answer it; the page load, the larger part of each check, is not repeated per size.
 */
async function expectReflows(page: Page, paths: string[]) {
  // A page load and an axe run per page and size: a few seconds each on a busy machine.
  test.slow();
  for (const path of paths) {
    await page.setViewportSize(PHONES[0]);
    const response = await page.goto(path);
    expect(response?.status(), `${path} answered`).toBe(200);
    await hydrated(page);
    for (const size of PHONES) {
      await page.setViewportSize(size);
      await settled(page);
      const { scrollWidth, innerWidth, wide } = await sideways(page);
      expect(scrollWidth, `${path} at ${innerWidth} px scrolls sideways: ${wide.join(", ")}`).toBeLessThanOrEqual(innerWidth);
      await expectAccessible(page);
    }
  }
}

/** A case's tabs as its staff see them: the overview and every tab. */
const staffCaseTabs = (casePath: string) => [
  casePath,
  ...["diagnostics", "plan", "progress", "notes", "escalations", "decision"].map((tab) => `${casePath}/${tab}`),
];

const sizes = PHONES.map((size) => `${size.width}×${size.height}`).join(" and ");

test.describe(`at ${sizes}`, () => {
  test.use({ viewport: PHONES[0] });

  test("a student's pages fit the phone", async ({ page }) => {
    const { caseId, student } = await schoolWithStory("ACTIVE");
    const casePath = `/cases/${caseId}`;
    await signInAs(page, student);
    await expectReflows(page, [
      "/",
      casePath,
      `${casePath}/diagnostics`,
      `${casePath}/plan`,
      `${casePath}/progress`,
      `${casePath}/decision`,
      `${casePath}/plan/print`,
      "/me/record",
      "/notifications",
      "/account",
      "/account/two-factor",
    ]);
  });

  test("a tutor's pages fit the phone", async ({ page }) => {
    const { caseId, tutor } = await schoolWithStory("ACTIVE");
    const casePath = `/cases/${caseId}`;
    await signInAs(page, tutor);
    await expectReflows(page, ["/", "/cases", "/queue", ...staffCaseTabs(casePath), "/notifications", "/account", "/account/two-factor"]);
  });

  test("an advisor's caseload pages fit the phone", async ({ page }) => {
    await signInAs(page, await demoUser(ACCOUNTS.advisor));
    await expectReflows(page, ["/", "/cases", "/queue", "/attempts/new", "/notifications", "/account", "/account/two-factor"]);
  });

  test("an advisor's case pages, its committee packet and its queue preview fit the phone", async ({ page }) => {
    // A case with a second failure: escalated to the office, so it has a committee packet.
    const { caseId, advisor } = await schoolWithStory("SECOND_FAILURE");
    const casePath = `/cases/${caseId}`;
    await signInAs(page, advisor);
    await expectReflows(page, [...staffCaseTabs(casePath), `${casePath}/packet`, `/queue/${caseId}`]);
  });

  test("the office's pages fit the phone", async ({ page }) => {
    await signInAs(page, await demoUser(ACCOUNTS.advisor));
    await expectReflows(page, ["/office", "/office/import", "/office/disclosures", "/office/escalations"]);
    // An escalation opened from the queue at the narrowest size (where the queue was left), with its forms.
    await page.locator("table tbody tr").first().getByRole("link").first().click();
    await expect(page.getByRole("region", { name: "Selected escalation" })).toBeVisible();
    await expectReflows(page, [new URL(page.url()).pathname + new URL(page.url()).search]);
  });

  test("the admin's pages fit the phone", async ({ page }) => {
    await signInAs(page, await demoUser(ACCOUNTS.admin));
    await expectReflows(page, [
      "/",
      "/notifications",
      "/account",
      "/account/two-factor",
      "/admin/users",
      "/admin/settings",
      "/admin/sign-in",
      "/admin/access-log",
      "/admin/mail",
    ]);
  });
});

test.describe("the phone's menu", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("opens and closes by keyboard, marks the current page, and closes when a link is followed", async ({ page }) => {
    await signInAs(page, await demoUser(ACCOUNTS.advisor));
    await page.goto("/office");
    await hydrated(page);
    const menu = page.getByRole("button", { name: /^Menu/ });
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();

    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeVisible();
    await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
    await expect(nav.locator("[aria-current]")).toHaveCount(1);
    await expectAccessible(page);

    // Escape closes it and returns to the button; Space opens it again.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
    await page.keyboard.press("Space");
    await expect(nav).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(nav).toBeHidden();

    // Following a link from the menu closes it; the new page is the current one.
    await page.keyboard.press("Enter");
    await nav.getByRole("link", { name: "Escalations" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Escalations", level: 1 })).toBeVisible();
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(nav.getByRole("link", { name: "Escalations" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current", "page");
  });

  test("opens and closes by touch", async ({ newPage }) => {
    const page = await newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await signInAs(page, await demoUser(ACCOUNTS.student));
    await page.goto("/");
    await hydrated(page);
    const menu = page.getByRole("button", { name: /^Menu/ });
    const nav = page.getByRole("navigation", { name: "Main" });
    await menu.tap();
    await expect(nav).toBeVisible();
    await expect(nav.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
    await menu.tap();
    await expect(nav).toBeHidden();
    await menu.tap();
    await nav.getByRole("link", { name: "Your record" }).tap();
    await expect(page).toHaveURL(/\/me\/record$/);
    await expect(nav).toBeHidden();
    await menu.tap();
    await expect(nav.getByRole("link", { name: "Your record" })).toHaveAttribute("aria-current", "page");
  });

  test("without JavaScript the navigation is simply shown", async ({ newPage }) => {
    const page = await newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await signInAs(page, await demoUser(ACCOUNTS.tutor));
    await page.goto("/cases");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Caseload" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Caseload" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("button", { name: /^Menu/ })).toHaveCount(0);
  });
});

for (const width of [1280, 1440]) {
  test(`at ${width} px the admin's whole navigation is on screen`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signInAs(page, await demoUser(ACCOUNTS.admin));
    await page.goto("/admin/users");
    await hydrated(page);
    await expect(page.getByRole("button", { name: /^Menu/ })).toBeHidden();
    const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
    expect(await links.count()).toBeGreaterThan(10);
    for (const link of await links.all()) {
      await expect(link).toBeVisible();
      const box = await link.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= width, `${await link.textContent()} is off screen`).toBe(true);
    }
    await expect(page.getByRole("link", { name: "Access log" })).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}
