/**
 * Load measurement of the caseload pages (measured, not asserted). Seeds a
 * large school into its own database, starts the production server with one
 * process and then with one per core (ADR 0019), and drives each over HTTP
 * with autocannon at a few concurrency levels. Prints requests per second and
 * p50 / p95 / p99 latency for the tutor's caseload and the office's case
 * list, next to the app's cheapest pages, for both in one table.
 *
 *   npm run build && npm run bench     (BENCH_DURATION=seconds, default 8;
 *                                       BENCH_PROCESSES=list, default "1,<cores>")
 */
import { type ChildProcess, spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, "bench", ".data");
const dbFile = path.join(dataDir, "bench.db");
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const ORIGIN = `http://localhost:${PORT}`;
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const CONCURRENCY = [1, 10, 25];
const PROCESSES = (process.env.BENCH_PROCESSES ?? `1,${Math.max(2, availableParallelism())}`).split(",").map(Number);

process.env.DATABASE_URL = `file:${dbFile}`;
process.env.NODE_ENV = "production";
process.env.LOG_LEVEL ??= "error";

function startServer(processes: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "start.ts")], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), APP_ORIGIN: ORIGIN, LOG_LEVEL: "warn", WEB_CONCURRENCY: String(processes) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("is running")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** SIGTERM, and wait until every process has finished (graceful shutdown, scripts/start.ts). */
function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function measure(urlPath: string, cookie: string | null, connections: number): Promise<Figures> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${ORIGIN}${urlPath}`, connections, duration: DURATION, headers: cookie ? { cookie } : {} },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    // Each response's own latency, so p95 is exact (autocannon reports p97.5 but no p95).
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.non2xx,
  };
}

const targets = (tutorCookie: string, advisorCookie: string): Array<{ name: string; path: string; cookie: string | null }> => [
  { name: "GET /healthz (cheapest: one SELECT 1)", path: "/healthz", cookie: null },
  { name: "GET /login (cheapest page, anonymous)", path: "/login", cookie: null },
  { name: "GET /cases as tutor (250 cases)", path: "/cases", cookie: tutorCookie },
  { name: "GET /cases as office (5,000 cases)", path: "/cases", cookie: advisorCookie },
  {
    name: "GET /cases office, sorted by risk, filtered, 50 rows",
    path: "/cases?sort=risk&dir=desc&exam=STEP1&status=ACTIVE&size=50",
    cookie: advisorCookie,
  },
];

async function main() {
  const { seedLargeSchool } = await import("./seed.ts");
  const { tutorCookie, advisorCookie } = await seedLargeSchool(dbFile);
  const rows: string[] = [];
  const failed: string[] = [];
  for (const processes of PROCESSES) {
    const server = await startServer(processes);
    try {
      // Warm up once so the first measurements do not include cold caches (each process's).
      for (const t of targets(tutorCookie, advisorCookie)) await measure(t.path, t.cookie, Math.max(2, processes)).catch(() => null);
      const baseline = new Map<number, number>();
      for (const t of targets(tutorCookie, advisorCookie)) {
        for (const c of CONCURRENCY) {
          const f = await measure(t.path, t.cookie, c);
          if (f.errors > 0) failed.push(`${t.name} at ${c} connections, ${processes} processes: ${f.errors} errors or non-2xx responses`);
          // A cell where no response completed has no figures (a machine far busier than the measurement needs).
          if (f.rps === 0 && f.p95 === 0) failed.push(`${t.name} at ${c} connections, ${processes} processes: no response completed`);
          if (t.path === "/login") baseline.set(c, f.p95);
          const ratio = baseline.get(c) ? (f.p95 / (baseline.get(c) as number)).toFixed(1) : "—";
          rows.push(
            `| ${t.name} | ${processes} | ${c} | ${f.rps.toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.p99.toFixed(1)} | ${t.path === "/healthz" ? "—" : ratio} | ${f.errors} |`,
          );
          console.log(rows[rows.length - 1]);
        }
      }
    } finally {
      await stopServer(server);
    }
  }
  // Latencies of failed requests (a redirect to /login, a 500) are not the page's figures.
  if (failed.length > 0) throw new Error(`The measurements are not valid:\n  ${failed.join("\n  ")}`);
  console.log(
    `\n${DURATION} s per cell, Node ${process.version}, ${availableParallelism()} cores, ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log("| page | processes | connections | req/s | p50 ms | p95 ms | p99 ms | p95 ÷ /login p95 | errors |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of rows) console.log(row);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
