/**
 * Configuration from the environment, validated once. Every value has a safe
 * default for local use; a deployment behind any other origin than
 * http://localhost:3000 must set APP_ORIGIN, or its forms are refused (ADR 0003).
 */
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("file:./prisma/dev.db"),
  DATABASE_DRIVER: z.enum(["", "better-sqlite3", "libsql"]).default(""),
  /** The public origin(s) the app is served from, comma-separated; POSTs from elsewhere are refused. */
  APP_ORIGIN: z.string().default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Log queries slower than this many milliseconds. */
  SLOW_QUERY_MS: z.coerce.number().int().positive().default(50),
  /** Outgoing mail (ADR 0013): unset keeps mail in the outbox and prints it to the log. */
  SMTP_URL: z.string().default(""),
  /** The From of every message; defaults to no-reply at APP_ORIGIN's host. */
  MAIL_FROM: z.string().default(""),
  /** How often the mail worker looks for mail to send. */
  MAIL_POLL_MS: z.coerce.number().int().positive().default(5000),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export const isProduction = () => env().NODE_ENV === "production";
/** `npm run dev` only: tools for a developer's own machine (the outbox page) exist nowhere else, tests included. */
export const isDevelopment = () => env().NODE_ENV === "development";

/**
 * Cookies carry `Secure` in production, except for a local demo served over
 * plain http://localhost (browsers treat localhost as secure anyway).
 */
export function secureCookies(): boolean {
  if (!isProduction()) return false;
  const origin = allowedOrigins()[0] ?? "";
  return !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin);
}

let origins: readonly string[] | undefined;

/** APP_ORIGIN as a list, parsed once like the rest of the environment. */
export function allowedOrigins(): readonly string[] {
  origins ??= env()
    .APP_ORIGIN.split(",")
    .map((o) => o.trim().replace(/\/$/, ""))
    .filter(Boolean);
  return origins;
}
