/**
 * Every staff read of a student's record writes one access-log row per
 * request, however it is requested: the page itself, the data request of a
 * client navigation (with or without `_routes`), the print view, the calendar,
 * the CSV export — at each route's base URL and with its sample searches
 * (filters, pages, ?attempt=, ?edit=). Generated from routes.ts: a route added later is walked too,
 * and a case route that answers staff without an access row fails here.
 */

import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { CASE_STATUS_LABELS } from "#app/domain/vocabulary";
import { loader as accessLogLoader } from "#app/routes/app/admin/access-log";
import { prisma } from "#app/utils/db.server";
import { createSchoolWithCase } from "../factories";
import { type AppRoute, appRoutes, dataUrl, request, signIn } from "../utils/app";
import { call } from "../utils/route";
import { createWorld, fillPattern, ROLES, type World, type WorldRole, walkedUrls } from "../utils/world";

let world: World;
let routes: AppRoute[];
const cookies = new Map<WorldRole, string>();

beforeAll(async () => {
  world = await createWorld();
  routes = await appRoutes();
  for (const role of ROLES) cookies.set(role, await signIn(world.users[role]));
});

/**
 * The ways a route is read at one of its URLs (its base URL, or with a sample
 * search from World.searches): resource routes by their URL; pages as a
 * document, and as the data of a client navigation.
 */
function ways(route: AppRoute, path: string): Array<{ how: string; url: string }> {
  if (route.isResource) return [{ how: "download", url: path }];
  return [
    { how: "document", url: path },
    { how: "data request", url: dataUrl(path) },
    { how: `data request for ${route.id} alone`, url: dataUrl(path, [route.id]) },
  ];
}

/** The person's access rows so far, to tell which a request added. */
const rowIds = async (userId: string) =>
  new Set((await prisma.accessLog.findMany({ where: { userId }, select: { id: true } })).map((r) => r.id));

const rowsSince = async (userId: string, before: Set<string>) =>
  (
    await prisma.accessLog.findMany({
      where: { userId },
      select: { id: true, caseId: true, studentId: true, students: true, detail: true, path: true, schoolId: true },
    })
  )
    .filter((r) => !before.has(r.id))
    .map(({ id: _id, ...row }) => row);

