/**
 * Other app processes on the test's database file (tests/processes/child.ts),
 * for the tests of state shared between processes (ADR 0019).
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface Child {
  process: ChildProcess;
  pid: number;
  /** Every JSON line it has written so far. */
  messages: Array<Record<string, unknown>>;
  /** Resolves with the first message (already written or to come) that `match` accepts. */
  waitFor(match: (message: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

export function startChild(args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "tests", "processes", "child.ts"), ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const messages: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  let buffered = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line.startsWith("{")) messages.push(JSON.parse(line));
    for (const wake of waiters) wake();
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  void exited.then(() => {
    for (const wake of waiters) wake();
  });
  return {
    process: child,
    pid: child.pid ?? 0,
    messages,
    exited,
    waitFor(match, timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`child ${args[0]} exited (${child.exitCode ?? child.signalCode}) without the awaited message\n${stderr}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`child ${args[0]} did not write the awaited message in ${timeoutMs} ms\n${stderr}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

/** Kills what is still running (afterEach). */
export function killAll(children: Child[]) {
  for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill("SIGKILL");
}
