import { RouterContextProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { sameOriginMiddleware, securityHeadersMiddleware } from "#app/middleware/security.server";
import { contentSecurityPolicy } from "#app/utils/headers.server";

async function run(method: string, headers: Record<string, string>, url = "http://localhost:3000/cases") {
  const request = new Request(url, { method, headers });
  const args = { request, context: new RouterContextProvider(), params: {}, url: new URL(request.url), pattern: "/" } as never;
  try {
    // The headers middleware wraps the Origin check, as in root.tsx.
    const response = await securityHeadersMiddleware(
      args,
      async () => (await sameOriginMiddleware(args, async () => new Response("ok"))) as Response,
    );
    return { status: (response as Response).status, headers: (response as Response).headers };
  } catch (error) {
    const thrown = error as { init?: { status?: number } };
    return { status: thrown.init?.status ?? 500, headers: new Headers() };
  }
}

describe("request security", () => {
  it("refuses a POST without Origin or from a foreign origin with 403", async () => {
    expect((await run("POST", {})).status).toBe(403);
    expect((await run("POST", { Origin: "https://evil.example" })).status).toBe(403);
    expect((await run("DELETE", { Origin: "null" })).status).toBe(403);
    expect((await run("POST", { Origin: "http://localhost:3000" })).status).toBe(200);
  });

  it("lets safe methods through without an Origin", async () => {
    expect((await run("GET", {})).status).toBe(200);
    expect((await run("HEAD", {})).status).toBe(200);
  });

  it("adds security headers to every response", async () => {
    const { headers } = await run("GET", {});
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Referrer-Policy")).toBe("same-origin");
    expect(headers.get("X-Frame-Options")).toBe("DENY");
  });

  it("builds a CSP that only runs scripts with the request's nonce and cannot be framed", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
});
