// Fetch one API resource for a component through the TanStack Query cache: components asking for
// the same path share one request; `invalidate(prefix)` refreshes every cached path starting with it
// (e.g. the balance after a submit).
import { keepPreviousData, useQuery as useTanstackQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import { queryClient } from "../lib/queryClient";

export function invalidate(prefix: string): void {
  void queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith(prefix) });
}

/** Write a resource into the cache (a websocket message, a mutation's answer). */
export function setCached<T>(path: string, value: T): void {
  queryClient.setQueryData([path], value);
}

export type Query<T> = {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
};

/** GET `path` (null = don't fetch); keeps the last data while another path loads so nothing jumps. */
export function useQuery<T>(path: string | null): Query<T> {
  const query = useTanstackQuery(
    {
      queryKey: [path],
      queryFn: ({ signal }) => api.get<T>(path as string, signal),
      enabled: path !== null,
      placeholderData: keepPreviousData,
    },
    queryClient,
  );
  return {
    data: query.data,
    error: query.error,
    loading: query.isFetching,
    reload: () => void query.refetch(),
  };
}
