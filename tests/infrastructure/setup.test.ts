/**
 * The test setup itself (ADR 0007), checked by running the fixtures in
 * ./fixtures with the integration project's setup in a Vitest of their own:
 * a file starts on a fresh database, with fresh app modules and the worker's
 * environment, even in a worker that already ran another file; and an
 * undeclared console.error fails its test.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
let results: Map<string, string>;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "setup-fixtures-"));
  const report = path.join(dir, "report.json");
  // A Vitest of its own: none of this run's worker variables.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST") && key !== "DATABASE_URL"));
  const args = [
    path.join(root, "node_modules", "vitest", "vitest.mjs"),
    "run",
    "--config",
    "tests/infrastructure/fixtures/vitest.config.ts",
  ];
  // Some fixtures fail on purpose, so the run exits non-zero: the report says which.
  await promisify(execFile)(process.execPath, [...args, "--reporter=json", `--outputFile=${report}`], { cwd: root, env }).catch(() => {});
  const json = JSON.parse(readFileSync(report, "utf8")) as {
    testResults: Array<{ assertionResults: Array<{ title: string; status: string }> }>;
  };
  rmSync(dir, { recursive: true, force: true });
  results = new Map(json.testResults.flatMap((f) => f.assertionResults.map((t) => [t.title, t.status])));
}, 60_000);

describe("each integration test file", () => {
  it("starts on a fresh copy of the template (WAL, foreign keys on), fresh modules and the worker's environment, though its worker ran another file", () => {
    expect(results.get("writes a school, module state and an environment variable")).toBe("passed");
    expect(
      results.get("starts on a fresh database, fresh modules and the worker's environment, in the worker that ran the file before it"),
    ).toBe("passed");
  });
});

describe("console.error in a test", () => {
  it("fails the test unless it declared it, and a declared error must come", () => {
    expect(results.get("prints an undeclared error")).toBe("failed");
    expect(results.get("prints a declared error")).toBe("passed");
    expect(results.get("declares an error that never comes")).toBe("failed");
    expect(results.get("prints nothing")).toBe("passed");
  });
});
