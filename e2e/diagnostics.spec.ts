import type { Page } from "@playwright/test";
import { addNote, schoolWithCase, signInAs } from "./data";
import { expect, expectAccessible, hydrated, test } from "./fixtures";

const stamp = Date.now().toString(36);
const EVIDENCE = {
  gap: `Pathology below half in the question bank (${stamp}).`,
  timing: `Left six questions blank per block (${stamp}).`,
  anxiety: `Goes blank in the first block (${stamp}).`,
  note: `We agreed on the first two weeks (${stamp}).`,
  privateNote: `Mentioned family stress; follow up gently (${stamp}).`,
};

/** The group's own school: a Step 1 case its tutor has taken, and a private note the student must never see. */
let setup: Awaited<ReturnType<typeof schoolWithCase>>;
let casePath = "";

async function openCase(page: Page) {
  await page.goto("/cases");
  await hydrated(page);
  await page.getByLabel("Search by name or email").fill(setup.student.name);
  await expect(page).toHaveURL(/q=/);
  await page.getByRole("link", { name: setup.student.name }).first().click();
  await expect(page.getByRole("heading", { name: "Attempt history" })).toBeVisible();
}

async function addFinding(page: Page, finding: { kind: string; severity: string; visibility: RegExp; evidence: string; areas?: string[] }) {
  const form = page.locator("form#finding-new");
  await form.getByLabel("Kind").selectOption(finding.kind);
  await form.getByLabel("Severity").selectOption(finding.severity);
  await form.getByLabel("Evidence").fill(finding.evidence);
  await form.getByRole("radio", { name: finding.visibility }).check();
  if (finding.areas?.length) {
    const details = form.locator("details");
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
    for (const area of finding.areas) await form.getByRole("checkbox", { name: area, exact: true }).check();
  }
  await form.getByRole("button", { name: "Add the finding" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Finding recorded" })).toBeVisible();
  await expect(page.getByText(finding.evidence)).toBeVisible();
  await hydrated(page);
}

test.describe
  .serial("diagnostics", () => {
    test.beforeAll(async () => {
      setup = await schoolWithCase({ takenBy: "tutor" });
      casePath = `/cases/${setup.caseId}`;
      await addNote({
        caseId: setup.caseId,
        schoolId: setup.school.id,
        authorId: setup.tutor.id,
        body: EVIDENCE.privateNote,
        visibility: "PRIVATE",
      });
    });

    test("a tutor records a Step 1 report and three findings and sees the analysis", async ({ page }) => {
      await signInAs(page, setup.tutor);
      await openCase(page);
      expect(new URL(page.url()).pathname).toBe(casePath);
      await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Diagnostics" }).click();
      await expect(page.getByRole("heading", { name: "Score report", level: 2 })).toBeVisible();
      await expectAccessible(page);
      await hydrated(page);

      // The grid is Step 1's: physician tasks, systems and disciplines, one band select per area.
      const report = page.locator("form#score-report");
      await expect(report.getByRole("table")).toHaveCount(3);
      await report.getByLabel("Band scale").selectOption("CURRENT");
      await report.getByLabel("Patient Care: Diagnosis: band").selectOption("LOWER");
      await report.getByLabel("Pathology: band").selectOption("LOWER");
      await report.getByLabel("Cardiovascular System: band").selectOption("LOWER");
      await report.getByLabel("Gastrointestinal System: band").selectOption("LOWER");
      await report.getByLabel("Physiology: band").selectOption("SAME");
      // Switching to the legacy scale turns Same into Borderline, and back.
      await report.getByLabel("Band scale").selectOption("LEGACY");
      await expect(report.getByLabel("Physiology: band")).toHaveValue("BORDERLINE");
      await report.getByLabel("Band scale").selectOption("CURRENT");
      await expect(report.getByLabel("Physiology: band")).toHaveValue("SAME");
      // A label printed for two areas goes on both rows.
      await report.getByLabel("Microbiology: band").selectOption("");
      await report.getByLabel("Immunology: band").selectOption("");
      await report.getByLabel("Printed label 1", { exact: true }).fill("Microbiology & Immunology");
      await report.getByLabel("Band of printed label 1").selectOption("LOWER");
      await report.getByLabel("Points from passing (optional)").fill("");
      await report.getByRole("button", { name: "Save the score report" }).click();
      await expect(page.getByRole("status").filter({ hasText: /Score report (saved|updated)/ })).toBeVisible();
      await expect(report.getByLabel("Immunology: band")).toHaveValue("LOWER");
      await expect(report.getByLabel("Immunology: label as printed")).toHaveValue("Microbiology & Immunology");
      await hydrated(page);

      await addFinding(page, {
        kind: "CONTENT_GAP",
        severity: "3",
        visibility: /Shared with the student/,
        evidence: EVIDENCE.gap,
        areas: ["Pathology"],
      });
      await addFinding(page, { kind: "TIMING", severity: "2", visibility: /Shared with the student/, evidence: EVIDENCE.timing });
      await addFinding(page, { kind: "TEST_ANXIETY", severity: "2", visibility: /Shared with the office/, evidence: EVIDENCE.anxiety });

      // The analysis: the character with its reasons, the ranked areas, the clusters.
      await expect(page.getByRole("heading", { name: /The failure's character: / })).toBeVisible();
      await expect(page.getByText(/Strategy findings: .*Timing and pacing/)).toBeVisible();
      const ranked = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Rank" }) });
      await expect(ranked.getByRole("row").nth(1)).toContainText("Lower");
      await expect(ranked).toContainText("Pathology");
      await expect(page.getByText(/Reasoning pattern: Patient Care: Diagnosis Lower across systems/)).toBeVisible();
    });

    test("a tutor adds a session note shared with the student", async ({ page }) => {
      await signInAs(page, setup.tutor);
      await page.goto(`${casePath}/notes`);
      await hydrated(page);
      const form = page.locator("form#note-new");
      await form.getByLabel("Note").fill(EVIDENCE.note);
      await form.getByRole("radio", { name: /Shared with the student/ }).check();
      await form.getByRole("button", { name: "Add the note" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Session note added" })).toBeVisible();
      await expect(page.getByText(EVIDENCE.note)).toBeVisible();
    });

    test("the student sees only what was shared with them, in supportive words", async ({ page }) => {
      await signInAs(page, setup.student);
      await page.goto(`${casePath}/diagnostics`);
      await expect(page.getByRole("heading", { name: "What your results show" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Where your plan starts" })).toBeVisible();
      await expect(page.getByText(EVIDENCE.gap)).toBeVisible();
      await expect(page.getByText(EVIDENCE.timing)).toBeVisible();
      await expect(page.getByRole("heading", { name: "Pacing" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Something to talk through" }).first()).toBeVisible();
      await expect(page.getByText(EVIDENCE.anxiety)).toHaveCount(0);
      await expect(page.getByText(/anxiety/i)).toHaveCount(0);
      // No editing for the student.
      await expect(page.locator("form#score-report")).toHaveCount(0);
      await expect(page.getByRole("button", { name: /Add the finding|Save/ })).toHaveCount(0);
      await expectAccessible(page);

      await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Session notes" }).click();
      await expect(page.getByRole("heading", { name: "Notes your tutor shared with you" })).toBeVisible();
      await expect(page.getByText(EVIDENCE.note)).toBeVisible();
      await expect(page.getByText(EVIDENCE.privateNote)).toHaveCount(0);
    });
  });
