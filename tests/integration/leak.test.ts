/**
 * No marker above the viewer's tier reaches them, on any route. Generated
 * from routes.ts: every route with a loader, read by every role — the case's
 * student, its tutor, another tutor of the school, an advisor, an admin, and
 * another school's staff — as a page's data (the `.data` a client navigation
 * requests: every loader of the page, serialized) and, for resource routes,
 * as the downloaded body, at its base URL and with sample searches (filters,
 * pages, records to edit; World.searches). The markers sit in findings, session notes and
 * session records (summary and next steps) at every tier, and in what is
 * derived from them: plan measures, plan versions and their differences, the
 * record export. A route added later is covered
 * without editing this test; one whose URL cannot be filled fails it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type AppRoute, appRoutes, dataUrl, request, signIn } from "../utils/app";
import {
  ALLOWED,
  createWorld,
  fillPattern,
  ROLES,
  sessionMarker,
  stepMarker,
  TIERS,
  type World,
  type WorldRole,
  walkedUrls,
} from "../utils/world";

let world: World;
let routes: AppRoute[];
const cookies = new Map<WorldRole, string>();
const APP_DIR = path.resolve(import.meta.dirname, "..", "..", "app");

beforeAll(async () => {
  world = await createWorld();
  routes = await appRoutes();
  for (const role of ROLES) cookies.set(role, await signIn(world.users[role]));
});

/**
 * The URLs a route is read through: the page's data, or the resource itself —
 * at its base URL and with each of its sample searches (World.searches).
 */
function readings(route: AppRoute): string[] {
  const urls = walkedUrls(route, world);
  return route.isResource ? urls : urls.map((url) => dataUrl(url));
}

/** Whether a route module reads its URL's search (a filter, a page, a record to edit). */
const readsSearch = (route: AppRoute) => /searchParams|url\.search\b/.test(readFileSync(path.join(APP_DIR, route.file), "utf8"));

describe("what each viewer may see", () => {
  it("fills every route's URL from the seeded data, or says which segment it cannot fill", async () => {
    expect(() => fillPattern("/things/:thingId", world.params)).toThrow(/no value for the dynamic segment ":thingId"/);
    for (const route of routes) expect(() => fillPattern(route.pattern, world.params), route.id).not.toThrow();
  });

  it("has sample searches for every route that reads its URL's search, and for no route that does not exist", () => {
    const ids = new Set(routes.map((r) => r.id));
    expect(Object.keys(world.searches).filter((id) => !ids.has(id))).toEqual([]);
    // The check reads the route modules: the caseload, the diagnostics (?attempt=), the access log's filters and more do.
    expect(routes.filter((r) => r.hasLoader && readsSearch(r)).length).toBeGreaterThanOrEqual(15);
    const unlisted = routes.filter((r) => r.hasLoader && readsSearch(r) && !world.searches[r.id]?.length).map((r) => r.id);
    expect(unlisted, "add sample searches for these routes to tests/utils/world.ts").toEqual([]);
    // A route without searches is still walked, at its base URL.
    const plain = routes.find((r) => r.id === "routes/app/me/record");
    expect(plain && walkedUrls(plain, world)).toEqual(["/me/record"]);
    const notes = routes.find((r) => r.id === "routes/app/cases/notes");
    expect(notes && readings(notes)).toEqual([
      dataUrl(`/cases/${world.caseId}/notes`),
      ...world.searches["routes/app/cases/notes"].map((q) => dataUrl(`/cases/${world.caseId}/notes${q}`)),
    ]);
  });

  // One test per role, so each stays well under its timeout however many routes and searches there are.
  let read = 0;
  let answered = 0;
  it.each(ROLES)("shows %s no marker above their tier on any route", { timeout: 60_000 }, async (role) => {
    const leaks: string[] = [];
    const failed: string[] = [];
    for (const route of routes.filter((r) => r.hasLoader)) {
      for (const url of readings(route)) {
        const response = await request(url, { cookie: cookies.get(role) });
        const body = await response.text();
        read += 1;
        if (response.status === 200) answered += 1;
        if (response.status >= 500) failed.push(`${route.id} (${url}) as ${role}: ${response.status}`);
        for (const tier of TIERS) {
          if (ALLOWED[tier].includes(role)) continue;
          for (const marker of world.markers[tier]) {
            if (body.includes(marker)) leaks.push(`${route.id} (${url}) as ${role} [${response.status}]: shows "${marker}" (${tier} tier)`);
          }
        }
      }
    }
    expect(failed).toEqual([]);
    expect(leaks, leaks.join("\n")).toEqual([]);
  });

  it("read every route, with its sample searches, as every role, and most readings were real pages", () => {
    expect(read).toBeGreaterThan(routes.length * ROLES.length * 0.8);
    // The sample searches were read too, by every role.
    const searched = routes.filter((r) => r.hasLoader).reduce((n, r) => n + (world.searches[r.id]?.length ?? 0), 0);
    expect(searched).toBeGreaterThan(20);
    expect(read).toBe(routes.filter((r) => r.hasLoader).reduce((n, r) => n + readings(r).length, 0) * ROLES.length);
    // Most readings are answered (the rest are refusals): the markers were looked for in real pages.
    expect(answered).toBeGreaterThan(read * 0.4);
  });

  it("shows every marker to those it is meant for, so the test above is not passing by showing nothing", async () => {
    const plan = (role: WorldRole) => request(dataUrl(`/cases/${world.caseId}/plan`), { cookie: cookies.get(role) }).then((r) => r.text());
    const notes = (role: WorldRole) =>
      request(dataUrl(`/cases/${world.caseId}/notes`), { cookie: cookies.get(role) }).then((r) => r.text());
    const [tutorPlan, advisorPlan, studentPlan] = await Promise.all([plan("tutor"), plan("advisor"), plan("student")]);
    expect(tutorPlan).toContain("Financial-aid referral");
    expect(advisorPlan).toContain("Protected study hours at home");
    expect(advisorPlan).toContain("Box breathing");
    expect(studentPlan).toContain("Read the question first");
    expect(await notes("tutor")).toContain(world.markers["private to the tutor"][0]);
    expect(await notes("advisor")).toContain(world.markers["private to the advisor"][0]);
    expect(await notes("student")).toContain(world.markers.student[0]);
  });

  it("shows each tier's session record, its summary and its next step, to everyone the tier allows", async () => {
    const notes = new Map<WorldRole, string>();
    for (const role of ROLES)
      notes.set(role, await request(dataUrl(`/cases/${world.caseId}/notes`), { cookie: cookies.get(role) }).then((r) => r.text()));
    for (const tier of TIERS) {
      const typed = world.markers[tier][0];
      expect(world.markers[tier]).toEqual(expect.arrayContaining([sessionMarker(typed), stepMarker(typed)]));
      for (const role of ALLOWED[tier]) {
        expect(notes.get(role), `${tier} session as ${role}`).toContain(sessionMarker(typed));
        expect(notes.get(role), `${tier} next step as ${role}`).toContain(stepMarker(typed));
      }
    }
    // The tutor's own open next steps reach their home page, the private ones included.
    const home = await request(dataUrl("/"), { cookie: cookies.get("tutor") }).then((r) => r.text());
    expect(home).toContain(stepMarker(world.markers["private to the tutor"][0]));
    expect(home).toContain(stepMarker(world.markers.office[0]));
  });
});
