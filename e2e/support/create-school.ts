/**
 * Creates a school in the running end-to-end app's database, as
 * `npm run school:create` does (the same domain function; its first admin is
 * mailed an activation link by the app's mail worker) but without applying
 * migrations: the app already did, and `prisma migrate deploy` cannot take
 * the database while the app is writing to it.
 *
 *   DATABASE_URL=file:e2e/.db/e2e-<port>.db tsx e2e/support/create-school.ts <name> <slug> <admin e-mail> <admin name>
 */
import process from "node:process";

const [name, slug, adminEmail, adminName] = process.argv.slice(2);
const { dbReady, disconnectDb } = await import("#app/utils/db.server.ts");
const { createSchool } = await import("#app/domain/schools/create.server.ts");
await dbReady();
try {
  const result = await createSchool({ name, slug, adminEmail, adminName });
  if (!result.ok) throw new Error(result.errors.join("; "));
} finally {
  await disconnectDb();
}
