/**
 * A second (third…) app process for the multi-process tests
 * (tests/integration/processes.test.ts): run with tsx on the parent's
 * DATABASE_URL, it does one thing through the app's own modules and reports on
 * stdout, one JSON object a line.
 *
 *   sign-in <email> <password> <times>   posts the sign-in form `times` times; reports each status
 *   take <address> <times> <now>         takes `times` tokens from the sign-in bucket at one instant; reports how many it got
 *   import <schoolId> <actorId> <rows>   previews a students file of `rows` rows, then commits it; reports
 *                                        "committing" at the commit's first insert, and "committed" after
 *   refresh <ttlMs>                      runs the daily-refresh job under a lease of ttlMs until killed; reports each run
 *   mail-event <schoolId> <adminId> <email>
 *                                        invites `email` (the invitation and its mail in one transaction); reports
 *                                        "committed" with the outbox row's id, then waits to be killed
 *   mail-send <smtpUrl> [<nowMs>]        runs the mail worker once through that SMTP server; reports its counts
 */
import { dbReady } from "#app/utils/db.server";

const say = (message: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ pid: process.pid, ...message })}\n`);

const [command, ...args] = process.argv.slice(2);
await dbReady();
say({ ready: true });

// Each command loads only what it needs: the machine running the tests is busy.
if (command === "sign-in") {
  const { action: loginAction } = await import("#app/routes/auth/login");
  const { call } = await import("../utils/route");
  const [email, password, times] = args;
  const statuses: number[] = [];
  for (let i = 0; i < Number(times); i += 1) {
    const result = await call(loginAction, { userId: null, path: "/login", form: { email, password } });
    statuses.push(result.status);
  }
  say({ statuses });
  process.exit(0);
}

if (command === "take") {
  const { loginBuckets } = await import("#app/utils/rate-limit.server");
  const [address, times, now] = args;
  let granted = 0;
  for (let i = 0; i < Number(times); i += 1) if (await loginBuckets.consume(address, Number(now))) granted += 1;
  say({ granted });
  process.exit(0);
}

if (command === "import") {
  const { previewImport, commitImport } = await import("#app/domain/imports/import.server");
  const { onQuery } = await import("#app/utils/db.server");
  const [schoolId, actorId, rows] = args;
  const lines = ["student_id,email,name,graduation_year,international_graduate"];
  for (let i = 0; i < Number(rows); i += 1) lines.push(`K-${i},k${i}@crash.example.edu,Student ${i},2027,no`);
  const preview = await previewImport({ schoolId, kind: "STUDENTS", fileName: "crash.csv", content: lines.join("\n"), actorId });
  if (!preview.ok) throw new Error(JSON.stringify(preview));
  say({ previewed: preview.batchId });
  let committing = false;
  onQuery(({ query }) => {
    if (!committing && /^\s*INSERT/i.test(query)) {
      committing = true;
      say({ committing: true });
    }
  });
  const result = await commitImport({ batchId: preview.batchId, schoolIds: [schoolId], actorId });
  say({ committed: result.ok });
  process.exit(0);
}

if (command === "refresh") {
  const { refreshStaleCases } = await import("#app/domain/cases/derive.server");
  const { LeasedJob } = await import("#app/utils/lease.server");
  const ttlMs = Number(args[0]);
  new LeasedJob({
    name: "daily-refresh",
    // Once an hour, as in the app: in this test each process runs it at most once, when it takes the lease.
    everyMs: 60 * 60 * 1000,
    ttlMs,
    run: async () => {
      say({ run: "start", at: Date.now() });
      const cases = await refreshStaleCases();
      say({ run: "end", at: Date.now(), cases });
    },
  }).start();
  say({ ticking: true });
  // Keeps running (the job's timer does not hold the process open) until the test kills it.
  setInterval(() => undefined, 60_000);
}

if (command === "mail-event") {
  const { createInvitation } = await import("#app/domain/invitations/mutations.server");
  const { prisma } = await import("#app/utils/db.server");
  const [schoolId, adminId, email] = args;
  const created = await createInvitation({ schoolId, email, name: "Crash Test", role: "TUTOR", invitedById: adminId });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const row = await prisma.outboxMessage.findFirstOrThrow({ where: { toAddress: email }, select: { id: true } });
  say({ committed: row.id });
  setInterval(() => undefined, 60_000);
}

if (command === "mail-send") {
  const { deliverDue } = await import("#app/domain/mail/worker.server");
  const { smtpTransport } = await import("#app/utils/mailer.server");
  const [smtpUrl, nowMs] = args;
  const transport = smtpTransport(smtpUrl, "Retake Desk <no-reply@localhost>");
  say({ sending: true });
  const report = await deliverDue({ transport, ...(nowMs ? { now: new Date(Number(nowMs)) } : {}) });
  transport.close();
  say({ report });
  process.exit(0);
}
