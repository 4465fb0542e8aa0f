import { useEffect, useRef, useState } from "react";
import { Form, NavLink, useLocation } from "react-router";

export interface NavItem {
  to: string;
  label: string;
  badge?: number;
  end?: boolean;
}

const NAV_ID = "main-navigation";

/**
 * The signed-in frame: a skip link, role-aware navigation and the page
 * (docs/decisions/0026-phones-and-forms.md).
 *
 * The navigation is one list. From the `md` breakpoint up it is a row under
 * the title bar that wraps, so an admin's long list fits at any width. On a
 * phone a Menu button shows and hides it (a disclosure: Escape closes it and
 * returns to the button; following a link closes it). The page is drawn that
 * way from its first paint: a script in the document's head marks
 * `<html class="js">`, and the stylesheet collapses the list and shows the
 * button under that mark (app/styles/app.css, "The phone's menu"), so nothing
 * moves when the page hydrates. Without JavaScript the list is simply shown
 * and the button is not. The current page is marked by NavLink's
 * aria-current="page" and by its look.
 */
export function AppShell({
  user,
  items,
  children,
}: {
  user: { name: string; roleLabel: string };
  items: NavItem[];
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const unread = items.reduce((sum, item) => sum + (item.badge ?? 0), 0);

  // Following a link (or submitting a form) closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new location
  useEffect(() => setOpen(false), [location.key]);

  // Escape closes the open menu and returns to its button.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only rounded bg-white px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50">
        Skip to content
      </a>
      <header className="bg-brand-700 text-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:px-6">
          <a href="/" className="text-base font-semibold text-white no-underline hover:no-underline">
            Retake Desk
          </a>
          <button
            ref={button}
            type="button"
            className="menu-button btn border border-brand-100 px-2.5 py-1 text-white hover:bg-brand-800"
            aria-expanded={open}
            aria-controls={NAV_ID}
            onClick={() => setOpen((was) => !was)}
          >
            <MenuIcon open={open} />
            Menu
            {unread > 0 && !open ? (
              <span className="badge relative bg-amber-300 text-amber-950">
                {unread}
                <span className="sr-only"> unread</span>
              </span>
            ) : null}
          </button>
          <div className="ml-auto flex items-center gap-3">
            <span className="hidden text-sm text-brand-50 sm:inline">
              {user.name} <span className="text-brand-100">· {user.roleLabel}</span>
            </span>
            <Form method="post" action="/logout">
              <button type="submit" className="btn border border-brand-100 px-2.5 py-1 text-white hover:bg-brand-800">
                Sign out
              </button>
            </Form>
          </div>
          <nav id={NAV_ID} aria-label="Main" className="main-nav order-last w-full" data-open={open ? "" : undefined}>
            <ul className="-mx-1 flex flex-col gap-1 pb-1 md:flex-row md:flex-wrap md:pb-0">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.end}
                    className={({ isActive }) =>
                      `relative flex items-center gap-2 rounded-md border-l-4 px-3 py-2 text-sm font-medium no-underline hover:bg-brand-800 hover:no-underline md:border-l-0 md:border-b-2 md:py-1.5 ${
                        isActive ? "border-white bg-brand-800 text-white" : "border-transparent text-brand-50"
                      }`
                    }
                  >
                    {item.label}
                    {item.badge ? (
                      <span className="badge relative bg-amber-300 text-amber-950">
                        {item.badge}
                        <span className="sr-only"> unread</span>
                      </span>
                    ) : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl min-w-0 flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
      <footer className="border-t border-slate-200 px-4 py-4 text-center text-xs text-slate-600 print:hidden">
        Retake Desk · education records are handled under FERPA; every staff read of a case is logged.
      </footer>
    </div>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
    </svg>
  );
}
