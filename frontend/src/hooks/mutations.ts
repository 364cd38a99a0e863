// Every write the app makes, as a TanStack Query mutation that refreshes what it changes.
import { useMutation } from "@tanstack/react-query";
import { api } from "../api/client";
import type { BulkDeleteResponse, CreatedApiKey, SubmitResponse, TaskDetail } from "../api/types";
import { queryClient } from "../lib/queryClient";
import { invalidate, setCached } from "./useQuery";

const taskPath = (id: string) => `/research/tasks/${encodeURIComponent(id)}`;

export type SubmitVariables = {
  body: { product_idea: string; research_depth: string; hcaptcha_token?: string };
  idempotencyKey: string;
  rerunOf?: string; // a rerun, edited or not, goes through the rerun endpoint (linked to the original)
};

/** Submit (or rerun) a research: the balance and the history change. */
export function useSubmitResearch() {
  return useMutation(
    {
      mutationFn: ({ body, idempotencyKey, rerunOf }: SubmitVariables) => {
        const headers = { "Idempotency-Key": idempotencyKey };
        if (rerunOf) {
          return api.post<SubmitResponse>(`${taskPath(rerunOf)}/rerun`, body, headers);
        }
        return api.post<SubmitResponse>("/research/submit", body, headers);
      },
      onSettled: () => {
        invalidate("/credits");
        invalidate("/research/tasks?");
      },
    },
    queryClient,
  );
}

/** Abort a running research: it is refunded, so the balance changes too. */
export function useAbortResearch() {
  return useMutation(
    {
      mutationFn: (id: string) => api.post<TaskDetail>(`${taskPath(id)}/abort`),
      onSuccess: (task) => setCached(taskPath(task.id), task),
      onSettled: () => {
        invalidate("/credits");
        invalidate("/research/tasks?");
      },
    },
    queryClient,
  );
}

/** Delete one finished research. */
export function useDeleteResearch() {
  return useMutation(
    {
      mutationFn: (id: string) => api.delete(taskPath(id)),
      onSuccess: (_, id) => queryClient.removeQueries({ queryKey: [taskPath(id)] }),
      onSettled: () => invalidate("/research/tasks?"),
    },
    queryClient,
  );
}

/** Delete several finished researches (running ones come back as skipped). */
export function useBulkDeleteResearch() {
  return useMutation(
    {
      mutationFn: (ids: string[]) => api.post<BulkDeleteResponse>("/research/tasks/bulk-delete", { ids }),
      onSettled: () => invalidate("/research/tasks?"),
    },
    queryClient,
  );
}

/** Create an API key (its secret is only in the answer). */
export function useCreateApiKey() {
  return useMutation(
    {
      mutationFn: (name: string) => api.post<CreatedApiKey>("/keys", { name }),
      onSettled: () => invalidate("/keys"),
    },
    queryClient,
  );
}

/** Revoke an API key. */
export function useRevokeApiKey() {
  return useMutation(
    {
      mutationFn: (id: string) => api.delete(`/keys/${encodeURIComponent(id)}`),
      onSettled: () => invalidate("/keys"),
    },
    queryClient,
  );
}
