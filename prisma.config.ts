import path from "node:path";
import { defineConfig } from "prisma/config";

process.env.DATABASE_URL ??= "file:./prisma/dev.db";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { createAdapterFactory } = await import("./app/utils/db-adapter.server.ts");
    return createAdapterFactory(process.env.DATABASE_URL as string);
  },
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx prisma/seed.ts",
  },
});
