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
  /**
   * 32 random bytes, base64 or hex: encrypts SSO client secrets and authenticator keys at rest
   * (ADR 0016). Unset: single sign-on cannot be configured and two-factor cannot be set up.
   */
  DATA_ENCRYPTION_KEY: z.string().default("").refine(validKey, { error: "DATA_ENCRYPTION_KEY must be 32 bytes, base64 or hex" }),
  /** The key before a rotation: still decrypts what it encrypted; new writes use DATA_ENCRYPTION_KEY. */
  DATA_ENCRYPTION_KEY_PREVIOUS: z
    .string()
    .default("")
    .refine(validKey, { error: "DATA_ENCRYPTION_KEY_PREVIOUS must be 32 bytes, base64 or hex" }),
  /**
   * Tests only: accept an OpenID provider at http://localhost or http://127.0.0.1 (the local test
   * provider). Anywhere else, and without this flag, an issuer must be https.
   */
  SSO_ALLOW_HTTP_LOOPBACK_ISSUER: z.enum(["", "0", "1", "true", "false"]).default(""),
});

/** An encryption key as written in the environment: 32 bytes in hex (64 digits) or base64; empty means none. */
export function decodeKey(raw: string): Buffer | null {
  const value = raw.trim();
  if (!value) return null;
  const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  return bytes.length === 32 ? bytes : null;
}

function validKey(raw: string): boolean {
  return raw.trim() === "" || decodeKey(raw) !== null;
}

type Env = z.infer<typeof schema>;

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
