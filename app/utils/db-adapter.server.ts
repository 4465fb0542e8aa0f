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
  if (kind === "libsql-embedded") return new EmbeddedLibSQL({ url });
  return new PrismaLibSQL({ url, authToken: process.env.DATABASE_AUTH_TOKEN });
}

/**
 * libSQL's embedded driver on a SQLite file. SQLite's busy timeout belongs to a connection, and the driver
 * opens a new connection after every transaction (the transaction keeps the one it began on), with no busy
 * timeout: set once at start-up it would be gone after the first transaction, and a write meeting another
 * process's lock would fail at once with SQLITE_BUSY. This client sets it on each connection before the
 * connection's first statement (ADR 0004).
 */
type Client = ReturnType<PrismaLibSQL["createClient"]>;

class EmbeddedLibSQL extends PrismaLibSQL {
  override createClient(config: Parameters<PrismaLibSQL["createClient"]>[0]): Client {
    const client = super.createClient(config);
    let fresh = true;
    const prepared = async () => {
      if (!fresh) return;
      await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
      fresh = false;
    };
    const statements = new Set<PropertyKey>(["execute", "batch", "executeMultiple", "migrate"]);
    return new Proxy(client, {
      get(target, property) {
        if (property === "transaction") {
          return async (...args: Parameters<Client["transaction"]>) => {
            await prepared();
            const transaction = await target.transaction(...args);
            fresh = true; // the next statement outside it opens a new connection
            return transaction;
          };
        }
        const value = Reflect.get(target, property, target);
        if (typeof value !== "function") return value;
        // The client keeps its connection in a private field: its methods run on the client itself, not the proxy.
        if (!statements.has(property)) return value.bind(target);
        return async (...args: unknown[]) => {
          await prepared();
          return value.apply(target, args);
        };
      },
    });
  }
}
