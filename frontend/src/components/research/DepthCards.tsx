import type { Depth, DepthAllowance } from "../../api/types";
import { formatTypicalTime, plural } from "../../lib/format";

type Props = {
  depths: Depth[];
  allowances: DepthAllowance[] | undefined;
  value: string;
  onChange: (depth: string) => void;
  error?: string;
};

/** The research depths as three radio cards: credits, typical time, sources and search/extract depth. */
export function DepthCards({ depths, allowances, value, onChange, error }: Props) {
  return (
    <fieldset aria-describedby={error ? "depth-error" : undefined}>
      <legend className="text-sm font-semibold text-slate-900">Research depth</legend>
      <div className="mt-2 grid gap-3 sm:grid-cols-3">
        {depths.map((depth) => {
          const allowance = allowances?.find((candidate) => candidate.depth === depth.name);
          const short = allowance !== undefined && !allowance.affordable;
          const selected = value === depth.name;
          return (
            <label
              key={depth.name}
              className={`relative flex cursor-pointer flex-col rounded-lg border-2 bg-white p-4 has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${
                selected ? "border-brand-600 bg-brand-50" : "border-slate-200 hover:border-slate-400"
              }`}
            >
              <input
                type="radio"
                name="research_depth"
                value={depth.name}
                checked={selected}
                onChange={() => onChange(depth.name)}
                className="sr-only"
                aria-describedby={`depth-${depth.name}-details`}
              />
              <span className="flex items-baseline justify-between gap-2">
                <span className="text-base font-semibold">{depth.label}</span>
                <span className="text-sm font-semibold text-brand-700">{plural(depth.credits, "credit")}</span>
              </span>
              <dl id={`depth-${depth.name}-details`} className="mt-3 grid grid-cols-2 gap-x-2 gap-y-1 text-sm text-slate-700">
                <dt>Typical time</dt>
                <dd className="text-right">{formatTypicalTime(depth.target_seconds)}</dd>
                <dt>Sources read</dt>
                <dd className="text-right">up to {depth.urls_per_agent * 3}</dd>
                <dt>Reading</dt>
                <dd className="text-right">{depth.extract_depth === "advanced" ? "Full pages" : "Key passages"}</dd>
              </dl>
              <span className={`mt-3 text-xs font-medium ${short ? "text-red-800" : "text-slate-600"}`}>
                {allowance === undefined ? " " : short ? "Not enough credits" : `${plural(allowance.searches_remaining, "research", "researches")} left`}
              </span>
            </label>
          );
        })}
      </div>
      {error && (
        <p id="depth-error" className="mt-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
