/**
 * Input the app does not expect, posted to every action found in routes.ts by
 * someone signed in with the right to use it: JSON, plain text, broken
 * multipart, no content type, oversized bodies, duplicated keys. Each gets a
 * clear 400, 413 or 415 — never a 500 — and no table changes.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/utils/db.server";
import { UPLOAD_BODY_LIMIT } from "#app/utils/request-body.server";
import { type AppRoute, appRoutes, dataUrl, request, signIn, unhandled } from "../utils/app";
import { createWorld, fillPattern, type World, type WorldRole } from "../utils/world";

/** A checksum of every row of each table: equal before and after means nothing was written. */
async function tableChecksums(): Promise<Record<string, string>> {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
  );
  const sums: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = await prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}" ORDER BY rowid`);
    const json = JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? [...v] : v));
    sums[name] = `${rows.length} rows, ${createHash("sha256").update(json).digest("hex").slice(0, 16)}`;
  }
  return sums;
}

const SAMPLES = 10;
const sample = <T>(arbitrary: fc.Arbitrary<T>) => fc.sample(arbitrary, { numRuns: SAMPLES, seed: 20261202 });
const bytes = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
const junkKey = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_.[\]]{0,12}$/);
const junkValue = fc.string({ maxLength: 40 });

interface Body {
  kind: string;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
}

/** At least SAMPLES bodies of each kind the app does not expect. */
function malformedBodies(): Body[] {
  const out: Body[] = [];
  for (const value of sample(fc.json())) out.push({ kind: "JSON", headers: { "Content-Type": "application/json" }, body: bytes(value) });
  for (const value of sample(fc.string({ minLength: 1, maxLength: 200 })))
    out.push({ kind: "plain text", headers: { "Content-Type": "text/plain;charset=UTF-8" }, body: bytes(value) });
  const multipart = fc.tuple(fc.stringMatching(/^[A-Za-z0-9]{1,20}$/), fc.string({ maxLength: 200 }), fc.integer({ min: 0, max: 3 }));
  for (const [boundary, junk, variant] of sample(multipart)) {
    const bodies = [
      junk, // no parts at all
      `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\n${junk}`, // never closed
      `--${boundary}\r\nno headers here\r\n${junk}\r\n--${boundary}--`, // a part without a disposition
      `--not-${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--not-${boundary}--`, // another boundary
    ];
    const headers = variant === 3 && junk.length % 2 === 0 ? "multipart/form-data" : `multipart/form-data; boundary=${boundary}`;
    out.push({ kind: "broken multipart", headers: { "Content-Type": headers }, body: bytes(bodies[variant]) });
  }
  for (const value of sample(fc.string({ minLength: 1, maxLength: 200 })))
    out.push({ kind: "no content type", headers: {}, body: bytes(value) });
  for (const [type, value] of sample(
    fc.tuple(fc.constantFrom("application/xml", "application/octet-stream", "text/csv", "image/png", "application/x-www-form"), junkValue),
  ))
    out.push({ kind: "another content type", headers: { "Content-Type": type }, body: bytes(value || "x") });
  const duplicated = fc.tuple(
    fc.constantFrom("intent", "expectedVersion", "id", "email", "redirectTo", "body", "visibility", "kind"),
    junkValue,
    junkValue,
    fc.array(fc.tuple(junkKey, junkValue), { maxLength: 4 }),
  );
  for (const [key, a, b, rest] of sample(duplicated)) {
    const form = new URLSearchParams([...rest, [key, a], [key, b]]);
    out.push({ kind: "duplicated keys", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: bytes(form.toString()) });
  }
  for (const [size, type] of sample(
    fc.tuple(
      fc.integer({ min: 300_000, max: 900_000 }),
      fc.constantFrom("application/x-www-form-urlencoded", "application/x-www-form-urlencoded;charset=UTF-8"),
    ),
  )) {
    out.push({ kind: "oversized form", headers: { "Content-Type": type }, body: bytes(`body=${"a".repeat(size)}`) });
  }
  // Most declare their length (refused before reading); the others stream in until they pass the limit.
  const upload = new Uint8Array(UPLOAD_BODY_LIMIT + 4096).fill(97);
  for (const [extra, declared] of sample(fc.tuple(fc.integer({ min: 1, max: 4096 }), fc.boolean()))) {
    const body = upload.subarray(0, UPLOAD_BODY_LIMIT + extra);
    const headers: Record<string, string> = { "Content-Type": "multipart/form-data; boundary=b" };
    if (declared || extra % 3 !== 0) headers["Content-Length"] = String(body.byteLength);
    out.push({ kind: "oversized upload", headers, body });
  }
  return out;
}

