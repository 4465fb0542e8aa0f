import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [tailwindcss(), reactRouter()],
  resolve: { tsconfigPaths: true },
  server: { port: 3000 },
  optimizeDeps: {
    include: ["react", "react-dom", "react-router", "@conform-to/react", "@conform-to/zod/v4", "zod", "@tanstack/react-table", "recharts"],
    exclude: ["@prisma/client", "@prisma/adapter-better-sqlite3", "@prisma/adapter-libsql", "@node-rs/argon2", "better-sqlite3"],
  },
});
