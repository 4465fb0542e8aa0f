/**
 * The demo database's key (tests/setup/demo-database.ts): it follows every
 * source file the seed reaches and the day, so a change to either builds a
 * new copy instead of serving stale demo data.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { demoDatabaseKey, demoDatabasePath, importClosure } from "../setup/demo-database";

const root = path.resolve(import.meta.dirname, "..", "..");
const scratch = mkdtempSync(path.join(tmpdir(), "closure-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the demo database's key", () => {
  it("covers the seed and everything it imports, directly or not, and no package", () => {
    const files = importClosure(path.join(root, "prisma", "seed.ts")).map((f) => path.relative(root, f));
    expect(files).toEqual(
      expect.arrayContaining([
        "prisma/seed.ts",
        "prisma/seed-plans.ts",
        "app/domain/attempts/mutations.server.ts",
        // Reached only through other modules.
        "app/utils/db.server.ts",
        "app/utils/db-adapter.server.ts",
      ]),
    );
    expect(files.every((f) => !f.startsWith("node_modules") && !f.startsWith("app/generated"))).toBe(true);
  });

  it("follows relative, dynamic and #app/ imports, type-only ones included", () => {
    writeFileSync(path.join(scratch, "a.ts"), 'import { b } from "./b";\nexport const a = () => import("./c.ts");\n');
    writeFileSync(
      path.join(scratch, "b.ts"),
      'import type { IsoDate } from "#app/domain/dates";\nexport const b: IsoDate | null = null;\n',
    );
    writeFileSync(path.join(scratch, "c.ts"), 'import "node:fs";\nexport {};\n');
    const files = importClosure(path.join(scratch, "a.ts"));
    expect(files).toEqual(
      [path.join(root, "app", "domain", "dates.ts"), ...["a.ts", "b.ts", "c.ts"].map((f) => path.join(scratch, f))].sort(),
    );
  });

  it("refuses an import it cannot resolve rather than leave a file out", () => {
    writeFileSync(path.join(scratch, "broken.ts"), 'import { gone } from "./gone";\n');
    expect(() => importClosure(path.join(scratch, "broken.ts"))).toThrow(/cannot resolve "\.\/gone"/);
  });

  it("changes with the day the demo story is dated from, and names the file", () => {
    const monday = new Date("2026-11-23T08:00:00Z");
    expect(demoDatabaseKey(monday)).toBe(demoDatabaseKey(new Date("2026-11-23T22:00:00Z")));
    expect(demoDatabaseKey(monday)).not.toBe(demoDatabaseKey(new Date("2026-11-24T08:00:00Z")));
    expect(demoDatabasePath(demoDatabaseKey(monday))).toMatch(/tests\/\.db\/demo-[0-9a-f]{16}\.db$/);
  });
});
