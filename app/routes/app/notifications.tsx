import { Form, redirect } from "react-router";
import { z } from "zod";
import { notUnderstood } from "#app/actions/reply";
import { notFound, requireUser } from "#app/auth/guards.server";
import { NotificationList } from "#app/components/notifications/notification-list";
import { Pager, pageHref } from "#app/components/pager";
import { loadInbox, markAllNotificationsRead, markNotificationRead } from "#app/domain/notifications/inbox.server";
import { noteRecordsRead } from "#app/utils/access-log.server";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/notifications";

function pageOf(url: URL): number {
  const page = Number(url.searchParams.get("page"));
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

export async function loader(args: Route.LoaderArgs) {
  const user = requireUser(args);
  const inbox = await loadInbox(user.id, pageOf(new URL(args.request.url)));
  // Staff notifications name the student they are about; a student's own are about themselves (not noted).
  if (user.memberships.some((m) => m.role !== "STUDENT")) {
    noteRecordsRead(
      args.context,
      inbox.items.flatMap((i) => (i.caseId ? [{ caseId: i.caseId }] : [])),
      `Notifications, page ${inbox.page}`,
    );
  }
  return inbox;
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("read-all") }),
]);

export async function action(args: Route.ActionArgs) {
  const user = requireUser(args);
  const parsed = actionSchema.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) notUnderstood();
  const page = pageOf(new URL(args.request.url));
  const back = page > 1 ? `/notifications?page=${page}` : "/notifications";
  if (parsed.data.intent === "read") {
    // Someone else's notification is not found: nobody marks another person's.
    if (!(await markNotificationRead(user.id, parsed.data.id))) notFound("We could not find that notification.");
    return redirect(back);
  }
  const count = await markAllNotificationsRead(user.id);
  return redirectWithToast(back, { title: count ? "All notifications marked as read" : "Nothing was unread" });
}

export function meta() {
  return [{ title: "Notifications · Retake Desk" }];
}

export default function Notifications({ loaderData }: Route.ComponentProps) {
  const { items, unread, total, page, pageCount } = loaderData;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1>Notifications</h1>
          <p className="text-sm text-slate-700">{total === 0 ? "None yet." : `${unread} unread of ${total}, newest first.`}</p>
        </div>
        {unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="read-all" />
            <button type="submit" className="btn-secondary">
              Mark all as read
            </button>
          </Form>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="card text-slate-700">Nothing new. You will find escalations, new scores and plan changes here.</p>
      ) : (
        <NotificationList items={items} />
      )}
      {pageCount > 1 ? (
        <Pager page={page} pageCount={pageCount} href={(p) => pageHref("/notifications", p)} previousLabel="Newer" nextLabel="Older" />
      ) : null}
    </div>
  );
}
