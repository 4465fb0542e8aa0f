/**
 * The SMTP side of mail (ADR 0013): a nodemailer transport for SMTP_URL, or
 * none — then mail stays in the outbox and is printed to the log.
 */
import nodemailer from "nodemailer";
import { allowedOrigins, env } from "./env.server";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row, so a duplicate after a crash is recognisable as the same message. */
  messageId: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The host of the public origin, for the default sender and message ids. */
export function mailHost(): string {
  try {
    return new URL(allowedOrigins()[0] ?? "http://localhost").hostname || "localhost";
  } catch {
    return "localhost";
  }
}

function mailFrom(): string {
  return env().MAIL_FROM || `Retake Desk <no-reply@${mailHost()}>`;
}

/** A transport for an SMTP URL (smtp://user:pass@host:port, smtps://… for TLS). */
export function smtpTransport(url: string, from = mailFrom()): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      });
    },
    close() {
      transporter.close();
    },
  };
}

let configured: MailTransport | null | undefined;

/** The transport SMTP_URL describes, made once; null when SMTP_URL is unset. */
export function configuredTransport(): MailTransport | null {
  if (configured === undefined) configured = env().SMTP_URL ? smtpTransport(env().SMTP_URL) : null;
  return configured;
}
