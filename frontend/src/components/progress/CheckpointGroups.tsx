import type { TaskStatus } from "../../api/types";
import { humanize } from "../../lib/format";
import { PARALLEL_CATEGORIES, type CheckpointGroup, type CheckpointState } from "../../lib/progress";

type Props = { groups: CheckpointGroup[]; status: TaskStatus };

function time(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

function CheckpointItem({ checkpoint, current }: { checkpoint: CheckpointState; current: boolean }) {
  const done = checkpoint.at !== null;
  return (
    <li className="flex items-start gap-2 py-1 text-sm" data-done={done}>
      <span
        aria-hidden="true"
        className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
          done ? "bg-green-600 text-white" : current ? "border-2 border-brand-600 motion-safe:animate-pulse" : "border-2 border-slate-300"
        }`}
      >
        {done ? "✓" : ""}
      </span>
      <span className={`min-w-0 flex-1 ${done ? "text-slate-900" : "text-slate-600"}`}>
        {checkpoint.label}
        <span className="sr-only">{done ? " — done" : current ? " — in progress" : " — waiting"}</span>
      </span>
      {checkpoint.at && <time dateTime={checkpoint.at} className="shrink-0 text-xs tabular-nums text-slate-600">{time(checkpoint.at)}</time>}
    </li>
  );
}

function GroupCard({ group, running }: { group: CheckpointGroup; running: boolean }) {
  const total = group.checkpoints.length;
  const firstOpen = group.checkpoints.findIndex((checkpoint) => checkpoint.at === null);
  const active = running && group.completed > 0 && group.completed < total;
  return (
    <section aria-label={humanize(group.category)} className="rounded-lg border border-slate-200 bg-white p-3">
      <h3 className="flex items-center justify-between gap-2 text-sm font-semibold">
        <span>{humanize(group.category)}</span>
        <span className={`text-xs font-medium ${group.completed === total ? "text-green-800" : active ? "text-brand-700" : "text-slate-600"}`}>
          {group.completed}/{total}
        </span>
      </h3>
      <ol className="mt-2">
        {group.checkpoints.map((checkpoint, index) => (
          <CheckpointItem key={checkpoint.number} checkpoint={checkpoint} current={running && index === firstOpen && group.completed > 0} />
        ))}
      </ol>
    </section>
  );
}

/** The checkpoints in their categories; the three research agents as parallel lanes. */
export function CheckpointGroups({ groups, status }: Props) {
  const running = status === "processing" || status === "queued";
  const firstLane = groups.findIndex((group) => PARALLEL_CATEGORIES.includes(group.category));
  const lanes = groups.filter((group) => PARALLEL_CATEGORIES.includes(group.category));
  const before = firstLane === -1 ? groups : groups.slice(0, firstLane);
  const after = firstLane === -1 ? [] : groups.slice(firstLane).filter((group) => !PARALLEL_CATEGORIES.includes(group.category));

  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        {before.map((group) => (
          <GroupCard key={group.category} group={group} running={running} />
        ))}
      </div>
      {lanes.length > 0 && (
        <div>
          <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-600">Research agents (running in parallel)</p>
          <div className="grid gap-3 md:grid-cols-3" data-testid="agent-lanes">
            {lanes.map((group) => (
              <GroupCard key={group.category} group={group} running={running} />
            ))}
          </div>
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {after.map((group) => (
          <GroupCard key={group.category} group={group} running={running} />
        ))}
      </div>
    </div>
  );
}
