import { Form, Link, useNavigation } from "react-router";
import { formatDateTime } from "#app/domain/dates";
import { type InboxItem, notificationKindLabel } from "#app/domain/notifications/inbox";

/**
 * The notification list: newest first, unread ones highlighted and labelled
 * in words, each with a link to its case and a "mark as read" button (a POST
 * that works without JavaScript).
 */
export function NotificationList({ items }: { items: InboxItem[] }) {
  const navigation = useNavigation();
  const pending = navigation.formData?.get("id");
  return (
    <ul className="card divide-y divide-slate-200 p-0 sm:p-0">
      {items.map((n) => (
        <li
          key={n.id}
          className={`flex flex-wrap items-start justify-between gap-3 px-4 py-3 ${n.read ? "" : "border-l-4 border-l-brand-700 bg-brand-50"}`}
        >
          <div className="min-w-0 flex-1">
            <p className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
              {n.read ? null : <span className="badge bg-brand-700 text-white">Unread</span>}
              {notificationKindLabel(n.kind) ? <span>{notificationKindLabel(n.kind)}</span> : null}
              <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
            </p>
            <p className={n.read ? "mt-1" : "mt-1 font-semibold"}>{n.link ? <Link to={n.link}>{n.title}</Link> : n.title}</p>
            <p className="mt-0.5 text-sm whitespace-pre-line text-slate-800">{n.body}</p>
          </div>
          {n.read ? null : (
            <Form method="post">
              <input type="hidden" name="intent" value="read" />
              <input type="hidden" name="id" value={n.id} />
              <button type="submit" className="btn-secondary" disabled={pending === n.id}>
                Mark as read<span className="sr-only">: {n.title}</span>
              </button>
            </Form>
          )}
        </li>
      ))}
    </ul>
  );
}
