import { data, Form } from "react-router";
import { z } from "zod";
import { notUnderstood, refusalPage } from "#app/actions/reply";
import { requireRole } from "#app/auth/guards.server";
import { TableCard } from "#app/components/data-table";
import { loadMailOverview, retryMessage } from "#app/domain/mail/admin.server";
import { MAX_AGE_MS } from "#app/domain/mail/retry";
import { mailKindLabel } from "#app/domain/mail/templates";
import { toastHeader } from "#app/utils/toast.server";
import type { Route } from "./+types/mail";

export async function loader(args: Route.LoaderArgs) {
  const { schoolIds } = requireRole(args, ["ADMIN"]);
  const now = new Date();
  const { problems, queued, sentThisWeek } = await loadMailOverview(schoolIds, now);
  return {
    queued,
    sentThisWeek,
    problems: problems.map((p) => ({
      id: p.id,
      kind: mailKindLabel(p.kind),
      to: p.toAddress,
      status: p.status,
      attempts: p.attempts,
      lastError: p.lastError,
      nextAttemptAt: p.status === "PENDING" ? p.nextAttemptAt.toISOString() : null,
      createdAt: p.createdAt.toISOString(),
      retryable: p.status === "FAILED" && now.getTime() - p.createdAt.getTime() < MAX_AGE_MS,
    })),
  };
}

const retrySchema = z.object({ intent: z.literal("retry"), messageId: z.string().min(1) });

export async function action(args: Route.ActionArgs) {
  const { user, schoolIds } = requireRole(args, ["ADMIN"]);
  const parsed = retrySchema.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) notUnderstood();
  const retried = await retryMessage({ id: parsed.data.messageId, schoolIds, actorId: user.id });
  if (!retried.ok) refusalPage(retried);
  return data({ ok: true }, { headers: { "Set-Cookie": await toastHeader({ title: "The e-mail will be tried again" }) } });
}

export function meta() {
  return [{ title: "E-mail delivery · Retake Desk" }];
}

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const STATUS_LABELS: Record<string, string> = {
  FAILED: "Given up",
  EXPIRED: "Not sent in time",
  PENDING: "Retrying",
  SENDING: "Retrying",
};

export default function Mail({ loaderData }: Route.ComponentProps) {
  return (
    <div className="space-y-6">
      <h1>E-mail delivery</h1>
      <section aria-labelledby="mail-summary" className="card">
        <h2 id="mail-summary">Summary</h2>
        <p className="mt-2 text-slate-700">
          {loaderData.sentThisWeek} e-mails delivered in the last 7 days; {loaderData.queued} waiting to be sent.
        </p>
        <p className="hint">Only who and what is shown here, never the content: e-mails can hold a person's own sign-in link.</p>
      </section>
      <TableCard
        id="mail-problems"
        title="Not delivered"
        empty={<p className="mt-2 text-slate-700">Every e-mail was delivered to the mail server.</p>}
        columns={["Recipient", "E-mail", "Status", "Attempts", "Reason"]}
        actions
        rows={loaderData.problems}
        row={(p) => (
          <tr key={p.id}>
            <td>{p.to}</td>
            <td>
              {p.kind}
              <span className="block text-sm text-slate-600">Written {when(p.createdAt)} UTC</span>
            </td>
            <td>
              {STATUS_LABELS[p.status] ?? p.status}
              {p.nextAttemptAt ? <span className="block text-sm text-slate-600">Next try {when(p.nextAttemptAt)} UTC</span> : null}
            </td>
            <td>{p.attempts}</td>
            <td className="max-w-sm break-words">{p.lastError ?? "—"}</td>
            <td>
              {p.retryable ? (
                <Form method="post">
                  <input type="hidden" name="messageId" value={p.id} />
                  <button type="submit" name="intent" value="retry" className="btn-link">
                    Try again<span className="sr-only"> to send the e-mail to {p.to}</span>
                  </button>
                </Form>
              ) : null}
            </td>
          </tr>
        )}
      />
    </div>
  );
}
