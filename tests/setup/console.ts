/**
 * Runs before every test file (unit and integration): a `console.error` the
 * test did not declare fails it. React's warnings (keys, hydration, act) and
 * errors the app logs by hand all go through `console.error`, so a test that
 * passes while printing one is hiding a bug. A test that means to provoke one
 * says so first with `expectConsoleError(/what it says/)`; the test then fails
 * if no such error came.
 */
import { format } from "node:util";
import { afterAll, afterEach, beforeEach } from "vitest";

interface Expectation {
  pattern: RegExp;
  seen: number;
}

interface ConsoleGuard {
  original: typeof console.error;
  /** Undeclared errors printed since the last check. */
  unexpected: string[];
  /** Undeclared errors printed outside any test (a module's top level, a beforeAll hook). */
  outside: string[];
  expected: Expectation[];
}

const KEY = Symbol.for("retake-desk.console-guard");
const holder = globalThis as unknown as { [KEY]?: ConsoleGuard };

// Installed once per worker: with `isolate: false` this file runs again for every test file in the same globals.
function install(): ConsoleGuard {
  const state: ConsoleGuard = { original: console.error, unexpected: [], outside: [], expected: [] };
  console.error = (...args: unknown[]) => {
    const text = format(...args);
    const match = state.expected.find((e) => e.pattern.test(text));
    if (match) {
      match.seen += 1;
      return;
    }
    state.unexpected.push(text);
    state.original(...args);
  };
  return state;
}
holder[KEY] ??= install();
const guard = holder[KEY];

/**
 * Declares that the running test expects `console.error` to print something
 * matching `pattern`. Other errors still fail the test, and so does the
 * absence of a matching one. Returns how many matching errors came so far.
 */
export function expectConsoleError(pattern: RegExp): { count: () => number } {
  const expectation = { pattern, seen: 0 };
  guard.expected.push(expectation);
  return { count: () => expectation.seen };
}

beforeEach(() => {
  guard.outside.push(...guard.unexpected);
  guard.unexpected = [];
  guard.expected = [];
});

afterEach(() => {
  const failures = guard.unexpected.map((text) => `unexpected console.error:\n${text}`);
  for (const e of guard.expected) if (e.seen === 0) failures.push(`expected a console.error matching ${e.pattern}; none came`);
  guard.unexpected = [];
  guard.expected = [];
  if (failures.length) throw new Error(failures.join("\n\n"));
});

afterAll(() => {
  const outside = [...guard.outside, ...guard.unexpected];
  guard.outside = [];
  guard.unexpected = [];
  guard.expected = [];
  if (outside.length) throw new Error(outside.map((text) => `unexpected console.error outside a test:\n${text}`).join("\n\n"));
});
