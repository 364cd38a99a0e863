import { Link } from "react-router";
import type { TaskSummary } from "../../api/types";
import { formatDateTime, humanize, plural } from "../../lib/format";
import { scorePill } from "../../lib/score";
import { StatusBadge } from "../ui/StatusBadge";

/** True when the title is the idea's opening (titles are made from ideas): no need to repeat it. */
function sameIdea(title: string, idea: string): boolean {
  const words = (text: string) => text.toLowerCase().replace(/[…]+$/, "").replace(/[^a-z0-9]+/g, " ").trim();
  const start = words(title);
  return start.length > 0 && (words(idea).startsWith(start) || words(idea) === start);
}

type Props = { task: TaskSummary; selected: boolean; onToggle: (id: string) => void };

/** One research in the history: select box, title, status, depth, date and score or progress. */
export function ResearchTaskCard({ task, selected, onToggle }: Props) {
  const running = task.status === "queued" || task.status === "processing";
  const checkboxId = `select-${task.id}`;
  return (
    <li className={`flex items-start gap-3 rounded-lg border bg-white px-3 py-2.5 sm:px-4 sm:py-3 ${selected ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"}`}>
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
        {!sameIdea(task.title, task.product_idea) && <p className="mt-0.5 line-clamp-1 text-sm text-slate-700">{task.product_idea}</p>}
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
          <span>{humanize(task.depth)}</span>
          <span>{formatDateTime(task.created_at)}</span>
          {task.pmf_score !== null && (
            <span className={`rounded-full px-2 font-semibold ring-1 ring-inset ${scorePill(task.pmf_score)}`}>PMF {task.pmf_score}/100</span>
          )}
          {running && <span>{Math.round(task.progress * 100)}% done</span>}
          {task.refunded && <span>{plural(task.credits_charged, "credit")} refunded</span>}
          {task.rerun_of && <span>Rerun</span>}
        </p>
      </div>
    </li>
  );
}
