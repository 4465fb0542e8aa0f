/**
 * Root middleware for every request that may carry a body (ADR 0012): before
 * any route's action runs, the body must be a form of the app's own kinds,
 * within its size limit, readable, and without a field sent twice — or the
 * request is answered 415, 413 or 400 with a clear message. The check reads a
 * copy of the body, so actions read theirs as usual.
 */
import { data, type MiddlewareFunction } from "react-router";
import { checkHeaders, hasBody, readFormBody } from "#app/utils/request-body.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const requestBodyMiddleware: MiddlewareFunction<Response> = async ({ request }, next) => {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return next();
  // Even an empty body says what it is: the app's forms always do.
  const problem = checkHeaders(request);
  if (problem) throw data({ message: problem.message }, { status: problem.status });
  if (!hasBody(request)) return next();
  const read = await readFormBody(request.clone());
  if (!read.ok) throw data({ message: read.problem.message }, { status: read.problem.status });
  return next();
};
