import { Form, NavLink } from "react-router";

export interface NavItem {
  to: string;
  label: string;
  badge?: number;
  end?: boolean;
}

/**
 * The signed-in frame: a skip link, role-aware navigation and the page. The
 * navigation is rendered once: a row of links that scrolls sideways on a phone.
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
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only rounded bg-white px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50">
        Skip to content
      </a>
      <header className="bg-brand-700 text-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:px-6">
          <a href="/" className="text-base font-semibold text-white no-underline hover:no-underline">
            Retake Desk
          </a>
          <nav aria-label="Main" className="order-last -mx-1 w-full overflow-x-auto md:order-none md:mx-0 md:w-auto md:flex-1">
            <ul className="flex items-center gap-1 whitespace-nowrap">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.end}
                    className={({ isActive }) =>
                      `flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium no-underline hover:bg-brand-800 hover:no-underline ${
                        isActive ? "bg-brand-800 text-white" : "text-brand-50"
                      }`
                    }
                  >
                    {item.label}
                    {item.badge ? (
                      <span className="badge bg-amber-300 text-amber-950">
                        {item.badge}
                        <span className="sr-only"> unread</span>
                      </span>
                    ) : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
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
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
      <footer className="border-t border-slate-200 py-4 text-center text-xs text-slate-600 print:hidden">
        Retake Desk · education records are handled under FERPA; every staff read of a case is logged.
      </footer>
    </div>
  );
}
