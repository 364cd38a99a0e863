import { useReport } from "../../hooks/resources";
import { ErrorState } from "../ui/ErrorState";
import { LoadingRegion, Skeleton } from "../ui/Skeleton";
import { ChecksLegend, ReportNotices } from "./ReportNotices";
import { ReportSummaryCards } from "./ReportSummaryCards";
import { ReportTabs } from "./ReportTabs";

/** A finished research's report: notices, summary cards, the checks legend and the section tabs. */
export function ReportView({ taskId }: { taskId: string }) {
  const { data: report, error, reload } = useReport(taskId, true);
  if (error && !report) return <ErrorState error={error} title="Could not load the report" onRetry={reload} />;
  if (!report) {
    return (
      <LoadingRegion label="Loading the report">
        <div className="grid grid-cols-2 gap-2 sm:gap-3 lg:grid-cols-4">
          {[0, 1, 2, 3].map((index) => (
            <Skeleton key={index} className="h-20 sm:h-28" />
          ))}
        </div>
        <Skeleton className="mt-6 h-11 w-full" />
        <Skeleton className="mt-4 h-96 w-full" />
      </LoadingRegion>
    );
  }
  return (
    <div className="space-y-4">
      <ReportNotices report={report} />
      <ReportSummaryCards report={report} />
      <ChecksLegend />
      <ReportTabs report={report} taskId={taskId} />
    </div>
  );
}