describe("the access log", () => {
  let caseReads = 0;
  // One test per role and kind of route, so each stays well under its timeout however many routes and searches there are.
  const walks = ROLES.flatMap((role) => [
    { role, where: "the case's routes", onCase: true },
    { role, where: "every other route", onCase: false },
  ]);
  it.each(walks)(
    "records one row per request when $role reads a student's record, on $where",
    { timeout: 60_000 },
    async ({ role, onCase }) => {
      const failures: string[] = [];
      for (const route of routes.filter((r) => r.hasLoader && r.params.includes("caseId") === onCase)) {
        const path = fillPattern(route.pattern, world.params);
        for (const { how, url } of walkedUrls(route, world).flatMap((walked) => ways(route, walked))) {
          const userId = world.users[role];
          const before = await rowIds(userId);
          const response = await request(url, { cookie: cookies.get(role) });
          const body = await response.text();
          const rows = await rowsSince(userId, before);
          const what = `${route.id} (${how}: ${url}) as ${role}`;
          // A page echoing the search it was given (the caseload's ?q=<name>) does not name a student by that alone.
          const asked = [...new URL(url, "http://localhost").searchParams.values()].join("\n");
          const namesTheStudent = world.studentMentions.some((m) => !asked.includes(m) && body.includes(m));
          if (role === "student") {
            if (rows.length) failures.push(`${what}: a student's own read was logged`);
            continue;
          }
          const onTheCase = route.params.includes("caseId") && ["tutor", "advisor", "admin"].includes(role);
          if (onTheCase && response.status !== 200) failures.push(`${what}: answered ${response.status}, expected the case's page`);
          if (response.status === 200 && (namesTheStudent || onTheCase)) {
            if (rows.length !== 1) failures.push(`${what}: ${rows.length} access rows, expected 1`);
            else if (onTheCase) {
              caseReads += 1;
              const [row] = rows;
              if (row.caseId !== world.caseId || row.studentId !== world.student.studentId || row.students !== 1)
                failures.push(`${what}: the row does not name the case and its student: ${JSON.stringify(row)}`);
              if (row.path !== path) failures.push(`${what}: the row's path is ${row.path}, expected ${path}`);
            }
          } else if (rows.length) {
            failures.push(`${what}: answered ${response.status} without the student's record, yet wrote ${rows.length} rows`);
          }
        }
      }
      expect(failures, failures.join("\n")).toEqual([]);
    },
  );

  it("walked every case route as each of the three staff with access, each way, at its base URL and with its sample searches", () => {
    const caseRoutes = routes.filter((r) => r.hasLoader && r.params.includes("caseId"));
    expect(caseRoutes.length).toBeGreaterThanOrEqual(8);
    expect(caseReads).toBe(caseRoutes.reduce((n, r) => n + 3 * ways(r, "/").length * walkedUrls(r, world).length, 0));
    expect(caseRoutes.some((r) => walkedUrls(r, world).length > 1)).toBe(true);
  });

  it("records the CSV export with its filter and the number of students", async () => {
    const before = await rowIds(world.users.advisor);
    const { status } = await prisma.retakeCase.findUniqueOrThrow({ where: { id: world.caseId }, select: { status: true } });
    const search = new URLSearchParams({ status, q: world.student.name });
    const response = await request(`/cases/export.csv?${search}`, { cookie: cookies.get("advisor") });
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split("\n");
    const rows = await rowsSince(world.users.advisor, before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      schoolId: world.schoolId,
      students: lines.length - 1,
      caseId: world.caseId,
      path: "/cases/export.csv",
    });
    expect(lines.length).toBe(2);
    expect(rows[0].detail).toContain(`status: ${CASE_STATUS_LABELS[status]}`);
    expect(rows[0].detail).toContain(`search: “${world.student.name}”`);
  });

  it("lets the school's admins filter it by staff member, student and date, and export what they filtered", async () => {
    const tutorEmail = (await prisma.user.findUniqueOrThrow({ where: { id: world.users.tutor }, select: { email: true } })).email;
    const advisorEmail = (await prisma.user.findUniqueOrThrow({ where: { id: world.users.advisor }, select: { email: true } })).email;
    for (const role of ["tutor", "advisor"] as const) {
      const res = await request(`/cases/${world.caseId}/notes`, { cookie: cookies.get(role) });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    const page = async (query: string, userId = world.users.admin) => call(accessLogLoader, { userId, path: `/admin/access-log${query}` });
    type Entry = { staff: { email: string }; student: { email: string } | null; createdAt: string; caseId: string | null };

    const byTutor = await page(`?person=${encodeURIComponent(tutorEmail)}`);
    expect(byTutor.status).toBe(200);
    expect(byTutor.data.entries.length).toBeGreaterThan(0);
    expect(byTutor.data.entries.every((e: Entry) => e.staff.email === tutorEmail)).toBe(true);

    const aboutStudent = await page(`?student=${encodeURIComponent(world.student.name)}`);
    const entries: Entry[] = aboutStudent.data.entries;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.student?.email === world.student.email)).toBe(true);
    expect(entries.some((e) => e.staff.email === advisorEmail)).toBe(true);

    const day = new Date().toISOString().slice(0, 10);
    const shifted = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    expect((await page(`?from=${shifted(1)}`)).data.total).toBe(0);
    expect((await page(`?to=${shifted(-1)}`)).data.total).toBe(0);
    const todays = await page(`?from=${day}&to=${day}&person=${encodeURIComponent(tutorEmail)}`);
    expect(todays.data.total).toBe(byTutor.data.total);
    // A made-up date or page is ignored, not an error.
    expect((await page("?from=2026-02-30&page=-4")).status).toBe(200);

    const csv = await request(
      `/admin/access-log.csv?person=${encodeURIComponent(tutorEmail)}&student=${encodeURIComponent(world.student.email)}`,
      {
        cookie: cookies.get("admin"),
      },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const [header, ...lines] = parse(await csv.text()) as string[][];
    expect(header).toEqual([
      "When (UTC)",
      "Staff member",
      "Staff email",
      "Student",
      "Student email",
      "Students read",
      "Case",
      "Page",
      "What",
    ]);
    expect(lines.length).toBe(
      (await page(`?person=${encodeURIComponent(tutorEmail)}&student=${encodeURIComponent(world.student.email)}`)).data.total,
    );
    expect(lines.every((l) => l[2] === tutorEmail && l[4] === world.student.email)).toBe(true);

    // The office's advisors and another school's admin see none of it.
    expect((await page("", world.users.advisor)).status).toBe(403);
    expect((await request("/admin/access-log.csv", { cookie: cookies.get("advisor") })).status).toBe(403);
    const elsewhere = await createSchoolWithCase();
    const theirs = await page(`?student=${encodeURIComponent(world.student.email)}`, elsewhere.admin.id);
    expect(theirs.data.total).toBe(0);
  });
});
