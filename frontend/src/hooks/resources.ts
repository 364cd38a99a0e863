// One hook per API resource the app reads.
import type {
  ApiKey,
  Availability,
  Balance,
  CheckpointDefinition,
  Depth,
  Me,
  Page,
  Suggestion,
  TaskSummary,
  TransactionPage,
} from "../api/types";
import type { Report, SourcePassage } from "../api/report";
import { useQuery } from "./useQuery";

export const useMe = () => useQuery<Me>("/me");
export const useAvailability = (enabled = true) => useQuery<Availability>(enabled ? "/research/availability" : null);
export const useDepths = () => useQuery<Depth[]>("/research/depths");
export const useCheckpoints = () => useQuery<CheckpointDefinition[]>("/research/checkpoints");
export const useBalance = () => useQuery<Balance>("/credits/balance");
export const useTransactions = (page: number) => useQuery<TransactionPage>(`/credits/transactions?page=${page}`);
export const useApiKeys = () => useQuery<ApiKey[]>("/keys");
export const useTasks = (queryString: string) => useQuery<Page<TaskSummary>>(`/research/tasks?${queryString}`);
export const useReport = (taskId: string, enabled: boolean) =>
  useQuery<Report>(enabled ? `/research/tasks/${encodeURIComponent(taskId)}/report` : null);

export const useSourcePassage = (taskId: string, sourceId: string, quote: string) =>
  useQuery<SourcePassage>(
    `/research/tasks/${encodeURIComponent(taskId)}/sources/${encodeURIComponent(sourceId)}?quote=${encodeURIComponent(quote.slice(0, 2000))}`,
  );

export function useSuggestions(text: string) {
  const trimmed = text.trim();
  return useQuery<{ suggestions: Suggestion[] }>(
    trimmed.length >= 2 ? `/research/tasks/suggest?q=${encodeURIComponent(trimmed)}` : null,
  );
}
