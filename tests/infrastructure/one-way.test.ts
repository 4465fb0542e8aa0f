/**
 * One way to do each thing (docs/decisions/0015-one-refusal-convention.md):
 * every route action answers through `#app/actions/reply` or only redirects,
 * and app/utils stays below the domain (routes → auth/actions → domain → utils).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

const exportsAction = (text: string) => /export\s+(?:async\s+)?(?:function\s+action\b|const\s+action\b)/.test(text);
const REPLY_IMPORT = /from\s+"#app\/actions\/reply"/;
/** The module answers through reply(), itself or through a `./….server` helper of its folder that does (the password-link pages). */
function usesReply(file: string, text: string): boolean {
  if (REPLY_IMPORT.test(text)) return true;
  const helpers = [...text.matchAll(/from\s+"(\.\/[^"]+\.server)"/g)].map((m) => path.join(path.dirname(file), `${m[1]}.ts`));
  return helpers.some((helper) => {
    try {
      return REPLY_IMPORT.test(readFileSync(path.join(root, helper), "utf8"));
    } catch {
      return false;
    }
  });
}
/** An action with no reply of its own: it redirects (or throws a redirect) and answers nothing else. */
const onlyRedirects = (text: string) =>
  /\bredirect(?:Document)?\(|\bredirectWithToast\(|\bthrow\s+redirect/.test(text) && !/\bdata\s*[<(]/.test(text) && !/\bjson\(/.test(text);

it("every route action answers through #app/actions/reply or only redirects", () => {
  const offending = filesUnder("app/routes")
    .filter((file) => !file.endsWith(".test.ts"))
    .filter((file) => {
      const text = readFileSync(path.join(root, file), "utf8");
      return exportsAction(text) && !usesReply(file, text) && !onlyRedirects(text);
    });
  expect(offending).toEqual([]);
});

it("no file under app/utils imports the domain", () => {
  const offending = filesUnder("app/utils").filter((file) => /from\s+"#app\/domain\//.test(readFileSync(path.join(root, file), "utf8")));
  expect(offending).toEqual([]);
});
