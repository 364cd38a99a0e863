import type { CheckpointDefinition, TaskDetail } from "../../api/types";
import { useElapsed } from "../../hooks/useElapsed";
import type { Connection } from "../../hooks/useTaskLive";
import { useAvailability, useDepths } from "../../hooks/resources";
import { formatDuration, formatTypicalTime } from "../../lib/format";
import { groupCheckpoints, progressOf } from "../../lib/progress";
import { Card } from "../ui/Card";
import { AbortResearchButton } from "./AbortResearchButton";
import { CheckpointGroups } from "./CheckpointGroups";
import { ProgressBar } from "./ProgressBar";

type Props = {
  task: TaskDetail;
  definitions: CheckpointDefinition[];
  connection: Connection;
  onAborted: (task: TaskDetail) => void;
  notice?: { permission: NotificationPermission | "unsupported"; ask: () => void };
};

/** Past the depth's typical time: say so, and say why when no worker has picked it up. */
function SlowNote({ task, elapsed }: { task: TaskDetail; elapsed: number | null }) {
  const { data: depths } = useDepths();
  const target = depths?.find((depth) => depth.name === task.depth)?.target_seconds;
  const { data: availability } = useAvailability(task.status === "queued" && target !== undefined && elapsed !== null && elapsed > target);
  if (target === undefined || elapsed === null || elapsed <= target) return null;
  return (
    <p role="status" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950" data-testid="slow-note">
      Taking longer than usual (a {task.depth} research typically takes {formatTypicalTime(target)}).
      {task.status === "queued" && availability?.workers_available === false && " No research worker is running, so it has not started yet; you can abort it for a full refund."}
    </p>
  );
}

function ConnectionNote({ connection }: { connection: Connection }) {
  if (connection === "live") {
    return (
      <span className="inline-flex items-center gap-1.5 text-xs text-green-800">
        <span aria-hidden="true" className="h-2 w-2 rounded-full bg-green-600" /> Live
      </span>
    );
  }
  if (connection === "polling") {
    return <span className="text-xs text-amber-900">Live updates interrupted — checking every 2 seconds</span>;
  }
  if (connection === "connecting") return <span className="text-xs text-slate-600">Connecting…</span>;
  return null;
}

/** A running research: progress bar, elapsed time, the 17 checkpoints by category, abort. */
export function ActiveResearchProgress({ task, definitions, connection, onAborted, notice }: Props) {
  const { completed, total } = progressOf(definitions, task.checkpoints);
  const elapsed = useElapsed(task.started_at ?? task.created_at, task.completed_at);
  const groups = groupCheckpoints(definitions, task.checkpoints);
  const latest = task.checkpoints.reduce<(typeof task.checkpoints)[number] | null>(
    (last, checkpoint) => (last === null || checkpoint.at > last.at ? checkpoint : last),
    null,
  );

  return (
    <div className="space-y-4">
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="text-sm text-slate-700">
            <span className="font-medium text-slate-900">{task.status === "queued" ? "Waiting for a worker…" : "Researching…"}</span>
            <span className="mx-2" aria-hidden="true">·</span>
            <span>
              Elapsed <span className="tabular-nums" data-testid="elapsed">{elapsed === null ? "—" : formatDuration(elapsed)}</span>
            </span>
            <span className="mx-2" aria-hidden="true">·</span>
            <ConnectionNote connection={connection} />
          </div>
          <AbortResearchButton task={task} onAborted={onAborted} />
        </div>
        <div className="mt-4">
          <ProgressBar completed={completed} total={total} />
        </div>
        <SlowNote task={task} elapsed={elapsed} />
        {notice?.permission === "default" && (
          <button type="button" onClick={notice.ask} className="mt-3 text-sm font-medium text-brand-700 underline">
            Notify me when it is done
          </button>
        )}
      </Card>
      <p className="sr-only" aria-live="polite">
        {latest ? `${latest.label}. ${completed} of ${total} checkpoints done.` : ""}
      </p>
      <CheckpointGroups groups={groups} status={task.status} />
    </div>
  );
}
