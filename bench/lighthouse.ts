/**
 * Lighthouse scores (performance, accessibility) of four pages — sign-in, the
 * tutor's caseload, a case's progress page and the student's home — on the
 * production build, with desktop settings and with Lighthouse's default mobile
 * emulation. Lighthouse drives the same Chromium as the end-to-end tests
 * (CHROMIUM_PATH, default /usr/bin/chromium). The server runs on a copy of the
 * demo database; signed-in pages get a session cookie made for a demo account.
 *
 *   npm run build && npm run bench:lighthouse      (BENCH_PORT, default 3200)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { ensureDemoDatabase } from "../tests/setup/demo-database.ts";

const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const ORIGIN = `http://localhost:${PORT}`;
const DEBUG_PORT = PORT + 1000;
const dbFile = path.join(root, "bench", ".data", "lighthouse.db");

mkdirSync(path.dirname(dbFile), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbFile}${suffix}`, { force: true });
copyFileSync(await ensureDemoDatabase(), dbFile);
process.env.DATABASE_URL = `file:${dbFile}`;
process.env.NODE_ENV = "production";
process.env.LOG_LEVEL = "error";

const { prisma } = await import("#app/utils/db.server.ts");
const { createSession } = await import("#app/utils/session.server.ts");

async function cookieFor(email: string): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return `rd_session=${(await createSession(user.id)).token}`;
}
const tutorCookie = await cookieFor("tutor@northfield.edu");
const studentCookie = await cookieFor("student@northfield.edu");
const tutor = await prisma.user.findUniqueOrThrow({ where: { email: "tutor@northfield.edu" }, select: { id: true } });
// A case of the tutor's with practice exams: its progress page draws a chart.
const withPractice = await prisma.retakeCase.findFirstOrThrow({
  where: { assignments: { some: { tutorId: tutor.id } }, practiceExams: { some: {} } },
  select: { id: true },
});
await prisma.$disconnect();

function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "start.ts")], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), APP_ORIGIN: ORIGIN, WEB_CONCURRENCY: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("is running")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const pages = [
  { name: "Sign-in", path: "/login", cookie: null },
  { name: "Caseload (tutor)", path: "/cases", cookie: tutorCookie },
  { name: "Case progress (tutor)", path: `/cases/${withPractice.id}/progress`, cookie: tutorCookie },
  { name: "Student home", path: "/", cookie: studentCookie },
];

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [`--remote-debugging-port=${DEBUG_PORT}`, "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
try {
  const rows: string[] = [];
  for (const page of pages) {
    for (const mode of ["desktop", "mobile"] as const) {
      const result = await lighthouse(
        `${ORIGIN}${page.path}`,
        {
          port: DEBUG_PORT,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility"],
          extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
        },
        mode === "desktop" ? desktopConfig : undefined,
      );
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`No Lighthouse result for ${page.path}`);
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const metric = (id: string) => lhr.audits[id]?.displayValue ?? "—";
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0))
        .map((a) => a.id);
      // Performance audits that cost points (opportunities and diagnostics below 0.9), to see what is ours.
      const weak = lhr.categories.performance.auditRefs
        .map((r) => lhr.audits[r.id])
        .filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative")
        .map((a) => a.id);
      rows.push(
        `| ${page.name} | ${mode} | ${score("performance")} | ${score("accessibility")} | ${metric("first-contentful-paint")} | ${metric("largest-contentful-paint")} | ${metric("total-blocking-time")} | ${metric("cumulative-layout-shift")} | ${failing.join(", ") || "—"} | ${weak.join(", ") || "—"} |`,
      );
      console.log(rows[rows.length - 1]);
    }
  }
  const version = (JSON.parse(readFileSync(path.join(root, "node_modules", "lighthouse", "package.json"), "utf8")) as { version: string })
    .version;
  console.log(
    `\nLighthouse ${version}, ${new Date().toISOString().slice(0, 16)}Z, load average ${loadavg()[0].toFixed(1)} (performance scores need an idle machine)\n`,
  );
  console.log(
    "| page | mode | performance | accessibility | FCP | LCP | TBT | CLS | failed accessibility audits | performance audits below 0.9 |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of rows) console.log(row);
} finally {
  await browser.close();
  server.kill("SIGTERM");
}
