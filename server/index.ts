/**
 * The production HTTP server: static assets with long caching, compression,
 * and the React Router request handler. It stamps each request with the
 * client's address (from the socket, or X-Forwarded-For when TRUST_PROXY is
 * set), overwriting anything the client sent, for per-address rate limits.
 */
import path from "node:path";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";
import type { ServerBuild } from "react-router";

export const CLIENT_ADDRESS_HEADER = "x-retake-desk-client";

/** Serves `buildDir`; tests pass the build itself (and a directory without static files). */
export async function createApp(buildDir = path.resolve("build"), build?: ServerBuild) {
  build ??= (await import(path.join(buildDir, "server", "index.js"))) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  const trustProxy = process.env.TRUST_PROXY;
  if (trustProxy) app.set("trust proxy", /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy === "true");
  app.use(compression());
  app.use((req, _res, next) => {
    req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    next();
  });
  // The app's own middleware sets security headers on its responses; static files get theirs here.
  const setHeaders = (res: express.Response) => res.setHeader("X-Content-Type-Options", "nosniff");
  app.use("/assets", express.static(path.join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y", setHeaders }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h", setHeaders }));
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));
  return app;
}
