import { copyFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // Our root middleware refuses foreign and missing Origins with 403 for every
  // route, resource routes included (ADR 0003); React Router's narrower built-in
  // check would answer some of them first with a 400, so it defers to ours.
  allowedActionOrigins: ["**"],
  // The list of common passwords is read at run time beside the module that reads it, which the
  // build bundles into build/server/index.js (app/domain/accounts/common-passwords.server.ts).
  buildEnd({ reactRouterConfig }) {
    copyFileSync(
      path.resolve("app/domain/accounts/common-passwords.txt"),
      path.join(reactRouterConfig.buildDirectory, "server", "common-passwords.txt"),
    );
  },
  future: {
    v8_middleware: true,
    v8_splitRouteModules: true,
    v8_viteEnvironmentApi: true,
    v8_passThroughRequests: true,
    v8_trailingSlashAwareDataRequests: true,
  },
} satisfies Config;
