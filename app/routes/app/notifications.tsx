import { requireUser } from "../../utils/auth.server";
import { prisma } from "../../utils/db.server";
import type { Route } from "./+types/notifications";

export async function loader(args: Route.LoaderArgs) {
  const user = requireUser(args);
  const notifications = await prisma.notification.findMany({
    where: { userId: user.id },
    select: { id: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return { notifications };
}

export function meta() {
  return [{ title: "Notifications · Retake Desk" }];
}

export default function Notifications({ loaderData }: Route.ComponentProps) {
  return (
    <div className="space-y-4">
      <h1>Notifications</h1>
      {loaderData.notifications.length === 0 ? (
        <p className="card text-slate-700">Nothing new. You will find escalations, new scores and plan changes here.</p>
      ) : (
        <ul className="card divide-y divide-slate-200">
          {loaderData.notifications.map((n) => (
            <li key={n.id} className="py-2">
              <p className="font-medium">{n.link ? <a href={n.link}>{n.title}</a> : n.title}</p>
              <p className="text-sm text-slate-700">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
