import { Link } from "react-router";
import { useBalance } from "../../hooks/resources";

/** Credits left and how many researches of each depth they buy; always in the header. */
export function BalanceSummary() {
  const { data: balance, error } = useBalance();
  if (error && !balance) {
    return <span className="text-sm text-slate-500">Balance unavailable</span>;
  }
  return (
    <Link
      to="/credits"
      aria-label={balance ? `Balance: ${balance.balance} credits. Open credits.` : "Balance loading. Open credits."}
      className="flex min-h-10 min-w-0 flex-col justify-center rounded-md px-2 text-right leading-tight hover:bg-slate-100"
    >
      <span className="text-sm font-semibold text-slate-900" data-testid="header-balance">
        {balance ? `${balance.balance} credits` : <span className="inline-block h-4 w-20 rounded bg-slate-200" />}
      </span>
      <span className="text-[11px] text-slate-600 sm:text-xs">
        {balance
          ? balance.depths.map((depth) => `${depth.searches_remaining} ${depth.label.toLowerCase()}`).join(" · ") + " left"
          : " "}
      </span>
    </Link>
  );
}
