// Sums the JSON reports of Vitest and Playwright into the final line CI reads:
// "N passed, N failed". A failed check without a test report (typecheck, lint,
// drift, build, or a runner that crashed) counts as one failure, and so does a
// test file that failed without a failed test (it did not load). Flaky (passed
// on a retry) and skipped tests are shown on the line before.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2];
const read = (name) => {
  const file = path.join(dir, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
};
const failedGates = existsSync(path.join(dir, "failed-gates.txt"))
  ? readFileSync(path.join(dir, "failed-gates.txt"), "utf8").split("\n").filter(Boolean)
  : [];

let passed = 0;
let failed = 0;
let flaky = 0;
let skipped = 0;
const runners = {
  "unit + integration (better-sqlite3)": "vitest-better-sqlite3.json",
  "integration (libSQL)": "vitest-libsql.json",
  "npm start with no configuration": "vitest-start.json",
  "end-to-end (Chromium)": "playwright.json",
};
for (const [gate, file] of Object.entries(runners)) {
  const report = read(file);
  if (!report) {
    if (failedGates.includes(gate)) failed += 1;
    continue;
  }
  let runnerFailed;
  if (file.startsWith("vitest")) {
    passed += report.numPassedTests;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A test file that failed without a failed test (it did not load, a hook threw)
    // counts as one failure; numFailedTestSuites also counts the suites around failed tests.
    const brokenFiles = (report.testResults ?? []).filter(
      (f) => f.status === "failed" && !f.assertionResults?.some((t) => t.status === "failed"),
    ).length;
    runnerFailed = report.numFailedTests + (brokenFiles || (report.numFailedTests === 0 && report.numFailedTestSuites > 0 ? 1 : 0));
  } else {
    // Flaky tests failed, then passed on a retry: counted as passed, and shown.
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    flaky += report.stats.flaky ?? 0;
    skipped += report.stats.skipped ?? 0;
    runnerFailed = report.stats.unexpected;
  }
  failed += runnerFailed + (runnerFailed === 0 && failedGates.includes(gate) ? 1 : 0);
}
failed += failedGates.filter((g) => !(g in runners)).length;

// No test near its timeout (ADR 0007): the end-to-end tests that took more than half of theirs are named.
const nearTimeout = [];
const walk = (suite) => {
  for (const spec of suite.specs ?? [])
    for (const t of spec.tests)
      for (const r of t.results)
        if (t.timeout && r.duration > t.timeout / 2)
          nearTimeout.push(`  ${(r.duration / 1000).toFixed(1)} s of ${t.timeout / 1000} s  ${spec.file} › ${spec.title}`);
  for (const child of suite.suites ?? []) walk(child);
};
for (const suite of read("playwright.json")?.suites ?? []) walk(suite);
if (nearTimeout.length) console.log(`\nOver half their timeout (make them faster):\n${nearTimeout.join("\n")}`);
console.log(`\n${flaky} flaky (passed on a retry, counted as passed), ${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
