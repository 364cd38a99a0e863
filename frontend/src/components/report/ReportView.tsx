import { useReport } from "../../hooks/resources";
import { ErrorState } from "../ui/ErrorState";
import { LoadingRegion, Skeleton } from "../ui/Skeleton";
import { ReportSummaryCards } from "./ReportSummaryCards";
import { ReportTabs } from "./ReportTabs";

/** A completed research's report: summary cards and the section tabs. */
export function ReportView({ taskId }: { taskId: string }) {
  const { data: report, error, reload } = useReport(taskId, true);
  if (error && !report) return <ErrorState error={error} title="Could not load the report" onRetry={reload} />;
  if (!report) {
    return (
      <LoadingRegion label="Loading the report">
        <div className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 lg:grid-cols-4">
          {[0, 1, 2, 3].map((index) => (
            <Skeleton key={index} className="h-28" />
          ))}
        </div>
        <Skeleton className="mt-6 h-11 w-full" />
        <Skeleton className="mt-4 h-96 w-full" />
      </LoadingRegion>
    );
  }
  return (
    <div className="space-y-6">
      <ReportSummaryCards report={report} />
      <ReportTabs report={report} />
    </div>
  );
}
