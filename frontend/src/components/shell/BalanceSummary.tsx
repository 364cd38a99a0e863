import { Link } from "react-router";
import type { Balance } from "../../api/types";
import { useBalance } from "../../hooks/resources";

function researchesLeft(balance: Balance): string {
  const smallest = balance.depths.reduce<(typeof balance.depths)[number] | undefined>((cheapest, depth) => (!cheapest || depth.credits < cheapest.credits ? depth : cheapest), undefined);
  if (!smallest || smallest.searches_remaining === 0) return "no researches left";
  return `${smallest.searches_remaining} ${smallest.label.toLowerCase()} ${smallest.searches_remaining === 1 ? "research" : "researches"} left`;
}

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
        {balance ? researchesLeft(balance) : " "}
      </span>
    </Link>
  );
}
