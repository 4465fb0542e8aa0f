/**
 * Root middleware, after the session: collects the staff reads of students'
 * records that the request's loaders note, and writes them as one access-log
 * row per request and school before the response leaves (ADR 0012). If the
 * row cannot be written, the request fails rather than answer unlogged.
 */
import type { MiddlewareFunction } from "react-router";
import { authContext } from "#app/context";
import { type AccessTrail, accessTrailContext, readPath, writeAccessRows } from "#app/utils/access-log.server";

export const accessLogMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const trail: AccessTrail = { reads: [], details: [] };
  context.set(accessTrailContext, trail);
  const response = await next();
  const auth = context.get(authContext);
  if (auth && trail.reads.length) await writeAccessRows(auth.user.id, readPath(request), trail);
  return response;
};
