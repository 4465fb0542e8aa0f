import path from "node:path";
import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig, type Plugin } from "vite";

/**
 * The browser gets React Router's production build: the package points every
 * condition at its development build, which keeps the development warnings in
 * (the server does the same at run time: server/react-router-production.ts).
 */
function reactRouterProductionBuild(): Plugin {
  const dist = path.resolve("node_modules/react-router/dist/production");
  const entries: Record<string, string> = {
    "react-router": path.join(dist, "index.mjs"),
    "react-router/dom": path.join(dist, "dom-export.mjs"),
  };
  return {
    name: "retake-desk:react-router-production",
    apply: "build",
    enforce: "pre",
    applyToEnvironment: (environment) => environment.name === "client",
    resolveId(id) {
      return entries[id] ?? null;
    },
  };
}

export default defineConfig({
  plugins: [reactRouterProductionBuild(), tailwindcss(), reactRouter()],
  resolve: { tsconfigPaths: true },
  server: { port: 3000 },
  optimizeDeps: {
    include: ["react", "react-dom", "react-router", "@conform-to/react", "@conform-to/zod/v4", "zod", "@tanstack/react-table", "recharts"],
    exclude: ["@prisma/client", "@prisma/adapter-better-sqlite3", "@prisma/adapter-libsql", "@node-rs/argon2", "better-sqlite3"],
  },
});
