import type { TaskStatus } from "../../api/types";
import { humanize } from "../../lib/format";

const TONES: Record<TaskStatus, string> = {
  queued: "bg-slate-100 text-slate-800 ring-slate-300",
  processing: "bg-blue-50 text-blue-800 ring-blue-300",
  completed: "bg-green-50 text-green-800 ring-green-300",
  failed: "bg-red-50 text-red-800 ring-red-300",
  aborted: "bg-amber-50 text-amber-900 ring-amber-300",
};

export function StatusBadge({ status }: { status: TaskStatus }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status] ?? TONES.queued}`}>
      {humanize(status)}
    </span>
  );
}
