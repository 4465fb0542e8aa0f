/**
 * Chooses the Prisma driver adapter from the DATABASE_URL scheme (ADR 0004).
 *
 * - `file:`                        → better-sqlite3, the embedded default;
 *   with DATABASE_DRIVER=libsql      → libSQL's embedded driver on the same file.
 * - `libsql:` `http(s):` `ws(s):`  → a libSQL server (DATABASE_AUTH_TOKEN if it needs one).
 *
 * Shared by the app's client module and prisma.config.ts, so the CLI and the
 * app always talk to a database the same way.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

type DriverKind = "better-sqlite3" | "libsql-embedded" | "libsql-remote";

/** SQLite waits this long for a lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

export function driverKind(url: string, driver = process.env.DATABASE_DRIVER): DriverKind {
  const scheme = url.slice(0, url.indexOf(":") + 1).toLowerCase();
  if (scheme === "file:") return driver === "libsql" ? "libsql-embedded" : "better-sqlite3";
  if (["libsql:", "http:", "https:", "ws:", "wss:"].includes(scheme)) return "libsql-remote";
  throw new Error(`DATABASE_URL must start with file:, libsql:, http(s): or ws(s): (got "${scheme || url}")`);
}

export function createAdapterFactory(url: string) {
  const kind = driverKind(url);
  if (kind === "better-sqlite3") {
    // Dates are stored as ISO-8601 text, decided once (ADR 0004).
    return new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS }, { timestampFormat: "iso8601" });
  }
  return new PrismaLibSQL({ url, authToken: process.env.DATABASE_AUTH_TOKEN });
}
