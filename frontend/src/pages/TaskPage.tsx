import { Link, useParams } from "react-router";
import { ApiError } from "../api/client";
import { REPORTED_STATUSES } from "../api/types";
import { ActiveResearchProgress } from "../components/progress/ActiveResearchProgress";
import { CheckpointGroups } from "../components/progress/CheckpointGroups";
import { InsufficientEvidenceNotice, ResearchEndedNotice } from "../components/progress/ResearchEndedNotice";
import { TaskActions } from "../components/progress/TaskActions";
import { ExportButtons } from "../components/report/ExportButtons";
import { ReportView } from "../components/report/ReportView";
import { ErrorState } from "../components/ui/ErrorState";
import { LoadingRegion, Skeleton } from "../components/ui/Skeleton";
import { StatusBadge, statusLabel } from "../components/ui/StatusBadge";
import { useCheckpoints } from "../hooks/resources";
import { useCompletionNotice } from "../hooks/useCompletionNotice";
import { usePageTitle } from "../hooks/usePageTitle";
import { useTaskLive } from "../hooks/useTaskLive";
import { formatDateTime, humanize, plural } from "../lib/format";
import { groupCheckpoints } from "../lib/progress";

export function TaskPage() {
  const { taskId = "" } = useParams();
  const { task, error, connection, replaceTask, reload } = useTaskLive(taskId);
  const checkpoints = useCheckpoints();
  const running = task?.status === "queued" || task?.status === "processing";
  const percent = task ? Math.round(task.progress * 100) : 0;
  usePageTitle(task ? (running ? `${percent}% · ${task.title}` : `${statusLabel(task.status)} · ${task.title}`) : "Research");
  const notice = useCompletionNotice(task?.title ?? "", task?.status);

  if (!task) {
    if (error instanceof ApiError && error.code === "not_found") {
      return (
        <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6">
          <h1 className="text-xl font-semibold">Research not found</h1>
          <p className="mt-2 text-slate-700">It may have been deleted, or it belongs to another account.</p>
          <Link to="/tasks" className="mt-4 inline-block font-medium text-brand-700 underline">
            Back to research history
          </Link>
        </div>
      );
    }
    if (error) return <ErrorState error={error} title="Could not load this research" onRetry={reload} />;
    return (
      <LoadingRegion label="Loading research">
        <Skeleton className="h-8 w-2/3" />
        <Skeleton className="mt-2 h-4 w-1/3" />
        <Skeleton className="mt-6 h-32 w-full" />
        <Skeleton className="mt-4 h-80 w-full" />
      </LoadingRegion>
    );
  }

  const definitions = checkpoints.data ?? [];
  const active = task.status === "queued" || task.status === "processing";
  const reported = REPORTED_STATUSES.includes(task.status);
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <div className="min-w-0">
          <p className="text-sm">
            <Link to="/tasks" className="text-brand-700 underline-offset-2 hover:underline print:hidden">
              ← Research history
            </Link>
          </p>
          <h1 className="mt-1 break-words text-2xl font-bold tracking-tight">{task.title || "Untitled research"}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
            <StatusBadge status={task.status} />
            <span>{humanize(task.depth)}</span>
            <span>{plural(task.credits_charged, "credit")}</span>
            <span>Started {formatDateTime(task.created_at)}</span>
            {task.rerun_of && (
              <Link to={`/tasks/${encodeURIComponent(task.rerun_of)}`} className="text-brand-700 underline">
                Rerun of an earlier research
              </Link>
            )}
          </p>
        </div>
        {!active && (
          <div className="flex flex-wrap gap-2 print:hidden">
            {reported && <ExportButtons taskId={task.id} />}
            <TaskActions task={task} />
          </div>
        )}
      </div>

      {active && definitions.length > 0 && (
        <ActiveResearchProgress task={task} definitions={definitions} connection={connection} onAborted={replaceTask} notice={notice} />
      )}
      {active && definitions.length === 0 && (checkpoints.error ? <ErrorState error={checkpoints.error} onRetry={checkpoints.reload} /> : <Skeleton className="h-80 w-full" />)}

      {(task.status === "failed" || task.status === "aborted") && (
        <>
          <ResearchEndedNotice task={task} />
          {definitions.length > 0 && (
            <details className="rounded-lg border border-slate-200 bg-white p-4">
              <summary className="cursor-pointer font-medium">Checkpoints reached ({task.checkpoints.length} of {definitions.length})</summary>
              <div className="mt-3">
                <CheckpointGroups groups={groupCheckpoints(definitions, task.checkpoints)} status={task.status} />
              </div>
            </details>
          )}
        </>
      )}

      {task.status === "insufficient_evidence" && <InsufficientEvidenceNotice task={task} />}
      {reported && <ReportView taskId={task.id} />}
    </div>
  );
}
