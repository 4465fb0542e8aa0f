import { chromium } from "@playwright/test";
const [, , who, ...paths] = process.argv;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
await page.goto("http://localhost:3000/login");
await page.locator("html[data-hydrated]").waitFor();
await page.getByLabel("Email").fill(`${who}@northfield.edu`);
await page.getByLabel("Password").fill("retake-desk-demo");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/login"));
for (const [i, p] of paths.entries()) {
  await page.goto(`http://localhost:3000${p}`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/${who}-${i}.png`, fullPage: true });
}
await browser.close();
