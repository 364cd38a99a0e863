// The task list's filters <-> the page URL <-> the API query string.

export type TaskFilters = {
  q: string;
  status: string;
  depth: string;
  createdAfter: string;
  createdBefore: string;
  sort: string;
  page: number;
};

export const PAGE_SIZE = 20;
export const DEFAULT_SORT = "-created_at";

export const SORTS: { value: string; label: string }[] = [
  { value: "-created_at", label: "Newest first" },
  { value: "created_at", label: "Oldest first" },
  { value: "-pmf_score", label: "Highest PMF score" },
  { value: "pmf_score", label: "Lowest PMF score" },
  { value: "-completed_at", label: "Recently completed" },
  { value: "completed_at", label: "Completed earliest" },
  { value: "status", label: "Status A–Z" },
  { value: "-status", label: "Status Z–A" },
];

export function filtersFromParams(params: URLSearchParams): TaskFilters {
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    q: params.get("q") ?? "",
    status: params.get("status") ?? "",
    depth: params.get("depth") ?? "",
    createdAfter: params.get("created_after") ?? "",
    createdBefore: params.get("created_before") ?? "",
    sort: params.get("sort") ?? DEFAULT_SORT,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** "To 25 Nov" includes the 25th: the API's created_before is exclusive, so send the next day. */
export function dayAfter(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  parsed.setUTCDate(parsed.getUTCDate() + 1);
  return parsed.toISOString().slice(0, 10);
}

/** The page URL's query string: the filters as the user set them. */
export function filtersToParams(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (filters.status) params.set("status", filters.status);
  if (filters.depth) params.set("depth", filters.depth);
  if (filters.createdAfter) params.set("created_after", filters.createdAfter);
  if (filters.createdBefore) params.set("created_before", filters.createdBefore);
  if (filters.sort && filters.sort !== DEFAULT_SORT) params.set("sort", filters.sort);
  if (filters.page > 1) params.set("page", String(filters.page));
  return params;
}

/** The API query string (also used for the page URL): empty filters and defaults left out. */
export function buildTaskQuery(filters: TaskFilters, pageSize = PAGE_SIZE): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (filters.status) params.set("status", filters.status);
  if (filters.depth) params.set("depth", filters.depth);
  if (filters.createdAfter) params.set("created_after", filters.createdAfter);
  if (filters.createdBefore) params.set("created_before", dayAfter(filters.createdBefore));
  if (filters.sort && filters.sort !== DEFAULT_SORT) params.set("sort", filters.sort);
  if (filters.page > 1) params.set("page", String(filters.page));
  if (pageSize !== PAGE_SIZE) params.set("page_size", String(pageSize));
  return params.toString();
}

export function hasFilters(filters: TaskFilters): boolean {
  return Boolean(filters.q.trim() || filters.status || filters.depth || filters.createdAfter || filters.createdBefore);
}
