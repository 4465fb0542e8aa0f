/**
 * React Router's package points every export condition at its development
 * build (its production build differs only in leaving the development warnings
 * off, which the development build checks and formats on every render). The
 * production server resolves the package's production build instead: a module
 * resolution hook rewrites `react-router/dist/development/…` to
 * `react-router/dist/production/…` for every importer (the server build,
 * @react-router/express, @react-router/node), so there is still one copy.
 * The client build does the same in vite.config.ts. See bench/README.md.
 */
import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const marker = "/node_modules/react-router/dist/development/";
  return result.url.includes(marker) ? { ...result, url: result.url.replace(marker, "/node_modules/react-router/dist/production/") } : result;
}`;

/** Call before anything imports react-router. */
export function resolveReactRouterProductionBuild() {
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
