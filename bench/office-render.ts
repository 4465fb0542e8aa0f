/**
 * Service time of single requests, in process (measured, not asserted): the
 * production build's request handler answers the caseload pages of the large
 * school (bench/seed.ts) one at a time, without HTTP, so the figure is the
 * CPU a request costs and stays readable on a busy machine (report medians).
 * With `--profile`, a CPU profile of the measured requests is summed by where
 * the time went (React's server renderer, React Router, TanStack Table,
 * Prisma, the app's own code, garbage collection).
 *
 *   npm run build && npm run bench:render      (BENCH_REQUESTS=n, default 300;
 *                                                BENCH_FRESH=1 seeds again)
 *   npm run bench:render -- --profile
 */
import { Session } from "node:inspector/promises";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dbFile = path.join(root, "bench", ".data", "render.db");
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const PROFILE = process.argv.includes("--profile");
const ORIGIN = "http://localhost:3000";

process.env.DATABASE_URL = `file:${dbFile}`;
process.env.NODE_ENV = "production";
process.env.APP_ORIGIN = ORIGIN;
process.env.LOG_LEVEL ??= "error";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}

/** Where a profile sample's time is counted, by the script it ran in. */
function bucket(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(program)" || functionName === "(idle)") return "V8 / idle";
  if (url.includes("/react-dom/")) return "react-dom (server renderer)";
  if (url.includes("/react/")) return "react";
  if (url.includes("/react-router/dist/development/")) return "react-router (development build)";
  if (url.includes("/react-router/") || url.includes("/@react-router/")) return "react-router";
  if (url.includes("/@tanstack/")) return "@tanstack/table";
  if (url.includes("/@prisma/") || url.includes("/.prisma/") || url.includes("/generated/prisma")) return "prisma";
  if (url.includes("/better-sqlite3/") || url.includes("/@libsql/") || url.includes("/libsql/")) return "sqlite driver";
  if (url.includes("/zod/")) return "zod";
  if (url.includes("/build/server/")) return "app (server build)";
  if (url.includes("/node_modules/")) return `other: ${url.split("/node_modules/").pop()?.split("/")[0] ?? url}`;
  if (url.startsWith("node:") || url === "") return "node internals";
  return `other: ${url}`;
}

async function main() {
  const { seedLargeSchool } = await import("./seed.ts");
  const { tutorCookie, advisorCookie } = await seedLargeSchool(dbFile, { reuse: process.env.BENCH_FRESH !== "1" });
  // As `npm start` does (scripts/start.ts); BENCH_RR_DEVELOPMENT=1 keeps the development build to compare.
  if (process.env.BENCH_RR_DEVELOPMENT !== "1") (await import("../server/react-router-production.ts")).resolveReactRouterProductionBuild();
  const { createRequestHandler } = await import("react-router");
  const build = await import(path.join(root, "build", "server", "index.js"));
  const handler = createRequestHandler(build, "production");
  const targets = [
    { name: "GET /login (sign-in, anonymous)", path: "/login", cookie: null },
    { name: "GET /cases as tutor (250 cases, 25 rows)", path: "/cases", cookie: tutorCookie },
    { name: "GET /cases as office (5,000 cases, 25 rows)", path: "/cases", cookie: advisorCookie },
    {
      name: "GET /cases office, by risk, filtered, 50 rows",
      path: "/cases?sort=risk&dir=desc&exam=STEP1&status=ACTIVE&size=50",
      cookie: advisorCookie,
    },
  ];
  const once = async (t: (typeof targets)[number]) => {
    const headers = new Headers({ "x-retake-desk-client": "127.0.0.1", accept: "text/html" });
    if (t.cookie) headers.set("cookie", t.cookie);
    const response = await handler(new Request(`${ORIGIN}${t.path}`, { headers }));
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${t.path} answered ${response.status}`);
    return body.length;
  };
  for (const t of targets) for (let i = 0; i < 30; i += 1) await once(t);

  const session = PROFILE ? new Session() : null;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 100 });
    await session.post("Profiler.start");
  }
  const rows: string[] = [];
  let baseline = 0;
  for (const t of targets) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REQUESTS; i += 1) {
      const started = performance.now();
      bytes = await once(t);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const median = percentile(times, 50);
    if (t.path === "/login") baseline = median;
    rows.push(
      `| ${t.name} | ${median.toFixed(2)} | ${percentile(times, 95).toFixed(2)} | ${baseline ? (median / baseline).toFixed(1) : "—"} | ${(bytes / 1024).toFixed(0)} |`,
    );
  }
  let profileRows: string[] = [];
  let topFunctions: string[] = [];
  if (session) {
    const { profile } = (await session.post("Profiler.stop")) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
    const totals = new Map<string, number>();
    let all = 0;
    profile.samples.forEach((id, i) => {
      const node = byNode.get(id);
      const delta = profile.timeDeltas[i] ?? 0;
      if (!node) return;
      const key = bucket(node);
      totals.set(key, (totals.get(key) ?? 0) + delta);
      all += delta;
    });
    const byFunction = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const node = byNode.get(id);
      if (!node) return;
      const key = `${node.callFrame.functionName || "(anonymous)"} · ${bucket(node)}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    topFunctions = [...byFunction.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([key, us]) => `| ${key} | ${((100 * us) / all).toFixed(1)} % |`);
    profileRows = [...totals.entries()]
      .sort((a, b) => b[1] - a[1])
      .filter(([, us]) => us / all >= 0.005)
      .map(([key, us]) => `| ${key} | ${((100 * us) / all).toFixed(1)} % |`);
  }
  console.log(
    `\n${REQUESTS} requests per page, one at a time, in process; Node ${process.version}; load average ${(await import("node:os")).loadavg()[0].toFixed(1)}; ${new Date().toISOString().slice(0, 16)}Z\n`,
  );
  console.log("| page | median ms | p95 ms | median ÷ /login median | HTML KB |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const row of rows) console.log(row);
  if (profileRows.length > 0) {
    console.log("\nCPU profile of the measured requests (self time by where it ran):\n");
    console.log("| where | share of samples |");
    console.log("| --- | --- |");
    for (const row of profileRows) console.log(row);
    console.log("\n| function · where | share of samples |");
    console.log("| --- | --- |");
    for (const row of topFunctions) console.log(row);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
