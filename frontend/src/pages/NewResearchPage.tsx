import { ResearchForm } from "../components/research/ResearchForm";
import { Card } from "../components/ui/Card";
import { ErrorState } from "../components/ui/ErrorState";
import { LoadingRegion, Skeleton } from "../components/ui/Skeleton";
import { useBalance, useDepths, useMe } from "../hooks/resources";
import { usePageTitle } from "../hooks/usePageTitle";

export function NewResearchPage() {
  usePageTitle("New research");
  const depths = useDepths();
  const balance = useBalance();
  const me = useMe();
  const ready = depths.data !== undefined && me.data !== undefined;
  const error = depths.error ?? me.error;

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight">New research</h1>
      <p className="mt-1 text-slate-700">Describe a product idea. Three research agents study its market, competitors and customers, then score its product-market fit.</p>
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
        ) : ready ? (
          <ResearchForm depths={depths.data ?? []} balance={balance.data} siteKey={me.data?.hcaptcha_site_key ?? ""} />
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
