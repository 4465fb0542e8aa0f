/**
 * The one Prisma client (ADR 0004). The adapter follows DATABASE_URL; on SQLite
 * the database runs in WAL mode with a busy timeout, and foreign keys must be on
 * because cascades depend on them.
 */
import { Prisma, PrismaClient } from "#generated/prisma/client";
import { createAdapterFactory, driverKind } from "./db-adapter.server";
import { env } from "./env.server";
import { logger } from "./logger.server";

type QueryListener = (event: { query: string; duration: number }) => void;

interface DbState {
  client: PrismaClient;
  ready: Promise<void>;
  listeners: Set<QueryListener>;
}

const globalForDb = globalThis as unknown as { __retakeDeskDb?: DbState };

function createClient(): DbState {
  const url = env().DATABASE_URL;
  const client = new PrismaClient({
    adapter: createAdapterFactory(url),
    log: [{ level: "query", emit: "event" }],
  });
  const listeners = new Set<QueryListener>();
  client.$on("query", (event) => {
    for (const listener of listeners) listener({ query: event.query, duration: event.duration });
    if (event.duration >= env().SLOW_QUERY_MS) {
      logger.warn({ durationMs: event.duration, query: event.query.slice(0, 500) }, "slow query");
    }
  });
  const ready = prepare(client, url);
  return { client, ready, listeners };
}

/** Session settings for SQLite files; remote libSQL servers manage their own. */
async function prepare(client: PrismaClient, url: string): Promise<void> {
  const kind = driverKind(url);
  if (kind !== "libsql-remote") {
    const journal = await client.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode = WAL");
    const mode = String(journal[0]?.journal_mode ?? "").toLowerCase();
    // An in-memory database cannot use WAL; every file database must.
    if (mode !== "wal" && !url.includes(":memory:")) throw new Error(`SQLite journal_mode is ${mode}, expected wal`);
  }
  const fk = await client.$queryRawUnsafe<Array<{ foreign_keys: number | bigint }>>("PRAGMA foreign_keys");
  if (Number(fk[0]?.foreign_keys) !== 1) throw new Error("SQLite foreign keys are off; cascades would not run");
}

function state(): DbState {
  globalForDb.__retakeDeskDb ??= createClient();
  return globalForDb.__retakeDeskDb;
}

/** Created on first import: tests set DATABASE_URL before importing this module. */
export const prisma: PrismaClient = state().client;

/** Resolves once the connection is configured; the server awaits it before serving. */
export function dbReady(): Promise<void> {
  return state().ready;
}

/** Observes every SQL statement (tests count queries with it). Returns an unsubscribe. */
export function onQuery(listener: QueryListener): () => void {
  state().listeners.add(listener);
  return () => state().listeners.delete(listener);
}

export async function disconnectDb(): Promise<void> {
  const current = globalForDb.__retakeDeskDb;
  if (current) {
    globalForDb.__retakeDeskDb = undefined;
    await current.client.$disconnect();
  }
}

/** A unique constraint refused the write: someone else got there first, or the row exists. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
