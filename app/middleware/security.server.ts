/**
 * Root middleware for every request — documents, data requests and resource
 * routes alike (ADR 0003):
 * - `securityHeadersMiddleware` runs first and adds the security headers to
 *   every response, refusals and error pages included: whatever a later
 *   middleware, loader or action throws comes back to it as a response;
 * - `sameOriginMiddleware` refuses a non-GET/HEAD request whose Origin is
 *   missing or foreign (CSRF).
 */
import { data, type MiddlewareFunction } from "react-router";
import { nonceContext } from "#app/context";
import { allowedOrigins, isProduction } from "#app/utils/env.server";
import { applySecurityHeaders, createNonce } from "#app/utils/headers.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function isAllowedOrigin(request: Request): boolean {
  const origin = request.headers.get("Origin");
  if (!origin || origin === "null") return false;
  if (allowedOrigins().includes(origin)) return true;
  // Outside production the app also accepts its own URL's origin (e.g. 127.0.0.1 vs localhost).
  return !isProduction() && origin === new URL(request.url).origin;
}

export const securityHeadersMiddleware: MiddlewareFunction<Response> = async ({ context }, next) => {
  context.set(nonceContext, createNonce());
  const response = await next();
  applySecurityHeaders(response.headers);
  return response;
};

export const sameOriginMiddleware: MiddlewareFunction<Response> = async ({ request }, next) => {
  if (!SAFE_METHODS.has(request.method.toUpperCase()) && !isAllowedOrigin(request)) {
    throw data({ message: "This request did not come from Retake Desk and was refused." }, { status: 403 });
  }
  return next();
};
