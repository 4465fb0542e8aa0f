/**
 * The JavaScript each page loads, from the production build's route manifest
 * (build/client/assets/manifest-*.js): the client entry and, for the route and
 * each of its parents, its module and the chunks it imports. Sizes are of each
 * distinct file, gzipped (zlib level 9, about what a server's static gzip
 * sends). Lazy chunks (React.lazy) load later and are listed apart.
 *
 *   npm run build && npm run bench:js
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const client = path.join(root, "build", "client");
const assets = path.join(client, "assets");

interface RouteEntry {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: string;
  imports?: string[];
  hasDefaultExport: boolean;
}
interface Manifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, RouteEntry>;
}

const manifestFile = readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) throw new Error("No route manifest in build/client/assets: run `npm run build` first.");
const manifestText = readFileSync(path.join(assets, manifestFile), "utf8");
const manifest = JSON.parse(manifestText.slice(manifestText.indexOf("=") + 1).replace(/;\s*$/, "")) as Manifest;

const gz = new Map<string, number>();
function gzipped(file: string): number {
  let size = gz.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(client, file)), { level: 9 }).length;
    gz.set(file, size);
  }
  return size;
}

const sibling = (file: string, relative: string) => path.posix.join(path.posix.dirname(file), relative);

/** Chunks a file loads later with import(): what React.lazy and lazy route pieces fetch. */
function lazyImports(file: string): string[] {
  const text = readFileSync(path.join(client, file), "utf8");
  return [...text.matchAll(/import\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) => sibling(file, m[1]));
}

/** A chunk and every chunk it imports statically, transitively. */
function withStaticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(path.join(client, file), "utf8");
  for (const m of text.matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) withStaticImports(sibling(file, m[1]), seen);
  return seen;
}

function chain(id: string): RouteEntry[] {
  const out: RouteEntry[] = [];
  for (
    let route: RouteEntry | undefined = manifest.routes[id];
    route;
    route = route.parentId ? manifest.routes[route.parentId] : undefined
  ) {
    out.unshift(route);
  }
  return out;
}

function urlOf(id: string): string {
  const parts = chain(id)
    .map((r) => r.path ?? "")
    .filter(Boolean);
  return `/${parts.join("/")}`.replace(/\/+/g, "/");
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const rows: Array<{ id: string; url: string; files: number; total: number; chart: boolean; lazy: number }> = [];
for (const route of Object.values(manifest.routes)) {
  if (!route.hasDefaultExport) continue; // resource routes load no JavaScript
  const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports]);
  for (const r of chain(route.id)) for (const f of [r.module, ...(r.imports ?? [])]) files.add(f);
  const lazy = new Set<string>();
  for (const f of files) for (const l of lazyImports(f)) for (const c of withStaticImports(l)) if (!files.has(c)) lazy.add(c);
  const total = [...files].reduce((sum, f) => sum + gzipped(f), 0);
  // Recharts' own code carries this string; a page that loads it at start has chart code up front.
  const chart = [...files].some((f) => readFileSync(path.join(client, f), "utf8").includes("recharts-"));
  rows.push({ id: route.id, url: urlOf(route.id), files: files.size, total, chart, lazy: [...lazy].reduce((s, f) => s + gzipped(f), 0) });
}
rows.sort((a, b) => a.url.localeCompare(b.url));
console.log("| route | URL | files | gzipped KB at load | chart code at load | lazy chunks KB |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const r of rows)
  console.log(`| ${r.id} | ${r.url} | ${r.files} | ${kb(r.total)} | ${r.chart ? "yes" : "no"} | ${r.lazy ? kb(r.lazy) : "—"} |`);

// `npm run bench:js -- <route id>` lists that page's files, largest first (what to look at when a page grows).
const detail = process.argv[2];
if (detail) {
  const route = manifest.routes[detail];
  if (!route) throw new Error(`No route "${detail}" in the manifest (route ids as in the first column).`);
  const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports]);
  for (const r of chain(route.id)) for (const f of [r.module, ...(r.imports ?? [])]) files.add(f);
  console.log(`\n| ${detail}: file | gzipped KB |\n| --- | --- |`);
  for (const f of [...files].sort((a, b) => gzipped(b) - gzipped(a))) console.log(`| ${f} | ${kb(gzipped(f))} |`);
}
