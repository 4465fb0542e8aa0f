/**
 * A real SMTP server for tests (smtp-server + mailparser): what the app sends
 * through nodemailer arrives here over a socket, parsed as a mail client would.
 * Used by integration tests and, through scripts/e2e-mail.ts, by end-to-end tests.
 */
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  receivedAt: string;
}

export interface TestSmtpServer {
  port: number;
  /** The SMTP_URL that reaches this server. */
  url: string;
  received: ReceivedMail[];
  /** Refuse the next `count` messages with this SMTP reply code (4xx temporary, 5xx permanent). */
  refuseNext(code: number, count?: number): void;
  /**
   * Never answer the next message's DATA (it does not arrive): its sender
   * waits as on a slow server. Resolves once that message's data has begun.
   */
  stallNext(): Promise<void>;
  /** Resolves once at least `count` messages have arrived (fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpServer(port = 0, host = "127.0.0.1"): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const refusals: number[] = [];
  const stalls: Array<() => void> = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      const code = refusals.shift();
      if (code) return callback(Object.assign(new Error(`Refused by the test server (${code})`), { responseCode: code }));
      callback();
    },
    onData(stream, session, callback) {
      const stalled = stalls.shift();
      if (stalled) {
        stream.resume();
        stalled();
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: parsed.from?.text ?? "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            messageId: parsed.messageId ?? "",
            receivedAt: new Date().toISOString(),
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    port: actualPort,
    url: `smtp://${host}:${actualPort}`,
    received,
    refuseNext(code, count = 1) {
      for (let i = 0; i < count; i++) refusals.push(code);
    },
    stallNext() {
      return new Promise((resolve) => stalls.push(resolve));
    },
    waitFor(count, timeoutMs = 10_000) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} messages, got ${received.length}`));
        }, timeoutMs);
        const check = () => {
          if (received.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(received);
        };
        waiters.add(check);
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
