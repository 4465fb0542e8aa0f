import { Outlet, useRouteLoaderData } from "react-router";
import { requireUser } from "#app/auth/guards.server";
import { AppShell, type NavItem } from "#app/components/app-shell";
import { ErrorMessage } from "#app/components/error-page";
import { type Actor, actorOf, hasRole, primaryRole } from "#app/domain/access/policy";
import { countUnread } from "#app/domain/notifications/inbox.server";
import { OFFICE_ROLES, ROLE_LABELS } from "#app/domain/vocabulary";
import type { Route } from "./+types/layout";

function navigation(actor: Actor, unread: number): NavItem[] {
  const items: NavItem[] = [{ to: "/", label: "Home", end: true }];
  const staff = hasRole(actor, ["TUTOR", ...OFFICE_ROLES]);
  if (staff) items.push({ to: "/cases", label: "Caseload" }, { to: "/queue", label: "Intake queue" });
  if (hasRole(actor, OFFICE_ROLES))
    items.push(
      { to: "/office", label: "Dashboard", end: true },
      { to: "/office/escalations", label: "Escalations" },
      { to: "/office/import", label: "Import" },
      { to: "/office/disclosures", label: "Disclosures" },
    );
  if (hasRole(actor, ["ADMIN"])) {
    items.push(
      { to: "/admin/users", label: "Users" },
      { to: "/admin/settings", label: "Settings" },
      { to: "/admin/sign-in", label: "Sign-in" },
      { to: "/admin/access-log", label: "Access log" },
      { to: "/admin/mail", label: "E-mail" },
    );
  }
  if (hasRole(actor, ["STUDENT"])) items.push({ to: "/me/record", label: "Your record" });
  items.push({ to: "/notifications", label: "Notifications", badge: unread });
  items.push({ to: "/account", label: "My account" });
  return items;
}

export async function loader(args: Route.LoaderArgs) {
  const user = requireUser(args);
  const actor = actorOf(user);
  const unread = await countUnread(user.id);
  const role = primaryRole(actor);
  return {
    user: { name: user.name, roleLabel: role ? ROLE_LABELS[role] : "No role" },
    nav: navigation(actor, unread),
  };
}

export default function AppLayout({ loaderData }: Route.ComponentProps) {
  return (
    <AppShell user={loaderData.user} items={loaderData.nav}>
      <Outlet />
    </AppShell>
  );
}

/** A refusal or failure below the layout shows inside the app's shell, its navigation kept. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const shell = useRouteLoaderData<typeof loader>("routes/app/layout");
  if (!shell) {
    return (
      <main id="main" className="mx-auto max-w-xl px-4 py-16">
        <ErrorMessage error={error} />
      </main>
    );
  }
  return (
    <AppShell user={shell.user} items={shell.nav}>
      <div className="max-w-xl">
        <ErrorMessage error={error} />
      </div>
    </AppShell>
  );
}
