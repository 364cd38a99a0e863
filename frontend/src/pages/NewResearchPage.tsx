import { useSearchParams } from "react-router";
import type { TaskDetail } from "../api/types";
import { ResearchForm } from "../components/research/ResearchForm";
import { Card } from "../components/ui/Card";
import { ErrorState } from "../components/ui/ErrorState";
import { LoadingRegion, Skeleton } from "../components/ui/Skeleton";
import { useAvailability, useBalance, useDepths, useMe } from "../hooks/resources";
import { usePageTitle } from "../hooks/usePageTitle";
import { useQuery } from "../hooks/useQuery";

export function NewResearchPage() {
  usePageTitle("New research");
  const [params] = useSearchParams();
  const rerunOf = params.get("rerun");
  const depths = useDepths();
  const balance = useBalance();
  const me = useMe();
  const availability = useAvailability();
  const original = useQuery<TaskDetail>(rerunOf ? `/research/tasks/${encodeURIComponent(rerunOf)}` : null);
  const ready = depths.data !== undefined && me.data !== undefined && (!rerunOf || original.data !== undefined || original.error);
  const error = depths.error ?? me.error;
  const prefill = original.data
    ? { idea: original.data.product_idea, depth: original.data.depth, originalId: original.data.id, originalTitle: original.data.title }
    : undefined;

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight">{prefill ? "Run a research again" : "New research"}</h1>
      <p className="mt-1 text-slate-700">Describe a product idea. Three research agents study its market, competitors and customers, then score its product-market fit.</p>
      {me.data?.sample_corpus && (
        <p role="note" className="mt-4 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="demo-mode">
          <strong>Demo mode.</strong> No web search is configured: research runs on the fictional sample documents shipped with the app (meal planning, restaurant
          inventory, remote stand-ups), and its reports are marked as demo data.
        </p>
      )}
      <Card className="mt-6">
        {error && !ready ? (
          <ErrorState
            error={error}
            title="Could not load the research options"
            onRetry={() => {
              depths.reload();
              me.reload();
            }}
          />
        ) : ready && me.data ? (
          <ResearchForm
            key={prefill?.originalId ?? "new"}
            depths={depths.data ?? []}
            balance={balance.data}
            settings={{
              ideaMin: me.data.idea_min_length,
              ideaMax: me.data.idea_max_length,
              defaultDepth: me.data.default_depth,
              siteKey: me.data.hcaptcha_site_key,
            }}
            workersAvailable={availability.data?.workers_available}
            prefill={prefill}
          />
        ) : (
          <LoadingRegion label="Loading research options">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="mt-3 h-36 w-full" />
            <div className="mt-6 grid gap-3 sm:grid-cols-3">
              <Skeleton className="h-44" />
              <Skeleton className="h-44" />
              <Skeleton className="h-44" />
            </div>
            <Skeleton className="mt-6 h-20 w-full" />
          </LoadingRegion>
        )}
      </Card>
    </div>
  );
}
