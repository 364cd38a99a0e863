import { useCallback, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { BulkDeleteBar } from "../components/tasks/BulkDeleteBar";
import { ResearchTaskCard } from "../components/tasks/ResearchTaskCard";
import { TaskFiltersBar } from "../components/tasks/TaskFiltersBar";
import { TaskSearch } from "../components/tasks/TaskSearch";
import { buttonClass } from "../components/ui/Button";
import { ErrorState } from "../components/ui/ErrorState";
import { Pagination } from "../components/ui/Pagination";
import { LoadingRegion, Skeleton } from "../components/ui/Skeleton";
import { useDepths, useTasks } from "../hooks/resources";
import { usePageTitle } from "../hooks/usePageTitle";
import { buildTaskQuery, filtersFromParams, filtersToParams, hasFilters, PAGE_SIZE, type TaskFilters } from "../lib/taskQuery";

function countLabel(count: number, filtered: boolean): string {
  const noun = count === 1 ? "research" : "researches";
  if (!filtered) return `${count} ${noun}`;
  return `${count} ${noun} ${count === 1 ? "matches" : "match"}`;
}

export function TaskListPage() {
  usePageTitle("Research history");
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const tasks = useTasks(buildTaskQuery(filters));
  const depths = useDepths();
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const update = useCallback(
    (changes: Partial<TaskFilters>) => {
      const next = { ...filtersFromParams(params), page: 1, ...changes };
      setParams(filtersToParams(next), { replace: "q" in changes });
      setSelected(new Set());
    },
    [params, setParams],
  );

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const page = tasks.data;
  const results = page?.results ?? [];
  const selectable = results.filter((task) => task.status !== "queued" && task.status !== "processing");
  const allSelected = selectable.length > 0 && selectable.every((task) => selected.has(task.id));
  const pageCount = page ? Math.max(1, Math.ceil(page.count / (page.page_size || PAGE_SIZE))) : 1;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Research history</h1>
          <p className="mt-1 text-sm text-slate-700" aria-live="polite">
            {page ? countLabel(page.count, hasFilters(filters)) : " "}
          </p>
        </div>
        <Link to="/" className={buttonClass("primary")}>
          New research
        </Link>
      </div>

      <TaskSearch value={filters.q} onSearch={(q) => update({ q })} />
      <TaskFiltersBar filters={filters} depths={depths.data ?? []} onChange={update} />

      <div className="flex flex-wrap items-center gap-3">
        <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            className="h-5 w-5 accent-brand-600"
            checked={allSelected}
            disabled={selectable.length === 0}
            onChange={() => setSelected(allSelected ? new Set() : new Set(selectable.map((task) => task.id)))}
          />
          Select all on this page
        </label>
        <div className="flex-1">
          <BulkDeleteBar
            selected={[...selected]}
            onClear={() => setSelected(new Set())}
            onDeleted={() => {
              setSelected(new Set());
              tasks.reload();
            }}
          />
        </div>
      </div>

      {tasks.error && !page ? (
        <ErrorState error={tasks.error} title="Could not load your research" onRetry={tasks.reload} />
      ) : !page ? (
        <LoadingRegion label="Loading research">
          <ul className="space-y-3">
            {[0, 1, 2, 3, 4].map((index) => (
              <li key={index}>
                <Skeleton className="h-[6.5rem] w-full" />
              </li>
            ))}
          </ul>
        </LoadingRegion>
      ) : results.length === 0 ? (
        hasFilters(filters) ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
            <p className="font-medium">No research matches these filters.</p>
            <button type="button" className={buttonClass("secondary", "mt-3")} onClick={() => setParams(new URLSearchParams())}>
              Clear filters
            </button>
          </div>
        ) : (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
            <p className="font-medium">No research yet — start one.</p>
            <Link to="/" className={buttonClass("primary", "mt-3")}>
              Start a research
            </Link>
          </div>
        )
      ) : (
        <ul className={`space-y-3 ${tasks.loading ? "opacity-60" : ""}`} aria-busy={tasks.loading}>
          {results.map((task) => (
            <ResearchTaskCard key={task.id} task={task} selected={selected.has(task.id)} onToggle={toggle} />
          ))}
        </ul>
      )}

      {page && <Pagination page={filters.page} pageCount={pageCount} onPage={(next) => update({ page: next })} label="Research pages" />}
    </div>
  );
}
