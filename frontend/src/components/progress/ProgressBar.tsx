import { useEffect, useState } from "react";

/** Completed checkpoints out of the total, as an accessible progress bar. */
export function ProgressBar({ completed, total, label = "Research progress" }: { completed: number; total: number; label?: string }) {
  const percent = total === 0 ? 0 : Math.round((completed / total) * 100);
  // Animate changes only: on first paint the bar must already show the stored progress (a screenshot
  // or a returning user must never see "59%" over a bar still growing from zero).
  const [animated, setAnimated] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setAnimated(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span className="font-medium">{label}</span>
        <span className="tabular-nums text-slate-700">
          {completed} of {total} steps · {percent}%
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={completed}
        aria-valuetext={`${completed} of ${total} steps (${percent}%)`}
        className="mt-2 h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          data-testid="progress-fill"
          className={`h-full rounded-full bg-brand-600 ${animated ? "motion-safe:transition-[width] motion-safe:duration-500" : ""}`}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
