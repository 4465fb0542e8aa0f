import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // Our root middleware refuses foreign and missing Origins with 403 for every
  // route, resource routes included (ADR 0003); React Router's narrower built-in
  // check would answer some of them first with a 400, so it defers to ours.
  allowedActionOrigins: ["**"],
  future: {
    v8_middleware: true,
    v8_splitRouteModules: true,
    v8_viteEnvironmentApi: true,
    v8_passThroughRequests: true,
    v8_trailingSlashAwareDataRequests: true,
  },
} satisfies Config;
