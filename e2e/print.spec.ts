/**
 * Paper (docs/decisions/0026-phones-and-forms.md): the plan's print view and
 * the pages a student may print fit the printable width of A4 and of Letter
 * (the page less the 15 mm margins of app.css's @page), under print media.
 */
import { schoolWithStory, signInAs } from "./data";
import { expect, test } from "./fixtures";

const MM = 96 / 25.4;
const PAPERS = [
  { name: "A4", width: Math.floor((210 - 30) * MM), pdf: "A4" },
  { name: "Letter", width: Math.floor(8.5 * 96 - 30 * MM), pdf: "Letter" },
] as const;

test("the plan's print view and a student's pages fit A4 and Letter", async ({ page }) => {
  const { caseId, student } = await schoolWithStory("ACTIVE");
  await signInAs(page, student);
  const paths = [
    "/",
    `/cases/${caseId}/plan/print`,
    `/cases/${caseId}/diagnostics`,
    `/cases/${caseId}/plan`,
    `/cases/${caseId}/progress`,
    `/cases/${caseId}/decision`,
    "/me/record",
  ];
  await page.emulateMedia({ media: "print" });
  for (const paper of PAPERS) {
    await page.setViewportSize({ width: paper.width, height: 1000 });
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), `${path} answered`).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, `${path} printed on ${paper.name}`).toBeLessThanOrEqual(innerWidth);
    }
    // The print view itself: the app's header and navigation are not on paper, and it prints.
    await page.goto(`/cases/${caseId}/plan/print`);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(student.name);
    const pdf = await page.pdf({ format: paper.pdf, margin: { top: "15mm", bottom: "15mm", left: "15mm", right: "15mm" } });
    expect(pdf.byteLength).toBeGreaterThan(1000);
  }
  await page.emulateMedia({ media: "screen" });
});
