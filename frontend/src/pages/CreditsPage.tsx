import { useState } from "react";
import { Link } from "react-router";
import { Card } from "../components/ui/Card";
import { ErrorState } from "../components/ui/ErrorState";
import { Pagination } from "../components/ui/Pagination";
import { LoadingRegion, Skeleton } from "../components/ui/Skeleton";
import { useBalance, useTransactions } from "../hooks/resources";
import { usePageTitle } from "../hooks/usePageTitle";
import { formatDateTime, humanize, plural, renewalDate } from "../lib/format";

const TRANSACTIONS_PAGE_SIZE = 20;

function BalanceCard() {
  const { data: balance, error, reload } = useBalance();
  if (error && !balance) return <ErrorState error={error} title="Could not load your balance" onRetry={reload} />;
  if (!balance) {
    return (
      <LoadingRegion label="Loading balance">
        <div className="grid gap-4 md:grid-cols-2">
          <Skeleton className="h-44" />
          <Skeleton className="h-44" />
        </div>
      </LoadingRegion>
    );
  }
  const usedPercent = balance.monthly_limit ? Math.min(100, Math.round((balance.used_this_month / balance.monthly_limit) * 100)) : 0;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card>
        <h2 className="text-sm font-medium text-slate-600">Balance for {balance.month}</h2>
        <p className="mt-1 text-4xl font-bold tabular-nums">{balance.balance}</p>
        <p className="text-sm text-slate-700">credits left of {balance.monthly_limit} this month; renews on {renewalDate(balance.month)}</p>
        <div className="mt-4 h-2 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
          <div className="h-full bg-brand-600" style={{ width: `${usedPercent}%` }} />
        </div>
        <p className="mt-2 text-sm text-slate-700">
          {plural(balance.used_this_month, "credit")} used on {plural(balance.researches_this_month, "research", "researches")} this month.
        </p>
      </Card>
      <Card>
        <h2 className="text-sm font-medium text-slate-600">Researches left this month</h2>
        <ul className="mt-2 divide-y divide-slate-100">
          {balance.depths.map((depth) => (
            <li key={depth.depth} className="flex items-center justify-between gap-3 py-2">
              <span>
                <span className="font-medium">{depth.label}</span>
                <span className="ml-2 text-sm text-slate-600">{plural(depth.credits, "credit")} each</span>
              </span>
              <span className={`text-lg font-semibold tabular-nums ${depth.affordable ? "" : "text-red-800"}`}>{depth.searches_remaining}</span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

/** The research a charge or refund belongs to (task endpoints accept the request id as the task id). */
function ResearchLink({ requestId }: { requestId: string | null }) {
  if (!requestId) return null;
  return (
    <Link to={`/tasks/${encodeURIComponent(requestId)}`} className="block text-xs font-medium text-brand-700 underline">
      Open the research
    </Link>
  );
}

function TransactionHistory() {
  const [page, setPage] = useState(1);
  const { data, error, reload } = useTransactions(page);
  const pageCount = data ? Math.max(1, Math.ceil(data.count / Math.max(TRANSACTIONS_PAGE_SIZE, data.results.length))) : 1;
  const hasNext = Boolean(data?.next);

  return (
    <Card>
      <h2 className="text-lg font-semibold">Transaction history</h2>
      {error && !data ? (
        <div className="mt-3">
          <ErrorState error={error} title="Could not load transactions" onRetry={reload} />
        </div>
      ) : !data ? (
        <LoadingRegion label="Loading transactions">
          <Skeleton className="mt-3 h-64 w-full" />
        </LoadingRegion>
      ) : data.results.length === 0 ? (
        <p className="mt-3 text-slate-600">No transactions yet.</p>
      ) : (
        <>
        <ul className="mt-3 divide-y divide-slate-100 sm:hidden">
          {data.results.map((row) => (
            <li key={row.id} className="flex items-start justify-between gap-3 py-2 text-sm">
              <div className="min-w-0">
                <p className="font-medium">{humanize(row.kind)}</p>
                <p className="text-xs text-slate-600">{formatDateTime(row.timestamp)}</p>
                {(row.research_depth || row.reason) && (
                  <p className="text-xs text-slate-600">{[row.research_depth && humanize(row.research_depth), row.reason].filter(Boolean).join(" · ")}</p>
                )}
                <ResearchLink requestId={row.research_request_id} />
              </div>
              <div className="shrink-0 text-right">
                <p className={`font-semibold tabular-nums ${row.amount < 0 ? "text-red-800" : "text-green-800"}`}>{row.amount > 0 ? `+${row.amount}` : row.amount}</p>
                <p className="text-xs text-slate-600">balance {row.balance_after}</p>
              </div>
            </li>
          ))}
        </ul>
        <div className="mt-3 hidden overflow-x-auto sm:block">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead className="text-slate-600">
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-3 font-semibold">When</th>
                <th scope="col" className="py-2 pr-3 font-semibold">What</th>
                <th scope="col" className="py-2 pr-3 text-right font-semibold">Amount</th>
                <th scope="col" className="py-2 pr-3 text-right font-semibold">Balance after</th>
                <th scope="col" className="py-2 font-semibold">Details</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.results.map((row) => (
                <tr key={row.id}>
                  <td className="whitespace-nowrap py-2 pr-3">{formatDateTime(row.timestamp)}</td>
                  <td className="py-2 pr-3">{humanize(row.kind)}</td>
                  <td className={`py-2 pr-3 text-right tabular-nums ${row.amount < 0 ? "text-red-800" : "text-green-800"}`}>
                    {row.amount > 0 ? `+${row.amount}` : row.amount}
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{row.balance_after}</td>
                  <td className="py-2 text-slate-700">
                    {[row.research_depth && humanize(row.research_depth), row.reason].filter(Boolean).join(" · ") || (row.research_request_id ? "" : "—")}
                    <ResearchLink requestId={row.research_request_id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </>
      )}
      {data && (data.previous || data.next) && (
        <div className="mt-4">
          <Pagination page={page} pageCount={hasNext ? Math.max(pageCount, page + 1) : page} onPage={setPage} label="Transaction pages" />
        </div>
      )}
    </Card>
  );
}

export function CreditsPage() {
  usePageTitle("Credits");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Credits</h1>
        <p className="mt-1 text-sm text-slate-700">
          Each research reserves its credits when it starts; a research that fails, is aborted or finds not enough evidence is refunded in full.
        </p>
      </div>
      <BalanceCard />
      <TransactionHistory />
    </div>
  );
}
