import type { Balance, Depth } from "../../api/types";
import { plural } from "../../lib/format";

/** What the chosen depth costs, the balance after it, and how many such researches are left. */
export function CostPreview({ depth, balance }: { depth: Depth | undefined; balance: Balance | undefined }) {
  const allowance = balance?.depths.find((candidate) => candidate.depth === depth?.name);
  return (
    <div aria-live="polite" className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm min-[420px]:grid-cols-3" data-testid="cost-preview">
      <div>
        <p className="text-slate-600">Cost</p>
        <p className="text-lg font-semibold">{depth ? plural(depth.credits, "credit") : "—"}</p>
      </div>
      <div>
        <p className="text-slate-600">Balance after</p>
        {balance && depth && balance.balance < depth.credits ? (
          <p className="text-lg font-semibold text-red-800">Short by {plural(depth.credits - balance.balance, "credit")}</p>
        ) : (
          <p className="text-lg font-semibold">{balance && depth ? balance.balance - depth.credits : "—"}</p>
        )}
      </div>
      <div>
        <p className="text-slate-600">Researches left at this depth</p>
        <p className="text-lg font-semibold">{allowance ? allowance.searches_remaining : "—"}</p>
      </div>
    </div>
  );
}
