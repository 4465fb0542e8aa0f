/**
 * Input the app does not expect, posted to every action found in routes.ts by
 * someone signed in with the right to use it: JSON, plain text, broken
 * multipart, no content type, oversized bodies, duplicated keys. Each gets a
 * clear 400, 413 or 415 — never a 500 — and no table changes. Then forms that
 * pass that guard — well formed, with random intents, fields and values (bad
 * numbers and dates, missing fields, huge strings) — reach the actions
 * themselves: none answers 500 or throws, and a refused one changes nothing.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { today } from "#app/domain/dates";
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

/** Random well-formed forms posted to each action. */
const FORMS_PER_ACTION = 12;

/** The intents a route's action answers, read from its module (`intent === "x"`, `z.literal("x")`, `name="intent" value="x"`). */
function intentsOf(route: AppRoute): string[] {
  const source = readFileSync(path.join(APP_DIR, route.file), "utf8");
  const found = new Set<string>();
  for (const pattern of [
    /intent\s*===?\s*"([a-z][a-z0-9-]*)"/g,
    /intent:\s*z\.literal\("([a-z][a-z0-9-]*)"\)/g,
    /name="intent"\s+value="([a-z][a-z0-9-]*)"/g,
    /case\s+"([a-z][a-z0-9-]*)":/g,
  ])
    for (const match of source.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

/** Field names the app's forms use: the form is well formed, the fields and values random. */
const FIELD_NAMES = [
  "expectedVersion",
  "expectedCaseVersion",
  "id",
  "rowId",
  "findingId",
  "noteId",
  "sessionId",
  "stepId",
  "userId",
  "membershipId",
  "invitationId",
  "escalationId",
  "attemptId",
  "caseId",
  "tutorId",
  "email",
  "password",
  "currentPassword",
  "newPassword",
  "name",
  "kind",
  "severity",
  "evidence",
  "visibility",
  "areaIds",
  "sessionOn",
  "body",
  "summary",
  "startDate",
  "examDate",
  "hoursPerDay",
  "restDay",
  "takenOn",
  "score",
  "outcome",
  "exam",
  "status",
  "reason",
  "redirectTo",
  "date",
  "role",
  "expectedRole",
  "dueOn",
  "durationMinutes",
  "attendance",
  "q",
  "token",
  "code",
  "note",
  "title",
  "description",
  "measures[0].title",
  "nextSteps[0].text",
  "nextSteps[0].dueOn",
  "instrumentId",
  "passProbability",
  "week",
  "hours",
  "confidence",
  "recipient",
  "purpose",
  "student",
];

/** Values the app does not expect in a well-formed form: bad numbers and dates, huge and odd strings, ids of nothing and of real rows. */
function hostileValue(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom("", " ", "-1", "0", "1e309", "-1e309", "NaN", "Infinity", "3.5", "99999999999999999999", "0x10", "1,5"),
    fc.constantFrom("2026-02-30", "0000-00-00", "9999-12-31", "2026-13-01", "1970-01-01", "yesterday", "2026-1-1", today()),
    fc.constantFrom("STUDENT", "PRIVATE", "OFFICE", "CLOSED", "ADMIN", "TUTOR", "STEP1", "FAIL", "MEETING", "true", "on", "null"),
    fc.constantFrom("no-such-id", "../../etc/passwd", "//evil.example", "<script>alert(1)</script>", "' OR 1=1 --", "\u0000"),
    fc.integer({ min: 1, max: 30_000 }).map((n) => "é".repeat(n)),
    fc.constant("x".repeat(100_000)),
    fc.string({ maxLength: 40, unit: "grapheme" }),
  );
}

/** The world's row ids, so some random forms name real rows and get past "not found". */
let realIds: string[] = [];

function randomForms(intents: readonly string[], seed: number): Array<Array<[string, string]>> {
  const value = fc.oneof({ weight: 4, arbitrary: hostileValue() }, { weight: 1, arbitrary: fc.constantFrom(...realIds) });
  const fields = fc.uniqueArray(fc.tuple(fc.constantFrom(...FIELD_NAMES), value), { maxLength: 8, selector: ([k]) => k });
  const intent = fc.oneof(
    { weight: 1, arbitrary: fc.constant<string | null>("bogus") },
    { weight: 1, arbitrary: fc.constant<string | null>(null) },
    { weight: 4, arbitrary: intents.length ? fc.constantFrom<string | null>(...intents) : fc.constant<string | null>("bogus") },
  );
  const forms = fc.sample(fc.tuple(intent, fields), { numRuns: FORMS_PER_ACTION, seed });
  // Every action gets at least one unknown intent, and no intent at all.
  forms[0] = ["bogus", forms[0][1]];
  forms[1] = [null, forms[1][1]];
  return forms.map(([i, rest]) => {
    const form: Array<[string, string]> = i === null ? [] : [["intent", i]];
    // One huge value per form keeps it within the body limit, so it reaches the action.
    let huge = false;
    for (const [k, v] of rest) {
      if (v.length > 1000 && huge) continue;
      huge ||= v.length > 1000;
      form.push([k, v]);
    }
    return form;
  });
}

/**
 * Records of the request itself rather than of what it asked for: the access
 * log's row for a staff member let into a case (one per request, ADR 0014),
 * the session's last use, and the rate limits' counts of attempts (a refused
 * attempt at a token or a password counts: that is what they limit).
 */
const REQUEST_RECORDS = new Set(["AccessLog", "AuthSession", "ThrottleBucket", "ThrottleFailure"]);

/** The tables whose checksums differ, besides the request's own records. */
function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((t) => before[t] !== after[t] && !REQUEST_RECORDS.has(t));
}

