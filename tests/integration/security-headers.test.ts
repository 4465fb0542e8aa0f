/**
 * Refusals and error pages carry the same security headers as pages: the
 * Origin check's 403 (thrown before any page code runs), a 403 for someone
 * else's case, a 404, and the 400/413/415 of input the app does not expect —
 * in process through React Router's handler, and over real HTTP through the
 * production server (server/index.ts).
 */
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/index";
import { createSchoolWithCase, createStudent } from "../factories";
import { appBuild, dataUrl, ORIGIN, request, signIn } from "../utils/app";

const EVERY_RESPONSE = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

function expectSecurityHeaders(response: Response, what: string, document: boolean) {
  for (const [name, value] of Object.entries(EVERY_RESPONSE)) expect(response.headers.get(name), `${what}: ${name}`).toBe(value);
  if (document) expect(response.headers.get("content-security-policy") ?? "", `${what}: CSP`).toContain("frame-ancestors 'none'");
}

let setup: Awaited<ReturnType<typeof createSchoolWithCase>>;
let strangerCookie: string;
let tutorCookie: string;

beforeAll(async () => {
  setup = await createSchoolWithCase({ takenBy: "tutor" });
  strangerCookie = await signIn((await createStudent(setup.school.id)).userId);
  tutorCookie = await signIn(setup.tutor.id);
});

/** The refusals every page may give, as [what, request, expected status, is a document]. */
function refusals(send: (path: string, init?: Parameters<typeof request>[1]) => Promise<Response>) {
  const notes = `/cases/${setup.caseId}/notes`;
  const form = { "Content-Type": "application/x-www-form-urlencoded" };
  return [
    [
      "a POST from another site",
      () => send(notes, { method: "POST", cookie: tutorCookie, headers: { Origin: "https://evil.example", ...form }, body: "a=1" }),
      403,
      true,
    ],
    [
      "a POST from another site, as data",
      () =>
        send(dataUrl(notes), { method: "POST", cookie: tutorCookie, headers: { Origin: "https://evil.example", ...form }, body: "a=1" }),
      403,
      false,
    ],
    [
      "a POST without an Origin",
      () => send(notes, { method: "POST", cookie: tutorCookie, headers: { Origin: "", ...form }, body: "a=1" }),
      403,
      true,
    ],
    ["another student's case", () => send(notes, { cookie: strangerCookie }), 403, true],
    ["another student's case, as data", () => send(dataUrl(notes), { cookie: strangerCookie }), 403, false],
    ["an unknown page", () => send("/no-such-page", { cookie: tutorCookie }), 404, true],
    ["an unknown case", () => send("/cases/no-such-case", { cookie: tutorCookie }), 404, true],
    ["an unknown case's calendar", () => send("/cases/no-such-case/calendar.ics", { cookie: tutorCookie }), 404, false],
    [
      "JSON",
      () => send(notes, { method: "POST", cookie: tutorCookie, headers: { "Content-Type": "application/json" }, body: "{}" }),
      415,
      true,
    ],
    [
      "a broken form",
      () =>
        send(notes, {
          method: "POST",
          cookie: tutorCookie,
          headers: { "Content-Type": "multipart/form-data; boundary=x" },
          body: "--x\r\n",
        }),
      400,
      true,
    ],
    [
      "an oversized form",
      () => send(notes, { method: "POST", cookie: tutorCookie, headers: form, body: `body=${"a".repeat(300_000)}` }),
      413,
      true,
    ],
  ] as const;
}

describe("security headers on refusals and errors", () => {
  it("are sent in process", async () => {
    for (const [what, send, status, document] of refusals(request)) {
      const response = await send();
      expect(response.status, what).toBe(status);
      expectSecurityHeaders(response, what, document);
    }
  });

  describe("over HTTP through the production server", () => {
    let server: ReturnType<Awaited<ReturnType<typeof createApp>>["listen"]>;
    let base: string;
    beforeAll(async () => {
      const app = await createApp(path.resolve("build"), await appBuild());
      server = app.listen(0);
      await new Promise((resolve) => server.once("listening", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("are sent too", async () => {
      const send = (p: string, init: Parameters<typeof request>[1] = {}) => {
        const headers = new Headers(init.headers);
        if (init.cookie) headers.set("Cookie", init.cookie);
        const method = init.method ?? "GET";
        // The app's origin is localhost:3000; over HTTP the request's own origin is accepted outside production.
        if (method !== "GET" && headers.get("Origin") === null) headers.set("Origin", base);
        if (headers.get("Origin") === "") headers.delete("Origin");
        return fetch(`${base}${p}`, { method, headers, body: init.body ?? null, redirect: "manual" });
      };
      for (const [what, run, status, document] of refusals(send)) {
        const response = await run();
        expect(response.status, what).toBe(status);
        expectSecurityHeaders(response, what, document);
        await response.arrayBuffer();
      }
      expect(ORIGIN).toBe("http://localhost:3000");
    });
  });
});
