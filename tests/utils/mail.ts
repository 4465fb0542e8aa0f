/**
 * Reading the mail a test caused: the outbox rows (what the worker will send)
 * and the links in them — the way the person at that address would follow them.
 */
import { prisma } from "#app/utils/db.server";

export async function outboxTo(email: string, kind?: string) {
  return prisma.outboxMessage.findMany({
    where: { toAddress: email.toLowerCase(), ...(kind ? { kind } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** The token of the last link to `path` (e.g. "/invite") in a text, or null. */
export function tokenIn(text: string, path: string): string | null {
  const matches = [...text.matchAll(new RegExp(`${path.replace(/\//g, "\\/")}\\/([a-z2-7]+)`, "g"))];
  return matches.at(-1)?.[1] ?? null;
}

/** The token in the newest mail of `kind` to `email`; fails the test when there is none. */
export async function mailedToken(email: string, kind: string, path: string): Promise<string> {
  const rows = await outboxTo(email, kind);
  const token = rows.length ? tokenIn(rows[rows.length - 1].text, path) : null;
  if (!token) throw new Error(`no ${kind} mail with a ${path} link to ${email}`);
  return token;
}
