/**
 * The repository documents itself: comments and docs point to docs/ and the
 * ADRs in docs/decisions, never to files outside the repository or to the
 * tracker's issue numbers, which a reader of the code cannot follow.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");

/** What a reader could not follow: a brief kept outside the repository, or an issue number. */
const outsideReferences = [/\b(?:DOMAIN|PRODUCT|STYLE|TOOLCHAIN)\.md\b/, /\.\.\/shared\//, /\bissues? #?\d+\b/i];

function trackedTextFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
  });
  return listed
    .split("\0")
    .filter((file) => /\.(?:ts|tsx|md|sql|prisma|sh|css|json)$/.test(file))
    .filter((file) => file !== "package-lock.json" && !file.startsWith("app/generated/"));
}

it("no file points outside the repository or to an issue number", () => {
  const offending: string[] = [];
  for (const file of trackedTextFiles()) {
    if (file === "tests/infrastructure/self-documenting.test.ts") continue;
    let text: string;
    try {
      text = readFileSync(path.join(root, file), "utf8");
    } catch {
      continue; // listed but deleted in the working tree
    }
    text.split("\n").forEach((line, index) => {
      if (outsideReferences.some((pattern) => pattern.test(line))) offending.push(`${file}:${index + 1}: ${line.trim()}`);
    });
  }
  expect(offending).toEqual([]);
});
