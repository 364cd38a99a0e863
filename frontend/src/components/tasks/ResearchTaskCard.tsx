import { Link } from "react-router";
import type { TaskSummary } from "../../api/types";
import { formatDateTime, humanize } from "../../lib/format";
import { StatusBadge } from "../ui/StatusBadge";

type Props = { task: TaskSummary; selected: boolean; onToggle: (id: string) => void };

/** One research in the history: select box, title, status, depth, date and score or progress. */
export function ResearchTaskCard({ task, selected, onToggle }: Props) {
  const running = task.status === "queued" || task.status === "processing";
  const checkboxId = `select-${task.id}`;
  return (
    <li className={`flex items-start gap-3 rounded-lg border bg-white p-3 sm:p-4 ${selected ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"}`}>
      <div className="flex min-h-6 items-center pt-0.5">
        <input
          id={checkboxId}
          type="checkbox"
          checked={selected}
          disabled={running}
          onChange={() => onToggle(task.id)}
          className="h-5 w-5 accent-brand-600 disabled:opacity-40"
          aria-label={running ? `${task.title} is running; abort it before deleting` : `Select ${task.title}`}
          title={running ? "Abort it before deleting" : undefined}
        />
      </div>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
          <Link to={`/tasks/${encodeURIComponent(task.id)}`} className="min-w-0 break-words font-semibold text-slate-900 underline-offset-2 hover:text-brand-700 hover:underline">
            {task.title || "Untitled research"}
          </Link>
          <StatusBadge status={task.status} />
        </div>
        <p className="mt-1 line-clamp-2 text-sm text-slate-700">{task.product_idea}</p>
        <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
          <span>{humanize(task.depth)}</span>
          <span>{formatDateTime(task.created_at)}</span>
          {task.pmf_score !== null && <span className="font-semibold text-slate-900">PMF {task.pmf_score}/100</span>}
          {running && <span>{Math.round(task.progress * 100)}% done</span>}
          {task.refunded && <span>Refunded</span>}
        </p>
      </div>
    </li>
  );
}
