/**
 * The mail server of the end-to-end tests: a real SMTP server (the app's
 * SMTP_URL points at it) and a small HTTP view of what it received, which the
 * specs read as the invitee's or student's mailbox (e2e/fixtures.ts `mailbox`).
 * Playwright starts it before the app (playwright.config.ts).
 *
 *   E2E_SMTP_PORT (SMTP) and E2E_MAILBOX_PORT (HTTP: GET /messages?to=…, GET /healthz)
 */
import { createServer } from "node:http";
import { startSmtpServer } from "../tests/utils/smtp.ts";

const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 5100);
const mailboxPort = Number(process.env.E2E_MAILBOX_PORT ?? 5101);

const smtp = await startSmtpServer(smtpPort);

const http = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (url.pathname === "/healthz") {
    res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
    return;
  }
  if (url.pathname === "/messages") {
    const to = url.searchParams.get("to")?.toLowerCase();
    const messages = to ? smtp.received.filter((m) => m.to.includes(to)) : smtp.received;
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(messages));
    return;
  }
  res.writeHead(404).end();
});
http.listen(mailboxPort, "127.0.0.1", () => {
  console.log(`e2e mail: SMTP on 127.0.0.1:${smtp.port}, mailbox on http://127.0.0.1:${mailboxPort}`);
});

const stop = async () => {
  http.close();
  await smtp.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
