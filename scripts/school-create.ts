/**
 * `npm run school:create -- --name "Riverside College of Medicine" --slug riverside --admin-email dean@riverside.edu [--admin-name "Ada Ray"]`
 *
 * Creates a school with the default settings and mails its first admin an
 * activation link (or, when the address already has an account, an invitation
 * to accept after signing in). Applies pending migrations first. The mail is
 * sent now when SMTP_URL is set; otherwise it is printed below and stays in the
 * outbox. Links point at APP_ORIGIN (default http://localhost:3000).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";

process.env.DATABASE_URL ??= "file:./prisma/dev.db";
const root = path.resolve(import.meta.dirname, "..");

const { values } = parseArgs({
  options: {
    name: { type: "string" },
    slug: { type: "string" },
    "admin-email": { type: "string" },
    "admin-name": { type: "string" },
  },
  strict: true,
});

async function main() {
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const { dbReady, disconnectDb } = await import("#app/utils/db.server.ts");
  const { createSchool } = await import("#app/domain/schools/create.server.ts");
  const { claimForPrinting, deliverDue } = await import("#app/domain/mail/worker.server.ts");
  const { configuredTransport } = await import("#app/utils/mailer.server.ts");
  await dbReady();
  try {
    const result = await createSchool({
      name: values.name ?? "",
      slug: values.slug ?? "",
      adminEmail: values["admin-email"] ?? "",
      adminName: values["admin-name"],
    });
    if (!result.ok) {
      for (const error of result.errors) console.error(`  ${error}`);
      console.error('\nUsage: npm run school:create -- --name "…" --slug … --admin-email … [--admin-name "…"]');
      process.exitCode = 1;
      return;
    }
    const what = result.admin === "activation" ? "an activation e-mail" : "an invitation (the address already has an account)";
    console.log(`Created ${values.name} (${values.slug}); its first admin, ${values["admin-email"]}, gets ${what}.`);
    const transport = configuredTransport();
    if (transport) {
      const report = await deliverDue();
      console.log(report.sent ? "The e-mail was sent." : "The e-mail is queued: the running server's mail worker sends it.");
      transport.close();
    } else {
      const pending = await (await import("#app/utils/db.server.ts")).prisma.outboxMessage.findMany({
        where: { status: "PENDING", loggedAt: null, toAddress: values["admin-email"]?.trim().toLowerCase() },
        select: { id: true, text: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      });
      // Printed here, it is delivered here: the outbox keeps its envelope, not the link (ADR 0013).
      const mine = pending[0] && (await claimForPrinting(pending[0].id, new Date()));
      console.log("\nNo SMTP_URL is set: the e-mail is not sent. Its text:\n");
      console.log(mine ? pending[0].text : "(printed to the running server's log instead)");
    }
  } finally {
    await disconnectDb();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
