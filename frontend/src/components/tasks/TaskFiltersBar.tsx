import type { Depth } from "../../api/types";
import { TASK_STATUSES } from "../../api/types";
import { statusLabel } from "../ui/StatusBadge";
import { SORTS, type TaskFilters } from "../../lib/taskQuery";

type Props = {
  filters: TaskFilters;
  depths: Depth[];
  onChange: (changes: Partial<TaskFilters>) => void;
};

const FIELD = "mt-1 block min-h-11 w-full rounded-md border border-slate-300 bg-white px-2 text-sm";

/** Status, depth, date range and sort. */
export function TaskFiltersBar({ filters, depths, onChange }: Props) {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
      <label className="text-sm font-medium text-slate-700">
        Status
        <select className={FIELD} value={filters.status} onChange={(event) => onChange({ status: event.target.value })}>
          <option value="">All statuses</option>
          {TASK_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        Depth
        <select className={FIELD} value={filters.depth} onChange={(event) => onChange({ depth: event.target.value })}>
          <option value="">All depths</option>
          {depths.map((depth) => (
            <option key={depth.name} value={depth.name}>
              {depth.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        From
        <input type="date" className={FIELD} value={filters.createdAfter} max={filters.createdBefore || undefined} onChange={(event) => onChange({ createdAfter: event.target.value })} />
      </label>
      <label className="text-sm font-medium text-slate-700">
        To
        <input type="date" className={FIELD} value={filters.createdBefore} min={filters.createdAfter || undefined} onChange={(event) => onChange({ createdBefore: event.target.value })} />
      </label>
      <label className="col-span-2 text-sm font-medium text-slate-700 md:col-span-1">
        Sort
        <select className={FIELD} value={filters.sort} onChange={(event) => onChange({ sort: event.target.value })}>
          {SORTS.map((sort) => (
            <option key={sort.value} value={sort.value}>
              {sort.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
