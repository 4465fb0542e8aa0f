/**
 * `npm run two-factor:reset -- --email ada@school.edu`
 *
 * For someone who lost both their authenticator and their recovery codes
 * (ADR 0017): removes their two-factor authentication, ends their sessions,
 * logs it at each of their schools and mails them a notice. If their school
 * requires a second factor, they set up a new one at their next sign-in.
 * Run it on the server, after checking who is asking by some other channel.
 */
import { parseArgs } from "node:util";

process.env.DATABASE_URL ??= "file:./prisma/dev.db";
const { values } = parseArgs({ options: { email: { type: "string" } }, strict: true });

const { dbReady, disconnectDb } = await import("#app/utils/db.server.ts");
const { resetTwoFactorByOperator } = await import("#app/domain/two-factor/two-factor.server.ts");
await dbReady();
try {
  if (!values.email) {
    console.error("Usage: npm run two-factor:reset -- --email <address>");
    process.exitCode = 1;
  } else {
    const result = await resetTwoFactorByOperator(values.email);
    if (result.ok) console.log(`Reset the two-factor authentication of ${result.name}; their sessions ended and a notice was queued.`);
    else {
      console.error(result.message);
      process.exitCode = 1;
    }
  }
} finally {
  await disconnectDb();
}
