import type { TaskStatus } from "../../api/types";
import { humanize } from "../../lib/format";

const TONES: Record<TaskStatus, string> = {
  queued: "bg-slate-100 text-slate-800 ring-slate-300",
  processing: "bg-blue-50 text-blue-800 ring-blue-300",
  completed: "bg-green-50 text-green-800 ring-green-300",
  insufficient_evidence: "bg-sky-50 text-sky-900 ring-sky-300",
  failed: "bg-red-50 text-red-800 ring-red-300",
  aborted: "bg-amber-50 text-amber-900 ring-amber-300",
};

const LABELS: Partial<Record<TaskStatus, string>> = { insufficient_evidence: "Not enough evidence" };

/** A task's status in words ("Not enough evidence" for the insufficient-evidence outcome). */
export function statusLabel(status: TaskStatus): string {
  return LABELS[status] ?? humanize(status);
}

export function StatusBadge({ status }: { status: TaskStatus }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status] ?? TONES.queued}`}>
      {LABELS[status] ?? humanize(status)}
    </span>
  );
}
