import { notFound } from "#app/auth/guards.server";
import { prisma } from "#app/utils/db.server";
import { isDevelopment } from "#app/utils/env.server";
import type { Route } from "./+types/mail";

/**
 * Development only (ADR 0013): the outbox as a mailbox, so invitations and
 * password links can be followed without a mail server. Outside development
 * (production, tests) this page does not exist — it answers 404 before reading
 * anything, so it is never a way to read anyone's mail or records.
 */
export async function loader() {
  if (!isDevelopment()) notFound();
  const messages = await prisma.outboxMessage.findMany({
    select: { id: true, kind: true, toAddress: true, subject: true, text: true, status: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
  });
  return {
    messages: messages.map((m) => ({
      ...m,
      createdAt: m.createdAt.toISOString(),
      links: [...new Set(m.text.match(/https?:\/\/\S+/g) ?? [])],
    })),
  };
}

export function meta() {
  return [{ title: "Outbox (development) · Retake Desk" }, { name: "robots", content: "noindex" }];
}

export default function DevMail({ loaderData }: Route.ComponentProps) {
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-8">
      <h1>Outbox (development only)</h1>
      <p className="text-slate-700">
        The newest 50 messages, as the outbox holds them. Delivered messages keep only their envelope. This page does not exist in
        production.
      </p>
      {loaderData.messages.length === 0 ? <p>The outbox is empty.</p> : null}
      {loaderData.messages.map((m) => (
        <article key={m.id} aria-labelledby={`mail-${m.id}`} className="card">
          <h2 id={`mail-${m.id}`} className="text-base">
            {m.subject}
          </h2>
          <p className="text-sm text-slate-700">
            To {m.toAddress} · {m.kind} · {m.status} · {m.createdAt}
          </p>
          {m.links.length ? (
            <ul className="mt-2">
              {m.links.map((link) => (
                <li key={link}>
                  <a href={link}>{link}</a>
                </li>
              ))}
            </ul>
          ) : null}
          {m.text ? <pre className="mt-2 text-sm whitespace-pre-wrap">{m.text}</pre> : null}
        </article>
      ))}
    </main>
  );
}