let world: World;
let routes: AppRoute[];
const cookies = new Map<WorldRole, string>();

beforeAll(async () => {
  world = await createWorld();
  routes = await appRoutes();
  for (const role of ["tutor", "advisor", "admin", "student"] as const) cookies.set(role, await signIn(world.users[role]));
});

/**
 * Someone with the right to use the route's form: the first of the case's
 * tutor, an advisor, an admin and the student whose page opens (an anonymous
 * visitor for the sign-in pages); the tutor when no page opens (an action-only route).
 */
async function withRights(path: string): Promise<{ role: string; cookie: string | null }> {
  for (const role of ["tutor", "advisor", "admin", "student"] as const) {
    const cookie = cookies.get(role) as string;
    if ((await request(path, { cookie })).status === 200) return { role, cookie };
  }
  if ((await request(path)).status === 200) return { role: "anonymous", cookie: null };
  return { role: "tutor", cookie: cookies.get("tutor") as string };
}

describe("input the app does not expect", () => {
  it("answers every action with 400, 413 or 415 and changes nothing", { timeout: 120_000 }, async () => {
    const bodies = malformedBodies();
    const perKind = new Map<string, number>();
    for (const b of bodies) perKind.set(b.kind, (perKind.get(b.kind) ?? 0) + 1);
    for (const count of perKind.values()) expect(count).toBeGreaterThanOrEqual(SAMPLES);

    const actions = routes.filter((r) => r.hasAction);
    expect(actions.length).toBeGreaterThan(10);
    const targets = [];
    for (const route of actions) {
      const path = fillPattern(route.pattern, world.params) + (route.index ? "?index" : "");
      targets.push({ route, path, ...(await withRights(path)) });
    }
    const before = await tableChecksums();
    unhandled.length = 0;
    const failures: string[] = [];
    let sent = 0;
    const started = performance.now();
    for (const { route, path, role, cookie } of targets) {
      // No body and no content type at all.
      for (const target of [path, dataUrl(path)]) {
        const bare = await request(target, { method: "POST", cookie });
        sent += 1;
        if (bare.status !== 415) failures.push(`${route.id} as ${role}: an empty POST without a content type → ${bare.status}`);
        await bare.arrayBuffer();
      }
      for (const [i, b] of bodies.entries()) {
        // Client navigations post to the .data URL; browsers without JavaScript post the page itself.
        const target = i % 4 === 0 ? path : dataUrl(path);
        const res = await request(target, { method: "POST", cookie, headers: b.headers, body: b.body });
        sent += 1;
        if (![400, 413, 415].includes(res.status)) failures.push(`${route.id} as ${role}: ${b.kind} → ${res.status} (${target})`);
        await res.arrayBuffer();
      }
    }
    console.info(`${sent} malformed requests to ${actions.length} actions in ${Math.round(performance.now() - started)} ms`);
    expect(sent).toBeGreaterThanOrEqual(actions.length * 7 * SAMPLES);
    expect(failures, failures.slice(0, 30).join("\n")).toEqual([]);
    expect(unhandled.map(String)).toEqual([]);
    expect(await tableChecksums()).toEqual(before);
  });

  it("lets the app's own forms through: url-encoded, multipart, and a checkbox group's repeated field", async () => {
    const path = `/cases/${world.caseId}/diagnostics`;
    const fields: Array<[string, string]> = [
      ["intent", "add-finding"],
      ["kind", "CONTENT_GAP"],
      ["severity", "2"],
      ["evidence", "Pathology and pharmacology below half in the bank."],
      ["visibility", "OFFICE"],
      ["areaIds", "step1.discipline.pathology"],
      ["areaIds", "step1.discipline.pharmacology"],
    ];
    const before = await prisma.finding.count({ where: { caseId: world.caseId } });
    const encoded = await request(dataUrl(path), {
      method: "POST",
      cookie: cookies.get("tutor"),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
    expect(encoded.status).toBeLessThan(400);
    const multipart = new FormData();
    for (const [key, value] of fields) multipart.append(key, key === "evidence" ? `${value} (again)` : value);
    const posted = await request(dataUrl(path), { method: "POST", cookie: cookies.get("tutor"), body: multipart });
    expect(posted.status).toBeLessThan(400);
    const made = await prisma.finding.findMany({
      where: { caseId: world.caseId, kind: "CONTENT_GAP" },
      select: { areas: { select: { contentAreaId: true } } },
    });
    expect(await prisma.finding.count({ where: { caseId: world.caseId } })).toBe(before + 2);
    for (const f of made)
      expect(f.areas.map((a) => a.contentAreaId).sort()).toEqual(["step1.discipline.pathology", "step1.discipline.pharmacology"]);
  });
});
