import { NavLink, Outlet, useLocation } from "react-router";
import { ErrorBoundary } from "../ErrorBoundary";
import { BalanceSummary } from "./BalanceSummary";
import { UserMenu } from "./UserMenu";

// Phones get the short labels, so all four links fit in 360 px.
const NAV = [
  { to: "/", label: "New research", short: "New", end: true },
  { to: "/tasks", label: "Research history", short: "History", end: false },
  { to: "/credits", label: "Credits", short: "Credits", end: false },
  { to: "/keys", label: "API keys", short: "API keys", end: false },
];

/** Header (product, balance, user menu), navigation, and the page below an error boundary. */
export function AppShell({ username }: { username: string }) {
  const location = useLocation();
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-3 py-2 sm:px-6">
          <NavLink to="/" className="flex min-h-10 min-w-0 items-center gap-2 rounded-md font-bold text-slate-900">
            <span aria-hidden="true" className="flex h-9 w-10 shrink-0 items-center justify-center rounded-md bg-brand-600 text-xs tracking-tight text-white">
              PMF
            </span>
            <span className="hidden truncate sm:inline">PMF Research Assistant</span>
            <span className="sr-only sm:hidden">PMF Research Assistant</span>
          </NavLink>
          <div className="flex min-w-0 items-center gap-1 sm:gap-3">
            <BalanceSummary />
            <UserMenu username={username} />
          </div>
        </div>
        <nav aria-label="Main" className="mx-auto max-w-6xl overflow-x-auto px-1 sm:px-4">
          <ul className="grid grid-cols-4 sm:flex sm:gap-1">
            {NAV.map((item) => (
              <li key={item.to} className="min-w-0 sm:shrink-0">
                <NavLink
                  to={item.to}
                  end={item.end}
                  aria-label={item.label}
                  className={({ isActive }) =>
                    `flex min-h-11 items-center justify-center border-b-2 px-1 text-sm font-medium sm:px-3 ${
                      isActive ? "border-brand-600 text-brand-700" : "border-transparent text-slate-700 hover:text-slate-900"
                    }`
                  }
                >
                  <span className="sm:hidden">{item.short}</span>
                  <span className="hidden sm:inline">{item.label}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-3 py-6 outline-none sm:px-6">
        <ErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