const APP_DIR = path.resolve(import.meta.dirname, "..", "..", "app");

let world: World;
const cookies = new Map<WorldRole, string>();
// Known when the file is collected, so that each action is a test of its own, well under its timeout.
const routes = await appRoutes();
const actions = routes.filter((r) => r.hasAction);
const actionIds = actions.map((r) => r.id);
const actionOf = (id: string) => actions.find((r) => r.id === id) as AppRoute;

beforeAll(async () => {
  world = await createWorld();
  for (const role of ["tutor", "advisor", "admin", "student"] as const) cookies.set(role, await signIn(world.users[role]));
  const ids = async (rows: Promise<Array<{ id: string }>>) => (await rows).map((r) => r.id);
  realIds = [
    world.caseId,
    ...Object.values(world.users),
    ...(await ids(prisma.finding.findMany({ where: { caseId: world.caseId }, select: { id: true } }))),
    ...(await ids(prisma.sessionNote.findMany({ where: { caseId: world.caseId }, select: { id: true } }))),
    ...(await ids(prisma.sessionRecord.findMany({ where: { caseId: world.caseId }, select: { id: true } }))),
    ...(await ids(prisma.nextStep.findMany({ where: { caseId: world.caseId }, select: { id: true } }))),
    ...(await ids(prisma.escalation.findMany({ where: { caseId: world.caseId }, select: { id: true } }))),
    ...(await ids(prisma.examAttempt.findMany({ where: { caseId: world.caseId }, select: { id: true } }))),
  ];
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
  it("has many actions to post to, and at least ten malformed bodies of each kind", () => {
    expect(actions.length).toBeGreaterThan(10);
    const perKind = new Map<string, number>();
    for (const b of malformedBodies()) perKind.set(b.kind, (perKind.get(b.kind) ?? 0) + 1);
    expect(perKind.size).toBeGreaterThanOrEqual(7);
    for (const count of perKind.values()) expect(count).toBeGreaterThanOrEqual(SAMPLES);
    // The intents are read from the route modules: most actions answer several, and the forms use them.
    expect(actions.filter((r) => intentsOf(r).length > 0).length).toBeGreaterThan(actions.length / 2);
  });

  const bodies = malformedBodies();
  it.each(actionIds)("answers %s with 400, 413 or 415 for every malformed body, and changes nothing", { timeout: 60_000 }, async (id) => {
    const route = actionOf(id);
    const path = fillPattern(route.pattern, world.params) + (route.index ? "?index" : "");
    const { role, cookie } = await withRights(path);
    const before = await tableChecksums();
    unhandled.length = 0;
    const failures: string[] = [];
    // No body and no content type at all.
    for (const target of [path, dataUrl(path)]) {
      const bare = await request(target, { method: "POST", cookie });
      if (bare.status !== 415) failures.push(`${route.id} as ${role}: an empty POST without a content type → ${bare.status}`);
      await bare.arrayBuffer();
    }
    for (const [i, b] of bodies.entries()) {
      // Client navigations post to the .data URL; browsers without JavaScript post the page itself.
      const target = i % 4 === 0 ? path : dataUrl(path);
      const res = await request(target, { method: "POST", cookie, headers: b.headers, body: b.body });
      if (![400, 413, 415].includes(res.status)) failures.push(`${route.id} as ${role}: ${b.kind} → ${res.status} (${target})`);
      await res.arrayBuffer();
    }
    expect(failures, failures.slice(0, 30).join("\n")).toEqual([]);
    expect(unhandled.map(String)).toEqual([]);
    expect(await tableChecksums()).toEqual(before);
  });

  const statuses = new Map<number, number>();
  it.each(actionIds)(
    "answers %s below 500 for well-formed forms with random fields and values, changing nothing when it refuses",
    {
      timeout: 60_000,
    },
    async (id) => {
      const route = actionOf(id);
      const n = actions.indexOf(route);
      unhandled.length = 0;
      const failures: string[] = [];
      const path = fillPattern(route.pattern, world.params) + (route.index ? "?index" : "");
      const { role } = await withRights(path);
      // A session of its own per route: a form accepted as valid (signing out, say) cannot blunt the rest.
      const cookie = role === "anonymous" ? null : await signIn(world.users[role as WorldRole]);
      let state = await tableChecksums();
      const forms = randomForms(intentsOf(route), 20261202 + n);
      expect(forms.length).toBeGreaterThanOrEqual(FORMS_PER_ACTION);
      for (const [i, fields] of forms.entries()) {
        const multipart = i % 3 === 2;
        const body = multipart ? new FormData() : new URLSearchParams();
        for (const [key, value] of fields) body.append(key, value);
        const target = i % 2 === 0 ? dataUrl(path) : path;
        const res = await request(target, { method: "POST", cookie, body });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const what = `${route.id} as ${role}, ${multipart ? "multipart" : "url-encoded"} ${JSON.stringify(fields.map(([k, v]) => [k, v.length > 60 ? `${v.slice(0, 20)}… (${v.length} characters)` : v]))}`;
        if (res.status >= 500) failures.push(`${what} → ${res.status}`);
        await res.arrayBuffer();
        const after = await tableChecksums();
        if (res.status >= 400 && changedTables(state, after).length > 0)
          failures.push(`${what} → ${res.status}, yet tables changed: ${changedTables(state, after).join(", ")}`);
        state = after;
      }
      expect(failures, failures.slice(0, 30).join("\n")).toEqual([]);
      expect(unhandled.map(String)).toEqual([]);
    },
  );

  it("refused most of the random forms, so the checks above were made on refusals, not only on accepted forms", () => {
    const sent = [...statuses.values()].reduce((a, b) => a + b, 0);
    const refused = [...statuses.entries()].filter(([status]) => status >= 400).reduce((a, [, count]) => a + count, 0);
    console.info(`${sent} random forms to ${actions.length} actions: ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(sent).toBeGreaterThanOrEqual(actions.length * FORMS_PER_ACTION);
    expect(refused).toBeGreaterThan(sent / 2);
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
