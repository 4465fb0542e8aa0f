// Sums the JSON reports of Vitest and Playwright into the final line CI reads:
// "N passed, N failed". A failed check without a test report (typecheck, lint,
// drift, build, or a runner that crashed) counts as one failure.
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
const runners = {
  "unit + integration (better-sqlite3)": "vitest-better-sqlite3.json",
  "unit + integration (libSQL)": "vitest-libsql.json",
  "end-to-end (Chromium)": "playwright.json",
};
for (const [gate, file] of Object.entries(runners)) {
  const report = read(file);
  if (!report) {
    if (failedGates.includes(gate)) failed += 1;
    continue;
  }
  if (file.startsWith("vitest")) {
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numFailedTests === 0 && failedGates.includes(gate) ? 1 : 0);
  } else {
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected + (report.stats.unexpected === 0 && failedGates.includes(gate) ? 1 : 0);
  }
}
failed += failedGates.filter((g) => !(g in runners)).length;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
