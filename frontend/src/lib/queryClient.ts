// The app's one TanStack Query client: the cache every read goes through (deduplicated, retried,
// refreshed on invalidation), reachable outside React for websocket updates and invalidations.
import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/client";

const MAX_RETRIES = 2;

/** Retry network failures and server errors (5xx, 0); a 4xx answer will not change by asking again. */
export function shouldRetry(failures: number, error: unknown): boolean {
  if (failures >= MAX_RETRIES) return false;
  if (error instanceof ApiError) return error.status === 0 || error.status >= 500;
  return false;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: shouldRetry,
      retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
      staleTime: 5_000,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});
